"""A report's answers as content for the exports: one small type per way a question type holds an
answer (free text, a choice with a comment, a rating, a list, action items), made from an answer
by ``content_of``, and ``clean``, which makes text from a report safe for every export format:
control characters become visible symbols and characters that XML cannot hold are replaced, so no
view can be broken by what a report contains.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intervjufas.model.answers import Answer, Moment, display, items_in, moments_in, normalize_newlines
from intervjufas.model.questions import Question
from intervjufas.model.safe_text import visible
from intervjufas.report.process_map.report_map import both_notes

_NONCHARACTER = re.compile(
    "[\ufdd0-\ufdef"
    + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
    + "]"
)


# -- answers as content ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TextContent:
    """Free text; ``\\n`` separates lines, an empty line separates paragraphs."""

    text: str


@dataclass(frozen=True)
class ChoiceContent:
    choice: str
    comment: str = ""


@dataclass(frozen=True)
class RatingContent:
    value: int
    maximum: int
    label: str = ""

    @property
    def text(self) -> str:
        return f"{self.value} av {self.maximum}" + (f" ({self.label})" if self.label else "")


@dataclass(frozen=True)
class ListContent:
    items: tuple[str, ...]


@dataclass(frozen=True)
class ItemsContent:
    """Action items: (moment, why) pairs."""

    items: tuple[tuple[str, str], ...]


Content = TextContent | ChoiceContent | RatingContent | ListContent | ItemsContent


def clean(text: object) -> str:
    """Text from a report made safe for every export format (see the module docstring):
    control characters shown as symbols, and Unicode's non-characters (which neither XML nor
    HTML may hold) replaced by U+FFFD."""
    text = visible(normalize_newlines(str(text)))
    return _NONCHARACTER.sub("\ufffd", text) if _NONCHARACTER.search(text) else text


def content_of(question: Question, answer: Answer) -> Content | None:
    """An answer as content, the way its question type holds it; None for an empty answer."""
    value = answer.value
    if value is None:
        return None
    kind = question.kind
    if kind.is_rating and isinstance(value, int):
        return RatingContent(value, question.scale_max, clean(dict(question.scale_labels).get(value, "")))
    if isinstance(value, tuple):
        if items := items_in(value):
            return ItemsContent(tuple((clean(i.moment), clean(i.why)) for i in items))
        if moments := moments_in(value):  # the moments of the map: name, whom, note
            return ListContent(tuple(clean(display((m,)) + _notes(m)) for m in moments))
        return ListContent(tuple(clean(item) for item in value))
    if kind.choices(question) or answer.comment:
        return ChoiceContent(clean(value), clean(answer.comment))
    return TextContent(clean(value))


def plain_text(content: Content) -> str:
    """Content as one text (for a detail of the assignment, or a table cell)."""
    if isinstance(content, (TextContent, RatingContent)):
        return content.text
    if isinstance(content, ChoiceContent):
        return f"{content.choice}\n{content.comment}" if content.comment else content.choice
    if isinstance(content, ListContent):
        return ", ".join(content.items)
    return "; ".join(f"{moment} (varför: {why})" if why else moment for moment, why in content.items)


def _notes(moment: Moment) -> str:
    """A moment's notes after its name (" – …"), the process note and this assignment's own."""
    notes = both_notes(moment)
    return f" – {notes}" if notes else ""
