"""A later mapping shows, once, how the customer and the candidates answered last time, before the
reflection on the experience in the last step with ratings; the lines come from the reports folder
(the latest other report for the same customer with answers kept beside it)."""

from __future__ import annotations

from pathlib import Path

from feedback_samples import FIXTURES
from intervjufas.folder.loading import load_report
from intervjufas.folder.survey_answers import add_answers
from intervjufas.model.answers import Answer, Moment
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.reading.feedback.csv_import import read_feedback
from intervjufas.reading.feedback.earlier import earlier_feedback_lines
from intervjufas.reading.feedback.received import received_per_moment, report_form, stored_form
from intervjufas.report.model import Report
from intervjufas.report.render import render
from intervjufas.session.earlier_feedback import EarlierFeedback
from intervjufas.session.prompter import AskRequest
from intervjufas.session.session import Session


class Recorder:
    """Answers nothing and records, in order, what the session showed and asked."""

    def __init__(self) -> None:
        self.events: list[str] = []

    def section(self, title: str, text: str) -> None:
        self.events.append(f"section:{title}")

    def note(self, text: str) -> None:
        self.events.append(f"note:{text}")

    def ask(self, request: AskRequest) -> Answer:
        self.events.append(request.question.id)
        return Answer("Lager") if request.question.id == "uppdrag" else Answer(None)


def run(questionnaire: Questionnaire, feedback: EarlierFeedback) -> list[str]:
    prompter = Recorder()
    report = Report.new(questionnaire)
    session = Session(questionnaire, report, prompter, lambda r, _k: r, feedback=feedback)
    session.run(questionnaire.steps, follow_up=False)
    return prompter.events


def test_the_lines_come_once_before_the_last_steps_reflection_on_the_experience() -> None:
    questionnaire = builtin_set("kartlaggning")
    asked: list[Report] = []

    def find(report: Report) -> list[str]:
        asked.append(report)
        return ["Förra gången", "  Kandidaterna (5 svar):"]

    events = run(questionnaire, EarlierFeedback(find))
    notes = [index for index, event in enumerate(events) if event.startswith("note:")]
    assert len(notes) == 1 and len(asked) == 1
    assert events[notes[0]] == "note:Förra gången\n  Kandidaterna (5 svar):"
    assert events[notes[0] + 1] == "efter_upplevelse_kund"  # the first question of Steg 3's reflection
    assert events.index("fore_betyg_kund") < notes[0]


def test_nothing_found_shows_nothing_and_no_finder_asks_nothing() -> None:
    questionnaire = builtin_set("snabbformat")
    assert not any(e.startswith("note:") for e in run(questionnaire, EarlierFeedback(lambda _r: [])))
    assert not any(e.startswith("note:") for e in run(questionnaire, EarlierFeedback()))


def write_report(folder: Path, name: str, date: str, customer: str) -> Path:
    questionnaire = builtin_set("kartlaggning")
    report = Report.new(questionnaire)
    report.answers.update(
        {
            "datum": Answer(date),
            "uppdrag": Answer("Lagerarbetare"),
            "kund": Answer(customer),
            "fore_betyg_kandidat": Answer(2),
            "fore_karta": Answer((Moment("Information om intervjun", ("kandidaten",), id="inf0rm01"),)),
            "under_karta": Answer((Moment("Rundvisning på lagret", ("kandidaten",), id="rund0001"),)),
        }
    )
    path = folder / name
    path.write_text(render(report, questionnaire), encoding="utf-8")
    return path


def imported(path: Path) -> None:
    form = report_form(load_report(path), "kandidat")
    answers = read_feedback((FIXTURES / "microsoft_forms.csv").read_bytes(), "microsoft_forms.csv", form)
    add_answers(path, stored_form(form, answers.responses))


def test_the_latest_other_report_for_the_same_customer(tmp_path: Path) -> None:
    older = write_report(tmp_path, "2024-03-01-a.md", "2024-03-01", "Nordlager AB")
    newer = write_report(tmp_path, "2024-04-01-b.md", "2024-04-01", "nordlager ab")
    other = write_report(tmp_path, "2024-04-15-c.md", "2024-04-15", "Servicebolaget")
    for path in (older, newer, other):
        imported(path)
    now = Report.new(builtin_set("kartlaggning"))
    now.answers["kund"] = Answer("Nordlager AB")
    lines = earlier_feedback_lines(tmp_path, now, 3)
    assert lines[0] == "Så svarade kunden och kandidaterna på enkäterna efter 2024-04-01 (2024-04-01-b.md):"
    assert "  Kandidaterna (5 svar):" in lines
    assert (
        "    Hur upplevde du tiden före intervjun – inbjudan, information och förberedelser?: median 4 av 5 "
        "(5 svar, kvartilavstånd 1) – ditt betyg då: 2"
    ) in lines
    assert lines[-1] == "    3 fritextsvar (visa rapporten för att läsa dem)."
    assert earlier_feedback_lines(tmp_path, now, 6)[1:] == ["  Kandidaterna: för få svar (färre än 6)."]
    now.answers["kund"] = Answer("Ett annat företag")
    assert earlier_feedback_lines(tmp_path, now, 3) == []


def test_received_experience_per_moment_for_the_team_map(tmp_path: Path) -> None:
    path = write_report(tmp_path, "2024-03-01-a.md", "2024-03-01", "Nordlager AB")
    imported(path)
    per_moment = received_per_moment(path, 3)
    assert set(per_moment) == {"kandidat"}
    information = per_moment["kandidat"]["inf0rm01"]
    assert information.item.text == "Information om intervjun" and not information.too_few
    assert information.rating is not None and information.rating.count == 5
    assert per_moment["kandidat"]["rund0001"].count == 4  # (one left it out)
    assert all(result.too_few for result in received_per_moment(path, 6)["kandidat"].values())
