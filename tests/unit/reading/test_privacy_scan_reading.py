"""The privacy scan reads each file whole, as bytes, up to the limit, with a buffer the size of the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from intervjufas.errors import UnreadableFile
from intervjufas.reading import privacy_scan


@pytest.mark.parametrize("size", [0, 1, 99, 100])
def test_a_file_up_to_the_limit_is_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    monkeypatch.setattr(privacy_scan, "REPORT_LIMIT", 100)
    path = tmp_path / "r.md"
    path.write_text("x" * size, "utf-8")
    key, data = privacy_scan._read(path)
    assert data == b"x" * size and key[0] == size


def test_a_file_over_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(privacy_scan, "REPORT_LIMIT", 100)
    path = tmp_path / "r.md"
    path.write_text("x" * 101, "utf-8")
    with pytest.raises(UnreadableFile):
        privacy_scan._read(path)


def test_a_file_that_grows_while_it_is_read_is_read_to_its_end_or_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(privacy_scan, "REPORT_LIMIT", 100)
    path = tmp_path / "r.md"
    path.write_text("x" * 10, "utf-8")
    real_fstat = privacy_scan.os.fstat

    def grown(fd: int):  # type: ignore[no-untyped-def]
        status = real_fstat(fd)
        if not path.read_text("utf-8").endswith("y"):
            with path.open("a", encoding="utf-8") as handle:  # (grows after its size was taken)
                handle.write("y" * 50)
        return status

    monkeypatch.setattr(privacy_scan.os, "fstat", grown)
    assert privacy_scan._read(path)[1] == b"x" * 10 + b"y" * 50
    path.write_text("x" * 60, "utf-8")
    with pytest.raises(UnreadableFile):
        privacy_scan._read(path)


def test_a_broken_file_gives_one_warning_and_the_scan_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Ring 070-123 45 67.\n", "utf-8")
    (tmp_path / "b.md").mkdir()
    result = privacy_scan.scan_reports([tmp_path / "a.md", tmp_path / "b.md"], use_cache=False)
    assert result.scanned == 1 and len(result.findings) == 1
    assert len(result.warnings) == 1 and result.warnings[0].startswith(str(tmp_path / "b.md"))
