"""`intervjufas granska` of the whole folder into a pipe, run again over an unchanged folder,
writes what was kept of its output (``views/privacy_kept.py``) without reading a file – the same
characters and exit code as the general path, as text or JSON, in any encoding – and a changed,
added or forgotten report, another working folder, an answers file or a recovery file, or a
damaged kept file, is seen at once."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from helpers import HOUR_AGO, fresh_run, kept_output_files, read_cache, refusing, run_cli, write_cache
from helpers import PERSONAL_DATA_TEXT as TEXT
from helpers import settled_report as report
from intervjufas.folder.file_cache import forget_files
from intervjufas.folder.recovery import recovery_dir
from intervjufas.reading import privacy_scan


@pytest.fixture
def folder(reports_dir: Path) -> Path:
    report(reports_dir, "2024-01-15-lager.md")
    report(reports_dir, "2024-02-01-rent.md", "inget här\n")
    report(reports_dir, "2024-03-01-åkeri.md", TEXT.replace("070-123 45 67", "08-123 456 78"))
    return reports_dir


@pytest.fixture
def no_scan(monkeypatch: pytest.MonkeyPatch) -> Any:
    """From now on, no file may be scanned."""
    return refusing(monkeypatch, privacy_scan, "privacy_scan", "the files were scanned")


def kept_files() -> list[Path]:
    return kept_output_files("granska[tj]*")


def fresh(*args: str, **options: Any) -> Any:
    return fresh_run("granska", *args, **options)


@pytest.mark.parametrize("encoding", ["utf-8", "latin-1"])
@pytest.mark.parametrize("args", [(), ("--json",)], ids=["text", "json"])
def test_a_second_run_writes_the_kept_output(
    folder: Path, no_scan: Any, args: tuple[str, ...], encoding: str
) -> None:
    first = run_cli("granska", *args, encoding=encoding)
    assert first.exit_code == 1 and "******-9876" in first.stdout
    assert first[:] == fresh(*args, encoding=encoding)[:]
    no_scan()
    assert run_cli("granska", *args, encoding=encoding)[:] == first[:]


@pytest.mark.parametrize("args", [(), ("--json",)], ids=["text", "json"])
def test_a_clean_folder_is_kept_with_its_exit_code(
    reports: Path, no_scan: Any, args: tuple[str, ...]
) -> None:
    for path in reports.glob("*.md"):
        os.utime(path, (HOUR_AGO, HOUR_AGO))
    first = run_cli("granska", *args)
    assert first.exit_code == 0
    no_scan()
    assert run_cli("granska", *args)[:] == first[:]


def test_another_working_folder_is_another_output(
    folder: Path, no_scan: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_cli("granska")
    monkeypatch.chdir(folder)
    expected = fresh()
    assert expected.stdout.startswith("2024-01-15-lager.md:9: telefonnummer")
    assert run_cli("granska")[:] == expected[:]
    no_scan()
    assert run_cli("granska")[:] == expected[:]  # (kept for this working folder too)


def edited(folder: Path) -> None:
    report(folder, "2024-02-01-rent.md", "ring 070-765 43 21\n")


def added(folder: Path) -> None:
    report(folder, "2024-04-01-ny.md")


def answers(folder: Path) -> None:
    report(folder, "2024-02-01-rent.enkatsvar.json", '{"svar": "mejla kalle.karlsson@exempel.se"}\n')


def recovered(folder: Path) -> None:
    report(recovery_dir(), "lager-20260101-120000.md")


@pytest.mark.parametrize("change", [edited, added, answers, recovered])
@pytest.mark.parametrize("args", [(), ("--json",)], ids=["text", "json"])
def test_a_change_is_seen(folder: Path, change: Any, args: tuple[str, ...]) -> None:
    run_cli("granska", *args)
    assert kept_files()
    change(folder)
    seen = run_cli("granska", *args)
    assert seen[:] == fresh(*args)[:]
    assert seen[:] == run_cli("granska", *args)[:]


@pytest.mark.parametrize("args", [(), ("--json",)], ids=["text", "json"])
def test_forgetting_a_report_drops_its_findings(folder: Path, no_scan: Any, args: tuple[str, ...]) -> None:
    run_cli("granska", *args)
    (path,) = kept_files()
    assert any("9876" in str(entry) for entry in read_cache(path)["entries"].values())
    forget_files(folder, ["2024-01-15-lager.md", "2024-03-01-åkeri.md"])
    assert not any("9876" in str(entry) for entry in read_cache(path)["entries"].values())
    no_scan()
    assert "the files were scanned" in run_cli("granska", *args).stderr  # (what is left is not used)


def test_an_unreadable_file_keeps_nothing(folder: Path) -> None:
    os.mkfifo(folder / "b.md")
    first = run_cli("granska")
    assert "Varning:" in first.stderr
    assert not kept_files()
    assert run_cli("granska")[:] == first[:]


@pytest.mark.parametrize(
    "damage",
    [
        lambda entry: (*entry[:4], None),
        lambda entry: (*entry[:4], [*entry[4][:5], "1"]),
        lambda entry: (*entry[:4], [entry[4][0] + 1, *entry[4][1:]]),
    ],
    ids=["value", "exit-code", "count"],
)
def test_a_damaged_entry_is_made_again(folder: Path, damage: Any) -> None:
    first = run_cli("granska")
    (path,) = kept_files()
    document = read_cache(path)
    name = "2024-01-15-lager.md"
    document["entries"][name] = damage(document["entries"][name])
    write_cache(path, document)
    assert run_cli("granska")[:] == first[:]
    assert run_cli("granska")[:] == first[:]


def test_named_reports_take_the_general_path(folder: Path, no_scan: Any) -> None:
    run_cli("granska")
    no_scan()
    assert "the files were scanned" in run_cli("granska", "lager").stderr
