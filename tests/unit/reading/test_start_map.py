"""The map a new session starts from: the newest map in the reports folder, the author's own when
there is one, never the report being continued, else the moments the newest plan names; and that
map changed by the items the follow-up marks done."""
from __future__ import annotations

import shutil
from pathlib import Path

from helpers import FIXTURE_REPORTS
from intervjufas.model.answers import ActionItem, Answer, Moment
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.reading.process_map.start_map import StartMap, carried_map, latest_map
from intervjufas.report.model import Report
from intervjufas.report.render import render


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


def fore(found: StartMap) -> list[str]:
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


# -- the map a session starts from, changed by what the follow-up says is done ------------------

KRAV = Moment("Kravprofil med kunden", ("kunden",), id="m-krav")
ENKAT = Moment("Pappersenkät", ("kandidaten",), "Skickas per post", id="m-enkat")
INTERVJU = Moment("Intervjun", ("kunden", "kandidaten"), id="m-intervju")
AVSLUT = Moment("Avslutet", id="m-avslut")
ATERKOPPLING = Moment("Återkoppling", ("kandidaten",), id="m-ater")
DATE = "2024-06-10"
EARLIER = {"fore": (KRAV, ENKAT), "under": (INTERVJU, AVSLUT), "efter": (ATERKOPPLING,)}


def names(carried: dict[str, tuple[Moment, ...]]) -> dict[str, list[str]]:
    return {phase: [m.name for m in moments] for phase, moments in carried.items()}


def test_done_items_change_the_map_by_moment_id() -> None:
    done = [
        ("lagga_till", "fore", ActionItem("Välkomstsamtal", involves=("kandidaten",), moment_id="m-valk")),
        ("utveckla", "under", ActionItem("Avslutet", moment_id="m-avslut")),
        ("ta_bort", "fore", ActionItem("Pappersenkät", moment_id="m-enkat")),
    ]
    carried = carried_map(EARLIER, done, DATE)
    assert names(carried) == {
        "fore": ["Kravprofil med kunden", "Välkomstsamtal"],
        "under": ["Intervjun", "Avslutet"],
        "efter": ["Återkoppling"],
    }
    added = carried["fore"][1]
    assert (added.id, added.involves, added.developed) == ("m-valk", ("kandidaten",), "")
    developed = carried["under"][1]
    assert (developed.id, developed.developed) == ("m-avslut", DATE)
    assert carried["under"][0].developed == ""
    # Every other moment is the same, ids included.
    assert [m.id for m in carried["fore"]] == ["m-krav", "m-valk"]
    assert carried["efter"][0] == ATERKOPPLING and carried["efter"][0].id == "m-ater"
    # The earlier map itself is not changed.
    assert EARLIER["fore"] == (KRAV, ENKAT) and EARLIER["under"][1].developed == ""


def test_an_id_wins_over_the_name() -> None:
    """An item about one moment never changes another that happens to have its name."""
    base = {"fore": (KRAV, Moment("Kravprofil med kunden", id="m-krav-2"))}
    carried = carried_map(
        base, [("ta_bort", "fore", ActionItem("Kravprofil med kunden", moment_id="m-krav-2"))], DATE
    )
    assert [m.id for m in carried["fore"]] == ["m-krav"]
    renamed = carried_map(
        EARLIER, [("utveckla", "fore", ActionItem("Gammalt namn", moment_id="m-krav"))], DATE
    )
    assert renamed["fore"][0].developed == DATE


def test_items_without_ids_change_the_moment_of_the_same_name() -> None:
    """Items written before maps existed name their moment only (case is ignored)."""
    done = [
        ("ta_bort", "fore", ActionItem("pappersenkät")),
        ("utveckla", "under", ActionItem("AVSLUTET")),
        ("lagga_till", "efter", ActionItem("Utvärdering med kunden", involves=("kunden",))),
    ]
    carried = carried_map(EARLIER, done, DATE)
    assert names(carried) == {
        "fore": ["Kravprofil med kunden"],
        "under": ["Intervjun", "Avslutet"],
        "efter": ["Återkoppling", "Utvärdering med kunden"],
    }
    assert carried["under"][1].developed == DATE
    added = carried["efter"][1]
    assert added.id and not added.id.isdigit() and added.id not in {m.id for m in EARLIER["efter"]}


def test_removing_or_developing_finds_the_moment_in_any_phase() -> None:
    done = [
        ("ta_bort", None, ActionItem("Återkoppling", moment_id="m-ater")),
        ("utveckla", None, ActionItem("Kravprofil med kunden")),
    ]
    carried = carried_map(EARLIER, done, DATE)
    assert carried["efter"] == ()
    assert carried["fore"][0].developed == DATE


def test_a_moment_is_never_added_twice() -> None:
    item = ActionItem("Välkomstsamtal", moment_id="m-valk")
    twice = carried_map(EARLIER, [("lagga_till", "fore", item), ("lagga_till", "fore", item)], DATE)
    assert names(twice)["fore"] == ["Kravprofil med kunden", "Pappersenkät", "Välkomstsamtal"]
    # Already on the map (by id, in any phase; or by name, in its phase): not added again.
    on_map = ActionItem("Nytt namn", moment_id="m-intervju")
    by_name = ActionItem("kravprofil med KUNDEN")
    again = carried_map(EARLIER, [("lagga_till", "fore", on_map), ("lagga_till", "fore", by_name)], DATE)
    assert names(again) == names(EARLIER)


def test_a_moment_to_add_needs_a_phase() -> None:
    carried = carried_map(EARLIER, [("lagga_till", None, ActionItem("Provdag", moment_id="m-prov"))], DATE)
    assert names(carried) == names(EARLIER)


def test_without_anything_done_the_map_is_the_earlier_one_in_every_phase() -> None:
    assert carried_map({}, [], DATE) == {"fore": (), "under": (), "efter": ()}
    assert carried_map({"efter": (ATERKOPPLING,)}, [], DATE) == {
        "fore": (),
        "under": (),
        "efter": (ATERKOPPLING,),
    }


def test_a_saved_mapping_starts_from_the_maps_ordered_before_it(
    reports_dir: Path, kartlaggning: Questionnaire
) -> None:
    # A mapping planned ahead (dated later, made first) does not lend its map to one dated before it.
    write_report(reports_dir, kartlaggning, "a-tidig", date="2024-05-01", fore=("Tidig",))
    write_report(reports_dir, kartlaggning, "c-planerad", date="2024-09-01", fore=("Planerad",))
    new = write_report(reports_dir, kartlaggning, "b-ny", date="2024-06-01")
    assert fore(latest_map(reports_dir, kartlaggning, "", new.report_id)) == ["Tidig"]
    # Not yet in the folder (nothing saved): the newest map of all.
    assert fore(latest_map(reports_dir, kartlaggning, "", "finns-inte")) == ["Planerad"]
