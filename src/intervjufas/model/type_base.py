"""What every question type provides: the base class of the entries in the question-type table.

A question type knows everything that differs between types: which keys of the question format
it may use, how raw input (typed text, an answers file, a report header) becomes a valid value,
how the answer is written under its heading in a report and read back, how it is shown, and which
prompt widget asks it.  Nothing else in the program branches on a type's name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from intervjufas.errors import AnswerError, AnswerFormatError
from intervjufas.model.answers import ActionItem, Answer, Value, display
from intervjufas.model.markdown_text import PLACEHOLDER, TextCodec

if TYPE_CHECKING:
    from intervjufas.model.questions import Question

# Comparisons every type supports in a condition.
BASIC_OPERATORS = frozenset({"besvarad", "ar", "ar_inte", "en_av"})


class QuestionType:
    """One entry of the question-type table (see ``question_types.TYPES``)."""

    name: ClassVar[str]
    description: ClassVar[str]  # for the JSON Schema: what an answer is
    shown_as: ClassVar[str]  # for ``fragor --visa``: how the question is answered
    widget: ClassVar[str]  # prompt widget: line, lines, menu, yesno, checkbox, scale, items
    keys: ClassVar[tuple[str, ...]] = ()  # type-specific keys of the question format it may use
    required_keys: ClassVar[tuple[str, ...]] = ()  # of those, the ones it must have
    operators: ClassVar[frozenset[str]] = BASIC_OPERATORS  # comparisons allowed in conditions
    condition_hint: ClassVar[str] = ""  # what to compare with instead, when 'ar' is not allowed
    text_valued: ClassVar[bool] = False  # YAML booleans in its values mean their text ('no')
    in_metadata: ClassVar[bool] = True  # may be a question about the assignment
    fixed_choices: ClassVar[tuple[str, ...]] = ()  # choices the type itself gives (not the file)
    line_hint: ClassVar[str] = "Svar"  # what to type, in a plain line-by-line prompt
    is_rating: ClassVar[bool] = False  # a rating: compared side by side and followed by ``trend``
    carried_over: ClassVar[bool] = True  # offered again from an earlier report (--utga-fran)
    maps_process: ClassVar[bool] = False  # its answers are moments of the process map
    free_text: ClassVar[bool] = False  # the value is the user's own words (checked for personal data)

    # -- values -------------------------------------------------------------------------------
    def coerce(self, question: Question, raw: Any) -> Value:
        """Turn non-empty raw input into the type's value; raise AnswerError if invalid."""
        raise NotImplementedError

    def default_value(self, question: Question) -> Value:
        """The question's default (from the question file) as a value."""
        default = question.default
        return tuple(default) if isinstance(default, list) else default

    def stored_default(self, question: Question, raw: Any) -> Any:
        """How the loader keeps a valid default from the question file."""
        value = coerce_value(self, question, raw)
        return list(value) if isinstance(value, tuple) else value

    def choices(self, question: Question) -> tuple[Any, ...]:
        """The values a menu offers (empty for types answered by typing)."""
        return ()

    def display(self, question: Question, value: Value) -> str:
        return display(value)

    def identify(self, question: Question, value: Value) -> Value:
        """The value with stable ids given to whatever in it needs one (moments, action items)."""
        return value

    def compare_text(self, question: Question, value: Value) -> str:
        """The value as the text two reports' answers are compared by."""
        return self.display(question, value)

    def action_items(self, question: Question, value: Value) -> tuple[ActionItem, ...]:
        """The items a non-empty answer adds to the action plan (for questions with 'plan')."""
        return (ActionItem(str(value)),)

    # -- Markdown -----------------------------------------------------------------------------
    def encode(self, question: Question, answer: Answer) -> list[str]:
        """The Markdown lines under the question's heading for a non-empty value."""
        raise NotImplementedError

    def decode(self, question: Question, lines: list[str], text: TextCodec) -> Answer:
        """Read non-blank lines under a heading (free text as ``text`` wrote it); raise
        AnswerFormatError if impossible."""
        raise NotImplementedError

    def decode_blank(self, question: Question, lines: list[str], text: TextCodec) -> Answer:
        """Lines that hold nothing but whitespace."""
        return Answer(None)


def coerce_value(kind: QuestionType, question: Question, raw: Any) -> Value:
    """Raw input as the type's value (None when empty)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    return kind.coerce(question, raw)


def coerce_line(kind: QuestionType, question: Question, raw: Any, offset: int) -> Value:
    """Like ``coerce_value`` for text read from a report, with the line offset in the error."""
    try:
        return coerce_value(kind, question, raw)
    except AnswerError as error:
        raise AnswerFormatError(offset, str(error)) from None


def as_text(raw: Any) -> str:
    """Raw input that must be a text (not a list or mapping)."""
    from intervjufas.model.answers import normalize_newlines

    if isinstance(raw, (dict, list)):
        raise AnswerError("svaret ska vara en text")
    return "" if raw is None else normalize_newlines(str(raw))


def encode_answer(kind: QuestionType, question: Question, answer: Answer) -> list[str]:
    if answer.value is None:
        return [PLACEHOLDER]
    return kind.encode(question, answer)


def decode_answer(kind: QuestionType, question: Question, lines: list[str], text: TextCodec) -> Answer:
    if lines == [PLACEHOLDER]:
        return Answer(None)
    if not any(line.strip() for line in lines):
        return kind.decode_blank(question, lines, text)
    return kind.decode(question, lines, text)
