"""Every expected failure of the program, with its exit code, in one place.

Each error carries a Swedish message fit for the user; the command-line layer turns it into one
line on stderr (``Fel: …``) and the error's exit code.  Anything else that escapes is a bug.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import Generic, TypeVar


class ExitCode(IntEnum):
    """Exit codes of the command-line program."""

    OK = 0
    ERROR = 1
    USAGE = 2
    IN_USE = 75  # sysexits' EX_TEMPFAIL: try again later
    HANGUP = 129  # 128 + SIGHUP
    INTERRUPTED = 130  # 128 + SIGINT
    BROKEN_PIPE = 141  # 128 + SIGPIPE: the reader of our output went away
    TERMINATED = 143  # 128 + SIGTERM


class IntervjufasError(Exception):
    """An expected failure, shown to the user as one Swedish line (``Fel: …``)."""

    exit_code: int = ExitCode.ERROR  # (an ExitCode, or 128 + the signal that stopped a session)

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
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


class SaveError(IntervjufasError):
    """A file could not be written; the file on disk (if any) is still its previous version."""

    def __init__(
        self, path: Path, error: OSError | IntervjufasError, *, folder: bool = False, action: str = ""
    ) -> None:
        """``error`` is what failed: an OSError, or the program's own error (whose message is kept)."""
        if isinstance(error, IntervjufasError):
            super().__init__(error.message)
            self.path, self.reason = path, error.message
            return
        action = action or ("Kan inte skriva i mappen" if folder else "Kan inte spara")
        super().__init__(f"{action} {path.parent if folder else path}: {describe_os_error(error)}.")
        self.path = path
        self.reason = describe_os_error(error)


class UnreadableFile(IntervjufasError):
    """A file that cannot be read; ``reason`` says why in a few Swedish words."""

    def __init__(self, action: str, path: Path, reason: str) -> None:
        super().__init__(f"{action} {path}: {reason}.")
        self.reason = reason


class ReportsFolderMissing(IntervjufasError):
    """The reports folder a command is to read does not exist (or is not a folder): said at once,
    so that a mistyped --katalog never looks like an empty folder."""

    def __init__(self, folder: Path, *, not_a_folder: bool = False) -> None:
        if not_a_folder:
            message = f"Rapportmappen {folder} är ingen mapp."
        else:
            message = (
                f"Rapportmappen {folder} finns inte. Ange rapportmappen med --katalog, "
                "INTERVJUFAS_KATALOG eller 'intervjufas installningar katalog MAPP'; den skapas när du gör din första kartläggning."
            )
        super().__init__(message)
        self.folder = folder


class PlanItemNotFound(IntervjufasError):
    """``plan --markera`` names no open item of the folder (or more than one)."""


class ReportInUseError(IntervjufasError):
    """Another session holds the report's lock."""

    exit_code = ExitCode.IN_USE


class LockUnavailable(SaveError):
    """The report's lock cannot be taken or checked (its file cannot be opened or written): the
    session must not write to the report, and its answers are kept as for any failed save."""

    def __init__(self, report: Path, lock: Path, error: OSError) -> None:
        reason = describe_os_error(error)
        super().__init__(
            report,
            IntervjufasError(
                f"Kan inte låsa rapporten {report}: låsfilen {lock} går inte att använda ({reason}). "
                "Utan lås kan två sessioner skriva över varandras svar, så rapporten lämnades orörd. "
                "Finns ingen annan session på rapporten kan låsfilen tas bort; i en delad mapp ska "
                "mappen och dess filer tillhöra teamets grupp (chgrp -R GRUPP MAPP; chmod 2770 MAPP)."
            ),
        )
        self.lock = lock
        self.reason = reason


Finding = TypeVar("Finding")  # (what a finding is, the session knows; this module imports nothing)
Kept = TypeVar("Kept")  # (the answer kept, as the model knows it)


class PersonalDataFound(IntervjufasError, Generic[Finding]):
    """Personal data in answers that were to be saved without a question (``--svar --strikt``);
    ``findings`` says where, for the command-line layer to show one by one."""

    def __init__(self, message: str, findings: list[Finding]) -> None:
        super().__init__(message)
        self.findings = findings


class ReportConflictError(IntervjufasError):
    """The file changed on disk in a way that cannot be merged with the session's answers."""


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem found in a file, with a 1-based line and column."""

    line: int
    column: int
    message: str
    severity: str = "fel"  # "fel" (error) or "varning" (warning)
    file: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == "fel"

    def format(self) -> str:
        prefix = f"{self.file}:{self.line}:{self.column}: "
        kind = "" if self.is_error else "varning: "
        return f"{prefix}{kind}{self.message}"


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


class Stopped(KeyboardInterrupt):
    """The session was stopped: Ctrl-C at a prompt, or SIGTERM/SIGHUP (handled like Ctrl-C).

    ``signum`` is the signal; ``text`` what was typed at the prompt that was open, if any."""

    def __init__(self, signum: int = 2, text: str | None = None) -> None:
        super().__init__()
        self.signum = signum
        self.text = text


class PartialAnswer(KeyboardInterrupt, Generic[Kept]):
    """The user stopped half-way through a question that already has something worth keeping – a
    choice before its comment, the action items before the last, the lines of a long answer.  It
    is kept as an unfinished answer; ``cause`` is how the user stopped (re-raised after keeping)."""

    def __init__(self, answer: Kept, cause: BaseException | None = None) -> None:
        super().__init__()
        self.answer = answer
        self.cause = cause if cause is not None else KeyboardInterrupt()


def stop_signal(stop: BaseException) -> int:
    """The signal number a stop came from (SIGINT for Ctrl-C and end of input)."""
    return int(getattr(stop, "signum", 2))


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


COMMAND_INDENT = "  "


def to_copy(lead: str, command: str) -> str:
    """A message that ends with a command to copy: the lead-in (``'… Fortsätt med:'``), then the
    command alone on the next line, indented – never broken by the program, so the terminal wraps it
    at most, and a triple click selects it whole.  Every printed command goes through here (errors,
    warnings) or ``views.copy_command`` (screens)."""
    return f"{lead}\n{COMMAND_INDENT}{command}"


def describe_os_error(error: OSError) -> str:
    """Return a short Swedish description of an operating-system error."""
    text = _ERRNO_TEXT.get(error.errno or -1)
    if text is None:
        text = error.strerror or type(error).__name__
    return text


def file_error(action: str, path: Path | str, error: OSError) -> IntervjufasError:
    """Build an error such as ``Kan inte läsa /x/y.md: behörighet saknas``."""
    return IntervjufasError(f"{action} {path}: {describe_os_error(error)}.")
