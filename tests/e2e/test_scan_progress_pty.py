"""Reading a big folder for the first time in a real terminal: a bar counts the reports read and is
gone when the list comes; with the index warm, or on a dumb terminal, no bar."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import FIXTURE_REPORTS

from .conftest import Terminal

Run = Callable[..., Terminal]
BAR = "Läser rapporterna"
COPIES = 1000


def big_folder(folder: Path) -> None:
    """Reports with long headers (many follow-ups, each with a comment as if written by hand, so
    that the safe YAML reader rather than the fast one reads them), so that reading them all takes
    seconds."""
    source = (FIXTURE_REPORTS / "2024-02-20-truckforare-till-nordlager.md").read_text(encoding="utf-8")
    follow_ups = "".join(f"  x{number:05d}/fore_lagga_till_vad/1: Delvis  # för hand\n" for number in range(400))
    text = source.replace("uppfoljning:\n", "uppfoljning:\n" + follow_ups, 1)
    folder.mkdir(parents=True, exist_ok=True)
    past = time.time() - 3600
    for number in range(COPIES):
        path = folder / f"2024-{number:05d}.md"
        path.write_text(text.replace("id: b2c3d4e5f6a1", f"id: b{number:011d}", 1), encoding="utf-8")
        os.utime(path, (past, past))


@pytest.mark.e2e
def test_a_first_slow_scan_shows_a_bar_that_goes_away(run: Run, reports_dir: Path) -> None:
    big_folder(reports_dir)
    t = run("lista")
    t.expect(BAR)
    t.expect(f"{COPIES} rapporter i")
    assert t.wait_exit() == 0
    listed = t.output[t.output.rindex(BAR) :]
    assert "2024-00000.md" in listed  # the list came after the bar
    warm = run("lista")
    warm.expect(f"{COPIES} rapporter i")
    assert warm.wait_exit() == 0
    assert BAR not in warm.output


@pytest.mark.e2e
def test_no_bar_on_a_dumb_terminal(run: Run, reports_dir: Path) -> None:
    big_folder(reports_dir)
    t = run("lista", TERM="dumb")
    t.expect(f"{COPIES} rapporter i")
    assert t.wait_exit() == 0
    assert BAR not in t.output  # (pipes and --json: see tests/unit/views/test_scan_progress.py)
