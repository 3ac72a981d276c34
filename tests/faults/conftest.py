"""Fixtures of the fault-injection suite: one seed for every random choice, a sandbox of folders
per test, and a tally of the kill points, races and hostile files tried.

The seed comes from ``FAULT_SEED`` or is drawn and printed (in the header when ``tests/faults`` is
run on its own, and always in the summary at the end), and every random test names it in its
failure message, so any failure can be replayed.  ``FAULT_ROUNDS`` (default 1) multiplies the
number of random runs, for hunting locally.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from .helpers import Sandbox
from .knobs import ROUNDS, SEED, TALLY, seed_line


def pytest_report_header(config: pytest.Config) -> list[str]:
    return [seed_line()]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not TALLY:
        return
    tried = ", ".join(f"{name}: {count}" for name, count in sorted(TALLY.items()))
    terminalreporter.write_sep("-", "fault injection")
    terminalreporter.write_line(f"{seed_line()} (replay with these)")
    terminalreporter.write_line(f"tried: {tried}")


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Sandbox:
    """Folders of this test only; in-process code sees them too."""
    box = Sandbox(tmp_path)
    for key, value in box.env().items():
        if key.startswith(("INTERVJUFAS_", "XDG_")) or key == "HOME":
            monkeypatch.setenv(key, value)
    return box


@pytest.fixture
def rng(request: pytest.FixtureRequest) -> random.Random:
    """A random source of this test, derived from the suite's seed and the test's name."""
    return random.Random(f"{SEED}:{request.node.nodeid}")


@pytest.fixture
def replay(request: pytest.FixtureRequest) -> str:
    """What to put in a failure message so the failing case can be run again."""
    return f"[replay: FAULT_SEED={SEED} FAULT_ROUNDS={ROUNDS} pytest '{request.node.nodeid}']"
