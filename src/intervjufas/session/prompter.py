"""The prompting interface the session talks to: a ``Prompter`` asks one question at a time, as an
``AskRequest`` says it.

The session never knows whether the answers come from Questionary menus, plain lines
(``--enkel``), an answers file, or a test.  Each prompter asks a question by its type's ``widget``
(see the question-type table); the drawing prompters are in ``views.prompting``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from intervjufas.model.answers import Answer, Moment
from intervjufas.model.questions import Group, Question


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
    # For a question answered on the map (its moments, a reflection): called with the answer as it
    # stands after every edit, so that the session saves each edit as it is made.
    keep: Callable[[Answer], None] | None = field(default=None, compare=False)
    # For a reflection: the phase's map in view, and the moments (by id) other reflections of this
    # mapping chose, with what for ("utveckla", "ta_bort"): they cannot be chosen again.
    phase_map: tuple[Moment, ...] = ()
    taken: Mapping[str, str] = field(default_factory=dict)
    # For a reflection asked together with the yes/no question before it: that question.
    asks_first: Question | None = None


class Prompter(Protocol):
    """Everything the session needs from a user interface."""

    def section(self, title: str, text: str) -> None:
        """Open a part of the session (a step, the follow-up) with its title and lead text."""

    def ask(self, request: AskRequest) -> Answer:
        """Ask one question; raise KeyboardInterrupt or EOFError when the user stops
        (PartialAnswer when part of the answer is worth keeping)."""

    def note(self, text: str) -> None:
        """Tell the user something in passing."""
