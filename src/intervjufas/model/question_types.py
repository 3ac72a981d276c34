"""The question-type table: one entry per type, and the functions that look a question's type up.

To add a question type, write its class (see ``type_base.QuestionType``) and add it to ``TYPES``;
the loader, the JSON Schema, the report codec and the displays all read this table.  The prompters
ask by the entry's ``widget``, so a type with a new widget also needs that widget in each prompter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from intervjufas.errors import AnswerError
from intervjufas.model.answers import Answer, Value
from intervjufas.model.markdown_text import CURRENT, TextCodec
from intervjufas.model.type_base import QuestionType, decode_answer, encode_answer
from intervjufas.model.type_base import coerce_value as _coerce_value
from intervjufas.model.types_actions import ActionItemsType
from intervjufas.model.types_choice import ChoiceType, MultiChoiceType, YesNoType
from intervjufas.model.types_moments import MomentListType
from intervjufas.model.types_scale import ScaleType
from intervjufas.model.types_text import DateType, LongTextType, TextType

if TYPE_CHECKING:
    from intervjufas.model.questions import Question

TYPES: dict[str, QuestionType] = {
    kind.name: kind
    for kind in (
        TextType(),
        LongTextType(),
        YesNoType(),
        ChoiceType(),
        MultiChoiceType(),
        ScaleType(),
        DateType(),
        ActionItemsType(),
        MomentListType(),
    )
}
QUESTION_TYPES = tuple(TYPES)
# Every type-specific key of the question format, with the types that may use it, in table order.
TYPE_KEYS: dict[str, tuple[str, ...]] = {}
for _kind in TYPES.values():
    for _key in _kind.keys:
        TYPE_KEYS[_key] = (*TYPE_KEYS.get(_key, ()), _kind.name)


def question_type(name: str) -> QuestionType:
    """The table entry of a type; raise AnswerError for a type the table does not have."""
    kind = TYPES.get(name)
    if kind is None:
        raise AnswerError(f"okänd frågetyp '{name}'")
    return kind


def coerce_value(question: Question, raw: Any) -> Value:
    """Turn one raw value into the question type's value (None when empty)."""
    return _coerce_value(question_type(question.type), question, raw)


def coerce(question: Question, raw: Any) -> Answer:
    """Validate raw input exactly as a typed answer is validated; raise AnswerError if invalid."""
    from intervjufas.model.type_base import as_text

    comment = ""
    if question.comment and isinstance(raw, dict):
        unknown = set(raw) - {"svar", "kommentar"}
        if unknown:
            raise AnswerError(f"okänd nyckel '{sorted(unknown)[0]}' (tillåtna: svar, kommentar)")
        comment = as_text(raw.get("kommentar"))
        raw = raw.get("svar")
    answer = Answer(coerce_value(question, raw), comment)
    if answer.value is None and comment:
        raise AnswerError("en kommentar kräver också ett svar")
    if question.required and answer.value is None:
        raise AnswerError("frågan är obligatorisk och måste besvaras")
    return answer


def encode(question: Question, answer: Answer) -> list[str]:
    """The Markdown lines under the question's heading."""
    return encode_answer(question_type(question.type), question, answer)


def decode(question: Question, lines: list[str], text: TextCodec = CURRENT) -> Answer:
    """Read the lines under a heading back into an answer (free text as ``text`` wrote it – the
    report's format version); raise AnswerFormatError if impossible."""
    from intervjufas.errors import AnswerFormatError

    try:
        kind = question_type(question.type)
    except AnswerError as error:
        raise AnswerFormatError(0, str(error)) from None
    return decode_answer(kind, question, lines, text)


def display_answer(question: Question, value: Value) -> str:
    """A value as one string, the way its type shows it (e.g. '4 av 5' for a rating)."""
    return question_type(question.type).display(question, value)
