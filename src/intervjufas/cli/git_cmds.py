"""Commands for a reports folder kept in git: ``sammanfoga-git``, the merge driver git runs for a
report changed on both sides, and ``git-installera``, which sets it up in a clone."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from intervjufas.cli.app import CommandTable, program_words, terminal
from intervjufas.cli.options import Folder
from intervjufas.errors import ExitCode
from intervjufas.views.output import error_output, write_out

commands = CommandTable()


def _file(name: str, text: str) -> object:
    return typer.Argument(metavar=name, help=text, show_default=False)


@commands.command(
    "sammanfoga-git",
    help=(
        "Sammanfoga två versioner av en rapport svar för svar (git kör kommandot som merge driver, "
        "se git-installera). Svar som bara en sida ändrade tas med; där båda ändrade samma svar står "
        "båda kvar i rapporten under rubriken 'Sammanfogningskonflikt' och kommandot avslutas med 1."
    ),
)
def sammanfoga_git(
    ctx: typer.Context,
    bas: Annotated[Path, _file("BAS", "Den gemensamma versionen (%O).")],
    din: Annotated[Path, _file("DIN", "Din version (%A); resultatet skrivs hit.")],
    andras: Annotated[Path, _file("ANDRAS", "Den andra versionen (%B).")],
    sokvag: Annotated[str, _file("SÖKVÄG", "Rapportens sökväg i förrådet (%P), för meddelanden.")] = "",
) -> None:
    from intervjufas.files.atomic import atomic_write_bytes
    from intervjufas.folder.git_merge import merge_files
    from intervjufas.views.git_driver import merge_lines

    label = sokvag or din.name
    outcome = merge_files(bas, din, andras, label)
    if outcome.data is not None:
        atomic_write_bytes(din, outcome.data)
    lines = merge_lines(outcome, label)
    if lines:
        error_output(terminal(ctx)).write("\n".join(lines) + "\n")
    raise typer.Exit(ExitCode.ERROR if outcome.conflicts else ExitCode.OK)


@commands.command(
    "git-installera",
    help=(
        "Gör rapportmappen redo för git: skriver raden '*.md merge=intervjufas' i mappens "
        ".gitattributes och sätter git config så att git sammanfogar rapporter svar för svar "
        "(sammanfoga-git). Kör det en gång i varje klon."
    ),
)
def git_installera(
    ctx: typer.Context,
    katalog: Folder = None,
    bara_visa: Annotated[
        bool, typer.Option("--bara-visa", metavar="", help="Ändra inget, visa bara raderna.")
    ] = False,
) -> None:
    from intervjufas.cli.options import existing_reports_dir
    from intervjufas.folder.git_setup import set_up
    from intervjufas.views.git_driver import setup_lines

    setup = set_up(existing_reports_dir(katalog), program_words(), only_show=bara_visa)
    write_out(terminal(ctx), "\n".join(setup_lines(setup, only_show=bara_visa)) + "\n")
