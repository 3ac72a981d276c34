"""The question type ``atgarder``: action items for the plan, each a moment and why.

In a report the items are a numbered list (see ``list_markdown``): each moment in bold with its ids
in a comment, ``Varför: …`` and, for a moment to add, ``Berör: …`` indented under it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from intervjufas.errors import AnswerError
from intervjufas.model.answers import ActionItem, Answer, Value, display, involved, items_in, new_id
from intervjufas.model.questions import Question, QuestionType, Widget, as_text

if TYPE_CHECKING:  # (Markdown text rules are loaded when a report is written or read, not to ask)
    from intervjufas.model.list_markdown import ListItem
    from intervjufas.model.markdown_text import TextCodec

WHY_LABEL = "Varför"
_LABELS = {"why": WHY_LABEL, "involves": "Berör"}
_READ_LABELS = {"why": ("varför", "syfte"), "involves": ("berör", "beror")}


class ActionItemsType(QuestionType):
    name = "atgarder"
    description = "en lista med moment och varför (till utvecklingsplanen)"
    shown_as = "moment och varför"
    widget = Widget.ITEMS
    keys = ("plan", "fas")
    operators = frozenset({"besvarad"})
    condition_hint = "har typen atgarder; jämför med 'besvarad'"
    in_metadata = False

    def coerce(self, question: Question, raw: object) -> Value:
        if isinstance(raw, (str, dict)):
            raw = [raw]
        if not isinstance(raw, list):
            raise AnswerError("ange en lista med moment (moment och varfor)")
        items = [_item(entry) for entry in raw]
        if any(not item.moment for item in items):
            raise AnswerError("ett moment saknar text")
        return tuple(items) or None

    def identify(self, question: Question, value: Value) -> Value:
        if not value:
            return value
        adds = question.plan == "lagga_till"
        return tuple(
            replace(item, id=item.id or new_id(), moment_id=item.moment_id or (new_id() if adds else ""))
            for item in items_in(value)
        )

    def compare_text(self, question: Question, value: Value) -> str:
        return "\n".join(display((item,)) for item in items_in(value))

    def action_items(self, question: Question, value: Value) -> tuple[ActionItem, ...]:
        return items_in(value)

    def encode(self, question: Question, answer: Answer) -> list[str]:
        from intervjufas.model.list_markdown import write_items

        return write_items([_as_list_item(item) for item in items_in(answer.value)], _LABELS)

    def decode(self, question: Question, lines: list[str], text: TextCodec) -> Answer:
        from intervjufas.model.list_markdown import read_items

        items = read_items(lines, _READ_LABELS, text)
        return Answer(
            tuple(
                ActionItem(
                    item.text,
                    item.details.get("why", ""),
                    id=item.ids.get("atgard", ""),
                    moment_id=item.ids.get("moment", ""),
                    involves=involved(item.details.get("involves", "")),
                )
                for item in items
            )
        )


def _as_list_item(item: ActionItem) -> ListItem:
    from intervjufas.model.list_markdown import ListItem

    details = {"why": item.why, "involves": ", ".join(item.involves)}
    return ListItem(item.moment, {"atgard": item.id, "moment": item.moment_id}, details)


def _item(entry: object) -> ActionItem:
    if isinstance(entry, str):
        return ActionItem(entry)
    if isinstance(entry, dict):
        unknown = set(entry) - {"moment", "varfor", "beror"}
        if unknown:
            raise AnswerError(
                f"okänd nyckel '{sorted(unknown)[0]}' i ett moment (tillåtna: moment, varfor, beror)"
            )
        return ActionItem(
            as_text(entry.get("moment")),
            as_text(entry.get("varfor")),
            involves=involved(entry.get("beror") or ()),
        )
    raise AnswerError("varje moment ska vara en text eller ha nycklarna moment, varfor och beror")
