"""Finding personal data in free-text answers: Swedish personal identity numbers (personnummer),
coordination numbers (samordningsnummer), e-mail addresses and Swedish phone numbers.

Why: consultants type notes about candidates, and a report must not carry a candidate's identity
number or contact details by accident. The detector only warns; the consultant decides. A missed
number is worse than a question too many, but a warning on every salary, date or time of day
would teach people to ignore it, so each rule is strict about shape and context:

- Identity numbers are whole runs of 10 or 12 digits (an optional ``-`` or ``+`` before the last
  four) that pass the Luhn check and carry a real, past birth date (day + 60 for a coordination
  number). Organisation numbers fail on the month (20 or more), amounts and ISO dates on shape.
- Phone numbers are taken as a whole span of digit groups and judged as one: a single leading 0
  (or +46 / 0046), 8-10 digits in all, mobiles (07x) exactly 10, a two-digit area code only for
  08, at most one hyphen (after the area code). Times, ranges, dates and amounts do not fit.
- E-mail addresses need a local part, ``@`` and a dotted domain; the trailing full stop of a
  sentence is not part of the address.

Libraries: ``personnummer`` only validates a number already cut out of the text, accepts birth
dates in the future and centuries such as 17 or 21, and had no release since early 2024; its
useful part (Luhn and date) is a few lines here. ``phonenumbers`` finds numbers in text, but
costs 48 MB installed and 20 ms to import, takes about 30 times as long per answer as this module
and reads time ranges such as "08.30-12.00" as phone numbers. So: standard library only.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

PERSONNUMMER, SAMORDNINGSNUMMER, EPOST, TELEFON = "personnummer", "samordningsnummer", "e-post", "telefon"
KINDS: tuple[str, ...] = (PERSONNUMMER, SAMORDNINGSNUMMER, EPOST, TELEFON)

# kind: (one, several, article for one)
_NOUNS: dict[str, tuple[str, str, str]] = {
    PERSONNUMMER: ("personnummer", "personnummer", "ett"),
    SAMORDNINGSNUMMER: ("samordningsnummer", "samordningsnummer", "ett"),
    EPOST: ("e-postadress", "e-postadresser", "en"),
    TELEFON: ("telefonnummer", "telefonnummer", "ett"),
}
_COUNTS = ("två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio")
_MASKS_SHOWN = 3
_MASK = "*"
_MAX_GROUPS = 16  # digit groups of numbers side by side that are told apart
_MIN_DIGITS = 8  # the shortest finding (a phone number such as 08-12 34 56) has 8 digits

_SP = "[ \u00a0]"  # a space, or a no-break space as word processors insert

# A 10- or 12-digit identity number, not glued to a word and not part of a longer number.
_ID_NUMBER = (
    r"(?<![\w+])(?<![0-9][-+.,:])"
    r"(?P<century>[0-9]{2})?(?P<date>[0-9]{6})(?P<sep>[-+]?)(?P<serial>[0-9]{3})(?P<check>[0-9])"
    r"(?!\w)(?![-+.,:][0-9])"
)

# A span of digit groups that might be a phone number: digits joined by single spaces or hyphens,
# with a leading + or (, and (08) or (0) forms. It is judged as a whole by is_phone_number.
_PHONE_SPAN = (
    r"(?<![\w+(])(?<![0-9][-.,:])"
    rf"[+(]?[0-9](?:[0-9]|\)(?={_SP}?-?{_SP}?[0-9])|{_SP}?-{_SP}?(?=[0-9])|{_SP}(?=[0-9]|\(0\))|\(0\))*+"
    r"(?!\w)(?![.,:][0-9])"
)
_INTERNATIONAL = rf"(?:\+|00)46(?:{_SP}?-{_SP}?|{_SP})?(?:\(0\){_SP}?)?"
_NATIONAL = (
    rf"(?:\((?P<parens>0[0-9]{{1,3}})\){_SP}?|(?P<area>0[0-9]{{1,3}})(?:{_SP}?-{_SP}?|{_SP}))"
    rf"(?P<subscriber>[0-9]{{5,8}}|[0-9]{{2,4}}(?:{_SP}[0-9]{{2,4}})+)"
    r"|0[0-9]{7,9}"
)

_LOCAL_PART = r"[\w.%+-]{1,64}\Z"
_DOMAIN = r"(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+[^\W\d_]{2,63}(?!\w)"
_DIGIT = r"[0-9]"
# Every identity or phone number lies in such a cluster of at least 8 characters.
_CLUSTER = r"[0-9+(][0-9+() \u00a0-]{6,}[0-9]"
_ENOUGH_DIGITS = rf"[0-9](?:[^0-9]*+[0-9]){{{_MIN_DIGITS - 1}}}"


class _Patterns(NamedTuple):
    id_number: re.Pattern[str]
    phone_span: re.Pattern[str]
    international: re.Pattern[str]
    national: re.Pattern[str]
    local_part: re.Pattern[str]
    domain: re.Pattern[str]
    digit: re.Pattern[str]
    cluster: re.Pattern[str]
    enough_digits: re.Pattern[str]


@functools.cache
def _re() -> _Patterns:
    """The patterns, compiled on first use: compiling takes milliseconds that the program's start
    (which imports this module) should not pay."""
    return _Patterns(
        *map(
            re.compile,
            (
                _ID_NUMBER,
                _PHONE_SPAN,
                _INTERNATIONAL,
                _NATIONAL,
                _LOCAL_PART,
                _DOMAIN,
                _DIGIT,
                _CLUSTER,
                _ENOUGH_DIGITS,
            ),
        )
    )


def kind_noun(kind: str) -> str:
    """The kind as a bare Swedish noun, e.g. "personnummer", "e-postadress"."""
    return _NOUNS[kind][0]


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: its kind, where it is in the text scanned, and the text itself."""

    kind: str
    start: int
    end: int
    text: str

    @property
    def label(self) -> str:
        """The kind as a Swedish noun phrase, e.g. "ett personnummer"."""
        one, _, article = _NOUNS[self.kind]
        return f"{article} {one}"

    @property
    def masked(self) -> str:
        """The value with enough hidden to be safe to show: e-mail as a***@domain, numbers with all
        digits but the last four replaced by * (separators kept)."""
        if self.kind == EPOST:
            local, _, domain = self.text.rpartition("@")
            return f"{local[:1]}***@{domain}"
        keep = 4
        chars = list(self.text)
        for index in range(len(chars) - 1, -1, -1):
            if "0" <= chars[index] <= "9":
                if keep:
                    keep -= 1
                else:
                    chars[index] = _MASK
        return "".join(chars)

    @property
    def identity(self) -> str:
        """What makes two findings the same datum: one number written two ways counts once."""
        if self.kind == EPOST:
            return self.text.casefold()
        digits = "".join(_re().digit.findall(self.text))
        if self.kind == TELEFON:
            return _national_digits(digits)
        return digits[-10:]

    def line_in(self, text: str) -> int:
        """The 1-based line of ``text`` on which the finding starts."""
        return text.count("\n", 0, self.start) + 1


