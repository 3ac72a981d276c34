"""Choosing among the reports a name matches: a menu of the newest, each labelled so that it fits
on a menu line and can be told apart from the others (date, assignment, customer, file – less in a
narrow terminal), with Questionary, or as numbered plain lines (``--enkel``, TERM=dumb)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from intervjufas.folder.finding import SHOWN, FoundReport
from intervjufas.model.question_types.table import CHOICE
from intervjufas.model.questions import Question
from intervjufas.session.prompter import AskRequest, Prompter

if TYPE_CHECKING:
    from intervjufas.terminal import TerminalFacts

MENU_MARGIN = 6  # the pointer and number before a menu line: " » 1) "


def chosen_report(name: str, found: list[FoundReport], facts: TerminalFacts, *, plain: bool) -> Path:
    """The report the user picks among the newest of ``found`` (``name`` matched them all)."""
    shown = found[:SHOWN]
    prompter, width = _prompter(facts, plain)
    labels = menu_labels(shown, width)
    progress = f"'{name}' passar {len(found)} rapporter"
    progress += (
        f"; de {SHOWN} nyaste visas – skriv fler ord för att hitta äldre." if len(found) > SHOWN else "."
    )
    question = Question(
        id="rapport", text="Vilken rapport menar du?", kind=CHOICE, choices=tuple(labels), required=True
    )
    answer = prompter.ask(AskRequest(question, progress))
    return shown[labels.index(str(answer.value))].path


def menu_labels(reports: list[FoundReport], width: int | None) -> list[str]:
    """One label per report that fits on a menu line (the menu cuts longer ones): date, assignment,
    customer and file when there is room; else less – but always enough to tell them apart (and in
    a very narrow terminal the shortest such labels)."""
    forms = [
        [r.label for r in reports],
        [
            "  ".join(p for p in (r.datum, " · ".join(x for x in (r.uppdrag, r.kund) if x)) if p)
            for r in reports
        ],
        ["  ".join(p for p in (r.datum, r.uppdrag) if p) for r in reports],
        [r.path.name for r in reports],
    ]
    distinct = [labels for labels in forms if len(set(labels)) == len(labels) and all(labels)]
    for labels in distinct:
        if width is None or all(len(label) + MENU_MARGIN <= width for label in labels):
            return labels
    return min(distinct, key=lambda labels: max(len(label) for label in labels))  # the least cut


def _prompter(facts: TerminalFacts, plain: bool) -> tuple[Prompter, int | None]:
    """The prompter for the menu, and the width of its lines (None: plain lines, never cut)."""
    if plain:
        from intervjufas.views.output import standard_output
        from intervjufas.views.prompting.plain_prompter import PlainPrompter

        return PlainPrompter(sys.stdin, standard_output(facts), echo=False), None
    from intervjufas.views.console import make_console
    from intervjufas.views.prompting.questionary_prompter import QuestionaryPrompter

    console = make_console(facts)
    return QuestionaryPrompter(console), console.width
