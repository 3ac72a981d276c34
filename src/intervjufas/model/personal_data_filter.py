"""A cheap and exact pre-filter for the personal-data detector (``personal_data``), run on a file's
raw bytes: ``may_hold_personal_data`` is False only where ``find_personal_data`` on the decoded
text finds nothing. ``granska`` reads thousands of reports in which there is nothing to find; the
filter lets it skip the search, and the decoding, for almost all of them.

Why it is exact – what the detector needs, read off its rules (a new rule must keep these true):

- An e-mail address needs an at sign: "@", or an opening bracket followed (after at most one
  space) by a word for it ("at", "snabel-a", in any case; "ſ" is an "s" too) and a closing one.
  The bytes are translated (letters to lower case, the brackets to "(" and ")", every byte of a
  non-ASCII character to "~"), and one expression with a literal first byte finds such a bracket.
- A number is only looked for in a cluster: a run of digits and separators (ASCII ``+()./ -``
  and non-ASCII spaces and dashes) from its first digit, ``+`` or ``(`` to its last digit, and
  every finding has at least 8 digits of one cluster (a phone number 8 to 10, an identity number
  10 or 12). Translated, such a run lies in a run of the bytes ``0-()+~`` and space (every
  non-ASCII byte may be a separator), found from its first to its last digit by one expression
  with a literal first byte; a run with fewer than 8 digits holds nothing.
- A run of 8 or more digits holds nothing either when it is plain – ASCII digits joined by single
  ``-``, ``.`` or ``/``, with no ``+`` or opening bracket just before it – and either is glued to
  a letter on one side (no number starts right after a letter, ends right before one, or starts
  right after a digit, or a digit and a joiner: the detector's look-behinds and ``(?!\\w)``), or
  has fewer than 10 digits and does not start with 0 (then it is no identity number, and a phone
  number starts with 0, ``+`` or ``(``). These are the dates, ids and hashes of the program's own
  lines: ``2024-01-08``, ``e3146e78d289``. (A run shaped as such a date – four, two and two
  digits joined by single joiners – is known plain with 8 digits without counting or matching it:
  the most common run of a report, told at once; a test holds it to the general path.)

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
_DIGIT, _OTHER = ord("0"), ord("#")
_OPENERS, _WORDS = frozenset(b"(+"), frozenset(b"abcdefghijklmnopqrstuvwxyz_")
_ZERO = ord("0")  # (in the bytes themselves)
_RUN = rb"0[-0 ()+~]{6,}0"  # from the first to the last digit of a run of digits and separators
_SP = rb"(?: |~~|~~~)"  # a space, a no-break space, a narrow no-break space
# "(at)", "[snabel-a]", ... (the look-ahead only makes the many other brackets fail at once)
_AT = rb"\((?=[ ~as])" + _SP + rb"?(?:at|(?:s|~~)nabel-?a)" + _SP + rb"?\\?\)"
_PLAIN = rb"[0-9]+(?:[-./][0-9]+)*"  # ASCII digits joined by single -, . or /
_DATE = b"0000-00-00"  # a date as the program writes it (translated): a plain run of 8 digits


def _translation() -> bytes:
    table = bytearray([_OTHER]) * 256
    for byte in range(256):
        char = chr(byte)
        if char in string.digits:
            table[byte] = _DIGIT
        elif char in "-./":
            table[byte] = ord("-")
        elif char in "([{<":
            table[byte] = ord("(")
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
    return patterns.at.search(shape) is not None or _a_run_may_hold_a_number(data, shape, patterns)


def _a_run_may_hold_a_number(data: bytes, shape: bytes, patterns: _Patterns) -> bool:
    """Whether a run of digits and separators (from its first digit to its last) may hold an
    identity or phone number; see the module's docstring for the rules."""
    plain, size = patterns.plain.fullmatch, len(shape)
    for run in patterns.run.finditer(shape):
        start, end = run.span()
        before = shape[start - 1] if start else _OTHER
        if end - start == 10 and shape.startswith(_DATE, start):  # (the common run, told at once)
            digits = 8  # (and plain)
        else:
            digits = shape.count(_DIGIT, start, end)
            if digits < 8:
                continue  # (too few digits for any number)
            if plain(data, start, end) is None:
                return True
        if before in _OPENERS:
            return True
        if before in _WORDS or (end < size and shape[end] in _WORDS):
            continue  # (glued to a letter: a number never is)
        if digits >= 10 or data[start] == _ZERO:
            return True
    return False
