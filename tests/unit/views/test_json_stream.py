"""``lista --json`` is written report by report: the text is exactly the whole document's, and a
narrow output encoding still gets the same data."""

from __future__ import annotations

import io
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from intervjufas.views.json_output import json_text
from intervjufas.views.json_stream import dumps_list, write_json_list

_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=12))
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=12,
)


@given(
    head=st.dictionaries(st.text(max_size=6).filter(lambda key: key != "rapporter"), _VALUES, max_size=3),
    items=st.lists(_VALUES, max_size=5),
)
def test_the_text_is_the_whole_documents(head: dict[str, Any], items: list[Any]) -> None:
    assert dumps_list(head, "rapporter", iter(items)) == json_text({**head, "rapporter": items}) + "\n"


def test_an_item_the_encoding_cannot_hold_is_escaped_and_the_data_is_the_same() -> None:
    items = [{"kund": "Åre"}, {"kund": "Pil → höger"}]
    stream = io.TextIOWrapper(io.BytesIO(), encoding="latin-1")
    write_json_list({"format": 3}, "rapporter", items, stream)
    stream.flush()
    text = stream.buffer.getvalue().decode("latin-1")  # type: ignore[attr-defined]
    assert "\\u2192" in text and "Åre" in text
    assert json.loads(text) == {"format": 3, "rapporter": items}


def test_a_key_that_is_no_text_is_written_as_the_standard_encoder_writes_it() -> None:
    items = [{1: "ett", None: [], "x": {2.5: True}}]
    assert dumps_list({}, "rapporter", items) == json_text({"rapporter": items}) + "\n"
