"""``files/interned.py``: a plain value with its strings interned is equal to it, and every equal
string in it is one object (what ``marshal`` then writes once) – so a cache that interns what it
puts may be written without the file cache's pass that shares them."""

from __future__ import annotations

import marshal

from hypothesis import given
from hypothesis import strategies as st

from intervjufas.files.interned import interned
from intervjufas.files.sealed import Plain

texts = st.sampled_from(["2024-05-01", "Nordlager AB", "Delvis", ""]) | st.text(max_size=5)
plain_values: st.SearchStrategy[Plain] = st.recursive(
    st.none() | st.booleans() | st.integers() | texts,
    lambda inner: st.lists(inner, max_size=4)
    | st.lists(inner, max_size=3).map(tuple)
    | st.dictionaries(texts, inner, max_size=3),
    max_leaves=20,
)


def strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in (key, *strings(item))]
    if isinstance(value, list | tuple):
        return [s for item in value for s in strings(item)]
    return []


@given(plain_values)
def test_interned_values_are_equal_and_share_every_equal_string(value: Plain) -> None:
    # (copies of the strings, as a parser makes them: equal, not one object)
    copied = marshal.loads(marshal.dumps(value, 2))
    shared = interned(copied)
    assert shared == value
    found = strings(shared)
    assert all(a is b for a in found for b in found if a == b)


def test_equal_strings_are_written_once() -> None:
    made = [("Nordlager" + " AB " + str(n % 1))[:-1] for n in range(50)]  # (50 equal strings)
    assert len({id(text) for text in made}) == 50
    assert len(marshal.dumps(interned(made))) < len(marshal.dumps(made)) / 2
