"""``plan`` into a file or a pipe: the stacked layout made as plain text at once is, line for line,
the styled one's characters (``views/plan.py``: ``_plain_stack`` and ``_plan_stack``), at any
width and for any text – long words, runs of spaces, wide characters, empty fields."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from intervjufas.reading.plan.state import FollowUpEntry, OpenItem
from intervjufas.views.console import plain_console
from intervjufas.views.plan import _plain_stack, _plan_stack, show_plan

WORDS = st.text(alphabet="abcåäö ABC-/._–界", min_size=0, max_size=60)


@st.composite
def open_items(draw: st.DrawFn) -> OpenItem:
    status = draw(st.sampled_from([None, "Delvis", "Inte än"]))
    return OpenItem(
        key=draw(st.sampled_from(["r1/a", "r2/b"])),
        moment=draw(WORDS),
        why=draw(WORDS),
        step_number=draw(st.integers(1, 3)),
        step_label=draw(st.sampled_from(["Steg 1", "Del 2", "Steg 3"])),
        step_title="Före",
        kind=draw(st.sampled_from(["Lägga till", "Utveckla", "Ta bort"])),
        source=Path("rapporter") / (draw(st.text(alphabet="abc-0123", min_size=1, max_size=70)) + ".md"),
        source_date="2024-03-05",
        last_status=status,
        last_comment=draw(WORDS) if status else "",
        history=(FollowUpEntry("2024-03-06", status or "Delvis", ""),),
    )


@settings(max_examples=150, deadline=None)
@given(st.lists(open_items(), min_size=1, max_size=6), st.integers(min_value=12, max_value=200))
def test_the_plain_stack_is_the_styled_one(items: list[OpenItem], width: int) -> None:
    assert _plain_stack(width, items) == _plan_stack(width, items).plain + "\n"


def test_a_pipe_gets_the_plain_stack() -> None:
    items = [
        OpenItem(
            "r1/a",
            "Ett moment",
            "För att",
            1,
            "Steg 1",
            "Före",
            "Utveckla",
            Path("x") / ("a" * 70 + ".md"),
            "2024-03-05",
        )
    ]
    out = io.StringIO()
    show_plan(plain_console(out, 60), items, "mappen")
    assert out.getvalue().startswith(
        "Steg 1 · Utveckla: Ett moment\n  Varför: För att\n  Senaste status: –\n"
    )


def test_wide_characters_are_measured_in_cells() -> None:
    # 34 characters, 49 cells: wrapped at 40 although it has fewer characters than that.
    item = OpenItem("r1/a", "界" * 15, "", 1, "Steg 1", "Före", "Utveckla", Path("x.md"), "2024-03-05")
    assert _plain_stack(40, [item]) == _plan_stack(40, [item]).plain + "\n"
    assert _plain_stack(40, [item]).splitlines()[0] == "Steg 1 · Utveckla:"
