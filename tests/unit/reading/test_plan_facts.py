"""What the plan keeps of each report between runs (``reading/plan/plan_facts.py``): the plan
section read back is the one computed from the report, a warm ``folder_plan`` reads no report in
full and gives the same items, only a changed report is read again, and a kept entry of the wrong
shape is computed again."""

from __future__ import annotations

import marshal
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import intervjufas.reading.plan.plan_facts as plan_facts_module
from helpers import counting_loads, read_cache, write_cache
from intervjufas.errors import IntervjufasError
from intervjufas.folder import scan
from intervjufas.folder.file_cache import FileCache
from intervjufas.folder.loading import load_report
from intervjufas.model.answers import ActionItem, Answer
from intervjufas.reading.plan import plan_snapshot
from intervjufas.reading.plan.folder_items import folder_plan
from intervjufas.reading.plan.plan_facts import (
    NAMESPACE,
    PlanRow,
    ReportPlan,
    decoded,
    encoded,
    packed,
    plans_version,
    read_plans,
    report_plan,
)
from intervjufas.report.model import FollowUp, PlanMark
from intervjufas.report.plan import identity

HOUR_AGO = time.time() - 3600


@pytest.fixture
def folder(settled_fixture_reports: Path) -> Path:
    """The fixture reports (format 1 and 2, open items and follow-ups), all settled."""
    return settled_fixture_reports


def plan_now(folder: Path) -> tuple[list[object], list[str]]:
    """``folder_plan`` derived again from the headers and the kept plan sections: without what the
    last run found (``plan_snapshot``, tested in test_plan_snapshot.py)."""
    scan._RECENT.clear()
    FileCache(plan_snapshot.NAMESPACE, folder, "").path.unlink(missing_ok=True)
    return folder_plan(folder)


def test_the_kept_plan_is_the_report_s_own(folder: Path) -> None:
    readable = 0
    for path in sorted(folder.glob("*.md")):
        try:
            plan = report_plan(load_report(path, in_folder=True))
        except IntervjufasError:
            continue
        readable += 1
        kept = decoded(path, marshal.loads(marshal.dumps(encoded(plan))))
        assert kept == plan
        assert encoded(kept) == encoded(plan)  # (ids of items too: not part of ==)
        assert every_text_interned(encoded(plan))  # (the cache is written as it is: see interned.py)
        kept = decoded(path, packed(plan))  # (as the cache keeps it and a worker sends it)
        assert kept == plan
        assert encoded(kept) == encoded(plan)
        assert every_text_interned(encoded(kept))  # (interned again as it is loaded)
        unknown = replace(plan, planned=(), follow_ups=(), marks=())
        assert decoded(path, packed(plan, whole=False), follow_ups_of=set()) == unknown
        with pytest.raises(ValueError):  # (kept without its own plan: of no use to a whole read)
            decoded(path, packed(plan, whole=False))
    assert readable >= 3


@pytest.mark.parametrize(
    "fields",
    [
        [1, "", "id", "", []],
        ["Moment", None, "id", "", []],
        ["Moment", "", "id", "", ["Anna", 2]],
        ["Moment", "", "id", "", ("Anna",)],
        ["Moment", "", "id", "", "Anna"],
    ],
)
def test_an_item_kept_with_a_field_of_another_type_is_refused(fields: list[object]) -> None:
    row = ["s1.f1/a1", 1, "Steg 1", "Före", "Moment", "lagga_till", None, fields]
    with pytest.raises(TypeError):
        decoded(Path("rapport.md"), ["r", "2024-01-01", "", "", True, [row], [], [], True])
    row[-1] = ["Moment", "Varför", "id", "m1", ["Anna"]]
    (kept,) = decoded(Path("rapport.md"), ["r", "2024-01-01", "", "", True, [row], [], [], True]).planned
    assert (kept.item.moment, kept.item.why, kept.item.id, kept.item.involves) == ("Moment", "Varför", "id", ("Anna",))


