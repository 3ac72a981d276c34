"""Progress of an export: nothing while the export is quick, a transient bar once it is slow, and
never anything when standard error is not a terminal."""

from __future__ import annotations

import time
from io import StringIO

from rich.console import Console

from intervjufas.views.progress import ExportProgress, export_progress


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def console(terminal: bool) -> tuple[Console, StringIO]:
    out = StringIO()
    return Console(file=out, force_terminal=terminal, width=80, color_system=None), out


def test_a_quick_export_draws_nothing() -> None:
    screen, out = console(terminal=True)
    clock = Clock()
    progress = ExportProgress(screen, delay=0.4, clock=clock)
    progress("Läser rapporten")
    progress.expect(3)
    for label in ("Uppgifter om uppdraget", "Steg 1", "Steg 2", "Steg 3", "Utvecklingsplan", "Sparar"):
        clock.now += 0.05
        progress(label)
    progress.close()
    assert not progress.shown
    assert out.getvalue() == ""


def test_a_slow_export_shows_which_part_it_writes() -> None:
    screen, out = console(terminal=True)
    clock = Clock()
    progress = ExportProgress(screen, delay=0.4, clock=clock)
    progress("Läser rapporten")
    progress.expect(3)
    assert progress.total == 7  # reading, details, three steps, plan, saving
    clock.now += 0.5
    progress("Steg 1: Före intervjun")
    assert progress.shown
    assert progress.bar.tasks[0].completed == 2
    assert progress.bar.tasks[0].description == "Exporterar: Steg 1: Före intervjun"
    progress.close()
    assert "Exporterar" in out.getvalue()


def test_nothing_is_drawn_when_errors_do_not_go_to_a_terminal() -> None:
    screen, out = console(terminal=False)
    clock = Clock()
    with export_progress(screen, delay=0.0) as progress:
        progress.clock = clock
        clock.now += 10
        progress("Steg 1")
    assert not progress.shown
    assert out.getvalue() == ""


def test_a_long_part_shows_the_bar_without_waiting_for_the_next_part() -> None:
    screen, out = console(terminal=True)
    with export_progress(screen, delay=0.05) as progress:
        progress("Steg 1: Före intervjun")
        deadline = time.monotonic() + 5
        while not progress.shown and time.monotonic() < deadline:
            time.sleep(0.01)  # one long part: only the timer can show the bar
        assert progress.shown
    assert "Exporterar: Steg 1: Före intervjun" in out.getvalue()


def test_nothing_is_drawn_when_the_terminal_facts_say_no_terminal() -> None:
    screen, out = console(terminal=True)
    clock = Clock()
    progress = ExportProgress(screen, delay=0.0, clock=clock, allowed=False)
    clock.now += 10
    progress("Steg 1")
    progress.close()
    assert not progress.shown and out.getvalue() == ""
