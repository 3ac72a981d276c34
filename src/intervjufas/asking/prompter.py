"""The prompting interface the session talks to, and what every prompter shares.

A ``Prompter`` asks one question at a time; the session never knows whether the answers come from
Questionary menus, plain lines (``--enkel``), an answers file, or a test.  Each prompter asks a
question by its type's ``widget`` (see the question-type table).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from intervjufas.errors import PartialAnswer
from intervjufas.model.answers import Answer, Moment
from intervjufas.model.questions import Group, Question, Widget

__all__ = ["AskRequest", "PartialAnswer", "Prompter", "default_text", "menu_default", "scale_title"]

SKIP = "__hoppa_over__"
SELECT_HELP = "(piltangenter eller siffra, Enter väljer)"
CHECKBOX_HELP = "(piltangenter flyttar, mellanslag markerar, Enter bekräftar)"
MULTILINE_HELP = "(Enter ger ny rad · Esc och sedan Enter sparar · Ctrl-O öppnar din editor)"
# The widgets that ask a list one entry at a time and print the question's help under their title.
LIST_WIDGETS = frozenset({Widget.ITEMS, Widget.MOMENTS})


@dataclass(frozen=True)
class AskRequest:
    """What the session asks: the question, where the user is, and what to offer as default."""

    question: Question
    progress: str
    default: Answer | None = None
    group: Group | None = None  # set when this question opens a group
    context: str = ""
    # For an action-item question about the map (to develop or remove): the moments to pick from.
    map_moments: tuple[Moment, ...] = ()


class Prompter(Protocol):
    """Everything the session needs from a user interface."""

    def section(self, title: str, text: str) -> None:
        """Open a part of the session (a step, the follow-up) with its title and lead text."""

    def ask(self, request: AskRequest) -> Answer:
        """Ask one question; raise KeyboardInterrupt or EOFError when the user stops
        (PartialAnswer when part of the answer is worth keeping)."""

    def note(self, text: str) -> None:
        """Tell the user something in passing."""


def default_text(question: Question, default: Answer | None) -> str:
    """A default answer as the text a user would type."""
    if default is None or default.value is None:
        return ""
    value = default.value
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def menu_default(question: Question, default: Answer | None) -> object:
    """The menu entry to highlight: the default answer, else "(hoppa över)" for an optional
    question – so that a hurried Enter never records an answer nobody chose."""
    value = None if default is None else default.value
    if value is None or value not in question.kind.choices(question):
        return None if question.required else SKIP
    return value


def scale_title(question: Question, number: int) -> str:
    label = dict(question.scale_labels).get(number)
    return f"{number} – {label}" if label else str(number)
