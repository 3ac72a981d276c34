"""The map's changes kept until a report of the folder changes
(``reading/process_map/history_snapshot.py``): an unchanged folder is answered from the snapshot
without the headers or any report, and the answer draws exactly as the one derived again; a changed,
added, removed or forgotten report, a corrupt cache file or an entry of the wrong shape make it
unused (silently, derived again); a report changed within the last seconds keeps it from being
kept; each consultant (and ``--alla``) has a snapshot of their own."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from helpers import CACHE_DAMAGE, CACHE_DAMAGE_IDS, read_cache, write_cache
from intervjufas.folder import scan
from intervjufas.folder.file_cache import forget_files
from intervjufas.folder.folder_listing import folder_listing
from intervjufas.reading.process_map import history_lines, history_snapshot
from intervjufas.reading.process_map.history_changes import ChangeHistory
from intervjufas.views.process_map.history_summary import summary_markdown, summary_rows
from map_samples import ANNA, ERIK, SECOND, THIRD, write_sample_reports

HOUR_AGO = time.time() - 3600


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Anna's three maps and Erik's one, all settled."""
    folder = write_sample_reports(tmp_path / "rapporter")
    for path in folder.iterdir():
        os.utime(path, (HOUR_AGO, HOUR_AGO))
    return folder


