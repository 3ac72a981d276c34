"""`intervjufas trend` into a pipe, run again over an unchanged folder, writes what was kept of its
output (``views/trend_kept.py``) without reading a header – the same characters and warnings as
the general path at any width, in any encoding, for every option – and a changed report, a new
answers file, another minimum count, a forgotten report or a damaged kept file is seen at once."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest

from helpers import HOUR_AGO, fresh_run, kept_output_files, read_cache, refusing, run_cli, settle, write_cache
from intervjufas.folder.file_cache import forget_files
from intervjufas.reading import trend as trend_module
from intervjufas.reading.trend import folder_trends
from intervjufas.views.console import plain_console
from intervjufas.views.kept_text import Recorder
from intervjufas.views.trend import show_trends

OPTIONS = [(), ("--json",), ("--kund", "nordlager"), ("--per", "kvartal"), ("--json", "--per", "kvartal")]


@pytest.fixture
def settled(reports: Path) -> Path:
    return settle(reports)


@pytest.fixture
def no_trend(monkeypatch: pytest.MonkeyPatch) -> Any:
    """From now on, no trend may be computed."""
    return refusing(monkeypatch, trend_module, "folder_trends", "the trend was computed")


def kept_files() -> list[Path]:
    return kept_output_files("trend*")


def fresh(*args: str, **options: Any) -> Any:
    return fresh_run("trend", *args, **options)


@pytest.mark.parametrize("args", OPTIONS)
def test_a_second_run_writes_the_kept_output(settled: Path, no_trend: Any, args: tuple[str, ...]) -> None:
    first = run_cli("trend", *args)
    assert first.exit_code == 0, first.output
    assert kept_files()
    no_trend()
    assert run_cli("trend", *args)[:] == first[:]


@pytest.mark.parametrize("encoding", ["utf-8", "latin-1", "ascii"])
@pytest.mark.parametrize("columns", [40, 80, 200])
@pytest.mark.parametrize("json", [False, True], ids=["text", "json"])
def test_kept_output_is_what_the_general_path_writes(
    settled: Path, no_trend: Any, encoding: str, columns: int, json: bool
) -> None:
    args = ("--json",) if json else ()
    run_cli("trend", *args)  # (kept at the default width, in UTF-8)
    run_cli("trend", *args, columns=columns, encoding=encoding)
    expected = fresh(*args, columns=columns, encoding=encoding)
    no_trend()
    assert run_cli("trend", *args, columns=columns, encoding=encoding)[:] == expected[:]


@pytest.mark.parametrize("width", [40, 120])
def test_the_recorder_writes_what_the_stream_gets(settled: Path, width: int) -> None:
    trends, _ = folder_trends(settled)
    plain, recorded = io.StringIO(), io.StringIO()
    show_trends(plain_console(plain, width), trends, customer=None, per="manad")
    recorder = Recorder(recorded)
    show_trends(plain_console(recorder, width), trends, customer=None, per="manad")
    assert recorded.getvalue() == plain.getvalue() == recorder.text
    assert "Steg 1" in recorder.text


def edited(folder: Path) -> None:
    path = folder / "2024-03-05-plockare-till-nordlager.md"
    path.write_text(path.read_text(encoding="utf-8").replace("2024-03-05", "2024-05-05"), encoding="utf-8")
    os.utime(path, (HOUR_AGO, HOUR_AGO))


def answers(folder: Path) -> None:
    (folder / "2024-03-05-plockare-till-nordlager.enkatsvar.json").write_text("{}", encoding="utf-8")


@pytest.mark.parametrize("change", [edited, answers])
def test_a_change_is_seen(settled: Path, change: Any) -> None:
    run_cli("trend")
    assert kept_files()
    change(settled)
    assert run_cli("trend")[:] == fresh()[:]


def test_another_minimum_count_is_another_trend(settled: Path, no_trend: Any) -> None:
    run_cli("trend")
    no_trend()
    result = run_cli("trend", env={"INTERVJUFAS_MINSTA_ANTAL_SVAR": "7"})
    assert "the trend was computed" in result.stderr


def test_forgetting_any_report_drops_the_trend(settled: Path, no_trend: Any) -> None:
    run_cli("trend")
    (path,) = kept_files()
    entries = read_cache(path)["entries"]
    assert set(entries) == {p.name for p in settled.glob("*.md")}  # (an entry for every file)
    forget_files(settled, ["2024-02-20-truckforare-till-nordlager.md"])
    no_trend()
    assert "the trend was computed" in run_cli("trend").stderr


def test_a_damaged_entry_is_made_again(settled: Path) -> None:
    first = run_cli("trend")
    (path,) = kept_files()
    document = read_cache(path)
    name = sorted(document["entries"])[0]
    entry = document["entries"][name]
    document["entries"][name] = (*entry[:4], [*entry[4][:3], 42, *entry[4][4:]])
    write_cache(path, document)
    assert run_cli("trend")[:] == first[:]
    assert run_cli("trend")[:] == first[:]
