"""Answer values: what an answer is, and the small text and date rules every question type shares."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field

from intervjufas.errors import AnswerError

YES, NO = "Ja", "Nej"
TODAY_WORDS = ("idag", "i dag")
# Whom a moment of the interview process involves.
INVOLVED = ("kunden", "kandidaten", "kollegor")


def new_id(size: int = 4) -> str:
    """A stable id for a report, a moment or an action item (it follows it from report to
    report): ``size`` random bytes in hex, never digits only – so that no id can be mistaken for a
    phone number or a personnummer when reports are searched for personal data."""
    while True:
        made = secrets.token_hex(size)
        if not made.isdigit():
            return made


@dataclass(frozen=True)
class ActionItem:
    """One planned change: what (moment) and why.

    ``id`` is the item's identity, kept when it is carried to a later report; ``moment_id`` the
    moment of the process map it is about (the one it adds, develops or removes); ``involves`` whom
    a moment to add involves."""

    moment: str
    why: str = ""
    # Identity, not content: two items that say the same are equal whatever their ids.
    id: str = field(default="", compare=False)
    moment_id: str = field(default="", compare=False)
    involves: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "moment", one_line(self.moment))
        object.__setattr__(self, "why", one_line(self.why))
        object.__setattr__(self, "involves", involved(self.involves))


@dataclass(frozen=True)
class Moment:
    """One moment of the consultant's interview process, as mapped in a phase."""

    name: str
    involves: tuple[str, ...] = ()
    note: str = ""
    id: str = field(default="", compare=False)  # identity, not content
    developed: str = ""  # the date an 'utveckla' item for it was done (ÅÅÅÅ-MM-DD)
    # A note about this assignment only (names, places, times): it stays in its report and is never
    # carried to a later map; ``note`` is about the process and is carried.
    assignment_note: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", one_line(self.name))
        object.__setattr__(self, "note", one_line(self.note))
        object.__setattr__(self, "assignment_note", one_line(self.assignment_note))
        object.__setattr__(self, "involves", involved(self.involves))


def involved(names: object) -> tuple[str, ...]:
    """Whom something involves, in the order of INVOLVED, each once (in any case); other names are
    kept last, as first typed – a capital tells a colleague's name from a role (``Ahmed``,
    ``lagerchefen``) – each once, whatever its case."""
    if isinstance(names, str):
        names = [part for part in names.replace(";", ",").split(",")]
    if not isinstance(names, (list, tuple)):
        return ()
    typed = [str(name).strip() for name in names if str(name).strip()]
    folded = {name.casefold() for name in typed}
    known = [name for name in INVOLVED if name in folded]
    others: dict[str, str] = {}
    for name in typed:
        if name.casefold() not in INVOLVED:
            others.setdefault(name.casefold(), name)
    return (*known, *others.values())


Value = str | int | tuple[str, ...] | tuple[ActionItem, ...] | tuple[Moment, ...] | None


def texts_in(value: Value) -> tuple[str, ...]:
    """The texts of a value of several choices (nothing for any other value: a value holds one kind)."""
    return tuple(item for item in value if isinstance(item, str)) if isinstance(value, tuple) else ()


def items_in(value: Value) -> tuple[ActionItem, ...]:
    """The action items of an item-list value (nothing for any other value)."""
    return tuple(item for item in value if isinstance(item, ActionItem)) if isinstance(value, tuple) else ()


def moments_in(value: Value) -> tuple[Moment, ...]:
    """The moments of a moment-list value (nothing for any other value)."""
    return tuple(item for item in value if isinstance(item, Moment)) if isinstance(value, tuple) else ()


@dataclass(frozen=True)
class Answer:
    """An answer to one question. ``value`` None means answered but left empty."""

    value: Value = None
    comment: str = ""

    def __post_init__(self) -> None:
        value: object = self.value  # (a list, too, when made from raw input)
        if isinstance(value, str):
            object.__setattr__(self, "value", normalize_newlines(value) or None)
        elif isinstance(value, list):
            object.__setattr__(self, "value", tuple(value) or None)
        elif isinstance(value, tuple) and not value:
            object.__setattr__(self, "value", None)
        object.__setattr__(self, "comment", normalize_newlines(self.comment))

    @property
    def is_empty(self) -> bool:
        return self.value is None and not self.comment


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


def is_today_word(text: object) -> bool:
    """True for 'idag' (or 'i dag'), which a date question reads as today's date."""
    return isinstance(text, str) and text.strip().lower() in TODAY_WORDS


def parse_date(text: str) -> str:
    """An ISO date (ÅÅÅÅ-MM-DD) or 'idag', as an ISO date; raise AnswerError otherwise."""
    text = text.strip()
    if is_today_word(text):
        return today()
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise AnswerError(f"'{text}' är inte ett datum på formen ÅÅÅÅ-MM-DD") from None


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
        elif isinstance(item, Moment):
            parts.append(f"{item.name} ({', '.join(item.involves)})" if item.involves else item.name)
        else:
            parts.append(item)
    return "; ".join(parts) if value and not isinstance(value[0], str) else ", ".join(parts)
