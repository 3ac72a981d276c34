"""The process map in a session: its moment questions are pre-filled from the earlier map as the
follow-up changed it, questions about developing or removing moments pick among the moments mapped
in this report, and the moments' ids are kept through answering, saving and resuming."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from intervjufas.folder.report_file import ReportFile
from intervjufas.model.answer_codec import coerce
from intervjufas.model.answers import ActionItem, Answer, Moment
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.reading.plan.state import OpenItem
from intervjufas.reading.process_map import start_map
from intervjufas.reading.process_map.start_map import StartMap
from intervjufas.report.model import Report
from intervjufas.report.parse import parse
from intervjufas.report.process_map.report_map import process_map
from intervjufas.session.follow_up import FollowUpRound, ItemPool, ListPool, PoolFinder
from intervjufas.session.mapping import run_session
from intervjufas.session.options import FollowUpScope, SessionOptions
from intervjufas.session.process_map import MapState
from intervjufas.session.prompter import AskRequest
from intervjufas.session.session import Session

KRAV = Moment("Kravprofil med kunden", ("kunden",), id="m-krav")
ENKAT = Moment("Pappersenkät", ("kandidaten",), "Skickas per post", id="m-enkat")
INTERVJU = Moment("Intervjun", id="m-intervju")
AVSLUT = Moment("Avslutet", ("kandidaten",), id="m-avslut")
ATERKOPPLING = Moment("Återkoppling", id="m-ater")
EARLIER = {"fore": (KRAV, ENKAT), "under": (INTERVJU, AVSLUT), "efter": (ATERKOPPLING,)}
DATE = "2024-06-10"
NO_PLANS = {
    "uppdrag": "Lager",
    "datum": DATE,
    **{
        f"{step}_{plan}": "Nej"
        for step in ("fore", "under", "efter")
        for plan in ("lagga_till", "utveckla", "ta_bort")
    },
}

Reply = object  # a raw value (validated like typed input) or a function of the request


class Script:
    """Answers by question id; a question not in the script takes what is offered (Enter)."""

    def __init__(self, answers: dict[str, Reply], follow_ups: Iterable[str] = (), stop_at: str = "") -> None:
        self.answers = answers
        self.follow_ups = list(follow_ups)
        self.stop_at = stop_at
        self.requests: dict[str, AskRequest] = {}
        self.order: list[str] = []

    def section(self, title: str, text: str) -> None:
        pass

    def note(self, text: str) -> None:
        pass

    def ask(self, request: AskRequest) -> Answer:
        question = request.question
        if question.id == self.stop_at:
            raise KeyboardInterrupt
        self.requests[question.id] = request
        self.order.append(question.id)
        if question.id == "uppfoljning":
            return coerce(question, self.follow_ups.pop(0))
        reply = self.answers.get(question.id)
        if callable(reply):
            return reply(request)
        if reply is None:
            return request.default or Answer(None)
        return coerce(question, reply)

    def offered(self, question_id: str) -> tuple[Moment, ...]:
        default = self.requests[question_id].default
        return default.value if default is not None and default.value else ()  # type: ignore[return-value]


def keep(report: Report, _changed: Iterable[str]) -> Report:
    return report


class Finder:
    """An earlier map, counting the calls (and when they came)."""

    def __init__(self, script: Script, found: dict[str, tuple[Moment, ...]]) -> None:
        self.script = script
        self.found = found
        self.calls: list[int] = []

    def __call__(self) -> StartMap:
        self.calls.append(len(self.script.order))
        return StartMap(self.found)


def session(
    questionnaire: Questionnaire,
    script: Script,
    found: dict[str, tuple[Moment, ...]] | None = None,
    report: Report | None = None,
    save: Callable[[Report, Iterable[str]], Report] = keep,
    items: Sequence[OpenItem] | ItemPool | PoolFinder = (),
) -> tuple[Session, Finder]:
    finder = Finder(script, EARLIER if found is None else found)
    made = Session(
        questionnaire,
        report or Report.new(questionnaire),
        script,
        save,
        follow_up=FollowUpRound(items),
        process_map=MapState(finder),
    )
    return made, finder


def pick(*names: str, why: str = "Därför") -> Callable[[AskRequest], Answer]:
    """Pick moments on the map by name, the way the widgets do: each item carries the moment's id."""

    def answer(request: AskRequest) -> Answer:
        chosen = [m for name in names for m in request.map_moments if m.name == name]
        assert len(chosen) == len(names), [m.name for m in request.map_moments]
        return Answer(tuple(ActionItem(m.name, why, moment_id=m.id) for m in chosen))

    return answer


