"""``lista --json`` made from each report's recurring pieces (``views/listing_json.py``) is exactly the
text the general item writer gives for the same listing, in any output encoding, with any texts
(control characters, characters the encoding lacks, unpaired surrogates)."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from intervjufas.reading.listing import ListedReport, Listing
from intervjufas.views.json_stream import write_json_list
from intervjufas.views.json_vocabulary import FORMAT
from intervjufas.views.listing import listing_items
from intervjufas.views.listing_json import write_listing_json

_TEXT = st.text(max_size=8)
_STATUS = st.one_of(st.sampled_from(["Klar", "Påbörjad", "Inte påbörjad", ""]), _TEXT)
_ROWS = st.builds(
    ListedReport,
    path=st.sampled_from(["a.md", "2024-01-08-bagare.md", "Åre → kund.md"]).map(lambda name: Path("/r") / name),
    report_id=_TEXT,
    set_id=_TEXT,
    datum=_TEXT,
    uppdrag=_TEXT,
    kund=_TEXT,
    intervjuform=st.lists(_TEXT, max_size=3).map(tuple),
    steps=st.dictionaries(st.sampled_from(["processen", "reflektera", "x"]), _STATUS, max_size=3),
    open_items=st.integers(min_value=0, max_value=10**6),
    created=_TEXT,
    author=_TEXT,
)


def _written(listing: Listing, encoding: str, *, general: bool) -> bytes:
    stream = io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors="backslashreplace", newline="\n")
    if general:
        write_json_list({"format": FORMAT}, "rapporter", listing_items(listing), stream)
    else:
        write_listing_json(listing, stream, listing_items)
    stream.flush()
    return stream.buffer.getvalue()  # type: ignore[attr-defined,no-any-return]


@given(rows=st.lists(_ROWS, max_size=6), encoding=st.sampled_from(["utf-8", "latin-1", "ascii"]))
def test_the_text_is_the_general_writers(rows: list[ListedReport], encoding: str) -> None:
    listing = Listing(rows, [], Path("/r"))
    assert _written(listing, encoding, general=False) == _written(listing, encoding, general=True)


def test_recurring_forms_and_steps_are_written_in_every_report() -> None:
    row = ListedReport(Path("/r/a.md"), "id", "snabb", "2024-01-08", "Bagare", "Kund", ("A", "B"), {"s": "Klar"})
    listing = Listing([row, row, ListedReport(Path("/r/b.md"), "i2", "s", "", "", "", ())], [], Path("/r"))
    text = _written(listing, "utf-8", general=False)
    assert text == _written(listing, "utf-8", general=True)
    assert text.count(b'"status_text": "Klar"') == 2 and text.count(b'"intervjuform": []') == 1
