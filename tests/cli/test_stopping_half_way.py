"""Stopping in the middle of a question keeps what was typed as an unfinished answer, a hurried Enter in a menu
never records an answer nobody chose, a continued report says where it stands, and the end of a
session shows the action plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_cli
from intervjufas.errors import PartialAnswer
from intervjufas.folder.report_file import ReportFile
from intervjufas.model.answers import ActionItem, Answer
from intervjufas.model.markdown_text import DRAFT_MARKER
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.report.model import Report
from intervjufas.report.parse import parse
from intervjufas.session.mapping import progress_note
from intervjufas.session.prompter import AskRequest
from intervjufas.session.session import Session
from intervjufas.views.prompting.prompt_text import SKIP, menu_default

BASICS = {"uppdrag": Answer("Lager"), "kund": Answer("Nordlager AB")}


class StopsHalfWay:
    """Answers from a dict; at ``stop_at`` it stops with the given partial answer."""

    def __init__(self, answers: dict[str, Answer], stop_at: str, partial: Answer) -> None:
        self.answers = answers
        self.stop_at = stop_at
        self.partial = partial

    def section(self, title: str, text: str) -> None:
        pass

    def note(self, text: str) -> None:
        pass

    def ask(self, request: AskRequest) -> Answer:
        if request.question.id == self.stop_at:
            raise PartialAnswer(self.partial)
        return self.answers.get(request.question.id, request.default or Answer(None))


@pytest.mark.parametrize(
    ("question_id", "partial"),
    [
        ("under_struktur", Answer("Delvis")),  # stopped in the comment after the choice
        ("fore_lagga_till_vad", Answer((ActionItem("Agenda till kunden", "Tydlighet"),))),
    ],
)
def test_what_was_typed_is_kept_as_an_unfinished_answer_and_offered_again(
    kartlaggning: Questionnaire, reports_dir: Path, question_id: str, partial: Answer
) -> None:
    answers = {**BASICS, "fore_lagga_till": Answer("Ja")}
    handle = ReportFile(reports_dir, kartlaggning)
    session = Session(
        kartlaggning, Report.new(kartlaggning), StopsHalfWay(answers, question_id, partial), handle.save
    )
    with pytest.raises(KeyboardInterrupt) as stopped:
        session.run(list(kartlaggning.steps), follow_up=False)
    assert not isinstance(stopped.value, PartialAnswer)  # the caller sees an ordinary stop
    assert handle.path is not None
    handle.close()
    text = handle.path.read_text(encoding="utf-8")
    saved = parse(text, kartlaggning)
    assert question_id not in saved.answers  # unfinished: it does not count as answered
    assert saved.drafts[question_id] == partial
    assert DRAFT_MARKER in text

    again, report = ReportFile.open(handle.path, kartlaggning)
    resumed = Session(kartlaggning, report, StopsHalfWay(answers, "", partial), again.save)
    question = kartlaggning.question(question_id)
    assert question is not None
    assert resumed.default_for(question) == partial  # offered for editing
    resumed.run(list(kartlaggning.steps), follow_up=False)
    again.close()
    final = parse(handle.path.read_text(encoding="utf-8"), kartlaggning)
    assert final.answers[question_id] == partial and not final.drafts


def test_an_optional_menu_starts_on_skip_and_a_required_one_on_its_first_choice(
    kartlaggning: Questionnaire,
) -> None:
    rating = kartlaggning.question("fore_betyg_kund")
    structure = kartlaggning.question("under_struktur")
    assert rating is not None and structure is not None
    assert not rating.required and structure.required
    assert menu_default(rating, None) == SKIP
    assert menu_default(rating, Answer(None)) == SKIP
    assert menu_default(rating, Answer(4)) == 4
    assert menu_default(rating, Answer(9)) == SKIP  # out of the scale (e.g. from another set version)
    assert menu_default(structure, None) is None  # Questionary then highlights the first choice
    assert menu_default(structure, Answer("Delvis")) == "Delvis"
    assert menu_default(structure, Answer("Kanske")) is None


def test_progress_note_names_the_report_and_each_step(kartlaggning: Questionnaire) -> None:
    report = Report.new(kartlaggning)
    report.answers.update({**BASICS, "fore_kunden": Answer("Agenda")})
    note = progress_note(kartlaggning, report, Path("/r/2026-11-26-lager.md"))
    assert note == (
        "Fortsätter 2026-11-26-lager.md (Lager): Steg 1 påbörjad, Steg 2 ej påbörjad, Steg 3 ej påbörjad."
    )


def test_the_end_of_a_session_lists_the_action_plan(tmp_path: Path, reports_dir: Path) -> None:
    answers = tmp_path / "svar.yaml"
    answers.write_text(
        "uppdrag: Lager\n"
        "fore_lagga_till: Ja\n"
        "fore_lagga_till_vad: [{moment: Agenda till kunden, varfor: Tydlighet}]\n"
        "fore_utveckla: Ja\n"
        "fore_utveckla_vad: [Bättre kandidatinformation]\n"
        "fore_ta_bort: Nej\n",
        encoding="utf-8",
    )
    result = run_cli("kartlagg", "--svar", str(answers), "--steg", "1")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    start = lines.index("Utvecklingsplanen har 2 moment:")
    assert lines[start + 1 : start + 3] == [
        "  • Steg 1 · Lägga till: Agenda till kunden",
        "  • Steg 1 · Utveckla: Bättre kandidatinformation",
    ]
    assert "Bra jobbat – Steg 1 är klart." in lines
