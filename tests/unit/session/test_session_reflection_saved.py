"""A reflection on the map asked together with its yes/no question: the Ja is saved as soon as a
moment is chosen or added, so a stop in the middle of the reflection keeps it, and a resumed
session asks the reflection with its yes/no question again (choosing nothing then makes it Nej)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_session_process_map import NO_PLANS, Reply, Script, session

from intervjufas.folder.report_file import ReportFile
from intervjufas.model.answers import ActionItem, Answer
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.report.parse import parse
from intervjufas.session.prompter import AskRequest

ITEM = ActionItem("Bättre avslut", "Kandidaten vet mer")


class OnMap(Script):
    """A prompter that answers a reflection and its yes/no question together on the map."""

    reflects_on_map = True


def stopped_after_a_pick(request: AskRequest) -> Answer:
    assert request.asks_first is not None and request.asks_first.id == "under_utveckla"
    assert request.keep is not None
    request.keep(Answer((ITEM,)))  # the first moment added: the yes/no question is answered
    raise KeyboardInterrupt


def stopped_at_once(request: AskRequest) -> Answer:
    raise KeyboardInterrupt


def stop(reports_dir: Path, kartlaggning: Questionnaire, reply: Reply) -> Path:
    handle = ReportFile(reports_dir, kartlaggning)
    answers = {key: value for key, value in NO_PLANS.items() if key != "under_utveckla"}
    made, _ = session(kartlaggning, OnMap({**answers, "under_utveckla_vad": reply}), save=handle.save)
    with pytest.raises(KeyboardInterrupt):
        made.run(kartlaggning.steps)
    handle.close()
    assert handle.path is not None
    return handle.path


def test_the_ja_is_saved_with_the_first_pick_and_survives_a_stop(
    reports_dir: Path, kartlaggning: Questionnaire
) -> None:
    path = stop(reports_dir, kartlaggning, stopped_after_a_pick)
    saved = parse(path.read_text(encoding="utf-8"), kartlaggning)
    assert saved.answers["under_utveckla"] == Answer("Ja")
    assert "under_utveckla_vad" not in saved.answers
    assert [item.moment for item in saved.drafts["under_utveckla_vad"].value] == [ITEM.moment]  # type: ignore[union-attr]


def test_a_stop_before_anything_is_chosen_saves_no_answer(
    reports_dir: Path, kartlaggning: Questionnaire
) -> None:
    path = stop(reports_dir, kartlaggning, stopped_at_once)
    saved = parse(path.read_text(encoding="utf-8"), kartlaggning)
    assert "under_utveckla" not in saved.answers
    assert "under_utveckla_vad" not in saved.answers


@pytest.mark.parametrize(("reply", "expected"), [((ITEM,), "Ja"), (None, "Nej")])
def test_resuming_asks_the_reflection_with_its_yes_no_question_again(
    reports_dir: Path, kartlaggning: Questionnaire, reply: tuple[ActionItem, ...] | None, expected: str
) -> None:
    path = stop(reports_dir, kartlaggning, stopped_after_a_pick)
    again, report = ReportFile.open(path, kartlaggning)
    second = OnMap({**NO_PLANS, "under_utveckla_vad": lambda request: Answer(reply)})
    resumed, _ = session(kartlaggning, second, report=report, save=again.save)
    resumed.run(kartlaggning.steps)
    again.close()
    request = second.requests["under_utveckla_vad"]
    assert second.order[0] == "under_utveckla_vad"
    assert request.asks_first is not None and request.asks_first.id == "under_utveckla"
    assert request.default is not None and [i.moment for i in request.default.value] == [ITEM.moment]  # type: ignore[union-attr]
    final = parse(path.read_text(encoding="utf-8"), kartlaggning)
    assert final.answers["under_utveckla"] == Answer(expected)
    assert ("under_utveckla_vad" in final.answers) == (expected == "Ja")
    assert "under_utveckla_vad" not in final.drafts
