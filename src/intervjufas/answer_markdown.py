"""How one answer is written as Markdown under its question heading, and read back exactly.

Text is written as it was typed.  Only lines that would change the document's structure or
meaning get a leading backslash (which is also how Markdown itself escapes them), so render →
parse gives back the exact text, and the file reads naturally as plain text and rendered.
"""

from __future__ import annotations

import re

from intervjufas.answers import ActionItem, Answer, AnswerError, coerce_value
from intervjufas.questionnaire import Question

PLACEHOLDER = "*Inget svar.*"
WHY_PREFIX = "Varför:"

# Line starts that would become headings, HTML comments or rules (with any backslashes before them).
_NEEDS_ESCAPE = re.compile(r"^\\*(?:#|<!--|(?:-{3,}|={3,}|_{3,}|\*{3,})[ \t]*$)")
_ESCAPED = re.compile(r"^\\+(?:#|<!--|(?:-{3,}|={3,}|_{3,}|\*{3,})[ \t]*$)")
_PLACEHOLDER_LIKE = re.compile(r"^\\*" + re.escape(PLACEHOLDER) + r"$")
_ESCAPED_PLACEHOLDER = re.compile(r"^\\+" + re.escape(PLACEHOLDER) + r"$")
_CHOICE = re.compile(r"^\*\*(.*)\*\*$")
_SCALE = re.compile(r"^(?:\*\*)?(-?\d+)(?:\*\*)?(?:\s.*)?$")
_ITEM = re.compile(r"^(?:\d+[.)]|[-*+])[ \t]+(.*)$")
_WHY = re.compile(r"^[ \t]+(?:[-*+][ \t]+)?(?:varför|syfte)[ \t]*:[ \t]?(.*)$", re.IGNORECASE)
_CONTINUATION = re.compile(r"^[ \t]+(\S.*)$")


class AnswerFormatError(ValueError):
    """The text under a heading cannot be read as an answer to its question."""

    def __init__(self, offset: int, message: str) -> None:
        super().__init__(message)
        self.offset = offset  # line offset within the answer block
        self.message = message


def escape_text(text: str) -> list[str]:
    lines = ["\\" + line if _NEEDS_ESCAPE.match(line) else line for line in text.split("\n")]
    if len(lines) == 1 and _PLACEHOLDER_LIKE.match(lines[0]):
        lines[0] = "\\" + lines[0]
    return lines


def unescape_text(lines: list[str]) -> str:
    if len(lines) == 1 and _ESCAPED_PLACEHOLDER.match(lines[0]):
        return lines[0][1:]
    return "\n".join(line[1:] if _ESCAPED.match(line) else line for line in lines)


def encode(question: Question, answer: Answer) -> list[str]:
    """The Markdown lines under the question's heading."""
    value = answer.value
    if value is None:
        return [PLACEHOLDER]
    kind = question.type
    if kind in ("val", "janej"):
        lines = [f"**{value}**"]
        if answer.comment:
            lines += ["", *escape_text(answer.comment)]
        return lines
    if kind == "flerval":
        return [f"- {choice}" for choice in value]  # type: ignore[union-attr]
    if kind == "skala":
        label = dict(question.scale_labels).get(value)  # type: ignore[arg-type]
        return [f"**{value}** av {question.scale_max}" + (f" ({label})" if label else "")]
    if kind == "atgarder":
        lines = []
        for number, item in enumerate(value, start=1):  # type: ignore[arg-type]
            assert isinstance(item, ActionItem)
            lines.append(f"{number}. **{item.moment}**")
            if item.why:
                lines.append(f"   - {WHY_PREFIX} {item.why}")
        return lines
    return escape_text(str(value))


def decode(question: Question, lines: list[str]) -> Answer:
    """Read the lines under a heading back into an answer; raise AnswerFormatError if impossible."""
    kind = question.type
    if lines == [PLACEHOLDER]:
        return Answer(None)
    if kind in ("text", "langtext"):
        return Answer(unescape_text(lines))
    if not any(line.strip() for line in lines):
        return Answer(None)
    if kind == "datum":
        return Answer(_coerce(question, unescape_text(lines).strip(), 0))
    if kind in ("val", "janej"):
        first = lines[0].strip()
        match = _CHOICE.match(first)
        value = _coerce(question, match.group(1) if match else first, 0)
        rest = lines[1:]
        if rest and rest[0] == "":
            rest = rest[1:]
        comment = unescape_text(rest) if rest else ""
        if comment and not question.comment:
            raise AnswerFormatError(
                1, f"frågan '{question.id}' har ingen kommentar; ta bort texten under svaret"
            )
        return Answer(value, comment)
    if kind == "flerval":
        chosen = []
        for offset, line in enumerate(lines):
            if not line.strip():
                continue
            match = _ITEM.match(line.strip())
            # One line is one whole choice (which may contain a comma); coerce_value gives a tuple.
            chosen.extend(_coerce(question, [match.group(1) if match else line.strip()], offset) or ())
        return Answer(tuple(c for c in question.choices if c in chosen))
    if kind == "skala":
        match = _SCALE.match(lines[0].strip())
        if not match or any(line.strip() for line in lines[1:]):
            raise AnswerFormatError(
                0, f"skriv en siffra mellan {question.scale_min} och {question.scale_max}"
            )
        return Answer(_coerce(question, match.group(1), 0))
    if kind == "atgarder":
        return Answer(_action_items(lines))
    raise AnswerFormatError(0, f"okänd frågetyp '{kind}'")


def _coerce(question: Question, raw: str, offset: int):
    try:
        return coerce_value(question, raw)
    except AnswerError as error:
        raise AnswerFormatError(offset, str(error)) from None


def _strip_bold(text: str) -> str:
    if len(text) >= 4 and text.startswith("**") and text.endswith("**"):
        return text[2:-2]
    return text


def _action_items(lines: list[str]) -> tuple[ActionItem, ...]:
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
    return tuple(ActionItem(moment, why) for moment, why in items if moment.strip())
