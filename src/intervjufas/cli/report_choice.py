"""The report a command was given (a RAPPORT): found by path, file name, the start of a file name or
words from the assignment or customer; when several match, chosen from a menu in a terminal, or
listed with their dates (exit 1) when there is nobody to ask.

Every command that takes a RAPPORT calls ``choose_report``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from intervjufas.errors import IntervjufasError

if TYPE_CHECKING:
    from intervjufas.terminal import TerminalFacts

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
    from intervjufas.views.prompting.report_menu import chosen_report

    return chosen_report(name, found, facts, plain=plain or facts.dumb)
