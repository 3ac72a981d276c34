"""Text from files made safe to show: control characters become visible symbols.

Reports come from shared folders.  An escape sequence in an assignment's name or an answer must
not rewrite the reader's terminal (its title, colours, screen), and a bell or backspace must not
garble a table, so every control character except tab and newline is shown as its Unicode
"control picture" (ESC as ␛, BEL as ␇) before it reaches a terminal.
"""

from __future__ import annotations

import re

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # C1 controls (0x80–0x9f)


def visible(text: str) -> str:
    """``text`` with every control character but tab and newline replaced by a visible symbol."""
    return _CONTROLS.sub(_picture, text) if _CONTROLS.search(text) else text


# -- characters the output's encoding lacks -------------------------------------------------------

FALLBACK_ERRORS = "intervjufas-ascii"  # the codec error handler registered by ``register_fallback``
_FALLBACKS = {
    "→": "->",
    "←": "<-",
    "–": "-",
    "—": "-",
    "−": "-",
    "…": "...",
    "•": "*",
    "·": ".",
    "±": "+/-",
    "≤": "<=",
    "≥": ">=",
    "«": "<<",
    "»": ">>",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "█": "#",
    "▉": "#",
    "▊": "#",
    "▋": "#",
    "▌": "#",
    "▍": "",
    "▎": "",
    "▏": "",
    "▁": "_",
    "▂": ".",
    "▃": "-",
    "▄": "-",
    "▅": "=",
    "▆": "=",
    "▇": "#",
    "↗": "^",  # the marks of the process map
    "✕": "x",
    "✓": "v",
}


def fallback(char: str) -> str:
    """ASCII to show for a character an output encoding lacks: a look-alike (→ as ->, █ as #, box
    lines as - | +), else the letter without its accent (å as a), else ?."""
    if char in _FALLBACKS:
        return _FALLBACKS[char]
    import unicodedata

    if "\u2500" <= char <= "\u257f":  # box drawing
        name = unicodedata.name(char, "")
        return "-" if "HORIZONTAL" in name else "|" if "VERTICAL" in name else "+"
    plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
    return plain or "?"


def _replace(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return "".join(fallback(char) for char in error.object[error.start : error.end]), error.end


def register_fallback() -> str:
    """Register the error handler that writes ``fallback`` for what an encoding lacks; its name."""
    import codecs

    codecs.register_error(FALLBACK_ERRORS, _replace)
    return FALLBACK_ERRORS
