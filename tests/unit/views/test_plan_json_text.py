"""``plan --json`` writes exactly what ``json_output.write_json`` writes of ``plan_data`` (its own,
faster indentation: ``views/plan.py`` ``write_plan_json``), for any text – quotes, backslashes,
control characters, characters outside the output's encoding – and any number of items."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from intervjufas.reading.plan.state import OpenItem
from intervjufas.views.json_output import write_json
from intervjufas.views.plan import plan_data, write_plan_json

TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=20) | st.sampled_from(
    ['"', "\\", "\x9b", "\u2192", "é"]
)


@st.composite
def open_items(draw: st.DrawFn) -> OpenItem:
    return OpenItem(
        key=draw(TEXT),
        moment=draw(TEXT),
        why=draw(TEXT),
        step_number=draw(st.integers(0, 12)),
        step_label=draw(st.sampled_from(["Steg 1", "Del 2"])),
        step_title=draw(TEXT),
        kind=draw(st.sampled_from(["Lägga till", "Utveckla", "Ta bort", "Annat"])),
        source=Path("mapp") / (draw(TEXT) + ".md"),
        source_date=draw(TEXT),
        last_status=draw(st.sampled_from([None, "Delvis", "Inte än"])),
        last_comment=draw(TEXT),
        plan=draw(st.sampled_from(["", "utveckla"])),
    )


class Output(io.StringIO):
    def __init__(self, encoding: str) -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding


@settings(max_examples=200, deadline=None)
@given(st.lists(open_items(), max_size=4), st.sampled_from(["utf-8", "cp1252", "ascii"]))
def test_the_plan_json_is_write_json_s(items: list[OpenItem], encoding: str) -> None:
    fast, standard = Output(encoding), Output(encoding)
    write_plan_json(items, fast)
    write_json(plan_data(items), standard)
    assert fast.getvalue() == standard.getvalue()
