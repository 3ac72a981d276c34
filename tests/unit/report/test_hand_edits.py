"""Hand edits survive: notes written outside the answers stay where they were through later saves,
and a question heading whose id comment was removed is kept as its own block and reported – never
merged into the answer before it."""

from __future__ import annotations

from pathlib import Path

from intervjufas.folder.report_file import ReportFile
from intervjufas.model.answers import Answer
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.report.model import Report
from intervjufas.report.parse import parse
from intervjufas.report.render import render


def a_report(kartlaggning: Questionnaire) -> Report:
    report = Report.new(kartlaggning)
    report.answers.update(
        {
            "uppdrag": Answer("Lager"),
            "fore_kunden": Answer("Kravprofil och agenda."),
            "fore_kandidaten": Answer("Informationsbrev."),
            "fore_lagga_till": Answer("Nej"),
        }
    )
    return report


def insert_after(text: str, marker: str, lines: str) -> str:
    head, found, tail = text.partition(marker)
    assert found, marker
    end = tail.index("\n") + 1
    return head + found + tail[:end] + lines + tail[end:]


NOTE_TITLE = "Anteckning under rubriken: ring kunden på måndag.\n\n"
NOTE_STEP = "\nEgen notering i steg 1, före frågorna.\n"
NOTE_AFTER = "\n## Mina tankar\n\nDet här vill jag ta upp med kollegan.\n"
NOTE_END = "\nSista raden, skriven för hand.\n"


def edited(text: str) -> str:
    text = insert_after(text, "<!-- Svaren står under frågorna", "\n" + NOTE_TITLE)
    text = insert_after(text, "*Status: påbörjad*", NOTE_STEP)
    text = insert_after(text, "Informationsbrev.", NOTE_AFTER)
    return text + NOTE_END


def test_notes_outside_the_answers_are_kept_through_parse_and_render(kartlaggning: Questionnaire) -> None:
    text = edited(render(a_report(kartlaggning), kartlaggning))
    report = parse(text, kartlaggning)
    assert report.answers["fore_kandidaten"] == Answer("Informationsbrev.")  # the note is not the answer
    again = render(report, kartlaggning)
    for note in (NOTE_TITLE, NOTE_STEP, NOTE_AFTER, NOTE_END):
        assert note.strip() in again
    # each note stays where it was written
    assert again.index("Anteckning under rubriken") < again.index("## Steg 1")
    assert (
        again.index("## Steg 1") < again.index("Egen notering") < again.index("### Hur förbereder du kunden?")
    )
    assert again.index("Informationsbrev.") < again.index("## Mina tankar") < again.index("## Steg 2")
    assert again.rstrip().endswith("Sista raden, skriven för hand.")
    assert render(parse(again, kartlaggning), kartlaggning) == again  # stable


def test_notes_written_during_a_session_survive_its_next_save(
    reports_dir: Path, kartlaggning: Questionnaire
) -> None:
    handle = ReportFile(reports_dir, kartlaggning)
    report = handle.save(a_report(kartlaggning), ["uppdrag"])
    assert handle.path is not None
    handle.path.write_text(edited(handle.path.read_text(encoding="utf-8")), encoding="utf-8")
    report.answers["fore_kollegor"] = Answer("Veckomöte.")
    handle.save(report, ["fore_kollegor"])
    handle.close()
    text = handle.path.read_text(encoding="utf-8")
    for note in (NOTE_TITLE, NOTE_STEP, NOTE_AFTER, NOTE_END):
        assert note.strip() in text
    assert parse(text, kartlaggning).answers["fore_kollegor"] == Answer("Veckomöte.")


def test_a_heading_that_lost_its_id_is_kept_apart_and_reported(kartlaggning: Questionnaire) -> None:
    text = render(a_report(kartlaggning), kartlaggning)
    text = text.replace(
        "### Hur förbereder du kandidaten?<!-- fraga: fore_kandidaten -->",
        "### Hur förbereder du kandidaten?",
    )
    report = parse(text, kartlaggning, file="r.md")
    assert report.answers["fore_kunden"] == Answer("Kravprofil och agenda.")  # not merged into it
    assert "fore_kandidaten" not in report.answers  # asked again
    assert len(report.problems) == 1
    assert "Hur förbereder du kandidaten?" in report.problems[0]
    assert "fraga: fore_kandidaten" in report.problems[0]
    again = render(report, kartlaggning)
    assert "### Hur förbereder du kandidaten?\n\nInformationsbrev." in again  # kept as written
