"""Reading the folder ahead: a value computed once on a thread of its own, None when that fails;
and the team's map of a session's suggestions looked up ahead, offering the same moments as a
look-up at the offer itself."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from intervjufas.model.answers import Answer, Moment
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.reading.process_map import team_lookup
from intervjufas.reading.process_map.team_map import TeamMap, team_map
from intervjufas.reading.process_map.team_suggestions import suggestions
from intervjufas.session.read_ahead import ReadAhead
from intervjufas.session.suggestions import Suggestions
from team_samples import write_team_reports


def test_a_read_ahead_computes_once_on_its_own_thread() -> None:
    threads: list[str] = []

    def compute() -> int:
        threads.append(threading.current_thread().name)
        return 42

    ahead = ReadAhead(compute, "framåt")
    assert not ahead.started
    ahead.start()
    ahead.start()
    assert ahead.result() == 42 and ahead.result() == 42
    assert threads == ["framåt"]


def test_a_value_asked_for_is_not_kept_waiting_for_the_head_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reading lets the next question be drawn first (``HEAD_START``), but whoever needs the
    value gets it without that wait."""
    from intervjufas.session import read_ahead

    monkeypatch.setattr(read_ahead, "HEAD_START", 3600.0)
    ahead = ReadAhead(lambda: 42, "framåt")
    ahead.start()
    got: list[int | None] = []
    asking = threading.Thread(target=lambda: got.append(ahead.result()), daemon=True)
    asking.start()
    asking.join(timeout=60)
    assert got == [42]


def test_a_read_ahead_that_fails_gives_none() -> None:
    def compute() -> int:
        raise OSError("borta")

    assert ReadAhead(compute, "framåt").result() is None


def _offered(found: Suggestions, kartlaggning: Questionnaire) -> list[str]:
    question = kartlaggning.question("fore_karta")
    assert question is not None
    offer = found.pending(question, Answer((Moment("Kravprofil"),)))
    assert offer is not None
    return [suggestion.label for suggestion in offer[1]]


def test_the_team_is_looked_up_ahead_and_offers_what_a_look_up_at_the_offer_would(
    reports_dir: Path, kartlaggning: Questionnaire, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_team_reports(reports_dir)
    expected = [s.label for s in suggestions(team_map(reports_dir, experience=False), "fore", ["Kravprofil"], "Erik")]
    assert expected  # (the sample team has moments Erik lacks)
    read: list[str] = []
    real = team_lookup.latest_entries

    def counted(*arguments: object) -> object:
        read.append(threading.current_thread().name)
        return real(*arguments)  # type: ignore[arg-type]

    monkeypatch.setattr(team_lookup, "latest_entries", counted)
    ahead = Suggestions.in_folder(reports_dir, "Erik")
    ahead.begin_reading()
    assert _offered(ahead, kartlaggning) == expected
    assert read == ["forslag"]  # (once, in the background: the folder is not read at the offer)


def test_a_failed_look_up_ahead_is_made_again_at_the_offer(
    reports_dir: Path, kartlaggning: Questionnaire, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_team_reports(reports_dir)
    expected = [s.label for s in suggestions(team_map(reports_dir, experience=False), "fore", ["Kravprofil"], "Erik")]
    failed: list[str] = []

    def failing(*_arguments: object) -> TeamMap:
        failed.append(threading.current_thread().name)
        raise RuntimeError("avbruten läsning")

    monkeypatch.setattr(team_lookup, "latest_entries", failing)
    ahead = Suggestions.in_folder(reports_dir, "Erik")
    ahead.begin_reading()
    assert _offered(ahead, kartlaggning) == expected
    assert failed == ["forslag"]


def test_a_session_looks_the_team_up_ahead_once_the_follow_up_is_over(
    reports_dir: Path, kartlaggning: Questionnaire, monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_session import ALL_NO, RecordingSaver, ScriptedPrompter

    from intervjufas.report.model import Report
    from intervjufas.session.session import Session
    from intervjufas.session.suggestions import OFFER_ID

    write_team_reports(reports_dir)
    real = team_lookup.latest_entries
    looked_up: list[str] = []

    def counted(*arguments: object) -> object:
        looked_up.append(threading.current_thread().name)
        return real(*arguments)  # type: ignore[arg-type]

    monkeypatch.setattr(team_lookup, "latest_entries", counted)
    prompter = ScriptedPrompter({**ALL_NO, "fore_karta": [{"namn": "Kravprofil"}]})
    run = Session(
        kartlaggning,
        Report.new(kartlaggning),
        prompter,
        RecordingSaver(),
        suggestions=Suggestions.in_folder(reports_dir, "Erik"),
    )
    run.run(kartlaggning.steps)
    assert f"{OFFER_ID}_fore" in prompter.asked
    assert looked_up == ["forslag"]


def test_the_follow_up_read_ahead_loads_the_kept_plans_and_hands_out_the_same_items(
    reports_dir: Path, kartlaggning: Questionnaire, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The follow-up's pool gets the folder's state and the kept plan sections from the thread
    (after a ``plan`` they are thousands: loading them after the date was the pause), and hands
    out what a pool that reads the folder itself hands out."""
    from intervjufas.model.answers import ActionItem
    from intervjufas.reading.plan import plan_facts
    from intervjufas.reading.plan.folder_items import follow_up_pool
    from intervjufas.report.model import Report
    from intervjufas.report.render import render
    from intervjufas.session.follow_up import FollowUpRound
    from intervjufas.session.options import FollowUpScope

    reports_dir.mkdir(parents=True)
    for number in range(1, 4):
        earlier = Report.new(kartlaggning)
        earlier.created = earlier.updated = f"2026-01-1{number}T09:00:00+01:00"
        earlier.answers.update(
            {
                "uppdrag": Answer(f"Lager {number}"),
                "kund": Answer("Nordlager AB"),
                "datum": Answer(f"2026-01-1{number}"),
                "fore_lagga_till": Answer("Ja"),
                "fore_lagga_till_vad": Answer((ActionItem(f"Agenda {number}"), ActionItem(f"Checklista {number}"))),
            }
        )
        (reports_dir / f"2026-01-1{number}-lager.md").write_text(render(earlier, kartlaggning), encoding="utf-8")
    new = Report.new(kartlaggning)
    new.answers["kund"] = Answer("Nordlager AB")
    expected = follow_up_pool(reports_dir, kartlaggning, exclude_id=new.report_id, customer="Nordlager AB")
    expected_keys = [item.key for item in expected.take(4)]
    made: list[str] = []
    real_init = plan_facts.PlanReader.__init__

    def recorded(self: plan_facts.PlanReader, folder: Path) -> None:
        made.append(threading.current_thread().name)
        real_init(self, folder)

    monkeypatch.setattr(plan_facts.PlanReader, "__init__", recorded)
    round_ = FollowUpRound.in_folder(reports_dir, kartlaggning, FollowUpScope.kund, ahead=True)
    round_.begin_reading()
    pool = round_.pool(new)
    assert [item.key for item in pool.take(4)] == expected_keys
    assert pool.total == expected.total == 6
    assert made == ["uppfoljning"]  # (the pool read its items with the plans loaded ahead)
