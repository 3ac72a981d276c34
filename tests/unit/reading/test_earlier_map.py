"""The map a new mapping starts from: the newest map in the reports folder, the author's own when
there is one, never the report being continued, else the moments the newest plan names."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers import FIXTURE_REPORTS
from intervjufas.model.answers import ActionItem, Answer, Moment
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.reading.earlier_map import latest_map
from intervjufas.reports.model import Report
from intervjufas.reports.process_map import EarlierMap
from intervjufas.reports.render import render


def write_report(
    folder: Path,
    questionnaire: Questionnaire,
    name: str,
    *,
    date: str,
    author: str = "",
    fore: tuple[str, ...] = (),
    items: tuple[str, ...] = (),
    created: str = "",
) -> Report:
    """A report in the folder whose map before the interviews has the moments ``fore`` (and whose
    plan adds ``items``)."""
    report = Report.new(questionnaire)
    report.author = author
    if created:
        report.created = report.updated = created
    report.answers["uppdrag"] = Answer(name)
    report.answers["datum"] = Answer(date)
    report.answers["fore_karta"] = Answer(tuple(Moment(m, id=f"{name}-{n}") for n, m in enumerate(fore)))
    if items:
        report.answers["fore_lagga_till"] = Answer("Ja")
        report.answers["fore_lagga_till_vad"] = Answer(tuple(ActionItem(i, id=f"i-{i}") for i in items))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.md").write_text(render(report, questionnaire), encoding="utf-8")
    return report


def fore(found: EarlierMap) -> list[str]:
    return [m.name for m in found.phases.get("fore", ())]


def test_the_newest_map_by_the_date_of_the_assignment(reports_dir: Path, kartlaggning: Questionnaire) -> None:
    # (File names and creation times point the other way: the date of the assignment decides.)
    write_report(
        reports_dir,
        kartlaggning,
        "b-juni",
        date="2024-06-01",
        fore=("Juni",),
        created="2024-01-01T08:00:00+01:00",
    )
    write_report(
        reports_dir,
        kartlaggning,
        "a-maj",
        date="2024-05-01",
        fore=("Maj",),
        created="2024-07-01T08:00:00+01:00",
    )
    earlier = latest_map(reports_dir, kartlaggning, "", "")
    found = earlier.phases
    assert fore(earlier) == ["Juni"]
    assert [m.id for m in found["fore"]] == ["b-juni-0"]  # the ids come along
    assert found["under"] == () and found["efter"] == ()
    assert earlier.source is not None and earlier.source.parent == reports_dir  # to say where from


def test_the_same_day_the_later_made_wins(reports_dir: Path, kartlaggning: Questionnaire) -> None:
    write_report(
        reports_dir,
        kartlaggning,
        "b",
        date="2024-06-01",
        fore=("Morgon",),
        created="2024-06-01T08:00:00+02:00",
    )
    write_report(
        reports_dir,
        kartlaggning,
        "a",
        date="2024-06-01",
        fore=("Kväll",),
        created="2024-06-01T18:00:00+02:00",
    )
    assert fore(latest_map(reports_dir, kartlaggning, "", "")) == ["Kväll"]


def test_the_authors_own_map_before_a_newer_one_of_a_colleague(
    reports_dir: Path, kartlaggning: Questionnaire
) -> None:
    write_report(reports_dir, kartlaggning, "anna", date="2024-05-01", author="Anna", fore=("Annas",))
    write_report(reports_dir, kartlaggning, "bo", date="2024-06-01", author="Bo", fore=("Bos",))
    assert fore(latest_map(reports_dir, kartlaggning, "Anna", "")) == ["Annas"]
    assert fore(latest_map(reports_dir, kartlaggning, "Bo", "")) == ["Bos"]


def test_without_a_map_of_ones_own_a_colleagues_newest(
    reports_dir: Path, kartlaggning: Questionnaire
) -> None:
    write_report(reports_dir, kartlaggning, "anna", date="2024-07-01", author="Anna")  # nothing mapped
    write_report(reports_dir, kartlaggning, "bo", date="2024-05-01", author="Bo", fore=("Bos",))
    write_report(reports_dir, kartlaggning, "eva", date="2024-06-01", author="Eva", fore=("Evas",))
    assert fore(latest_map(reports_dir, kartlaggning, "Anna", "")) == ["Evas"]
    assert fore(latest_map(reports_dir, kartlaggning, "Cecilia", "")) == ["Evas"]
    assert fore(latest_map(reports_dir, kartlaggning, "", "")) == ["Evas"]


def test_the_report_being_made_is_passed_over(reports_dir: Path, kartlaggning: Questionnaire) -> None:
    write_report(reports_dir, kartlaggning, "tidigare", date="2024-05-01", author="Anna", fore=("Tidigare",))
    this = write_report(reports_dir, kartlaggning, "denna", date="2024-06-01", author="Anna", fore=("Denna",))
    assert fore(latest_map(reports_dir, kartlaggning, "Anna", this.report_id)) == ["Tidigare"]


def test_an_empty_folder_or_none_at_all_has_no_map(reports_dir: Path, kartlaggning: Questionnaire) -> None:
    assert latest_map(reports_dir, kartlaggning, "Anna", "").phases == {}
    reports_dir.mkdir(parents=True)
    assert latest_map(reports_dir, kartlaggning, "Anna", "").phases == {}
    write_report(reports_dir, kartlaggning, "tom", date="2024-05-01", author="Anna")
    assert latest_map(reports_dir, kartlaggning, "Anna", "").phases == {}


def copy_fixtures(folder: Path, *names: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(FIXTURE_REPORTS / name, folder / name)


TRUCK = "2024-02-20-truckforare-till-nordlager.md"
LAGER = "2024-01-15-lagerarbetare-till-nordlager.md"
BROKEN = "2024-03-10-trasig.md"


def test_before_any_map_the_moments_the_newest_plan_names(
    reports_dir: Path, kartlaggning: Questionnaire
) -> None:
    copy_fixtures(reports_dir, LAGER, TRUCK, BROKEN)
    found = latest_map(reports_dir, kartlaggning, "Anna", "").phases
    assert {phase: [m.name for m in moments] for phase, moments in found.items()} == {
        "fore": [],
        "under": ["Tydligare avslut", "Kandidatens frågor"],
        "efter": ["Utvärdering med kunden"],
    }
    assert all(m.id for moments in found.values() for m in moments)


def test_a_map_comes_before_a_newer_plan_without_one(reports_dir: Path, kartlaggning: Questionnaire) -> None:
    copy_fixtures(reports_dir, LAGER, TRUCK)
    write_report(reports_dir, kartlaggning, "karta", date="2023-12-01", author="Bo", fore=("Kartlagt",))
    assert fore(latest_map(reports_dir, kartlaggning, "Anna", "")) == ["Kartlagt"]


def test_an_own_report_with_a_plan_but_no_map_does_not_hide_an_earlier_plan(
    reports_dir: Path, kartlaggning: Questionnaire
) -> None:
    """A report made with maps whose map is empty names its plan's moments nowhere on a map: the
    newest plan of a report made before maps is offered instead."""
    copy_fixtures(reports_dir, TRUCK)
    write_report(reports_dir, kartlaggning, "anna", date="2024-06-01", author="Anna", items=("Checklista",))
    found = latest_map(reports_dir, kartlaggning, "Anna", "").phases
    assert [m.name for m in found["under"]] == ["Tydligare avslut", "Kandidatens frågor"]


def test_unreadable_files_are_passed_over(reports_dir: Path, kartlaggning: Questionnaire) -> None:
    write_report(reports_dir, kartlaggning, "bra", date="2024-05-01", author="Anna", fore=("Läsbar",))
    copy_fixtures(reports_dir, BROKEN)
    (reports_dir / "binar.md").write_bytes(b"\xff\xfe\x00garbage")
    (reports_dir / "mapp.md").mkdir()
    good = (reports_dir / "bra.md").read_text(encoding="utf-8")
    # Newer reports that claim a map but whose set is unknown, or whose count is not a number.
    unknown = good.replace("id: kartlaggning", "id: okand").replace("2024-05-01", "2024-08-01")
    (reports_dir / "okand.md").write_text(unknown.replace("Läsbar", "Okänd"), encoding="utf-8")
    text = good.replace("karta: 1", "karta: tre").replace("2024-05-01", "2024-09-01")
    (reports_dir / "text.md").write_text(text.replace("Läsbar", "Text"), encoding="utf-8")
    assert "id: okand" in unknown and "karta: tre" in text
    assert fore(latest_map(reports_dir, kartlaggning, "Anna", "")) == ["Läsbar"]


def test_a_header_that_promises_a_map_the_body_no_longer_has(
    reports_dir: Path, kartlaggning: Questionnaire
) -> None:
    """Moments deleted by hand from a newer report leave its header's count behind: the older map is
    offered rather than none."""
    write_report(reports_dir, kartlaggning, "aldre", date="2024-05-01", fore=("Äldre",))
    write_report(reports_dir, kartlaggning, "nyare", date="2024-06-01", fore=("Borttaget",))
    path = reports_dir / "nyare.md"
    text = path.read_text(encoding="utf-8")
    start = text.index("1. **Borttaget**")
    end = text.index("\n\n", start)
    path.write_text(text[:start] + "*Inget svar.*" + text[end:], encoding="utf-8")
    assert "karta: 1" in path.read_text(encoding="utf-8")
    assert fore(latest_map(reports_dir, kartlaggning, "", "")) == ["Äldre"]
