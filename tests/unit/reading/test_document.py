"""A report as the neutral document the exports draw: every answer as plain text of its kind, in
the set's order and grouping, the follow-ups and the plan, with text made safe for XML."""

from __future__ import annotations

from pathlib import Path

import pytest

from export_samples import HOSTILE, MULTI_LINE, full_report, sample_map, write_and_load
from helpers import FIXTURE_REPORTS
from intervjufas.folder.loading import load_report
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.reading.export.document import (
    ChoiceContent,
    Document,
    ItemsContent,
    ListContent,
    RatingContent,
    TextContent,
    build_document,
    clean,
)
from intervjufas.report.model import Report


@pytest.fixture
def document(kartlaggning: Questionnaire, tmp_path: Path) -> Document:
    return build_document(write_and_load(tmp_path, full_report(kartlaggning), kartlaggning), author="anna")


def entries(document: Document) -> dict[str, object]:
    return {e.question_id: e.content for s in document.sections for e in s.entries}


def test_title_details_and_dates(document: Document) -> None:
    assert document.title == "Kartlägg intervjufasen: Lagerarbetare till Nordlager"
    assert document.uppdrag == "Lagerarbetare till Nordlager"
    assert document.date == "2026-03-02"
    assert document.created == "2026-03-02T09:15:00+01:00"
    assert document.updated == "2026-03-04T16:40:00+01:00"
    assert [(f.label, f.value, f.customer_label) for f in document.facts] == [
        ("Uppdrag", "Lagerarbetare till Nordlager", "Uppdrag"),
        ("Kund", "Nordlager AB", "Arbetsgivare"),
        ("Tjänst/roll", "Lagerarbetare", "Tjänst"),
        ("Intervjuform", "Telefonintervju, Konventionell intervju", "Intervjuform"),
        ("Genomförande", "Tillsammans med en kollega", ""),
        ("Kollega", "Anna Berg", ""),
        ("Datum", "2026-03-02", "Datum"),
    ]


def test_every_answer_has_the_content_of_its_type(document: Document) -> None:
    found = entries(document)
    assert found["fore_kunden"] == TextContent(MULTI_LINE)  # line breaks kept as they were given
    assert found["fore_lagga_till"] == ChoiceContent("Ja")
    assert found["under_struktur"] == ChoiceContent("Delvis", "Strukturen varierar.")
    assert found["fore_betyg_kund"] == RatingContent(4, 5, "")
    assert found["fore_betyg_kandidat"] == RatingContent(2, 5, "")
    assert RatingContent(3, 5, "Godtagbar").text == "3 av 5 (Godtagbar)"
    assert found["fore_lagga_till_vad"] == ItemsContent(
        (("Genomgång av kravprofilen med arbetsgivaren", "Kunden vet vad vi letar efter"), ("Påminnelse", ""))
    )
    facts = {f.label: f.value for f in document.facts}
    assert facts["Intervjuform"] == "Telefonintervju, Konventionell intervju"
    # unanswered questions are not in the document
    assert "under_betyg_kund" not in found and "efter_upplevelse_kund" not in found


def test_sections_follow_the_steps_and_their_groups(document: Document) -> None:
    assert [(s.key, s.heading, s.title, s.status) for s in document.sections] == [
        ("fore", "Steg 1: Före intervjun", "Före intervjun", "klar"),
        ("under", "Steg 2: Under intervjun", "Under intervjun", "påbörjad"),
        ("efter", "Steg 3: Efter intervjun", "Efter intervjun", "påbörjad"),
    ]
    fore = document.sections[0]
    assert fore.lead == "Vilka förberedelser genomför du innan intervjuerna ska genomföras?"
    assert [(b.title, [e.question_id for e in b.entries]) for b in fore.blocks] == [
        ("", ["fore_kunden", "fore_kandidaten", "fore_kollegor", "fore_karta"]),
        ("Reflektion", ["fore_lagga_till", "fore_lagga_till_vad", "fore_utveckla", "fore_ta_bort"]),
        (
            "Kund- och kandidatupplevelse",
            ["fore_upplevelse_kund", "fore_betyg_kund", "fore_upplevelse_kandidat", "fore_betyg_kandidat"],
        ),
    ]
    assert fore.blocks[1].text == "När du förberett dig inför en kommande intervju, reflektera över följande:"
    first = fore.blocks[0].entries[0]
    assert (first.heading, first.customer_heading, first.rating) == (
        "Hur förbereder du kunden?",
        "Så förbereder vi er inför intervjuerna",
        False,
    )
    assert fore.blocks[2].entries[1].rating is True


def test_follow_ups_plan_and_unknown_answers(document: Document) -> None:
    assert [(f.label, f.status, f.comment) for f in document.follow_ups] == [
        (
            "Checklista till kunden (Steg 1 · lägga till · 2026-01-10)",
            "Genomfört",
            "Checklistan används nu i alla uppdrag.",
        )
    ]
    assert [(r.step_label, r.kind, r.kind_label, r.moment) for r in document.plan] == [
        ("Steg 1", "lagga_till", "Lägga till", "Genomgång av kravprofilen med arbetsgivaren"),
        ("Steg 1", "lagga_till", "Lägga till", "Påminnelse"),
        ("Steg 2", "utveckla", "Utveckla", "Tydligare avslut"),
    ]
    assert document.plan_cells[0] == (
        "Steg 1",
        "Lägga till",
        "Genomgång av kravprofilen med arbetsgivaren",
        "Kunden vet vad vi letar efter",
        "Planerad",
    )
    assert [(e.heading, e.content) for e in document.other] == [
        ("Egen anteckning", TextContent("Kunden vill prova video."))
    ]


