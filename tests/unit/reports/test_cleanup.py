"""Removing and anonymising reports for good: each under its session lock, a report in use or
re-dated meanwhile left alone with a reason, a report whose question set is unknown not touched,
and an anonymised report that reads back strictly and keeps its file mode."""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
from pathlib import Path

import pytest

from intervjufas.questionsets.catalog import builtin_set
from intervjufas.reports.anonymise import ANONYMISED_KEY, removed_marker
from intervjufas.reports.cleanup import anonymise_reports, remove_reports
from intervjufas.reports.locking import ReportLock, lock_path
from intervjufas.reports.parse import parse

OLD = "2024-01-15-lagerarbetare-till-nordlager.md"
CUTOFF = dt.date(2024, 2, 1)
DAY = dt.date(2026, 11, 30)


def test_removing_takes_the_report_away(reports: Path) -> None:
    path = reports / OLD
    outcome = remove_reports([path], CUTOFF)
    assert (outcome.done, outcome.warnings) == ([path], [])
    assert not path.exists()
    assert not lock_path(path).exists()


def test_a_report_in_use_is_left_alone(reports: Path) -> None:
    path = reports / OLD
    before = path.read_bytes()
    session = ReportLock(path)
    assert session.try_acquire()
    try:
        removed = remove_reports([path], CUTOFF)
        anonymised = anonymise_reports([path], CUTOFF, today=DAY)
    finally:
        session.release()
    for outcome in (removed, anonymised):
        assert outcome.done == []
        assert outcome.warnings == [
            f"{OLD}: används av en pågående session och lämnades orörd; försök igen när den är klar"
        ]
    assert path.read_bytes() == before


def test_a_report_dated_anew_since_the_list_is_left_alone(reports: Path) -> None:
    path = reports / OLD
    path.write_text(path.read_text(encoding="utf-8").replace("datum: '2024-01-15'", "datum: '2024-03-01'"))
    outcome = remove_reports([path], CUTOFF)
    assert outcome.warnings == [f"{OLD}: datumet har ändrats sedan listan visades; rapporten lämnades orörd"]
    assert path.exists()


def test_a_report_gone_meanwhile_is_a_warning(reports: Path) -> None:
    outcome = remove_reports([reports / "borta.md", reports / OLD], CUTOFF)
    assert outcome.done == [reports / OLD]
    assert outcome.warnings == [f"borta.md: Kan inte läsa {reports / 'borta.md'}: finns inte"]


def test_anonymising_rewrites_the_report_so_that_it_reads_back_strictly(reports: Path) -> None:
    path = reports / OLD
    os.chmod(path, 0o640)  # a team folder's mode is kept
    outcome = anonymise_reports([path], CUTOFF, today=DAY)
    assert (outcome.done, outcome.warnings) == ([path], [])
    text = path.read_text(encoding="utf-8")
    report = parse(text, builtin_set("kartlaggning"), file=OLD, strict=True)
    assert report.extra_header[ANONYMISED_KEY] == "2026-11-30"
    assert report.answers["fore_kunden"].value == removed_marker(DAY)
    assert report.answers["fore_betyg_kund"].value == 3
    assert "Vi går igenom kravprofilen" not in text
    if os.name == "posix":
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    again = anonymise_reports([path], CUTOFF, today=DAY)
    assert again.warnings == [f"{OLD}: är redan anonymiserad"]


def test_a_report_of_an_unknown_question_set_is_not_anonymised(reports: Path) -> None:
    path = reports / OLD
    path.write_text(path.read_text(encoding="utf-8").replace("id: kartlaggning", "id: egen_okand", 1))
    before = path.read_bytes()
    outcome = anonymise_reports([path], CUTOFF, today=DAY)
    assert outcome.warnings == [
        f"{OLD}: frågeuppsättningen 'egen_okand' finns inte här, så svaren går inte att skilja från varandra"
    ]
    assert path.read_bytes() == before


def test_a_report_that_cannot_be_removed_is_a_warning(reports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = reports / OLD
    unlink = os.unlink

    def refuse(target: object, *args: object, **kwargs: object) -> None:
        if Path(str(target)) == path:
            raise PermissionError(errno.EACCES, "Permission denied")
        unlink(target, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "unlink", refuse)
    outcome = remove_reports([path], CUTOFF)
    assert outcome.done == []
    assert outcome.warnings == [f"{OLD}: Kan inte ta bort {path}: behörighet saknas"]
    assert path.exists()
