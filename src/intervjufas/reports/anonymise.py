"""Anonymising a report (``rensa --anonymisera``): a copy without the free text, which still lists,
trends and plans.

Why: an old report's free text is where personal data ends up, while its ratings, choices and
action items are what ``trend`` and ``plan`` need. So:

- **Removed:** text answers (``text``/``langtext``) in the steps – each replaced by the marker
  "*Borttaget vid anonymisering ÅÅÅÅ-MM-DD.*" so that the question still counts as answered and
  the reader sees what happened; comments after a choice and on follow-ups; free-text details of
  the assignment other than those the lists need (e.g. ``kollega``, replaced by the marker);
  unfinished answers; notes written by hand; answers under ids the question set does not know
  (their text replaced by the marker; unreadable answers to known questions dropped); header keys
  the program did not write.
- **Kept:** ``uppdrag``, ``kund`` and ``roll`` (needed to list reports and follow a customer's
  trend), ratings, choices, dates, action items (moment and why) and follow-up statuses – with any
  personnummer, e-mail address or phone number in those texts replaced by "[borttaget]".
- **Recorded:** ``anonymiserad: ÅÅÅÅ-MM-DD`` in the header.
"""

from __future__ import annotations

import datetime as dt

from intervjufas.model.answer_texts import ANSWER, COMMENT, FreeText, rewrite_free_texts
from intervjufas.model.answers import Answer
from intervjufas.model.personal_data import redact
from intervjufas.model.question_types import question_type
from intervjufas.model.questions import Question, Questionnaire
from intervjufas.reports.model import CONFLICT_KEY, FollowUp, RawAnswer, Report, header_value, timestamp
from intervjufas.reports.recovery import RECOVERY_KEY

ANONYMISED_KEY = "anonymiserad"
KEPT_DETAILS = ("uppdrag", "kund", "roll")  # free-text details of the assignment that lists need
PROGRAM_KEYS = (CONFLICT_KEY, RECOVERY_KEY)  # header keys the program writes (kept)
SCRUBBED = "[borttaget]"


def removed_marker(today: dt.date) -> str:
    return f"*Borttaget vid anonymisering {today.isoformat()}.*"


def is_anonymised(header_or_report: dict | Report) -> bool:
    """Whether a report (or its front matter) says it was anonymised."""
    if isinstance(header_or_report, Report):
        return bool(header_or_report.extra_header.get(ANONYMISED_KEY))
    return bool(header_value(header_or_report, ANONYMISED_KEY))


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
    result.extra_answers = {
        key: RawAnswer(scrub(raw.heading), marker)
        for key, raw in report.extra_answers.items()
        if questionnaire.question(key) is None  # (an unreadable answer to a known question is dropped)
    }
    result.extra_header = {k: v for k, v in report.extra_header.items() if k in PROGRAM_KEYS}
    result.extra_header[ANONYMISED_KEY] = day.isoformat()
    return result


def _anonymised_answer(question: Question, answer: Answer, marker: str, detail: bool) -> Answer:
    free_valued = question_type(question.type).free_text

    def rewrite(piece: FreeText) -> str:
        if piece.part == COMMENT:
            return ""
        if piece.part == ANSWER and free_valued and not (detail and question.id in KEPT_DETAILS):
            return marker
        return scrub(piece.text)

    return rewrite_free_texts(question, answer, rewrite)
