"""The privacy scan of a file's bytes finds exactly what the detector finds in its decoded text –
on the benchmark's reports (written by the program) with notes of every kind added by hand, and on
odd bytes – while it searches almost none of the program's own reports; in a pool of processes it
finds, warns and keeps in its cache what it does in one."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest

from helpers import REPO
from intervjufas.folder.parallel_files import SETTING
from intervjufas.model.personal_data_filter import may_hold_personal_data
from intervjufas.reading.privacy_scan import scan_data, scan_reports, scan_text

TODAY = dt.date(2026, 11, 30)
NOTES = [
    "Ring kandidaten på 070-123 45 67 om något ändras.",
    "Pnr 811218-9876, samordningsnummer 701063-2391.",
    "Mejla anna (at) exempel [dot] se eller per@firma.se.",
    "Kontor +46 8 123 456 78, mobil 0046 70-123 45 67.",
    "Referens 4711 0815 2026 11, tid 2026-03-05 kl. 08.30–12.00.",
    "Möte (08) 12 34 56 den 12/3 2026, 070.123.45.67.",
]


def decoded_scan(data: bytes) -> list[tuple[int, str, str]]:
    return scan_text(data.decode("utf-8-sig", errors="replace"), today=TODAY)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.syspath_prepend(str(REPO / "benchmarks"))
    import report_corpus

    folder = tmp_path_factory.mktemp("rapporter")
    report_corpus.generate(folder, 60, authors=["Anna Berg", "Jonas Ek"])
    monkeypatch.undo()
    return sorted(folder.glob("*.md"))


def test_the_corpus_scans_the_same_from_bytes(corpus: list[Path]) -> None:
    found = 0
    for number, path in enumerate(corpus):
        data = path.read_bytes()
        if number % 3 == 0:  # a note written by hand somewhere in the report
            lines = data.splitlines(keepends=True)
            at = number % len(lines)
            note = NOTES[number // 3 % len(NOTES)].encode()
            data = b"".join([*lines[:at], note + b"\n", *lines[at:]])
        assert scan_data(data, today=TODAY) == decoded_scan(data), path.name
        found += len(decoded_scan(data))
    assert found >= len(corpus) // 3  # (every note holds something)


def test_the_programs_reports_are_not_searched(corpus: list[Path]) -> None:
    searched = [path.name for path in corpus if may_hold_personal_data(path.read_bytes())]
    assert len(searched) <= len(corpus) // 10, searched


@pytest.mark.parametrize(
    "data",
    [
        "\ufeffRing 070-123 45 67.\r\n".encode(),
        b"Ring 070-123\xff45 67 eller 070-123 45 67.",
        b"pnr \xe2\x80811218-9876",
        "Ring 070\u2011123\u00a045\u202f67.".encode(),
        b"\x00\x01anna@firma.se",
        b"",
        b"2024-01-08 e3146e78d289/4bb8fdcf",
    ],
)
def test_odd_bytes_scan_the_same(data: bytes) -> None:
    assert scan_data(data, today=TODAY) == decoded_scan(data)


@pytest.mark.parametrize("processes", ["1", "2"])
def test_a_scan_in_a_pool_finds_and_keeps_the_same(
    corpus: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, processes: str
) -> None:
    folder = tmp_path / "rapporter"
    folder.mkdir()
    for number, path in enumerate(corpus[:12]):
        note = NOTES[number % len(NOTES)].encode() + b"\n" if number % 2 else b""
        (folder / path.name).write_bytes(path.read_bytes() + note)
        os.utime(folder / path.name, (time.time() - 3600,) * 2)  # (settled: the cache keeps it)
    (folder / "b-mapp.md").mkdir()  # (one warning, and the scan goes on)
    paths = sorted(folder.iterdir())
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv(SETTING, "1")
    expected = scan_reports(paths, use_cache=False, today=TODAY)
    monkeypatch.setenv(SETTING, processes)
    first = scan_reports(paths, today=TODAY)
    second = scan_reports(paths, today=TODAY)
    assert len(expected.findings) >= 6 and len(expected.warnings) == 1
    for result in (first, second):
        assert (result.findings, result.warnings, result.scanned) == (
            expected.findings,
            expected.warnings,
            expected.scanned,
        )
    assert (first.read, second.read) == (12, 0)
