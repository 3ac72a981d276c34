"""`intervjufas plan` into a pipe, run again over an unchanged folder, writes what was kept of its
output (``reading/plan/plan_output.py``) without making a single item – the same text and JSON,
the same warnings, for every customer – and a change to the folder is seen at once."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from helpers import command
from intervjufas.reading.plan import plan_snapshot

plan = command("plan", columns=60)


@pytest.fixture
def settled(reports: Path) -> Path:
    hour_ago = time.time() - 3600
    for path in reports.glob("*.md"):
        os.utime(path, (hour_ago, hour_ago))
    return reports


@pytest.fixture
def no_snapshot(monkeypatch: pytest.MonkeyPatch) -> Any:
    """From now on, the snapshot of ``folder_plan`` (and so any item) must not be made."""

    def refuse() -> None:
        def failing(*args: object, **kwargs: object) -> None:
            raise AssertionError("the items were made")

        monkeypatch.setattr(plan_snapshot, "kept", failing)

    return refuse


@pytest.mark.parametrize(
    "args", [(), ("--json",), ("--kund", "Nordlager"), ("--json", "--kund", "servicebolaget")]
)
def test_a_second_run_writes_the_kept_output(settled: Path, no_snapshot: Any, args: tuple[str, ...]) -> None:
    first = plan(*args)
    assert first.exit_code == 0, first.output
    assert plan(*args)[:] == first[:]  # (kept now)
    no_snapshot()
    again = plan(*args)
    assert again[:] == first[:]
    assert "Varning: 2024-03-10-trasig.md" in again.stderr
    assert "Utveckla" in again.stdout  # (items were written)


def test_a_changed_report_is_seen(settled: Path) -> None:
    plan()
    plan()
    changed = settled / "2024-03-05-plockare-till-nordlager.md"
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("Tydligare avslut", "Ett nytt avslut"), encoding="utf-8"
    )
    result = plan()
    assert result.exit_code == 0, result.output
    assert "Ett nytt avslut" in result.stdout


def test_a_table_keeps_no_text(settled: Path) -> None:
    wide = command("plan", columns=200)
    assert wide()[:] == wide()[:]
    cache = Path(os.environ["XDG_CACHE_HOME"]) / "intervjufas"
    assert (cache / "planlaget").is_dir() and not (cache / "plantext").exists()


def test_a_wide_table_is_made_from_the_items(settled: Path) -> None:
    plan()
    plan()
    wide = command("plan", columns=200)()
    assert wide.exit_code == 0, wide.output
    assert "Senaste status" in wide.stdout.splitlines()[0]  # (the table's header)


@pytest.mark.parametrize("args", [(), ("--json",)])
def test_a_first_run_writes_what_it_keeps_as_the_items_would_be_written(
    reports: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    for path in reports.glob("*.md"):
        os.utime(path)  # (changed just now: nothing is kept, the items are written the general way)
    general = plan(*args)
    assert general.exit_code == 0, general.output
    cache = Path(os.environ["XDG_CACHE_HOME"]) / "intervjufas"
    kept = cache / ("planjson" if args else "plantext")
    assert not list(kept.glob("*.cache"))
    hour_ago = time.time() - 3600
    for path in reports.glob("*.md"):
        os.utime(path, (hour_ago, hour_ago))
    from intervjufas.views import plan as plan_view

    def refused(*_: object, **__: object) -> None:
        raise AssertionError("the items were written the general way")

    monkeypatch.setattr(plan_view, "show_plan", refused)
    monkeypatch.setattr(plan_view, "write_plan_json", refused)
    first = plan(*args)  # (computed, kept, and written from what was kept)
    assert first[:] == general[:]
    assert list(kept.glob("*.cache"))
    assert plan(*args)[:] == general[:]
