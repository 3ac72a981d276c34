"""A prompter that wraps another and passes everything on to it: the base of the session's
wrappers (the personal-data guard, the future-date notice), which override only what they add.

Why: a prompter says what it can draw on one screen with optional attributes
(``reflects_on_map``, ``reflects_per_phase``, ``follows_up_on_screen``) and the methods that go
with them; a wrapper must show the session exactly what the prompter it wraps can do, or the
session falls back to asking one question at a time.  Passing them on here, once, keeps every
wrapper in step when a prompter learns a new screen.
"""

from __future__ import annotations

from intervjufas.model.answers import Answer
from intervjufas.session.follow_up_batch import BatchPrompter, BatchRequest
from intervjufas.session.prompter import AskRequest, Prompter


class WrappedPrompter:
    """Passes every question, note and screen to ``prompter``."""

    def __init__(self, prompter: Prompter) -> None:
        self.prompter = prompter

    @property
    def reflects_on_map(self) -> bool:
        """Whether the wrapped prompter answers a reflection and its yes/no question on the map."""
        return bool(getattr(self.prompter, "reflects_on_map", False))

    @property
    def reflects_per_phase(self) -> bool:
        """Whether the wrapped prompter answers a phase's reflections on one screen."""
        return bool(getattr(self.prompter, "reflects_per_phase", False))

    @property
    def follows_up_on_screen(self) -> bool:
        """Whether the wrapped prompter follows up a handful of open items on one screen."""
        return bool(getattr(self.prompter, "follows_up_on_screen", False))

    def reflect_together(self, requests: tuple[AskRequest, ...]) -> tuple[Answer, ...]:
        return tuple(self.prompter.reflect_together(requests))  # type: ignore[attr-defined]

    def follow_up_batch(self, request: BatchRequest) -> bool:
        prompter: BatchPrompter = self.prompter  # type: ignore[assignment]
        return prompter.follow_up_batch(request)

    def section(self, title: str, text: str) -> None:
        self.prompter.section(title, text)

    def note(self, text: str) -> None:
        self.prompter.note(text)

    def ask(self, request: AskRequest) -> Answer:
        return self.prompter.ask(request)
