"""The question-set model: a questionnaire of metadata questions and steps of (grouped) questions."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from intervjufas.model.answers import Answer
from intervjufas.model.conditions import Condition, evaluate

PLAN_KINDS = {"lagga_till": "Lägga till", "utveckla": "Utveckla", "ta_bort": "Ta bort"}
# The phases of the process map: before, during and after the interviews.
PHASES = {"fore": "Före intervjun", "under": "Under intervjun", "efter": "Efter intervjun"}
STATUS_DONE = "klar"
STATUS_STARTED = "påbörjad"
STATUS_NOT_STARTED = "ej påbörjad"


@dataclass(frozen=True)
class Group:
    """Consecutive questions under one heading and lead text."""

    id: str
    title: str
    text: str = ""


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    type: str
    help: str = ""
    required: bool = False
    default: Any = None
    choices: tuple[str, ...] = ()
    comment: bool = False
    scale_min: int = 1
    scale_max: int = 5
    scale_labels: tuple[tuple[int, str], ...] = ()
    condition: Condition | None = None
    plan: str | None = None
    phase: str | None = None  # the phase of the process map the question maps or plans for
    short: str = ""
    # The heading of the answer in the customer version of an export ("" = left out of it).
    customer_heading: str = ""
    group: Group | None = None
    step_id: str | None = None
    line: int = field(default=0, compare=False)

    @property
    def label(self) -> str:
        """A short label for tables and charts."""
        return self.short or self.text

    def is_active(self, answers: Mapping[str, Answer]) -> bool:
        return evaluate(self.condition, answers)

    def default_answer(self) -> Answer | None:
        """The set's own default as an answer, or None."""
        if self.default is None:
            return None
        from intervjufas.model.question_types import question_type

        return Answer(question_type(self.type).default_value(self))


@dataclass(frozen=True)
class Step:
    id: str
    number: int
    label: str
    title: str
    lead: str
    questions: tuple[Question, ...]

    @property
    def heading(self) -> str:
        return f"{self.label}: {self.title}"


@dataclass(frozen=True)
class SetRef:
    """Which question set a report was made with."""

    id: str
    version: int
    hash: str


@dataclass(frozen=True)
class Questionnaire:
    id: str
    version: int
    title: str
    description: str
    closing: str
    metadata: tuple[Question, ...]
    steps: tuple[Step, ...]
    content_hash: str
    source: str = field(default="", compare=False)

    @property
    def ref(self) -> SetRef:
        return SetRef(self.id, self.version, self.content_hash)

    def all_questions(self) -> Iterator[Question]:
        yield from self.metadata
        for step in self.steps:
            yield from step.questions

    def question(self, question_id: str) -> Question | None:
        return self._index().get(question_id)

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)

    def _index(self) -> dict[str, Question]:
        index = self.__dict__.get("_question_index")
        if index is None:
            index = {q.id: q for q in self.all_questions()}
            object.__setattr__(self, "_question_index", index)
        return index

    def is_metadata(self, question_id: str) -> bool:
        return any(q.id == question_id for q in self.metadata)

    def scale_questions(self) -> list[tuple[Step, Question]]:
        """The rating questions of every step (see ``QuestionType.is_rating``)."""
        from intervjufas.model.question_types import question_type

        return [(s, q) for s in self.steps for q in s.questions if question_type(q.type).is_rating]


def step_status(step: Step, answers: Mapping[str, Answer]) -> str:
    """'klar' when every active question is answered, 'påbörjad' when some are, else 'ej påbörjad'."""
    active = [q for q in step.questions if q.is_active(answers)]
    answered = [q for q in active if q.id in answers]
    if active and len(answered) == len(active):
        return STATUS_DONE
    if any(q.id in answers for q in step.questions):
        return STATUS_STARTED
    return STATUS_NOT_STARTED
