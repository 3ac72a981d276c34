"""Work over files in chunks: the same results in the same order with or without a pool (forked or
started fresh), progress as chunks come back, a broken pool finished in this process, and the
number of processes chosen from the size of the work, the cores and the load."""

from __future__ import annotations

import multiprocessing
import os
import select
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from helpers import FIXTURE_REPORTS
from intervjufas.folder import parallel_files
from intervjufas.folder.header_row import row_digest
from intervjufas.folder.parallel_files import POOL_FROM, SETTING, map_chunks, pool_size
from intervjufas.folder.scan import read_digested_rows, read_rows


@pytest.fixture(autouse=True)
def no_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SETTING, raising=False)


def squares(chunk: list[int]) -> list[int]:
    return [number * number for number in chunk]


def dies_in_a_worker(chunk: list[int]) -> list[int]:
    """Kills the worker it runs in (for a chunk holding 7); fine in the main process."""
    if 7 in chunk and multiprocessing.parent_process() is not None:
        os._exit(3)
    return squares(chunk)


def fails_in_a_worker(chunk: list[int]) -> list[int]:
    if multiprocessing.parent_process() is not None:
        raise RuntimeError("a worker's own problem")
    return squares(chunk)


def rows_and_readers(paths: list[str]) -> list[tuple[object, int]]:
    return [(row, os.getpid()) for row in read_rows(paths)]


def watched(calls: list[tuple[int, int]]) -> parallel_files.Progress:
    return lambda done, total: calls.append((done, total))


def assert_progress(calls: list[tuple[int, int]], total: int) -> None:
    done = [d for d, _ in calls]
    assert done == sorted(done) and done[-1] == total and {t for _, t in calls} == {total}
    assert len(calls) > 1  # (it moved on the way, not only at the end)


FIRST_SHOWN = multiprocessing.get_context("fork").Event()
"""Set once the first progress is shown: the chunks after the first wait for it (forked workers
share it), so progress must move on the way however the machine schedules the workers."""


def squares_after_the_first(chunk: list[int]) -> list[int]:
    if chunk[0] != 0:
        FIRST_SHOWN.wait(timeout=60)  # (a bound, not a pace: without a progress it fails, not hangs)
    return squares(chunk)


@pytest.mark.parametrize("processes", [1, 2, 3])
def test_results_come_in_the_items_order(processes: int) -> None:
    items = list(range(2_003))
    calls: list[tuple[int, int]] = []
    FIRST_SHOWN.clear()

    def shown(done: int, total: int) -> None:
        calls.append((done, total))
        FIRST_SHOWN.set()

    found = map_chunks(squares_after_the_first, items, progress=shown, processes=processes, start_method="fork")
    assert found == squares(items)
    assert_progress(calls, len(items))


def readers(chunk: list[int]) -> list[int]:
    return [os.getpid() for _ in chunk]


def test_only_the_main_thread_starts_a_pool() -> None:
    found: list[int] = []
    reader = threading.Thread(target=lambda: found.extend(map_chunks(readers, list(range(1_500)), processes=2)))
    reader.start()
    reader.join()
    assert set(found) == {os.getpid()}
    assert set(map_chunks(readers, list(range(1_500)), processes=2, start_method="fork")) != {os.getpid()}


def test_no_items() -> None:
    assert map_chunks(squares, [], processes=2) == []


GOOD_FIXTURES = [path for path in FIXTURE_REPORTS.glob("*.md") if "trasig" not in path.name]


@pytest.fixture
def many_reports(tmp_path: Path) -> list[str]:
    """The fixture reports (one of them broken) many times over, and a folder named like a report."""
    folder = tmp_path / "rapporter"
    folder.mkdir()
    for copy in range(12):
        for path in sorted(FIXTURE_REPORTS.glob("*.md")):
            shutil.copy(path, folder / f"{copy:02}-{path.name}")
    (folder / "mapp.md").mkdir()
    return sorted(str(path) for path in folder.iterdir())


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_header_rows_read_in_a_pool_are_the_rows_read_here(many_reports: list[str], method: str) -> None:
    here = read_rows(many_reports)
    assert sum(type(row) is str for row in here) == 13  # (the broken copies and the folder: their problems)
    pooled = map_chunks(rows_and_readers, many_reports, processes=2, start_method=method)
    assert [row for row, _ in pooled] == here
    readers = {reader for _, reader in pooled}
    assert readers and os.getpid() not in readers  # (read by the workers)


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_digests_made_in_a_pool_are_those_of_the_rows_as_received(many_reports: list[str], method: str) -> None:
    pooled = map_chunks(read_digested_rows, many_reports, processes=2, start_method=method)
    rows = [row for row in pooled if not isinstance(row, str)]
    assert len(rows) == len(many_reports) - 13
    assert all(digest is not None and digest == row_digest(row) for row, digest in rows)
    assert len({digest for _, digest in rows}) == len(GOOD_FIXTURES)  # (12 copies of each)
    assert [row if isinstance(row, str) else row[0] for row in pooled] == read_rows(many_reports)


