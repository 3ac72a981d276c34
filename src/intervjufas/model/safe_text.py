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
