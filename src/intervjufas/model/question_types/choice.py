"""Question types answered from a menu: ``janej``, ``val`` (one choice) and ``flerval`` (several).

A chosen value is written in bold on its own line; ``val`` and ``janej`` may take a comment, which
follows as free text after a blank line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from intervjufas.errors import AnswerError, AnswerFormatError
from intervjufas.model.answers import NO, YES, Answer, Value, texts_in
from intervjufas.model.questions import Question, QuestionType, Widget, as_text, coerce_line

if TYPE_CHECKING:  # (Markdown text rules are loaded when a report is written or read, not to ask)
    from intervjufas.model.markdown_text import TextCodec

ANSWER_LABEL = "Svar:"
_CHOICE = re.compile(r"^(?:Svar:[ \t]*)?(?:\*\*(?P<bold>.*)\*\*|(?P<plain>.*))$")
_ITEM = re.compile(r"^(?:\d+[.)]|[-*+])[ \t]+(.*)$")


def match_choice(question: Question, text: str) -> str:
    """The choice that ``text`` names (case-insensitive), or raise."""
    wanted = text.strip().casefold()
    for choice in question.choices:
        if choice.casefold() == wanted:
            return choice
    raise AnswerError(f"'{text.strip()}' är inte ett av valen ({', '.join(question.choices)})")


class ChoiceType(QuestionType):
    """One choice from the question's list ``val``."""

    name = "val"
    description = "ett val ur listan 'val'"
    shown_as = "ett val"
    widget = Widget.MENU
    keys: ClassVar[tuple[str, ...]] = ("val", "kommentar")
    required_keys: ClassVar[tuple[str, ...]] = ("val",)
    text_valued = True

    def coerce(self, question: Question, raw: object) -> Value:
        return match_choice(question, as_text(raw))

    def choices(self, question: Question) -> tuple[str | int, ...]:
        return self.fixed_choices or question.choices

    def encode(self, question: Question, answer: Answer) -> list[str]:
        from intervjufas.model.markdown_text import CURRENT

        lines = [f"{ANSWER_LABEL} **{CURRENT.inline(str(answer.value))}**"]
        if answer.comment:
            lines += ["", *CURRENT.escape(answer.comment)]
        return lines

    def decode(self, question: Question, lines: list[str], text: TextCodec) -> Answer:
        match = _CHOICE.match(lines[0].strip())
        assert match is not None  # (the pattern matches any line)
        chosen = match.group("bold") if match.group("bold") is not None else match.group("plain")
        value = coerce_line(question, text.uninline(chosen), 0)
        rest = lines[1:]
        if rest and rest[0] == "":
            rest = rest[1:]
        comment = text.unescape(rest) if rest else ""
        if comment and not question.comment:
            raise AnswerFormatError(
                1, f"frågan '{question.id}' har ingen kommentar; ta bort texten under svaret"
            )
        return Answer(value, comment)


class YesNoType(ChoiceType):
    name = "janej"
    description = "Ja eller Nej"
    shown_as = "ja/nej"
    widget = Widget.YESNO
    keys = ("kommentar",)
    required_keys = ()
    text_valued = False
    fixed_choices = (YES, NO)

    def coerce(self, question: Question, raw: object) -> Value:
        if raw is True:
            return YES
        if raw is False:
            return NO
        text = str(raw).strip().casefold()
        if text in ("ja", "j", "yes", "y"):
            return YES
        if text in ("nej", "n", "no"):
            return NO
        raise AnswerError(f"'{raw}' är inte Ja eller Nej")


class MultiChoiceType(QuestionType):
    """Several choices from the question's list ``val``."""

    name = "flerval"
    description = "ett eller flera val ur listan 'val'"
    shown_as = "flera val"
    widget = Widget.CHECKBOX
    keys = ("val",)
    required_keys = ("val",)
    operators = frozenset({"besvarad", "innehaller"})
    condition_hint = "är en flervalsfråga; jämför med 'innehaller'"
    text_valued = True

    def coerce(self, question: Question, raw: object) -> Value:
        values = [part for part in re.split(r"\s*,\s*", raw.strip())] if isinstance(raw, str) else raw
        if not isinstance(values, Sequence):
            raise AnswerError("ange en lista med val")
        chosen = {match_choice(question, as_text(v)) for v in values if as_text(v).strip()}
        return tuple(c for c in question.choices if c in chosen) or None

    def choices(self, question: Question) -> tuple[str | int, ...]:
        return question.choices

    def encode(self, question: Question, answer: Answer) -> list[str]:
        from intervjufas.model.markdown_text import CURRENT

        return [f"- {CURRENT.inline(choice)}" for choice in texts_in(answer.value)]

    def decode(self, question: Question, lines: list[str], text: TextCodec) -> Answer:
        chosen: list[str] = []
        for offset, line in enumerate(lines):
            if not line.strip():
                continue
            match = _ITEM.match(line.strip())
            # One line is one whole choice (which may contain a comma); coerce gives a tuple.
            one = text.uninline(match.group(1) if match else line.strip())
            chosen.extend(texts_in(coerce_line(question, [one], offset)))
        return Answer(tuple(c for c in question.choices if c in chosen))
