"""The sealed cache format: plain values come back exactly; anything that is not exactly what was
sealed – random bytes, a truncated or changed file, a header that claims too much, a payload that
would make ``marshal`` allocate gigabytes – gives None, never an exception or a long wait."""

from __future__ import annotations

import marshal
import struct
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intervjufas.files import sealed
from intervjufas.files.atomic import atomic_write_bytes
from intervjufas.files.sealed import HEADER_SIZE, MAGIC, plain, seal, unseal

plain_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text() | st.binary(),
    lambda inner: st.lists(inner, max_size=5)
    | st.lists(inner, max_size=5).map(tuple)
    | st.dictionaries(st.text(max_size=8), inner, max_size=5),
    max_leaves=30,
)


@given(plain_values, st.integers(min_value=0, max_value=1000))
def test_plain_values_come_back_exactly(value: object, count: int) -> None:
    assert plain(value)
    assert unseal(seal(value, count), max_items=1000) == (value, count)


@given(st.binary(max_size=400))
def test_random_bytes_are_refused(data: bytes) -> None:
    assert unseal(data, max_items=10**6) is None
    assert unseal(MAGIC + data, max_items=10**6) is None


@given(plain_values, st.data())
def test_a_truncated_or_changed_file_is_refused(value: object, data: st.DataObject) -> None:
    whole = seal(value, 1)
    # Positions are drawn without a bound taken from the sealed bytes: marshal's length for equal
    # values depends on whether they are one shared object, which can differ when hypothesis
    # replays an example, and a strategy must be the same on every replay.
    cut = data.draw(st.integers(min_value=0, max_value=2**16)) % len(whole)
    assert unseal(whole[:cut], max_items=10) is None
    at = data.draw(st.integers(min_value=0, max_value=2**16)) % len(whole)
    flip = data.draw(st.integers(min_value=1, max_value=255))
    changed = bytearray(whole)
    changed[at] ^= flip
    found = unseal(bytes(changed), max_items=10)
    assert found is None or (at in range(8, 12) and found[0] == value)  # (only the count may differ)


def forged(payload: bytes, *, count: int = 0, length: int | None = None, digest: bytes = b"\0" * 32) -> bytes:
    return struct.pack("<8sIQ32s", MAGIC, count, len(payload) if length is None else length, digest) + payload


@pytest.mark.parametrize(
    "data",
    [
        b"[\x00\x00\x00\x80",  # five bytes that claim a list of 2**31 items
        forged(b"[\x00\x00\x00\x80"),  # the same behind a header, with a wrong digest
        forged(b"N", length=2**40),  # a length that is not there
        seal(None, 2**31),  # more items than allowed
        seal(None, 0)[: HEADER_SIZE - 1],
    ],
    ids=["bare-bomb", "bomb-behind-header", "claimed-length", "claimed-count", "short-header"],
)
def test_what_claims_more_than_it_holds_is_refused_before_loading(
    data: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads: list[bytes] = []
    monkeypatch.setattr(sealed, "marshal", SimpleNamespace(loads=loads.append, dumps=marshal.dumps))
    assert unseal(data, max_items=1000) is None
    assert loads == []  # (marshal never saw it)


@pytest.mark.parametrize("error", [MemoryError, RecursionError, ValueError, EOFError, TypeError])
def test_any_failure_while_loading_is_none(error: type[Exception], monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(_data: bytes) -> object:
        raise error()

    monkeypatch.setattr(sealed, "marshal", SimpleNamespace(loads=failing, dumps=marshal.dumps))
    assert unseal(seal({"a": 1}, 1), max_items=10) is None


@pytest.mark.parametrize("value", [{1, 2}, frozenset(), object(), [[[]] * 2] * 2 + [set()], 1j])
def test_only_plain_values_are_plain(value: object) -> None:
    assert not plain(value)


def test_nesting_deeper_than_the_limit_is_not_plain() -> None:
    deep: object = "x"
    for _ in range(100):
        deep = [deep]
    assert not plain(deep)


@given(plain_values, st.integers(min_value=0, max_value=1000))
def test_sealed_parts_written_one_after_the_other_read_back_exactly(value: object, count: int) -> None:
    parts = sealed.sealed_parts(value, count)
    assert len(parts[0]) == HEADER_SIZE
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cache"
        atomic_write_bytes(path, parts)  # (the parts are never joined in memory)
        assert path.read_bytes() == seal(value, count)  # type: ignore[arg-type]
        assert unseal(path.read_bytes(), max_items=1000) == (value, count)
