"""The question-type table: one entry per type, by the name a question file gives it.

To add a question type, write its class (see ``questions.QuestionType``) in this package and add
it to ``TYPES``; the loader resolves each question's ``typ`` here once, and the JSON Schema, the
report codec and the displays read the entries.  The prompters ask by the entry's ``widget``, so a
type with a new widget also needs that widget in each prompter's table.
"""

from __future__ import annotations

from intervjufas.model.question_types.actions import ActionItemsType
from intervjufas.model.question_types.choice import ChoiceType, MultiChoiceType, YesNoType
from intervjufas.model.question_types.moments import MomentListType
from intervjufas.model.question_types.scale import ScaleType
from intervjufas.model.question_types.text import DateType, LongTextType, TextType
from intervjufas.model.questions import QuestionType

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

# The entries the program's own questions are made with (the follow-up, the author, a menu).
TEXT = TYPES["text"]
CHOICE = TYPES["val"]
