"""The process map of a report: the states its plan marks (kept, new, develop, remove, developed),
the "Processkarta" section, the map a new mapping starts from (``carried_map``), and the first map
of a report made before maps existed (``moments_from_items``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import FIXTURE_REPORTS
from intervjufas.folder.loading import load_report
from intervjufas.model.answers import ActionItem, Answer, Moment
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.model.questions import PHASES
from intervjufas.questionsets.catalog import earlier_builtin_sets
from intervjufas.questionsets.loader import load_question_set
from intervjufas.reading.process_map.start_map import map_of
from intervjufas.report.model import Report
from intervjufas.report.process_map.mermaid import flowchart
from intervjufas.report.process_map.report_map import (
    MAP_EMPTY,
    map_phases,
    map_section,
    mapped_moments,
    moments_from_items,
    process_map,
    step_phase,
)

KRAV = Moment("Kravprofil med kunden", ("kunden",), id="m-krav")
ENKAT = Moment("Pappersenkät", ("kandidaten",), "Skickas per post", id="m-enkat")
VALKOMST = Moment("Välkomstsamtal", ("kandidaten",), id="m-valk", developed="2024-05-01")
REFERENS = Moment("Referenstagning", id="m-ref")
INTERVJU = Moment("Intervjun", ("kunden", "kandidaten"), id="m-intervju")
AVSLUT = Moment("Avslutet", id="m-avslut")
ATERKOPPLING = Moment("Återkoppling", ("kandidaten",), id="m-ater")
DATE = "2024-06-10"


def mapping(questionnaire: Questionnaire, answers: dict[str, object]) -> Report:
    """A report with these answers (tuples of moments or items, or plain values)."""
    report = Report.new(questionnaire)
    report.answers["uppdrag"] = Answer("Lager")
    for key, value in answers.items():
        report.answers[key] = Answer(value)  # type: ignore[arg-type]
    return report


def states(drawn: object) -> dict[str, list[tuple[str, str, str]]]:
    """Each phase's moments as (name, state, why)."""
    return {
        phase: [(m.moment.name, m.state, m.why) for m in moments]
        for phase, moments in drawn.phases  # type: ignore[attr-defined]
    }


@pytest.fixture
def planned(kartlaggning: Questionnaire) -> Report:
    """A report whose map before the interviews has four moments (one developed earlier) and whose
    plan adds one, develops one and removes one, by the moments' ids."""
    return mapping(
        kartlaggning,
        {
            "fore_karta": (KRAV, ENKAT, VALKOMST, REFERENS),
            "fore_lagga_till": "Ja",
            "fore_lagga_till_vad": (
                ActionItem(
                    "Checklista", "Inget glöms", id="i-check", moment_id="m-check", involves=("kunden",)
                ),
            ),
            "fore_utveckla": "Ja",
            "fore_utveckla_vad": (
                ActionItem("Kravprofil med kunden", "Kortare", id="i-krav", moment_id="m-krav"),
            ),
            "fore_ta_bort": "Ja",
            "fore_ta_bort_vad": (
                ActionItem("Pappersenkät", "Ingen läser den", id="i-enkat", moment_id="m-enkat"),
            ),
            "under_karta": (INTERVJU, AVSLUT),
        },
    )


# -- the map and its marks ------------------------------------------------------------------------


def test_every_state_a_plan_gives_a_moment(planned: Report, kartlaggning: Questionnaire) -> None:
    drawn = process_map(planned, kartlaggning)
    assert [phase for phase, _ in drawn.phases] == list(PHASES)
    assert states(drawn) == {
        "fore": [
            ("Kravprofil med kunden", "develop", "Kortare"),
            ("Pappersenkät", "remove", "Ingen läser den"),
            ("Välkomstsamtal", "developed", ""),
            ("Referenstagning", "kept", ""),
            ("Checklista", "new", "Inget glöms"),  # the moment to add comes last in its phase
        ],
        "under": [("Intervjun", "kept", ""), ("Avslutet", "kept", "")],
        "efter": [],
    }
    new = drawn.moments[4]
    assert new.phase == "fore"
    assert new.moment.id == "m-check"  # the id the moment will have on the map once it is added
    assert new.moment.involves == ("kunden",)
    assert drawn.moments[2].moment.developed == "2024-05-01"
    assert not drawn.empty


def test_a_developed_moment_planned_to_develop_again_shows_the_plan(kartlaggning: Questionnaire) -> None:
    report = mapping(
        kartlaggning,
        {
            "fore_karta": (VALKOMST,),
            "fore_utveckla_vad": (ActionItem("Välkomstsamtal", "Ännu kortare", moment_id="m-valk"),),
        },
    )
    assert states(process_map(report, kartlaggning))["fore"] == [
        ("Välkomstsamtal", "develop", "Ännu kortare")
    ]
    [row] = [line for line in map_section(report, kartlaggning) if line.startswith("| Före")]
    assert row == "| Före intervjun | Välkomstsamtal | Utveckla | kandidaten |   |"