# -- pre-filled from the earlier map --------------------------------------------------------------


def test_each_moment_question_offers_the_earlier_moments_of_its_phase(kartlaggning: Questionnaire) -> None:
    script = Script(NO_PLANS)
    made, finder = session(kartlaggning, script, {"fore": (KRAV, ENKAT), "efter": (ATERKOPPLING,)})
    made.run(kartlaggning.steps)
    assert script.offered("fore_karta") == (KRAV, ENKAT)
    assert script.requests["under_karta"].default is None  # nothing there earlier: an empty list
    assert script.offered("efter_karta") == (ATERKOPPLING,)
    # Looked up once, when the first map question is reached (the metadata is asked before).
    assert finder.calls == [script.order.index("fore_karta")]
    # Taken as offered, the moments keep their ids: the next report's follow-up finds them.
    assert [m.id for m in made.report.answers["fore_karta"].value] == ["m-krav", "m-enkat"]  # type: ignore[union-attr]


def test_no_earlier_map_offers_nothing(kartlaggning: Questionnaire) -> None:
    script = Script(NO_PLANS)
    Session(kartlaggning, Report.new(kartlaggning), script, keep).run(kartlaggning.steps)
    assert all(script.requests[q].default is None for q in ("fore_karta", "under_karta", "efter_karta"))


def test_snabbformat_offers_the_same_map(snabbformat: Questionnaire) -> None:
    script = Script({"uppdrag": "Butik"})
    session(snabbformat, script)[0].run(snabbformat.steps)
    assert script.offered("forbered_moment") == (KRAV, ENKAT)
    assert script.offered("genomfor_moment") == (INTERVJU, AVSLUT)
    assert script.offered("folj_upp_moment") == (ATERKOPPLING,)


def test_what_was_being_typed_when_stopped_comes_before_the_map(kartlaggning: Questionnaire) -> None:
    report = Report.new(kartlaggning)
    report.drafts["fore_karta"] = Answer((Moment("Halvskrivet", id="m-halv"),))
    script = Script(NO_PLANS)
    session(kartlaggning, script, report=report)[0].run(kartlaggning.steps[:1])
    assert [m.name for m in script.offered("fore_karta")] == ["Halvskrivet"]


# -- the follow-up changes the map it starts from --------------------------------------------------

STEPS = {1: ("Steg 1", "Före intervjun"), 2: ("Steg 2", "Under intervjun"), 3: ("Steg 3", "Efter intervjun")}


def open_item(plan: str, phase: str, item: ActionItem, step: int) -> OpenItem:
    return OpenItem(
        key=f"aaaaaaaaaaaa/{item.id}",
        moment=item.moment,
        why=item.why,
        step_number=step,
        step_label=STEPS[step][0],
        step_title=STEPS[step][1],
        kind={"lagga_till": "Lägga till", "utveckla": "Utveckla", "ta_bort": "Ta bort"}[plan],
        source=Path("2024-05-01-lager.md"),
        source_date="2024-05-01",
        plan=plan,
        phase=phase,
        item=item,
    )


ADD = open_item(
    "lagga_till", "fore", ActionItem("Välkomstsamtal", "Trygghet", "i-add", "m-valk", ("kandidaten",)), 1
)
REMOVE = open_item("ta_bort", "fore", ActionItem("Pappersenkät", "Ingen läser den", "i-remove", "m-enkat"), 1)
DEVELOP = open_item("utveckla", "under", ActionItem("Avslutet", "Tydligare", "i-develop", "m-avslut"), 2)


def names(moments: tuple[Moment, ...]) -> list[str]:
    return [m.name for m in moments]


def test_items_followed_up_as_done_change_what_is_offered(kartlaggning: Questionnaire) -> None:
    script = Script(NO_PLANS, follow_ups=["Genomfört"] * 3)
    made, _ = session(kartlaggning, script, items=[ADD, REMOVE, DEVELOP])
    made.run(kartlaggning.steps, record_open_items=True)
    fore, under = script.offered("fore_karta"), script.offered("under_karta")
    assert names(fore) == ["Kravprofil med kunden", "Välkomstsamtal"]  # added; the survey removed
    added = fore[1]
    assert (added.id, added.involves) == ("m-valk", ("kandidaten",))  # the id the plan gave it
    assert names(under) == ["Intervjun", "Avslutet"]
    assert under[1].developed == DATE  # developed: on the day of this mapping
    assert under[0].developed == ""
    assert script.offered("efter_karta") == (ATERKOPPLING,)
    # Taken as offered, the report's map is the changed one, with the date of development.
    assert made.report.answers["under_karta"].value[1].developed == DATE  # type: ignore[index, union-attr]
    assert [state.state for state in process_map(made.report, kartlaggning).moments] == [
        "kept",
        "kept",
        "kept",
        "developed",
        "kept",
    ]


