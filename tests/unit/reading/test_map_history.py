"""``karta --historik`` as data: each moment's timeline across one consultant's maps, the moments
followed by id (and by name where they have none), follow-ups marked Genomfört that add, develop
and remove moments, and the reports read – only those the history needs."""

from __future__ import annotations

from pathlib import Path

import pytest

import intervjufas.reading.process_map.facts as map_facts_module
from helpers import FIXTURE_REPORTS, counting_loads
from intervjufas.model.answers import ActionItem, Answer, Moment
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.reading.process_map.history import MapHistory, map_history, read_map_reports
from intervjufas.reading.process_map.tracker import MomentTimeline
from intervjufas.report.model import FollowUp, Report
from intervjufas.report.render import render
from map_samples import ANNA, ERIK, FIRST, SECOND, THIRD, write_sample_reports


def history(folder: Path, author: str = ANNA, everyone: bool = False) -> MapHistory:
    return map_history(read_map_reports(folder, author, everyone))


def timelines(result: MapHistory, line: int = 0) -> dict[str, MomentTimeline]:
    return {moment.name: moment for moment in result.lineages[line].moments}


def events(moment: MomentTimeline) -> list[tuple[str, str, str]]:
    """(kind, date, report file) of each event."""
    return [(event.kind, event.report.date, event.report.path.name) for event in moment.events]


def test_every_moment_has_its_timeline(tmp_path: Path) -> None:
    result = history(write_sample_reports(tmp_path))
    assert [line.author for line in result.lineages] == [ANNA]
    assert [ref.path.name for ref in result.lineages[0].reports] == [FIRST, SECOND, THIRD]
    found = timelines(result)
    assert events(found["Genomgång av kravprofilen"]) == [
        ("appeared", "2024-01-15", FIRST),
        ("renamed", "2024-02-20", SECOND),
    ]
    renamed = found["Genomgång av kravprofilen"].events[1]
    assert (renamed.before, renamed.after) == ("Kravprofil", "Genomgång av kravprofilen")
    # planned in the first report, added when the second report's follow-up marked it done
    assert events(found["Förberedande samtal"]) == [
        ("plan_add", "2024-01-15", FIRST),
        ("added", "2024-02-20", SECOND),
    ]
    assert found["Förberedande samtal"].events[0].why == "Minska nervositeten"
    assert found["Förberedande samtal"].events[1].follow_up
    assert events(found["Kallelse"]) == [
        ("appeared", "2024-01-15", FIRST),
        ("plan_develop", "2024-01-15", FIRST),
        ("developed", "2024-02-20", SECOND),
        ("left", "2024-03-05", THIRD),  # taken off by hand: no follow-up said so
    ]
    assert events(found["Dubbelbokning"]) == [
        ("appeared", "2024-01-15", FIRST),
        ("plan_remove", "2024-01-15", FIRST),
        ("removed", "2024-03-05", THIRD),  # told once: the follow-up, not also "left"
    ]
    assert events(found["Intervju"]) == [
        ("appeared", "2024-01-15", FIRST),
        ("plan_develop", "2024-02-20", SECOND),
        ("developed", "2024-03-05", THIRD),
    ]
    assert events(found["Referenstagning"]) == [("appeared", "2024-03-05", THIRD)]


def test_moments_are_ordered_by_phase_those_on_the_map_first(tmp_path: Path) -> None:
    moments = history(write_sample_reports(tmp_path)).lineages[0].moments
    assert [(m.phase, m.name, m.on_map) for m in moments] == [
        ("fore", "Genomgång av kravprofilen", True),
        ("fore", "Förberedande samtal", True),
        ("fore", "Kallelse", False),
        ("under", "Intervju", True),
        ("under", "Dubbelbokning", False),
        ("efter", "Återkoppling", True),
        ("efter", "Referenstagning", True),
    ]
    assert moments[0].moment_id == "m0krav"


def test_other_authors_are_left_out_unless_everyone_is_asked_for(tmp_path: Path) -> None:
    folder = write_sample_reports(tmp_path)
    own = history(folder)
    assert own.left_out == 1 and not own.fell_back
    assert "Telefonscreening" not in timelines(own)
    everyone = history(folder, everyone=True)
    assert [line.author for line in everyone.lineages] == [ANNA, ERIK]  # the asker's own first
    assert list(timelines(everyone, 1)) == ["Telefonscreening"]
    assert everyone.left_out == 0
    # Erik's history puts his line first; someone with no map of their own sees everyone's
    assert [line.author for line in history(folder, ERIK, everyone=True).lineages] == [ERIK, ANNA]
    stranger = history(folder, "Okänd")
    assert stranger.fell_back and [line.author for line in stranger.lineages] == [ERIK, ANNA]


