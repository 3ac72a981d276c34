"""A prompter that says, as the date is entered, when a date question gets a date after today:
``Varning: Datumet 2026-12-28 ligger i framtiden (idag är 2026-12-07).`` on standard error, and the
session goes on (a report may be dated ahead: a planned mapping).  It wraps whichever prompter the
session uses, so menus and ``--enkel`` say it alike."""

from __future__ import annotations

from collections.abc import Callable

from intervjufas.model.answers import Answer
from intervjufas.model.future_dates import future_date_warning
from intervjufas.session.prompter import AskRequest, Prompter
from intervjufas.session.wrapped_prompter import WrappedPrompter


class FutureDateNotice(WrappedPrompter):
    """Passes everything to ``prompter``; after a date answer, ``warn`` hears the warning, if any."""

    def __init__(self, prompter: Prompter, warn: Callable[[str], None]) -> None:
        super().__init__(prompter)
        self.warn = warn

    def ask(self, request: AskRequest) -> Answer:
        answer = self.prompter.ask(request)
        warning = future_date_warning(request.question, answer.value)
        if warning is not None:
            self.warn(f"Varning: {warning}")
        return answer
