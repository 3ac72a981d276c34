"""The one kept-output mechanism (``folder/kept_output.py``): what is kept for a listing comes back
in the output's order with its warnings and each report's own value; a piece or warning that
belongs to no file keeps nothing; a changed file, another salt, a forgotten entry (with
``every_file``: of any file) or a too fresh file makes it unused."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intervjufas.folder import kept_output
from intervjufas.folder.file_cache import forget_files
from intervjufas.folder.kept_output import Output

HOUR_AGO = time.time() - 3600
NAMES = ["a.md", "b.md", "c.md", "d.md"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "mapp"
    folder.mkdir()
    for name in NAMES:
        (folder / name).write_text(name, encoding="utf-8")
        os.utime(folder / name, (HOUR_AGO, HOUR_AGO))
    return folder


def place_of(folder: Path, *salt: object) -> kept_output.FolderListing:
    place = kept_output.listing(folder, "prov", *salt)
    assert place is not None
    return place


def output() -> Output:
    made = Output(["rubrik\n", "b\n", "a1\n", "a2\n"], ["a.md", "b.md", "a.md", "a.md"])
    made.warn_all(["c.md: trasig", "b.md: konstig"])
    made.extras["b.md"] = {"egen": 1}
    return made


def test_what_is_kept_comes_back_in_order(folder: Path) -> None:
    place = place_of(folder)
    assert kept_output.kept_output(place, "prov", "1") is None
    assert kept_output.keep_output(place, "prov", "1", output())
    kept = kept_output.kept_output(place_of(folder), "prov", "1")
    assert kept is not None
    assert kept.pieces == ["rubrik\n", "b\n", "a1\n", "a2\n"]
    assert [kept.names[number] for number in kept.reports] == ["a.md", "b.md", "a.md", "a.md"]
    assert kept.warnings == ["c.md: trasig", "b.md: konstig"]
    assert kept.report_pieces == {1: {"egen": 1}}
    assert kept_output.kept_output(place_of(folder), "prov", "2") is None  # (another form's version)
    assert kept_output.kept_output(place_of(folder, "annat"), "prov", "1") is None  # (another salt)


def test_a_piece_or_warning_of_no_file_keeps_nothing(folder: Path) -> None:
    place = place_of(folder)
    assert not kept_output.keep_output(place, "prov", "1", Output(["x"], ["saknas.md"]))
    stray = Output(["x"], ["a.md"])
    stray.warn_all(["/annan/plats/a.md: trasig"])
    assert not kept_output.keep_output(place, "prov", "1", stray)
    assert kept_output.kept_output(place, "prov", "1") is None


def test_a_changed_file_makes_it_unused(folder: Path) -> None:
    kept_output.keep_output(place_of(folder), "prov", "1", output())
    (folder / "d.md").write_text("ändrad", encoding="utf-8")
    os.utime(folder / "d.md", (HOUR_AGO, HOUR_AGO))
    assert kept_output.kept_output(place_of(folder), "prov", "1") is None


@pytest.mark.parametrize(("every_file", "name", "used"), [(False, "d.md", True), (True, "d.md", False), (False, "c.md", False)])
def test_forgetting_a_file(folder: Path, every_file: bool, name: str, used: bool) -> None:
    """A file that said nothing leaves what is kept as it is – unless every file has an entry."""
    kept_output.keep_output(place_of(folder), "prov", "1", output(), every_file=every_file)
    forget_files(folder, [name])
    assert (kept_output.kept_output(place_of(folder), "prov", "1") is not None) is used


def test_a_fresh_file_is_not_kept_so_nothing_is_used(folder: Path) -> None:
    (folder / "b.md").touch()
    kept_output.keep_output(place_of(folder), "prov", "1", output())
    assert kept_output.kept_output(place_of(folder), "prov", "1") is None


TEXTS = st.one_of(st.text(max_size=20), st.lists(st.text(max_size=5), max_size=3))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.tuples(st.sampled_from(NAMES), TEXTS), min_size=1, max_size=12),
    st.lists(st.tuples(st.sampled_from(NAMES), st.text(max_size=10)), max_size=4),
    st.dictionaries(st.sampled_from(NAMES), st.integers()),
)
def test_any_output_comes_back_as_it_was_kept(
    folder: Path, pieces: list[tuple[str, Any]], warnings: list[tuple[str, str]], extras: dict[str, int]
) -> None:
    made = Output([piece for _, piece in pieces], [owner for owner, _ in pieces], extras=dict(extras))
    made.warn_all([f"{owner}: {text}" for owner, text in warnings])
    place = place_of(folder)
    assert kept_output.keep_output(place, "prov", "1", made)
    kept = kept_output.kept_output(place_of(folder), "prov", "1")
    assert kept is not None
    assert kept.pieces == made.pieces
    assert [kept.names[number] for number in kept.reports] == made.owners
    assert kept.warnings == made.warnings
    assert {kept.names[number]: value for number, value in kept.report_pieces.items()} == extras


# -- kept by name ---------------------------------------------------------------------------------
def scoped(folder: Path, *salt: object) -> tuple[kept_output.FolderListing, str]:
    place, scope = kept_output.scoped_listing(folder, "prov", *salt)
    assert place is not None
    return place, scope


def changed(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")
    os.utime(folder / name, (HOUR_AGO, HOUR_AGO))


def by_name(folder: Path) -> kept_output.ByName:
    place, scope = scoped(folder)
    found = kept_output.by_name(place, "prov", "1", scope)
    assert found is not None
    return found


@pytest.mark.parametrize("share", [1, 20], ids=["beside", "whole"])
def test_by_name_the_entries_of_changed_files_are_read_and_kept_again(
    folder: Path, monkeypatch: pytest.MonkeyPatch, share: int
) -> None:
    monkeypatch.setattr(kept_output, "RENAMED_SHARE", share)
    place, scope = scoped(folder)
    assert kept_output.keep_output(place, "prov", "1", output(), scope=scope)
    assert kept_output.kept_output(place, "prov", "1", scope=scope) is not None
    assert (by_name(folder).changed, by_name(folder).moved) == ([], [])
    changed(folder, "b.md", "b, ändrad")
    place, scope = scoped(folder)
    assert kept_output.kept_output(place, "prov", "1", scope=scope) is None  # (not for this listing)
    found = by_name(folder)
    assert found.changed == [1]
    assert found.extra(1) == {"egen": 1}
    assert kept_output.rekeep(place, "prov", "1", scope, found)  # (the caller found it the same)
    kept = kept_output.kept_output(place, "prov", "1", scope=scope)
    assert kept is not None and kept.pieces == output().pieces
    assert (by_name(folder).changed, by_name(folder).moved) == ([], [1] if share == 1 else [])
    changed(folder, "b.md", "b, ändrad igen")  # (what was vouched for b is for its last key only)
    assert (by_name(folder).changed, by_name(folder).moved) == ([1], [])
    changed(folder, "a.md", "a, ändrad")
    assert by_name(folder).changed == [0, 1]


def test_by_name_an_added_or_removed_file_makes_it_unused(folder: Path) -> None:
    place, scope = scoped(folder)
    assert kept_output.keep_output(place, "prov", "1", output(), scope=scope)
    changed(folder, "e.md", "ny")
    place, scope = scoped(folder)
    assert kept_output.kept_output(place, "prov", "1", scope=scope) is None
    found = kept_output.by_name(place, "prov", "1", scope)
    assert found is not None and found.decoded(place) is None  # (the new file has no entry)
    (folder / "e.md").unlink()
    (folder / "d.md").unlink()
    place, scope = scoped(folder)
    assert kept_output.kept_output(place, "prov", "1", scope=scope) is None
    assert kept_output.kept_output(*scoped(folder, "annat")[:1], "prov", "1", scope=scoped(folder, "annat")[1]) is None
