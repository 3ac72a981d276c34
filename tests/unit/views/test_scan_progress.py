"""Progress of reading a folder: nothing while reading is quick, a transient bar once it is slow,
and nothing at all where drawing is not allowed (a pipe, --json, TERM=dumb) or on no terminal."""

from __future__ import annotations

from io import StringIO

import pytest
from rich.console import Console

from intervjufas.terminal import TerminalFacts
from intervjufas.views.progress import ScanProgress, scan_progress


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def console(terminal: bool, **options: object) -> tuple[Console, StringIO]:
    out = StringIO()
    return Console(file=out, force_terminal=terminal, width=80, **options), out  # type: ignore[arg-type]


def read_all(progress: ScanProgress, clock: Clock, total: int, step: float) -> None:
    for done in range(1, total + 1):
        clock.now += step
        progress(done, total)


def test_a_quick_scan_draws_nothing() -> None:
    screen, out = console(terminal=True)
    clock = Clock()
    progress = ScanProgress(screen, delay=1.0, clock=clock)
    read_all(progress, clock, 500, 0.001)
    progress.close()
    assert not progress.shown and out.getvalue() == ""


def test_a_slow_scan_shows_a_bar_that_goes_away() -> None:
    screen, out = console(terminal=True, color_system=None)
    clock = Clock()
    progress = ScanProgress(screen, delay=1.0, clock=clock)
    for done in range(1, 400):
        clock.now += 0.005
        progress(done, 1000)
    assert progress.shown
    task = progress.bar.tasks[0]
    assert task.total == 1000 and 0 < task.completed < 400
    assert task.description == "Läser rapporterna"
    read_all(progress, clock, 1000, 0.005)
    assert not progress.bar.live.is_started  # taken away when the last header is read
    assert "Läser rapporterna" in out.getvalue()


def test_the_clock_starts_with_the_command_not_the_first_read() -> None:
    screen, _ = console(terminal=True)
    clock = Clock()
    progress = ScanProgress(screen, delay=1.0, clock=clock)
    clock.now += 1.5  # (loading the index and listing the folder took a while)
    progress(1, 100)
    assert progress.shown
    progress.close()


def test_nothing_is_drawn_when_not_allowed_or_not_on_a_terminal() -> None:
    for terminal, allowed in ((True, False), (False, True)):
        screen, out = console(terminal=terminal)
        clock = Clock()
        with scan_progress(screen, allowed=allowed, delay=0.0) as progress:
            read_all(progress, clock, 50, 1.0)
            assert not progress.shown
        assert out.getvalue() == ""


def test_no_colour_gives_a_plain_bar() -> None:
    screen, out = console(terminal=True, no_color=True)
    with scan_progress(screen, allowed=True, delay=0.0) as progress:
        progress(1, 10)
        progress.bar.refresh()
    assert "Läser rapporterna" in out.getvalue()
    assert "\x1b[3" not in out.getvalue() and "\x1b[9" not in out.getvalue()  # no colours


@pytest.mark.parametrize(
    ("facts", "json_output", "allowed"),
    [
        (TerminalFacts(stdout_is_terminal=True, stderr_is_terminal=True, term="xterm"), False, True),
        (TerminalFacts(stdout_is_terminal=True, stderr_is_terminal=True, term="xterm"), True, False),
        (TerminalFacts(stdout_is_terminal=False, stderr_is_terminal=True, term="xterm"), False, False),
        (TerminalFacts(stdout_is_terminal=True, stderr_is_terminal=False, term="xterm"), False, False),
        (TerminalFacts(stdout_is_terminal=True, stderr_is_terminal=True, term="dumb"), False, False),
    ],
)
def test_the_command_line_allows_a_bar_only_on_a_terminal(
    facts: TerminalFacts, json_output: bool, allowed: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from intervjufas.views import progress as progress_module

    seen: list[bool] = []
    original = progress_module.scan_progress

    def recording(screen: Console, *, allowed: bool, delay: float = 1.0) -> object:
        seen.append(allowed)
        return original(screen, allowed=allowed, delay=delay)

    monkeypatch.setattr(progress_module, "scan_progress", recording)
    with progress_module.scan_progress_for(facts, json_output):
        pass
    assert seen == [allowed]
