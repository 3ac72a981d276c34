"""``plan`` written from the kept pieces (``views/plan_kept.py``, ``views/plan_json_kept.py``) is,
character for character, what ``views/plan.py`` writes from the items – the stacked plain text at
any width (narrower than a block too: its lines are wrapped again) and the JSON, also of the
reports of one customer – for any text, after the pieces went through ``marshal`` as the cache
keeps them; where it cannot write the same (the table fits, a terminal, another encoding, a piece
of another shape) it says so and writes nothing."""

from __future__ import annotations

import io
import marshal
from dataclasses import replace
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from intervjufas.reading.plan.plan_output import KeptOutput
from intervjufas.reading.plan.state import FollowUpEntry, OpenItem
from intervjufas.views import plan_json_kept, plan_kept
from intervjufas.views.console import plain_console
from intervjufas.views.plan import show_plan, write_plan_json

FOLDER = Path("rapporter")
WORDS = st.text(alphabet='abcåäö ABC-/._–界\n\x07\x9b"\\', min_size=0, max_size=60)
NAMES = st.text(alphabet="abc-0123 界", min_size=1, max_size=70)


@st.composite
def open_items(draw: st.DrawFn) -> OpenItem:
    status = draw(st.sampled_from([None, "Delvis", "Inte än"]))
    return OpenItem(
        key=draw(st.sampled_from(["r1/a", "r2/b", "r3/c"])),
        moment=draw(WORDS),
        why=draw(WORDS),
        step_number=draw(st.integers(1, 3)),
        step_label=draw(st.sampled_from(["Steg 1", "Del 2", "Steg 3"])),
        step_title="Före",
        kind=draw(st.sampled_from(["Lägga till", "Utveckla", "Ta bort"])),
        source=FOLDER / (draw(NAMES) + ".md"),
        source_date=draw(st.sampled_from(["2024-03-05", "2024-04-01"])),
        last_status=status,
        last_comment=draw(WORDS) if status else "",
        plan=draw(st.sampled_from(["", "utveckla"])),
        history=(FollowUpEntry("2024-03-06", status or "Delvis", ""),),
    )


def kept(items: list[OpenItem], form: Any, chosen: set[str] | None = None) -> KeptOutput:
    """What ``plan_output`` hands back of ``form``'s pieces of these items, through ``marshal``
    (of the reports ``chosen`` names, when given: as for ``--kund``)."""
    ordered = form.ordered(items)
    names = sorted({item.source.name for item in items})
    number = {name: place for place, name in enumerate(names)}
    made = [(name, piece) for name, piece in form.kept_pieces(ordered) if chosen is None or name in chosen]
    pieces = marshal.loads(marshal.dumps([piece for _, piece in made]))
    reports = [number[name] for name, _ in made]
    held: dict[str, list[OpenItem]] = {}
    for item in items:
        held.setdefault(item.source.name, []).append(item)
    report_pieces = marshal.loads(
        marshal.dumps({number[name]: form.report_piece(own[0].source, own) for name, own in held.items()})
    )
    return KeptOutput(FOLDER, names, pieces, reports, report_pieces, [])


class Output(io.StringIO):
    def __init__(self, encoding: str) -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding


@settings(max_examples=200, deadline=None)
@given(st.lists(open_items(), min_size=1, max_size=6), st.integers(min_value=1, max_value=200))
def test_the_kept_text_is_the_text_of_the_items(items: list[OpenItem], width: int) -> None:
    fresh, from_kept = io.StringIO(), io.StringIO()
    show_plan(plain_console(fresh, width), items, FOLDER, "intervjufas")
    console = plain_console(from_kept, width)
    chunks = plan_kept.prepared_text(console, kept(items, plan_kept.TEXT_FORM))
    if chunks is None:  # (only where the table fits: then the items are made)
        assert not fresh.getvalue().startswith(items[0].step_label + " · ")
        return
    plan_kept.write_text(console, chunks, len(items), "intervjufas")
    assert from_kept.getvalue() == fresh.getvalue()


@settings(max_examples=200, deadline=None)
@given(
    st.lists(open_items(), min_size=1, max_size=6),
    st.sampled_from(["utf-8", "UTF8", "cp1252"]),
    st.sampled_from([FOLDER, Path("/tmp/mapp \x9b"), Path("a\"b/ö")]),
)
def test_the_kept_json_is_the_json_of_the_items(items: list[OpenItem], encoding: str, folder: Path) -> None:
    items = [replace(item, source=folder / item.source.name) for item in items]
    fresh, from_kept = Output(encoding), Output(encoding)
    write_plan_json(items, fresh)
    chunks = plan_json_kept.prepared_json(replace(kept(items, plan_json_kept.JSON_FORM), folder=folder), from_kept)
    if encoding == "cp1252":
        assert chunks is None
        return
    assert chunks is not None
    plan_json_kept.write_prepared(from_kept, chunks)
    assert from_kept.getvalue() == fresh.getvalue()


