"""Answer values: the model, and turning raw input (typed text, an answers file) into valid answers."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from intervjufas.questionnaire import Question

YES, NO = "Ja", "Nej"


@dataclass(frozen=True)
class ActionItem:
    """One planned change: what (moment) and why."""

    moment: str
    why: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "moment", one_line(self.moment))
        object.__setattr__(self, "why", one_line(self.why))


Value = str | int | tuple[str, ...] | tuple[ActionItem, ...] | None


@dataclass(frozen=True)
class Answer:
    """An answer to one question. ``value`` None means answered but left empty."""

    value: Value = None
    comment: str = ""

    def __post_init__(self) -> None:
        if isinstance(self.value, str):
            object.__setattr__(self, "value", normalize_newlines(self.value) or None)
        elif isinstance(self.value, list):
            object.__setattr__(self, "value", tuple(self.value) or None)
        elif isinstance(self.value, tuple) and not self.value:
            object.__setattr__(self, "value", None)
        object.__setattr__(self, "comment", normalize_newlines(self.comment))

    @property
    def is_empty(self) -> bool:
        return self.value is None and not self.comment


class AnswerError(ValueError):
    """Raw input that is not a valid answer; the message is Swedish and fit for the user."""


def normalize_newlines(text: str) -> str:
    """Answers store line breaks as ``\\n`` only."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def tidy(text: str) -> str:
    """Typed text without leading blank lines and without trailing whitespace."""
    lines = normalize_newlines(text).rstrip().split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    return "\n".join(lines)


def one_line(text: str) -> str:
    return " ".join(normalize_newlines(text).split("\n")).strip()


def today() -> str:
    return dt.date.today().isoformat()


def parse_date(text: str) -> str:
    text = text.strip()
    if text.lower() in ("idag", "i dag"):
        return today()
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise AnswerError(f"'{text}' är inte ett datum på formen ÅÅÅÅ-MM-DD") from None


def match_choice(question: Question, text: str) -> str:
    """The choice that ``text`` names (case-insensitive), or raise."""
    wanted = text.strip().casefold()
    for choice in question.choices:
        if choice.casefold() == wanted:
            return choice
    raise AnswerError(f"'{text.strip()}' är inte ett av valen ({', '.join(question.choices)})")


def parse_scale(question: Question, raw: Any) -> int:
    if isinstance(raw, bool):
        raise AnswerError("ange en siffra")
    try:
        number = int(str(raw).strip())
    except ValueError:
        raise AnswerError(
            f"'{raw}' är inte en siffra mellan {question.scale_min} och {question.scale_max}"
        ) from None
    if not question.scale_min <= number <= question.scale_max:
        raise AnswerError(f"{number} ligger utanför skalan {question.scale_min}–{question.scale_max}")
    return number


def _yes_no(raw: Any) -> str:
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


def _text(raw: Any) -> str:
    if isinstance(raw, (dict, list)):
        raise AnswerError("svaret ska vara en text")
    return "" if raw is None else normalize_newlines(str(raw))


def _action_items(raw: Any) -> tuple[ActionItem, ...]:
    if raw is None or raw == "":
        return ()
    if isinstance(raw, (str, dict)):
        raw = [raw]
    if not isinstance(raw, list):
        raise AnswerError("ange en lista med moment (moment och varfor)")
    items = []
    for entry in raw:
        if isinstance(entry, str):
            items.append(ActionItem(entry))
        elif isinstance(entry, dict):
            unknown = set(entry) - {"moment", "varfor"}
            if unknown:
                raise AnswerError(
                    f"okänd nyckel '{sorted(unknown)[0]}' i ett moment (tillåtna: moment, varfor)"
                )
            items.append(ActionItem(_text(entry.get("moment")), _text(entry.get("varfor"))))
        else:
            raise AnswerError("varje moment ska vara en text eller ha nycklarna moment och varfor")
    if any(not item.moment for item in items):
        raise AnswerError("ett moment saknar text")
    return tuple(items)


def coerce_value(question: Question, raw: Any) -> Value:
    """Turn one raw value into the question type's value (None when empty)."""
    kind = question.type
    if raw is None or (isinstance(raw, str) and not raw.strip() and kind not in ("text", "langtext")):
        return None
    if kind in ("text", "langtext"):
        return tidy(_text(raw)) or None
    if kind == "janej":
        return _yes_no(raw)
    if kind == "val":
        return match_choice(question, _text(raw))
    if kind == "flerval":
        values = [part for part in re.split(r"\s*,\s*", raw.strip())] if isinstance(raw, str) else raw
        if not isinstance(values, Sequence):
            raise AnswerError("ange en lista med val")
        chosen = {match_choice(question, _text(v)) for v in values if _text(v).strip()}
        return tuple(c for c in question.choices if c in chosen) or None
    if kind == "skala":
        return parse_scale(question, raw)
    if kind == "datum":
        if isinstance(raw, dt.date):
            return raw.isoformat()
        return parse_date(_text(raw))
    if kind == "atgarder":
        return _action_items(raw) or None
    raise AnswerError(f"okänd frågetyp '{kind}'")


def coerce(question: Question, raw: Any) -> Answer:
    """Validate raw input exactly as a typed answer is validated; raise AnswerError if invalid."""
    comment = ""
    if question.comment and isinstance(raw, dict):
        unknown = set(raw) - {"svar", "kommentar"}
        if unknown:
            raise AnswerError(f"okänd nyckel '{sorted(unknown)[0]}' (tillåtna: svar, kommentar)")
        comment = _text(raw.get("kommentar"))
        raw = raw.get("svar")
    answer = Answer(coerce_value(question, raw), comment)
    if answer.value is None and comment:
        raise AnswerError("en kommentar kräver också ett svar")
    if question.required and answer.value is None:
        raise AnswerError("frågan är obligatorisk och måste besvaras")
    return answer


def display(value: Value, *, scale_max: int | None = None) -> str:
    """A one-string rendering of a value for terminals, tables and diffs."""
    if value is None:
        return ""
    if isinstance(value, int):
        return f"{value} av {scale_max}" if scale_max else str(value)
    if isinstance(value, str):
        return value
    parts = []
    for item in value:
        if isinstance(item, ActionItem):
            parts.append(f"{item.moment} (varför: {item.why})" if item.why else item.moment)
        else:
            parts.append(item)
    return "; ".join(parts) if value and isinstance(value[0], ActionItem) else ", ".join(parts)
