"""``lista``, ``plan`` and ``trend`` print the same whether the header index is cold, warm or not
used at all – for the fixture reports (format 1, hand edits, a broken file) and for a generated
folder of format 2 reports – and ``plan`` and ``trend`` give what reading every report in full gives."""

from __future__ import annotations

import importlib.util
import os
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest

from helpers import REPO, run_cli
from intervjufas.folder import scan
from intervjufas.folder.loading import load_folder
from intervjufas.reading.plan.folder_items import folder_plan
from intervjufas.reading.plan.state import open_items
from intervjufas.reading.trend import folder_trends, rating_trends

HOUR_AGO = time.time() - 3600
COMMANDS = [
    ("lista",),
    ("lista", "--json"),
    ("plan",),
    ("plan", "--json"),
    ("trend",),
    ("trend", "--json"),
    ("trend", "--per", "kvartal", "--kund", "nordlager ab"),
    ("lista", "--av", "anna"),
]


def report_corpus() -> ModuleType:
    path = REPO / "benchmarks" / "report_corpus.py"
    spec = importlib.util.spec_from_file_location("report_corpus_for_tests", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("korpus")
    report_corpus().generate(folder, 80, seed=11, authors=("Anna Berg", "Jonas Ek"))
    return folder


def settled(folder: Path) -> Path:
    for path in folder.glob("*.md"):
        os.utime(path, (HOUR_AGO, HOUR_AGO))
    return folder


def outputs(folder: Path, env: dict[str, str]) -> list[tuple[int, str, str]]:
    results = []
    for args in COMMANDS:
        scan._RECENT.clear()  # (as in a new process)
        code, out, err = run_cli(*args, "--katalog", str(folder), columns=200, env=env)
        results.append((code, out, err))
    return results


@pytest.mark.parametrize("which", ["fixtures", "korpus"])
def test_cold_warm_and_no_index_print_the_same(
    which: str, reports: Path, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = settled(reports if which == "fixtures" else corpus)
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    cold = outputs(folder, env)
    assert (tmp_path / "cache" / "intervjufas" / scan.NAMESPACE).is_dir()
    read: list[str] = []
    original = scan.read_folder_header
    monkeypatch.setattr(
        scan, "read_folder_header", lambda path: read.append(path.name) or original(path)
    )
    warm = outputs(folder, env)
    assert set(read) <= {"2024-03-10-trasig.md"}  # every other header came from the index
    monkeypatch.setattr(scan, "_open_index", lambda folder: None)
    uncached = outputs(folder, env)
    assert cold == warm == uncached
    assert all(code == 0 for code, _, _ in cold)
    assert cold[0][1].count("\n") > 4


@pytest.mark.parametrize("which", ["fixtures", "korpus"])
def test_plan_and_trend_are_what_reading_every_report_gives(which: str, reports: Path, corpus: Path) -> None:
    folder = reports if which == "fixtures" else corpus
    loaded, _ = load_folder(folder)
    items, _ = folder_plan(folder)
    assert items == open_items(loaded)
    for options in ({}, {"per": "kvartal"}, {"customer": "Nordlager AB"}, {"customer": "nordlager ab"}):
        trends, _ = folder_trends(folder, **options)  # type: ignore[arg-type]
        assert trends == rating_trends(loaded, **options)  # type: ignore[arg-type]
    assert items and trends


def test_the_corpus_has_what_the_comparison_needs(corpus: Path) -> None:
    items, _ = folder_plan(corpus)
    assert len(items) >= 2 and any(item.history for item in items)  # open items followed up before
    trends, _ = folder_trends(corpus)
    assert {trend.set_id for trend in trends} == {"kartlaggning", "snabbformat"}


def test_a_report_whose_body_cannot_be_read_is_a_warning_in_plan(reports: Path) -> None:
    target = reports / "2024-01-15-lagerarbetare-till-nordlager.md"
    target.write_bytes(target.read_bytes() + b"\n\xff\xfe trasig text\n")
    code, out, err = run_cli("plan", "--katalog", str(reports), "--json")
    assert code == 0
    assert "2024-01-15-lagerarbetare-till-nordlager.md" not in out
    assert "Varning: " in err and "är inte en UTF-8-textfil" in err