@settings(max_examples=100, deadline=None)
@given(st.lists(open_items(), min_size=1, max_size=8), st.data())
def test_the_kept_json_of_some_reports_is_their_json(items: list[OpenItem], data: st.DataObject) -> None:
    names = sorted({item.source.name for item in items})
    chosen = set(data.draw(st.lists(st.sampled_from(names), min_size=1, unique=True)))
    fresh, from_kept = Output("utf-8"), Output("utf-8")
    write_plan_json([item for item in items if item.source.name in chosen], fresh)
    chunks = plan_json_kept.prepared_json(kept(items, plan_json_kept.JSON_FORM, chosen), from_kept, chosen=True)
    assert chunks is not None
    plan_json_kept.write_prepared(from_kept, chunks)
    assert from_kept.getvalue() == fresh.getvalue()


def test_the_kept_json_goes_to_a_text_streams_bytes_as_they_are(tmp_path: Path) -> None:
    items = [
        OpenItem(f"r{n}/a", f"Moment {n} – å", "", 1, "Steg 1", "Före", "Utveckla", FOLDER / f"r{n % 3}.md", "2024-03-05")
        for n in range(2500)
    ]
    fresh = Output("utf-8")
    write_plan_json(items, fresh)
    with open(tmp_path / "ut.json", "w", encoding="utf-8") as stream:
        stream.write("")
        chunks = plan_json_kept.prepared_json(kept(items, plan_json_kept.JSON_FORM), stream)
        assert chunks is not None
        plan_json_kept.write_prepared(stream, chunks)
    assert (tmp_path / "ut.json").read_bytes() == fresh.getvalue().encode("utf-8")


def test_many_items_are_written_in_chunks() -> None:
    items = [
        OpenItem(
            f"r{n}/a",
            f"Moment {n}",
            "För att",
            1,
            "Steg 1",
            "Före",
            "Utveckla",
            FOLDER / f"r{n}.md",
            "2024-03-05",
        )
        for n in range(1201)
    ]
    fresh, from_kept = io.StringIO(), io.StringIO()
    show_plan(plain_console(fresh, 40), items, FOLDER)
    prepared = plan_kept.prepared_text(plain_console(from_kept, 40), kept(items, plan_kept.TEXT_FORM))
    assert prepared is not None
    chunks = list(prepared)
    assert len(chunks) == 3
    plan_kept.write_text(plain_console(from_kept, 40), chunks, len(items), "intervjufas")
    assert from_kept.getvalue() == fresh.getvalue()


def test_pieces_of_another_shape_are_not_written() -> None:
    item = OpenItem("r1/a", "Ett moment", "", 1, "Steg 1", "Före", "Utveckla", FOLDER / "r1.md", "2024-03-05")
    text, json = kept([item], plan_kept.TEXT_FORM), kept([item], plan_json_kept.JSON_FORM)
    for wrong in ([], ["1", "x"], [1, 2], [100, "x", ["a"]], [100, "x", "y"], None):
        text.pieces[0] = wrong
        assert plan_kept.prepared_text(plain_console(io.StringIO(), 40), text) is None
    assert plan_json_kept.prepared_json(json, Output("utf-8")) is not None
    for wrong in ([], ["a"], 1, None, [[0], "text"], [[0], None], [[0, 1], b"x"], [[0], b"x\x01y"], [[1], b"x"], [[-1], b"x"], [["0"], b"x"]):
        json.pieces[0] = wrong
        assert plan_json_kept.prepared_json(json, Output("utf-8")) is None


def test_a_place_taken_twice_is_not_written() -> None:
    items = [
        OpenItem(f"r{n}/a", "Ett moment", "", 1, "Steg 1", "Före", "Utveckla", FOLDER / f"r{n}.md", "2024-03-05")
        for n in range(3)
    ]
    json = kept(items, plan_json_kept.JSON_FORM)
    json.pieces[1] = [json.pieces[0][0], json.pieces[1][1]]  # (the first place twice, the second none)
    for chosen in (False, True):
        assert plan_json_kept.prepared_json(json, Output("utf-8"), chosen=chosen) is None


def test_a_width_where_the_table_fits_or_a_terminal_is_not_written_from_pieces() -> None:
    item = OpenItem("r1/a", "Ett moment", "", 1, "Steg 1", "Före", "Utveckla", FOLDER / "r1.md", "2024-03-05")
    pieces = kept([item], plan_kept.TEXT_FORM)
    assert plan_kept.prepared_text(plain_console(io.StringIO(), 200), pieces) is None
    assert plan_kept.prepared_text(plain_console(io.StringIO(), 40), pieces) is not None
