"""`intervjufas jamfor` into a pipe, run again over an unchanged folder with the same arguments,
writes what was kept of its output (``views/comparison_kept.py``) without reading a report – the
same characters and exit code as the general path, in every format, at any width and in any
encoding – and a changed report, another working folder, a forgotten report or a damaged kept
file is seen at once."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from helpers import HOUR_AGO, fresh_run, kept_output_files, read_cache, refusing, run_cli, settle, write_cache
from intervjufas.folder import loading
from intervjufas.folder.file_cache import forget_files

SECOND = "2024-02-20-truckforare-till-nordlager.md"
FIRST = "2024-01-15-lagerarbetare-till-nordlager.md"
ARGUMENTS = [
    (SECOND,),
    ("2024-02-20", "--format", "markdown"),
    (SECOND, "--json"),
    (FIRST, SECOND, "--exit-code"),
    (SECOND, "--exit-code", "--json"),
]


@pytest.fixture
def settled(reports: Path) -> Path:
    return settle(reports)


@pytest.fixture
def no_reading(monkeypatch: pytest.MonkeyPatch) -> Any:
    """From now on, no report may be read."""
    return refusing(monkeypatch, loading, "load_report", "a report was read")


def kept_files() -> list[Path]:
    return kept_output_files("jamfor")


def fresh(*args: str, **options: Any) -> Any:
    return fresh_run("jamfor", *args, **options)


@pytest.mark.parametrize("args", ARGUMENTS)
def test_a_second_run_writes_the_kept_output(settled: Path, no_reading: Any, args: tuple[str, ...]) -> None:
    first = run_cli("jamfor", *args)
    assert first.exit_code == (1 if "--exit-code" in args else 0), first.output
    assert first.stdout.count("\n") > 10
    assert kept_files()
    no_reading()
    assert run_cli("jamfor", *args)[:] == first[:]


@pytest.mark.parametrize("encoding", ["utf-8", "latin-1", "ascii"])
@pytest.mark.parametrize("columns", [40, 100, 250])
@pytest.mark.parametrize("form", [(), ("--json",), ("--format", "markdown")], ids=["text", "json", "markdown"])
def test_kept_output_is_what_the_general_path_writes(
    settled: Path, no_reading: Any, encoding: str, columns: int, form: tuple[str, ...]
) -> None:
    run_cli("jamfor", SECOND, *form)  # (kept at the default width, in UTF-8)
    run_cli("jamfor", SECOND, *form, columns=columns, encoding=encoding)
    expected = fresh(SECOND, *form, columns=columns, encoding=encoding)
    no_reading()
    assert run_cli("jamfor", SECOND, *form, columns=columns, encoding=encoding)[:] == expected[:]


def test_a_changed_report_is_seen(settled: Path) -> None:
    run_cli("jamfor", SECOND)
    path = settled / FIRST
    path.write_text(path.read_text(encoding="utf-8").replace("Nordlager", "Norrlager"), encoding="utf-8")
    os.utime(path, (HOUR_AGO, HOUR_AGO))
    assert run_cli("jamfor", SECOND)[:] == fresh(SECOND)[:]
    assert "Norrlager" in run_cli("jamfor", SECOND).stdout


def test_a_path_from_another_working_folder(settled: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(settled)
    run_cli("jamfor", SECOND)
    other = tmp_path / "annan"
    other.mkdir()
    shutil.copy(settled / SECOND, other / SECOND)
    monkeypatch.chdir(other)
    assert run_cli("jamfor", SECOND)[:] == fresh(SECOND)[:]


@pytest.mark.parametrize("name", [FIRST, SECOND])
def test_forgetting_either_report_drops_it(settled: Path, no_reading: Any, name: str) -> None:
    run_cli("jamfor", SECOND)
    (path,) = kept_files()
    assert set(read_cache(path)["entries"]) == {FIRST, SECOND}
    forget_files(settled, [name])
    no_reading()
    assert "a report was read" in run_cli("jamfor", SECOND).stderr


def test_a_damaged_entry_is_made_again(settled: Path) -> None:
    first = run_cli("jamfor", SECOND, "--exit-code")
    (path,) = kept_files()
    document = read_cache(path)
    entry = document["entries"][FIRST]
    document["entries"][FIRST] = (*entry[:4], [*entry[4][:5], "ja"])
    write_cache(path, document)
    assert run_cli("jamfor", SECOND, "--exit-code")[:] == first[:]


def test_a_file_given_with_o_is_written_by_the_general_path(settled: Path, tmp_path: Path) -> None:
    run_cli("jamfor", SECOND)
    target = tmp_path / "jamforelse.md"
    result = run_cli("jamfor", SECOND, "--format", "markdown", "-o", str(target))
    assert result.exit_code == 0 and target.read_text(encoding="utf-8").startswith("#")
