"""The cold reads of the plan's and the map history's facts in a pool of processes
(``plan_facts._pooled``, ``facts._pooled``): the same facts, the same warnings in the same order and
the same cache as when one process reads, with workers forked or started fresh, and a worker that
dies costs nothing but time."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import intervjufas.reading.plan.plan_facts as plan_facts_module
import intervjufas.reading.process_map.facts as map_facts_module
from helpers import FIXTURE_REPORTS, counting_loads
from intervjufas.folder import parallel_files
from intervjufas.folder.file_cache import FileCache
from intervjufas.reading.plan.plan_facts import encoded, plans_version, read_plans
from intervjufas.reading.process_map.facts import _encoded, facts_version, read_facts
from intervjufas.report.plan import identity
from map_samples import write_sample_reports

BROKEN = "2024-04-01-trasig.md"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The sample maps, the fixture reports (open items, follow-ups, one unreadable) and one
    more broken report, all an hour old (settled: kept)."""
    folder = write_sample_reports(tmp_path / "rapporter")
    for path in FIXTURE_REPORTS.glob("*.md"):
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / BROKEN).write_text("---\nid: [\n---\n", encoding="utf-8")
    hour_ago = os.stat(folder).st_mtime - 3600
    for path in folder.iterdir():
        os.utime(path, (hour_ago, hour_ago))
    return folder


@pytest.fixture
def pooled(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of processes each read was given (the pool is asked for two)."""
    asked: list[int] = []
    real = parallel_files.map_chunks

    def spy(work: Callable[[list[Any]], list[Any]], items: list[Any], **options: Any) -> list[Any]:
        asked.append(options.get("processes") or 0)
        return real(work, items, **options)

    monkeypatch.setattr(plan_facts_module, "map_chunks", spy)
    monkeypatch.setattr(map_facts_module, "map_chunks", spy)
    return asked


def plans(folder: Path, follow_ups_of: set[str] | None = None) -> tuple[list[Any], list[str]]:
    FileCache(plan_facts_module.NAMESPACE, folder, plans_version()).path.unlink(missing_ok=True)
    warnings: list[str] = []
    found = read_plans(sorted(folder.glob("*.md")), folder, warnings, follow_ups_of=follow_ups_of)
    return [(path, plan, encoded(plan)) for path, plan in found.items()], warnings


def facts(folder: Path, told: list[tuple[int, int]] | None = None) -> tuple[list[Any], list[str]]:
    FileCache(map_facts_module.NAMESPACE, folder, facts_version()).path.unlink(missing_ok=True)
    warnings: list[str] = []
    loading = None if told is None else (lambda done, total: told.append((done, total)))
    found = read_facts(sorted(folder.glob("*.md")), folder, warnings, loading=loading)
    return [(f, _encoded(f)) for f in found], warnings


def in_one_process(monkeypatch: pytest.MonkeyPatch, read: Callable[[], Any]) -> Any:
    monkeypatch.setenv(parallel_files.SETTING, "1")
    found = read()
    monkeypatch.setenv(parallel_files.SETTING, "2")
    return found


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_pooled_plans_are_the_ones_read_here(
    folder: Path, monkeypatch: pytest.MonkeyPatch, pooled: list[int], method: str
) -> None:
    monkeypatch.setattr(parallel_files, "_start_method", lambda: method)
    alone = in_one_process(monkeypatch, lambda: plans(folder))
    assert alone[0] and len(alone[1]) == 2 and BROKEN in alone[1][1]
    followed = {identity(f.key) for _, plan, _ in alone[0] for f in plan.follow_ups}  # (for them only)
    assert followed
    alone_followed = in_one_process(monkeypatch, lambda: plans(folder, followed))
    assert pooled == []
    assert plans(folder) == alone
    assert plans(folder, followed) == alone_followed
    assert pooled == [2, 2]


def test_what_the_pool_read_is_kept(folder: Path, monkeypatch: pytest.MonkeyPatch, pooled: list[int]) -> None:
    monkeypatch.setenv(parallel_files.SETTING, "2")
    first = plans(folder)
    monkeypatch.setenv(parallel_files.SETTING, "1")  # (so that what is read is seen here)
    loaded = counting_loads(monkeypatch, plan_facts_module)
    warnings: list[str] = []
    again = read_plans(sorted(folder.glob("*.md")), folder, warnings)
    assert [(path, plan, encoded(plan)) for path, plan in again.items()] == first[0]
    assert len(loaded) == len(first[1]) and BROKEN in loaded  # (only the unreadable ones again)
    assert warnings == first[1]


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_the_workers_themselves_read_the_reports(folder: Path, method: str) -> None:
    """What a pool of either kind sends back is every chunk's (not what this process did after a
    pool that could not work)."""
    paths = [str(path) for path in sorted(folder.glob("*.md"))]
    for work, items in [
        (plan_facts_module.read_encoded, [(path, True) for path in paths]),
        (map_facts_module.read_encoded, paths),
    ]:
        chunks = [items[:3], items[3:]]
        done = parallel_files._pooled(work, chunks, 2, method, None, len(items))  # type: ignore[arg-type]
        assert done == [work(chunk) for chunk in chunks]  # type: ignore[operator]


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_pooled_map_facts_are_the_ones_read_here(
    folder: Path, monkeypatch: pytest.MonkeyPatch, pooled: list[int], method: str
) -> None:
    monkeypatch.setattr(parallel_files, "_start_method", lambda: method)
    alone = in_one_process(monkeypatch, lambda: facts(folder))
    assert alone[0] and len(alone[1]) == 2 and BROKEN in alone[1][1]
    told: list[tuple[int, int]] = []
    assert facts(folder, told) == alone
    total = len(list(folder.glob("*.md")))
    assert pooled == [2] and told[-1] == (total, total)
    assert facts(folder) == alone  # (read back from what the pool read)


def dies_in_a_worker(real: Callable[..., Any]) -> Callable[..., Any]:
    def load(*args: Any, **options: Any) -> Any:
        if multiprocessing.parent_process() is not None:
            os._exit(3)
        return real(*args, **options)

    return load


def test_a_worker_that_dies_costs_only_time(folder: Path, monkeypatch: pytest.MonkeyPatch, pooled: list[int]) -> None:
    monkeypatch.setattr(parallel_files, "_start_method", lambda: "fork")
    alone_plans = in_one_process(monkeypatch, lambda: plans(folder))
    alone_facts = in_one_process(monkeypatch, lambda: facts(folder))
    monkeypatch.setattr(plan_facts_module, "load_report", dies_in_a_worker(plan_facts_module.load_report))
    monkeypatch.setattr(map_facts_module, "load_report", dies_in_a_worker(map_facts_module.load_report))
    assert plans(folder) == alone_plans
    assert facts(folder) == alone_facts
    assert pooled == [2, 2]
