"""Progress of an export, shown on a terminal only when the export takes long enough to wonder.

A report exports in a fraction of a second, and a bar that flashes by is noise; so nothing is
drawn until ``DELAY`` seconds have passed (``benchmarks/bench_export.py`` measures an ordinary
report at well under that, and a very long one above it).  From then on a transient bar on
standard error says which part is being written, and it disappears when the export is done.  A
timer shows it even while one long part is being written; nothing is drawn when standard error is
not a terminal.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

DELAY = 0.4  # seconds before progress is shown
DESCRIPTION = "Exporterar"


class ExportProgress:
    """Told each part the export starts (``progress(label)``); draws once the export is slow."""

    def __init__(
        self,
        console: Console,
        *,
        delay: float = DELAY,
        clock: Callable[[], float] = time.monotonic,
        allowed: bool = True,
    ) -> None:
        self.console = console
        self.drawable = allowed and console.is_terminal
        self.total = 1
        self.delay = delay
        self.clock = clock
        self.started = clock()
        self.done = 0
        self.label = ""
        self.bar: Any = None
        self.task: Any = None
        self._lock = threading.Lock()
        self._closed = False
        self._timer: threading.Timer | None = None
        if self.drawable:
            self._timer = threading.Timer(delay, self._show)
            self._timer.daemon = True
            self._timer.start()

    @property
    def shown(self) -> bool:
        return self.bar is not None

    def expect(self, section_count: int) -> None:
        """Say how many steps the document has: the parts to come are its details, each step, the
        plan, and saving the file."""
        self.total = self.done + section_count + 3

    def __call__(self, label: str) -> None:
        with self._lock:
            self.done = min(self.done + 1, self.total)
            self.label = label
        if self.drawable and self.clock() - self.started >= self.delay:
            self._show()
        with self._lock:
            if self.bar is not None:
                self.bar.update(
                    self.task, total=self.total, completed=self.done, description=self._description()
                )

    def _description(self) -> str:
        return f"{DESCRIPTION}: {self.label}" if self.label else DESCRIPTION

    def _show(self) -> None:
        from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

        with self._lock:
            if self.bar is not None or self._closed:
                return
            bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                TaskProgressColumn(),
                console=self.console,
                transient=True,
            )
            self.task = bar.add_task(self._description(), total=self.total, completed=self.done)
            bar.start()
            self.bar = bar

    def close(self) -> None:
        """Stop the timer and take the bar away (if it was shown)."""
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            self._closed = True
            if self.bar is not None:
                self.bar.stop()


@contextmanager
def export_progress(
    console: Console, *, delay: float = DELAY, allowed: bool = True
) -> Iterator[ExportProgress]:
    """Progress of one export, drawn only when ``allowed`` (standard error is a terminal, as the
    terminal facts say) and the console draws on a terminal; the bar is gone afterwards."""
    progress = ExportProgress(console, delay=delay, allowed=allowed)
    try:
        yield progress
    finally:
        progress.close()