@pytest.mark.parametrize("status", ["Delvis", "Inte än", "Släpp"])
def test_items_not_done_change_nothing(kartlaggning: Questionnaire, status: str) -> None:
    script = Script(NO_PLANS, follow_ups=[status] * 3)
    session(kartlaggning, script, items=[ADD, REMOVE, DEVELOP])[0].run(kartlaggning.steps, record_open_items=True)
    assert {q: script.offered(q) for q in ("fore_karta", "under_karta", "efter_karta")} == {
        "fore_karta": EARLIER["fore"],
        "under_karta": EARLIER["under"],
        "efter_karta": EARLIER["efter"],
    }
    assert all(m.developed == "" for m in script.offered("under_karta"))


def test_an_item_to_add_from_a_report_without_a_map_joins_the_phase_of_its_step(
    kartlaggning: Questionnaire,
) -> None:
    """Items of reports made before maps existed have no phase: a moment to add joins the phase
    its step stands for, as in the first map made from such a report."""
    old = ActionItem("Utvärdering med kunden", "Lära till nästa gång", "", "", ())
    item = replace(
        open_item("lagga_till", "efter", old, 3), key="bbbbbbbbbbbb/efter_lagga_till_vad/1", phase=None
    )
    script = Script(NO_PLANS, follow_ups=["Genomfört"])
    session(kartlaggning, script, items=[item])[0].run(kartlaggning.steps, record_open_items=True)
    assert names(script.offered("efter_karta")) == ["Återkoppling", "Utvärdering med kunden"]
    assert script.offered("efter_karta")[1].id  # a new id: the old item had none


def test_done_items_change_the_map_when_the_mapping_is_continued(kartlaggning: Questionnaire) -> None:
    """Stopped after the follow-up, the mapping is continued later: the map the rest of it offers
    is still the one the follow-up changed."""
    first = Script(NO_PLANS, follow_ups=["Genomfört"] * 3, stop_at="under_karta")
    made, _ = session(kartlaggning, first, items=[ADD, REMOVE, DEVELOP])
    with pytest.raises(KeyboardInterrupt):
        made.run(kartlaggning.steps, record_open_items=True)
    assert [f.status for f in made.report.follow_ups] == ["Genomfört"] * 3

    again = Script(NO_PLANS)
    resumed, _ = session(kartlaggning, again, report=made.report, items=lambda _report: ListPool([ADD, REMOVE, DEVELOP]))
    resumed.run(kartlaggning.steps)
    assert "uppfoljning" not in again.order
    under = again.offered("under_karta")
    assert names(under) == ["Intervjun", "Avslutet"] and under[1].developed == DATE


# -- --ny-karta and --utga-fran ---------------------------------------------------------------------


def answers_file(tmp_path: Path, text: str = "uppdrag: Lager\n") -> Path:
    path = tmp_path / "svar.yaml"
    path.write_text(
        text + "".join(f"{key}: nej\n" for key in NO_PLANS if key.endswith(("till", "veckla", "bort")))
    )
    path.write_text(path.read_text() + "under_struktur: Ja\nunder_syfte: Ja\nefter_rutin: Ja\n")
    return path


def mapped(
    tmp_path: Path, reports_dir: Path, monkeypatch: pytest.MonkeyPatch, **options: object
) -> tuple[Report, list[tuple]]:
    calls: list[tuple] = []

    def finder(*args: object) -> StartMap:
        calls.append(args)
        return StartMap(EARLIER)

    monkeypatch.setattr(start_map, "latest_map", finder)
    settings = SessionOptions(
        set_id="kartlaggning", answers_file=answers_file(tmp_path), author="Anna", **options
    )  # type: ignore[arg-type]
    result = run_session(settings, lambda: None)  # type: ignore[arg-type, return-value]
    return result.report, calls


