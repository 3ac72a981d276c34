"""The cache of built-in question sets: built once, read back exactly, rebuilt when it is damaged,
stale or of another set, and private to the user."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from intervjufas.files.private_folders import take_warnings
from intervjufas.files.sealed import seal
from intervjufas.files.settings import cache_dir
from intervjufas.questionsets.catalog import builtin_text
from intervjufas.questionsets.loader import load_question_set
from intervjufas.questionsets.set_cache import cache_file, cached_set, decode, encode

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX permissions")


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
    assert path.parent == cache_dir()
    assert str(path).startswith(str(tmp_path))  # (the tests' own cache folder)
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def planted_pickle(marker: Path) -> bytes:
    """A pickle that, if it were ever loaded, would create ``marker``."""
    import pickle

    class Plant:
        def __reduce__(self):
            return (Path.touch, (marker,))

    return pickle.dumps(Plant())


@pytest.mark.parametrize(
    "content",
    [b"", b"not a pickle", b"\x80\x05K\x01.", b"[\x00\x00\x00\x80", seal(("d", "Questionnaire", ()), 0)],
    ids=["empty", "text", "pickle", "marshal-bomb", "sealed-wrong-shape"],
)
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


def test_a_cache_folder_that_cannot_be_made_is_replaced_by_a_private_one_for_the_run(
    data: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "fil"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where the folder should be
    calls: list[int] = []
    assert cached_set("snabbformat", data, builder(data, calls)).id == "snabbformat"
    assert cached_set("snabbformat", data, builder(data, calls)).id == "snabbformat"
    assert calls == [1]
    path = cache_file("snabbformat", data)
    assert path is not None and not str(path).startswith(str(blocker))
    assert take_warnings() == []  # (nothing another account did: nothing to warn about)


def test_a_planted_pickle_never_runs(data: bytes, tmp_path: Path) -> None:
    calls: list[int] = []
    path = cache_file("snabbformat", data)
    assert path is not None
    marker = tmp_path / "koden-kordes"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(planted_pickle(marker))
    os.chmod(path, 0o600)
    old = path.parent / "snabbformat-0123456789abcdef01234567.pickle"  # (as earlier versions named it)
    old.write_bytes(planted_pickle(marker))
    assert cached_set("snabbformat", data, builder(data, calls)).id == "snabbformat"
    assert calls == [1]
    assert not marker.exists()
    assert not old.exists()  # (the earlier versions' pickles are removed)


def test_every_model_class_is_encoded_as_plain_data_and_back(data: bytes) -> None:
    questionnaire = load_question_set(builtin_text("kartlaggning"), "kartlaggning.yaml")
    assert questionnaire is not None
    encoded = encode(questionnaire)
    import marshal

    assert marshal.loads(marshal.dumps(encoded)) == encoded  # (nothing but plain values)
    assert decode(encoded) == questionnaire
    assert any(q.condition is not None for q in questionnaire.all_questions())


@pytest.mark.parametrize(
    "node",
    [("d", "os.system", ()), ("d", "Group", ("p",)), ("x", 1), ("p", {1, 2}), ("t", [1]), [1], None],
    ids=["foreign-class", "wrong-field-count", "unknown-tag", "not-plain", "list-not-tuple", "list", "none"],
)
def test_decoding_refuses_anything_but_the_model(node: object) -> None:
    with pytest.raises((ValueError, KeyError)):
        decode(node)


@posix_only
@pytest.mark.parametrize("mode", [0o775, 0o777, 0o720])
def test_a_cache_folder_others_can_write_is_not_read_and_the_set_is_built_elsewhere(
    data: bytes, tmp_path: Path, mode: int
) -> None:
    calls: list[int] = []
    cached_set("snabbformat", data, builder(data, calls))
    home = tmp_path / "hem" / "cache" / "intervjufas"
    os.chmod(home, mode)
    take_warnings()
    path = cache_file("snabbformat", data)
    assert path is not None and not str(path).startswith(str(home))  # (a private folder of this run)
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
    assert cached_set("snabbformat", data, builder(data, calls)).id == "snabbformat"
    assert calls == [1, 1]
    warnings = take_warnings()
    assert len(warnings) == 1 and str(home) in warnings[0] and "chmod 700" in warnings[0]
