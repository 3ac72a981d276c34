"""A reports folder whose process map changes from assignment to assignment, written as the program
writes reports: each map is the one before it changed by the items its follow-up marks Genomfört
(``reading.process_map.start_map.carried_map``, as a new mapping starts), plus the edits a consultant makes.

Anna's maps, oldest first:

* 2024-01-15 (lager): Kravprofil, Kallelse | Intervju, Dubbelbokning | Återkoppling.  The plan adds
  "Förberedande samtal", develops Kallelse and removes Dubbelbokning.
* 2024-02-20 (truck): the follow-up marks the new moment and Kallelse done (Dubbelbokning: Delvis);
  Kravprofil is renamed by hand.  The plan develops Intervju.
* 2024-03-05 (plock): the follow-up marks Dubbelbokning's removal and Intervju done; Kallelse is
  taken off the map by hand and Referenstagning added by hand.

Erik made one map, 2024-03-10 (kund), of his own.
"""

from __future__ import annotations

from pathlib import Path

from intervjufas.model.answers import ActionItem, Answer, Moment
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.reading.process_map.start_map import carried_map
from intervjufas.report.model import FollowUp, Report
from intervjufas.report.render import render

ANNA, ERIK = "Anna Berg", "Erik Ek"
FIRST = "2024-01-15-lager.md"
SECOND = "2024-02-20-truck.md"
THIRD = "2024-03-05-plock.md"
ERIKS = "2024-03-10-kund.md"

KRAVPROFIL = Moment("Kravprofil", ("kunden",), "En vecka före", id="m0krav")
KALLELSE = Moment("Kallelse", ("kandidaten",), id="m0kall")
INTERVJU = Moment("Intervju", ("kunden", "kandidaten"), id="m0intv")
DUBBEL = Moment("Dubbelbokning", ("kollegor",), id="m0dubb")
ATERKOPPLING = Moment("Återkoppling", ("kandidaten",), id="m0ater")

ADD = ActionItem(
    "Förberedande samtal", "Minska nervositeten", id="a1add", moment_id="m0forb", involves=("kandidaten",)
)
DEVELOP = ActionItem("Kallelse", "Tydligare information", id="a1dev", moment_id="m0kall")
REMOVE = ActionItem("Dubbelbokning", "Tar för mycket tid", id="a1rem", moment_id="m0dubb")
DEVELOP_2 = ActionItem("Intervju", "Mer struktur", id="a2dev", moment_id="m0intv")


def _report(report_id: str, date: str, uppdrag: str, author: str) -> Report:
    report = Report.new(builtin_set("kartlaggning"))
    report.report_id = report_id
    report.created = report.updated = f"{date}T10:00:00+01:00"
    report.author = author
    report.answers.update(
        {"uppdrag": Answer(uppdrag), "kund": Answer("Nordlager AB"), "datum": Answer(date)}
        | {
            f"{phase}_{kind}": Answer("Nej")
            for phase in ("fore", "under", "efter")
            for kind in ("lagga_till", "utveckla", "ta_bort")
        }
    )
    return report


def _with_map(report: Report, phases: dict[str, tuple[Moment, ...]]) -> None:
    for phase, moments in phases.items():
        report.answers[f"{phase}_karta"] = Answer(moments or None)


def _plan(report: Report, question: str, *items: ActionItem) -> None:
    report.answers[question.removesuffix("_vad")] = Answer("Ja")
    report.answers[question] = Answer(items)


def _follow_up(report: Report, source_id: str, item: ActionItem, kind: str, status: str) -> None:
    label = f"{item.moment} (Steg 1 · {kind} · 2024-01-15)"
    report.follow_ups.append(FollowUp(f"{source_id}/{item.id}", label, Answer(status)))


def sample_reports() -> list[tuple[str, Report]]:
    first = _report("r1lager", "2024-01-15", "Lager", ANNA)
    map_1 = {"fore": (KRAVPROFIL, KALLELSE), "under": (INTERVJU, DUBBEL), "efter": (ATERKOPPLING,)}
    _with_map(first, map_1)
    _plan(first, "fore_lagga_till_vad", ADD)
    _plan(first, "fore_utveckla_vad", DEVELOP)
    _plan(first, "under_ta_bort_vad", REMOVE)

    second = _report("r2truck", "2024-02-20", "Truck", ANNA)
    _follow_up(second, "r1lager", ADD, "lägga till", "Genomfört")
    _follow_up(second, "r1lager", DEVELOP, "utveckla", "Genomfört")
    _follow_up(second, "r1lager", REMOVE, "ta bort", "Delvis")
    map_2 = carried_map(map_1, [("lagga_till", "fore", ADD), ("utveckla", "fore", DEVELOP)], "2024-02-20")
    renamed = Moment("Genomgång av kravprofilen", KRAVPROFIL.involves, KRAVPROFIL.note, id=KRAVPROFIL.id)
    map_2["fore"] = (renamed, *map_2["fore"][1:])
    _with_map(second, map_2)
    _plan(second, "under_utveckla_vad", DEVELOP_2)

    third = _report("r3plock", "2024-03-05", "Plock", ANNA)
    _follow_up(third, "r1lager", REMOVE, "ta bort", "Genomfört")
    _follow_up(third, "r2truck", DEVELOP_2, "utveckla", "Genomfört")
    map_3 = carried_map(map_2, [("ta_bort", "under", REMOVE), ("utveckla", "under", DEVELOP_2)], "2024-03-05")
    map_3["fore"] = tuple(m for m in map_3["fore"] if m.id != KALLELSE.id)
    map_3["efter"] = (*map_3["efter"], Moment("Referenstagning", ("kunden",), id="m3refs"))
    _with_map(third, map_3)

    eriks = _report("r4erik", "2024-03-10", "Kund", ERIK)
    _with_map(
        eriks, {"fore": (Moment("Telefonscreening", ("kandidaten",), id="e1tele"),), "under": (), "efter": ()}
    )
    return [(FIRST, first), (SECOND, second), (THIRD, third), (ERIKS, eriks)]


def write_sample_reports(folder: Path) -> Path:
    """The sample reports written into ``folder`` (made if needed); the folder."""
    questionnaire = builtin_set("kartlaggning")
    folder.mkdir(parents=True, exist_ok=True)
    for name, report in sample_reports():
        (folder / name).write_text(render(report, questionnaire), encoding="utf-8")
    return folder
