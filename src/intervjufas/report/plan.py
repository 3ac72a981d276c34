"""A report's own action plan: the items its add/develop/remove answers plan, each with the step and
question it belongs to, the identity that follows an item from report to report, and how the
changes made to it outside a mapping (``plan``) are named in the report."""

from __future__ import annotations

from dataclasses import dataclass

from intervjufas.model.answers import ActionItem
from intervjufas.model.question_types.table import CHOICE
from intervjufas.model.questionnaire import Questionnaire, Step
from intervjufas.model.questions import PLAN_KINDS, Question
from intervjufas.report.model import FOLLOW_UP_STATUSES, MERGED, PlanMark, Report


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

    @property
    def identity(self) -> str:
        return identity(self.key)

    @property
    def phase(self) -> str | None:
        return self.question.phase


def identity(key: str) -> str:
    """What stays the same for an action item from report to report: its id ('<report id>/<item
    id>' keys, of items carried from report to report), or the whole key ('<report id>/<question
    id>/<number>', of items written before items had ids)."""
    parts = key.split("/")
    return parts[1] if len(parts) == 2 else key


def planned_items(report: Report, questionnaire: Questionnaire) -> list[PlannedItem]:
    """Every add/develop/remove answer of the report, in question order."""
    items = []
    for step in questionnaire.steps:
        for question in step.questions:
            answer = report.answers.get(question.id)
            if not question.plan or answer is None or answer.value is None:
                continue
            entries = question.kind.action_items(question, answer.value)
            for number, entry in enumerate(entries, start=1):
                key = (
                    f"{report.report_id}/{entry.id}"
                    if entry.id
                    else f"{report.report_id}/{question.id}/{number}"
                )
                items.append(PlannedItem(key, step, question, number, entry))
    return items


# The plan kept up outside a mapping (``plan``): each change is a dated entry under the report
# that holds the item, in a section of its own after the plan; see ``report.model.PlanMark``.
MARKS_SECTION = "planuppfoljning"  # the section's id (<!-- avsnitt: planuppfoljning -->)
MARKS_TITLE = "Utvecklingsplanen följd upp efter kartläggningen"
MARK_QUESTION = Question(
    id="markering", text=MARKS_TITLE, kind=CHOICE, choices=(*FOLLOW_UP_STATUSES, MERGED), comment=True
)


def mark_id(mark: PlanMark) -> str:
    """The id of a mark's heading: '<item key>@<time>', and '@<key of the item it joined>' for a
    merge (no spaces, as every heading id)."""
    return f"{mark.key}@{mark.time}" + (f"@{mark.into}" if mark.into else "")


def read_mark_id(text: str) -> tuple[str, str, str] | None:
    """(item key, time, key of the item it joined or '') of a mark's heading id, or None."""
    parts = text.split("@")
    if len(parts) not in (2, 3) or not parts[0] or len(parts[1]) < 10:
        return None
    return parts[0], parts[1], parts[2] if len(parts) == 3 else ""