def find_personal_data(text: str, *, today: dt.date | None = None) -> list[Finding]:
    """Every piece of personal data in ``text``, ordered by position and never overlapping.

    ``today`` is the date against which birth dates must not lie in the future (default: today).
    """
    found = _e_mail_addresses(text) if "@" in text else []
    if _re().enough_digits.search(text) is not None:
        day = today or dt.date.today()
        # The exact patterns start with look-behinds, which the regex engine tries at every
        # position; a cluster search with a plain first character skips prose quickly, and the
        # exact patterns then run only over the clusters (seeing the text around them).
        for cluster in _re().cluster.finditer(text):
            start, end = cluster.span()
            end = min(len(text), end + 2)
            found += _identity_numbers(text, start, end, day)
            found += _phone_numbers(text, start, end, day)
    return _without_overlaps(found) if found else found


def redact(
    text: str, replace: Callable[[Finding], str] | None = None, *, today: dt.date | None = None
) -> str:
    """``text`` with every piece of personal data in it replaced: by default by its masked form
    (``******-1234``), else by what ``replace`` makes of the finding."""
    found = find_personal_data(text, today=today)
    if not found:
        return text
    parts, end = [], 0
    for finding in found:
        parts += [text[end : finding.start], finding.masked if replace is None else replace(finding)]
        end = finding.end
    return "".join([*parts, text[end:]])


def _without_overlaps(found: list[Finding]) -> list[Finding]:
    """Keep the first of overlapping findings in order of priority (e-mail, identity number, phone:
    a valid identity number is never also reported as a phone number)."""
    priority = {EPOST: 0, PERSONNUMMER: 1, SAMORDNINGSNUMMER: 1, TELEFON: 2}
    kept: list[Finding] = []
    for finding in sorted(found, key=lambda f: (priority[f.kind], f.start)):
        if all(finding.end <= other.start or other.end <= finding.start for other in kept):
            kept.append(finding)
    return sorted(kept, key=lambda f: f.start)


# -- identity numbers ----------------------------------------------------------------------------


def _identity_numbers(text: str, start: int, end: int, today: dt.date) -> list[Finding]:
    found = []
    for match in _re().id_number.finditer(text, start, end):
        century, date, sep, serial, check = match.group("century", "date", "sep", "serial", "check")
        kind = identity_kind(date, serial + check, century=century, plus=sep == "+", today=today)
        if kind is not None:
            found.append(Finding(kind, match.start(), match.end(), match.group()))
    return found


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
        return kind if birth is not None and birth <= today else None
    # Ten digits: the person is under 100 ("-" or no separator) or 100 or over ("+"), so the
    # century is the one that puts the birthday on or before today.
    year = today.year - (today.year - int(date[:2])) % 100
    birth = _date_or_none(year, month, day)
    if birth is not None and birth > today:
        birth = _date_or_none(year - 100, month, day)
    if birth is not None and plus:
        birth = _date_or_none(birth.year - 100, month, day)
    return kind if birth is not None else None


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


