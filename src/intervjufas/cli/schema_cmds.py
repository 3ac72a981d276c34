"""``schema``: the JSON Schema of a command's ``--json`` output, for scripts and editors."""

from __future__ import annotations

from typing import Annotated

import typer

from intervjufas.cli import usage_errors
from intervjufas.cli.app import CommandTable, terminal
from intervjufas.views.output import write_out

commands = CommandTable()


def _complete(incomplete: str) -> list[str]:
    """The commands with a schema, for Tab."""
    from intervjufas.views.json_schema import COMMANDS

    return [name for name in COMMANDS if name.startswith(incomplete)]


@commands.command(
    "schema",
    help=(
        "Skriv ut JSON-schemat (JSON Schema 2020-12) för vad ett kommando skriver med --json, "
        "t.ex. intervjufas schema lista > lista.schema.json. Alla kommandon delar samma ordlista: "
        "en nyckel betyder samma sak överallt."
    ),
)
def schema(
    ctx: typer.Context,
    kommando: Annotated[
        str,
        typer.Argument(
            metavar="KOMMANDO",
            autocompletion=_complete,
            help="Kommandot: lista, plan, trend, jamfor, karta, granska, status eller fragor.",
            show_default=False,
        ),
    ],
) -> None:
    from intervjufas.views.json_schema import COMMANDS, schema_text

    if kommando not in COMMANDS:
        known = ", ".join(COMMANDS)
        raise usage_errors.line(
            f"inget JSON-schema för '{kommando}'; välj något av: {known}", ctx.command_path
        )
    write_out(terminal(ctx), schema_text(kommando))
