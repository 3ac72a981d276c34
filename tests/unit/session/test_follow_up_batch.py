"""The follow-up of a handful on one screen, driven by a scripted screen prompter: each status is
saved as it is set, items left without a status are taken out again, more is asked by the screen,
and the personal-data guard refuses a comment with personal data."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from intervjufas.errors import AnswerError
from intervjufas.model.answers import Answer
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.reading.plan.state import OpenItem
from intervjufas.report.model import Report
from intervjufas.session.follow_up import FollowUpRound, ListPool
from intervjufas.session.follow_up_batch import BatchRequest
from intervjufas.session.personal_data_guard import PersonalDataGuard
from intervjufas.session.prompter import AskRequest
from intervjufas.session.session import Session


class ScriptedPrompter:
    """Answers every question with its default (else empty); records the ids asked."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def section(self, title: str, text: str) -> None:
        pass

    def note(self, text: str) -> None:
        pass

    def ask(self, request: AskRequest) -> Answer:
        self.asked.append(request.question.id)
        if request.question.id == "uppdrag":
            return Answer("Lager")
        return request.default if request.default is not None else Answer(None)


class RecordingSaver:
    def __init__(self) -> None:
        self.calls: list[tuple[list[str], dict[str, Answer]]] = []

    def __call__(self, report: Report, changed: Iterable[str]) -> Report:
        self.calls.append((list(changed), dict(report.answers)))
        return report


def many_items(count: int) -> list[OpenItem]:
    return [
        OpenItem(
            key=f"aaaaaaaaaaaa/fore_lagga_till_vad/{n}",
            moment=f"Moment {n}",
            why="",
            step_number=1,
            step_label="Steg 1",
            step_title="Före intervjun",
            kind="Lägga till",
            source=Path("2024-04-01-lager.md"),
            source_date="2024-04-01",
        )
        for n in range(1, count + 1)
    ]


class ScreenPrompter(ScriptedPrompter):
    """Sets the given (status, comment) per item of each handful, by position; None leaves one."""

    follows_up_on_screen = True

    def __init__(self, handfuls: list[list[tuple[str, str] | None]], more: list[bool]) -> None:
        super().__init__()
        self.handfuls, self.more = handfuls, more
        self.batches: list[BatchRequest] = []

    def follow_up_batch(self, request: BatchRequest) -> bool:
        self.batches.append(request)
        for entry, given in zip(request.entries, self.handfuls.pop(0), strict=False):
            if given is not None:
                request.on_change(entry.key, Answer(*given))
        return self.more.pop(0)


def run(kartlaggning: Questionnaire, prompter: ScreenPrompter, count: int) -> tuple[Report, RecordingSaver]:
    saver = RecordingSaver()
    pool = ListPool(many_items(count), scope="för Nordlager AB")
    session = Session(kartlaggning, Report.new(kartlaggning), prompter, saver, follow_up=FollowUpRound(pool))
    return session.run(kartlaggning.steps, record_open_items=True), saver


def test_a_handful_on_one_screen_saves_each_status_and_leaves_the_rest(kartlaggning: Questionnaire) -> None:
    prompter = ScreenPrompter([[("Genomfört", "Klar"), None, ("Släpp", ""), None, ("Inte än", "")]], [False])
    report, saver = run(kartlaggning, prompter, 7)
    (batch,) = prompter.batches
    assert batch.progress == "Uppföljning · moment 1–5 av 7" and batch.remaining == 2
    assert [e.moment for e in batch.entries] == [f"Moment {n}" for n in range(1, 6)]
    assert batch.entries[0].kind == "Lägga till" and batch.entries[0].group == "Steg 1: Före intervjun"
    assert batch.lead.startswith("5 av 7 öppna moment för Nordlager AB (de nyaste först).")
    assert "• Moment" not in batch.lead  # (the screen lists them)
    # Each status saved as it was set, then the two left without one taken out: they come back.
    changes = [keys for keys, _ in saver.calls if any(k.startswith("uppfoljning:") for k in keys)]
    assert changes[1:4] == [[f"uppfoljning:aaaaaaaaaaaa/fore_lagga_till_vad/{n}"] for n in (1, 3, 5)]
    assert {(f.label.split(" (")[0], f.status, f.answer.comment) for f in report.follow_ups} == {
        ("Moment 1", "Genomfört", "Klar"),
        ("Moment 3", "Släpp", ""),
        ("Moment 5", "Inte än", ""),
    }
    assert "uppfoljning" not in prompter.asked and "uppfoljning_fler" not in prompter.asked


def test_more_is_chosen_on_the_screen(kartlaggning: Questionnaire) -> None:
    prompter = ScreenPrompter([[("Genomfört", "")] * 5, [("Delvis", "")] * 2], [True, False])
    report, _ = run(kartlaggning, prompter, 7)
    assert [b.progress for b in prompter.batches] == [
        "Uppföljning · moment 1–5 av 7",
        "Uppföljning · moment 6–7 av 7",
    ]
    assert prompter.batches[1].remaining == 0
    assert [f.status for f in report.follow_ups] == ["Genomfört"] * 5 + ["Delvis"] * 2


def test_the_guard_passes_the_screen_on_and_refuses_personal_data_in_a_comment() -> None:
    changed: list[tuple[str, Answer]] = []

    class Inner:
        follows_up_on_screen = True

        def follow_up_batch(self, request: BatchRequest) -> bool:
            with pytest.raises(AnswerError, match="personnummer"):
                request.on_change("k", Answer("Genomfört", "Ring 19121212-1212"))
            request.on_change("k", Answer("Genomfört", "Klar"))
            return False

    guard = PersonalDataGuard(Inner())  # type: ignore[arg-type]
    assert guard.follows_up_on_screen
    request = BatchRequest("T", "", "", (), 0, lambda key, answer: changed.append((key, answer)))
    assert guard.follow_up_batch(request) is False
    assert changed == [("k", Answer("Genomfört", "Klar"))]
