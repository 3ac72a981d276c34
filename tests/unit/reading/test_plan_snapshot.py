"""What ``folder_plan`` found, kept until a report of the folder changes
(``reading/plan/plan_snapshot.py``): an unchanged folder is answered from it without the headers or
any report, and the answer is the one derived again; a changed, added or forgotten report, a
corrupt cache file or an entry of the wrong shape make it unused (silently, derived again); a
report changed within the last seconds keeps it from being kept."""

from __future__ import annotations

import marshal
import os
import time
from pathlib import Path
from typing import Any

import pytest

import intervjufas.reading.plan.plan_facts as plan_facts_module
from helpers import CACHE_DAMAGE, CACHE_DAMAGE_IDS, counting_loads, read_cache, write_cache
from intervjufas.folder import scan
from intervjufas.folder.file_cache import FileCache, forget_files
from intervjufas.reading.plan import plan_snapshot
from intervjufas.reading.plan.folder_items import folder_plan
from intervjufas.reading.plan.state import OpenItem

HOUR_AGO = time.time() - 3600


@pytest.fixture
def folder(settled_fixture_reports: Path) -> Path:
    """The fixture reports (open items, follow-ups with comments, one unreadable), all settled."""
    return settled_fixture_reports


def snapshot_file(folder: Path) -> Path:
    return FileCache(plan_snapshot.NAMESPACE, folder, "").path


def derived(folder: Path, customer: str = "") -> tuple[list[OpenItem], list[str]]:
    """``folder_plan`` derived from the headers and reports, with no snapshot to answer it."""
    scan._RECENT.clear()
    snapshot_file(folder).unlink(missing_ok=True)
    return folder_plan(folder, customer=customer)


def shown(found: tuple[list[OpenItem], list[str]]) -> list[Any]:
    """Everything of the answer, the items' ids too (an ActionItem's id is not part of ==)."""
    items, warnings = found
    return [[(item, item.item and (item.item.id, item.item.moment_id)) for item in items], warnings]


