"""In a real pseudo-terminal: a session is stoppable from its first prompt.  SIGTERM or SIGHUP at
the menu that picks the report to continue (``--fortsatt`` by words that match several reports)
ends the program as at any other prompt – one line, exit 128 + the signal – and writes nothing."""

from __future__ import annotations

import shutil
import signal
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import FIXTURE_REPORTS

from .conftest import Terminal

Run = Callable[..., Terminal]


@pytest.mark.e2e
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=lambda s: signal.Signals(s).name)
def test_a_signal_at_the_menu_of_reports_ends_as_at_any_prompt(
    run: Run, reports_dir: Path, signum: int
) -> None:
    shutil.copytree(FIXTURE_REPORTS, reports_dir)
    before = {path.name: path.read_bytes() for path in reports_dir.iterdir()}
    t = run("kartlagg", "--fortsatt", "nordlager")
    t.expect("Vilken rapport menar du?")
    t.ready()  # (the menu reads keys)
    t.child.kill(signum)
    t.expect("Avbrutet.")
    assert t.wait_exit() == 128 + signum
    assert {path.name: path.read_bytes() for path in reports_dir.iterdir()} == before
