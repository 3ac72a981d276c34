"""The program's Typer app and its one error handler: every known error becomes one Swedish line
on stderr and a named exit code; anything unexpected becomes one line too (a traceback only with
``--debug``).  Commands are registered by the modules of this package (see ``main``)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from intervjufas import __version__
from intervjufas.errors import ExitCode, Interrupted, IntervjufasError

if TYPE_CHECKING:
    from intervjufas.terminal import TerminalFacts

HELP = (
    "Kartlägg intervjufasen i ett rekryteringsuppdrag – före, under och efter intervjun – "
    "utifrån kund- och kandidatupplevelsen, och följ upp din utvecklingsplan nästa gång."
)
EPILOG = "Rapporterna sparas som Markdown i mappen som --katalog eller $INTERVJUFAS_KATALOG anger."


class App(TyperGroup):
    """The program's command group: Swedish help, one-line errors, named exit codes."""

    def main(self, args: Any = None, prog_name: str | None = None, **extra: Any) -> Any:  # type: ignore[override]
        from typer._click import exceptions

        from intervjufas.cli.swedish import apply_help_translations, usage_message

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


def terminal(ctx: typer.Context | None = None) -> TerminalFacts:
    """The terminal facts for this run: given by the caller (``obj=``, as tests do), else detected."""
    from intervjufas.terminal import TerminalFacts

    obj = ctx.find_root().obj if ctx is not None else None
    return obj if isinstance(obj, TerminalFacts) else TerminalFacts.detect()
