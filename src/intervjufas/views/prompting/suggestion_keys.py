"""Colleagues' moments offered after a phase's map, each sent somewhere with one key: k puts it on
the map, p in the development plan (as a moment to add), h skips it; Enter is done.

On a terminal the offer is a small list under the question (prompt_toolkit's public API, inline
like the program's menus, erased when done and repeated as one line); in plain lines (``--enkel``)
the moments are numbered and one line says where each goes ("1k 2p"; a single moment takes just k
or p).  The answer is one destination per moment, in the order offered (see
``session.suggestions``).  prompt_toolkit is imported only when the offer opens on a terminal.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from intervjufas.errors import AnswerError, Stopped
from intervjufas.model.questions import Question
from intervjufas.session.suggestions import SKIPPED, TO_MAP, TO_PLAN

KEYS = {"k": TO_MAP, "p": TO_PLAN, "h": SKIPPED}
SHOWN = {TO_MAP: "kartan", TO_PLAN: "planen", SKIPPED: "–"}


def key_hints(to_plan: bool) -> str:
    """The keys, as the offer shows them."""
    plan = " · p i planen" if to_plan else ""
    return f"k på kartan{plan} · h hoppa över · ↑↓ flytta · Enter klar"


def chosen_line(labels: Sequence[str], chosen: Sequence[str]) -> str:
    """The answer in one line: where each moment went ("Kallelse → kartan, …"), or none."""
    sent = [f"{label} → {SHOWN[where]}" for label, where in zip(labels, chosen, strict=False) if where]
    return ", ".join(sent) or "(inget valt)"


# -- on a terminal ------------------------------------------------------------------------------
def choose_on_terminal(question: Question, *, no_color: bool = False, input: Any = None, output: Any = None) -> tuple[str, ...]:
    """Run the offer on the terminal until Enter; Ctrl-C raises ``Stopped``, Ctrl-D ``EOFError``."""
    from prompt_toolkit.application import Application
    from prompt_toolkit.formatted_text import StyleAndTextTuples
    from prompt_toolkit.layout import HSplit, Layout, Window
    from prompt_toolkit.layout.controls import FormattedTextControl
    from prompt_toolkit.output.color_depth import ColorDepth
    from prompt_toolkit.styles import Style

    from intervjufas.session.stopping import prompt_open

    labels = question.choices
    chosen = [SKIPPED] * len(labels)
    place = [0]

    def text() -> StyleAndTextTuples:
        lines: StyleAndTextTuples = [("bold", f"? {question.text}\n")]
        for number, label in enumerate(labels):
            pointer = "›" if number == place[0] else " "
            style = "reverse" if number == place[0] else ("bold" if chosen[number] else "")
            lines += [(style, f"{pointer} [{SHOWN[chosen[number]]:^6}] {label}"), ("", "\n")]
        lines.append(("#8a8a8a", f"  ({key_hints(bool(question.plan))})"))
        return lines

    app: Application[tuple[str, ...]] = Application(
        layout=Layout(HSplit([Window(FormattedTextControl(text, show_cursor=False), wrap_lines=True)])),
        key_bindings=_bindings(question, chosen, place),
        input=input,
        output=output,
        style=Style.from_dict({}),
        erase_when_done=True,
        color_depth=ColorDepth.DEPTH_1_BIT if no_color else None,
    )
    with prompt_open(app):
        return app.run(handle_sigint=False)


def _bindings(question: Question, chosen: list[str], place: list[int]) -> Any:
    """The offer's keys: a destination key sets the pointed moment's and moves on; arrows move;
    Enter is done; Ctrl-C stops (``Stopped``) and Ctrl-D ends (``EOFError``)."""
    from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent

    last = len(chosen) - 1
    keys = dict(KEYS) if question.plan else {k: v for k, v in KEYS.items() if v != TO_PLAN}
    bindings = KeyBindings()

    def send(where: str) -> Callable[[KeyPressEvent], None]:
        def go(event: KeyPressEvent) -> None:
            chosen[place[0]] = where
            place[0] = min(place[0] + 1, last)

        return go

    for key, where in keys.items():
        bindings.add(key)(send(where))
        bindings.add(key.upper())(send(where))

    @bindings.add("up")
    def _up(event: KeyPressEvent) -> None:
        place[0] = max(place[0] - 1, 0)

    @bindings.add("down")
    def _down(event: KeyPressEvent) -> None:
        place[0] = min(place[0] + 1, last)

    @bindings.add("enter")
    def _done(event: KeyPressEvent) -> None:
        event.app.exit(result=tuple(chosen))

    @bindings.add("c-c")
    def _stop(event: KeyPressEvent) -> None:
        event.app.exit(exception=Stopped(2, None))

    @bindings.add("c-d")
    def _end(event: KeyPressEvent) -> None:
        event.app.exit(exception=EOFError())

    return bindings


# -- in plain lines -----------------------------------------------------------------------------
def plain_lines(question: Question) -> list[str]:
    """The numbered moments and what to type, before the plain prompt."""
    lines = [f"  {number}) {label}" for number, label in enumerate(question.choices, start=1)]
    plan = ", p för utvecklingsplanen" if question.plan else ""
    one = " (ett moment: bara k" + (" eller p)" if question.plan else ")")
    lines.append(f"Skriv numret och k för kartan{plan}, t.ex. 1k 2{'p' if question.plan else 'k'}{one}.")
    return lines


PLAIN_PROMPT = "Var ska momenten hamna? Enter hoppar över alla: "


def chosen_in_line(question: Question, text: str) -> tuple[str, ...]:
    """The destinations typed in one line ("1k 2p", "1 k, 3 p"; "k" alone for a single moment);
    a moment not named is skipped; raise AnswerError for anything else."""
    labels = question.choices
    keys = dict(KEYS) if question.plan else {k: v for k, v in KEYS.items() if v != TO_PLAN}
    chosen = [SKIPPED] * len(labels)
    typed = text.strip().casefold()
    if len(labels) == 1 and typed in keys:
        typed = f"1{typed}"
    letters = "".join(keys)
    parts = [part for part in re.split(r"[,;\s]+(?=\d)|[,;]\s*", typed) if part.strip()]
    for part in parts:
        match = re.fullmatch(rf"\s*(\d+)\s*([{letters}])\s*", part)
        if match is None:
            raise AnswerError(f"skriv numret och {' eller '.join(keys)}, t.ex. 1k")
        number = int(match.group(1))
        if not 1 <= number <= len(labels):
            raise AnswerError(f"välj ett nummer mellan 1 och {len(labels)}")
        chosen[number - 1] = keys[match.group(2)]
    return tuple(chosen)
