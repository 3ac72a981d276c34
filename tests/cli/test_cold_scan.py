"""A first run over a folder (no header index yet): headers in the program's own layout are read
the quick way, everything else the general way – and an odd file (cut off, huge, binary, a FIFO, a
folder) is one warning line, never the end of the command; a file changed since is read again."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from helpers import REPO, command
from intervjufas.folder import scan as scan_module

lista = command("lista", columns=200)
HOUR_AGO = time.time() - 3600
COUNT = 12


@pytest.fixture(autouse=True)
def fresh_process() -> None:
    scan_module._RECENT.clear()


@pytest.fixture
def own_reports(reports_dir: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Reports written by the program's renderer (the benchmark's corpus), an hour old."""
    monkeypatch.syspath_prepend(str(REPO / "benchmarks"))
    import report_corpus

    reports_dir.mkdir(parents=True, exist_ok=True)
    report_corpus.generate(reports_dir, COUNT, authors=["Anna Berg"])
    paths = sorted(reports_dir.glob("*.md"))
    for path in paths:
        os.utime(path, (HOUR_AGO, HOUR_AGO))
    return paths


def odd_files(folder: Path, sample: Path) -> dict[str, str]:
    """Odd files beside the reports: name -> the start of the warning each must give."""
    text = sample.read_bytes()
    end = text.index(b"\n---\n", 4)
    (folder / "0-avkapad.md").write_bytes(text[: end // 2])
    (folder / "0-binar.md").write_bytes(bytes(range(256)) * 40)
    (folder / "0-nolltecken.md").write_bytes(text[:40] + b"\x00" + text[40:])
    (folder / "0-mapp.md").mkdir()
    warnings = {
        "0-avkapad.md": "huvudet avslutas aldrig",
        "0-binar.md": "huvudet (YAML mellan två rader med ---) saknas",
        "0-nolltecken.md": "huvudet är inte giltig YAML",
        "0-mapp.md": "kan inte läsas",
    }
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "0-fifo.md")
        warnings["0-fifo.md"] = "kan inte läsas"
    return warnings


def test_odd_files_are_one_warning_each_and_the_reports_are_listed(own_reports: list[Path]) -> None:
    folder = own_reports[0].parent
    huge = folder / "0-stor.md"  # (a header beyond the first read: the general way reads it)
    head, rest = own_reports[0].read_text(encoding="utf-8").split("\n", 1)
    huge.write_text(
        head + "\n" + "".join(f"extra{n}: {'x' * 60}\n" for n in range(200)) + rest, encoding="utf-8"
    )
    os.utime(huge, (HOUR_AGO, HOUR_AGO))
    warnings = odd_files(folder, own_reports[1])
    result = lista("--json")
    assert result.exit_code == 0, result.stderr
    listed = {entry["fil"] for entry in json.loads(result.stdout)["rapporter"]}
    assert listed == {path.name for path in own_reports} | {huge.name}
    lines = result.stderr.splitlines()
    assert len(lines) == len(warnings), result.stderr
    for name, problem in warnings.items():
        assert any(line.startswith(f"Varning: {name}: {problem}") for line in lines), (name, result.stderr)


def test_the_quick_way_lists_what_the_general_way_lists(
    own_reports: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    quick = lista("--json")
    scan_module._RECENT.clear()
    from intervjufas.files.settings import cache_dir

    for path in cache_dir().rglob("*.cache"):
        path.unlink()
    monkeypatch.setattr("intervjufas.folder.own_layout.read_own_row", lambda path: None)
    general = lista("--json")
    assert quick.exit_code == general.exit_code == 0
    assert quick.stdout == general.stdout


def test_a_report_changed_after_the_first_run_is_read_again(own_reports: list[Path]) -> None:
    first = lista("--json")
    path = own_reports[3]
    text = path.read_text(encoding="utf-8")
    old = json.loads(first.stdout)["rapporter"]
    entry = next(item for item in old if item["fil"] == path.name)
    path.write_text(
        text.replace(f"\nuppdrag: {entry['uppdrag']}\n", "\nuppdrag: Ett nytt uppdrag\n"), encoding="utf-8"
    )
    os.utime(path, (HOUR_AGO + 60, HOUR_AGO + 60))
    scan_module._RECENT.clear()
    again = json.loads(lista("--json").stdout)["rapporter"]
    assert next(item for item in again if item["fil"] == path.name)["uppdrag"] == "Ett nytt uppdrag"


def test_a_number_yaml_cannot_build_is_one_swedish_warning(own_reports: list[Path]) -> None:
    folder = own_reports[0].parent
    text = own_reports[0].read_text(encoding="utf-8")
    odd = folder / "0-version.md"  # (a hand edit PyYAML types as a binary number it cannot build)
    odd.write_text(text.replace("    version: 2\n", "    version: 0b_\n", 1), encoding="utf-8")
    assert odd.read_text(encoding="utf-8") != text
    result = lista()
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "Varning: 0-version.md: frågeuppsättningens version '0b_' i huvudet är inte ett heltal"
    ]
