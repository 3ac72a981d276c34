"""The team's vocabulary file: written one sorted entry per line and read back exactly, whatever the
names; two clones' additions merge line by line; and a file too big is refused before it is parsed."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intervjufas.errors import IntervjufasError
from intervjufas.folder.team_vocabulary import (
    FILE_NAME,
    LIMIT,
    Vocabulary,
    change_vocabulary,
    read_vocabulary,
    vocabulary_text,
)

NAMES = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40).filter(
    lambda n: " ".join(n.split()) == n and n.strip()
)


@given(st.lists(st.tuples(NAMES, NAMES), max_size=5), st.lists(NAMES, max_size=5), st.lists(NAMES, max_size=5))
def test_any_names_are_written_and_read_back(pairs: list[tuple[str, str]], split: list[str], outside: list[str]) -> None:
    import tempfile

    vocabulary = Vocabulary()
    for one, other in pairs:
        if one.casefold() != other.casefold():
            vocabulary = vocabulary.merge(one, other)
    for name in split:
        vocabulary = vocabulary.separate(name)
    for name in outside:
        vocabulary = vocabulary.leave(name)
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / FILE_NAME).write_text(vocabulary_text(vocabulary), encoding="utf-8")
        assert read_vocabulary(Path(folder)) == (vocabulary, [])
    entries = [line for line in vocabulary_text(vocabulary).splitlines() if line.startswith("  - ")]
    assert len(entries) == len(vocabulary.merged) + len(vocabulary.split) + len(vocabulary.outside)


def test_changes_are_kept_sorted_and_a_split_name_leaves_its_pairs(tmp_path: Path) -> None:
    change_vocabulary(tmp_path, lambda v: v.merge("Referenstagning", "Referenser").merge("B", "A"))
    change_vocabulary(tmp_path, lambda v: v.separate("a"))
    vocabulary, warnings = read_vocabulary(tmp_path)
    assert warnings == []
    assert vocabulary.merged == (("Referenser", "Referenstagning"),)
    assert vocabulary.split == ("a",)
    assert not list(tmp_path.glob(".*.lock"))  # (the lock is given back)


def test_a_file_too_big_is_a_warning_and_is_never_written_over(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    path.write_bytes(b"dela:\n" + b"  - x\n" * (LIMIT // 6 + 1))
    vocabulary, warnings = read_vocabulary(tmp_path)
    assert vocabulary == Vocabulary() and len(warnings) == 1 and "större än" in warnings[0]
    before = path.read_bytes()
    with pytest.raises(IntervjufasError):
        change_vocabulary(tmp_path, lambda v: v.separate("y"))
    assert path.read_bytes() == before
