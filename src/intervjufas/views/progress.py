"""Progress bars, shown on a terminal only when something takes long enough to wonder – a bar that
flashes by is noise.  Both are transient bars on standard error, gone when the work is done, and
drawn only when the command-line layer allows it (``scan_progress_for`` decides from the terminal
facts); with NO_COLOR they are drawn without colour.

Reading a reports folder (``ScanProgress``): with the header index warm, reading even 20,000
reports takes well under a second; the first run over a big folder (or after the index was
removed) reads every file's header and can take many seconds.  Once ``SCAN_DELAY`` has passed, the
bar counts the headers read.  It is drawn when standard output and standard error are a terminal,
without ``--json``, and TERM is not dumb.

An export (``ExportProgress``): a report exports in a fraction of a second, so nothing is drawn
until ``EXPORT_DELAY`` seconds have passed (``benchmarks/bench_export.py`` measures an ordinary
report at well under that, and a very long one above it).  From then on the bar says which part
is being written; a timer shows it even while one long part is being written.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from intervjufas.terminal import TerminalFacts

SCAN_DELAY = 1.0  # seconds before the progress of reading a folder is shown
UPDATE_EVERY = 0.05  # seconds between updates of the bar
SCAN_DESCRIPTION = "Läser rapporterna"
EXPORT_DELAY = 0.4  # seconds before the progress of an export is shown
EXPORT_DESCRIPTION = "Exporterar"
PartProgress = Callable[[str], None]  # told each part an export starts


class ScanProgress:
    """Told how many headers have been read of those to read (``progress(done, total)``); draws
    once the command has run for ``delay`` seconds with headers still to read."""

    def __init__(
        self,
        console: Console,
        *,
        delay: float = SCAN_DELAY,
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
        self.task = self.bar.add_task(SCAN_DESCRIPTION, total=total)
        self.bar.start()

    def close(self) -> None:
        """Take the bar away (if it was shown); it is not shown again."""
        if self.bar is not None:
            self.bar.stop()
        self.drawable = False


@contextmanager
def scan_progress(console: Console, *, allowed: bool, delay: float = SCAN_DELAY) -> Iterator[ScanProgress]:
    """Progress of reading one folder, drawn only when ``allowed`` and the console is a terminal;
    the bar is gone afterwards, also when reading stops with an error."""
    progress = ScanProgress(console, delay=delay, allowed=allowed)
    try:
        yield progress
    finally:
        progress.close()


def scan_progress_for(facts: TerminalFacts, json_output: bool) -> AbstractContextManager[ScanProgress]:
    """The progress of reading the folder's headers: a bar on a terminal when a first run over a
    big folder is slow; nothing in pipes, with --json or TERM=dumb."""
    from intervjufas.views.console import make_console

    allowed = facts.stdout_is_terminal and facts.stderr_is_terminal and not facts.dumb and not json_output
    return scan_progress(make_console(facts, stderr=True), allowed=allowed)


# -- an export ------------------------------------------------------------------------------------


class ExportProgress:
    """Told each part the export starts (``progress(label)``); draws once the export is slow."""

    def __init__(
        self,
        console: Console,
        *,
        delay: float = EXPORT_DELAY,
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
        return f"{EXPORT_DESCRIPTION}: {self.label}" if self.label else EXPORT_DESCRIPTION

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
    console: Console, *, delay: float = EXPORT_DELAY, allowed: bool = True
) -> Iterator[ExportProgress]:
    """Progress of one export, drawn only when ``allowed`` (standard error is a terminal, as the
    terminal facts say) and the console draws on a terminal; the bar is gone afterwards."""
    progress = ExportProgress(console, delay=delay, allowed=allowed)
    try:
        yield progress
    finally:
        progress.close()
