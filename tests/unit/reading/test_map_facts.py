"""What the map history keeps of each report between runs: the facts read back are the facts
computed from the report (ids too), a second run reads no unchanged report in full, a changed
report and a kept entry of the wrong shape are read again, and the user's own question files
are part of the cache's version."""

from __future__ import annotations

import marshal
import os
import time
from pathlib import Path

import pytest

import intervjufas.reading.process_map.facts as map_facts_module
from helpers import FIXTURE_REPORTS, counting_loads, read_cache, write_cache
from intervjufas.folder.file_cache import FileCache, FileKey
from intervjufas.folder.loading import load_report
from intervjufas.reading.process_map.facts import (
    NAMESPACE,
    _decoded,
    _encoded,
    facts_of,
    facts_version,
    read_facts,
)
from intervjufas.reading.process_map.planners import planners_namespace, read_planners
from map_samples import write_sample_reports

HOUR_AGO = time.time() - 3600


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The sample maps and two reports made before maps, all an hour old (settled: kept)."""
    folder = write_sample_reports(tmp_path / "rapporter")
    for path in sorted(FIXTURE_REPORTS.glob("*.md"))[:2]:
        (folder / path.name).write_bytes(path.read_bytes())
    for path in folder.iterdir():
        os.utime(path, (HOUR_AGO, HOUR_AGO))
    return folder


def test_the_kept_facts_are_the_report_s_own(folder: Path) -> None:
    for path in sorted(folder.glob("*.md")):
        facts = facts_of(load_report(path, in_folder=True))
        kept = _decoded(path, marshal.loads(marshal.dumps(_encoded(facts))))
        assert (kept.ref, kept.sort_key, kept.done, kept.known_set) == (
            facts.ref,
            facts.sort_key,
            facts.done,
            facts.known_set,
        )
        assert _encoded(kept) == _encoded(facts)  # (ids of moments and items too: not part of ==)
        assert kept.phases == facts.phases and kept.planned == facts.planned


def test_a_second_run_reads_no_unchanged_report(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = sorted(folder.glob("*.md"))
    loaded = counting_loads(monkeypatch, map_facts_module)
    first = read_facts(paths, folder, [])
    assert sorted(loaded) == [p.name for p in paths]
    loaded.clear()
    second = read_facts(paths, folder, [])
    assert loaded == []
    assert [_encoded(f) for f in second] == [_encoded(f) for f in first]


def test_a_changed_report_is_read_again(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = sorted(folder.glob("*.md"))
    read_facts(paths, folder, [])
    target = paths[0]
    target.write_text(
        target.read_text(encoding="utf-8").replace("Kravprofil", "Kravprofilen"), encoding="utf-8"
    )
    os.utime(target, (HOUR_AGO + 60, HOUR_AGO + 60))
    loaded = counting_loads(monkeypatch, map_facts_module)
    facts = {f.ref.path.name: f for f in read_facts(paths, folder, [])}
    assert loaded == [target.name]
    names = [m.name for moments in (facts[target.name].phases or {}).values() for m in moments]
    assert "Kravprofilen" in names


def test_a_kept_entry_of_the_wrong_shape_is_read_again(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = sorted(folder.glob("*.md"))
    expected = [_encoded(f) for f in read_facts(paths, folder, [])]
    cache = FileCache(NAMESPACE, folder, facts_version())
    document = read_cache(cache.path)
    for name, entry in document["entries"].items():
        document["entries"][name] = (*entry[:3], ["kort"] if name < paths[2].name else [None] * 8)
    write_cache(cache.path, document)
    loaded = counting_loads(monkeypatch, map_facts_module)
    assert [_encoded(f) for f in read_facts(paths, folder, [])] == expected
    assert sorted(loaded) == [p.name for p in paths]


def test_a_report_that_cannot_be_read_is_a_warning(folder: Path) -> None:
    broken = folder / "2024-04-01-trasig.md"
    broken.write_text("---\nid: [\n---\n", encoding="utf-8")
    warnings: list[str] = []
    found = read_facts([*sorted(folder.glob("2024-0[1-3]*.md")), broken], folder, warnings)
    assert len(found) == len(list(folder.glob("2024-0[1-3]*.md")))
    assert len(warnings) == 1 and "2024-04-01-trasig.md" in warnings[0]


def _planners_from_facts(paths: list[Path], folder: Path, wanted: set[str] | None) -> list[object]:
    return [
        (f.ref.path, f.sort_key, [p for p in f.planned if wanted is None or p.identity in wanted])
        for f in read_facts(paths, folder, [])
    ]


def _facts_read_for(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The names of the reports each call of the map facts' reading is asked for by the plans' cache."""
    import intervjufas.reading.process_map.planners as planners_module

    asked: list[list[str]] = []
    real = planners_module.read_facts

    def counted(paths: list[Path], *args: object, **kwargs: object) -> object:
        asked.append([path.name for path in paths])
        return real(paths, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(planners_module, "read_facts", counted)
    return asked


@pytest.mark.parametrize("some", [False, True])
def test_the_planners_are_those_of_the_facts(folder: Path, monkeypatch: pytest.MonkeyPatch, some: bool) -> None:
    """What the first round of the history reads (sort keys and the wanted items) is what the
    facts hold, whether the reports are kept or not; once kept, neither the map facts nor any
    report is read (but the one that cannot be read)."""
    broken = folder / "2024-04-01-trasig.md"
    broken.write_text("---\nid: [\n---\n", encoding="utf-8")
    paths = sorted(folder.glob("*.md"))
    every = {p.identity for f in read_facts(paths, folder, []) for p in f.planned}
    wanted = set(sorted(every)[::2]) if some else None
    FileCache(NAMESPACE, folder, facts_version()).path.unlink()
    warnings: list[str] = []
    cold = read_planners(paths, folder, warnings, wanted)  # (none kept: read and kept)
    assert len(warnings) == 1 and "2024-04-01-trasig.md" in warnings[0]
    expected = _planners_from_facts(paths, folder, wanted)
    assert cold == expected and any(items for _, _, items in cold) and broken not in [p for p, _, _ in cold]
    assert all(p.identity in wanted for _, _, items in cold for p in items) if wanted else True
    asked = _facts_read_for(monkeypatch)
    loaded = counting_loads(monkeypatch, map_facts_module)
    keys: dict[Path, FileKey] = {}
    warm = read_planners(paths, folder, [], wanted, keys=keys)
    assert warm == expected and asked == [[broken.name]] and loaded == [broken.name] and set(keys) == set(paths)
    assert [[(p.item.id, p.item.moment_id) for p in items] for _, _, items in warm] == [
        [(p.item.id, p.item.moment_id) for p in items] for _, _, items in expected  # type: ignore[attr-defined]
    ]
    loaded.clear()  # (the facts read with the keys found: the same, and none read in full)
    assert read_facts(paths, folder, [], keys=keys) == read_facts(paths, folder, [])
    assert loaded == [broken.name, broken.name]


def test_planners_of_a_changed_report_are_read_again(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = sorted(folder.glob("*.md"))
    read_planners(paths, folder, [], None)
    target = next(path for path, _, items in read_planners(paths, folder, [], None) if items)
    planned = next(items for path, _, items in read_planners(paths, folder, [], None) if path == target)
    text = target.read_text(encoding="utf-8")
    assert planned[0].item.moment in text
    target.write_text(text.replace(planned[0].item.moment, "Ett nytt namn"), encoding="utf-8")
    os.utime(target, (HOUR_AGO + 60, HOUR_AGO + 60))
    asked = _facts_read_for(monkeypatch)
    found = {path: items for path, _, items in read_planners(paths, folder, [], None)}
    assert asked == [[target.name]] and found[target][0].item.moment == "Ett nytt namn"
    assert read_planners(paths, folder, [], None) == _planners_from_facts(paths, folder, None)


def test_planners_kept_in_the_wrong_shape_are_read_again(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = sorted(folder.glob("*.md"))
    expected = _planners_from_facts(paths, folder, None)
    assert read_planners(paths, folder, [], None) == expected
    cache = FileCache(planners_namespace(NAMESPACE), folder, facts_version())
    document = read_cache(cache.path)
    assert sorted(document["entries"]) == [p.name for p in paths]
    for name, entry in document["entries"].items():
        document["entries"][name] = (*entry[:4], ["kort"] if name < paths[2].name else [None, None])
    write_cache(cache.path, document)
    asked = _facts_read_for(monkeypatch)
    assert read_planners(paths, folder, [], None) == expected
    assert asked == [[p.name for p in paths]]
    asked.clear()
    assert read_planners(paths, folder, [], None) == expected and asked == []  # (kept again)


def test_the_user_s_question_files_are_part_of_the_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sets = tmp_path / "fragor"
    sets.mkdir()
    monkeypatch.setenv("INTERVJUFAS_FRAGOR", str(sets))
    before = facts_version()
    (sets / "egen.yaml").write_text("id: egen\n", encoding="utf-8")
    assert facts_version() != before
