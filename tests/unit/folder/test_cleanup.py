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

from intervjufas.files.locking import ReportLock, lock_path
from intervjufas.folder.cleanup import anonymise_reports, carry_out, remove_reports
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.report.anonymise import ANONYMISED_KEY, removed_marker
from intervjufas.report.parse import parse

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


# -- a file name with personal data ------------------------------------------------------------------

PERSONAL_NAME = "2024-01-15-kalle-850412-1230.md"
NEW_NAME = "2024-01-15-kalle-borttaget.md"


def personal_report(reports: Path, name: str = PERSONAL_NAME) -> Path:
    """The old fixture report under a name (and assignment) holding a personnummer."""
    source = reports / OLD
    path = reports / name
    text = source.read_text(encoding="utf-8").replace("Lagerarbetare till Nordlager", "Kalle 850412–1230")
    source.unlink()
    path.write_text(text, encoding="utf-8")
    return path


def names(folder: Path) -> list[str]:
    return sorted(entry.name for entry in folder.iterdir())


def test_a_name_with_personal_data_is_replaced(reports: Path) -> None:
    path = personal_report(reports)
    os.chmod(path, 0o640)
    outcome = anonymise_reports([path], CUTOFF, today=DAY)
    assert (outcome.done, outcome.warnings) == ([path], [])
    assert outcome.renamed == {path: reports / NEW_NAME}
    assert NEW_NAME in names(reports)
    assert not any("850412" in name or "1230" in name for name in names(reports))  # (lock files too)
    text = (reports / NEW_NAME).read_text(encoding="utf-8")
    assert "850412" not in text and "uppdrag: Kalle [borttaget]" in text
    if os.name == "posix":
        assert stat.S_IMODE(os.stat(reports / NEW_NAME).st_mode) == 0o640


def test_a_name_without_personal_data_is_kept(reports: Path) -> None:
    outcome = anonymise_reports([reports / OLD], CUTOFF, today=DAY)
    assert (outcome.done, outcome.renamed) == ([reports / OLD], {})


def test_the_new_name_never_takes_another_reports_place(reports: Path) -> None:
    path = personal_report(reports)
    other = reports / NEW_NAME
    other.write_text("en annan rapport\n", encoding="utf-8")
    locked = reports / "2024-01-15-kalle-borttaget-2.md"  # a name a session is creating just now
    session = ReportLock(locked)
    assert session.try_acquire()
    try:
        outcome = anonymise_reports([path], CUTOFF, today=DAY)
    finally:
        session.release()
    assert outcome.renamed == {path: reports / "2024-01-15-kalle-borttaget-3.md"}
    assert other.read_text(encoding="utf-8") == "en annan rapport\n"
    assert not locked.exists() and not path.exists()


def test_without_hard_links_the_report_is_written_anew_under_the_new_name(
    reports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = personal_report(reports)

    def no_links(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    outcome = anonymise_reports([path], CUTOFF, today=DAY)
    assert (outcome.warnings, outcome.renamed) == ([], {path: reports / NEW_NAME})
    assert not path.exists()
    report = parse((reports / NEW_NAME).read_text(encoding="utf-8"), builtin_set("kartlaggning"), strict=True)
    assert report.extra_header[ANONYMISED_KEY] == "2026-11-30"


def test_a_name_that_cannot_be_changed_is_a_warning(reports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = personal_report(reports)

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "link", refuse)
    monkeypatch.setattr("intervjufas.folder.cleanup.create_new", _failing_create)
    outcome = anonymise_reports([path], CUTOFF, today=DAY)
    assert outcome.done == []
    assert len(outcome.warnings) == 1
    assert outcome.warnings[0].startswith(
        f"{PERSONAL_NAME}: anonymiserades, men namnet, som innehåller personuppgifter, kunde inte bytas ("
    )
    assert "850412" not in path.read_text(encoding="utf-8")  # (the text is anonymised all the same)


def _failing_create(folder: Path, stem: str, text: str, **_: object) -> Path:
    from intervjufas.errors import SaveError

    raise SaveError(folder / f"{stem}.md", OSError(errno.EROFS, "Read-only file system"))


def test_carrying_out_makes_the_caches_forget_the_reports(reports: Path) -> None:
    """The header index remembers every report it read; once a report is removed, nothing of it –
    not even its name – stays in the folder's caches."""
    from intervjufas.files.settings import cache_dir
    from intervjufas.folder.scan import read_headers

    def cached() -> bytes:
        return b"".join(path.read_bytes() for path in cache_dir().rglob("*") if path.is_file())

    read_headers(reports)
    assert OLD.encode() in cached()
    result = carry_out([reports / OLD], [], CUTOFF, anonymise=False)
    assert (result.reports.done, result.warnings) == ([reports / OLD], [])
    assert not (reports / OLD).exists()
    assert OLD.encode() not in cached()