def test_only_the_reports_the_history_needs_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reports without a map and without a follow-up marked done, and other authors' reports, are
    known from their headers alone."""
    folder = write_sample_reports(tmp_path)
    for name in ("2024-02-28-kundtjanst-till-servicebolaget.md", "2024-03-05-plockare-till-nordlager.md"):
        (folder / name).write_bytes((FIXTURE_REPORTS / name).read_bytes())
    read = counting_loads(monkeypatch, map_facts_module)
    told: list[tuple[int, int]] = []
    found = read_map_reports(folder, ANNA, False, loading=lambda done, total: told.append((done, total)))
    assert sorted(read) == [FIRST, SECOND, THIRD]
    assert found.warnings == []
    assert told == [(1, 3), (2, 3), (3, 3)]  # (the progress of reading them in full)


def test_reports_made_before_maps_tell_what_their_follow_ups_did(tmp_path: Path) -> None:
    """The format 1 reports have no map, but one's follow-up marks the other's item to add done:
    the planned and the done change are in the history (the items are known by name)."""
    folder = tmp_path / "r"
    folder.mkdir()
    for path in FIXTURE_REPORTS.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    result = history(folder, "")
    found = timelines(result)
    assert events(found["Checklista till kunden"]) == [
        ("plan_add", "2024-01-15", "2024-01-15-lagerarbetare-till-nordlager.md"),
        ("added", "2024-02-20", "2024-02-20-truckforare-till-nordlager.md"),
    ]
    assert not found["Checklista till kunden"].on_map  # (no map has shown it yet)
    # planned again in the later report (a new item then: format 1 items have no ids)
    assert [(kind, date) for kind, date, _ in events(found["Tydligare avslut"])] == [
        ("plan_develop", "2024-01-15"),
        ("plan_develop", "2024-02-20"),
    ]


def _report(report_id: str, date: str, author: str = "") -> Report:
    report = Report.new(builtin_set("kartlaggning"))
    report.report_id, report.created, report.author = report_id, f"{date}T09:00:00+01:00", author
    report.answers.update({"uppdrag": Answer(report_id), "datum": Answer(date)})
    return report


def _write(folder: Path, *reports: Report) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for report in reports:
        (folder / f"{report.date}-{report.report_id}.md").write_text(
            render(report, builtin_set("kartlaggning")), encoding="utf-8"
        )
    return folder


def test_moments_without_ids_are_followed_by_name_within_their_phase(tmp_path: Path) -> None:
    """A map typed by hand has no ids: the same name in the same phase is the same moment; an item
    without a moment id finds its moment by name."""
    first = _report("forsta", "2024-01-01")
    first.answers["fore_karta"] = Answer((Moment("Kravprofil"), Moment("Kallelse")))
    first.answers["fore_utveckla_vad"] = Answer((ActionItem("kallelse", "Tydligare", id="x1"),))
    second = _report("andra", "2024-02-01")
    second.answers["fore_karta"] = Answer((Moment("Kravprofil"),))
    second.answers["under_karta"] = Answer((Moment("Kallelse", developed="2024-02-01"),))  # now under
    second.follow_ups = [FollowUp("forsta/x1", "kallelse", Answer("Genomfört"))]
    folder = _write(tmp_path / "r", first, second)
    assert "<!-- moment:" not in (folder / "2024-01-01-forsta.md").read_text(encoding="utf-8")
    found = timelines(history(folder, ""))
    assert [kind for kind, _, _ in events(found["Kravprofil"])] == ["appeared"]
    assert [kind for kind, _, _ in events(found["Kallelse"])] == [
        "appeared",
        "plan_develop",
        "developed",  # told by the follow-up (not again for the date on the map)
        "moved",
    ]


def test_an_empty_folder_has_no_history(tmp_path: Path) -> None:
    result = history(tmp_path / "tom")
    assert result.lineages == () and result.empty and not result.fell_back


def test_a_moment_to_add_that_is_already_on_the_map_is_that_moment(tmp_path: Path) -> None:
    """A new mapping does not add a moment twice (``carried_map`` knows it by name in its phase):
    neither does the history."""
    first = _report("forsta", "2024-01-01")
    first.answers["fore_karta"] = Answer((Moment("Samtal", id="s0"),))
    first.answers["fore_lagga_till_vad"] = Answer((ActionItem("samtal", "Igen", id="x1", moment_id="n1"),))
    second = _report("andra", "2024-02-01")
    second.answers["fore_karta"] = Answer((Moment("Samtal", id="s0"),))
    second.follow_ups = [FollowUp("forsta/x1", "samtal", Answer("Genomfört"))]
    found = history(_write(tmp_path / "r", first, second), "").lineages[0].moments
    assert [(m.name, [e.kind for e in m.events]) for m in found] == [
        ("Samtal", ["appeared", "plan_add", "added"])
    ]


def test_a_report_never_tells_a_developed_date_after_its_own() -> None:
    from intervjufas.reading.process_map.tracker import ReportRef, Tracker

    tracker = Tracker()
    early = ReportRef(Path("a.md"), "2026-12-01", "A")
    planned_ahead = ReportRef(Path("b.md"), "2026-12-07", "B")
    tracker.map(early, {"fore": (Moment("Kallelse", id="k1"),)})
    tracker.map(planned_ahead, {"fore": (Moment("Kallelse", id="k1", developed="2026-12-28"),)})
    (line,) = tracker.timelines()
    assert [event.kind for event in line.events] == ["appeared"]
    later = ReportRef(Path("c.md"), "2026-12-28", "C")
    tracker.map(later, {"fore": (Moment("Kallelse", id="k1", developed="2026-12-28"),)})
    (line,) = tracker.timelines()
    told = [(event.kind, event.after) for event in line.events]
    assert told == [("appeared", ""), ("developed", "2026-12-28")]


def test_a_header_row_is_seen_as_its_header_reads(tmp_path: Path) -> None:
    """What the history takes from each header row (read straight from the row) is what it takes
    from the header as a mapping: the same reports, authors, maps and items marked done."""
    from intervjufas.folder.scan import read_headers
    from intervjufas.reading.process_map.history import _seen, _seen_all

    folder = write_sample_reports(tmp_path)
    headers, _ = read_headers(folder)
    as_mappings = [(path, dict(header)) for path, header in headers]
    found = _seen_all(headers)
    assert found == [_seen(path, header) for path, header in as_mappings] == _seen_all(as_mappings)
    assert any(seen.done for seen in found) and any(seen.changes for seen in found)
