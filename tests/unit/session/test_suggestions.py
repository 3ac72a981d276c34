"""The offer of colleagues' moments inside a session: asked once per phase right after that phase's
map, a moment sent to the map joins it (and is saved), one sent to the plan becomes an item of the
phase's reflection "lägga till", nothing is asked without a team, and a stop at the offer keeps the
map as it was answered."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_session import ALL_NO, RecordingSaver, ScriptedPrompter

from intervjufas.errors import AnswerError
from intervjufas.folder.team_vocabulary import Vocabulary
from intervjufas.model.answers import ActionItem, Answer, Moment
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.reading.process_map.team_map import team_map_of
from intervjufas.reading.process_map.team_suggestions import Suggestion
from intervjufas.report.model import Report
from intervjufas.session.session import Session
from intervjufas.session.suggestions import OFFER_ID, Suggestions, offer_question


def team() -> Suggestions:
    maps = {
        "Anna": {"fore": (Moment("Kravprofil"), Moment("Referenstagning", ("kunden",)))},
        "Bo": {"fore": (Moment("Referenstagning"),), "efter": (Moment("Återkoppling"),)},
    }
    return Suggestions(lambda: team_map_of(maps, Vocabulary(), Path(".")), "Erik")


def session(questionnaire: Questionnaire, answers: dict[str, object], suggestions: Suggestions, **stop: str) -> tuple[Session, ScriptedPrompter, RecordingSaver]:
    prompter = ScriptedPrompter({**ALL_NO, **answers}, **stop)
    saver = RecordingSaver()
    report = Report.new(questionnaire)
    return Session(questionnaire, report, prompter, saver, suggestions=suggestions), prompter, saver


def test_the_picked_moment_joins_the_map_right_after_it(kartlaggning: Questionnaire) -> None:
    answers = {"fore_karta": [{"namn": "Kravprofil"}], f"{OFFER_ID}_fore": {"Referenstagning (2 av 2)": "kartan"}}
    run, prompter, saver = session(kartlaggning, answers, team())
    report = run.run(kartlaggning.steps)
    asked = prompter.asked
    assert asked[asked.index("fore_karta") + 1] == f"{OFFER_ID}_fore"
    assert asked[asked.index("efter_karta") + 1] == f"{OFFER_ID}_efter"
    assert sum(a.startswith(OFFER_ID) for a in asked) == 2  # (nothing new during the interviews)
    moments = report.answers["fore_karta"].value
    assert [(m.name, m.involves) for m in moments] == [("Kravprofil", ()), ("Referenstagning", ("kunden",))]
    assert all(m.id for m in moments)  # (the added moment got its id like a typed one)
    assert saver.calls[-1][1]["fore_karta"] == report.answers["fore_karta"]


def test_no_team_no_offer(kartlaggning: Questionnaire) -> None:
    run, prompter, _ = session(kartlaggning, {"fore_karta": [{"namn": "Kravprofil"}]}, Suggestions())
    run.run(kartlaggning.steps)
    assert not any(a.startswith(OFFER_ID) for a in prompter.asked)


def test_a_stop_at_the_offer_keeps_the_map_as_answered(kartlaggning: Questionnaire) -> None:
    run, _, _ = session(kartlaggning, {"fore_karta": [{"namn": "Kravprofil"}]}, team(), stop_at=f"{OFFER_ID}_fore")
    with pytest.raises(KeyboardInterrupt):
        run.run(kartlaggning.steps)
    assert [m.name for m in run.report.answers["fore_karta"].value] == ["Kravprofil"]
    assert isinstance(run.report.answers["fore_karta"], Answer)


def test_a_moment_sent_to_the_plan_is_an_item_to_add_and_stays_off_the_map(kartlaggning: Questionnaire) -> None:
    answers = {
        "fore_karta": [{"namn": "Kravprofil"}],
        f"{OFFER_ID}_fore": ["planen"],
        f"{OFFER_ID}_efter": {"Återkoppling (1 av 2)": "planen"},
    }
    run, prompter, saver = session(kartlaggning, answers, team())
    report = run.run(kartlaggning.steps)
    assert [m.name for m in report.answers["fore_karta"].value] == ["Kravprofil"]
    assert report.answers["fore_lagga_till"].value == "Ja"
    items = report.answers["fore_lagga_till_vad"].value
    assert items == (ActionItem("Referenstagning", "", involves=("kunden",)),)
    assert all(item.id for item in items)  # (identified like an item typed in the reflection)
    asked = prompter.asked
    # The reflection is still asked next, with the item in it (for a reason, or more moments).
    assert asked[asked.index(f"{OFFER_ID}_fore") + 1] == "fore_lagga_till_vad"
    assert prompter.requests[asked.index("fore_lagga_till_vad")].default == Answer(
        (ActionItem("Referenstagning", "", involves=("kunden",)),)
    )
    assert report.answers["efter_lagga_till_vad"].value == (ActionItem("Återkoppling"),)
    assert "fore_lagga_till_vad" not in report.drafts and saver.calls


def test_without_a_reflection_to_add_a_moment_only_goes_to_the_map() -> None:
    found = [Suggestion("Kallelse", 3, 5, ())]
    offered = offer_question("fore", found, to_plan=False)
    assert offered.plan is None and "utvecklingsplanen" not in offered.text
    with pytest.raises(AnswerError):
        offered.kind.coerce(offered, ["planen"])
    assert offered.kind.coerce(offered, ["kartan"]) == ("kartan",)
    assert offered.kind.coerce(offered, [""]) is None
