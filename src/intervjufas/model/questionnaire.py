"""A questionnaire: the questions about the assignment (metadata) and the steps of (grouped)
questions, as one question set defines them; and how far a report has come in each step."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from intervjufas.model.answers import Answer
from intervjufas.model.questions import Question

STATUS_DONE = "klar"
STATUS_STARTED = "påbörjad"
STATUS_NOT_STARTED = "ej påbörjad"


@dataclass(frozen=True)
class Step:
    """One step of a set (Steg 1–3): its questions under a heading and lead text."""

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
    """A question set: its metadata questions and its steps."""

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
        return [(s, q) for s in self.steps for q in s.questions if q.kind.is_rating]


def step_status(step: Step, answers: Mapping[str, Answer]) -> str:
    """'klar' when every active question is answered, 'påbörjad' when some are, else 'ej påbörjad'."""
    active = [q for q in step.questions if q.is_active(answers)]
    answered = [q for q in active if q.id in answers]
    if active and len(answered) == len(active):
        return STATUS_DONE
    if any(q.id in answers for q in step.questions):
        return STATUS_STARTED
    return STATUS_NOT_STARTED
