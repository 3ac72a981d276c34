"""Usage errors of the command line as one Swedish line each, made where they arise.

The framework's parser and parameters raise English usage errors (``typer.TyperException`` with
exit code 2).  ``in_swedish`` catches them around parsing and says the same in Swedish, built from
the errors' public attributes – which option (``option_name``, ``possibilities``), which parameter
(``param``, ``param_type``), the value's problem (``message`` of a ``typer.BadParameter`` that the
program's own parsers raise in Swedish) – never from the English wording.  Unknown commands and
extra arguments are caught before the framework words them (``groups``).
"""

from __future__ import annotations

import contextlib
import difflib
from collections.abc import Iterator, Sequence
from typing import Any

import typer

from intervjufas.errors import ExitCode, UsageError

ROOT = "intervjufas"


class CommandLineError(UsageError):
    """A usage error found by the command-line parser, already worded in Swedish with its hint."""


def line(text: str, command_path: str) -> CommandLineError:
    """The error for ``text``, as every message after ``Fel:`` – a capital letter first, a full stop
    (or a question mark) at the end – and then where to read more (``Se 'intervjufas … --help'.``)."""
    end = "" if text.endswith(("?", ".")) else "."
    return CommandLineError(f"{text[:1].upper()}{text[1:]}{end} Se '{command_path} --help'.")


@contextlib.contextmanager
def in_swedish(params: Sequence[Any], command_path: str = ROOT) -> Iterator[None]:
    """Turn the framework's usage errors raised inside into ``CommandLineError``; ``params`` are the
    parameters of the command being parsed (to tell a flag from an option that takes a value), and
    ``command_path`` the command whose ``--help`` the line points to when the error names no context
    (the parser raises a missing option value without one)."""
    try:
        yield
    except typer.TyperException as error:
        if error.exit_code != ExitCode.USAGE:
            raise
        raise line(describe(error, params), _path(error, command_path)) from error


def describe(error: typer.TyperException, params: Sequence[Any]) -> str:
    """What was wrong, in Swedish, from the error's attributes."""
    option = getattr(error, "option_name", None)
    if option is not None and hasattr(error, "possibilities"):  # an option that does not exist
        text = f"okänd flagga {option}"
        if error.possibilities:
            text += f" – menade du {', '.join(sorted(error.possibilities))}?"
        return text
    if option is not None:  # an option used the wrong way: a flag with a value, or no value
        return _option_misused(option, params)
    if isinstance(error, typer.BadParameter):
        hint = _param_hint(error)
        if hasattr(error, "param_type"):  # a required parameter that is missing
            kind = error.param_type or getattr(error.param, "param_type_name", "")
            return f"{'flaggan' if kind == 'option' else 'argumentet'} {hint} saknas".strip()
        return f"ogiltigt värde för {hint}: {error.message}"
    return untranslated_text(error)


def extra_arguments(arguments: Sequence[str], command_path: str) -> CommandLineError:
    """Words left over after a command's arguments."""
    return line(f"oväntat argument: {' '.join(arguments)}", command_path)


def unknown_command(name: str, known: Sequence[str], command_path: str) -> CommandLineError:
    """A command name that is not one of ``known``, with the names it may be a typo of."""
    text = f"okänt kommando '{name}'"
    matches = difflib.get_close_matches(name, list(known))
    if matches:
        text += f" – menade du {', '.join(repr(match) for match in matches)}?"
    return line(text, command_path)


def untranslated(error: typer.TyperException) -> str:
    """The line for a usage error no rule above knows: said to be one, with the framework's words."""
    return line(untranslated_text(error), _path(error)).message


def untranslated_text(error: typer.TyperException) -> str:
    return f"felaktig användning ({error.format_message()})"


def _option_misused(option: str, params: Sequence[Any]) -> str:
    param = next((p for p in params if option in p.opts or option in p.secondary_opts), None)
    if param is not None and getattr(param, "is_flag", False):
        return f"flaggan {option} tar inget värde"
    count = getattr(param, "nargs", 1) if param is not None else 1
    return f"flaggan {option} behöver ett värde" if count == 1 else f"flaggan {option} behöver {count} värden"


def _param_hint(error: Any) -> str:
    hint = error.param_hint
    if hint is None and error.param is not None:
        hint = error.param.get_error_hint()
    if isinstance(hint, (list, tuple)):
        hint = " / ".join(hint)
    return str(hint or "").replace("'", "")


def _path(error: Any, fallback: str = ROOT) -> str:
    ctx = getattr(error, "ctx", None)
    return ctx.command_path if ctx is not None else fallback
