"""Rich consoles for the views, made from the terminal facts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from intervjufas.terminal import TerminalFacts


def make_console(facts: TerminalFacts, *, stderr: bool = False, **options: Any) -> Console:
    """A console on stdout (or stderr) that colours only a terminal and honours NO_COLOR."""
    from rich.console import Console

    options.setdefault("highlight", False)
    if facts.no_color:
        options.setdefault("no_color", True)
    return Console(stderr=stderr, **options)
