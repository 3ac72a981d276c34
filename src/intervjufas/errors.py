"""The program's expected failures: one base error with a Swedish message, and named exit codes."""

from __future__ import annotations

import errno
from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    """Exit codes of the command-line program."""

    OK = 0
    ERROR = 1
    USAGE = 2
    INTERRUPTED = 130


class IntervjufasError(Exception):
    """An expected failure, shown to the user as one Swedish line (``Fel: …``)."""

    exit_code: ExitCode = ExitCode.ERROR

    def __init__(self, message: str, *, exit_code: ExitCode | None = None) -> None:
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code


class UsageError(IntervjufasError):
    """The command line itself is wrong (exit code 2)."""

    exit_code = ExitCode.USAGE


class NoTerminalError(IntervjufasError):
    """Prompting was asked for, but standard input is not a terminal."""


_ERRNO_TEXT = {
    errno.EACCES: "behörighet saknas",
    errno.EPERM: "behörighet saknas",
    errno.ENOENT: "finns inte",
    errno.ENOTDIR: "en del av sökvägen är inte en mapp",
    errno.EISDIR: "är en mapp, inte en fil",
    errno.ENOSPC: "disken är full",
    errno.EROFS: "filsystemet är skrivskyddat",
    errno.EEXIST: "finns redan",
    errno.ENAMETOOLONG: "namnet är för långt",
    errno.EDQUOT: "diskkvoten är slut",
}


def describe_os_error(error: OSError) -> str:
    """Return a short Swedish description of an operating-system error."""
    text = _ERRNO_TEXT.get(error.errno or -1)
    if text is None:
        text = error.strerror or type(error).__name__
    return text


def file_error(action: str, path: Path | str, error: OSError) -> IntervjufasError:
    """Build an error such as ``Kan inte läsa /x/y.md: behörighet saknas``."""
    return IntervjufasError(f"{action} {path}: {describe_os_error(error)}.")
