"""Anonymising a report (``rensa --anonymisera``): a copy without the free text, which still lists,
trends, plans and maps, under a file name without personal data.

Why: an old report's free text is where personal data ends up, while its ratings, choices, map and
action items are what ``trend``, ``plan`` and ``karta`` need. The rule: **what a person wrote in
their own words is removed; names that give the report, the map and the plan their structure are
kept, with what the personal-data detector finds in them replaced.** A plain name of a person ("Ring
Kalle Anka") is not found by a detector of numbers and addresses, so it is the texts written in
one's own words that go whole – not only the values the detector sees in them:

- **Removed:** text answers (``text``/``langtext``) in the steps – each replaced by the marker
  "*Borttaget vid anonymisering ÅÅÅÅ-MM-DD.*" so that the question still counts as answered and
  the reader sees what happened; comments after a choice and on follow-ups; the map's notes on
  moments and the plan's reasons (why), as comments are (emptied); whom a moment or item involves
  beyond the program's three words (kunden, kandidaten, kollegor: anything else was typed by
  hand); free-text details of the assignment other than those the lists need (e.g. ``kollega``,
  replaced by the marker); unfinished answers; notes written by hand; answers under ids the
  question set does not know (their text replaced by the marker; unreadable answers to known
  questions dropped); header keys the program did not write.
- **Kept:** ``uppdrag``, ``kund`` and ``roll`` (needed to list reports and follow a customer's
  trend), the names of the map's moments and of the plan's items, and the follow-ups' labels
  (copies of those names) – with any personnummer, e-mail address or phone number in them replaced
  by "[borttaget]", the same way everywhere, so that an item still finds its moment by name –, and
  ratings, choices, dates and follow-up statuses.
- **The file name:** personal data in it is replaced by "borttaget" (``anonymised_stem``): what the
  detector finds in the name read as a slug writes it, and every value the detector found in the
  report as a slug would write it.
- **Recorded:** ``anonymiserad: ÅÅÅÅ-MM-DD`` in the header.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from intervjufas.model.answer_texts import ANSWER, MOMENT, FreeText, rewrite_free_texts
from intervjufas.model.answers import INVOLVED, Answer, items_in, moments_in
from intervjufas.model.personal_data import EPOST, Finding, find_personal_data, redact
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.model.questions import Question
from intervjufas.report.model import (
    CONFLICT_KEY,
    RECOVERY_KEY,
    FollowUp,
    RawAnswer,
    Report,
    header_value,
    timestamp,
)

ANONYMISED_KEY = "anonymiserad"
KEPT_DETAILS = ("uppdrag", "kund", "roll")  # free-text details of the assignment that lists need
PROGRAM_KEYS = (CONFLICT_KEY, RECOVERY_KEY)  # header keys the program writes (kept)
SCRUBBED = "[borttaget]"
SCRUBBED_IN_NAME = "borttaget"
_DATE_PREFIX = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?=-|\Z)")
_SLUG_SEPARATORS = str.maketrans("-_", "  ")
_MIN_SLUG = 6  # letters and digits an address needs before its slug is looked for in a file name


def removed_marker(today: dt.date) -> str:
    return f"*Borttaget vid anonymisering {today.isoformat()}.*"


def is_anonymised(header_or_report: Mapping[str, Any] | Report) -> bool:
    """Whether a report (or its front matter) says it was anonymised."""
    if isinstance(header_or_report, Report):
        return bool(header_or_report.extra_header.get(ANONYMISED_KEY))
    return bool(header_value(header_or_report, ANONYMISED_KEY))


def anonymised_on(header: Mapping[str, Any]) -> dt.date | None:
    """The day a report (its front matter) says it was anonymised; None when it was not (or when
    the date cannot be read: it is anonymised anew then)."""
    value = header_value(header, ANONYMISED_KEY)
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def scrub(text: str) -> str:
    """Text that is kept, with any personal data in it replaced by "[borttaget]" – again until none
    is left (a number glued to one that was replaced is only seen once its neighbour is gone)."""
    while True:
        cleaned = redact(text, lambda _finding: SCRUBBED)
        if cleaned == text:
            return text
        text = cleaned  # each round removes digits or an @, so this ends


def anonymised(report: Report, questionnaire: Questionnaire, *, today: dt.date | None = None) -> Report:
    """A copy of the report without its free text (see the module's description)."""
    day = today or dt.date.today()
    marker = removed_marker(day)
    result = Report(report.report_id, report.question_set, created=report.created, updated=timestamp())
    for key, answer in report.answers.items():
        question = questionnaire.question(key)
        if question is not None:
            result.answers[key] = _anonymised_answer(question, answer, marker, questionnaire.is_metadata(key))
    result.follow_ups = [
        FollowUp(f.key, scrub(f.label), Answer(f.status) if f.status else Answer()) for f in report.follow_ups
    ]
    result.marks = [  # (the comment is one's own words: it goes whole)
        replace(m, label=scrub(m.label), answer=Answer(m.status) if m.status else Answer())
        for m in report.marks
    ]
    result.extra_answers = {
        key: RawAnswer(scrub(raw.heading), marker)
        for key, raw in report.extra_answers.items()
        if questionnaire.question(key) is None  # (an unreadable answer to a known question is dropped)
    }
    result.extra_header = {
        key: _program_value(value, day) for key, value in report.extra_header.items() if key in PROGRAM_KEYS
    }
    result.extra_header[ANONYMISED_KEY] = day.isoformat()
    return result


def _anonymised_answer(question: Question, answer: Answer, marker: str, detail: bool) -> Answer:
    free_valued = question.kind.free_text

    def rewrite(piece: FreeText) -> str:
        if piece.part == ANSWER:
            return (
                scrub(piece.text) if not free_valued or (detail and question.id in KEPT_DETAILS) else marker
            )
        return scrub(piece.text) if piece.part == MOMENT else ""  # (a comment, a note, a reason)

    rewritten = rewrite_free_texts(question, answer, rewrite)
    if moments := moments_in(rewritten.value):
        rewritten = replace(rewritten, value=tuple(replace(m, involves=_known(m.involves)) for m in moments))
    elif items := items_in(rewritten.value):
        rewritten = replace(rewritten, value=tuple(replace(i, involves=_known(i.involves)) for i in items))
    return rewritten


def _known(involves: tuple[str, ...]) -> tuple[str, ...]:
    """Whom a moment or action item involves, only as the program names them (anything else was typed)."""
    return tuple(name for name in involves if name in INVOLVED)


def _program_value(value: object, day: dt.date) -> object:
    """A header value the program wrote (a file name, a folder), without personal data."""
    if isinstance(value, str):
        return anonymised_stem(value, today=day)
    if isinstance(value, dict):
        return {key: _program_value(item, day) for key, item in value.items()}
    return value


# -- file names -----------------------------------------------------------------------------------


def anonymised_stem(stem: str, found: Iterable[Finding] = (), *, today: dt.date | None = None) -> str:
    """``stem`` (a file name without ".md") with the personal data in it replaced by "borttaget".

    Found are what the detector finds in the name as it is and read as a slug writes it (hyphens
    and underscores for spaces: "kalle-850412-1230"), and each of ``found`` (the personal data
    found in the report) written in the name as a slug writes it ("kalle-ankeborg-se" for
    kalle@ankeborg.se, "85-04-12-1230" for 850412-1230) – again until none is left, as ``scrub``
    does. The date a report's name starts with is kept."""
    prefix = _DATE_PREFIX.match(stem)
    start = prefix.end() if prefix is not None else 0
    patterns = [pattern for finding in found if (pattern := _slug_pattern(finding)) is not None]
    rest = stem[start:]
    while True:
        cleaned = _replaced(rest, patterns, today)
        if cleaned == rest:
            return stem[:start] + rest
        rest = cleaned  # each round takes digits or words away, so this ends


def _replaced(rest: str, patterns: list[re.Pattern[str]], today: dt.date | None) -> str:
    spans = [
        (finding.start, finding.end)
        for variant in {rest, rest.translate(_SLUG_SEPARATORS)}
        for finding in find_personal_data(variant, today=today)
    ]
    spans += [match.span() for pattern in patterns for match in pattern.finditer(rest)]
    parts, end = [], 0
    for begin, finish in sorted(spans):
        if begin >= end:
            parts += [rest[end:begin], SCRUBBED_IN_NAME]
        end = max(end, finish)
    return "".join([*parts, rest[end:]])


def _slug_pattern(finding: Finding) -> re.Pattern[str] | None:
    """The finding as a file name may hold it: a number's digits in order with anything (or
    nothing) between them; an address's words in order, as typed or as plain ASCII (a slug writes
    "åsa" as "asa"). None for an address too short to be told from words."""
    if finding.kind == EPOST:
        plain = finding.identity
        ascii_plain = unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode("ascii")
        forms = [re.findall(r"[^\W_]+", form) for form in (plain, ascii_plain)]
        if sum(map(len, forms[0])) < _MIN_SLUG:
            return None
    else:
        forms = [list(digits) for digits in (re.sub(r"[^0-9]", "", finding.text), finding.identity)]
    either = "|".join(sorted({r"[\W_]*".join(map(re.escape, words)) for words in forms if words}))
    return re.compile(rf"(?<![^\W_])(?:{either})(?![^\W_])", re.IGNORECASE)
