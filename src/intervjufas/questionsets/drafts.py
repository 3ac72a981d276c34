"""A question as read from a file, before its condition can be resolved against the others."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import yaml

from intervjufas.files.safe_yaml import position
from intervjufas.model.question_types.table import TEXT
from intervjufas.model.questions import Group, Question, QuestionType


@dataclass
class QuestionDraft:
    """The values read for one question, the YAML node of each key, and where it stands."""

    node: yaml.Node
    nodes: dict[str, yaml.Node]  # format key -> its value node, as written
    group: Group | None
    step_index: int | None  # None for metadata
    order: int
    values: Question = field(init=False)  # the question's fields read so far (defaults elsewhere)
    # Fields with an invalid or missing value, e.g. "kind" when 'typ' is unknown.
    missing: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.values = Question(id="", text="", kind=TEXT, line=position(self.node)[0])

    def set(self, attr: str, value: Any) -> None:
        if value is None:
            self.missing.add(attr)
            return
        self.values = replace(self.values, **{attr: value})

    @property
    def id(self) -> str | None:
        return self.values.id or None

    @property
    def kind(self) -> QuestionType | None:
        """The question type, or None when it is missing or unknown."""
        return None if "kind" in self.missing or "typ" not in self.nodes else self.values.kind

    def question(self) -> Question:
        """The question as far as it is known (type 'text' when unknown)."""
        question = replace(self.values, group=self.group)
        fixed = question.kind.fixed_choices
        return replace(question, choices=fixed) if fixed else question
