"""A cheap and exact pre-filter for the personal-data detector (``personal_data``), run on a file's
raw bytes: ``may_hold_personal_data`` is False only where ``find_personal_data`` on the decoded
text finds nothing. ``granska`` reads thousands of reports in which there is nothing to find; the
filter lets it skip the search, and the decoding, for almost all of them.

Why it is exact – what the detector needs, read off its rules:

- An e-mail address needs an at sign: "@", or an opening bracket followed (after at most one
  space) by a word for it ("at", "snabel-a", in any case). In bytes: "@", or a bracket, at most
  one space of the three kinds and two bytes that may begin "at" or "sn" (any byte of a non-ASCII
  character is let through).
- A number is only looked for in a cluster: a run of digits and separators (ASCII ``+()./ -``
  and non-ASCII spaces and dashes) from its first digit, ``+`` or ``(`` to its last digit, and
  every finding has at least 8 digits of one cluster (a phone number 8 to 10, an identity number
  10 or 12). The bytes are translated so that such runs are a run of the bytes ``0-)+~ `` (every
  non-ASCII byte is a possible separator), found with one simple expression; a run with fewer than
  8 digits holds nothing.
- A run of 8 or more digits holds nothing either when it is plain – ASCII digits joined by single
  ``-``, ``.`` or ``/``, with no ``+`` or ``(`` just before it – and it is glued to a letter on
  either side (the detector takes no number that follows or precedes a letter: look-behinds and
  ``(?!\\w)``), or has fewer than 10 digits and does not start with 0 (then it is no identity
  number, and a phone number must start with 0, ``+`` or ``(``; inside it, every position follows
  a digit or a digit and a joiner, where no number may start). These are the dates, ids and hashes
  of the program's own lines: ``2024-01-08``, ``e3146e78d289``.

Anything else – a real candidate, a bracket that might open "(at)" – is searched by the detector
itself, so its findings are exactly the detector's. Property tests hold the filter to that.
"""

from __future__ import annotations

import functools
import re
import string
from typing import NamedTuple

# The translated bytes: a digit, a joiner, a space, an opening or closing bracket (also "[{<" and
# "]}>"), "+", a byte of a non-ASCII character, a letter (in lower case) or "_", a backslash, "@";
# anything else (a line break, a colon, a comma, a tab, ...) is "#".
_DIGIT, _OPENING, _PLUS, _WORDS = ord("0"), ord("("), ord("+"), frozenset(b"abcdefghijklmnopqrstuvwxyz_")
_RUN = rb"0[-0 ()+~]{6,}0"  # from the first to the last digit of a run of digits and separators
_SP = rb"(?: |~~|~~~)"  # a space, a no-break space, a narrow no-break space
_AT = rb"\(" + _SP + rb"?(?:at|(?:s|~~)nabel-?a)" + _SP + rb"?\\?\)"  # "(at)", "[snabel-a]", ...
_PLAIN = rb"[0-9]+(?:[-./][0-9]+)*"  # ASCII digits joined by single -, . or /


def _translation() -> bytes:
    table = bytearray(b"#") * 256
    for byte in range(256):
        char = chr(byte)
        if char in string.digits:
            table[byte] = _DIGIT
        elif char in "-./":
            table[byte] = ord("-")
        elif char in "([{<":
            table[byte] = _OPENING
        elif char in ")]}>":
            table[byte] = ord(")")
        elif char in " +@\\_":
            table[byte] = byte
        elif char in string.ascii_letters:
            table[byte] = ord(char.lower())
        elif byte >= 0x80:
            table[byte] = ord("~")
    return bytes(table)


class _Patterns(NamedTuple):
    table: bytes
    run: re.Pattern[bytes]
    at: re.Pattern[bytes]
    plain: re.Pattern[bytes]


@functools.cache
def _re() -> _Patterns:
    """The table and patterns, made on first use (not at the program's start)."""
    return _Patterns(_translation(), *map(re.compile, (_RUN, _AT, _PLAIN)))


def may_hold_personal_data(data: bytes) -> bool:
    """Whether ``find_personal_data`` might find something in ``data`` decoded (as UTF-8, any bad
    bytes replaced, a byte-order mark dropped). False means it finds nothing."""
    patterns = _re()
    if b"@" in data:
        return True
    shape = data.translate(patterns.table)
    if patterns.at.search(shape) is not None:
        return True
    return not all(_plain_run(data, shape, *run.span()) for run in patterns.run.finditer(shape))


def _plain_run(data: bytes, shape: bytes, start: int, end: int) -> bool:
    """Whether the run from its first digit at ``start`` to its last before ``end`` can hold no
    number (see the module's docstring)."""
    digits = shape.count(_DIGIT, start, end)
    if digits < 8:
        return True
    before = shape[start - 1] if start else None
    if before in (_OPENING, _PLUS) or _re().plain.fullmatch(data, start, end) is None:
        return False
    if before in _WORDS or (end < len(shape) and shape[end] in _WORDS):
        return True
    return digits < 10 and data[start] != _DIGIT
