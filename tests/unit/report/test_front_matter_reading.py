"""Reading a report's front matter from its file: the one-buffer way (a header as the program
writes it) gives exactly the lines the line-by-line way gives, or leaves the file to it; and a
header is parsed the same whether the fast reader or the safe YAML reader takes it."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intervjufas.report import front_matter
from intervjufas.report.front_matter import HeaderError, parse_header, read_front_matter, safe_header_value

LINES = ["---", "...", "--- ", "---\r", "...\t", "----", "--", "-- -", "a: 1", "b: 'x'", "", " ", "ö: é",
         "---\u00a0", "\ufeff---", "c:\r", "- x", "#", "\x00", "...x"]  # fmt: skip
BYTES = [b"\xff", b"\xc3", b"\r", b"\n"]


def by_lines(data: bytes) -> tuple[str, Any]:
    """What reading line by line gives: the lines, or the kind of error."""
    try:
        return "lines", front_matter._header_lines(io.BytesIO(data))
    except HeaderError as error:
        return "error", error.kind
    except UnicodeDecodeError:
        return "error", "utf-8"


files = st.lists(
    st.one_of(st.sampled_from(LINES).map(lambda line: line.encode("utf-8")), st.sampled_from(BYTES)),
    max_size=12,
).map(lambda parts: b"---\n" + b"\n".join(parts) if parts and parts[0] != b"\xff" else b"\n".join(parts))


@settings(max_examples=400)
@given(files, st.booleans())
def test_one_buffer_gives_the_lines_line_by_line_gives(data: bytes, end_with_break: bool) -> None:
    data += b"\n" if end_with_break else b""
    try:
        fast = front_matter._plain_header_lines(data)
    except UnicodeDecodeError:
        assert by_lines(data) == ("error", "utf-8")
        return
    if fast is not None:
        assert by_lines(data) == ("lines", fast)
    assert front_matter._plain_header_text(data) == (None if fast is None else "\n".join(fast))


def test_a_header_longer_than_the_first_read_is_read_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "lang.md"
    items = "".join(f"  - {'x' * 60} {number}\n" for number in range(400))
    path.write_text(
        f"---\nformat: 1\nid: abc\nfragor:\n  id: kartlaggning\nlista:\n{items}---\n# R\n", "utf-8"
    )
    assert len(path.read_bytes()) > front_matter._FIRST_READ
    header = read_front_matter(path)
    assert header["id"] == "abc" and len(header["lista"]) == 400


@pytest.mark.parametrize(
    "text",
    [
        "format: 3\nid: abc\nfragor:\n  id: kartlaggning\n  version: 2",
        "format: 3  # a comment\nid: abc\nfragor: {id: kartlaggning, version: 2}",
        "format: 3\nid: &x abc\nkopia: *x\nfragor:\n  id: kartlaggning",
    ],
)
def test_the_fast_and_the_safe_reader_agree_on_a_header(text: str) -> None:
    assert parse_header(text.split("\n"), check=False) == safe_header_value(text)


def test_what_the_safe_reader_refuses_is_refused_with_its_words() -> None:
    with pytest.raises(HeaderError) as error:
        parse_header(["a: !!python/object x", "b: 1"])
    assert error.value.kind == "yaml" and "!!python/object" in error.value.detail
    with pytest.raises(HeaderError) as error:
        parse_header(["- a", "- b"])
    assert error.value.kind == "not_mapping"


@pytest.mark.parametrize("value", ["0b_", "0x_", "0o_", "0b2"])
def test_a_value_yaml_types_as_a_number_but_cannot_build_is_kept_as_text(value: str) -> None:
    header = safe_header_value(f"titel: x\nversion: {value}\n")
    assert header == {"titel": "x", "version": value}

