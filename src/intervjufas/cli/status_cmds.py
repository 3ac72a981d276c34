"""``status``: what is left to do – the mappings with steps left (and the command that continues
each), the open plan items by customer, where the reports and the latest map are.  The same
overview is shown above the short help when the program is started on a terminal without a
command (``overview``; imported only then, so that ``--help`` stays quick)."""

from __future__ import annotations

from typing import Any

import typer

from intervjufas.cli.app import CommandTable, program_words, terminal
from intervjufas.cli.options import AsJson, Folder, existing_reports_dir
from intervjufas.views.console import make_console

commands = CommandTable()


@commands.command(
    "status",
    short_help="Visa vad som är kvar att göra: steg, öppna moment, var rapporterna finns.",
    help=(
        "Visa vad som är kvar att göra: dina kartläggningar med steg kvar (Steg 2 under intervjuerna, "
        "Steg 3 efter) och kommandot som fortsätter var och en, de öppna momenten i "
        "utvecklingsplanerna per kund, och var rapporterna och den senaste kartan finns. Visas också "
        "när intervjufas startas utan kommando i en terminal."
    ),
)
def status(ctx: typer.Context, katalog: Folder = None, json_output: AsJson = False) -> None:
    from intervjufas.files.settings import author_name
    from intervjufas.reading.status import folder_status
    from intervjufas.views.console import show_warnings
    from intervjufas.views.json_output import write_json
    from intervjufas.views.output import standard_output
    from intervjufas.views.status import show_status, status_data

    facts = terminal(ctx)
    found = folder_status(existing_reports_dir(katalog), author=author_name())
    show_warnings(make_console(facts, stderr=True), found.warnings)
    if json_output:
        write_json(status_data(found, program_words(), katalog), standard_output(facts))
    else:
        show_status(make_console(facts), found, program_words(), katalog)


def overview(facts: Any) -> None:
    """The status above the short help (a terminal, no command): nothing when there is no reports
    folder yet or it cannot be read – the help is what matters then."""
    from intervjufas.errors import IntervjufasError
    from intervjufas.files.settings import author_name
    from intervjufas.reading.status import folder_status
    from intervjufas.views.status import show_status

    try:
        found = folder_status(existing_reports_dir(None), author=author_name())
    except (IntervjufasError, OSError):
        return
    if not found.reports:
        return
    console = make_console(facts)
    show_status(console, found, program_words(), None)
    console.print()