@pytest.fixture
def computed(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders whose changes are computed (from headers and facts) from now on."""
    found: list[Path] = []
    original = history_lines.plan_map_reports

    def counting(folder: Path, *args: Any, **kwargs: Any) -> Any:
        found.append(folder)
        return original(folder, *args, **kwargs)

    monkeypatch.setattr(history_lines, "plan_map_reports", counting)
    return found


def snapshot_file(folder: Path, author: str = ANNA, everyone: bool = False) -> Path:
    place = folder_listing(folder, "")
    assert place is not None
    cache = history_snapshot._cache(place, author, everyone)
    assert cache is not None
    return cache.path


def answer(folder: Path, author: str = ANNA, everyone: bool = False) -> tuple[ChangeHistory, list[str]]:
    scan._RECENT.clear()
    return history_snapshot.kept_or_computed(folder, author, everyone)


def derived(folder: Path, author: str = ANNA, everyone: bool = False) -> Any:
    """What the default view draws, derived from the reports with no snapshot to answer it."""
    snapshot_file(folder, author, everyone).unlink(missing_ok=True)
    found = drawn(answer(folder, author, everyone), folder)
    return found


def drawn(found: tuple[ChangeHistory, list[str]], folder: Path) -> Any:
    """Everything the default view shows of an answer: its text rows, its Markdown, the warnings."""
    changes, warnings = found
    return list(summary_rows(changes, folder)), summary_markdown(changes, folder), warnings


def test_an_unchanged_folder_is_answered_from_the_snapshot(folder: Path, computed: list[Path]) -> None:
    first = derived(folder)
    assert "Nytt namn: Kravprofil → Genomgång av kravprofilen" in first[1]
    assert computed == [folder]
    computed.clear()
    assert drawn(answer(folder), folder) == first
    assert computed == []


@pytest.mark.parametrize(("author", "everyone"), [(ANNA, True), (ERIK, False), ("Okänd", False), ("", False)])
def test_every_consultant_and_everyone_have_their_own(
    folder: Path, computed: list[Path], author: str, everyone: bool
) -> None:
    mine = derived(folder)
    first = derived(folder, author, everyone)
    assert first != mine
    computed.clear()
    assert drawn(answer(folder, author, everyone), folder) == first
    assert drawn(answer(folder), folder) == mine
    assert computed == []


def test_a_warning_is_kept_with_its_report(folder: Path, computed: list[Path]) -> None:
    broken = folder / "2024-05-01-trasig.md"
    broken.write_text("---\nid: [\n---\n", encoding="utf-8")
    os.utime(broken, (HOUR_AGO, HOUR_AGO))
    first = derived(folder)
    assert first[2] and first[2][0].startswith(broken.name)
    computed.clear()
    assert drawn(answer(folder), folder) == first
    assert computed == []


def test_a_changed_report_makes_it_unused(folder: Path, computed: list[Path]) -> None:
    derived(folder)
    changed = folder / THIRD
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("Referenstagning", "Referenssamtal"), encoding="utf-8"
    )
    os.utime(changed, (HOUR_AGO, HOUR_AGO))  # (even with its time put back)
    computed.clear()
    now = drawn(answer(folder), folder)
    assert computed == [folder]
    assert "Referenssamtal" in now[1] and "Referenstagning" not in now[1]
    assert now == derived(folder)


def test_an_added_report_makes_it_unused(folder: Path, computed: list[Path]) -> None:
    first = derived(folder)
    copy = folder / "2024-04-01-kopia.md"
    copy.write_bytes((folder / THIRD).read_bytes().replace(b"id: ", b"id: k", 1).replace(b"2024-03-05", b"2024-04-01"))
    os.utime(copy, (HOUR_AGO, HOUR_AGO))
    computed.clear()
    now = drawn(answer(folder), folder)
    assert computed == [folder]
    assert now != first and now == derived(folder)


def test_a_removed_report_makes_it_unused(folder: Path, computed: list[Path]) -> None:
    first = derived(folder)
    (folder / THIRD).unlink()
    computed.clear()
    now = drawn(answer(folder), folder)
    assert computed == [folder]
    assert now != first and now == derived(folder)


def test_a_forgotten_report_leaves_nothing_of_its_own_and_makes_it_unused(
    folder: Path, computed: list[Path]
) -> None:
    first = derived(folder)
    assert b"Genomg\xc3\xa5ng av kravprofilen" in snapshot_file(folder).read_bytes()
    forget_files(folder, [SECOND])  # (the report that renamed the moment)
    assert b"Genomg\xc3\xa5ng av kravprofilen" not in snapshot_file(folder).read_bytes()
    computed.clear()
    assert drawn(answer(folder), folder) == first
    assert computed == [folder]


@pytest.mark.parametrize("damage", CACHE_DAMAGE, ids=CACHE_DAMAGE_IDS)
def test_a_corrupt_snapshot_is_silently_rebuilt(folder: Path, computed: list[Path], damage: Any) -> None:
    first = derived(folder)
    path = snapshot_file(folder)
    path.write_bytes(damage(path.read_bytes()))
    computed.clear()
    assert drawn(answer(folder), folder) == first
    assert computed == [folder]
    computed.clear()
    assert drawn(answer(folder), folder) == first
    assert computed == []  # (kept again)


@pytest.mark.parametrize(
    "wrong",
    [
        lambda value: ["x", *value[1:]],  # the count
        lambda value: [value[0], ["a"], *value[2:]],  # the history
        lambda value: [*value[:2], [[0, "a"]], *value[3:]],  # a line
        lambda value: [*value[:3], [[0, 0, ["id", "namn", "fore", True, [["gone", [], [], 1]]]]], value[4]],
        lambda value: [*value[:3], [[0, "0", ["id", "namn", "fore", True, []]]], value[4]],  # a position
        lambda value: [*value[:4], [[0, None]]],  # a warning
    ],
    ids=["count", "history", "line", "change", "position", "warning"],
)
def test_an_entry_of_the_wrong_shape_is_derived_again(folder: Path, computed: list[Path], wrong: Any) -> None:
    first = derived(folder)
    path = snapshot_file(folder)
    document = read_cache(path)
    for name, entry in document["entries"].items():
        document["entries"][name] = (*entry[:4], wrong(entry[4]))
    write_cache(path, document)
    computed.clear()
    assert drawn(answer(folder), folder) == first
    assert computed == [folder]


def test_a_report_just_changed_keeps_none(folder: Path, computed: list[Path]) -> None:
    os.utime(folder / THIRD, None)  # (now: its next change may keep the same time stamps)
    first = derived(folder)
    assert not snapshot_file(folder).exists()
    computed.clear()
    assert drawn(answer(folder), folder) == first
    assert computed == [folder]


def test_one_entry_per_report_shown(folder: Path) -> None:
    derived(folder)
    entries = read_cache(snapshot_file(folder))["entries"]
    assert set(entries) <= {path.name for path in folder.glob("*.md")}
    assert all(entry[4][0] == len(entries) for entry in entries.values())
