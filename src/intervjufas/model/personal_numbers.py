"""The number rules of the personal-data detector (``personal_data``): Swedish personal identity
numbers (personnummer), coordination numbers (samordningsnummer) and Swedish phone numbers, as
people write them in prose.

Why a module of their own: the shapes people write numbers in are many, and each rule must be
strict about shape and context, so that dates, times, amounts and order numbers are not taken:

- Identity numbers are whole runs of 10 or 12 digits that pass the Luhn check and carry a real,
  past birth date (day + 60 for a coordination number). Before the last four there may be a ``+``,
  a hyphen or dash of any kind (``-``, en and em dash, the no-break hyphen word processors put
  in), with a space on either side, or a single space (``850412 1230``, not inside a longer row of
  digit groups); the date may be written in pairs followed by a dash (``85 04 12-1230``).
  Organisation numbers fail on the month (20 or more), amounts and ISO dates on shape. A number
  whose date lies less than 13 years back and whose last four read as a time of day
  (``20240305-1200``, ``240305 0930``) is a date and a time: no candidate is that young, and that
  is how systems write a time stamp.
- Phone numbers are taken as a whole span of digit groups and judged as one: a single leading 0
  (or +46 / 0046), 8-10 digits in all, mobiles (07x) exactly 10, a two-digit area code only for
  08, at most one hyphen or dash (after the area code). Groups joined by dots only are a phone
  number with 9 or 10 digits (``070.123.45.67``; ``08.12.2026`` is a date), and a slash may follow
  the area code (``070/1234567``; after ``08/`` not a group of two digits, which ``08/12 2026``, a
  date, has). Times, ranges, dates and amounts do not fit.

Standard library only, and fast: ``find_numbers`` runs the exact patterns only over clusters of
digits and separators long enough to hold a number (see ``benchmarks/bench_personal_data.py``).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import NamedTuple

PERSONNUMMER, SAMORDNINGSNUMMER, TELEFON = "personnummer", "samordningsnummer", "telefon"
SPACES = " \u00a0\u202f"  # a space, a no-break space, a narrow no-break space (word processors)
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"  # hyphen, no-break hyphen, dashes, minus sign
_MAX_GROUPS = 16  # digit groups of numbers side by side that are told apart
_MIN_DIGITS = 8  # the shortest finding (a phone number such as 08-12 34 56) has 8 digits
_YOUNGEST = 13  # years: a "birth date" closer than this, with a time of day after it, is a time stamp

_SP = f"[{SPACES}]"
_DASH = f"[-{DASHES}]"
_JOINERS = f"-{DASHES}.,:/"  # after a digit, these glue a number to the one before it
_PLAIN = str.maketrans({**dict.fromkeys(DASHES, "-"), "\u00a0": " ", "\u202f": " "})

# A 10- or 12-digit identity number, not glued to a word and not part of a longer number.
_ID_NUMBER = (
    rf"(?<![\w+])(?<![0-9][+{_JOINERS}])"
    rf"(?P<century>[0-9]{{2}})?(?P<date>[0-9]{{2}}(?P<gap>{_SP}?)[0-9]{{2}}(?P=gap)[0-9]{{2}})"
    rf"(?P<sep>{_SP}?{_DASH}{_SP}?|\+|{_SP})?(?P<serial>[0-9]{{3}})(?P<check>[0-9])"
    rf"(?!\w)(?![+{_JOINERS}][0-9])"
)

# A span of digit groups that might be a phone number: digits joined by single spaces, hyphens or
# dashes, dots or a slash, with a leading + or (, and (08) or (0) forms. It is judged as a whole
# by is_phone_number.
_PHONE_SPAN = (
    rf"(?<![\w+(])(?<![0-9][{_JOINERS}])"
    rf"[+(]?[0-9](?:[0-9]|\)(?={_SP}?{_DASH}?{_SP}?[0-9])|{_SP}?[/{DASHES}-]{_SP}?(?=[0-9])"
    rf"|\.(?=[0-9])|{_SP}(?=[0-9]|\(0\))|\(0\))*+"
    r"(?!\w)(?![.,:/][0-9])"
)
# (A span is judged with its dashes made "-" and its spaces " ".)
_INTERNATIONAL = r"(?:\+|00)46(?: ?- ?| )?(?:\(0\) ?)?"
_NATIONAL = (
    r"(?:\((?P<parens>0[0-9]{1,3})\) ?|(?P<area>0[0-9]{1,3})(?: ?- ?| ))"
    r"(?P<subscriber>[0-9]{5,8}|[0-9]{2,4}(?: [0-9]{2,4})+)"
    r"|0[0-9]{7,9}"
)
_DOTTED = r"(?P<prefix>(?:\+|00)46[ .]?)?[0-9]+(?:\.[0-9]+)+"
_SLASHED = r"(?P<area>0[0-9]{1,3}) ?/ ?(?P<subscriber>[0-9]{5,8}|(?P<first>[0-9]{2,4})(?: [0-9]{2,4})+)"
_DIGIT = r"[0-9]"
# Every identity or phone number lies in such a cluster of at least 8 characters.
_CLUSTER = rf"[0-9+(][0-9+()./{SPACES}{DASHES}-]{{6,}}[0-9]"
_ENOUGH_DIGITS = rf"[0-9](?:[^0-9]*+[0-9]){{{_MIN_DIGITS - 1}}}"


class _Patterns(NamedTuple):
    id_number: re.Pattern[str]
    phone_span: re.Pattern[str]
    international: re.Pattern[str]
    national: re.Pattern[str]
    dotted: re.Pattern[str]
    slashed: re.Pattern[str]
    digit: re.Pattern[str]
    cluster: re.Pattern[str]
    enough_digits: re.Pattern[str]


@functools.cache
def _re() -> _Patterns:
    """The patterns, compiled on first use: compiling takes milliseconds that the program's start
    (which imports this module) should not pay."""
    patterns = (_ID_NUMBER, _PHONE_SPAN, _INTERNATIONAL, _NATIONAL, _DOTTED, _SLASHED, _DIGIT, _CLUSTER)
    return _Patterns(*map(re.compile, (*patterns, _ENOUGH_DIGITS)))


class NumberFound(NamedTuple):
    kind: str  # PERSONNUMMER, SAMORDNINGSNUMMER or TELEFON
    start: int
    end: int


def find_numbers(text: str, today: dt.date) -> list[NumberFound]:
    """Every identity and phone number in ``text``; they may overlap (an identity number has the
    shape of a phone number too): the caller keeps the identity number."""
    if _re().enough_digits.search(text) is None:
        return []
    found: list[NumberFound] = []
    # The exact patterns start with look-behinds, which the regex engine tries at every
    # position; a cluster search with a plain first character skips prose quickly, and the
    # exact patterns then run only over the clusters (seeing the text around them).
    for cluster in _re().cluster.finditer(text):
        start, end = cluster.span()
        end = min(len(text), end + 2)
        found += _identity_numbers(text, start, end, today)
        found += _phone_numbers(text, start, end, today)
    return found


def digits_of(text: str) -> str:
    return "".join(_re().digit.findall(text))


# -- identity numbers ----------------------------------------------------------------------------


def _identity_numbers(text: str, start: int, end: int, today: dt.date) -> list[NumberFound]:
    found = []
    for match in _re().id_number.finditer(text, start, end):
        kind = _match_kind(match, today)
        if kind is not None and _in_a_row(match, text):
            kind = None  # (it may still be found among numbers side by side: see the phone span)
        if kind is not None:
            found.append(NumberFound(kind, match.start(), match.end()))
    return found


def _in_a_row(match: re.Match[str], text: str) -> bool:
    """Whether two digit groups with only a space between them are part of a longer row of groups
    ("4711 850412 1230 55" is a reference, no identity number)."""
    sep = match.group("sep")
    if not sep or sep.strip(SPACES):
        return False
    start, end = match.span()
    before, after = text[max(0, start - 2) : start], text[end : end + 2]
    return (before[:1].isdigit() and before[1:] in SPACES) or (after[:1] in SPACES and after[1:].isdigit())


def _match_kind(match: re.Match[str], today: dt.date) -> str | None:
    century, date, gap, sep, serial, check = match.group("century", "date", "gap", "sep", "serial", "check")
    if gap:
        if not sep or not sep.strip(SPACES) or sep == "+":
            return None  # a date written in pairs is followed by a dash ("85 04 12-1230")
        date = date.replace(gap, "")
    return identity_kind(date, serial + check, century=century, plus=sep == "+", today=today)


def identity_kind(
    date: str, last_four: str, *, century: str | None = None, plus: bool = False, today: dt.date
) -> str | None:
    """Return "personnummer" or "samordningsnummer" if YYMMDD + NNNC (with the century, if written) is a
    valid Swedish identity number born on or before ``today``; otherwise None."""
    if not luhn_valid(date + last_four) or last_four.startswith("000"):
        return None
    month, day = int(date[2:4]), int(date[4:6])
    kind = PERSONNUMMER
    if day > 60:
        kind, day = SAMORDNINGSNUMMER, day - 60
    if century is not None:
        if century not in ("18", "19", "20"):
            return None
        birth = _date_or_none(int(century + date[:2]), month, day)
    else:
        # Ten digits: the person is under 100 ("-" or no separator) or 100 or over ("+"), so the
        # century is the one that puts the birthday on or before today.
        year = today.year - (today.year - int(date[:2])) % 100
        birth = _date_or_none(year, month, day)
        if birth is not None and birth > today:
            birth = _date_or_none(year - 100, month, day)
        if birth is not None and plus:
            birth = _date_or_none(birth.year - 100, month, day)
    if birth is None or birth > today or (kind == PERSONNUMMER and _date_and_time(birth, last_four, today)):
        return None
    return kind


def _date_and_time(birth: dt.date, last_four: str, today: dt.date) -> bool:
    """Whether the digits are rather a date and a time of day (``20240305-1200``): a date less
    than _YOUNGEST years back, and a time."""
    age = today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
    return age < _YOUNGEST and int(last_four[:2]) < 24 and int(last_four[2:]) < 60


def _date_or_none(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def luhn_valid(digits: str) -> bool:
    """The Luhn check as used for Swedish identity numbers (weights 2, 1, 2, ... from the left)."""
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 - index % 2)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


# -- phone numbers -------------------------------------------------------------------------------


def _phone_numbers(text: str, start: int, end: int, today: dt.date) -> list[NumberFound]:
    found = []
    for match in _re().phone_span.finditer(text, start, end):
        span = match.group()
        if len(span) - span.count(" ") < _MIN_DIGITS:
            continue  # (too few digits for any number: most spans in prose, "45 000", "12 500 kr")
        if is_phone_number(span):
            found.append(NumberFound(TELEFON, match.start(), match.end()))
        elif " " in span or "\u00a0" in span or "\u202f" in span:
            found += _numbers_side_by_side(span, match.start(), today)
    return found


def _numbers_side_by_side(span: str, offset: int, today: dt.date) -> list[NumberFound]:
    """Numbers written next to each other ("08-123 456 78 070-123 45 67", or a phone number after
    an identity number) form one span that is no phone number as a whole. Such a span is read as
    its space-separated groups only if every group belongs to a whole number – so a reference
    such as "4711 0815 2026 11" is still no phone number."""
    groups = [m.span() for m in re.finditer(f"[^{SPACES}]+", span)]
    head = span[: groups[0][1]]
    if len(groups) > _MAX_GROUPS or (head.isdigit() and head[0] != "0" and len(head) not in (2, 6, 8)):
        return []  # (a table of figures; or a first group that starts no number, as "4711 0815 …")
    pieces: list[list[NumberFound] | None] = [None] * len(groups) + [[]]
    for first in range(len(groups) - 1, -1, -1):  # the longest number first, from the last group back
        for last in range(len(groups) - 1, first - 1, -1):
            rest = pieces[last + 1]
            if rest is None:
                continue
            begin, end = groups[first][0], groups[last][1]
            part = span[begin:end]
            kind = TELEFON if is_phone_number(part) else _identity_kind_of(part, today)
            if kind is not None:
                pieces[first] = [NumberFound(kind, offset + begin, offset + end), *rest]
                break
    return pieces[0] or []


def _identity_kind_of(text: str, today: dt.date) -> str | None:
    match = _re().id_number.fullmatch(text)
    return None if match is None else _match_kind(match, today)


def is_phone_number(span: str) -> bool:
    """Whether ``span`` (as a whole) is a Swedish phone number as people write it."""
    if span[:1] not in ("0", "+", "("):
        return False  # (a national number starts with 0, an international one with + or 00)
    national = span if span.isascii() else span.translate(_PLAIN)
    if "." in national or "/" in national:
        national = _without_dots_or_slash(national)
    prefix = _re().international.match(national)
    if prefix is not None:
        rest = national[prefix.end() :]
        national = rest if rest.startswith("0") else "0" + rest  # "+46 070-..." is a common slip
    elif not national[:1].isdigit() and not national.startswith("("):
        return False  # another country's number
    shape = _re().national.fullmatch(national)
    if shape is None:
        return False
    digits = digits_of(national)
    if digits[1] == "0" or not 8 <= len(digits) <= 10:
        return False
    if digits.startswith("07") and len(digits) != 10:
        return False
    area = shape.group("area") or shape.group("parens")
    return area is None or len(area) > 2 or area == "08"


def _without_dots_or_slash(span: str) -> str:
    """A number written with dots (groups joined by dots only, at least 9 digits after the 0) or a
    slash (after the area code) as the same number written with spaces or a hyphen; empty for any
    other shape."""
    dotted = _re().dotted.fullmatch(span)
    if dotted is not None:
        spaced = span.replace(".", " ")
        national = digits_of(spaced[dotted.end("prefix") if dotted.group("prefix") else 0 :])
        return spaced if len(national) + (not national.startswith("0")) >= 9 else ""
    slashed = _re().slashed.fullmatch(span)
    if slashed is None or (len(slashed.group("area")) == 2 and len(slashed.group("first") or "123") < 3):
        return ""  # ("08/12 2026" is a date: after 08/, a group of two digits is a day or a month)
    return f"{slashed.group('area')}-{slashed.group('subscriber')}"


def national_digits(digits: str) -> str:
    """The digits of a phone number as dialled within Sweden: +46 70.., 0046 70.. and 070.. alike."""
    if digits.startswith("0046"):
        digits = digits[4:]
    elif digits.startswith("46"):  # a national number starts with 0
        digits = digits[2:]
    return digits if digits.startswith("0") else "0" + digits