def test_a_mark_follows_the_moment_id_not_the_name(kartlaggning: Questionnaire) -> None:
    """An item names its moment as it was when picked; renaming the moment on the map later (or
    a typo in the item) does not lose the mark, and a name alone never marks another moment."""
    report = mapping(
        kartlaggning,
        {
            "fore_karta": (KRAV, REFERENS),
            "fore_ta_bort_vad": (ActionItem("Gamla namnet", "", moment_id="m-ref"),),
        },
    )
    assert states(process_map(report, kartlaggning))["fore"] == [
        ("Kravprofil med kunden", "kept", ""),
        ("Referenstagning", "remove", ""),
    ]


def test_items_whose_moment_is_not_on_the_map_mark_nothing_and_add_nothing(
    kartlaggning: Questionnaire,
) -> None:
    report = mapping(
        kartlaggning,
        {
            "fore_karta": (KRAV,),
            "fore_utveckla_vad": (
                ActionItem("Ett moment som togs bort från kartan", "", moment_id="m-borta"),
                ActionItem("Skrivet utan id"),  # typed in, about no moment on the map
            ),
            "under_ta_bort_vad": (ActionItem("Dubbla utskick", "Onödigt"),),
        },
    )
    drawn = process_map(report, kartlaggning)
    assert states(drawn) == {"fore": [("Kravprofil med kunden", "kept", "")], "under": [], "efter": []}


def test_moments_to_add_without_a_phase_are_not_drawn() -> None:
    """A set of one's own may plan additions in a question with no phase: the map cannot say where
    they go, so they are not drawn as new."""
    questionnaire = load_question_set(
        b"""\
id: egen
version: 1
titel: Egen
metadata:
  - {id: uppdrag, text: Uppdrag?, typ: text, obligatorisk: true}
steg:
  - id: ett
    etikett: Del 1
    titel: Processen
    fragor:
      - {id: karta, text: Vilka moment?, typ: moment, fas: under}
      - {id: nytt, text: Vad vill du l\xc3\xa4gga till?, typ: atgarder, plan: lagga_till}
""",
        "egen.yaml",
    )
    report = mapping(
        questionnaire, {"karta": (INTERVJU,), "nytt": (ActionItem("Provdag", moment_id="m-prov"),)}
    )
    assert states(process_map(report, questionnaire)) == {
        "fore": [],
        "under": [("Intervjun", "kept", "")],
        "efter": [],
    }


def test_phases_with_nothing_mapped_are_empty_and_in_order(kartlaggning: Questionnaire) -> None:
    report = mapping(kartlaggning, {"under_karta": (AVSLUT,), "efter_karta": None, "fore_karta": None})
    assert mapped_moments(report, kartlaggning) == {"fore": (), "under": (AVSLUT,), "efter": ()}
    drawn = process_map(report, kartlaggning)
    assert [(phase, len(moments)) for phase, moments in drawn.phases] == [
        ("fore", 0),
        ("under", 1),
        ("efter", 0),
    ]
    empty = process_map(mapping(kartlaggning, {}), kartlaggning)
    assert empty.empty and empty.moments == []


def test_the_snabbformat_map_is_its_three_moment_questions(snabbformat: Questionnaire) -> None:
    report = mapping(
        snabbformat,
        {
            "forbered_moment": (KRAV,),
            "genomfor_moment": (INTERVJU, AVSLUT),
            "folj_upp_moment": (ATERKOPPLING,),
            "snabb_utveckla_vad": (ActionItem("Avslutet", "Tydligare", moment_id="m-avslut"),),
        },
    )
    assert states(process_map(report, snabbformat)) == {
        "fore": [("Kravprofil med kunden", "kept", "")],
        "under": [("Intervjun", "kept", ""), ("Avslutet", "develop", "Tydligare")],
        "efter": [("Återkoppling", "kept", "")],
    }


# -- the Processkarta section ---------------------------------------------------------------------


def test_the_section_is_a_mermaid_flowchart_then_a_table(
    planned: Report, kartlaggning: Questionnaire
) -> None:
    lines = map_section(planned, kartlaggning)
    end = lines.index("```", 1)
    assert lines[0] == "```mermaid"
    assert "\n".join(lines[1:end]) + "\n" == flowchart(map_phases(process_map(planned, kartlaggning)))
    assert lines[end + 1] == ""
    table = lines[end + 2 :]
    assert table == [
        "| Fas | Moment | Förändring | Berör | Notering |",
        "| --- | --- | --- | --- | --- |",
        "| Före intervjun | Kravprofil med kunden | Utveckla | kunden |   |",
        "| Före intervjun | Pappersenkät | Ta bort | kandidaten | Skickas per post |",
        "| Före intervjun | Välkomstsamtal | Utvecklat 2024-05-01 | kandidaten |   |",
        "| Före intervjun | Referenstagning |   |   |   |",
        "| Före intervjun | Checklista | Nytt | kunden |   |",
        "| Under intervjun | Intervjun |   | kunden, kandidaten |   |",
        "| Under intervjun | Avslutet |   |   |   |",
        "",
    ]


