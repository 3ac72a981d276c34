"""The question type ``skala``: a number on a short scale (min–max, labels for some steps)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from intervjufas.errors import AnswerError, AnswerFormatError
from intervjufas.model.answers import Answer, Value, display
from intervjufas.model.questions import Question, QuestionType, Widget, coerce_line

if TYPE_CHECKING:  # (Markdown text rules are loaded when a report is written or read, not to ask)
    from intervjufas.model.markdown_text import TextCodec

RATING_LABEL = "Betyg:"
_SCALE = re.compile(r"^(?:Betyg:[ \t]*)?(?:\*\*)?(-?\d+)(?:\*\*)?(?:\s.*)?$")


class ScaleType(QuestionType):
    name = "skala"
    description = "en siffra på en skala (min–max)"
    shown_as = "skala"
    widget = Widget.SCALE
    keys = ("min", "max", "etiketter")
    operators = frozenset({"besvarad", "ar", "ar_inte", "en_av", "minst", "hogst"})
    is_rating = True

    def coerce(self, question: Question, raw: object) -> Value:
        if isinstance(raw, bool):
            raise AnswerError("ange en siffra")
        try:
            number = int(str(raw).strip())
        except ValueError:
            raise AnswerError(
                f"'{raw}' är inte en siffra mellan {question.scale_min} och {question.scale_max}"
            ) from None
        if not question.scale_min <= number <= question.scale_max:
            raise AnswerError(f"{number} ligger utanför skalan {question.scale_min}–{question.scale_max}")
        return number

    def choices(self, question: Question) -> tuple[str | int, ...]:
        return tuple(range(question.scale_min, question.scale_max + 1))

    def display(self, question: Question, value: Value) -> str:
        return display(value, scale_max=question.scale_max)

    def encode(self, question: Question, answer: Answer) -> list[str]:
        from intervjufas.model.markdown_text import CURRENT

        label = dict(question.scale_labels).get(answer.value) if isinstance(answer.value, int) else None
        shown = f" ({CURRENT.inline(label)})" if label else ""
        return [f"{RATING_LABEL} **{answer.value}** av {question.scale_max}{shown}"]

    def decode(self, question: Question, lines: list[str], text: TextCodec) -> Answer:
        match = _SCALE.match(lines[0].strip())
        if not match or any(line.strip() for line in lines[1:]):
            raise AnswerFormatError(
                0, f"skriv en siffra mellan {question.scale_min} och {question.scale_max}"
            )
        return Answer(coerce_line(question, match.group(1), 0))
