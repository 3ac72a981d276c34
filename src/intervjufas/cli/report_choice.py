"""The report a command was given (a RAPPORT): found by path, file name, the start of a file name or
words from the assignment or customer; when several match, chosen from a menu in a terminal, or
listed with their dates (exit 1) when there is nobody to ask.

Every command that takes a RAPPORT calls ``choose_report``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from intervjufas.errors import IntervjufasError

if TYPE_CHECKING:
    from intervjufas.folder.finding import FoundReport
    from intervjufas.terminal import TerminalFacts

MENU_MARGIN = 6  # the pointer and number before a menu line: " » 1) "


def choose_report(name: str, folder: Path, facts: TerminalFacts, *, plain: bool = False) -> Path:
    """The one report ``name`` refers to.  Several matches: a menu when both standard input and
    output are a terminal (plain numbered lines with ``plain`` or TERM=dumb), else an error that
    lists them."""
    from intervjufas.folder.finding import ambiguity, find_reports

    found = find_reports(name, folder)
    if len(found) == 1:
        return found[0].path
    if not (facts.stdin_is_terminal and facts.stdout_is_terminal):
        raise IntervjufasError(ambiguity(name, folder, found))
    return _menu(name, found, facts, plain=plain or facts.dumb)


def _menu(name: str, found: list[FoundReport], facts: TerminalFacts, *, plain: bool) -> Path:
    from intervjufas.asking.prompter import AskRequest
    from intervjufas.folder.finding import SHOWN
    from intervjufas.model.question_types.table import CHOICE
    from intervjufas.model.questions import Question

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


def _prompter(facts: TerminalFacts, plain: bool) -> tuple[Any, int | None]:
    """The prompter for the menu, and the width of its lines (None: plain lines, never cut)."""
    import sys

    if plain:
        from intervjufas.asking.plain_prompter import PlainPrompter
        from intervjufas.views.output import standard_output

        return PlainPrompter(sys.stdin, standard_output(facts), echo=False), None
    from intervjufas.asking.questionary_prompter import QuestionaryPrompter
    from intervjufas.views.console import make_console

    console = make_console(facts)
    return QuestionaryPrompter(console), console.width
