"""The cache of built-in question sets: built once, read back exactly, rebuilt when it is damaged,
stale or of another set, and private to the user."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from intervjufas.questionsets.catalog import builtin_text
from intervjufas.questionsets.loader import load_question_set
from intervjufas.questionsets.set_cache import cache_file, cache_folder, cached_set


@pytest.fixture
def data() -> bytes:
    return builtin_text("snabbformat")


def builder(data: bytes, calls: list[int]):
    def build():
        calls.append(1)
        return load_question_set(data, "snabbformat.yaml (inbyggd)")

    return build


def test_built_once_then_read_back_equal(data: bytes) -> None:
    calls: list[int] = []
    first = cached_set("snabbformat", data, builder(data, calls))
    second = cached_set("snabbformat", data, builder(data, calls))
    assert calls == [1]
    assert second == first
    assert second.content_hash == first.content_hash


def test_the_file_is_in_the_user_cache_folder_and_private(data: bytes, tmp_path: Path) -> None:
    cached_set("snabbformat", data, builder(data, []))
    path = cache_file("snabbformat", data)
    assert path is not None and path.is_file()
    assert path.parent == cache_folder()
    assert str(path).startswith(str(tmp_path))  # (the tests' own cache folder)
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05K\x01."])  # the last: the number 1
def test_a_damaged_file_is_rebuilt_and_rewritten(data: bytes, content: bytes) -> None:
    calls: list[int] = []
    cached_set("snabbformat", data, builder(data, calls))
    path = cache_file("snabbformat", data)
    assert path is not None
    path.write_bytes(content)
    again = cached_set("snabbformat", data, builder(data, calls))
    assert calls == [1, 1]
    assert again.id == "snabbformat"
    assert path.read_bytes() != content


def test_changed_yaml_gets_its_own_file_and_the_old_one_goes(data: bytes) -> None:
    calls: list[int] = []
    cached_set("snabbformat", data, builder(data, calls))
    old = cache_file("snabbformat", data)
    changed = data.replace(b"version: 2", b"version: 3", 1)
    assert changed != data
    new = cache_file("snabbformat", changed)
    assert new != old
    questionnaire = cached_set("snabbformat", changed, builder(changed, calls))
    assert calls == [1, 1]
    assert questionnaire.version == 3
    assert new is not None and new.is_file()
    assert old is not None and not old.exists()


def test_a_cache_folder_that_cannot_be_written_only_costs_time(
    data: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "fil"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where the folder should be
    calls: list[int] = []
    assert cached_set("snabbformat", data, builder(data, calls)).id == "snabbformat"
    assert cached_set("snabbformat", data, builder(data, calls)).id == "snabbformat"
    assert calls == [1, 1]
