"""The command-line interface: parses options, calls the core, and turns known errors into one
Swedish line and an exit code.  Heavy modules are imported inside the commands, so that
``--help`` and ``--version`` stay fast."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from intervjufas import __version__
from intervjufas.errors import ExitCode, IntervjufasError

HELP = (
    "Kartlägg intervjufasen i ett rekryteringsuppdrag – före, under och efter intervjun – "
    "utifrån kund- och kandidatupplevelsen, och följ upp din utvecklingsplan nästa gång."
)
EPILOG = "Rapporterna sparas som Markdown i mappen som --katalog eller $INTERVJUFAS_KATALOG anger."


class App(TyperGroup):
    """The program's command group: Swedish help, one-line errors, named exit codes."""

    def main(self, args: Any = None, prog_name: str | None = None, **extra: Any) -> Any:  # type: ignore[override]
        from typer._click import exceptions

        from intervjufas.cli_swedish import apply_help_translations, usage_message

        arguments = list(sys.argv[1:] if args is None else args)
        debug = "--debug" in arguments
        if not arguments or "--help" in arguments or "-h" in arguments:
            apply_help_translations()
        extra.pop("standalone_mode", None)
        try:
            result = super().main(
                args=arguments, prog_name=prog_name or "intervjufas", standalone_mode=False, **extra
            )
        except exceptions.NoArgsIsHelpError:
            sys.exit(ExitCode.OK)
        except exceptions.UsageError as error:
            message = usage_message(error)
            _fail(message + ("" if message.endswith(("?", ".")) else ".") + _help_hint(error), ExitCode.USAGE)
        except typer.Abort:
            _fail("Avbrutet.", ExitCode.INTERRUPTED, prefix="")
        except IntervjufasError as error:
            if debug:
                raise
            from intervjufas.mapping import Interrupted

            _fail(error.message, error.exit_code, prefix="" if isinstance(error, Interrupted) else "Fel: ")
        except KeyboardInterrupt:
            _fail("Avbrutet.", ExitCode.INTERRUPTED, prefix="")
        except BrokenPipeError:
            sys.exit(ExitCode.OK)
        except Exception as error:  # an unexpected bug: one line, the traceback only with --debug
            if debug:
                raise
            _fail(
                f"Ett oväntat fel inträffade ({type(error).__name__}: {error}). Kör igen med --debug för detaljer.",
                ExitCode.ERROR,
            )
        sys.exit(result if isinstance(result, int) else ExitCode.OK)


def _help_hint(error: Exception) -> str:
    ctx = getattr(error, "ctx", None)
    path = ctx.command_path if ctx is not None else "intervjufas"
    return f" Se '{path} --help'."


def _fail(message: str, code: int, *, prefix: str = "Fel: ") -> None:
    sys.stdout.flush()
    sys.stderr.write(f"{prefix}{message}\n")
    sys.stderr.flush()
    sys.exit(code)


app = typer.Typer(
    cls=App,
    help=HELP,
    epilog=EPILOG,
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode="rich",
    options_metavar="[FLAGGOR]",
    subcommand_metavar="KOMMANDO [ARGUMENT]...",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"intervjufas {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
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
) -> None:
    """Kartlägg intervjufasen – före, under och efter intervjun."""


# -- shared options -------------------------------------------------------------------------------

