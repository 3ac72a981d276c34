"""Progress of an export, shown on a terminal only when the export takes long enough to wonder.

A report exports in a fraction of a second, and a bar that flashes by is noise; so nothing is
drawn until ``DELAY`` seconds have passed (measured by ``benchmarks/bench_export.py``: an ordinary
report takes well under that, a very long one more).  From then on a transient bar on standard
error says which part is being written, and it disappears when the export is done.  Nothing is
drawn when standard error is not a terminal.
"""

from __future__ import annotations

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
        self, console: Console, *, delay: float = DELAY, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.console = console
        self.total = 1
        self.delay = delay
        self.clock = clock
        self.started = clock()
        self.done = 0
        self.bar: Any = None
        self.task: Any = None

    @property
    def shown(self) -> bool:
        return self.bar is not None

    def expect(self, section_count: int) -> None:
        """Say how many steps the document has: the parts to come are its details, each step, the
        plan, and saving the file."""
        self.total = self.done + section_count + 3

    def __call__(self, label: str) -> None:
        self.done = min(self.done + 1, self.total)
        if self.bar is None and self.console.is_terminal and self.clock() - self.started >= self.delay:
            self._show()
        if self.bar is not None:
            self.bar.update(self.task, completed=self.done, description=f"{DESCRIPTION}: {label}")

    def _show(self) -> None:
        from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

        self.bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TaskProgressColumn(),
            console=self.console,
            transient=True,
        )
        self.bar.start()
        self.task = self.bar.add_task(DESCRIPTION, total=self.total, completed=self.done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@contextmanager
def export_progress(console: Console, *, delay: float = DELAY) -> Iterator[ExportProgress]:
    """Progress of one export; the bar (if it was shown) is gone afterwards."""
    progress = ExportProgress(console, delay=delay)
    try:
        yield progress
    finally:
        progress.close()
