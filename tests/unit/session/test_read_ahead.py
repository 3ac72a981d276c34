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
