"""``wrap_plain`` wraps plain text exactly as ``wrap_segments`` does, measured per line: every
character it measures by its length is one cell wide, and any text gives the same lines."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from intervjufas.views.text_layout import _ONE_CELL, wrap_plain, wrap_segments


def test_the_characters_measured_by_length_are_one_cell_wide() -> None:
    for code in range(0x20, 0x2200):
        char = chr(code)
        if _ONE_CELL.match(char):
            assert cell_len(char) == 1, hex(code)


TEXT = st.text(
    alphabet=st.sampled_from([*"ab cdefghij-klmnåäöÅÄÖ–→·./_  ", "漢", "\u0301", "é"]), max_size=120
)


@given(TEXT, st.integers(min_value=1, max_value=40))
def test_the_same_lines_as_wrap_segments(text: str, width: int) -> None:
    expected = ["".join(part for part, _ in line) for line in wrap_segments([(text, "")], width)]
    assert wrap_plain(text, width) == expected


def test_a_history_line() -> None:
    line = "Nytt namn: Kravprofil → Genomgång av kravprofilen · 2024-02-20-truckforare-till-nordlager.md"
    assert wrap_plain(line, 40) == [
        "Nytt namn: Kravprofil → Genomgång av",
        "kravprofilen ·",
        "2024-02-20-truckforare-till-nordlager.md",
    ]