@pytest.mark.parametrize("value", [b"", b"\x00", marshal.dumps(["x", 1, None]), marshal.dumps((1, 2)), "text", 7])
def test_a_kept_value_of_another_shape_is_refused(value: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        decoded(Path("rapport.md"), value)  # type: ignore[arg-type]


def every_text_interned(value: object) -> bool:
    """Whether every text in a plain value is the interned one (as ``files.interned`` makes it)."""
    if type(value) is str:
        return sys.intern(value) is value
    if type(value) in (list, tuple):
        return all(every_text_interned(item) for item in value)  # type: ignore[attr-defined]
    return True


def test_a_warm_plan_reads_no_report_and_a_changed_one_again(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded = counting_loads(monkeypatch, plan_facts_module)
    first = plan_now(folder)
    assert first[0] and loaded
    loaded.clear()
    assert plan_now(folder) == first
    assert loaded == []
    changed = max(item.source for item in first[0])  # type: ignore[attr-defined]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    os.utime(changed, (HOUR_AGO, HOUR_AGO))
    assert plan_now(folder) == first
    assert loaded == [changed.name]


def test_a_kept_entry_of_the_wrong_shape_is_computed_again(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = plan_now(folder)
    cache = FileCache(NAMESPACE, folder, plans_version())
    document = read_cache(cache.path)
    name = next(iter(document["entries"]))
    document["entries"][name] = (*document["entries"][name][:4], ["x", 1, None])
    write_cache(cache.path, document)
    loaded = counting_loads(monkeypatch, plan_facts_module)
    assert plan_now(folder) == first
    assert loaded == [name]


def test_a_report_read_for_its_follow_ups_alone_is_read_again_for_its_plan(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = sorted(folder.glob("*.md"))
    followed = read_plans(paths, folder, [], follow_ups_of=frozenset())
    readable = sorted(path.name for path in followed)
    assert readable and all(not plan.planned and not plan.follow_ups for plan in followed.values())
    loaded = counting_loads(monkeypatch, plan_facts_module)
    whole = read_plans(paths, folder, [])
    assert sorted(name for name in loaded if name in readable) == readable  # (kept without their plan)
    for path, plan in whole.items():
        assert plan == report_plan(load_report(path, in_folder=True))
    assert any(plan.planned for plan in whole.values())
    loaded.clear()
    assert read_plans([path for path in paths if path.name in readable], folder, []) == whole
    assert read_plans(paths, folder, [], follow_ups_of=frozenset()) == followed
    assert loaded == [name for name in loaded if name not in readable]  # (now kept whole)


texts = st.text(max_size=12)
items = st.builds(
    ActionItem, texts, texts, id=texts, moment_id=texts, involves=st.lists(texts, max_size=3).map(tuple)
)
rows = st.builds(PlanRow, texts, st.integers(-5, 10**6), texts, texts, texts, texts, st.none() | texts, items)
answers = st.builds(Answer, st.none() | texts, texts)
plans = st.builds(
    ReportPlan,
    st.just(Path("rapport.md")),
    texts,
    texts,
    texts,
    texts,
    st.booleans(),
    st.lists(rows, max_size=4).map(tuple),
    st.lists(st.builds(FollowUp, texts, texts, answers), max_size=3).map(tuple),
    st.lists(st.builds(PlanMark, texts, texts, texts, answers, texts), max_size=3).map(tuple),
)


@settings(max_examples=150, deadline=None)
@given(plans)
def test_any_plan_comes_back_from_its_packed_text(plan: ReportPlan) -> None:
    kept = decoded(plan.path, packed(plan))
    assert kept == plan
    assert [row.item for row in kept.planned] == [row.item for row in plan.planned]
    assert encoded(kept) == encoded(plan)  # (ids and whom an item involves too)
    wanted = {identity(f.key) for f in plan.follow_ups[:1]}
    alone = decoded(plan.path, packed(plan, whole=False), follow_ups_of=wanted)
    assert alone.planned == () and alone.follow_ups == tuple(f for f in plan.follow_ups if identity(f.key) in wanted)
