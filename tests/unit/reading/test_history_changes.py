"""The map's changes (the default ``karta --historik``): per moment, each kind of change once – added,
developed, removed, renamed, moved – with its newest event, its first and how often; plans left out;
bounded to the moments on the newest map and those changed most lately."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intervjufas.model.answers import ActionItem, Answer, Moment
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.reading.process_map.history import Lineage, MapHistory, map_history, read_map_reports
from intervjufas.reading.process_map.history_changes import (
    MomentChanges,
    change_history,
    lineage_changes,
    moment_changes,
)
from intervjufas.reading.process_map.tracker import ReportRef, Tracker
from intervjufas.report.model import FollowUp, Report
from intervjufas.report.render import render
from map_samples import ANNA, FIRST, SECOND, THIRD, write_sample_reports

A = ReportRef(Path("a.md"), "2024-01-01", "A")
B = ReportRef(Path("b.md"), "2024-02-01", "B")
C = ReportRef(Path("c.md"), "2024-03-01", "C")


def changes_of(tracker: Tracker, refs: tuple[ReportRef, ...] = (A, B, C)) -> dict[str, MomentChanges]:
    line = lineage_changes(Lineage("", refs, tuple(tracker.timelines())))
    return {moment.name: moment for moment in line.moments}


def kinds(moment: MomentChanges) -> list[tuple[str, str, str, int]]:
    """(kind, newest date, first date, how many) of each change."""
    return [(c.kind, c.last.report.date, c.first.report.date, c.times) for c in moment.changes]


def test_added_developed_removed_and_renamed_across_three_maps() -> None:
    tracker = Tracker()
    tracker.map(A, {"fore": (Moment("Kravprofil", id="k"), Moment("Kallelse", id="c"), Moment("Samtal", id="s"))})
    tracker.map(B, {"fore": (Moment("Genomgång av kravprofilen", id="k"), Moment("Kallelse", id="c", developed="2024-02-01"))})
    tracker.map(C, {"fore": (Moment("Genomgång av kravprofilen", id="k"), Moment("Kallelse", id="c"), Moment("Samtal", id="s2"))})
    found = changes_of(tracker)
    # a moment keeps its identity through a rename: one moment, its newest name, a "renamed" change
    assert kinds(found["Genomgång av kravprofilen"]) == [
        ("added", "2024-01-01", "2024-01-01", 1),
        ("renamed", "2024-02-01", "2024-02-01", 1),
    ]
    renamed = found["Genomgång av kravprofilen"].changes[1].last
    assert (renamed.before, renamed.after) == ("Kravprofil", "Genomgång av kravprofilen")
    assert "Kravprofil" not in found
    assert kinds(found["Kallelse"]) == [("added", "2024-01-01", "2024-01-01", 1), ("developed", "2024-02-01", "2024-02-01", 1)]
    # removed in B, back in C (by name): added twice, the newest last
    assert kinds(found["Samtal"]) == [("removed", "2024-02-01", "2024-02-01", 1), ("added", "2024-03-01", "2024-01-01", 2)]
    assert all(moment.on_map for moment in found.values())


def test_the_same_name_in_two_phases_is_two_moments() -> None:
    tracker = Tracker()
    tracker.map(A, {"fore": (Moment("Samtal", id="f"),), "efter": (Moment("Samtal", id="e"),)})
    tracker.map(B, {"fore": (Moment("Samtal", id="f"),)})
    line = lineage_changes(Lineage("", (A, B), tuple(tracker.timelines())))
    assert [(m.phase, m.on_map, [c.kind for c in m.changes]) for m in line.moments] == [
        ("fore", True, ["added"]),
        ("efter", False, ["added", "removed"]),
    ]


def test_plans_are_not_changes_of_the_map(tmp_path: Path) -> None:
    """The sample maps: a moment only planned is left out; one added through a follow-up tells it."""
    history = map_history(read_map_reports(write_sample_reports(tmp_path), ANNA, False))
    [line] = change_history(history).lineages
    found = {moment.name: moment for moment in line.moments}
    added = found["Förberedande samtal"].changes
    assert [(c.kind, c.last.report.path.name, c.last.follow_up) for c in added] == [("added", SECOND, True)]
    assert [(c.kind, c.last.report.path.name) for c in found["Kallelse"].changes] == [
        ("added", FIRST),
        ("developed", SECOND),
        ("removed", THIRD),
    ]
    assert (line.author, line.reports, line.first_date, line.last_date) == (ANNA, 3, "2024-01-15", "2024-03-05")
    planned_only = [m.name for m in history.lineages[0].moments if moment_changes(m) is None]
    assert all(name not in found for name in planned_only)


def test_at_most_the_newest_changes_besides_the_map() -> None:
    """Every moment on the newest map, then those changed most lately, ``most`` in all."""
    tracker = Tracker()
    refs = [ReportRef(Path(f"{day:02d}.md"), f"2024-01-{day:02d}", "") for day in range(1, 8)]
    for day, ref in enumerate(refs[:-1], start=1):
        tracker.map(ref, {"fore": (Moment("Kvar", id="k"), Moment(f"Moment {day}", id=f"m{day}"))})
    tracker.map(refs[-1], {"fore": (Moment("Kvar", id="k"),)})
    line = lineage_changes(Lineage("", tuple(refs), tuple(tracker.timelines())), most=3)
    assert [m.name for m in line.moments] == ["Kvar", "Moment 5", "Moment 6"]  # (in the map's order)
    assert line.left_out == 4
    assert lineage_changes(Lineage("", tuple(refs), tuple(tracker.timelines())), most=0).moments[0].name == "Kvar"


def _report(report_id: str, date: str) -> Report:
    report = Report.new(builtin_set("kartlaggning"))
    report.report_id, report.created, report.author = report_id, f"{date}T09:00:00+01:00", ANNA
    report.answers.update({"uppdrag": Answer(report_id), "datum": Answer(date)})
    return report


def test_a_hand_edited_report(tmp_path: Path) -> None:
    """A map edited by hand in the file: a moment renamed in place (its id comment kept) is renamed;
    a moment whose id comment was deleted is still followed, by its name."""
    folder = tmp_path / "r"
    folder.mkdir()
    first = _report("forsta", "2024-01-01")
    first.answers["fore_karta"] = Answer((Moment("Kravprofil", id="k1"), Moment("Kallelse", id="c1")))
    first.answers["fore_utveckla_vad"] = Answer((ActionItem("Kallelse", "Tydligare", id="x1"),))
    second = _report("andra", "2024-02-01")
    second.answers["fore_karta"] = Answer((Moment("Kravprofil", id="k1"), Moment("Kallelse", id="c1")))
    second.follow_ups = [FollowUp("forsta/x1", "Kallelse", Answer("Genomfört"))]
    questionnaire = builtin_set("kartlaggning")
    for report in (first, second):
        (folder / f"{report.date}-{report.report_id}.md").write_text(render(report, questionnaire), encoding="utf-8")
    path = folder / "2024-02-01-andra.md"
    text = path.read_text(encoding="utf-8")
    assert "**Kravprofil**<!-- moment: k1 -->" in text and "**Kallelse**<!-- moment: c1 -->" in text
    text = text.replace("**Kravprofil**", "**Kravprofilen**").replace("<!-- moment: c1 -->", "")
    path.write_text(text, encoding="utf-8")
    history: MapHistory = map_history(read_map_reports(folder, ANNA, False))
    [line] = change_history(history).lineages
    found = {m.name: [(c.kind, c.last.report.date) for c in m.changes] for m in line.moments}
    assert found == {
        "Kravprofilen": [("added", "2024-01-01"), ("renamed", "2024-02-01")],
        "Kallelse": [("added", "2024-01-01"), ("developed", "2024-02-01")],
    }


def test_kept_facts_are_the_facts_read(tmp_path: Path) -> None:
    """The moments and items decoded from the cache without being made again equal those read
    from the reports; a value that is not one trimmed line (a cache written by hand) is not taken."""
    from intervjufas.reading.process_map import facts as kept

    folder = write_sample_reports(tmp_path)
    paths = sorted(folder.glob("*.md"))
    fresh = kept.read_facts(paths, folder, [])
    again = kept.read_facts(paths, folder, [])  # (now from the cache)
    assert again == fresh and any(f.phases for f in again) and any(f.planned for f in again)
    with pytest.raises(TypeError):  # (a kept map that is not so: the report is read again)
        kept._check_map({"fore": [[" Två\nrader ", [], "", "m", ""]]})
    odd = kept.kept_item(" Två\nrader ", "", "x", "", [])
    assert odd == ActionItem("Två rader", id="x")
    for bad in (["a", " b", "x", "", []], ["a", "b", "x\t", "", []], ["a", "b", "x", "m", [1]]):
        assert kept.kept_item(*bad) == ActionItem(bad[0], bad[1], id=bad[2], moment_id=bad[3], involves=tuple(bad[4]))


_KINDS = ["appeared", "returned", "renamed", "moved", "plan_add", "plan_develop", "plan_remove", "added", "developed", "removed", "left"]


def _reference(lineage: Lineage, most: int) -> tuple[tuple[MomentChanges, ...], int]:
    """The moments shown as the definition says: every moment's changes made, those on the newest
    map, then the newest changes (by the date and file of the newest), ``most`` in all."""
    changed = [found for found in map(moment_changes, lineage.moments) if found is not None]
    on_map = [index for index, moment in enumerate(changed) if moment.on_map]
    others = sorted(
        (index for index, moment in enumerate(changed) if not moment.on_map),
        key=lambda index: (changed[index].latest.report.date, changed[index].latest.report.path.name),
        reverse=True,
    )
    shown = set(on_map) | set(others[: max(most - len(on_map), 0)])
    return tuple(moment for index, moment in enumerate(changed) if index in shown), len(changed) - len(shown)


@given(
    timelines=st.lists(
        st.tuples(
            st.booleans(),
            st.lists(st.tuples(st.sampled_from(_KINDS), st.integers(1, 9), st.sampled_from("abc")), max_size=6),
        ),
        max_size=25,
    ),
    most=st.integers(0, 12),
)
def test_only_the_moments_shown_are_made_into_changes_and_they_are_those_of_the_definition(
    timelines: list[tuple[bool, list[tuple[str, int, str]]]], most: int
) -> None:
    from intervjufas.reading.process_map.tracker import MapEvent, MomentTimeline

    moments = tuple(
        MomentTimeline(
            f"k{number}",
            "",
            f"Moment {number}",
            "fore",
            [MapEvent(kind, ReportRef(Path(f"{file}.md"), f"2024-0{day}-01", "U")) for kind, day, file in events],  # type: ignore[arg-type]
            on_map=on_map,
        )
        for number, (on_map, events) in enumerate(timelines)
    )
    line = lineage_changes(Lineage("", (A, B, C), moments), most)
    assert (line.moments, line.left_out) == _reference(Lineage("", (A, B, C), moments), most)
