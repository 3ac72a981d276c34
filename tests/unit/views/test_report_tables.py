"""The tables of ``visa``: found in the Markdown as markdown-it finds them, and drawn at any width
with every word whole (a grid when the columns' longest words fit side by side, else row by row)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from intervjufas.views.report_tables import MarkdownTable, split_tables, table_text

MARKDOWN = """Före tabellen.

| Steg | Typ | Moment | Varför |
| --- | --- | --- | --- |
| Steg 2 | Utveckla | Tydligare \\| avslut | Kandidaten ska **veta** vad som händer<!-- x --> |
| Steg 3 | Lägga till |

Efter tabellen.

- en lista
  | inte | en tabell här |
"""


def test_tables_are_taken_out_of_the_markdown() -> None:
    pieces = split_tables(MARKDOWN)
    assert pieces[0] == "Före tabellen.\n"
    assert pieces[1] == MarkdownTable(
        ("Steg", "Typ", "Moment", "Varför"),
        (
            ("Steg 2", "Utveckla", "Tydligare | avslut", "Kandidaten ska veta vad som händer"),
            ("Steg 3", "Lägga till", "", ""),
        ),
    )
    assert isinstance(pieces[2], str) and pieces[2].startswith("\nEfter tabellen.")
    assert len(pieces) == 3  # (a pipe inside a list item is text)


def test_a_grid_when_the_words_fit_and_rows_when_they_do_not() -> None:
    table = split_tables(MARKDOWN)[1]
    assert isinstance(table, MarkdownTable)
    wide = table_text(table, 100).plain.split("\n")
    assert wide[0].split() == ["Steg", "Typ", "Moment", "Varför"]
    assert set(wide[1]) == {"─"}
    narrow = table_text(table, 30).plain.split("\n")
    assert narrow[:4] == ["Steg 2", "  Typ: Utveckla", "  Moment: Tydligare | avslut", "  Varför: Kandidaten ska veta"]
    assert "Steg 3" in narrow and "  Typ: Lägga till" in narrow


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö-0123456789", min_size=1, max_size=14)
CELL = st.lists(WORD, min_size=0, max_size=6).map(" ".join)


@given(
    headers=st.lists(WORD, min_size=1, max_size=6),
    rows=st.lists(st.lists(CELL, min_size=6, max_size=6), max_size=5),
    # (at least a heading's longest word, its colon and the row's indent of two: a narrower window
    # must break such a word, e.g. "000000000000-0:" indented in 16 columns)
    width=st.integers(min_value=18, max_value=140),
)
def test_every_word_whole_and_no_line_too_wide(headers: list[str], rows: list[list[str]], width: int) -> None:
    table = MarkdownTable(tuple(headers), tuple(tuple(row[: len(headers)]) for row in rows))
    drawn = table_text(table, width).plain
    lines = drawn.split("\n")
    assert max(len(line) for line in lines) <= width
    shown = set(drawn.replace(":", " ").split())
    # every cell, and the heading of every column after the first that has a value (row by row, the
    # first cell heads its row and an empty cell is left out with its heading)
    labelled = [h for i, h in enumerate(headers) if i and any(row[i].strip() for row in table.rows)]
    for text in [*labelled, *(cell for row in table.rows for cell in row)]:
        for word in text.split():
            assert word in shown, (word, width, drawn)
    assert "…" not in drawn
