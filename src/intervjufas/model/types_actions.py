"""The question type ``atgarder``: action items for the plan, each a moment and why.

In a report the items are a numbered list, each moment in bold with ``Varför: …`` indented under it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from intervjufas.errors import AnswerError, AnswerFormatError
from intervjufas.model.answers import ActionItem, Answer, Value, display
from intervjufas.model.markdown_text import CURRENT, TextCodec
from intervjufas.model.type_base import QuestionType, as_text

if TYPE_CHECKING:
    from intervjufas.model.questions import Question

WHY_PREFIX = "Varför:"
_ITEM = re.compile(r"^(?:\d+[.)]|[-*+])[ \t]+(.*)$")
_WHY = re.compile(r"^[ \t]+(?:[-*+][ \t]+)?(?:varför|syfte)[ \t]*:[ \t]?(.*)$", re.IGNORECASE)
_CONTINUATION = re.compile(r"^[ \t]+(\S.*)$")


class ActionItemsType(QuestionType):
    name = "atgarder"
    description = "en lista med moment och varför (till utvecklingsplanen)"
    shown_as = "moment och varför"
    widget = "items"
    keys = ("plan",)
    operators = frozenset({"besvarad"})
    condition_hint = "har typen atgarder; jämför med 'besvarad'"
    in_metadata = False

    def coerce(self, question: Question, raw: Any) -> Value:
        if isinstance(raw, (str, dict)):
            raw = [raw]
        if not isinstance(raw, list):
            raise AnswerError("ange en lista med moment (moment och varfor)")
        items = [_item(entry) for entry in raw]
        if any(not item.moment for item in items):
            raise AnswerError("ett moment saknar text")
        return tuple(items) or None

    def compare_text(self, question: Question, value: Value) -> str:
        return "\n".join(display((item,)) for item in value)  # type: ignore[union-attr]

    def action_items(self, question: Question, value: Value) -> tuple[ActionItem, ...]:
        return tuple(value)  # type: ignore[arg-type]

    def encode(self, question: Question, answer: Answer) -> list[str]:
        lines = []
        for number, item in enumerate(answer.value, start=1):  # type: ignore[arg-type]
            assert isinstance(item, ActionItem)
            lines.append(f"{number}. **{CURRENT.inline(item.moment)}**")
            if item.why:
                lines.append(f"   - {WHY_PREFIX} {CURRENT.inline(item.why)}")
        return lines

    def decode(self, question: Question, lines: list[str], text: TextCodec) -> Answer:
        items: list[list[str]] = []  # [moment, why]
        target = 0
        for offset, line in enumerate(lines):
            if not line.strip():
                continue
            item = _ITEM.match(line)
            why = _WHY.match(line)
            more = _CONTINUATION.match(line)
            if item:
                items.append([_strip_bold(item.group(1)), ""])
                target = 0
            elif why and items:
                items[-1][1] = why.group(1)
                target = 1
            elif more and items:
                items[-1][target] += " " + more.group(1)
            else:
                raise AnswerFormatError(
                    offset, "skriv varje moment som en numrerad rad (1. …) med 'Varför: …' indraget under"
                )
        return Answer(
            tuple(
                ActionItem(text.uninline(moment), text.uninline(why))
                for moment, why in items
                if moment.strip()
            )
        )


def _item(entry: Any) -> ActionItem:
    if isinstance(entry, str):
        return ActionItem(entry)
    if isinstance(entry, dict):
        unknown = set(entry) - {"moment", "varfor"}
        if unknown:
            raise AnswerError(f"okänd nyckel '{sorted(unknown)[0]}' i ett moment (tillåtna: moment, varfor)")
        return ActionItem(as_text(entry.get("moment")), as_text(entry.get("varfor")))
    raise AnswerError("varje moment ska vara en text eller ha nycklarna moment och varfor")


def _strip_bold(text: str) -> str:
    if len(text) >= 4 and text.startswith("**") and text.endswith("**"):
        return text[2:-2]
    return text
