"""A prompter that says, as the date is entered, when a date question gets a date after today:
``Varning: Datumet 2026-12-28 ligger i framtiden (idag är 2026-12-07).`` on standard error, and the
session goes on (a report may be dated ahead: a planned mapping).  It wraps whichever prompter the
session uses, so menus and ``--enkel`` say it alike."""

from __future__ import annotations

from collections.abc import Callable

from intervjufas.model.answers import Answer
from intervjufas.model.future_dates import future_date_warning
from intervjufas.session.follow_up_batch import BatchPrompter, BatchRequest
from intervjufas.session.prompter import AskRequest, Prompter


class FutureDateNotice:
    """Passes everything to ``prompter``; after a date answer, ``warn`` hears the warning, if any."""

    def __init__(self, prompter: Prompter, warn: Callable[[str], None]) -> None:
        self.prompter = prompter
        self.warn = warn

    @property
    def reflects_on_map(self) -> bool:
        """Whether the wrapped prompter answers a reflection and its yes/no question on the map."""
        return bool(getattr(self.prompter, "reflects_on_map", False))

    @property
    def reflects_per_phase(self) -> bool:
        """Whether the wrapped prompter answers a phase's reflections on one screen."""
        return bool(getattr(self.prompter, "reflects_per_phase", False))

    def reflect_together(self, requests: tuple[AskRequest, ...]) -> tuple[Answer, ...]:
        return tuple(self.prompter.reflect_together(requests))  # type: ignore[attr-defined]

    @property
    def follows_up_on_screen(self) -> bool:
        """Whether the wrapped prompter follows up a handful of open items on one screen."""
        return bool(getattr(self.prompter, "follows_up_on_screen", False))

    def follow_up_batch(self, request: BatchRequest) -> bool:
        prompter: BatchPrompter = self.prompter  # type: ignore[assignment]
        return prompter.follow_up_batch(request)

    def section(self, title: str, text: str) -> None:
        self.prompter.section(title, text)

    def note(self, text: str) -> None:
        self.prompter.note(text)

    def ask(self, request: AskRequest) -> Answer:
        answer = self.prompter.ask(request)
        warning = future_date_warning(request.question, answer.value)
        if warning is not None:
            self.warn(f"Varning: {warning}")
        return answer
