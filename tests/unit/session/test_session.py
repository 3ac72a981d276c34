"""The session, driven by a scripted prompter: order, conditions, progress, saving, resuming,
defaults from an earlier report, and the follow-up of earlier action plans."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

import pytest

from intervjufas.folder.report_file import ReportFile
from intervjufas.model.answer_codec import coerce
from intervjufas.model.answers import ActionItem, Answer
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.reading.plan.state import OpenItem
from intervjufas.report.model import FOLLOW_UP_TITLE, FollowUp, Report
from intervjufas.report.parse import parse
from intervjufas.session.follow_up import FollowUpRound, ListPool
from intervjufas.session.prompter import AskRequest
from intervjufas.session.session import METADATA_TITLE, Session


def today() -> str:
    """Today as the program sees it when the test runs (a suite can cross midnight)."""
    return dt.date.today().isoformat()


class ScriptedPrompter:
    """Answers from a dict of raw values (validated like typed input) and records what was asked.

    Unscripted questions get the offered default, else an empty answer.  Follow-up questions (id
    'uppfoljning') take their answers, in order, from the list under 'uppfoljning'."""

    def __init__(self, answers: dict[str, object], *, stop_at: str | None = None) -> None:
        self.answers = dict(answers)
        self.stop_at = stop_at
        self.requests: list[AskRequest] = []
        self.sections: list[tuple[str, str]] = []
        self.notes: list[str] = []

    def section(self, title: str, text: str) -> None:
        self.sections.append((title, text))

    def note(self, text: str) -> None:
        self.notes.append(text)

    def ask(self, request: AskRequest) -> Answer:
        question = request.question
        if question.id == self.stop_at:
            raise KeyboardInterrupt
        self.requests.append(request)
        if question.id == "uppfoljning":
            queue = self.answers["uppfoljning"]
            assert isinstance(queue, list)
            return coerce(question, queue.pop(0))
        if question.id in self.answers:
            return coerce(question, self.answers[question.id])
        if request.default is not None:
            return request.default
        return Answer(None)

    @property
    def asked(self) -> list[str]:
        return [r.question.id for r in self.requests]


class RecordingSaver:
    def __init__(self) -> None:
        self.calls: list[tuple[list[str], dict[str, Answer]]] = []

    def __call__(self, report: Report, changed: Iterable[str]) -> Report:
        self.calls.append((list(changed), dict(report.answers)))
        return report


ALL_NO = {
    "uppdrag": "Lager",
    "fore_lagga_till": "Nej",
    "fore_utveckla": "Nej",
    "fore_ta_bort": "Nej",
    "under_struktur": "Ja",
    "under_syfte": "Delvis",
    "under_lagga_till": "Nej",
    "under_utveckla": "Nej",
    "under_ta_bort": "Nej",
    "efter_rutin": "Nej",
    "efter_lagga_till": "Nej",
    "efter_utveckla": "Nej",
    "efter_ta_bort": "Nej",
}
METADATA_WITHOUT_COLLEAGUE = ["uppdrag", "kund", "roll", "intervjuform", "genomforande", "datum"]
STEP_1_ALL_NO = [
    "fore_kunden",
    "fore_kandidaten",
    "fore_kollegor",
    "fore_karta",
    "fore_lagga_till",
    "fore_utveckla",
    "fore_ta_bort",
    "fore_upplevelse_kund",
    "fore_betyg_kund",
    "fore_upplevelse_kandidat",
    "fore_betyg_kandidat",
]


def run(
    questionnaire: Questionnaire,
    answers: dict[str, object],
    report: Report | None = None,
    *,
    steps: list[int] | None = None,
    defaults: Report | None = None,
) -> tuple[Session, ScriptedPrompter, RecordingSaver]:
    prompter = ScriptedPrompter(answers)
    saver = RecordingSaver()
    session = Session(questionnaire, report or Report.new(questionnaire), prompter, saver, defaults)
    chosen = [s for s in questionnaire.steps if steps is None or s.number in steps]
    session.run(chosen)
    return session, prompter, saver


def test_metadata_then_every_step_in_order(kartlaggning: Questionnaire) -> None:
    session, prompter, _ = run(kartlaggning, ALL_NO)
    expected = METADATA_WITHOUT_COLLEAGUE + STEP_1_ALL_NO
    expected += ["under_genomfor", "under_struktur", "under_syfte", "under_karta", "under_lagga_till"]
    expected += ["under_utveckla"]
    expected += ["under_ta_bort", "under_upplevelse_kund", "under_betyg_kund"]
    expected += ["under_upplevelse_kandidat", "under_betyg_kandidat"]
    expected += ["efter_moment", "efter_rutin", "efter_karta", "efter_lagga_till", "efter_utveckla"]
    expected += ["efter_ta_bort"]
    expected += [
        "efter_upplevelse_kund",
        "efter_betyg_kund",
        "efter_upplevelse_kandidat",
        "efter_betyg_kandidat",
    ]
    assert prompter.asked == expected
    assert [title for title, _ in prompter.sections] == [
        METADATA_TITLE,
        "Steg 1: Före intervjun",
        "Steg 2: Under intervjun",
        "Steg 3: Efter intervjun",
    ]
    assert prompter.sections[0][1] == kartlaggning.description
    assert prompter.sections[1][1] == kartlaggning.steps[0].lead
    assert set(session.report.answers) == set(expected)
    assert session.report.answers["under_syfte"] == Answer("Delvis")
    assert session.report.answers["datum"] == Answer(today())  # the set's default, offered and taken
    assert session.report.answers["genomforande"] == Answer("Individuellt")


def test_only_the_chosen_steps_are_asked(kartlaggning: Questionnaire) -> None:
    _, prompter, _ = run(kartlaggning, ALL_NO, steps=[3])
    assert prompter.asked[: len(METADATA_WITHOUT_COLLEAGUE)] == METADATA_WITHOUT_COLLEAGUE
    assert all(q.startswith("efter_") for q in prompter.asked[len(METADATA_WITHOUT_COLLEAGUE) :])
    assert [t for t, _ in prompter.sections] == [METADATA_TITLE, "Steg 3: Efter intervjun"]


def test_a_follow_up_question_is_asked_only_after_ja(kartlaggning: Questionnaire) -> None:
    answers = dict(
        ALL_NO, fore_lagga_till="Ja", fore_lagga_till_vad=[{"moment": "Checklista", "varfor": "Tydlighet"}]
    )
    answers["efter_ta_bort"] = "ja"
    answers["efter_ta_bort_vad"] = "Dubbla utskick"
    session, prompter, _ = run(kartlaggning, answers)
    asked = prompter.asked
    assert asked[asked.index("fore_lagga_till") + 1] == "fore_lagga_till_vad"
    assert asked[asked.index("efter_ta_bort") + 1] == "efter_ta_bort_vad"
    for no in ("fore_utveckla_vad", "fore_ta_bort_vad", "under_lagga_till_vad", "efter_utveckla_vad"):
        assert no not in asked
    assert session.report.answers["fore_lagga_till_vad"] == Answer((ActionItem("Checklista", "Tydlighet"),))


def test_a_colleague_is_asked_for_only_when_working_together(kartlaggning: Questionnaire) -> None:
    _, prompter, _ = run(
        kartlaggning, dict(ALL_NO, genomforande="Tillsammans med en kollega", kollega="Eva"), steps=[1]
    )
    assert prompter.asked[:7] == [
        "uppdrag",
        "kund",
        "roll",
        "intervjuform",
        "genomforande",
        "kollega",
        "datum",
    ]


def test_progress_strings(kartlaggning: Questionnaire) -> None:
    _, prompter, _ = run(
        kartlaggning, dict(ALL_NO, fore_lagga_till="Ja", fore_lagga_till_vad="Mall"), steps=[1]
    )
    progress = {r.question.id: r.progress for r in prompter.requests}
    assert progress["uppdrag"] == "Om uppdraget · fråga 1 av 6"
    assert progress["datum"] == "Om uppdraget · fråga 6 av 6"
    # Before the 'Ja', step 1 has 11 active questions; after it, 12.
    assert progress["fore_kunden"] == "Steg 1 · fråga 1 av 11"
    assert progress["fore_kollegor"] == "Steg 1 · fråga 3 av 11"
    assert progress["fore_karta"] == "Steg 1 · fråga 4 av 11"
    assert progress["fore_lagga_till"] == "Steg 1 · fråga 5 av 11"
    assert progress["fore_lagga_till_vad"] == "Steg 1 · fråga 5 av 11 · följdfråga"
    assert progress["fore_betyg_kandidat"] == "Steg 1 · fråga 11 av 11"


def test_groups_are_announced_on_their_first_question_only(kartlaggning: Questionnaire) -> None:
    _, prompter, _ = run(kartlaggning, ALL_NO, steps=[1])
    opened = [(r.question.id, r.group.id) for r in prompter.requests if r.group is not None]
    assert opened == [("fore_lagga_till", "fore_reflektion"), ("fore_upplevelse_kund", "fore_upplevelse")]


def test_saved_after_every_answer(kartlaggning: Questionnaire) -> None:
    _, prompter, saver = run(kartlaggning, ALL_NO)
    assert [keys for keys, _ in saver.calls] == [[q] for q in prompter.asked]
    # Each save already holds the answer just given, and every earlier one.
    for number, (_, answers) in enumerate(saver.calls):
        assert set(answers) == set(prompter.asked[: number + 1])


def test_resume_asks_only_unanswered_questions_first_unanswered_first(kartlaggning: Questionnaire) -> None:
    report = Report.new(kartlaggning)
    for question in kartlaggning.metadata:
        report.answers[question.id] = Answer("Lager" if question.id == "uppdrag" else None)
    report.answers["fore_kunden"] = Answer("Kravprofil")
    report.answers["fore_kollegor"] = Answer("Veckomöte")
    report.answers["fore_lagga_till"] = Answer("Ja")
    session, prompter, _ = run(kartlaggning, dict(ALL_NO, fore_lagga_till_vad="Mall"), report)
    assert prompter.asked[:5] == [
        "fore_kandidaten",
        "fore_karta",
        "fore_lagga_till_vad",
        "fore_utveckla",
        "fore_ta_bort",
    ]
    assert not set(prompter.asked) & {"uppdrag", "kund", "fore_kunden", "fore_kollegor", "fore_lagga_till"}
    assert prompter.sections[0][0] == "Steg 1: Före intervjun"  # no metadata section
    assert session.report.answers["fore_kunden"] == Answer("Kravprofil")
    # Progress counts the step's answered questions too.
    assert prompter.requests[0].progress == "Steg 1 · fråga 2 av 11"


def test_a_complete_report_asks_nothing(kartlaggning: Questionnaire) -> None:
    first, _, _ = run(kartlaggning, ALL_NO)
    _, prompter, saver = run(kartlaggning, {}, first.report)
    assert prompter.asked == []
    assert prompter.sections == []
    assert saver.calls == []


def test_interrupting_keeps_every_earlier_answer_saved(
    reports_dir: Path, kartlaggning: Questionnaire
) -> None:
    handle = ReportFile(reports_dir, kartlaggning)
    prompter = ScriptedPrompter(
        dict(ALL_NO, fore_kunden="Kravprofil", fore_kandidaten="Info"), stop_at="fore_kollegor"
    )
    session = Session(kartlaggning, Report.new(kartlaggning), prompter, handle.save)
    with pytest.raises(KeyboardInterrupt):
        session.run(kartlaggning.steps)
    assert handle.path is not None
    saved = parse(handle.path.read_text(encoding="utf-8"), kartlaggning)
    assert set(saved.answers) == set(prompter.asked)
    assert saved.answers["fore_kandidaten"] == Answer("Info")
    assert "fore_kollegor" not in saved.answers
    handle.close()

    # Continuing asks from the interrupted question on.
    again, report = ReportFile.open(handle.path, kartlaggning)
    prompter = ScriptedPrompter(ALL_NO)
    Session(kartlaggning, report, prompter, again.save).run(kartlaggning.steps)
    again.close()
    assert prompter.asked[0] == "fore_kollegor"
    assert len(list(reports_dir.iterdir())) == 1


def test_defaults_from_an_earlier_report_except_dates(kartlaggning: Questionnaire) -> None:
    earlier = Report.new(kartlaggning)
    earlier.answers.update(
        {
            "uppdrag": Answer("Lager"),
            "kund": Answer("Nordlager AB"),
            "roll": Answer(None),
            "datum": Answer("2020-01-01"),
            "fore_kunden": Answer("Kravprofil"),
            "under_struktur": Answer("Delvis", "Saknar mall"),
            "fore_betyg_kund": Answer(4),
        }
    )
    _, prompter, _ = run(
        kartlaggning,
        {"uppdrag": "Lager 2", **{k: v for k, v in ALL_NO.items() if k != "uppdrag"}},
        defaults=earlier,
    )
    offered = {r.question.id: r.default for r in prompter.requests}
    assert offered["uppdrag"] == Answer("Lager")
    assert offered["kund"] == Answer("Nordlager AB")
    assert offered["roll"] == Answer(None)  # left empty earlier: offered empty
    assert offered["datum"] == Answer(today())  # never an old date
    assert offered["genomforande"] == Answer("Individuellt")  # the set's own default
    assert offered["fore_kunden"] == Answer("Kravprofil")
    assert offered["under_struktur"] == Answer("Delvis", "Saknar mall")
    assert offered["fore_betyg_kund"] == Answer(4)
    assert offered["fore_kandidaten"] is None


def open_item(key: str, moment: str, step: int, **extra: object) -> OpenItem:
    labels = {1: ("Steg 1", "Före intervjun"), 3: ("Steg 3", "Efter intervjun")}
    fields: dict = {
        "key": key,
        "moment": moment,
        "why": "",
        "step_number": step,
        "step_label": labels[step][0],
        "step_title": labels[step][1],
        "kind": "Lägga till",
        "source": Path("2024-04-01-lager.md"),
        "source_date": "2024-04-01",
    }
    fields.update(extra)
    return OpenItem(**fields)


def test_open_items_are_recorded_and_followed_up(kartlaggning: Questionnaire) -> None:
    items = [
        open_item("aaaaaaaaaaaa/efter_lagga_till_vad/1", "Återkoppling", 3),
        open_item(
            "aaaaaaaaaaaa/fore_lagga_till_vad/1", "Checklista", 1, why="Tydlighet", last_status="Delvis"
        ),
    ]
    prompter = ScriptedPrompter(
        dict(ALL_NO, uppfoljning=["Genomfört", {"svar": "inte än", "kommentar": "I höst"}])
    )
    saver = RecordingSaver()
    session = Session(kartlaggning, Report.new(kartlaggning), prompter, saver, follow_up=FollowUpRound(items))
    report = session.run(kartlaggning.steps, record_open_items=True)

    # Recorded in step order, asked after the metadata and before the steps.
    keys = [f.key for f in report.follow_ups]
    assert keys == ["aaaaaaaaaaaa/fore_lagga_till_vad/1", "aaaaaaaaaaaa/efter_lagga_till_vad/1"]
    assert [f.label for f in report.follow_ups] == [items[1].label, items[0].label]
    asked = prompter.asked
    assert asked[len(METADATA_WITHOUT_COLLEAGUE) : len(METADATA_WITHOUT_COLLEAGUE) + 2] == ["uppfoljning"] * 2
    assert asked[len(METADATA_WITHOUT_COLLEAGUE) + 2] == "fore_kunden"
    follow_up_requests = [r for r in prompter.requests if r.question.id == "uppfoljning"]
    assert [r.question.text for r in follow_up_requests] == [
        "Lägga till: Checklista – hur gick det?",
        "Lägga till: Återkoppling – hur gick det?",
    ]
    assert [r.progress for r in follow_up_requests] == [
        "Uppföljning · moment 1 av 2",
        "Uppföljning · moment 2 av 2",
    ]
    assert follow_up_requests[0].context == "Från 2024-04-01-lager.md · senast: Delvis"
    assert follow_up_requests[1].context == "Från 2024-04-01-lager.md"
    assert follow_up_requests[0].question.help == "Varför: Tydlighet"
    assert follow_up_requests[0].question.choices == ("Genomfört", "Delvis", "Inte än", "Släpp")
    titles = [t for t, _ in prompter.sections]
    assert titles[:3] == [METADATA_TITLE, FOLLOW_UP_TITLE, "Steg 1: Före intervjun"]
    overview = prompter.sections[1][1]
    assert overview.startswith("Du har 2 öppna moment")
    assert overview.index("Steg 1: Före intervjun") < overview.index("Steg 3: Efter intervjun")

    assert [f.answer for f in report.follow_ups] == [Answer("Genomfört"), Answer("Inte än", "I höst")]
    saved_keys = [keys for keys, _ in saver.calls]
    assert [
        "uppfoljning:aaaaaaaaaaaa/fore_lagga_till_vad/1",
        "uppfoljning:aaaaaaaaaaaa/efter_lagga_till_vad/1",
    ] in saved_keys
    assert ["uppfoljning:aaaaaaaaaaaa/fore_lagga_till_vad/1"] in saved_keys


def test_answered_follow_ups_are_not_asked_again(kartlaggning: Questionnaire) -> None:
    report = Report.new(kartlaggning)
    report.answers["uppdrag"] = Answer("Lager")
    report.follow_ups = [
        FollowUp("a/fore_lagga_till_vad/1", "Checklista", Answer("Genomfört")),
        FollowUp("a/fore_lagga_till_vad/2", "Mall"),
    ]
    prompter = ScriptedPrompter(dict(ALL_NO, uppfoljning=["Släpp"]))
    session = Session(kartlaggning, report, prompter, RecordingSaver())
    session.run(kartlaggning.steps)
    follow_up_requests = [r for r in prompter.requests if r.question.id == "uppfoljning"]
    assert [r.question.text for r in follow_up_requests] == ["Hur gick det med: Mall?"]
    assert follow_up_requests[0].progress == "Uppföljning · moment 1 av 1"
    assert [f.status for f in session.report.follow_ups] == ["Genomfört", "Släpp"]


def test_without_follow_up_nothing_is_recorded_or_asked(kartlaggning: Questionnaire) -> None:
    items = [open_item("aaaaaaaaaaaa/fore_lagga_till_vad/1", "Checklista", 1)]
    prompter = ScriptedPrompter(ALL_NO)
    session = Session(
        kartlaggning, Report.new(kartlaggning), prompter, RecordingSaver(), follow_up=FollowUpRound(items)
    )
    report = session.run(kartlaggning.steps, record_open_items=True, follow_up=False)
    assert report.follow_ups == []
    assert "uppfoljning" not in prompter.asked


def test_snabbformat_session(snabbformat: Questionnaire) -> None:
    answers = {"uppdrag": "Butik", "forbered": "Ringde kunden", "snabb_utveckla_vad": ["Mall", "Checklista"]}
    session, prompter, _ = run(snabbformat, answers)
    assert prompter.asked[len(METADATA_WITHOUT_COLLEAGUE) :] == [
        "forbered",
        "forbered_moment",
        "genomfor",
        "genomfor_moment",
        "folj_upp",
        "folj_upp_moment",
        "snabb_upplevelse_kund",
        "snabb_betyg_kund",
        "snabb_upplevelse_kandidat",
        "snabb_betyg_kandidat",
        "snabb_fungerar_bra",
        "snabb_utveckla_vad",
    ]
    assert [r.progress for r in prompter.requests][len(METADATA_WITHOUT_COLLEAGUE)] == "Del 1 · fråga 1 av 6"
    assert session.report.answers["snabb_utveckla_vad"] == Answer(
        (ActionItem("Mall"), ActionItem("Checklista"))
    )


def many_items(count: int) -> list[OpenItem]:
    return [open_item(f"aaaaaaaaaaaa/fore_lagga_till_vad/{n}", f"Moment {n}", 1) for n in range(1, count + 1)]


def follow_up_session(
    kartlaggning: Questionnaire, items: list[OpenItem], answers: list[object], more: list[str]
) -> tuple[Session, ScriptedPrompter, RecordingSaver]:
    class MorePrompter(ScriptedPrompter):
        def ask(self, request: AskRequest) -> Answer:
            if request.question.id == "uppfoljning_fler":
                self.requests.append(request)
                return coerce(request.question, more.pop(0))
            return super().ask(request)

    prompter = MorePrompter(dict(ALL_NO, uppfoljning=answers))
    saver = RecordingSaver()
    pool = ListPool(items, scope="för Nordlager AB")
    session = Session(kartlaggning, Report.new(kartlaggning), prompter, saver, follow_up=FollowUpRound(pool))
    session.run(kartlaggning.steps, record_open_items=True)
    return session, prompter, saver


def test_a_handful_at_a_time_then_more_or_skip_the_rest(kartlaggning: Questionnaire) -> None:
    items = many_items(12)
    session, prompter, _ = follow_up_session(
        kartlaggning, items, ["Genomfört"] * 10, ["Visa fler", "Hoppa över resten"]
    )
    asked = [r for r in prompter.requests if r.question.id.startswith("uppfoljning")]
    assert [r.question.id for r in asked] == ["uppfoljning"] * 5 + ["uppfoljning_fler"] + [
        "uppfoljning"
    ] * 5 + ["uppfoljning_fler"]
    assert asked[0].progress == "Uppföljning · moment 1 av 12"
    assert asked[6].progress == "Uppföljning · moment 6 av 12"
    more = asked[5]
    assert more.question.text == "Det finns 7 öppna moment till. Vill du följa upp fler?"
    assert more.question.choices == ("Visa fler", "Hoppa över resten")
    assert more.progress == "Uppföljning · 5 av 12 uppföljda"
    overviews = [text for title, text in prompter.sections if title == FOLLOW_UP_TITLE]
    assert overviews[0].startswith("5 av 12 öppna moment för Nordlager AB (de nyaste först).\n")
    assert "  • Moment 5 (lägga till, 2024-04-01)" in overviews[0] and "Moment 6" not in overviews[0]
    assert overviews[1].startswith("Moment 6–10 av 12 öppna moment för Nordlager AB.")
    # the two not shown are not in the report; they come back next time
    assert [f.label for f in session.report.follow_ups] == [i.label for i in items[:10]]
    assert all(f.status == "Genomfört" for f in session.report.follow_ups)
    assert prompter.asked[-1] != "uppfoljning_fler"  # the steps come after


def test_all_in_one_handful_has_no_choice_to_see_more(kartlaggning: Questionnaire) -> None:
    session, prompter, saver = follow_up_session(kartlaggning, many_items(5), ["Delvis"] * 5, [])
    assert "uppfoljning_fler" not in prompter.asked
    assert len(session.report.follow_ups) == 5
    recorded = [keys for keys, _ in saver.calls if len(keys) > 1]
    assert recorded == [[f"uppfoljning:{i.key}" for i in many_items(5)]]  # the handful, saved once


def test_stopping_half_way_keeps_the_rest_of_the_handful_for_next_time(kartlaggning: Questionnaire) -> None:
    items = many_items(8)
    prompter = ScriptedPrompter(dict(ALL_NO, uppfoljning=["Genomfört", "Släpp"]))
    report = Report.new(kartlaggning)
    session = Session(kartlaggning, report, prompter, RecordingSaver(), follow_up=FollowUpRound(ListPool(items)))
    with pytest.raises(IndexError):  # (the script runs out at the third: the session stops there)
        session.run(kartlaggning.steps, record_open_items=True)
    assert [f.status for f in session.report.follow_ups] == ["Genomfört", "Släpp", None, None, None]

    again = ScriptedPrompter(dict(ALL_NO, uppfoljning=["Delvis"] * 3))
    resumed = Session(
        kartlaggning, session.report, again, RecordingSaver(), follow_up=FollowUpRound(lambda _report: ListPool(items))
    )
    resumed.run(kartlaggning.steps)
    asked = [r for r in again.requests if r.question.id.startswith("uppfoljning")]
    assert [r.progress for r in asked] == [f"Uppföljning · moment {n} av 3" for n in (1, 2, 3)]
    assert asked[0].question.text == "Lägga till: Moment 3 – hur gick det?"
    assert asked[0].context == "Från 2024-04-01-lager.md"
    assert [f.status for f in resumed.report.follow_ups] == [
        "Genomfört",
        "Släpp",
        "Delvis",
        "Delvis",
        "Delvis",
    ]


def test_the_pool_is_found_for_the_report_after_its_customer_is_answered(kartlaggning: Questionnaire) -> None:
    seen: list[str] = []

    def find(report: Report) -> ListPool:
        seen.append(report.text("kund"))
        return ListPool(many_items(1))

    prompter = ScriptedPrompter(dict(ALL_NO, kund="Nordlager AB", uppfoljning=["Genomfört"]))
    Session(kartlaggning, Report.new(kartlaggning), prompter, RecordingSaver(), follow_up=FollowUpRound(find)).run(
        kartlaggning.steps, record_open_items=True
    )
    assert seen == ["Nordlager AB"]


def test_a_report_stopped_before_its_follow_up_gets_it_when_continued(kartlaggning: Questionnaire) -> None:
    report = Report.new(kartlaggning)
    report.answers["uppdrag"] = Answer("Lager")  # the rest of the metadata is not answered yet
    prompter = ScriptedPrompter(dict(ALL_NO, uppfoljning=["Genomfört"]))
    pool = ListPool(many_items(1))
    session = Session(kartlaggning, report, prompter, RecordingSaver(), follow_up=FollowUpRound(pool))
    session.run(kartlaggning.steps)  # (continued: record_open_items is off)
    assert [f.status for f in session.report.follow_ups] == ["Genomfört"]
