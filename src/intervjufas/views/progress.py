"""Progress of reading a reports folder, shown on a terminal only when it takes long enough to wonder.

With the header index warm, reading even 20,000 reports takes well under a second, and a bar that
flashes by is noise.  The first run over a big folder (or after the index was removed) reads every
file's header and can take many seconds; then, once ``DELAY`` has passed, a transient bar on
standard error counts the headers read, and it is gone when reading is done.  The command-line
layer says whether drawing is allowed (both standard output and standard error are a terminal, no
``--json``, TERM is not dumb); with NO_COLOR the bar is drawn without colour.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

DELAY = 1.0  # seconds before progress is shown
UPDATE_EVERY = 0.05  # seconds between updates of the bar
DESCRIPTION = "Läser rapporterna"


class ScanProgress:
    """Told how many headers have been read of those to read (``progress(done, total)``); draws
    once the command has run for ``delay`` seconds with headers still to read."""

    def __init__(
        self,
        console: Console,
        *,
        delay: float = DELAY,
        clock: Callable[[], float] = time.monotonic,
        allowed: bool = True,
    ) -> None:
        self.console = console
        self.drawable = allowed and console.is_terminal and not console.is_dumb_terminal
        self.delay = delay
        self.clock = clock
        self.started = clock()
        self.updated = float("-inf")
        self.bar: Any = None
        self.task: Any = None

    @property
    def shown(self) -> bool:
        return self.bar is not None

    def __call__(self, done: int, total: int) -> None:
        if not self.drawable:
            return
        now = self.clock()
        if self.bar is None:
            if done >= total or now - self.started < self.delay:
                return
            self._show(total)
        if done >= total:
            self.close()
        elif now - self.updated >= UPDATE_EVERY:
            self.updated = now
            self.bar.update(self.task, completed=done, total=total)

    def _show(self, total: int) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=self.console,
            transient=True,
        )
        self.task = self.bar.add_task(DESCRIPTION, total=total)
        self.bar.start()

    def close(self) -> None:
        """Take the bar away (if it was shown); it is not shown again."""
        if self.bar is not None:
            self.bar.stop()
        self.drawable = False


@contextmanager
def scan_progress(console: Console, *, allowed: bool, delay: float = DELAY) -> Iterator[ScanProgress]:
    """Progress of reading one folder, drawn only when ``allowed`` and the console is a terminal;
    the bar is gone afterwards, also when reading stops with an error."""
    progress = ScanProgress(console, delay=delay, allowed=allowed)
    try:
        yield progress
    finally:
        progress.close()
