"""Reading only the front matter of a report file: where it ends, encodings, line endings."""

from __future__ import annotations

from pathlib import Path

import pytest

from intervjufas.report.front_matter import read_front_matter


def test_header_after_a_long_first_chunk(tmp_path: Path):
    path = tmp_path / "lang.md"
    long_value = "x" * 20_000
    path.write_text(
        f"---\nformat: 1\nid: abc\nfragor: {{id: kartlaggning}}\nmetadata:\n  uppdrag: {long_value}\n---\n# T\n",
        encoding="utf-8",
    )
    assert read_front_matter(path)["metadata"]["uppdrag"] == long_value


def test_a_line_that_only_starts_like_the_closing_line_is_not_the_end(tmp_path: Path):
    path = tmp_path / "r.md"
    path.write_text("---\nformat: 1\nid: abc\n----\n", encoding="utf-8")
    with pytest.raises(ValueError, match="avslutas aldrig"):
        read_front_matter(path)
    path.write_text("---\nformat: 1\nid: abc\n--- \n...\n", encoding="utf-8")
    assert read_front_matter(path) == {"format": 1, "id": "abc"}
