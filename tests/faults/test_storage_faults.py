"""Storage faults: when a save fails – a full disk, a read-only or deleted folder, the report
replaced by a directory – the command exits 1 with one ``Fel:`` line naming a recovery file under
``$XDG_DATA_HOME/intervjufas/aterstallning/``.  That file is a whole report holding every answer of
the session, the one whose save failed included; the report on disk is still its previous version;
and ``--fortsatt <recovery file> --enkel`` finishes the session in the reports folder.

Faults of ``os`` calls come from the launcher ``inject.py``, armed by a file the test creates just
before the answer whose save must fail (or counted, as ``replace:ENOSPC:3+``).  The deleted folder
and the directory are made by the test itself, and a real full disk is a 64 KiB tmpfs when this
machine lets the tests mount one.
"""

from __future__ import annotations

import errno
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from intervjufas.errors import ReportFormatError
from intervjufas.questionsets.catalog import builtin_set

from .feeder import Feeder, PipedSession, Scripted, answer_script, lines_of, piped
from .helpers import INJECT, Finished, Sandbox, assert_no_crash, debris, parse_report, real_reports, run
from .knobs import tally

SET_ID = "kartlaggning"


def state(path: Path | None) -> tuple[object, ...]:
    """What is at a report's path: a file and its bytes, a directory and its entries, or nothing."""
    if path is None or not path.exists():
        return ("absent",)
    if path.is_dir():
        return ("directory", tuple(sorted(p.name for p in path.iterdir())))
    return ("file", path.read_bytes())


@dataclass
class FaultRun:
    script: list[Scripted]
    acknowledged: list[Scripted]
    failing: Scripted
    result: Finished
    report: Path | None  # the report's path when the failing answer was typed
    before: tuple[object, ...]  # what was at that path then


def run_with_fault(
    program: str,
    sandbox: Sandbox,
    rng: random.Random,
    *,
    inject: list[str] | None,
    strike_before: int,
    strike: Callable[[Path | None], None],
) -> FaultRun:
    """Answer slowly; call ``strike`` before answer ``strike_before``; go on until the program ends."""
    script = answer_script(builtin_set(SET_ID), rng, "Lagerarbetare till Nordlager")
    args = ["kartlagg", "--enkel", "--utan-uppfoljning"]
    argv = [program, *args] if inject is None else [sys.executable, str(INJECT), *inject, "--", *args]
    session = PipedSession(argv, sandbox)
    try:
        feeder = Feeder(session)
        assert feeder.start(), session.text()
        for index, scripted in enumerate(script):
            report = next(iter(real_reports(sandbox.reports)), None)
            if index == strike_before:
                strike(report)
            before = state(report)
            if not feeder.answer(scripted):
                result = session.finish(timeout=10)
                if result.code == 0 and index == len(script) - 1:
                    break
                return FaultRun(script, feeder.acknowledged, scripted, result, report, before)
        result = session.finish(timeout=10)
    finally:
        session.kill()
    raise AssertionError(f"no save failed: the whole session was saved\n{result.describe()}")


def recovery_file(sandbox: Sandbox, result: Finished, where: str) -> Path:
    failures = [line for line in result.err_lines() if line.startswith("Fel:")]
    assert len(failures) == 1, f"expected exactly one 'Fel:' line\n{where}"
    match = re.search(re.escape(str(sandbox.recovery)) + r"/[^\s'\"]+?\.md", failures[0])
    assert match is not None, f"the 'Fel:' line names no recovery file under {sandbox.recovery}\n{where}"
    path = Path(match.group(0))
    assert path.is_file(), f"the recovery file {path} does not exist\n{where}"
    return path


def check_recovery(program: str, sandbox: Sandbox, fault: FaultRun, context: str) -> None:
    """Contract 5, from the failed save to the finished report."""
    result = fault.result
    where = f"{context}\nthe save of {fault.failing.id!r} failed\n{result.describe()}"
    assert result.code == 1, f"a failed save must end with exit 1\n{where}"
    assert_no_crash(result, where)
    recovery = recovery_file(sandbox, result, where)
    kept = parse_report(recovery, SET_ID).answers
    for scripted in [*fault.acknowledged, fault.failing]:
        assert kept.get(scripted.id) == scripted.expected, (
            f"the recovery file lacks {scripted.id!r}: {kept.get(scripted.id)!r}\n{where}"
        )
    assert state(fault.report) == fault.before, (
        f"the report on disk changed although its save failed\n{where}"
    )
    assert not debris(sandbox.reports), f"debris: {debris(sandbox.reports)}\n{where}"

    rest = fault.script[len(fault.acknowledged) + 1 :]
    resumed = run(
        program, sandbox, "kartlagg", "--fortsatt", str(recovery), "--enkel", input=piped(lines_of(rest))
    )
    where = f"{where}\n--- resumed from the recovery file ---\n{resumed.describe()}"
    assert resumed.code == 0, where
    assert_no_crash(resumed, where)
    finished = [p for p in real_reports(sandbox.reports) if _has_all(p, fault.script)]
    assert finished, f"no report in {sandbox.reports} holds every answer\n{where}"
    assert not debris(sandbox.reports), f"debris: {debris(sandbox.reports)}\n{where}"
    tally("storage faults")


