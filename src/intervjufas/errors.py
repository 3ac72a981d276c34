"""Every expected failure of the program, with its exit code, in one place.

Each error carries a Swedish message fit for the user; the command-line layer turns it into one
line on stderr (``Fel: …``) and the error's exit code.  Anything else that escapes is a bug.
"""

from __future__ import annotations

import errno
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from intervjufas.questionsets.yaml_source import Diagnostic


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


class Interrupted(IntervjufasError):
    """The user stopped a session; the message says what was kept and how to go on."""

    exit_code = ExitCode.INTERRUPTED


class ReportFormatError(IntervjufasError):
    """A report file that cannot be read; the message names the file and line."""


class ReportConflictError(IntervjufasError):
    """The file changed on disk in a way that cannot be merged with the session's answers."""


class DiagnosticsError(Exception):
    """A file with problems found at known lines and columns; carries every diagnostic."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__(diagnostics[0].format() if diagnostics else "")
        self.diagnostics = diagnostics


class YamlSourceError(DiagnosticsError):
    """The text could not be read as YAML."""


class QuestionSetError(DiagnosticsError):
    """A question file with errors."""


class AnswerError(ValueError):
    """Raw input that is not a valid answer; the message is Swedish and fit for the user."""


class AnswerFormatError(ValueError):
    """The text under a heading cannot be read as an answer to its question."""

    def __init__(self, offset: int, message: str) -> None:
        super().__init__(message)
        self.offset = offset  # line offset within the answer block
        self.message = message


class PartialAnswer(KeyboardInterrupt):
    """The user stopped (Ctrl-C) half-way through a question that already has a usable part – a
    choice before its comment, the action items before the last – which is kept."""

    def __init__(self, answer: Any) -> None:
        super().__init__()
        self.answer = answer


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
