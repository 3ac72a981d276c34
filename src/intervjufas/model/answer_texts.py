"""The free text of an answer – what a person wrote in their own words – found and rewritten in one
place.

Why: the personal-data warning checks exactly the texts a person typed (a text answer, the comment
after a choice, an action item's moment and why, a mapped moment's name and note), and anonymisation removes or scrubs exactly
those. Both must agree on what counts as free text, and neither should branch on type names: a
type says whether its value is free text (``QuestionType.free_text``); comments and action items
and moments are free text whatever the question.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from intervjufas.model.answers import ActionItem, Answer, Moment, items_in, moments_in
from intervjufas.model.personal_data import Finding, find_personal_data
from intervjufas.model.questions import Question

ANSWER, COMMENT, MOMENT, WHY, NOTE = "svar", "kommentar", "moment", "varfor", "notering"


@dataclass(frozen=True)
class FreeText:
    """One piece of free text in an answer: which part it is, and for action items which item."""

    part: str  # ANSWER, COMMENT, MOMENT, WHY or NOTE
    text: str
    item: int = 0  # the 1-based number of the action item or moment (MOMENT, WHY, NOTE)


# Given a piece of free text, the text to put in its place.
Rewrite = Callable[[FreeText], str]


def free_texts(question: Question, answer: Answer) -> list[FreeText]:
    """Every non-empty piece of free text in the answer, in the order it is written."""
    texts: list[FreeText] = []
    value = answer.value
    if isinstance(value, str) and _free_valued(question):
        texts.append(FreeText(ANSWER, value))
    elif isinstance(value, tuple):
        for number, item in enumerate(value, start=1):
            if isinstance(item, ActionItem):
                texts.append(FreeText(MOMENT, item.moment, number))
                if item.why:
                    texts.append(FreeText(WHY, item.why, number))
            elif isinstance(item, Moment):
                texts.append(FreeText(MOMENT, item.name, number))
                if item.note:
                    texts.append(FreeText(NOTE, item.note, number))
                if item.assignment_note:
                    texts.append(FreeText(NOTE, item.assignment_note, number))
    if answer.comment:
        texts.append(FreeText(COMMENT, answer.comment))
    return texts


def rewrite_free_texts(question: Question, answer: Answer, rewrite: Rewrite) -> Answer:
    """A copy of the answer with each piece of free text replaced by what ``rewrite`` returns (an
    empty text leaves an answer empty, a comment out, an item's reason blank)."""
    value = answer.value
    if isinstance(value, str) and _free_valued(question):
        value = rewrite(FreeText(ANSWER, value)) or None
    elif moments_in(value):
        value = tuple(_rewritten_moment(item, number, rewrite) for number, item in enumerate(moments_in(value), 1))
    elif items_in(value):
        value = tuple(_rewritten_item(item, number, rewrite) for number, item in enumerate(items_in(value), 1))
    comment = rewrite(FreeText(COMMENT, answer.comment)) if answer.comment else ""
    return replace(answer, value=value, comment=comment)


def _rewritten_moment(item: Moment, number: int, rewrite: Rewrite) -> Moment:
    """The moment with its texts rewritten; its id and whom it involves are kept."""
    note = rewrite(FreeText(NOTE, item.note, number)) if item.note else ""
    own = rewrite(FreeText(NOTE, item.assignment_note, number)) if item.assignment_note else ""
    return replace(item, name=rewrite(FreeText(MOMENT, item.name, number)), note=note, assignment_note=own)


def _rewritten_item(item: ActionItem, number: int, rewrite: Rewrite) -> ActionItem:
    """The action item with its texts rewritten; its ids and whom it involves are kept."""
    why = rewrite(FreeText(WHY, item.why, number)) if item.why else ""
    return replace(item, moment=rewrite(FreeText(MOMENT, item.moment, number)), why=why)


def _free_valued(question: Question) -> bool:
    try:
        return question.kind.free_text
    except ValueError:  # a type the table does not know: its text is treated as free text
        return True


def personal_data_in(question: Question, answer: Answer, *, today: dt.date | None = None) -> list[Finding]:
    """The personal data in the answer's free text, in the order written."""
    return [
        finding
        for piece in free_texts(question, answer)
        for finding in find_personal_data(piece.text, today=today)
    ]


@dataclass(frozen=True)
class AnswerFinding:
    """Personal data in the answer to one question."""

    question_id: str
    finding: Finding


def personal_data_in_answers(
    questions: Iterable[Question], answers: Mapping[str, Answer], *, today: dt.date | None = None
) -> list[AnswerFinding]:
    """The personal data in the free text of the given answers, question by question."""
    return [
        AnswerFinding(question.id, finding)
        for question in questions
        if question.id in answers
        for finding in personal_data_in(question, answers[question.id], today=today)
    ]
