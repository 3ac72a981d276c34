"""What ``plan`` writes, kept in its final form (``reading/plan/plan_output.py``): made from the
snapshot of the same listing, handed back in the output's order (of the reports ``--kund`` names,
when given) with the warnings; a changed or forgotten report, an entry of the wrong shape or a
warning naming another program make it unused; nothing is kept without a snapshot."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from helpers import read_cache, write_cache
from intervjufas.folder import scan
from intervjufas.folder.file_cache import FileCache, forget_files
from intervjufas.reading.plan import plan_output, plan_snapshot
from intervjufas.reading.plan.folder_items import folder_plan
from intervjufas.views.plan_json_kept import JSON_FORM
from intervjufas.views.plan_kept import TEXT_FORM

HOUR_AGO = time.time() - 3600


@pytest.fixture
def folder(settled_fixture_reports: Path) -> Path:
    return settled_fixture_reports


def place_of(folder: Path) -> plan_snapshot.Listing:
    place = plan_output.listing(folder)
    assert place is not None
    return place


def kept_file(folder: Path, form: Any) -> Path:
    return FileCache(form.namespace, folder, "").path


def made(folder: Path, form: Any = TEXT_FORM) -> tuple[list[tuple[str, Any]], list[str]]:
    """The pieces ``form`` makes of what ``folder_plan`` derives now, in the output's order, each
    with its report's name."""
    scan._RECENT.clear()
    items, warnings = folder_plan(folder)
    return form.kept_pieces(form.ordered(items)), warnings


@pytest.mark.parametrize("form", [TEXT_FORM, JSON_FORM], ids=["text", "json"])
def test_the_kept_pieces_are_those_of_a_fresh_computation(folder: Path, form: Any) -> None:
    pieces, warnings = made(folder, form)
    place = place_of(folder)
    assert plan_output.kept_output(place, "intervjufas", "", form) is None
    plan_output.keep_output(place, "intervjufas", form)
    found = plan_output.kept_output(place, "intervjufas", "", form)
    assert found is not None
    assert found.pieces == [piece for _, piece in pieces] and found.warnings == warnings and warnings
    assert [found.names[number] for number in found.reports] == [name for name, _ in pieces]


