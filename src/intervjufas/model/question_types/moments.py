"""The question type ``moment``: the moments that make up one phase of the consultant's interview
process (before, during or after the interviews), each with whom it involves and an optional note.

The answers of a set's ``moment`` questions together are the process map.  In a report the moments
are a numbered list (see ``list_markdown``), each with its stable id in a comment:

    1. **Genomgång av kravprofilen med kunden**<!-- moment: 5e6f7a8b -->
       - Berör: kunden
       - Notering: En vecka före
       - Notering för uppdraget: Ahmed ringer kandidaterna

"Notering" is about the process and is carried to the next map; "Notering för uppdraget" stays in
its report.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from intervjufas.errors import AnswerError
from intervjufas.model.answers import Answer, Moment, Value, display, involved, moments_in, new_id, parse_date
from intervjufas.model.questions import Question, QuestionType, Widget, as_text

if TYPE_CHECKING:  # (Markdown text rules are loaded when a report is written or read, not to ask)
    from intervjufas.model.markdown_text import TextCodec

_LABELS = {
    "involves": "Berör",
    "note": "Notering",
    "assignment_note": "Notering för uppdraget",
    "developed": "Utvecklat",
}
_READ_LABELS = {
    "involves": ("berör", "beror"),
    "note": ("notering", "anteckning"),
    "assignment_note": ("notering för uppdraget", "uppdragsnotering"),
    "developed": ("utvecklat",),
}
_KEYS = ("namn", "beror", "notering", "uppdragsnotering", "utvecklat", "id")
_ID = re.compile(r"[A-Za-z0-9_-]+")  # what the id comment of a list item holds (see list_markdown)


class MomentListType(QuestionType):
    name = "moment"
    description = "momenten i en fas av intervjuprocessen, med vem de berör (till processkartan)"
    shown_as = "moment i processkartan"
    widget = Widget.MOMENTS
    keys = ("fas",)
    required_keys = ("fas",)
    operators = frozenset({"besvarad"})
    condition_hint = "har typen moment; jämför med 'besvarad'"
    in_metadata = False
    carried_over = False  # the map is carried forward as a whole (see reports.process_map)
    maps_process = True

    def coerce(self, question: Question, raw: object) -> Value:
        if isinstance(raw, (str, dict)):
            raw = [raw]
        if not isinstance(raw, list):
            raise AnswerError("ange en lista med moment (namn, beror, notering)")
        moments = tuple(_moment(entry) for entry in raw)
        if any(not moment.name for moment in moments):
            raise AnswerError("ett moment saknar namn")
        ids = [moment.id for moment in moments if moment.id]
        twice = next((given for given in ids if ids.count(given) > 1), None)
        if twice is not None:  # (an item picked on the map would be about both)
            raise AnswerError(f"id '{twice}' används av två moment")
        return moments or None

    def identify(self, question: Question, value: Value) -> Value:
        if not value:
            return value
        return tuple(m if m.id else replace(m, id=new_id()) for m in moments_in(value))

    def compare_text(self, question: Question, value: Value) -> str:
        return "\n".join(display((moment,)) for moment in moments_in(value))

    def encode(self, question: Question, answer: Answer) -> list[str]:
        from intervjufas.model.list_markdown import ListItem, write_items

        items = [
            ListItem(
                moment.name,
                {"moment": moment.id},
                {
                    "involves": ", ".join(moment.involves),
                    "note": moment.note,
                    "assignment_note": moment.assignment_note,
                    "developed": moment.developed,
                },
            )
            for moment in moments_in(answer.value)
        ]
        return write_items(items, _LABELS)

    def decode(self, question: Question, lines: list[str], text: TextCodec) -> Answer:
        from intervjufas.model.list_markdown import read_items

        return Answer(
            tuple(
                Moment(
                    item.text,
                    involved(item.details.get("involves", "")),
                    item.details.get("note", ""),
                    item.ids.get("moment", ""),
                    item.details.get("developed", "").strip(),
                    item.details.get("assignment_note", ""),
                )
                for item in read_items(lines, _READ_LABELS, text)
            )
        )


def _moment(entry: object) -> Moment:
    if isinstance(entry, str):
        return Moment(entry)
    if not isinstance(entry, dict):
        raise AnswerError(
            "varje moment ska vara en text eller ha nycklarna namn, beror, notering och uppdragsnotering"
        )
    unknown = set(entry) - set(_KEYS)
    if unknown:
        raise AnswerError(f"okänd nyckel '{sorted(unknown)[0]}' i ett moment (tillåtna: {', '.join(_KEYS)})")
    developed = as_text(entry.get("utvecklat")).strip()
    return Moment(
        as_text(entry.get("namn")),
        involved(entry.get("beror") or ()),
        as_text(entry.get("notering")),
        _given_id(as_text(entry.get("id")).strip()),
        parse_date(developed) if developed else "",
        as_text(entry.get("uppdragsnotering")),
    )


def _given_id(text: str) -> str:
    """An id from an answers file (copied from a report), as the report's comment can hold it –
    and, like the program's own, never digits only (see ``new_id``)."""
    if text and (not _ID.fullmatch(text) or text.isdigit()):
        raise AnswerError(
            f"id '{text}' i ett moment ska vara bokstäver a–z, siffror, - eller _, med minst en bokstav"
        )
    return text