def test_text_is_made_safe_for_xml_once(document: Document) -> None:
    hostile = entries(document)["fore_kandidaten"]
    assert isinstance(hostile, TextContent)
    assert "\x1b" not in hostile.text and "\x07" not in hostile.text
    assert hostile.text == clean(HOSTILE)
    assert "␛[31mröd␇" in hostile.text
    assert "<script>" in hostile.text  # escaping is the views' work; the text stays the text
    assert clean("a\r\nb\x00c\ufffe") == "a\nb␀c\ufffd"


def test_the_author_is_the_report_s_own_else_the_given_else_the_login(
    kartlaggning: Questionnaire, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = full_report(kartlaggning)
    loaded = write_and_load(tmp_path, report, kartlaggning)
    monkeypatch.setenv("LOGNAME", "kalle")
    assert build_document(loaded).author == "kalle"
    assert build_document(loaded, author="anna").author == "anna"
    report.extra_header["forfattare"] = "Lisa Lind"
    recorded = write_and_load(tmp_path, report, kartlaggning, "annan.md")
    assert build_document(recorded, author="anna").author == "Lisa Lind"


def test_a_process_map_is_carried_and_made_safe() -> None:
    loaded = load_report(FIXTURE_REPORTS / "2024-01-15-lagerarbetare-till-nordlager.md")
    document = build_document(loaded, process_map=sample_map())
    assert document.process_map is not None
    assert [p.title for p in document.process_map] == ["Före intervjun", "Under intervjun", "Efter intervjun"]
    assert document.process_map[1].nodes[0].label == clean(HOSTILE)
    assert document.process_map[0].nodes[0].note == "Tar en timme"
    assert build_document(loaded).process_map is None


@pytest.mark.parametrize(
    "name", sorted(p.name for p in FIXTURE_REPORTS.glob("*.md") if "trasig" not in p.name)
)
def test_every_fixture_report_becomes_a_document(name: str) -> None:
    document = build_document(load_report(FIXTURE_REPORTS / name), author="x")
    assert document.sections and document.facts
    assert all(s.heading for s in document.sections)
    assert "\r" not in repr(document)


def test_a_partial_report_has_empty_steps(kartlaggning: Questionnaire, tmp_path: Path) -> None:
    report = Report.new(kartlaggning)
    report.answers.update(full_report(kartlaggning).answers)
    for key in [k for k in report.answers if k.startswith(("under_", "efter_"))]:
        del report.answers[key]
    document = build_document(write_and_load(tmp_path, report, kartlaggning))
    assert [len(s.entries) > 0 for s in document.sections] == [True, False, False]
    assert document.sections[1].status == "ej påbörjad"


def test_a_report_of_an_unknown_set_keeps_its_answers(tmp_path: Path, kartlaggning: Questionnaire) -> None:
    text = (FIXTURE_REPORTS / "2024-01-15-lagerarbetare-till-nordlager.md").read_text(encoding="utf-8")
    path = tmp_path / "okand.md"
    path.write_text(text.replace("id: kartlaggning", "id: egen_uppsattning"), encoding="utf-8")
    document = build_document(load_report(path), author="x")
    assert document.title == "egen_uppsattning: Lagerarbetare till Nordlager"
    assert document.sections == ()
    assert ("kund", "Nordlager AB") in [(f.label, f.value) for f in document.facts]
    assert "Hur förbereder du kunden?" in [e.heading for e in document.other]


SMALL_SET = """\
id: liten
version: 1
titel: Liten
metadata:
  - {id: uppdrag, text: Uppdrag?, typ: text}
steg:
  - id: ett
    titel: Ett
    fragor:
      - {id: omraden, text: Vilka områden?, typ: flerval, val: [Motivation, Erfarenhet, Frågor]}
      - {id: nar, text: När?, typ: datum}
      - {id: klar, text: Klart?, typ: janej, kommentar: true}
"""


def test_choices_dates_and_yes_no_of_a_question_file(tmp_path: Path) -> None:
    from intervjufas.model.answers import Answer
    from intervjufas.questionsets.loader import load_question_set

    questionnaire = load_question_set(SMALL_SET.encode("utf-8"), "liten.yaml")
    report = Report.new(questionnaire)
    report.answers.update(
        {
            "uppdrag": Answer("Prov"),
            "omraden": Answer(("Motivation", "Frågor")),
            "nar": Answer("2026-05-01"),
            "klar": Answer("Nej", "Inte än.\nSnart."),
        }
    )
    document = build_document(write_and_load(tmp_path, report, questionnaire, "liten.md"), author="x")
    found = entries(document)
    assert found == {
        "omraden": ListContent(("Motivation", "Frågor")),
        "nar": TextContent("2026-05-01"),
        "klar": ChoiceContent("Nej", "Inte än.\nSnart."),
    }