def test_the_latest_map_is_looked_up_for_the_author_and_this_report(
    tmp_path: Path, reports_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report, calls = mapped(tmp_path, reports_dir, monkeypatch)
    assert calls == [(reports_dir, calls[0][1], "Anna", report.report_id)]
    assert calls[0][1].id == "kartlaggning"
    assert report.answers["fore_karta"].value == EARLIER["fore"]


def test_ny_karta_starts_blank_without_looking(
    tmp_path: Path, reports_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report, calls = mapped(tmp_path, reports_dir, monkeypatch, new_map=True)
    assert calls == []
    assert all(report.answers[q] == Answer(None) for q in ("fore_karta", "under_karta", "efter_karta"))


def test_utga_fran_starts_from_that_reports_map_unless_ny_karta(
    tmp_path: Path, reports_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    named, _ = mapped(tmp_path, reports_dir, monkeypatch)  # a report whose map is EARLIER
    [path] = reports_dir.glob("*.md")
    report, calls = mapped(tmp_path, reports_dir, monkeypatch, start_from=str(path), follow_up=FollowUpScope.ingen)
    assert calls == []  # the named report's map, not the latest
    assert [m.id for m in report.answers["fore_karta"].value] == ["m-krav", "m-enkat"]  # type: ignore[union-attr]
    blank, calls = mapped(tmp_path, reports_dir, monkeypatch, start_from=str(path), new_map=True)
    assert calls == [] and blank.answers["fore_karta"] == Answer(None)
    assert named.report_id != report.report_id != blank.report_id


# -- picking on the map, and the ids ----------------------------------------------------------------


def typed(*names: str) -> list[dict[str, str]]:
    return [{"namn": name} for name in names]


def test_questions_about_the_map_pick_among_this_reports_moments(kartlaggning: Questionnaire) -> None:
    script = Script(
        {
            **NO_PLANS,
            "fore_karta": typed("Kravprofil", "Enkät"),
            "under_karta": typed("Intervjun"),
            **{f"fore_{plan}": "Ja" for plan in ("lagga_till", "utveckla", "ta_bort")},
            "under_utveckla": "Ja",
        }
    )
    made = Session(kartlaggning, Report.new(kartlaggning), script, keep)
    made.run(kartlaggning.steps)
    fore = made.report.answers["fore_karta"].value
    assert script.requests["fore_utveckla_vad"].map_moments == fore
    assert script.requests["fore_ta_bort_vad"].map_moments == fore
    assert [m.id for m in script.requests["fore_ta_bort_vad"].map_moments] == [m.id for m in fore]  # type: ignore[union-attr]
    assert names(script.requests["under_utveckla_vad"].map_moments) == ["Intervjun"]  # its own phase only
    assert script.requests["fore_lagga_till_vad"].map_moments == ()  # a new moment is not on the map


def test_a_question_without_a_phase_picks_among_every_phase(snabbformat: Questionnaire) -> None:
    script = Script(
        {
            "uppdrag": "Butik",
            "forbered_moment": typed("Kravprofil"),
            "folj_upp_moment": typed("Återkoppling"),
        }
    )
    Session(snabbformat, Report.new(snabbformat), script, keep).run(snabbformat.steps)
    assert names(script.requests["snabb_utveckla_vad"].map_moments) == ["Kravprofil", "Återkoppling"]


def test_moments_and_items_keep_their_ids(kartlaggning: Questionnaire) -> None:
    script = Script(
        {
            **NO_PLANS,
            "fore_karta": lambda request: Answer((*request.default.value, Moment("Referenstagning"))),  # type: ignore[union-attr]
            "fore_utveckla": "Ja",
            "fore_utveckla_vad": pick("Referenstagning", "Kravprofil med kunden"),
            "under_ta_bort": "Ja",
            "under_ta_bort_vad": pick("Intervjun"),
        }
    )
    made, _ = session(kartlaggning, script)
    made.run(kartlaggning.steps)
    answers = made.report.answers
    fore = answers["fore_karta"].value
    assert [m.id for m in fore[:2]] == ["m-krav", "m-enkat"]  # type: ignore[index]
    new_id = fore[2].id  # type: ignore[index, union-attr]
    assert new_id and not new_id.isdigit() and new_id not in ("m-krav", "m-enkat")
    items = answers["fore_utveckla_vad"].value
    assert [(i.moment, i.moment_id) for i in items] == [  # type: ignore[union-attr]
        ("Referenstagning", new_id),
        ("Kravprofil med kunden", "m-krav"),
    ]
    assert all(i.id and i.id != i.moment_id for i in items)  # type: ignore[union-attr]
    assert [i.moment_id for i in answers["under_ta_bort_vad"].value] == ["m-intervju"]  # type: ignore[union-attr]
    marks = {m.moment.name: m.state for m in process_map(made.report, kartlaggning).moments}
    assert marks == {
        "Kravprofil med kunden": "develop",
        "Pappersenkät": "kept",
        "Referenstagning": "develop",
        "Intervjun": "remove",
        "Avslutet": "kept",
        "Återkoppling": "kept",
    }


def test_a_moment_to_add_gets_the_id_it_will_have_on_the_map(kartlaggning: Questionnaire) -> None:
    script = Script(
        {
            **NO_PLANS,
            "efter_lagga_till": "Ja",
            "efter_lagga_till_vad": [{"moment": "Utvärdering", "beror": "kunden"}],
        }
    )
    made, _ = session(kartlaggning, script)
    made.run(kartlaggning.steps)
    [item] = made.report.answers["efter_lagga_till_vad"].value  # type: ignore[misc]
    assert item.id and item.moment_id and item.id != item.moment_id
    [new] = [m for m in process_map(made.report, kartlaggning).moments if m.state == "new"]
    assert (new.moment.id, new.phase, new.moment.involves) == (item.moment_id, "efter", ("kunden",))


def test_an_item_typed_with_the_name_of_a_mapped_moment_is_about_that_moment(
    kartlaggning: Questionnaire,
) -> None:
    """Typed rather than picked (or given in an answers file), an item to develop or remove that
    names a moment of its phase's map is linked to it – so the map marks it and the follow-up finds
    it by id, whatever it is later renamed to."""
    script = Script(
        {
            **NO_PLANS,
            "fore_utveckla": "Ja",
            "fore_utveckla_vad": [{"moment": "  kravprofil MED kunden ", "varfor": "Kortare"}, "Något nytt"],
            "under_ta_bort": "Ja",
            "under_ta_bort_vad": ["Pappersenkät"],  # on the map, but of another phase
        }
    )
    made, _ = session(kartlaggning, script)
    made.run(kartlaggning.steps)
    items = made.report.answers["fore_utveckla_vad"].value
    assert [(i.moment, i.moment_id) for i in items] == [
        ("kravprofil MED kunden", "m-krav"),
        ("Något nytt", ""),
    ]  # type: ignore[union-attr]
    assert made.report.answers["under_ta_bort_vad"].value[0].moment_id == ""  # type: ignore[index, union-attr]
    assert process_map(made.report, kartlaggning).moments[0].state == "develop"


def test_ids_survive_saving_and_resuming(reports_dir: Path, kartlaggning: Questionnaire) -> None:
    handle = ReportFile(reports_dir, kartlaggning)
    answers: dict[str, Reply] = {
        **NO_PLANS,
        "fore_karta": lambda request: Answer((*request.default.value, Moment("Referenstagning"))),  # type: ignore[union-attr]
        "fore_ta_bort": "Ja",
        "fore_ta_bort_vad": pick("Referenstagning", "Pappersenkät"),
    }
    first = Script(answers, stop_at="under_karta")
    made, _ = session(kartlaggning, first, save=handle.save)
    with pytest.raises(KeyboardInterrupt):
        made.run(kartlaggning.steps)
    handle.close()
    assert handle.path is not None
    saved = parse(handle.path.read_text(encoding="utf-8"), kartlaggning)
    fore = saved.answers["fore_karta"].value
    assert fore == made.report.answers["fore_karta"].value
    assert [m.id for m in fore] == [m.id for m in made.report.answers["fore_karta"].value]  # type: ignore[union-attr]
    items = saved.answers["fore_ta_bort_vad"].value
    assert [i.moment_id for i in items] == [fore[2].id, "m-enkat"]  # type: ignore[index, union-attr]
    assert [i.id for i in items] == [i.id for i in made.report.answers["fore_ta_bort_vad"].value]  # type: ignore[union-attr]

    again, report = ReportFile.open(handle.path, kartlaggning)
    second = Script({**NO_PLANS, "under_utveckla": "Ja", "under_utveckla_vad": pick("Avslutet")})
    resumed, _ = session(kartlaggning, second, report=report, save=again.save)
    resumed.run(kartlaggning.steps)
    again.close()
    assert second.order[0] == "under_karta"
    final = parse(handle.path.read_text(encoding="utf-8"), kartlaggning)
    assert [m.id for m in final.answers["fore_karta"].value] == [m.id for m in fore]  # type: ignore[union-attr]
    assert [i.moment_id for i in final.answers["under_utveckla_vad"].value] == ["m-avslut"]  # type: ignore[union-attr]
    marks = {m.moment.name: m.state for m in process_map(final, kartlaggning).moments}
    assert marks["Referenstagning"] == marks["Pappersenkät"] == "remove"
    assert marks["Avslutet"] == "develop"
