"""The header index: a warm scan reads no report, a changed, replaced or new file is read again, a
vanished one is dropped, a corrupt index is rebuilt silently, writers at once leave one whole index,
and a header reads the same through the index as straight from the file."""

from __future__ import annotations

import marshal
import multiprocessing
import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import FIXTURE_REPORTS, read_cache, write_cache
from intervjufas.files.settings import cache_dir, cache_home
from intervjufas.folder import folder_listing as folder_listing_module
from intervjufas.folder import scan as scan_module
from intervjufas.folder.file_cache import file_key
from intervjufas.folder.header_row import (
    KEPT_KEYS,
    KEPT_METADATA,
    NOT_MADE,
    STATUSES,
    FolderHeader,
    header_digest,
    row_digest,
)
from intervjufas.folder.scan import read_headers
from intervjufas.report.front_matter import read_front_matter
from intervjufas.report.plan import identity

HOUR_AGO = time.time() - 3600
GOOD = sorted(p.name for p in FIXTURE_REPORTS.glob("*.md") if "trasig" not in p.name)


@pytest.fixture(autouse=True)
def fresh_process() -> None:
    """Every scan as in a new process (the last scan of a folder is otherwise kept in memory)."""
    scan_module._RECENT.clear()
    folder_listing_module._RECENT.clear()


@pytest.fixture
def folder(reports: Path) -> Path:
    for path in reports.glob("*.md"):
        os.utime(path, (HOUR_AGO, HOUR_AGO))
    return reports


def index_file(folder: Path) -> Path:
    (found,) = (cache_dir() / scan_module.NAMESPACE).glob("*.cache")
    return found


def scan(folder: Path, **options: Any) -> dict[str, Any]:
    scan_module._RECENT.clear()
    return {
        f.path.name: (dict(f.header) if f.header else f.problem)
        for f in scan_module.scan_headers(folder, **options)
    }


