"""The program's command classes, given to Typer through its public ``cls=``: Swedish help and usage
errors, commands loaded only when needed, and the one error handler.

- ``App`` is the root group.  Its commands are loaded lazily (Click's "LazyGroup" pattern):
  ``lazy_commands`` names each command's module, which is imported – and the command built by
  Typer's public ``typer.main.get_command`` (``CommandTable``) – only when the command runs, is
  completed, or is listed by the top-level ``--help``.
- Both classes draw their help with ``help_screen`` (``format_help``) and turn the parser's and the
  parameters' usage errors into one Swedish line where they arise (``parse_args``,
  ``resolve_command``), from the errors' public attributes (``usage_errors``).
- ``App.main`` turns every known error into one Swedish line on stderr and a named exit code,
  anything unexpected into one line too (a traceback only with ``--debug``), and a closed stdout
  into a quiet exit with the status of SIGPIPE.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from typing import Any, ClassVar

import typer
from typer.core import TyperCommand, TyperGroup

from intervjufas.cli import usage_errors
from intervjufas.errors import ExitCode, Interrupted, IntervjufasError, UsageError, stop_signal
from intervjufas.files.private_folders import take_warnings

ROOT = "intervjufas"
FLAGS = "[FLAGGOR]"  # every command's options_metavar


class OutputClosed(Exception):
    """The reader of our output went away (carried past Typer, which would exit 1 for it)."""


class SwedishHelp:
    """Help drawn in Swedish (``help_screen``), for the root and every command."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from intervjufas.cli.help_screen import show_help

        show_help(self, ctx)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), "Användning: ")


class Command(SwedishHelp, TyperCommand):
    """Every subcommand: Swedish help, Swedish usage errors, report names completed from words."""

    allow_extra_args = True  # an extra argument gets a Swedish message here, not Click's
    help_skipping: tuple[Any, Any] | None = None  # (the framework's --help option, its copy)

    def get_params(self, ctx: Any) -> list[Any]:
        """The command's parameters; while the shell asks for completions (the context parses
        resiliently), a RAPPORT is completed from what is typed as the commands take it – the
        start of a file name or words of the assignment and customer – see ``completion``."""
        params = super().get_params(ctx)
        if not ctx.resilient_parsing:
            return params
        from intervjufas.cli.completion import REPORT_PARAMETERS, words_completed

        return [words_completed(param) if param.name in REPORT_PARAMETERS else param for param in params]

    def get_help_option(self, ctx: Any) -> Any:
        """The ``--help`` option, not converted when not given (``absent_values``); one object per
        command, as the framework's (the order of processing compares them)."""
        option = super().get_help_option(ctx)
        if option is None:
            return None
        if self.help_skipping is None or self.help_skipping[0] is not option:
            from intervjufas.cli.absent_values import skipping_absent

            self.help_skipping = (option, skipping_absent(option))
        return self.help_skipping[1]

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        with usage_errors.in_swedish(self.get_params(ctx), ctx.command_path):
            rest = super().parse_args(ctx, args)
        if rest and not ctx.resilient_parsing:
            raise usage_errors.extra_arguments(rest, ctx.command_path)
        return rest

    def invoke(self, ctx: Any) -> Any:
        """Run the command; a usage error it finds itself (options that do not go together, a
        value it cannot use) points to the command's own ``--help`` too, as the parser's do."""
        try:
            return super().invoke(ctx)
        except UsageError as error:
            if isinstance(error, usage_errors.CommandLineError) or "--help'" in error.message:
                raise
            raise usage_errors.line(error.message, ctx.command_path) from None