def _has_all(path: Path, script: list[Scripted]) -> bool:
    try:
        answers = parse_report(path, SET_ID).answers
    except (ReportFormatError, OSError, UnicodeDecodeError):
        return False
    return all(answers.get(s.id) == s.expected for s in script)


def fired(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


INJECTED = [
    ("replace", "ENOSPC"),
    ("write", "ENOSPC"),
    ("fsync", "ENOSPC"),
    ("fsync", "EIO"),
    ("open", "EROFS"),
    ("open", "EACCES"),
]


@pytest.mark.parametrize(("function", "error"), INJECTED, ids=[f"{f}-{e}" for f, e in INJECTED])
def test_a_failing_save_keeps_every_answer_in_a_recovery_file_and_leaves_the_report_as_it_was(
    program: str, tmp_path: Path, rng: random.Random, replay: str, function: str, error: str
) -> None:
    sandbox = Sandbox(tmp_path / "fault")
    arm, log = sandbox.root / "arm", sandbox.root / "injected.log"
    inject = [
        "--fail",
        f"{function}:{error}:armed",
        "--arm",
        str(arm),
        "--only",
        str(sandbox.reports),
        "--log",
        str(log),
    ]
    strike_before = rng.randrange(1, 6)
    fault = run_with_fault(
        program, sandbox, rng, inject=inject, strike_before=strike_before, strike=lambda _report: arm.touch()
    )
    arm.unlink()
    context = f"{replay} os.{function} fails with {error} from answer {strike_before}"
    assert fired(log), f"the injected fault never fired: is os.{function} still used for saving?\n{context}"
    check_recovery(program, sandbox, fault, context)


def test_a_disk_that_fills_up_at_the_third_rename_keeps_every_answer(
    program: str, tmp_path: Path, rng: random.Random, replay: str
) -> None:
    sandbox = Sandbox(tmp_path / "third")
    log = sandbox.root / "injected.log"
    inject = ["--fail", "replace:ENOSPC:3+", "--only", str(sandbox.reports), "--log", str(log)]
    fault = run_with_fault(
        program, sandbox, rng, inject=inject, strike_before=-1, strike=lambda _report: None
    )
    assert fired(log), replay
    check_recovery(program, sandbox, fault, f"{replay} os.replace fails with ENOSPC from its third call")


def test_a_reports_folder_that_cannot_be_created_keeps_the_first_answer(
    program: str, tmp_path: Path, rng: random.Random, replay: str
) -> None:
    sandbox = Sandbox(tmp_path / "nofolder")
    log = sandbox.root / "injected.log"
    inject = [
        "--fail",
        f"mkdir:{errno.errorcode[errno.EACCES]}:1+",
        "--only",
        str(sandbox.reports),
        "--log",
        str(log),
    ]
    fault = run_with_fault(
        program, sandbox, rng, inject=inject, strike_before=-1, strike=lambda _report: None
    )
    assert fault.failing.id == "uppdrag", f"{replay}\n{fault.result.describe()}"
    check_recovery(program, sandbox, fault, f"{replay} os.mkdir fails with EACCES")


def test_a_reports_folder_deleted_mid_session_keeps_every_answer(
    program: str, tmp_path: Path, rng: random.Random, replay: str
) -> None:
    sandbox = Sandbox(tmp_path / "deleted")
    fault = run_with_fault(
        program,
        sandbox,
        rng,
        inject=None,
        strike_before=3,
        strike=lambda _report: shutil.rmtree(sandbox.reports),
    )
    check_recovery(program, sandbox, fault, f"{replay} the reports folder was deleted after 3 answers")


def test_a_report_replaced_by_a_directory_mid_session_keeps_every_answer(
    program: str, tmp_path: Path, rng: random.Random, replay: str
) -> None:
    sandbox = Sandbox(tmp_path / "directory")

    def replace_by_directory(report: Path | None) -> None:
        assert report is not None
        report.unlink()
        report.mkdir()

    fault = run_with_fault(program, sandbox, rng, inject=None, strike_before=3, strike=replace_by_directory)
    check_recovery(program, sandbox, fault, f"{replay} the report became a directory after 3 answers")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs as the reports folder (skipped where mounting needs privileges we lack)."""
    mount_point = tmp_path / "tmpfs" / "rapporter"
    mount_point.mkdir(parents=True)
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if made.returncode != 0:
        pytest.skip(
            f"cannot mount a tmpfs here (needs privileges): {made.stderr.decode(errors='replace').strip()}"
        )
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True, check=False)


def fill(folder: Path) -> Path:
    """Write a file until the disk is full."""
    filler = folder / "fyllnad.bin"
    with filler.open("wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 1024)
        except OSError as error:
            assert error.errno == errno.ENOSPC, error
    return filler


def test_a_real_full_disk_keeps_every_answer(
    program: str, small_disk: Path, rng: random.Random, replay: str
) -> None:
    sandbox = Sandbox(small_disk.parent)
    assert sandbox.reports == small_disk
    filler: list[Path] = []
    fault = run_with_fault(
        program,
        sandbox,
        rng,
        inject=None,
        strike_before=3,
        strike=lambda _report: filler.append(fill(small_disk)),
    )
    filler[0].unlink()  # room again for the resumed session
    check_recovery(program, sandbox, fault, f"{replay} the disk filled up after 3 answers")