def test_a_worker_that_dies_leaves_its_work_to_this_process() -> None:
    items = list(range(1_200))
    calls: list[tuple[int, int]] = []
    found = map_chunks(dies_in_a_worker, items, progress=watched(calls), processes=2, start_method="fork")
    assert found == squares(items)
    assert calls[-1] == (len(items), len(items))
    assert multiprocessing.active_children() == []


def test_a_worker_error_is_done_again_here() -> None:
    items = list(range(1_200))
    assert map_chunks(fails_in_a_worker, items, processes=2, start_method="fork") == squares(items)


def test_a_pool_that_cannot_start_is_no_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_processes(method: str) -> None:
        raise OSError(38, "no processes here")

    monkeypatch.setattr(multiprocessing, "get_context", no_processes)
    assert map_chunks(squares, list(range(1_500)), processes=2) == squares(list(range(1_500)))


# -- how many processes ---------------------------------------------------------------------------


def machine(monkeypatch: pytest.MonkeyPatch, cores: int, load: float | None) -> None:
    monkeypatch.setattr(parallel_files, "_cores", lambda: cores)
    if load is None:

        def no_load() -> tuple[float, float, float]:
            raise OSError("no load average")

        monkeypatch.setattr(os, "getloadavg", no_load)
    else:
        monkeypatch.setattr(os, "getloadavg", lambda: (load, load, load))


@pytest.mark.parametrize(
    ("cores", "load", "expected"),
    [
        (2, 0.2, 2),  # a quiet laptop: both cores
        (2, 1.2, 2),  # half a core free and more: worth a second process
        (2, 1.6, 1),  # busy: one process
        (2, 3.0, 1),
        (1, 0.0, 1),  # one core: never a pool
        (4, 0.5, 4),
        (4, 2.2, 3),
        (16, 0.0, 8),  # no more than MAX_PROCESSES
        (2, None, 2),  # no load average: the cores
    ],
)
def test_processes_follow_the_cores_and_the_load(
    monkeypatch: pytest.MonkeyPatch, cores: int, load: float | None, expected: int
) -> None:
    machine(monkeypatch, cores, load)
    assert pool_size(POOL_FROM) == expected
    assert pool_size(POOL_FROM - 1) == 1  # (too little work to pay for a pool)


@pytest.mark.parametrize(("setting", "expected"), [("1", 1), ("3", 3), ("0", 2), ("", 2), ("två", 2)])
def test_the_setting_chooses_the_processes(
    monkeypatch: pytest.MonkeyPatch, setting: str, expected: int
) -> None:
    machine(monkeypatch, 2, 0.0)
    monkeypatch.setenv(SETTING, setting)
    assert pool_size(5_000) == expected
    assert pool_size(1) == 1


# -- Ctrl-C ---------------------------------------------------------------------------------------

INTERRUPTED = """
import os, sys, time
from intervjufas.folder.parallel_files import map_chunks

def work(chunk):
    while 0 in chunk and not os.path.exists(sys.argv[1]):  # (the first chunk waits for the test)
        time.sleep(0.01)
    return chunk

def progress(done, total):
    if done == total - 3:  # (all but the waiting chunk: one worker busy, the other idle)
        print("ready", flush=True)

if __name__ == "__main__":
    try:
        map_chunks(work, list(range(20)), progress=progress, processes=2, start_method=sys.argv[2])
    except KeyboardInterrupt:
        import multiprocessing
        print("stopped", len(multiprocessing.active_children()), flush=True)
        sys.exit(130)
"""


def _ctrl_c_as_in_a_terminal() -> None:
    """Ctrl-C as a terminal's foreground job has it (a test run started in the background ignores
    SIGINT, and the child would inherit that)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_ctrl_c_reaches_only_the_main_process(tmp_path: Path, method: str) -> None:
    """Ctrl-C goes to every process of the terminal's group: a busy and an idle worker print
    nothing, and the main process stops once the worker in hand has finished its chunk."""
    script, go_on = tmp_path / "interrupted.py", tmp_path / "go-on"
    script.write_text(INTERRUPTED, encoding="utf-8")
    child = subprocess.Popen(
        [sys.executable, str(script), str(go_on), method],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # (its own group, as a terminal's foreground job)
        preexec_fn=_ctrl_c_as_in_a_terminal,
    )
    try:
        assert child.stdout is not None and select.select([child.stdout], [], [], 60)[0], "never ready"
        assert child.stdout.readline() == "ready\n"
        os.killpg(child.pid, signal.SIGINT)
        go_on.touch()
        out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
    assert (child.returncode, out, err) == (130, "stopped 0\n", "")


def test_a_folder_read_in_a_pool_gives_the_same_headers_and_warnings(
    many_reports: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from intervjufas.folder import scan

    folder = Path(many_reports[0]).parent
    found = {}
    for processes in ("1", "2"):
        monkeypatch.setenv(SETTING, processes)
        scan.forget_scan()
        headers, warnings = scan.read_headers(folder, cache=False)
        found[processes] = ([(path, header.row) for path, header in headers], warnings)
    assert found["2"] == found["1"]
    assert len(found["2"][1]) == 13 and all(": " in warning for warning in found["2"][1])
