"""How a session ends when it cannot finish: stopped by the user or a signal, out of input, or
unable to save.  Each ending keeps what the user typed – in the report, or in a recovery file
when the report cannot take it – and says so in one message with the command that goes on."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from intervjufas.errors import ExitCode, Interrupted, IntervjufasError, SaveError, stop_signal, to_copy
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.report.model import Report
from intervjufas.session.options import SessionOptions, resume_command

REASONS = {
    1: "Avbrutet: terminalen stängdes (SIGHUP).",
    2: "Avbrutet.",
    15: "Avbrutet: programmet ombads att avsluta (SIGTERM).",
}
OUT_OF_INPUT = "Indata tog slut innan alla frågor var besvarade."


class Ending:
    """What a session that stops early needs to keep its answers and tell the user."""

    def __init__(
        self,
        options: SessionOptions,
        questionnaire: Questionnaire,
        folder: Path,
        path: Callable[[], Path | None],
    ) -> None:
        self.options = options
        self.questionnaire = questionnaire
        self.folder = folder
        self.path = path  # the report file, once it exists

    def stopped(self, report: Report, stop: BaseException) -> Interrupted:
        """Stopped by Ctrl-C, a signal, or the end of piped input."""
        signum = 2 if isinstance(stop, EOFError) else stop_signal(stop)
        reason = (
            OUT_OF_INPUT
            if isinstance(stop, EOFError)
            else REASONS.get(signum, f"Avbrutet (signal {signum}).")
        )
        code = ExitCode.INTERRUPTED if isinstance(stop, EOFError) else 128 + signum
        path = self.path()
        if path is not None:
            message = to_copy(f"{reason} Svaren är sparade i {path}. Fortsätt med:", resume_command(self.options, path))
            return Interrupted(message, exit_code=code)
        if not report.answers and not report.drafts:
            return Interrupted(f"{reason} Inget sparades; inga frågor hade besvarats.", exit_code=code)
        kept = self._recover(report)
        if kept is None:
            return Interrupted(
                f"{reason} Inget kunde sparas: uppdraget hade inget namn ännu och "
                "återställningsfilen gick inte att skriva.",
                exit_code=code,
            )
        return Interrupted(
            to_copy(
                f"{reason} Uppdraget hade inget namn ännu, så rapporten skapades inte; det du hann skriva "
                f"finns i {kept}. Fortsätt med:",
                resume_command(self.options, kept),
            ),
            exit_code=code,
        )

    def save_failed(self, report: Report, error: SaveError) -> IntervjufasError:
        """A save failed: the report on disk is its previous version; keep the session's answers."""
        kept = self._recover(report)
        if kept is None:
            return IntervjufasError(
                f"{error.message} Återställningsfilen gick inte heller att skriva; svaren från den här "
                "sessionen finns bara i det som skrivs ut nedan."
            )
        return IntervjufasError(
            to_copy(
                f"{error.message} Alla svar från den här sessionen finns i återställningsfilen {kept}. "
                "Fortsätt med:",
                resume_command(self.options, kept),
            )
        )

    def _recover(self, report: Report) -> Path | None:
        from intervjufas.folder.recovery import write_recovery

        try:
            return write_recovery(report, self.questionnaire, self.path(), self.folder)
        except (IntervjufasError, OSError):
            return None