def _phone_numbers(text: str, start: int, end: int, today: dt.date) -> list[Finding]:
    found = []
    for match in _re().phone_span.finditer(text, start, end):
        span = match.group()
        if is_phone_number(span):
            found.append(Finding(TELEFON, match.start(), match.end(), span))
        elif " " in span or "\u00a0" in span:
            found += _numbers_side_by_side(span, match.start(), today)
    return found


def _numbers_side_by_side(span: str, offset: int, today: dt.date) -> list[Finding]:
    """Numbers written next to each other ("08-123 456 78 070-123 45 67", or a phone number after
    an identity number) form one span that is no phone number as a whole. Such a span is read as
    its space-separated groups only if every group belongs to a whole number – so a reference
    such as "4711 0815 2026 11" is still no phone number."""
    groups = [m.span() for m in re.finditer(r"[^ \u00a0]+", span)]
    if len(groups) > _MAX_GROUPS:
        return []  # (a few numbers side by side, not a table of figures)
    pieces: list[list[tuple[int, int, bool]] | None] = [None] * len(groups) + [[]]
    for first in range(len(groups) - 1, -1, -1):  # the longest number first, from the last group back
        for last in range(len(groups) - 1, first - 1, -1):
            rest = pieces[last + 1]
            part = span[groups[first][0] : groups[last][1]]
            if rest is None:
                continue
            if is_phone_number(part) or _is_identity_number(part, today):
                pieces[first] = [(groups[first][0], groups[last][1], is_phone_number(part)), *rest]
                break
    return [
        Finding(TELEFON, offset + begin, offset + end, span[begin:end])
        for begin, end, phone in pieces[0] or []
        if phone
    ]


def _is_identity_number(text: str, today: dt.date) -> bool:
    match = _re().id_number.fullmatch(text)
    if match is None:
        return False
    century, date, sep, serial, check = match.group("century", "date", "sep", "serial", "check")
    return identity_kind(date, serial + check, century=century, plus=sep == "+", today=today) is not None


def is_phone_number(span: str) -> bool:
    """Whether ``span`` (as a whole) is a Swedish phone number as people write it."""
    national = span
    prefix = _re().international.match(span)
    if prefix is not None:
        rest = span[prefix.end() :]
        national = rest if rest.startswith("0") else "0" + rest  # "+46 070-..." is a common slip
    elif not span[:1].isdigit() and not span.startswith("("):
        return False  # another country's number
    shape = _re().national.fullmatch(national)
    if shape is None:
        return False
    digits = "".join(_re().digit.findall(national))
    if digits[1] == "0" or not 8 <= len(digits) <= 10:
        return False
    if digits.startswith("07") and len(digits) != 10:
        return False
    area = shape.group("area") or shape.group("parens")
    return area is None or len(area) > 2 or area == "08"


def _national_digits(digits: str) -> str:
    """The digits of a phone number as dialled within Sweden: +46 70.., 0046 70.. and 070.. alike."""
    if digits.startswith("0046"):
        digits = digits[4:]
    elif digits.startswith("46"):  # a national number starts with 0
        digits = digits[2:]
    return digits if digits.startswith("0") else "0" + digits


# -- e-mail addresses ----------------------------------------------------------------------------


def _e_mail_addresses(text: str) -> list[Finding]:
    found = []
    at = text.find("@")
    while at != -1:
        local = _re().local_part.search(text, max(0, at - 64), at)
        domain = _re().domain.match(text, at + 1)
        if local is not None and domain is not None:
            start = local.start()
            while start < at and text[start] in ".+-":
                start += 1  # a local part starts with a letter or digit
            if start < at and text[at - 1] != ".":
                found.append(Finding(EPOST, start, domain.end(), text[start : domain.end()]))
        at = text.find("@", at + 1)
    return found


# -- the warning line ----------------------------------------------------------------------------


def describe(findings: Sequence[Finding]) -> str:
    """One Swedish sentence naming what was found, e.g. "Svaret innehåller det som ser ut som ett
    personnummer (******-1234) och två telefonnummer (***-*** 45 67, ***-*** 12 34)."

    Kinds come in the order they first appear; one number written twice counts once. Empty for
    no findings."""
    by_kind: dict[str, dict[str, str]] = {}
    for finding in sorted(findings, key=lambda f: f.start):
        by_kind.setdefault(finding.kind, {}).setdefault(finding.identity, finding.masked)
    parts = []
    for kind, masks in by_kind.items():
        one, several, article = _NOUNS[kind]
        shown = list(masks.values())
        examples = ", ".join(shown[:_MASKS_SHOWN]) + (" m.fl." if len(shown) > _MASKS_SHOWN else "")
        count = len(shown)
        phrase = f"{article} {one}" if count == 1 else f"{_count_word(count)} {several}"
        parts.append(f"{phrase} ({examples})")
    if not parts:
        return ""
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " och " + parts[-1]
    return f"Svaret innehåller det som ser ut som {listed}."


def _count_word(count: int) -> str:
    return _COUNTS[count - 2] if 2 <= count <= len(_COUNTS) + 1 else str(count)
