"""Which of the consultant's own ratings each rating of a feedback form stands beside.

Why: the report's "Kund- och kandidatupplevelse", ``trend`` and the later mapping show what the
customer or the candidates answered next to what the consultant guessed. A form's rating about a
phase (in a step whose id is the phase) stands beside the consultant's rating of the same party's
experience in the mapping step of that phase; a form's rating in a step that is no phase (the whole
process) stands beside a rating of the same party in a mapping step that is no phase either
(``snabbformat`` rates the whole process once). Which party a consultant's rating is about is read
from its short label or id ("Kunden", ``*_kund``; "Kandidaten", ``*_kandidat``), the way the
built-in sets name them, until question sets can say it with a key of their own.
"""

from __future__ import annotations

from intervjufas.model.questionnaire import Questionnaire
from intervjufas.model.questions import PHASES, Question
from intervjufas.reading.feedback.forms import SCALE, Audience, Form

_PARTY_SUFFIX = {"kunden": "_kund", "kandidaten": "_kandidat"}


def rates_party(question: Question, involved: str) -> bool:
    """Whether a consultant's rating question is about the experience of ``involved``."""
    return question.short.strip().casefold() == involved or question.id.endswith(
        _PARTY_SUFFIX.get(involved, "\0")
    )


def consultant_ratings(mapping_set: Questionnaire, audience: Audience) -> dict[str | None, str]:
    """The consultant's rating of the audience's experience, by phase (None: the whole process)."""
    found: dict[str | None, str] = {}
    for step in mapping_set.steps:
        phase = step.id if step.id in PHASES else None
        for question in step.questions:
            if question.kind.is_rating and rates_party(question, audience.involved):
                found.setdefault(phase, question.id)
    return found


def paired_ratings(form: Form, mapping_set: Questionnaire) -> dict[str, str]:
    """Each form item that stands beside a consultant's rating → that rating's question id: the
    first rating (not a moment) of each section of the form."""
    ratings = consultant_ratings(mapping_set, form.audience)
    pairs: dict[str, str] = {}
    for section in form.sections:
        first = next((q for q in section.questions if q.kind == SCALE), None)
        if first is not None and section.phase in ratings:
            pairs[first.items[0].id] = ratings[section.phase]
    return pairs