def test_the_flowchart_carries_the_marks_and_the_developed_date(
    planned: Report, kartlaggning: Questionnaire
) -> None:
    nodes = {
        node.label: node for phase in map_phases(process_map(planned, kartlaggning)) for node in phase.nodes
    }
    assert nodes["Välkomstsamtal"].state == "developed"
    assert nodes["Välkomstsamtal"].note == "utvecklat 2024-05-01"
    assert nodes["Pappersenkät"].note == "Skickas per post"  # (a moment's own note, when not developed)
    assert nodes["Checklista"].state == "new"
    chart = "\n".join(map_section(planned, kartlaggning))
    assert "Teckenförklaring" in chart and "utvecklat 2024-05-01" in chart


def test_nothing_mapped_says_so(kartlaggning: Questionnaire) -> None:
    assert map_section(mapping(kartlaggning, {"fore_karta": None}), kartlaggning) == [MAP_EMPTY, ""]


def test_a_planned_addition_alone_is_a_map(kartlaggning: Questionnaire) -> None:
    report = mapping(kartlaggning, {"efter_lagga_till_vad": (ActionItem("Utvärdering", moment_id="m-utv"),)})
    lines = map_section(report, kartlaggning)
    assert lines[0] == "```mermaid"
    assert "| Efter intervjun | Utvärdering | Nytt |   |   |" in lines


def test_no_section_for_a_set_without_moment_questions() -> None:
    [version_1] = [q for q in earlier_builtin_sets("kartlaggning") if q.version == 1]
    report = mapping(version_1, {"fore_lagga_till_vad": (ActionItem("Checklista"),)})
    assert map_section(report, version_1) == []


# -- the map a new mapping starts from ------------------------------------------------------------

def names(carried: dict[str, tuple[Moment, ...]]) -> dict[str, list[str]]:
    return {phase: [m.name for m in moments] for phase, moments in carried.items()}


# -- a first map from a report made before maps existed -------------------------------------------


def fixture(name: str) -> Path:
    return FIXTURE_REPORTS / name


def test_a_format_1_report_offers_the_moments_its_plan_names_in_the_phase_of_their_step() -> None:
    loaded = load_report(fixture("2024-02-20-truckforare-till-nordlager.md"))
    assert loaded.questionnaire is not None and loaded.questionnaire.version == 1
    first = moments_from_items(loaded.report, loaded.questionnaire)
    assert names(first) == {
        "fore": [],
        "under": ["Tydligare avslut", "Kandidatens frågor"],
        "efter": ["Utvärdering med kunden"],
    }
    ids = [m.id for moments in first.values() for m in moments]
    assert len(set(ids)) == 3 and all(ids) and not any(i.isdigit() for i in ids)
    assert map_of(loaded) == first  # (moments compare by content: the ids are new each time)


def test_each_moment_once_per_phase() -> None:
    loaded = load_report(fixture("2024-01-15-lagerarbetare-till-nordlager.md"))
    assert loaded.questionnaire is not None
    report = loaded.report
    items = report.answers["under_utveckla_vad"].value
    report.answers["under_ta_bort_vad"] = Answer((ActionItem("tydligare AVSLUT", "igen"),))
    report.answers["efter_lagga_till_vad"] = Answer(items)  # the same name in another phase is kept
    assert names(moments_from_items(report, loaded.questionnaire)) == {
        "fore": ["Checklista till kunden"],
        "under": ["Tydligare avslut"],
        "efter": ["Tydligare avslut"],
    }


def test_map_of_a_report_with_a_map_is_its_map(
    planned: Report, kartlaggning: Questionnaire, tmp_path: Path
) -> None:
    from intervjufas.folder.loading import LoadedReport

    loaded = LoadedReport(tmp_path / "x.md", planned, kartlaggning)
    assert map_of(loaded) == mapped_moments(planned, kartlaggning)
    assert [m.id for m in map_of(loaded)["fore"]] == ["m-krav", "m-enkat", "m-valk", "m-ref"]
    # The planned addition is not on the map yet: it joins it when followed up as done.
    assert "Checklista" not in names(map_of(loaded))["fore"]
    assert map_of(LoadedReport(tmp_path / "y.md", planned, None)) == {}


def test_the_phase_a_step_stands_for_in_a_set_made_before_maps() -> None:
    assert [step_phase(number) for number in (1, 2, 3, 4)] == ["fore", "under", "efter", "efter"]