def counting_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files whose header is read from now on (in this process)."""
    read: list[str] = []
    original = scan_module.read_folder_header

    def reading(path: Path) -> Any:
        read.append(path.name)
        return original(path)

    monkeypatch.setattr(scan_module, "read_folder_header", reading)
    return read


def test_a_warm_scan_reads_only_the_broken_file(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cold = scan(folder)
    read = counting_reads(monkeypatch)
    assert scan(folder) == cold
    assert read == ["2024-03-10-trasig.md"]  # (a header that cannot be read is never kept)
    assert isinstance(cold["2024-03-10-trasig.md"], str)


def test_the_index_is_private_and_names_no_file_twice(folder: Path) -> None:
    scan(folder)
    path = index_file(folder)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    entries = read_cache(path)["entries"]
    assert sorted(entries) == GOOD


def test_a_file_replaced_with_the_same_size_and_time_is_read_again(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = folder / GOOD[0]
    before = scan(folder)[target.name]
    text = target.read_text(encoding="utf-8")
    changed = text.replace("Lagerarbetare till Nordlager", "Lagerarbetare till Nordlagre", 1)
    assert len(changed) == len(text) and changed != text
    stamp = os.stat(target)
    replacement = folder / "ny.tmp"
    replacement.write_text(changed, encoding="utf-8")
    os.utime(replacement, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    os.replace(replacement, target)  # another inode; the same size and time
    assert (os.stat(target).st_size, os.stat(target).st_mtime_ns) == (stamp.st_size, stamp.st_mtime_ns)
    read = counting_reads(monkeypatch)
    after = scan(folder)[target.name]
    assert target.name in read
    assert after["metadata"]["uppdrag"] == "Lagerarbetare till Nordlagre"
    assert before["metadata"]["uppdrag"] == "Lagerarbetare till Nordlager"


def test_a_file_edited_in_place_is_read_again(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scan(folder)
    target = folder / GOOD[1]
    with open(target, "a", encoding="utf-8") as handle:
        handle.write("\nEn rad till.\n")
    os.utime(target, (HOUR_AGO + 60, HOUR_AGO + 60))
    read = counting_reads(monkeypatch)
    scan(folder)
    assert target.name in read


def test_new_files_are_read_and_vanished_ones_dropped(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scan(folder)
    shutil.copy2(folder / GOOD[0], folder / "2025-01-01-kopia.md")
    (folder / GOOD[1]).unlink()
    read = counting_reads(monkeypatch)
    found = scan(folder)
    assert "2025-01-01-kopia.md" in read and GOOD[1] not in found
    entries = read_cache(index_file(folder))["entries"]
    assert GOOD[1] not in entries and "2025-01-01-kopia.md" in entries


@pytest.mark.parametrize(
    "garbage",
    [b"{not json", marshal.dumps([]), marshal.dumps({"format": 2, "entries": {"x.md": (1, 2)}}), b"\xff\xfe"],
)
def test_a_corrupt_index_is_rebuilt_silently(folder: Path, garbage: bytes) -> None:
    expected = scan(folder)
    index_file(folder).write_bytes(garbage)
    assert scan(folder) == expected
    assert read_cache(index_file(folder))["entries"]


def test_a_kept_header_of_the_wrong_shape_is_read_again(folder: Path) -> None:
    expected = scan(folder)
    path = index_file(folder)
    document = read_cache(path)
    for name, entry in document["entries"].items():
        row = {"id": "x"} if entry[4][1] < "c" else [None] * len(entry[4])
        document["entries"][name] = (*entry[:4], row)
    write_cache(path, document)
    assert scan(folder) == expected


def test_a_file_changed_just_now_is_not_kept(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = folder / GOOD[2]
    os.utime(fresh)  # changed now: its time stamp cannot be trusted yet
    scan(folder)
    read = counting_reads(monkeypatch)
    scan(folder)
    assert fresh.name in read
    scan_module._RECENT.clear()
    read_headers(folder)
    assert read.count(fresh.name) == 2  # (neither the index nor the memory of the last scan keep it)


def test_without_the_index_every_header_is_read_and_nothing_kept(folder: Path) -> None:
    assert scan(folder, cache=False) == scan(folder)
    shutil.rmtree(cache_home())
    scan(folder, cache=False)
    assert not cache_home().exists()


def test_a_header_read_now_carries_its_digest_and_one_from_the_index_makes_it(folder: Path) -> None:
    read = [f.header for f in scan_module.scan_headers(folder) if f.header is not None]
    assert read and all(h.digest != NOT_MADE and h.digest == row_digest(h.row) for h in read)
    scan_module._RECENT.clear()
    kept = [f.header for f in scan_module.scan_headers(folder) if f.header is not None]
    assert all(h.digest == NOT_MADE for h in kept)  # (from the index: made only when asked)
    assert [header_digest(h) for h in kept] == [h.digest for h in read]


def counting_looks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files whose key the header pass takes itself from now on."""
    looked: list[str] = []
    original = scan_module._key

    def looking(path: str) -> Any:
        looked.append(os.path.basename(path))
        return original(path)

    monkeypatch.setattr(scan_module, "_key", looking)
    return looked


