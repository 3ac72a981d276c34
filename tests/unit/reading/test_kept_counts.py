"""The open items per report kept between runs (``reading/plan/kept_counts.py``): equal to the ones
the plan-state model computes, loaded while no header changes, computed again (and kept anew) after
a header changed, when the cache file is damaged or its entry is of the wrong shape, and never kept
for a header the digest cannot take."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from helpers import CACHE_DAMAGE, CACHE_DAMAGE_IDS, read_cache, write_cache
from intervjufas.folder.file_cache import FileCache, forget_files
from intervjufas.folder.header_row import FolderHeader
from intervjufas.folder.scan import read_headers
from intervjufas.reading.plan import kept_counts
from intervjufas.reading.plan.state import open_counts

Headers = list[tuple[Path, FolderHeader]]


@pytest.fixture
def folder(settled_fixture_reports: Path) -> Path:
    return settled_fixture_reports


@pytest.fixture
def computed(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the counts are computed (not loaded) from now on."""
    calls: list[int] = []

    def counting(headers: Any, *args: Any) -> dict[str, int]:
        calls.append(len(headers))
        return open_counts(headers, *args)

    monkeypatch.setattr(kept_counts, "open_counts", counting)
    return calls


def cache_file(folder: Path) -> Path:
    return FileCache(kept_counts.NAMESPACE, folder, "").path


def headers_of(folder: Path) -> Headers:
    return read_headers(folder)[0]


def test_the_kept_counts_are_the_computed_ones_and_are_loaded_next_time(folder: Path, computed: list[int]) -> None:
    headers = headers_of(folder)
    expected = open_counts(headers)
    assert any(expected.values())
    assert kept_counts.kept_open_counts(folder, headers) == expected
    assert len(computed) == 1 and cache_file(folder).exists()
    again = kept_counts.kept_open_counts(folder, headers_of(folder))
    assert again == expected and list(again) == list(expected)
    assert len(computed) == 1


def test_a_changed_header_makes_them_computed_again(folder: Path, computed: list[int]) -> None:
    headers = headers_of(folder)
    kept_counts.kept_open_counts(folder, headers)
    path, header = next((p, h) for p, h in headers if h.coded_follow_ups())
    coded = header.coded_follow_ups() or {}
    item, at = next(iter(coded)), header.row.index(coded)
    found = []
    for status in ("Genomfört", "Inte än"):  # (the item closed, then open again)
        row = list(header.row)
        row[at] = {**coded, item: status}
        changed = [(p, FolderHeader(row) if p == path else h) for p, h in headers]
        found.append(kept_counts.kept_open_counts(folder, changed))
        assert found[-1] == open_counts(changed)
    assert found[0] != found[1]
    assert len(computed) == 3
    renamed = [(p.with_name("x" + p.name) if p == path else p, h) for p, h in headers]
    kept_counts.kept_open_counts(folder, renamed)
    assert len(computed) == 4


@pytest.mark.parametrize("damage", CACHE_DAMAGE, ids=CACHE_DAMAGE_IDS)
def test_a_damaged_cache_file_is_rebuilt(folder: Path, computed: list[int], damage: Any) -> None:
    headers = headers_of(folder)
    expected = kept_counts.kept_open_counts(folder, headers)
    path = cache_file(folder)
    path.write_bytes(damage(path.read_bytes()))
    assert kept_counts.kept_open_counts(folder, headers) == expected
    assert kept_counts.kept_open_counts(folder, headers) == expected
    assert len(computed) == 2  # (computed again once, then kept again)


@pytest.mark.parametrize("value", [None, [1, 2], "3", True, 1.0], ids=repr)
def test_an_entry_of_the_wrong_shape_is_computed_again(
    folder: Path, computed: list[int], value: object
) -> None:
    headers = headers_of(folder)
    expected = kept_counts.kept_open_counts(folder, headers)
    path = cache_file(folder)
    document = read_cache(path)
    name = next(iter(document["entries"]))
    document["entries"][name] = (*document["entries"][name][:4], value)
    write_cache(path, document)
    assert kept_counts.kept_open_counts(folder, headers) == expected
    assert len(computed) == 2


def test_a_header_the_digest_cannot_take_is_never_kept(folder: Path, computed: list[int]) -> None:
    headers = headers_of(folder)
    path, header = headers[0]
    row = list(header.row)
    row[row.index(header.created)] = dt.datetime(2024, 1, 8, 10, 40)  # (as YAML may read a hand edit)
    odd = [(path, FolderHeader(row)), *headers[1:]]
    assert kept_counts.headers_digest(odd) is None
    assert kept_counts.kept_open_counts(folder, odd) == open_counts(odd)
    assert not cache_file(folder).exists() and len(computed) == 1


def test_a_forgotten_report_leaves_nothing_of_its_own(folder: Path, computed: list[int]) -> None:
    headers = headers_of(folder)
    expected = kept_counts.kept_open_counts(folder, headers)
    gone = headers[0][0].name
    forget_files(folder, [gone])
    assert gone not in read_cache(cache_file(folder))["entries"]
    assert kept_counts.kept_open_counts(folder, headers) == expected
    assert len(computed) == 2
