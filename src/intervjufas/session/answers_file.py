"""Answers from a YAML file (``--svar FIL``): question id → answer, validated like typed answers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from intervjufas.errors import AnswerError, IntervjufasError, YamlSourceError
from intervjufas.files.bounded import ANSWERS_FILE_LIMIT, read_bounded
from intervjufas.files.safe_yaml import (
    compose,
    decode_utf8,
    forbidden_tags,
    is_null,
    plain_value,
    show_tag,
    written,
)
from intervjufas.model.answer_codec import coerce
from intervjufas.model.answer_texts import personal_data_in_answers
from intervjufas.model.answers import Answer
from intervjufas.model.personal_data import Finding
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.questionsets.format_keys import suggest
from intervjufas.session.prompter import AskRequest


class AnswersFile:
    """The parsed answers file: values by question id, with the line of each."""

    def __init__(self, path: Path, values: dict[str, Any], lines: dict[str, int]) -> None:
        self.path = path
        self.values = values
        self.lines = lines

    @classmethod
    def read(cls, path: Path) -> AnswersFile:
        data = read_bounded(path, ANSWERS_FILE_LIMIT, "Kan inte läsa svarsfilen")
        try:
            root = compose(decode_utf8(data, str(path)), str(path))
        except YamlSourceError as error:
            raise IntervjufasError(error.diagnostics[0].format()) from None
        if root is None:
            return cls(path, {}, {})
        for node in forbidden_tags(root):
            line = node.start_mark.line + 1
            raise IntervjufasError(f"{path}:{line}: YAML-taggen '{show_tag(node.tag)}' är inte tillåten.")
        if not isinstance(root, yaml.MappingNode):
            raise IntervjufasError(f"{path}:1: svarsfilen ska vara nycklar med svar (fråge-id: svar).")
        values: dict[str, Any] = {}
        lines: dict[str, int] = {}
        for key_node, value_node in root.value:
            if not isinstance(key_node, yaml.ScalarNode) or is_null(key_node):
                raise IntervjufasError(
                    f"{path}:{key_node.start_mark.line + 1}: nyckeln {written(key_node)} ska vara ett "
                    "fråge-id (en text), inte en lista, en mappning eller tom."
                )
            key = str(key_node.value)
            if key in values:
                raise IntervjufasError(
                    f"{path}:{key_node.start_mark.line + 1}: '{key}' förekommer två gånger."
                )
            values[key] = plain_value(value_node)
            if isinstance(values[key], bool) and value_node.tag.endswith(":bool"):
                values[key] = (
                    value_node.value if value_node.value.lower() not in ("true", "false") else values[key]
                )
            lines[key] = key_node.start_mark.line + 1
        return cls(path, values, lines)

    def check_ids(self, questionnaire: Questionnaire) -> None:
        known = [q.id for q in questionnaire.all_questions()]
        for key in self.values:
            if key not in known:
                raise IntervjufasError(
                    f"{self.path}:{self.lines[key]}: okänt fråge-id '{key}'{suggest(key, known)}"
                    f" (frågeuppsättningen '{questionnaire.id}')."
                )

    def where(self, key: str) -> str:
        line = self.lines.get(key)
        return f"{self.path}:{line}" if line else str(self.path)

    def personal_data(self, questionnaire: Questionnaire, answers: Mapping[str, Answer]) -> list[FileFinding]:
        """The personal data in the answers that came from this file, with the line of each answer."""
        from_file = [q for q in questionnaire.all_questions() if q.id in self.values]
        return [
            FileFinding(self.path, self.lines.get(found.question_id), found.question_id, found.finding)
            for found in personal_data_in_answers(from_file, answers)
        ]


@dataclass(frozen=True)
class FileFinding:
    """Personal data in the answer to ``question_id`` in an answers file (at ``line``, if known)."""

    path: Path
    line: int | None
    question_id: str
    finding: Finding

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line else str(self.path)


class AnswersFilePrompter:
    """Answers every question from the file; a missing answer falls back to the default, as
    pressing Enter would, and a missing required answer is an error naming the id."""

    def __init__(self, answers: AnswersFile) -> None:
        self.answers = answers

    def section(self, title: str, text: str) -> None:
        pass

    def note(self, text: str) -> None:
        pass

    def ask(self, request: AskRequest) -> Answer:
        question = request.question
        if question.id not in self.answers.values:
            if request.default is not None and request.default.value is not None:
                return request.default
            if question.required:
                raise IntervjufasError(
                    f"{self.answers.path}: svar saknas för den obligatoriska frågan '{question.id}' "
                    f"({question.text})."
                )
            return Answer(None)
        try:
            return coerce(question, self.answers.values[question.id])
        except AnswerError as error:
            raise IntervjufasError(f"{self.answers.where(question.id)}: '{question.id}': {error}.") from None