def test_a_cold_pass_right_after_a_listing_takes_its_keys_once(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    without = scan(folder, cache=False)
    looked = counting_looks(monkeypatch)
    folder_listing_module.folder_listing(folder, "prov")
    assert scan(folder) == without and looked == []
    entries = read_cache(index_file(folder))["entries"]
    assert sorted(entries) == GOOD and all(tuple(e[:4]) == file_key(os.stat(folder / n)) for n, e in entries.items())
    shutil.rmtree(cache_home())
    scan(folder)  # (the listing's keys are taken once)
    assert sorted(looked) == sorted([*GOOD, "2024-03-10-trasig.md"])


def test_a_file_added_after_the_listing_is_looked_at_and_read(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder_listing_module.folder_listing(folder, "prov")
    shutil.copy2(folder / GOOD[0], folder / "2025-01-01-kopia.md")
    looked = counting_looks(monkeypatch)
    found = scan(folder)
    assert looked == ["2025-01-01-kopia.md"] and found["2025-01-01-kopia.md"] == found[GOOD[0]]


@pytest.mark.parametrize("warm", ["index", "memory"])
def test_a_warm_pass_after_a_listing_looks_at_every_file_itself(
    folder: Path, monkeypatch: pytest.MonkeyPatch, warm: str
) -> None:
    scan_module.scan_headers(folder)  # (an index, and the scan remembered in this process)
    if warm == "index":
        scan_module._RECENT.clear()
    else:
        shutil.rmtree(cache_home())  # (the scan remembered, no index)
    folder_listing_module.folder_listing(folder, "prov")
    target = folder / GOOD[0]  # (changed after the listing: its header must not come from before)
    target.write_text(target.read_text(encoding="utf-8").replace("Nordlager", "Sydlager"), encoding="utf-8")
    os.utime(target, (HOUR_AGO + 60, HOUR_AGO + 60))
    looked = counting_looks(monkeypatch)
    found = {f.path.name: f.header for f in scan_module.scan_headers(folder)}
    assert sorted(looked) == sorted([*GOOD, "2024-03-10-trasig.md"])
    header = found[target.name]
    assert header is not None and "Sydlager" in header["metadata"]["uppdrag"]


def test_a_listing_taken_too_long_ago_is_not_used(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder_listing_module.folder_listing(folder, "prov")
    monkeypatch.setattr(folder_listing_module, "REUSED_WITHIN_NS", -1)
    looked = counting_looks(monkeypatch)
    scan(folder)
    assert len(looked) == len(GOOD) + 1


def _scan_in_another_process(folder: str, cache_home: str, queue: Any) -> None:
    os.environ["XDG_CACHE_HOME"] = cache_home
    scan_module._RECENT.clear()
    found = {f.path.name: f.header.report_id for f in scan_module.scan_headers(Path(folder)) if f.header}
    queue.put(found)


def test_scans_at_once_leave_one_whole_index(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for number in range(60):  # enough files that the writers overlap
        shutil.copy2(folder / GOOD[number % len(GOOD)], folder / f"2025-02-{number:03d}.md")
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    queue = context.Queue()
    workers = [
        context.Process(
            target=_scan_in_another_process, args=(str(folder), os.environ["XDG_CACHE_HOME"], queue)
        )
        for _ in range(4)
    ]
    for worker in workers:
        worker.start()
    results = [queue.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    assert all(result == results[0] for result in results) and len(results[0]) == 60 + len(GOOD)
    read = counting_reads(monkeypatch)
    scan(folder)
    assert read == ["2024-03-10-trasig.md"]


@pytest.mark.parametrize("name", GOOD)
def test_a_header_reads_the_same_through_the_index(name: str) -> None:
    header = read_front_matter(FIXTURE_REPORTS / name, check=True)
    kept = FolderHeader(marshal.loads(marshal.dumps(FolderHeader.of(header).row)))
    assert dict(kept) == expected_view(header)


def expected_view(header: dict[str, Any]) -> dict[str, Any]:
    """What a folder header shows of a checked header: the kept keys that have a value, the
    follow-ups by item identity (the first of one item counting)."""
    view = {key: header[key] for key in KEPT_KEYS if header.get(key) is not None}
    if isinstance(header.get("uppfoljning"), dict):
        follow: dict[str, Any] = {}
        for key, status in header["uppfoljning"].items():
            follow.setdefault(identity(key), status)
        view["uppfoljning"] = follow
    view["fragor"] = {k: v for k, v in header["fragor"].items() if v is not None}
    view["metadata"] = {
        k: header["metadata"][k] for k in KEPT_METADATA if header["metadata"].get(k) is not None
    }
    return view


plain = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8) | st.sampled_from(STATUSES),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
statuses = st.dictionaries(st.text(min_size=1, max_size=12), plain, max_size=6)


@settings(max_examples=150, deadline=None)
@given(
    steps=statuses | plain,
    follow=statuses | plain,
    facts=st.dictionaries(st.sampled_from([*KEPT_METADATA, "roll"]), plain, max_size=5),
    others=st.dictionaries(st.sampled_from(["atgarder", "betyg", "forfattare", "karta", "skapad"]), plain),
    version=plain,
)
def test_any_header_round_trips_through_the_index(
    steps: Any, follow: Any, facts: dict[str, Any], others: dict[str, Any], version: Any
) -> None:
    header = {
        "format": 2,
        "id": "abc123",
        "fragor": {"id": "kartlaggning", "version": version, "hash": "h"},
        "metadata": facts,
        "steg": steps,
        "uppfoljning": follow,
        **others,
        "extra": {"konfliktkopia_av": "x.md", "annat": 1},
    }
    kept = FolderHeader(marshal.loads(marshal.dumps(FolderHeader.of(header).row)))
    expected = expected_view(header)
    expected["extra"] = {"konfliktkopia_av": "x.md"}
    assert dict(kept) == expected
    assert kept.steps() == (steps if steps is not None else None)
