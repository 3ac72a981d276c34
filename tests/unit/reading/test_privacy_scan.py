"""Scanning report files for personal data: findings with their file lines, masked; a second scan
that reads only changed files; files edited or replaced in between; hostile files; and a cache
that never holds a full number."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from helpers import read_cache, settled_report, write_cache
from intervjufas.errors import IntervjufasError
from intervjufas.folder.file_cache import FileCache
from intervjufas.folder.recovery import recovery_dir
from intervjufas.reading.privacy_scan import (
    NAMESPACE,
    ReportFinding,
    reports_to_scan,
    scan_reports,
    scan_text,
    scan_version,
)

TODAY = dt.date(2026, 11, 30)
WITH_DATA = """\
---
format: 1
id: 0123456789ab
metadata:
  uppdrag: Lager
  kollega: ring 08-123 456 78
---
# Kartlägg intervjufasen: Lager

### Hur förbereder du kunden? <!-- fraga: fore_kunden -->

Vi ringer kandidaten på 070-123 45 67.
Mejl: anna.svensson@exempel.se, pnr 811218-9876 och 19850103-1234.
"""


def report(folder: Path, name: str, text: str = WITH_DATA) -> Path:
    return settled_report(folder, name, text)


def test_scan_text_gives_line_kind_and_masked_value() -> None:
    assert scan_text(WITH_DATA, today=TODAY) == [
        (6, "telefon", "**-*** *56 78"),
        (12, "telefon", "***-*** 45 67"),
        (13, "e-post", "a***@exempel.se"),
        (13, "personnummer", "******-9876"),
        (13, "personnummer", "********-1234"),
    ]


def test_scan_text_counts_lines_with_windows_line_ends() -> None:
    text = "rad 1\r\nrad 2\r\nring 070-123 45 67\r\n"
    assert scan_text(text) == [(3, "telefon", "***-*** 45 67")]


def test_nothing_found_in_the_program_s_own_reports(reports: Path) -> None:
    result = scan_reports(reports_to_scan([], reports))
    assert result.findings == []
    assert result.scanned == len(list(reports.glob("*.md")))


def test_findings_of_several_reports_in_order(reports_dir: Path) -> None:
    first = report(reports_dir, "a.md")
    report(reports_dir, "b.md", "inget här\n")
    third = report(reports_dir, "c.md", "x\nmejla kim@exempel.se\n")
    result = scan_reports(reports_to_scan([], reports_dir), today=TODAY)
    assert [(f.path.name, f.line, f.kind) for f in result.findings] == [
        ("a.md", 6, "telefon"),
        ("a.md", 12, "telefon"),
        ("a.md", 13, "e-post"),
        ("a.md", 13, "personnummer"),
        ("a.md", 13, "personnummer"),
        ("c.md", 2, "e-post"),
    ]
    assert result.findings[-1] == ReportFinding(third, 2, "e-post", "k***@exempel.se")
    assert (result.scanned, result.files_with_findings) == (3, 2)
    assert first in {f.path for f in result.findings}


def test_a_second_scan_reads_only_what_changed(reports_dir: Path) -> None:
    for number in range(5):
        report(reports_dir, f"{number}.md", "inget\n")
    changed = report(reports_dir, "x.md")
    assert scan_reports(reports_to_scan([], reports_dir), today=TODAY).read == 6
    again = scan_reports(reports_to_scan([], reports_dir), today=TODAY)
    assert (again.read, again.scanned, len(again.findings)) == (0, 6, 5)

    report(reports_dir, "x.md", "nu utan uppgifter\n")  # edited outside the program
    (reports_dir / "0.md").unlink()
    third = scan_reports(reports_to_scan([], reports_dir), today=TODAY)
    assert (third.read, third.scanned, third.findings) == (1, 5, [])
    assert changed.exists()


def test_a_file_replaced_with_the_same_size_and_time_is_read_again(reports_dir: Path) -> None:
    path = report(reports_dir, "a.md", "ring 070-123 45 67\n")
    stamp = os.stat(path).st_mtime_ns
    assert len(scan_reports([path]).findings) == 1
    other = report(reports_dir, ".ny", "ring 070-xxx xx xx\n")
    os.utime(other, ns=(stamp, stamp))
    os.replace(other, path)
    assert scan_reports([path]).findings == []


def test_without_the_cache_everything_is_read(reports_dir: Path) -> None:
    path = report(reports_dir, "a.md")
    scan_reports([path])
    assert scan_reports([path], use_cache=False).read == 1


def test_the_cache_holds_only_masked_values(reports_dir: Path) -> None:
    path = report(reports_dir, "a.md")
    scan_reports([path], today=TODAY)
    cached = FileCache(NAMESPACE, reports_dir, scan_version()).path.read_bytes().decode("utf-8", "replace")
    assert "******-9876" in cached
    for secret in ("811218", "070-123", "anna.svensson", "123 456", "19850103"):
        assert secret not in cached


def test_a_tampered_cache_entry_is_scanned_anew(reports_dir: Path) -> None:
    path = report(reports_dir, "a.md")
    scan_reports([path])
    cache = FileCache(NAMESPACE, reports_dir, scan_version())
    document = read_cache(cache.path)
    for name, entry in document["entries"].items():
        findings = [
            (line, "okänd sort" if kind == "telefon" else kind, masked) for line, kind, masked in entry[4]
        ]
        document["entries"][name] = (*entry[:4], findings)
    write_cache(cache.path, document)
    result = scan_reports([path])
    assert (result.read, len(result.findings)) == (1, 5)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_hostile_files_are_one_warning_each_and_the_others_are_scanned(reports_dir: Path) -> None:
    report(reports_dir, "a.md")
    os.mkfifo(reports_dir / "fifo.md")
    (reports_dir / "trasig-lank.md").symlink_to(reports_dir / "finns-inte")
    (reports_dir / "stor.md").write_bytes(b"x" * (16 * 1024 * 1024 + 1))
    (reports_dir / "latin1.md").write_bytes("Ring 070-123 45 67, hälsningar Åsa".encode("latin-1"))
    result = scan_reports(reports_to_scan([], reports_dir), today=TODAY)
    assert sorted(result.warnings) == [
        f"{reports_dir / 'fifo.md'}: kan inte läsas (det är ingen vanlig fil)",
        f"{reports_dir / 'stor.md'}: kan inte läsas (filen är större än 16 MB)",
        f"{reports_dir / 'trasig-lank.md'}: kan inte läsas (finns inte)",
    ]
    assert {f.path.name for f in result.findings} == {"a.md", "latin1.md"}  # other encodings still scanned


def test_named_reports_folders_and_prefixes(reports_dir: Path, tmp_path: Path) -> None:
    a = report(reports_dir, "2024-01-15-lager.md")
    b = report(reports_dir, "2024-02-20-truck.md")
    elsewhere = report(tmp_path / "annan", "x.md")
    assert reports_to_scan(["2024-01"], reports_dir) == [a]
    assert reports_to_scan([str(b), "2024-02-20-truck.md"], reports_dir) == [b]  # once each
    assert reports_to_scan([str(tmp_path / "annan")], reports_dir) == [elsewhere]
    with pytest.raises(IntervjufasError, match="Hittar ingen rapport"):
        reports_to_scan(["finns-inte"], reports_dir)


def test_without_names_recovery_files_are_scanned_too(reports_dir: Path) -> None:
    mine = report(reports_dir, "a.md")
    kept = report(recovery_dir(), "b-20260101-120000.md")
    assert reports_to_scan([], reports_dir) == [mine, kept]


@pytest.mark.parametrize("module", ["personal_data", "personal_numbers"])
def test_the_cached_scans_depend_on_every_rule_of_the_detector(
    module: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new rule (in either module of the detector) makes every cached scan stale, so a form
    found only by the new rule is not hidden by a scan cached before it existed."""
    import importlib

    changed = importlib.import_module(f"intervjufas.model.{module}")
    before = scan_version()
    edited = tmp_path / "rules.py"
    edited.write_bytes(Path(changed.__file__).read_bytes() + b"\n# a new rule\n")
    monkeypatch.setattr(changed, "__file__", str(edited))
    scan_version.cache_clear()
    try:
        assert scan_version() != before
    finally:
        scan_version.cache_clear()
