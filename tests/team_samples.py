"""A team's reports folder: four consultants' maps (older maps too), one report without an author and
one anonymised, with names that are one moment spelled differently, and notes, answers and plan
reasons that must never reach a team view (each holds the word ``HEMLIGT``)."""

from __future__ import annotations

from pathlib import Path

from intervjufas.model.answers import ActionItem, Answer, Moment
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.report.model import Report
from intervjufas.report.render import render

SECRET = "HEMLIGT"
TEAM = ("Anna", "Bo", "Cecilia", "Dan")
# Steg 1's rating of the customer's experience, by report (3 when not listed).
RATINGS = {"anna0": 2, "anna1": 4, "bo1": 5, "cec1": 1, "dan1": 2, "eva1": 5}


def _report(report_id: str, date: str, author: str, phases: dict[str, tuple[str, ...]]) -> Report:
    report = Report.new(builtin_set("kartlaggning"))
    report.report_id = report_id
    report.created = report.updated = f"{date}T10:00:00+01:00"
    report.author = author
    report.answers.update(
        {
            "uppdrag": Answer(f"Uppdrag {report_id}"),
            "kund": Answer("Nordlager AB"),
            "datum": Answer(date),
            "fore_kunden": Answer(f"Svar med {SECRET} text"),
            "fore_lagga_till": Answer("Ja"),
            "fore_lagga_till_vad": Answer(
                (ActionItem("Checklista", f"Skäl {SECRET}", id=f"{report_id}a", involves=("kunden",)),)
            ),
        }
    )
    report.answers["fore_betyg_kund"] = Answer(RATINGS.get(report_id, 3))
    for phase, names in phases.items():
        moments = tuple(
            Moment(
                name.split("|")[0],
                (name.split("|")[1],) if "|" in name else ("kandidaten",) if "kandidat" in name.casefold() else ("kunden",),
                f"Notering {SECRET}",
            )
            for name in names
        )
        report.answers[f"{phase}_karta"] = Answer(moments or None)
    return report


def team_reports() -> list[tuple[str, Report]]:
    common = ("Kravprofil", "Kallelse")
    found = [
        ("2024-01-10-anna-gammal.md", _report("anna0", "2024-01-10", "Anna", {"fore": ("Gammalt moment",)})),
        (
            "2024-03-01-anna.md",
            _report("anna1", "2024-03-01", "Anna", {"fore": (*common, "Referenstagning"), "efter": ("Återkoppling till kandidat",)}),
        ),
        (
            "2024-03-02-bo.md",
            _report("bo1", "2024-03-02", "Bo", {"fore": ("Kravprofil", "Kallelse|kandidaten", "Referenser"), "efter": ("Återkoppling till varje kandidat",)}),
        ),
        (
            "2024-03-03-cecilia.md",
            _report("cec1", "2024-03-03", "Cecilia", {"fore": ("kravprofil",), "efter": ("Återkoppling till kund",)}),
        ),
        ("2024-03-04-dan.md", _report("dan1", "2024-03-04", "Dan", {"fore": ("Kravprofil", "Ringa dagen innan")})),
        ("2024-02-01-utan-namn.md", _report("nob1", "2024-02-01", "", {"fore": ("Kravprofil",)})),
    ]
    anonymised = _report("eva1", "2024-03-05", "Eva", {"fore": ("Kallelse",)})
    anonymised.extra_header["anonymiserad"] = "2024-06-01"
    found.append(("2024-03-05-eva.md", anonymised))
    return found


def write_team_reports(folder: Path) -> Path:
    questionnaire = builtin_set("kartlaggning")
    folder.mkdir(parents=True, exist_ok=True)
    for name, report in team_reports():
        (folder / name).write_text(render(report, questionnaire), encoding="utf-8")
    return folder
