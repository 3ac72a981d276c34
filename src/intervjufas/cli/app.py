"""The program's Typer app: the root command (``--version``, ``--debug``, completion), the table of
commands, and what the commands share (the terminal facts, how to run the program again).

The commands are loaded lazily, as in Click's documented "LazyGroup" pattern, through Typer's
public ``cls=``: ``COMMANDS`` names the module of each command, and ``groups.App`` imports that
module and builds the command (``typer.main.get_command``, see ``groups.CommandTable``) only when it
runs, is completed or is listed in the top-level ``--help``.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from intervjufas import __version__
from intervjufas.cli import usage_errors
from intervjufas.cli.completion import InstallCompletion, ShowCompletion
from intervjufas.cli.groups import FLAGS, App, CommandTable

if TYPE_CHECKING:
    from intervjufas.terminal import TerminalFacts

__all__ = ["COMMANDS", "CommandTable", "app", "program", "program_words"]

HELP = (
    "Kartlägg intervjufasen i ett rekryteringsuppdrag – före, under och efter intervjun – "
    "utifrån kund- och kandidatupplevelsen, och följ upp din utvecklingsplan nästa gång."
)
EPILOG = "Rapporterna sparas som Markdown i mappen som --katalog eller $INTERVJUFAS_KATALOG anger."

# Each command and the module (in this package) that defines it, in the order `--help` lists them.
COMMANDS: dict[str, str] = {
    "kartlagg": "session_cmds",
    "snabb": "session_cmds",
    "lista": "reading_cmds",
    "visa": "reading_cmds",
    "jamfor": "reading_cmds",
    "plan": "plan_cmds",
    "trend": "reading_cmds",
    "karta": "process_map_cmds",
    "exportera": "export_cmds",
    "enkat": "feedback_cmds",
    "granska": "privacy_cmds",
    "status": "status_cmds",
    "rensa": "privacy_cmds",
    "validera": "set_cmds",
    "fragor": "set_cmds",
    "schema": "schema_cmds",
    "sammanfoga-git": "git_cmds",
    "git-installera": "git_cmds",
    "installningar": "settings_cmds",
}


class Program(App):
    """The root group of this program, with its commands."""

    lazy_commands = {name: f"intervjufas.cli.{module}" for name, module in COMMANDS.items()}  # noqa: RUF012

    def show_overview(self, ctx: typer.Context) -> None:
        """Started on a terminal without a command: what is left to do, above the short help
        (a script or a pipe gets the help alone). Imported only then."""
        facts = terminal(ctx)
        if facts.stdin_is_terminal and facts.stdout_is_terminal:
            import importlib  # (by name, as every command is loaded: the status module imports this one)

            importlib.import_module(self.lazy_commands["status"]).overview(facts)


app = typer.Typer(
    cls=Program,
    help=HELP,
    epilog=EPILOG,
    add_completion=True,  # registers the shells of Typer's completion protocol (see `completion`)
    invoke_without_command=True,  # so that the root callback can say, in Swedish, that a command is missing
    rich_markup_mode="rich",
    options_metavar=FLAGS,
    subcommand_metavar="KOMMANDO [ARGUMENT]...",
    pretty_exceptions_enable=False,
    add_help_option=False,  # the root has its own --help (below): False unless given, so Typer never
    # converts its value (with pydantic) when a subcommand runs
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _help(ctx: typer.Context, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        typer.echo(ctx.get_help(), color=ctx.color)
        raise typer.Exit()


def _version(value: bool) -> None:
    if value:
        print(f"intervjufas {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            callback=_version,
            is_eager=True,
            metavar="",
            help="Visa versionen och avsluta.",
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", metavar="", help="Visa hela felspårningen vid fel (för felsökning).")
    ] = False,
    install_completion: InstallCompletion = False,
    show_completion: ShowCompletion = False,
    show_help: Annotated[
        bool,
        typer.Option(
            "--help",
            "-h",
            callback=_help,
            is_eager=True,
            expose_value=False,
            help="Visa den här hjälpen och avsluta.",
        ),
    ] = False,
) -> None:
    """Kartlägg intervjufasen – före, under och efter intervjun."""
    if ctx.invoked_subcommand is None and not ctx.resilient_parsing:
        raise usage_errors.line("ett kommando saknas", ctx.command_path)


def terminal(ctx: typer.Context | None = None) -> TerminalFacts:
    """The terminal facts for this run: given by the caller (``obj=``, as tests do), else detected."""
    from intervjufas.terminal import TerminalFacts

    obj = ctx.find_root().obj if ctx is not None else None
    if isinstance(obj, TerminalFacts):
        return obj
    facts = TerminalFacts.detect()
    if facts.no_color or not (facts.stdout_is_terminal or facts.stderr_is_terminal):
        return facts  # (colour matters only on a terminal: the settings are not read for a pipe)
    from dataclasses import replace

    from intervjufas.files.user_settings import value

    return replace(facts, no_color=True) if value("farg") == "nej" else facts


def program() -> str:
    """``program_words`` as the start of a command line."""
    import shlex

    return shlex.join(program_words())


def program_words() -> tuple[str, ...]:
    """How to run this program again, for the commands it prints: 'intervjufas' when that is what
    the shell finds, else the full path of the program (or 'python -m intervjufas')."""
    launched = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if launched is not None and launched.name == "__main__.py" and launched.parent.name == "intervjufas":
        return (sys.executable, "-m", "intervjufas")
    if launched is None or launched.name not in ("intervjufas", "intervjufas.exe"):
        return ("intervjufas",)
    import shutil

    found = shutil.which("intervjufas")
    with contextlib.suppress(OSError):
        if found is not None and Path(found).resolve() == launched.resolve():
            return ("intervjufas",)
    return (str(launched.resolve()),)
