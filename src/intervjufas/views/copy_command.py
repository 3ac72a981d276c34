"""Printing a command for the user to copy: the lead-in wrapped like any text (on a terminal; one line
into a file or a pipe), then the command alone
on its own line, indented and never wrapped by the program (the terminal may wrap it; copying it
gives it back whole).  Every screen that prints a command to run next uses ``show_command``; a
message that goes out as an error or a warning is built with ``errors.to_copy``, the same layout."""

from __future__ import annotations

from typing import TYPE_CHECKING

from intervjufas.errors import COMMAND_INDENT

if TYPE_CHECKING:
    from rich.console import Console


def show_command(console: Console, lead: str, command: str) -> None:
    """``lead`` (e.g. ``'Fortsätt när det passar med:'``), then ``command`` on a line of its own."""
    console.print(lead, markup=False, highlight=False, soft_wrap=not console.is_terminal)
    console.print(f"{COMMAND_INDENT}{command}", markup=False, highlight=False, soft_wrap=True)
