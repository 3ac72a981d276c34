"""Ctrl-C while a pool of processes reads a folder's headers: the command ends with the code of an
interrupt, no worker prints a traceback, and no worker outlives it.

The pool is forced (``INTERVJUFAS_PROCESSER=2``) and every read of a report is slowed by the fault
launcher (the forked workers inherit the slowed ``os.read``), so that the progress bar is on the
screen, with the workers busy, when the key is pressed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from intervjufas.folder.parallel_files import SETTING

from .feeder import spawn_terminal
from .helpers import FIXTURE_REPORTS, GOOD_FIXTURES, INJECT, UNEXPECTED, Sandbox
from .knobs import tally

COPIES = 100  # of each readable fixture: some 400 reports
SLOW_READ = "read:0.01"  # seconds before each read of a report: seconds for the whole pass


def children_of(pid: int) -> list[int]:
    """The process's own child processes (Linux's /proc)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def test_ctrl_c_stops_the_header_pool_cleanly(sandbox: Sandbox) -> None:
    sandbox.reports.mkdir(parents=True, exist_ok=True)
    for copy in range(COPIES):
        for name in GOOD_FIXTURES:
            (sandbox.reports / f"{copy:03}-{name}").write_bytes((FIXTURE_REPORTS / name).read_bytes())
    inject = [str(INJECT), "--delay", SLOW_READ, "--only", str(sandbox.reports), "--", "lista"]
    t = spawn_terminal(sys.executable, sandbox, *inject, env={SETTING: "2"})
    t.expect("Läser rapporterna", timeout=15)  # (the bar: the pool is at work)
    workers = children_of(t.child.pid)
    assert len(workers) >= 2, workers  # (the pool's workers, and perhaps its helper process)
    t.child.sendintr()
    code = t.wait_exit(timeout=15)
    tally("interrupted header pools")
    assert code == 130, t.output[-2000:]
    for marker in UNEXPECTED:
        assert marker not in t.output, t.output[-2000:]
    left = [pid for pid in workers if Path(f"/proc/{pid}").exists()]
    assert left == [], f"workers still there after the command ended: {left}"