class App(SwedishHelp, TyperGroup):
    """The root group: commands loaded when needed, Swedish help and errors, named exit codes."""

    lazy_commands: ClassVar[dict[str, str]] = {}  # command name -> module that defines it

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.lazy_commands)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        module_name = self.lazy_commands.get(cmd_name)
        if module_name is None:
            return None
        return _command_in(module_name, cmd_name)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0]
        if not name.startswith("-") and self.get_command(ctx, name) is None and not ctx.resilient_parsing:
            raise usage_errors.unknown_command(name, self.list_commands(ctx), ctx.command_path)
        return super().resolve_command(ctx, args)

    def get_params(self, ctx: Any) -> list[Any]:
        """The root's parameters; an option declared twice keeps its first declaration (the
        program's own --install-completion and --show-completion, not the English ones Typer adds)."""
        seen: set[str] = set()
        kept = []
        for param in super().get_params(ctx):
            names = set(param.opts) | set(param.secondary_opts)
            if names & seen:
                continue
            seen |= names
            kept.append(param)
        return kept

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args and not ctx.resilient_parsing:  # the program alone shows its help
            self.show_overview(ctx)
            self.format_help(ctx, None)
            ctx.exit()
        with usage_errors.in_swedish(self.get_params(ctx), ctx.command_path):
            return super().parse_args(ctx, args)

    def show_overview(self, ctx: Any) -> None:
        """What the program alone shows above its help (``app.Program``: the status on a terminal)."""

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except BrokenPipeError as error:  # the top-level --help, written to a closed pipe
            raise OutputClosed from error

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError as error:
            raise OutputClosed from error

    def main(self, args: Any = None, prog_name: str | None = None, **extra: Any) -> Any:  # type: ignore[override]
        _replace_what_cannot_be_shown()
        arguments = list(sys.argv[1:] if args is None else args)
        extra.pop("standalone_mode", None)
        take_warnings()  # (of an earlier run in this process: a test's)
        call = super().main
        result = _guarded(
            lambda: call(args=arguments, prog_name=prog_name or ROOT, standalone_mode=False, **extra),
            debug="--debug" in arguments,
        )
        _flush_or_discard(sys.stdout)
        _say_warnings()
        _flush_or_discard(sys.stderr)
        sys.exit(result if isinstance(result, int) else ExitCode.OK)


class CommandTable:
    """The commands of one command module.  Each is registered on a Typer of its own, so that only
    the command that runs is built (``typer.main.get_command`` gives a one-command Typer's command)."""

    def __init__(self) -> None:
        self.typers: dict[str, typer.Typer] = {}
        self._built: dict[str, Any] = {}

    def command(self, name: str, **settings: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Register a command, as ``typer.Typer.command`` does, with the program's command class."""
        single = typer.Typer(add_completion=False, rich_markup_mode="rich")
        self.typers[name] = single
        return single.command(name, cls=Command, options_metavar=FLAGS, **settings)

    def build(self, name: str) -> Any:
        """The click command named ``name`` (built once), or None."""
        if name not in self._built and name in self.typers:
            from intervjufas.cli.absent_values import skipping_absent

            command = typer.main.get_command(self.typers[name])
            command.params = [skipping_absent(param) for param in command.params]  # (see absent_values)
            self._built[name] = command
        return self._built.get(name)


def _command_in(module_name: str, name: str) -> Any:
    """The command ``name`` of a command module (importing the module the first time)."""
    module = __import__(module_name, fromlist=["commands"])  # (not importlib: seen by -X importtime)
    return module.commands.build(name)


def _guarded(run: Any, *, debug: bool) -> Any:
    """Run the command line; every way it can fail ends here as one line and an exit code."""
    try:
        return run()
    except IntervjufasError as error:
        if debug and not isinstance(error, UsageError):
            raise
        _fail(error.message, error.exit_code, prefix="" if isinstance(error, Interrupted) else "Fel: ")
    except typer.TyperException as error:  # a usage error of the framework that is not translated
        if error.exit_code != ExitCode.USAGE:
            _fail(error.format_message(), error.exit_code)
        _fail(usage_errors.untranslated(error), ExitCode.USAGE)
    except typer.Abort:
        _fail("Avbrutet.", ExitCode.INTERRUPTED, prefix="")
    except KeyboardInterrupt as stop:
        _fail("Avbrutet.", 128 + stop_signal(stop), prefix="")
    except (BrokenPipeError, OutputClosed):
        _reader_went_away()
    except Exception as error:  # an unexpected bug: one line, the traceback only with --debug
        if debug:
            raise
        _fail(
            f"Ett oväntat fel inträffade ({type(error).__name__}: {error}). Kör igen med --debug för detaljer.",
            ExitCode.ERROR,
        )
    return None


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
    because another account could have written it (see ``files.private_folders``)."""
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
    if stream is None:  # (the program was started with the stream closed)
        return
    try:
        stream.flush()
    except (OSError, ValueError):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stream.fileno())
            os.close(devnull)
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
