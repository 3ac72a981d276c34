"""A question and its type: the contract between the questions of a set and the question-type table.

A question type knows everything that differs between types: which keys of the question format
it may use, how raw input (typed text, an answers file, a report header) becomes a valid value,
how the answer is written under its heading in a report and read back, how it is shown, and which
prompt widget asks it.  A ``Question`` holds its type (``kind``), resolved once when the set is
loaded, so nothing else in the program looks a type up by its name or branches on it.  The types
themselves are in ``model/question_types/``; how an answer is checked, written and read as a whole
is ``answer_codec``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, ClassVar, cast

from intervjufas.errors import AnswerError, AnswerFormatError
from intervjufas.model.answers import ActionItem, Answer, Value, display, normalize_newlines
from intervjufas.model.conditions import Condition, evaluate

if TYPE_CHECKING:  # (Markdown text rules are loaded when a report is written or read, not to ask)
    from intervjufas.model.markdown_text import TextCodec

PLAN_KINDS = {"lagga_till": "Lägga till", "utveckla": "Utveckla", "ta_bort": "Ta bort"}
# The phases of the process map: before, during and after the interviews.
PHASES = {"fore": "Före intervjun", "under": "Under intervjun", "efter": "Efter intervjun"}
# Comparisons every type supports in a condition.
BASIC_OPERATORS = frozenset({"besvarad", "ar", "ar_inte", "en_av"})


class Widget(StrEnum):
    """The prompt widgets a question type is asked with; each prompter has one entry per widget."""

    LINE = "line"  # one line of text
    LINES = "lines"  # several lines of text
    MENU = "menu"  # one choice
    YESNO = "yesno"  # Ja or Nej
    CHECKBOX = "checkbox"  # several choices
    SCALE = "scale"  # a number on a scale
    ITEMS = "items"  # action items, one at a time
    MOMENTS = "moments"  # the moments of a phase of the process map
    SUGGESTIONS = "suggestions"  # colleagues' moments, each to the map, to the plan or skipped


class QuestionType:
    """One entry of the question-type table (see ``question_types.table``).  A type is stateless –
    everything is a class attribute – so two instances of one type are equal, and a question
    rebuilt from the set cache equals the one the loader made."""

    __slots__ = ()
    name: ClassVar[str]
    description: ClassVar[str]  # for the JSON Schema: what an answer is
    shown_as: ClassVar[str]  # for ``fragor --visa``: how the question is answered
    widget: ClassVar[Widget]  # the prompt widget that asks it
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

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    def __hash__(self) -> int:
        return hash(type(self))

    def __repr__(self) -> str:
        return f"<question type {self.name}>"

    # -- values -------------------------------------------------------------------------------
    def coerce(self, question: Question, raw: object) -> Value:
        """Turn non-empty raw input into the type's value; raise AnswerError if invalid."""
        raise NotImplementedError

    def default_value(self, question: Question) -> Value:
        """The question's default (from the question file) as a value."""
        default = question.default  # (checked by ``stored_default`` when the set was loaded)
        return cast("Value", tuple(default) if isinstance(default, list) else default)

    def stored_default(self, question: Question, raw: object) -> object:
        """How the loader keeps a valid default from the question file."""
        value = coerce_value(question, raw)
        return list(value) if isinstance(value, tuple) else value

    def choices(self, question: Question) -> tuple[str | int, ...]:
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


@dataclass(frozen=True)
class Group:
    """Consecutive questions under one heading and lead text."""

    id: str
    title: str
    text: str = ""


@dataclass(frozen=True)
class Question:
    """One question of a set, with its resolved type (``kind``)."""

    id: str
    text: str
    kind: QuestionType  # the entry of the type table, resolved once by the loader
    help: str = ""
    required: bool = False
    default: object = None  # as the loader keeps it (``stored_default``): a text, number or list
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
        return Answer(self.kind.default_value(self))


def coerce_value(question: Question, raw: object) -> Value:
    """Raw input as the question type's value (None when empty); raise AnswerError if invalid."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    return question.kind.coerce(question, raw)


def coerce_line(question: Question, raw: object, offset: int) -> Value:
    """Like ``coerce_value`` for text read from a report, with the line offset in the error."""
    try:
        return coerce_value(question, raw)
    except AnswerError as error:
        raise AnswerFormatError(offset, str(error)) from None


def as_text(raw: object) -> str:
    """Raw input that must be a text (not a list or mapping)."""
    if isinstance(raw, (dict, list)):
        raise AnswerError("svaret ska vara en text")
    return "" if raw is None else normalize_newlines(str(raw))
