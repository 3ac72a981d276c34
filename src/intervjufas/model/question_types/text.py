"""Question types answered by typing: ``text`` (one line), ``langtext`` (several lines), ``datum``."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from intervjufas.model.answers import Answer, Value, is_today_word, parse_date, tidy, today
from intervjufas.model.questions import Question, QuestionType, Widget, as_text, coerce_line

if TYPE_CHECKING:  # (Markdown text rules are loaded when a report is written or read, not to ask)
    from intervjufas.model.markdown_text import TextCodec


class TextType(QuestionType):
    name = "text"
    description = "kort text på en rad"
    shown_as = "text"
    widget = Widget.LINE
    keys = ("plan",)
    text_valued = True
    free_text = True

    def coerce(self, question: Question, raw: object) -> Value:
        return tidy(as_text(raw)) or None

    def encode(self, question: Question, answer: Answer) -> list[str]:
        from intervjufas.model.markdown_text import CURRENT

        return CURRENT.escape(str(answer.value))

    def decode(self, question: Question, lines: list[str], text: TextCodec) -> Answer:
        return Answer(text.unescape(lines))

    def decode_blank(self, question: Question, lines: list[str], text: TextCodec) -> Answer:
        return Answer(text.unescape(lines))


class LongTextType(TextType):
    name = "langtext"
    description = "längre text på flera rader"
    shown_as = "lång text, flera rader"
    widget = Widget.LINES


class DateType(QuestionType):
    name = "datum"
    description = "ett datum (ÅÅÅÅ-MM-DD)"
    shown_as = "datum"
    widget = Widget.LINE
    line_hint = "Datum, ÅÅÅÅ-MM-DD"
    carried_over = False  # a new assignment has its own date

    def coerce(self, question: Question, raw: object) -> Value:
        if isinstance(raw, dt.date):
            return raw.isoformat()
        return parse_date(as_text(raw))

    def default_value(self, question: Question) -> Value:
        return today() if is_today_word(question.default) else super().default_value(question)

    def stored_default(self, question: Question, raw: object) -> object:
        return "idag" if is_today_word(raw) else super().stored_default(question, raw)

    def encode(self, question: Question, answer: Answer) -> list[str]:
        from intervjufas.model.markdown_text import CURRENT

        return CURRENT.escape(str(answer.value))

    def decode(self, question: Question, lines: list[str], text: TextCodec) -> Answer:
        return Answer(coerce_line(question, text.unescape(lines).strip(), 0))