@pytest.fixture
def headers_read(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders whose headers are read from now on."""
    read: list[Path] = []
    original = scan.read_headers

    def counting(folder: Path, *args: Any, **kwargs: Any) -> Any:
        read.append(folder)
        return original(folder, *args, **kwargs)

    monkeypatch.setattr(scan, "read_headers", counting)
    return read


def test_an_unchanged_folder_is_answered_from_the_snapshot(
    folder: Path, monkeypatch: pytest.MonkeyPatch, headers_read: list[Path]
) -> None:
    first = derived(folder)
    assert first[0] and first[1]  # (open items, with histories; a warning for the broken report)
    assert any(item.history and item.last_comment for item in first[0])
    loaded = counting_loads(monkeypatch, plan_facts_module)
    headers_read.clear()
    scan._RECENT.clear()
    assert shown(folder_plan(folder)) == shown(first)
    assert headers_read == [] and loaded == []


def test_the_customer_filter_is_the_derived_one(folder: Path, headers_read: list[Path]) -> None:
    everything = derived(folder)
    customers = {"Nordlager", "servicebolaget", "Ingen sådan"}
    expected = {customer: shown(derived(folder, customer)) for customer in customers}
    folder_plan(folder)  # (kept)
    headers_read.clear()
    for customer in customers:
        assert shown(folder_plan(folder, customer=customer)) == expected[customer]
    assert headers_read == []
    assert shown(folder_plan(folder)) == shown(everything)


def test_a_changed_report_makes_it_unused(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = derived(folder)
    folder_plan(folder)
    changed = max(item.source for item in first[0])
    text = changed.read_text(encoding="utf-8")
    moment = first[0][[item.source for item in first[0]].index(changed)].moment
    changed.write_text(text.replace(moment, "Ett nytt namn", 1), encoding="utf-8")
    os.utime(changed, (HOUR_AGO, HOUR_AGO))  # (even with its time put back)
    loaded = counting_loads(monkeypatch, plan_facts_module)
    now = folder_plan(folder)
    assert loaded == [changed.name]
    assert "Ett nytt namn" in {item.moment for item in now[0]}
    assert shown(now) == shown(derived(folder))


def test_an_added_report_makes_it_unused(folder: Path, headers_read: list[Path]) -> None:
    first = derived(folder)
    source = first[0][0].source
    copy = folder / "2024-04-01-kopia.md"
    copy.write_bytes(source.read_bytes().replace(b"id: ", b"id: k", 1))
    os.utime(copy, (HOUR_AGO, HOUR_AGO))
    headers_read.clear()
    now = folder_plan(folder)
    assert headers_read == [folder]
    assert shown(now) == shown(derived(folder))


def test_a_forgotten_report_leaves_nothing_of_its_own_and_makes_it_unused(
    folder: Path, headers_read: list[Path]
) -> None:
    first = derived(folder)
    followed = next(item for item in first[0] if item.last_comment)
    comment = followed.last_comment.encode("utf-8")
    assert comment in snapshot_file(folder).read_bytes()
    # Forget every report but the one the item was planned in: its follow-up's comment goes too.
    others = [path.name for path in folder.glob("*.md") if path != followed.source]
    forget_files(folder, others)
    assert comment not in snapshot_file(folder).read_bytes()
    headers_read.clear()
    assert shown(folder_plan(folder)) == shown(first)
    assert headers_read == [folder]


@pytest.mark.parametrize("damage", CACHE_DAMAGE, ids=CACHE_DAMAGE_IDS)
def test_a_corrupt_snapshot_is_silently_rebuilt(folder: Path, headers_read: list[Path], damage: Any) -> None:
    first = derived(folder)
    path = snapshot_file(folder)
    path.write_bytes(damage(path.read_bytes()))
    headers_read.clear()
    assert shown(folder_plan(folder)) == shown(first)
    assert headers_read == [folder]
    headers_read.clear()
    assert shown(folder_plan(folder)) == shown(first)
    assert headers_read == []  # (kept again)


def rows_of(value: list[Any]) -> list[Any]:
    """The rows of an entry's items, as ``plan_snapshot.keep`` packs them."""
    rows: list[Any] = marshal.loads(value[3])
    return rows


@pytest.mark.parametrize(
    "wrong",
    [
        lambda value: ["x", *value[1:]],  # the count
        lambda value: [*value[:3], marshal.dumps([["a", "b"]]), *value[4:]],  # a row
        lambda value: (
            [*value[:3], marshal.dumps([[*rows_of(value)[0][:1], "1", *rows_of(value)[0][2:]]]), *value[4:]]
            if rows_of(value)
            else 1
        ),
        lambda value: [*value[:4], marshal.dumps([[None, 1, 2]]), *value[5:]],  # a follow-up
        lambda value: [*value[:3], [], *value[4:]],  # rows not packed
        lambda value: [*value[:3], b"", *value[4:]],  # packed rows cut short
        lambda value: [*value[:4], value[4][:-1], *value[5:]],  # packed follow-ups cut short
    ],
    ids=["count", "row", "step", "follow-up", "unpacked", "cut-rows", "cut-follow-ups"],
)
def test_an_entry_of_the_wrong_shape_is_derived_again(
    folder: Path, headers_read: list[Path], wrong: Any
) -> None:
    first = derived(folder)
    path = snapshot_file(folder)
    document = read_cache(path)
    for name, entry in document["entries"].items():
        document["entries"][name] = (*entry[:4], wrong(entry[4]))
    write_cache(path, document)
    headers_read.clear()
    assert shown(folder_plan(folder)) == shown(first)
    assert headers_read == [folder]


def test_a_report_just_changed_keeps_none(folder: Path, headers_read: list[Path]) -> None:
    fresh = next(folder.glob("*.md"))
    os.utime(fresh, None)  # (now: its next change may keep the same time stamps)
    first = derived(folder)
    assert not snapshot_file(folder).exists()
    headers_read.clear()
    assert shown(folder_plan(folder)) == shown(first)
    assert headers_read == [folder]


def test_warnings_that_name_another_program_are_not_taken(folder: Path) -> None:
    first = derived(folder)
    place = plan_snapshot.listing(folder)
    assert place is not None
    assert plan_snapshot.kept(place, "intervjufas") is not None
    assert plan_snapshot.kept(place, "python -m intervjufas") is None  # (a warning may suggest a command)
    assert first[1]


@pytest.mark.parametrize("name", ["2024-03-05-plockare-till-nordlager.md", "2024-03-10-trasig.md"])
def test_any_one_report_forgotten_makes_it_unused(folder: Path, headers_read: list[Path], name: str) -> None:
    # (a report whose entry holds only its own items, or only its warning: nothing refers to it)
    first = derived(folder)
    entries = read_cache(snapshot_file(folder))["entries"]
    assert name in entries
    forget_files(folder, [name])
    assert name not in read_cache(snapshot_file(folder))["entries"]
    headers_read.clear()
    assert shown(folder_plan(folder)) == shown(first)
    assert headers_read == [folder]


def test_a_report_changed_while_the_plan_is_read_keeps_nothing(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = derived(folder)
    snapshot_file(folder).unlink()
    changed = max(item.source for item in first[0])
    original = plan_facts_module.PlanReader.read

    def changing(self: Any, paths: Any, *args: Any, **kwargs: Any) -> Any:
        found = original(self, paths, *args, **kwargs)
        os.utime(changed, (HOUR_AGO - 60, HOUR_AGO - 60))  # (the folder is not the one it was)
        return found

    monkeypatch.setattr(plan_facts_module.PlanReader, "read", changing)
    scan._RECENT.clear()
    assert shown(folder_plan(folder)) == shown(first)
    assert not snapshot_file(folder).exists()
