"""The program's Typer app and its one error handler: every known error becomes one Swedish line
on stderr and a named exit code; anything unexpected becomes one line too (a traceback only with
``--debug``).  Commands are registered by the modules of this package (see ``main``)."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from intervjufas import __version__
from intervjufas.cli import coercion, signatures
from intervjufas.cli.completion import completing, swedish_completion_options
from intervjufas.errors import ExitCode, Interrupted, IntervjufasError, stop_signal
from intervjufas.private.folders import take_warnings

if TYPE_CHECKING:
    from intervjufas.terminal import TerminalFacts

HELP = (
    "Kartlägg intervjufasen i ett rekryteringsuppdrag – före, under och efter intervjun – "
    "utifrån kund- och kandidatupplevelsen, och följ upp din utvecklingsplan nästa gång."
)
coercion.install()  # command-line values without pydantic (see the module)
signatures.install()  # each command's parameters read once (see the module)

EPILOG = "Rapporterna sparas som Markdown i mappen som --katalog eller $INTERVJUFAS_KATALOG anger."


class _OutputClosed(Exception):
    """The reader of our output went away (carried past Typer, which would exit 1 for it)."""


class App(TyperGroup):
    """The program's command group: Swedish help, one-line errors, named exit codes."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError as error:
            raise _OutputClosed from error

    def main(self, args: Any = None, prog_name: str | None = None, **extra: Any) -> Any:  # type: ignore[override]
        from typer._click import exceptions

        from intervjufas.cli.swedish import apply_help_translations, usage_message

        _replace_what_cannot_be_shown()
        arguments = list(sys.argv[1:] if args is None else args)
        debug = "--debug" in arguments
        swedish_completion_options(self.params)
        if not completing() and (not arguments or "--help" in arguments or "-h" in arguments):
            apply_help_translations()
        extra.pop("standalone_mode", None)
        take_warnings()  # (of an earlier run in this process: a test's)
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
        except KeyboardInterrupt as stop:
            _fail("Avbrutet.", 128 + stop_signal(stop), prefix="")
        except (BrokenPipeError, _OutputClosed):
            _reader_went_away()
        except Exception as error:  # an unexpected bug: one line, the traceback only with --debug
            if debug:
                raise
            _fail(
                f"Ett oväntat fel inträffade ({type(error).__name__}: {error}). Kör igen med --debug för detaljer.",
                ExitCode.ERROR,
            )
        _flush_or_discard(sys.stdout)
        _say_warnings()
        _flush_or_discard(sys.stderr)
        sys.exit(result if isinstance(result, int) else ExitCode.OK)


def _replace_what_cannot_be_shown() -> None:
    """Characters the output's encoding lacks (a Latin-1 locale, a Windows code page) are replaced
    by look-alikes (→ as ->, █ as #, see ``model.safe_text.fallback``) rather than crash the program."""
    from intervjufas.model.safe_text import register_fallback

    errors = register_fallback()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError, LookupError):
            stream.reconfigure(errors=errors)  # type: ignore[union-attr]


def _say_warnings() -> None:
    """One ``Varning:`` line for each of the program's own files or folders that was not used
    because another account could have written it (see ``private.folders``)."""
    from intervjufas.model.safe_text import visible

    for text in take_warnings():
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(f"Varning: {visible(text)}\n")


def _reader_went_away() -> None:
    """The output went to a pipe that was closed early (``| head``): stop quietly, as other
    command-line tools do, with the status of a process ended by SIGPIPE."""
    _say_warnings()
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # nothing left to flush at exit
    sys.exit(ExitCode.BROKEN_PIPE)


def _help_hint(error: Exception) -> str:
    ctx = getattr(error, "ctx", None)
    path = ctx.command_path if ctx is not None else "intervjufas"
    return f" Se '{path} --help'."


def _fail(message: str, code: int, *, prefix: str = "Fel: ") -> None:
    """One line on stderr and the exit code; a closed terminal (SIGHUP) cannot stop the exit."""
    from intervjufas.model.safe_text import visible

    _flush_or_discard(sys.stdout)
    _say_warnings()
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"{prefix}{visible(message)}\n")
    _flush_or_discard(sys.stderr)
    sys.exit(code)


def _flush_or_discard(stream: Any) -> None:
    """Flush the stream; when its terminal or pipe is gone, send what is left to the null device,
    so that Python's own flush at exit cannot fail and change the exit code (to 120)."""
    try:
        stream.flush()
    except (OSError, ValueError):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stream.fileno())
            os.close(devnull)
        with contextlib.suppress(OSError, ValueError):
            stream.flush()


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


app = typer.Typer(
    cls=App,
    help=HELP,
    epilog=EPILOG,
    add_completion=True,
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