@pytest.mark.parametrize("form", [TEXT_FORM, JSON_FORM], ids=["text", "json"])
def test_kept_from_what_was_just_computed_it_is_what_the_snapshot_gives(
    folder: Path, form: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    scan._RECENT.clear()
    FileCache(plan_snapshot.NAMESPACE, folder, "").path.unlink(missing_ok=True)
    snapshots: list[Any] = []
    found = folder_plan(folder, kept=snapshots)
    (snapshot,) = snapshots  # (computed and kept: handed over once)
    place = place_of(folder)
    assert (snapshot.place.names, snapshot.place.keys) == (place.names, place.keys)
    assert snapshot.customers == plan_snapshot.kept_customers(snapshot.place, "intervjufas")
    assert folder_plan(folder, kept=snapshots) == found and len(snapshots) == 1  # (not kept again)

    def not_again(*_: Any, **__: Any) -> None:
        raise AssertionError("the snapshot loaded or the folder listed again")

    with monkeypatch.context() as patched:
        patched.setattr(plan_snapshot, "kept_customers", not_again)
        patched.setattr(plan_snapshot, "listing", not_again)
        plan_output.keep_output(place, "intervjufas", form, found, snapshot)
    given = plan_output.kept_output(place, "intervjufas", "", form)
    kept_file(folder, form).unlink()
    plan_output.keep_output(place, "intervjufas", form, found)
    assert given is not None and given == plan_output.kept_output(place, "intervjufas", "", form)
    moved = snapshot._replace(place=plan_snapshot.Listing(folder, place.names[1:], place.keys[1:], ""))
    kept_file(folder, form).unlink()
    plan_output.keep_output(place, "intervjufas", form, found, moved)  # (another listing: nothing kept)
    assert plan_output.kept_output(place, "intervjufas", "", form) is None


def test_the_json_is_kept_one_piece_per_report(folder: Path) -> None:
    pieces, _ = made(folder, JSON_FORM)
    items = folder_plan(folder)[0]
    assert [name for name, _ in pieces] == list(dict.fromkeys(item.source.name for item in JSON_FORM.ordered(items)))
    assert len(pieces) < len(items)
    assert sorted(place for _, (places, _) in pieces for place in places) == list(range(len(items)))


def test_the_customer_filter_is_folder_plans(folder: Path) -> None:
    made(folder)
    place = place_of(folder)
    plan_output.keep_output(place, "intervjufas", TEXT_FORM)
    for customer in ("Nordlager", "servicebolaget", "Ingen sådan"):
        found = plan_output.kept_output(place, "intervjufas", customer, TEXT_FORM)
        assert found is not None
        items = TEXT_FORM.ordered(folder_plan(folder, customer=customer)[0])
        assert found.pieces == [TEXT_FORM.item_piece(item) for item in items]


def test_nothing_is_kept_without_a_snapshot(folder: Path) -> None:
    place = place_of(folder)
    plan_output.keep_output(place, "intervjufas", TEXT_FORM)
    assert not kept_file(folder, TEXT_FORM).exists()


@pytest.mark.parametrize("form", [TEXT_FORM, JSON_FORM], ids=["text", "json"])
def test_nothing_is_kept_for_a_listing_the_snapshot_is_not_of(folder: Path, form: Any) -> None:
    place = place_of(folder)  # (as the run began)
    changed = sorted(folder.glob("*.md"))[0]
    changed.write_bytes(changed.read_bytes() + b"\n")
    os.utime(changed, (HOUR_AGO, HOUR_AGO))
    made(folder)  # (the snapshot of the folder as it is now)
    plan_output.keep_output(place, "intervjufas", form)
    assert not kept_file(folder, form).exists()
    plan_output.keep_output(place_of(folder), "intervjufas", form)
    assert plan_output.kept_output(place_of(folder), "intervjufas", "", form) is not None


def test_a_changed_report_makes_it_unused(folder: Path) -> None:
    made(folder)
    plan_output.keep_output(place_of(folder), "intervjufas", TEXT_FORM)
    changed = sorted(folder.glob("*.md"))[0]
    changed.write_bytes(changed.read_bytes() + b"\n")
    os.utime(changed, (HOUR_AGO, HOUR_AGO))
    assert plan_output.kept_output(place_of(folder), "intervjufas", "", TEXT_FORM) is None


@pytest.mark.parametrize("name", ["2024-03-05-plockare-till-nordlager.md", "2024-03-10-trasig.md"])
def test_any_one_report_forgotten_makes_it_unused(folder: Path, name: str) -> None:
    made(folder)
    place = place_of(folder)
    plan_output.keep_output(place, "intervjufas", TEXT_FORM)
    assert name in read_cache(kept_file(folder, TEXT_FORM))["entries"]
    forget_files(folder, [name])
    assert name not in read_cache(kept_file(folder, TEXT_FORM))["entries"]
    assert plan_output.kept_output(place, "intervjufas", "", TEXT_FORM) is None


@pytest.mark.parametrize(
    "wrong",
    [
        lambda value: ["x", *value[1:]],  # the count of entries
        lambda value: [value[0], value[1] + 1, *value[2:]],  # the count of items
        lambda value: [*value[:2], [str(place) for place in value[2]], *value[3:]],  # a place
        lambda value: [*value[:2], [0 for _ in value[2]], *value[3:]],  # places twice
        lambda value: [*value[:2], value[2][:-1], *value[3:]],  # a place missing
        lambda value: [*value[:4], [[0, None]], *value[5:]],  # a warning
        lambda value: [*value[:5], 5 if value[5] else None],  # its own piece and customer
    ],
    ids=["entries", "items", "place", "twice", "missing", "warning", "customer"],
)
def test_an_entry_of_the_wrong_shape_makes_it_unused(folder: Path, wrong: Any) -> None:
    made(folder)
    place = place_of(folder)
    plan_output.keep_output(place, "intervjufas", TEXT_FORM)
    path = kept_file(folder, TEXT_FORM)
    document = read_cache(path)
    for name, entry in document["entries"].items():
        if type(entry[4][2]) is list and (len(entry[4][2]) > 1 or entry[4][4]):  # (two items, or a warning)
            document["entries"][name] = (*entry[:4], wrong(entry[4]))
    write_cache(path, document)
    assert plan_output.kept_output(place, "intervjufas", "", TEXT_FORM) is None


def test_warnings_that_name_another_program_are_not_taken(folder: Path) -> None:
    made(folder)
    place = place_of(folder)
    plan_output.keep_output(place, "intervjufas", TEXT_FORM)
    assert plan_output.kept_output(place, "intervjufas", "", TEXT_FORM) is not None
    assert plan_output.kept_output(place, "python -m intervjufas", "", TEXT_FORM) is None
