"""Finding personal data in free text: Swedish personal identity numbers (personnummer),
coordination numbers (samordningsnummer), e-mail addresses and Swedish phone numbers. The one
detector of the program: the warning at the prompt, ``granska`` and anonymising all ask it.

Why: consultants type notes about candidates, and a report must not carry a candidate's identity
number or contact details by accident. The detector only warns; the consultant decides. A missed
number is worse than a question too many, but a warning on every salary, date or time of day
would teach people to ignore it, so each rule is strict about shape and context. The number rules
are in ``personal_numbers``; e-mail addresses are found here: they need a local part, ``@`` and a
dotted domain, where ``@`` may stand between spaces or be written out in brackets as people do to
keep an address from harvesters (``namn (at) firma.se``, ``namn [at] firma [dot] se``,
``{snabel-a}``, ``(punkt)``). The trailing full stop of a sentence is not part of the address.

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

from intervjufas.model.personal_numbers import (
    PERSONNUMMER,
    SAMORDNINGSNUMMER,
    SPACES,
    TELEFON,
    digits_of,
    find_numbers,
    national_digits,
)

EPOST = "e-post"
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
_LOCAL_WINDOW = 100  # characters before the "@" searched for the local part (at most 64 of them)

_SP = f"[{SPACES}]"
# "@", or a word for it in brackets; the dot of an address written out in brackets. (A report
# keeps a bracket typed in an answer as "\[", so that Markdown does not read a link.)
_AT = rf"@|\\?[(\[{{<]{_SP}?(?i:at|snabel-?a){_SP}?\\?[)\]}}>]"
_WORD_DOT = rf"{_SP}?\\?[(\[{{<]{_SP}?(?i:dot|punkt){_SP}?\\?[)\]}}>]{_SP}?"
# (A local part starts with a letter or digit and does not end with a dot.)
_LOCAL_PART = rf"[\w%](?:(?:[\w.%+-]|{_WORD_DOT})*[\w%+-])?\Z"
_DOMAIN = rf"(?:[^\W_](?:[\w-]{{0,61}}[^\W_])?(?:\.|{_WORD_DOT}))+[^\W\d_]{{2,63}}(?!\w)"


# What may follow an opening bracket that begins a word for "@" (a space, or the first letter of
# "at" or "snabel-a" in any case: "ſ" is an "s" to the regular-expression engine too).  Most
# brackets in a report open something else, and are passed over without a match.
_AFTER_BRACKET = frozenset(f"{SPACES}aAsS\u017f")


class _Patterns(NamedTuple):
    at: re.Pattern[str]
    word_dot: re.Pattern[str]
    local_part: re.Pattern[str]
    domain: re.Pattern[str]


@functools.cache
def _re() -> _Patterns:
    """The patterns, compiled on first use: compiling takes milliseconds that the program's start
    (which imports this module) should not pay."""
    return _Patterns(*map(re.compile, (_AT, _WORD_DOT, _LOCAL_PART, _DOMAIN)))


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
        """The value with enough hidden to be safe to show: e-mail as a***@domain (written plainly),
        numbers with all digits but the last four replaced by * (separators kept)."""
        if self.kind == EPOST:
            local, domain = _address_parts(self.text)
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
        """What makes two findings the same datum: one number or address written two ways counts once."""
        if self.kind == EPOST:
            return "@".join(_address_parts(self.text)).casefold()
        digits = digits_of(self.text)
        if self.kind == TELEFON:
            return national_digits(digits)
        return digits[-10:]

    def line_in(self, text: str) -> int:
        """The 1-based line of ``text`` on which the finding starts."""
        return text.count("\n", 0, self.start) + 1


def find_personal_data(text: str, *, today: dt.date | None = None) -> list[Finding]:
    """Every piece of personal data in ``text``, ordered by position and never overlapping.

    ``today`` is the date against which birth dates must not lie in the future (default: today).
    """
    found = _e_mail_addresses(text)
    numbers = find_numbers(text, today or dt.date.today())
    found += (Finding(kind, start, end, text[start:end]) for kind, start, end in numbers)
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


# -- e-mail addresses ----------------------------------------------------------------------------


def _at_signs(text: str) -> list[tuple[int, int]]:
    """Where "@" or a word for it stands in the text. (A search for each opening bracket and a
    match there costs a tenth of one regular-expression search through the text; a bracket not
    followed by what begins a word for "@" is not matched at all.)"""
    match = _re().at.match
    find = text.find
    found = []
    for opening in "@([{<":
        at = find(opening)
        while at != -1:
            if opening == "@" or text[at + 1 : at + 2] in _AFTER_BRACKET:
                sign = match(text, at - 1 if at and text[at - 1] == "\\" else at)
                if sign is not None:
                    found.append(sign.span())
            at = find(opening, at + 1)
    return sorted(found)


def _e_mail_addresses(text: str) -> list[Finding]:
    found = []
    for left, right in _at_signs(text):
        if left and text[left - 1] in SPACES:
            left -= 1  # "namn @ firma.se", "namn (at) firma.se"
        if right < len(text) and text[right] in SPACES:
            right += 1
        local = _re().local_part.search(text, max(0, left - _LOCAL_WINDOW), left)
        domain = _re().domain.match(text, right)
        if local is None or domain is None:
            continue
        found.append(Finding(EPOST, local.start(), domain.end(), text[local.start() : domain.end()]))
    return found


def _address_parts(address: str) -> tuple[str, str]:
    """The local part and domain of an address as found, its "(at)" and "[dot]" written plainly."""
    at = _re().at.search(address)
    local, domain = (address[: at.start()], address[at.end() :]) if at else address.rpartition("@")[::2]
    dot = _re().word_dot
    return dot.sub(".", local.strip(SPACES)), dot.sub(".", domain.strip(SPACES))


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
