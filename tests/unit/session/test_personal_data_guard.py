"""The personal-data guard around a prompter: a warning line and a choice when an answer holds
personal data, asking again with the typed answer as the suggestion, and stops that keep what was
typed without the personal data – with a scripted prompter, with the plain prompter (``--enkel``)
and inside a whole session."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable

import pytest

from intervjufas.errors import PartialAnswer, Stopped
from intervjufas.model.answers import ActionItem, Answer
from intervjufas.model.question_types.table import TYPES
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.model.questions import Group, Question
from intervjufas.report.model import Report
from intervjufas.session.personal_data_guard import DECISION, KEEP, PROGRESS, REWRITE, PersonalDataGuard
from intervjufas.session.prompter import AskRequest
from intervjufas.session.session import Session
from intervjufas.views.prompting.plain_prompter import PlainPrompter

TODAY = dt.date(2026, 11, 30)
LONG = Question("fore_kunden", "Hur förbereder du kunden?", TYPES["langtext"])
CHOICE = Question("q", "Finns det en tydlig struktur?", TYPES["val"], choices=("Ja", "Delvis", "Nej"), comment=True)
ITEMS = Question("a", "Vad vill du lägga till?", TYPES["atgarder"], plan="lagga_till")
SCALE = Question("s", "Betyg", TYPES["skala"])
PHONE = "Jag ringer kandidaten på 070-123 45 67."
CLEAN = "Jag ringer kandidaten dagen innan."


class Script:
    """A prompter that returns the scripted answers in order (raising those that are exceptions)
    and records every request and note."""

    def __init__(self, *answers: object) -> None:
        self.answers = list(answers)
        self.requests: list[AskRequest] = []
        self.notes: list[str] = []
        self.sections: list[tuple[str, str]] = []

    def section(self, title: str, text: str) -> None:
        self.sections.append((title, text))

    def note(self, text: str) -> None:
        self.notes.append(text)

    def ask(self, request: AskRequest) -> Answer:
        self.requests.append(request)
        answer = self.answers.pop(0)
        if isinstance(answer, BaseException):
            raise answer
        assert isinstance(answer, Answer)
        return answer

    @property
    def asked(self) -> list[str]:
        return [r.question.id for r in self.requests]


def guarded(*answers: object) -> tuple[PersonalDataGuard, Script]:
    script = Script(*answers)
    return PersonalDataGuard(script, today=TODAY), script


def request(question: Question = LONG) -> AskRequest:
    return AskRequest(question, "Steg 1 · fråga 1 av 10", group=Group("g", "Reflektion"))


def test_an_answer_without_personal_data_is_asked_once() -> None:
    guard, script = guarded(Answer(CLEAN))
    assert guard.ask(request()) == Answer(CLEAN)
    assert script.asked == ["fore_kunden"]
    assert script.notes == []


def test_a_warning_names_what_was_found_and_keep_keeps_the_answer() -> None:
    guard, script = guarded(Answer(PHONE), Answer(KEEP))
    assert guard.ask(request()) == Answer(PHONE)
    assert script.notes == ["Svaret innehåller det som ser ut som ett telefonnummer (***-*** 45 67)."]
    decision = script.requests[1]
    assert decision.question == DECISION
    assert decision.question.choices == (REWRITE, KEEP)
    assert decision.progress == PROGRESS
    assert decision.default == Answer(REWRITE)  # a hurried Enter rewrites


def test_rewrite_asks_again_with_the_typed_answer_as_suggestion() -> None:
    guard, script = guarded(Answer(PHONE), Answer(REWRITE), Answer(CLEAN))
    assert guard.ask(request()) == Answer(CLEAN)
    assert script.asked == ["fore_kunden", "personuppgifter", "fore_kunden"]
    again = script.requests[2]
    assert again.default == Answer(PHONE)
    assert again.group is None  # the group heading is not shown twice
    assert again.progress == "Steg 1 · fråga 1 av 10"


def test_every_new_version_is_checked_until_it_is_clean_or_kept() -> None:
    other = "Mejla anna@exempel.se"
    guard, script = guarded(Answer(PHONE), Answer(REWRITE), Answer(other), Answer(REWRITE), Answer(CLEAN))
    assert guard.ask(request()) == Answer(CLEAN)
    assert len(script.notes) == 2
    assert "e-postadress (a***@exempel.se)" in script.notes[1]


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (CHOICE, Answer("Delvis", "Ring 08-123 456 78")),
        (ITEMS, Answer((ActionItem("Checklista", "Skicka till anna@exempel.se"),))),
        (ITEMS, Answer((ActionItem("Ring 19811218-9876"),))),
    ],
)
def test_comments_and_action_items_are_checked(question: Question, answer: Answer) -> None:
    guard, script = guarded(answer, Answer(KEEP))
    assert guard.ask(request(question)) == answer
    assert len(script.notes) == 1


@pytest.mark.parametrize(
    ("typed", "named"),
    [
        ("Kandidaten har nr 850412–1230 i Word.", "ett personnummer (******–1230)"),
        ("Personnummer 19850412 1230.", "ett personnummer (******** 1230)"),
        ("Nr 85 04 12-1230", "ett personnummer (** ** **-1230)"),
        ("Nr 850412\u20111230", "ett personnummer (******\u20111230)"),
        ("Ring 070.123.45.67", "ett telefonnummer (***.***.45.67)"),
        ("Ring 070/1234567", "ett telefonnummer (***/***4567)"),
        ("Mejla namn (at) firma [dot] se", "en e-postadress (n***@firma.se)"),
        ("Mejla namn @ firma.se", "en e-postadress (n***@firma.se)"),
    ],
)
def test_the_warning_names_the_forms_word_processors_and_people_write(typed: str, named: str) -> None:
    guard, script = guarded(Answer(typed), Answer(KEEP))
    assert guard.ask(request()) == Answer(typed)
    assert script.notes == [f"Svaret innehåller det som ser ut som {named}."]


def test_a_date_and_time_is_no_reason_to_warn() -> None:
    typed = "Bokningen 20240305-1200 flyttades till 08.12.2026 kl. 08.30–12.00."
    guard, script = guarded(Answer(typed))
    assert guard.ask(request()) == Answer(typed)
    assert script.notes == []


def test_a_stop_at_the_choice_masks_the_new_forms_too() -> None:
    guard, _ = guarded(Answer("Ring 070/1234567 eller namn (at) firma.se"), KeyboardInterrupt())
    with pytest.raises(PartialAnswer) as raised:
        guard.ask(request())
    assert raised.value.answer == Answer("Ring ***/***4567 eller n***@firma.se")


def test_ratings_and_choices_are_never_checked() -> None:
    guard, script = guarded(Answer(4))
    assert guard.ask(request(SCALE)) == Answer(4)
    assert script.notes == []


@pytest.mark.parametrize(
    "stop", [KeyboardInterrupt(), EOFError(), PartialAnswer(Answer(PHONE)), Stopped(15, PHONE)]
)
def test_stops_at_the_question_pass_through_unchanged(stop: BaseException) -> None:
    guard, _ = guarded(stop)
    with pytest.raises(type(stop)) as raised:
        guard.ask(request())
    assert raised.value is stop


@pytest.mark.parametrize("stop", [KeyboardInterrupt(), EOFError(), Stopped(1)])
def test_a_stop_at_the_choice_keeps_the_answer_with_the_personal_data_masked(stop: BaseException) -> None:
    answer = Answer("Delvis", "Ring 070-123 45 67 eller anna@exempel.se")
    guard, _ = guarded(answer, stop)
    with pytest.raises(PartialAnswer) as raised:
        guard.ask(request(CHOICE))
    assert raised.value.answer == Answer("Delvis", "Ring ***-*** 45 67 eller a***@exempel.se")
    assert raised.value.cause is stop


def test_a_partial_answer_at_the_choice_keeps_the_masked_answer_and_its_cause() -> None:
    signal = Stopped(15)
    guard, _ = guarded(Answer(PHONE), PartialAnswer(Answer(KEEP), signal))
    with pytest.raises(PartialAnswer) as raised:
        guard.ask(request())
    assert raised.value.answer == Answer("Jag ringer kandidaten på ***-*** 45 67.")
    assert raised.value.cause is signal


def test_sections_and_notes_go_through() -> None:
    guard, script = guarded()
    guard.section("Steg 1", "Före")
    guard.note("Hej")
    assert script.sections == [("Steg 1", "Före")]
    assert script.notes == ["Hej"]


# -- with the plain prompter (--enkel) -----------------------------------------------------------


def plain(*lines: str) -> tuple[PersonalDataGuard, io.StringIO]:
    out = io.StringIO()
    prompter = PlainPrompter(io.StringIO("".join(f"{line}\n" for line in lines)), out, echo=False)
    return PersonalDataGuard(prompter, today=TODAY), out


def test_plain_mode_warns_offers_the_choice_and_suggests_the_typed_answer() -> None:
    guard, out = plain(PHONE, "", "", CLEAN, "")  # answer, end, Enter = rewrite, new answer, end
    assert guard.ask(request()) == Answer(CLEAN)
    text = out.getvalue()
    assert "Svaret innehåller det som ser ut som ett telefonnummer (***-*** 45 67).\n" in text
    assert f"{PROGRESS}\nVad vill du göra med svaret?\n  1) {REWRITE}\n  2) {KEEP}\n" in text
    assert f"Skriv numret (måste besvaras) [standard: {REWRITE}]: " in text
    assert f"Föreslaget svar:\n  {PHONE}\n" in text


def test_plain_mode_keep_by_number() -> None:
    guard, _ = plain(PHONE, "", "2")
    assert guard.ask(request()) == Answer(PHONE)


def test_plain_mode_end_of_input_at_the_choice_keeps_a_masked_draft() -> None:
    guard, _ = plain(PHONE, "")
    with pytest.raises(PartialAnswer) as raised:
        guard.ask(request())
    assert raised.value.answer == Answer("Jag ringer kandidaten på ***-*** 45 67.")
    assert isinstance(raised.value.cause, EOFError)


def test_with_answers_piped_in_it_only_warns() -> None:
    out = io.StringIO()
    prompter = PlainPrompter(io.StringIO(f"{PHONE}\n\nnästa svar\n"), out, echo=True)
    guard = PersonalDataGuard(prompter, interactive=False, today=TODAY)
    assert guard.ask(request()) == Answer(PHONE)
    assert (
        "Varning: Svaret innehåller det som ser ut som ett telefonnummer (***-*** 45 67).\n" in out.getvalue()
    )
    assert "Vad vill du göra med svaret?" not in out.getvalue()
    assert prompter.stdin.readline() == "nästa svar\n"  # left for the next question


# -- in a session ---------------------------------------------------------------------------------


class Saves:
    def __init__(self) -> None:
        self.saved: list[dict[str, Answer]] = []

    def __call__(self, report: Report, changed: Iterable[str]) -> Report:
        self.saved.append(dict(report.answers))
        return report


def test_in_a_session_the_answer_is_saved_only_after_the_decision(kartlaggning: Questionnaire) -> None:
    step = kartlaggning.steps[0]
    report = Report.new(kartlaggning)
    report.answers.update({q.id: Answer("x") for q in kartlaggning.metadata if q.required})
    later = {q.id: Answer(None) for q in step.questions[1:]}
    script = Script(Answer(PHONE), Answer(REWRITE), Answer(CLEAN), *later.values())
    saves = Saves()
    session = Session(kartlaggning, report, PersonalDataGuard(script, today=TODAY), saves)
    session.ask_step(step)
    assert saves.saved[0][step.questions[0].id] == Answer(CLEAN)
    assert all(PHONE not in str(saved) for saved in saves.saved)


def test_in_a_session_a_stop_at_the_choice_keeps_a_masked_unfinished_answer(
    kartlaggning: Questionnaire,
) -> None:
    step = kartlaggning.steps[0]
    report = Report.new(kartlaggning)
    saves = Saves()
    guard = PersonalDataGuard(Script(Answer(PHONE), KeyboardInterrupt()), today=TODAY)
    session = Session(kartlaggning, report, guard, saves)
    with pytest.raises(KeyboardInterrupt):
        session.ask_step(step)
    assert session.report.drafts[step.questions[0].id] == Answer("Jag ringer kandidaten på ***-*** 45 67.")
    assert step.questions[0].id not in session.report.answers
