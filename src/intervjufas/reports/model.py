"""The report as data: its answers, follow-ups of earlier plans, and what it keeps verbatim.

The Markdown file is the single source of truth; ``render`` and ``parse`` (in this package) turn a
``Report`` into that file and back.  Everything here is plain data and small derivations.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field
from typing import Any

from intervjufas.model.answers import ActionItem, Answer, display
from intervjufas.model.question_types import question_type
from intervjufas.model.questions import PLAN_KINDS, Question, Questionnaire, SetRef, Step

FORMAT_VERSION = 1
FOLLOW_UP_STATUSES = ("Genomfört", "Delvis", "Inte än", "Släpp")
CLOSED_STATUSES = ("Genomfört", "Släpp")
FOLLOW_UP_TITLE = "Uppföljning av tidigare utvecklingsplan"
PLAN_TITLE = "Utvecklingsplan"
OTHER_TITLE = "Övriga svar"
# How a follow-up is answered and written: a status with an optional comment.
FOLLOW_UP_QUESTION = Question(
    id="uppfoljning", text=FOLLOW_UP_TITLE, type="val", choices=FOLLOW_UP_STATUSES, comment=True
)


@dataclass(frozen=True)
class FollowUp:
    """The follow-up, in this report, of an action item from an earlier report."""

    key: str  # "<report id>/<question id>/<item number>"
    label: str
    answer: Answer = field(default_factory=Answer)

    @property
    def status(self) -> str | None:
        return self.answer.value if isinstance(self.answer.value, str) else None


@dataclass(frozen=True)
class RawAnswer:
    """An answer under an id the question set does not know; kept verbatim."""

    heading: str
    body: str


@dataclass
class Report:
    report_id: str
    question_set: SetRef
    answers: dict[str, Answer] = field(default_factory=dict)
    created: str = ""
    updated: str = ""
    follow_ups: list[FollowUp] = field(default_factory=list)
    extra_answers: dict[str, RawAnswer] = field(default_factory=dict)
    extra_metadata: dict[str, Any] = field(default_factory=dict)
    extra_header: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def new(cls, questionnaire: Questionnaire) -> Report:
        now = timestamp()
        return cls(secrets.token_hex(6), questionnaire.ref, created=now, updated=now)

    def text(self, question_id: str) -> str:
        answer = self.answers.get(question_id)
        return display(answer.value) if answer else ""

    @property
    def uppdrag(self) -> str:
        return self.text("uppdrag")

    @property
    def date(self) -> str:
        return self.text("datum") or self.created[:10]


def timestamp() -> str:
    return dt.datetime.now().astimezone().replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class PlannedItem:
    """One action item of a report's own plan."""

    key: str
    step: Step
    question: Question
    number: int
    item: ActionItem

    @property
    def kind_label(self) -> str:
        return PLAN_KINDS.get(self.question.plan or "", "")


def planned_items(report: Report, questionnaire: Questionnaire) -> list[PlannedItem]:
    """Every add/develop/remove answer of the report, in question order."""
    items = []
    for step in questionnaire.steps:
        for question in step.questions:
            answer = report.answers.get(question.id)
            if not question.plan or answer is None or answer.value is None:
                continue
            entries = question_type(question.type).action_items(question, answer.value)
            for number, entry in enumerate(entries, start=1):
                key = f"{report.report_id}/{question.id}/{number}"
                items.append(PlannedItem(key, step, question, number, entry))
    return items
