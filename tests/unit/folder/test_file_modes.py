"""Files only for their owner: new reports, conflict copies, recovery files and lock files are 0600,
new folders (and every folder made above them) 0700, whatever the umask; a report that exists
keeps the mode it has, and in a folder its group may write to (a team's) new files are 0660. Creation
modes apply to root too."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from intervjufas.files.atomic import atomic_write, create_new, ensure_dir
from intervjufas.files.locking import ReportLock
from intervjufas.folder.recovery import recovery_dir, write_recovery
from intervjufas.folder.report_file import ReportFile
from intervjufas.model.answers import Answer
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.report.model import Report

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(params=[0o022, 0o002, 0o000], ids=["umask-022", "umask-002", "umask-000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    previous = os.umask(request.param)
    yield request.param
    os.umask(previous)


def saved_report(folder: Path, questionnaire: Questionnaire) -> tuple[ReportFile, Report]:
    handle = ReportFile(folder, questionnaire)
    report = Report.new(questionnaire)
    report.answers["uppdrag"] = Answer("Lager")
    return handle, handle.save(report, ["uppdrag"])


def test_a_new_report_and_its_new_folders_are_private(
    umask: int, tmp_path: Path, kartlaggning: Questionnaire
) -> None:
    folder = tmp_path / "Dokument" / "intervjufas"
    handle, _ = saved_report(folder, kartlaggning)
    try:
        assert handle.path is not None
        assert mode(handle.path) == 0o600
        assert mode(folder) == 0o700
        assert mode(folder.parent) == 0o700  # made by the program too
    finally:
        handle.close()


def test_an_existing_report_keeps_its_mode_through_saves(
    umask: int, tmp_path: Path, kartlaggning: Questionnaire
) -> None:
    handle, report = saved_report(tmp_path / "team", kartlaggning)
    try:
        assert handle.path is not None
        os.chmod(handle.path, 0o660)  # shared with a group on purpose
        report.answers["kund"] = Answer("Nordlager AB")
        handle.save(report, ["kund"])
        assert mode(handle.path) == 0o660
    finally:
        handle.close()


def test_an_existing_folder_keeps_its_mode(tmp_path: Path, kartlaggning: Questionnaire) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    os.chmod(folder, 0o770)
    handle, _ = saved_report(folder, kartlaggning)
    handle.close()
    assert mode(folder) == 0o770
    assert handle.path is not None and mode(handle.path) == 0o660  # the group's folder: for the group


def test_any_new_file_written_whole_is_private(umask: int, tmp_path: Path) -> None:
    created = create_new(tmp_path / "ny", "x", "text")
    assert mode(created) == 0o600
    plain = tmp_path / "export.md"
    atomic_write(plain, "text")
    assert mode(plain) == 0o600


def test_recovery_files_and_their_folders_are_private(
    umask: int, kartlaggning: Questionnaire, tmp_path: Path
) -> None:
    report = Report.new(kartlaggning)
    report.answers["uppdrag"] = Answer("Lager")
    path = write_recovery(report, kartlaggning, None, tmp_path)
    assert path.parent == recovery_dir()
    assert mode(path) == 0o600
    assert mode(recovery_dir()) == 0o700
    assert mode(recovery_dir().parent) == 0o700


def test_lock_files_are_private(umask: int, tmp_path: Path) -> None:
    report = tmp_path / "x.md"
    report.write_text("x", encoding="utf-8")
    lock = ReportLock(report)
    assert lock.try_acquire()
    try:
        assert mode(lock.path) == 0o600
    finally:
        lock.release()


def test_ensure_dir_makes_every_missing_level_private(umask: int, tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b" / "c"
    ensure_dir(deep)
    assert [mode(tmp_path / "a"), mode(tmp_path / "a" / "b"), mode(deep)] == [0o700] * 3
    ensure_dir(deep)  # already there: nothing changes
    os.chmod(deep, 0o750)
    ensure_dir(deep)
    assert mode(deep) == 0o750


def test_in_a_folder_its_group_may_write_to_new_files_and_locks_are_for_the_group_too(
    umask: int, tmp_path: Path, kartlaggning: Questionnaire
) -> None:
    """A team's folder, shared on purpose (``chmod g+ws``): colleagues read, continue and lock
    each other's reports; everywhere else a report stays its author's."""
    folder = tmp_path / "team"
    folder.mkdir()
    os.chmod(folder, 0o2770)
    handle, _ = saved_report(folder, kartlaggning)
    try:
        assert handle.path is not None
        assert mode(handle.path) == 0o660
        lock = next(folder.glob(".*.lock"))
        assert mode(lock) == 0o660
    finally:
        handle.close()
    copy = create_new(folder, "kopia", "text\n")
    assert mode(copy) == 0o660
    os.chmod(folder, 0o755)  # not writable by the group: private again
    assert mode(create_new(folder, "egen", "text\n")) == 0o600