Folder = Annotated[
    Path | None,
    typer.Option(
        "--katalog",
        "-k",
        metavar="MAPP",
        help="Mappen med rapporter. Standard: $INTERVJUFAS_KATALOG, annars mappen intervjufas i Dokument.",
        show_default=False,
    ),
]
Steps = Annotated[
    list[int] | None,
    typer.Option(
        "--steg",
        "-s",
        metavar="N",
        help="Fråga bara steg N. Kan anges flera gånger. Utan --steg ställs alla steg som inte är klara.",
        show_default=False,
    ),
]
Resume = Annotated[
    str | None,
    typer.Option(
        "--fortsatt",
        "-f",
        metavar="RAPPORT",
        help="Fortsätt en sparad rapport vid första obesvarade fråga (sökväg, filnamn eller början av det).",
        show_default=False,
    ),
]
AnswersOption = Annotated[
    Path | None,
    typer.Option(
        "--svar",
        metavar="FIL",
        help="Ta svaren från en YAML-fil (fråge-id: svar) i stället för att fråga.",
        show_default=False,
    ),
]
QuestionFile = Annotated[
    Path | None,
    typer.Option(
        "--fragor",
        metavar="FIL",
        help="Använd en egen frågefil i stället för den inbyggda frågeuppsättningen.",
        show_default=False,
    ),
]
StartFrom = Annotated[
    str | None,
    typer.Option(
        "--utga-fran",
        metavar="RAPPORT",
        help="Fyll i svaren från en tidigare rapport som förslag, så att du bara ändrar det som är nytt.",
        show_default=False,
    ),
]
SkipFollowUp = Annotated[
    bool,
    typer.Option(
        "--utan-uppfoljning", metavar="", help="Hoppa över uppföljningen av tidigare utvecklingsplaner."
    ),
]
Plain = Annotated[
    bool,
    typer.Option(
        "--enkel",
        metavar="",
        help="Enkla rad-för-rad-frågor utan färg och markörrörelser (skärmläsare, rör). Väljs automatiskt när TERM=dumb.",
    ),
]


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def _run_mapping(set_id: str, **options: Any) -> None:
    from intervjufas.mapping import MappingOptions, run_mapping, use_plain
    from intervjufas.presenting import show_mapping_result

    settings = MappingOptions(set_id=set_id, **options)
    console = _console()

    def make_prompter() -> Any:
        if use_plain(settings):
            from intervjufas.plain_prompting import PlainPrompter

            return PlainPrompter(sys.stdin, sys.stdout)
        from intervjufas.prompting import QuestionaryPrompter

        return QuestionaryPrompter(console)

    result = run_mapping(settings, make_prompter)
    show_mapping_result(result, settings, plain=use_plain(settings) or settings.answers_file is not None)


@app.command(
    "kartlagg",
    options_metavar="[FLAGGOR]",
    help=(
        "Kartlägg intervjufasen i ett uppdrag: Steg 1 före intervjun, Steg 2 under och Steg 3 efter. "
        "Svaren sparas efter varje fråga; avbryt när du vill och fortsätt med --fortsatt."
    ),
)
def kartlagg(
    steg: Steps = None,
    fortsatt: Resume = None,
    svar: AnswersOption = None,
    katalog: Folder = None,
    fragor: QuestionFile = None,
    utga_fran: StartFrom = None,
    utan_uppfoljning: SkipFollowUp = False,
    enkel: Plain = False,
) -> None:
    _run_mapping(
        "kartlaggning",
        steps=list(steg or []),
        resume=fortsatt,
        answers_file=svar,
        folder=katalog,
        question_file=fragor,
        start_from=utga_fran,
        follow_up=not utan_uppfoljning,
        plain=enkel,
    )


@app.command(
    "snabb",
    options_metavar="[FLAGGOR]",
    help=(
        "Övningen i snabbformat när tiden är knapp: Del 1 intervjuprocessen från start till slut, "
        "Del 2 reflektera."
    ),
)
def snabb(
    steg: Steps = None,
    fortsatt: Resume = None,
    svar: AnswersOption = None,
    katalog: Folder = None,
    fragor: QuestionFile = None,
    utga_fran: StartFrom = None,
    utan_uppfoljning: SkipFollowUp = False,
    enkel: Plain = False,
) -> None:
    _run_mapping(
        "snabbformat",
        steps=list(steg or []),
        resume=fortsatt,
        answers_file=svar,
        folder=katalog,
        question_file=fragor,
        start_from=utga_fran,
        follow_up=not utan_uppfoljning,
        plain=enkel,
    )


def main() -> None:
    """Console-script entry point."""
    app()
