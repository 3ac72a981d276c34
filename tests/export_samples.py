"""Reports and process maps for the export tests: every kind of answer, line breaks, follow-ups,
an answer the set does not know, and text that tries to break HTML, XML and terminals."""

from __future__ import annotations

from pathlib import Path

from intervjufas.model.answers import ActionItem, Answer
from intervjufas.model.questions import Questionnaire
from intervjufas.reading.document import MapMoment, MapPhase
from intervjufas.reports.loading import LoadedReport, load_report
from intervjufas.reports.model import FollowUp, RawAnswer, Report
from intervjufas.reports.render import render

HOSTILE = '<script>alert("x")</script> & </p><!-- -->]]> \x1b[31mröd\x07'
MULTI_LINE = "Första raden.\nAndra raden.\n\nEtt nytt stycke."
REFLECTION = "Jag borde ha förberett mig bättre själv."
FOLLOW_UP_COMMENT = "Checklistan används nu i alla uppdrag."
CUSTOMER_ITEM = ("Genomgång av kravprofilen med arbetsgivaren", "Kunden vet vad vi letar efter")
CANDIDATE_ITEM = ("Tydligare avslut", "Kandidaten ska veta vad som händer sedan")


def full_report(questionnaire: Questionnaire) -> Report:
    """A finished mapping (kartlaggning) with answers of every type."""
    report = Report.new(questionnaire)
    report.created = "2026-03-02T09:15:00+01:00"
    report.updated = "2026-03-04T16:40:00+01:00"
    report.answers.update(
        {
            "uppdrag": Answer("Lagerarbetare till Nordlager"),
            "kund": Answer("Nordlager AB"),
            "roll": Answer("Lagerarbetare"),
            "intervjuform": Answer(("Telefonintervju", "Konventionell intervju")),
            "genomforande": Answer("Tillsammans med en kollega"),
            "kollega": Answer("Anna Berg"),
            "datum": Answer("2026-03-02"),
            "fore_kunden": Answer(MULTI_LINE),
            "fore_kandidaten": Answer(HOSTILE),
            "fore_kollegor": Answer("Vi delar upp kandidaterna."),
            "fore_lagga_till": Answer("Ja"),
            "fore_lagga_till_vad": Answer((ActionItem(*CUSTOMER_ITEM), ActionItem("Påminnelse", ""))),
            "fore_utveckla": Answer("Nej"),
            "fore_ta_bort": Answer("Nej"),
            "fore_upplevelse_kund": Answer(REFLECTION),
            "fore_betyg_kund": Answer(4),
            "fore_upplevelse_kandidat": Answer("Kandidaten vet vad som väntar."),
            "fore_betyg_kandidat": Answer(2),
            "under_genomfor": Answer("Kunden leder intervjun."),
            "under_struktur": Answer("Delvis", "Strukturen varierar."),
            "under_syfte": Answer("Ja"),
            "under_lagga_till": Answer("Nej"),
            "under_utveckla": Answer("Ja"),
            "under_utveckla_vad": Answer((ActionItem(*CANDIDATE_ITEM),)),
            "under_ta_bort": Answer("Nej"),
            "efter_moment": Answer("Återkoppling inom en vecka."),
            "efter_rutin": Answer("Nej"),
            "efter_lagga_till": Answer("Nej"),
            "efter_utveckla": Answer("Nej"),
            "efter_ta_bort": Answer("Nej"),
            "efter_betyg_kund": Answer(5),
        }
    )
    report.follow_ups = [
        FollowUp(
            "abc/fore_lagga_till_vad/1",
            "Checklista till kunden (Steg 1 · lägga till · 2026-01-10)",
            Answer("Genomfört", FOLLOW_UP_COMMENT),
        )
    ]
    report.extra_answers["egen_anteckning"] = RawAnswer("Egen anteckning", "Kunden vill prova video.")
    return report


def write_and_load(
    folder: Path, report: Report, questionnaire: Questionnaire, name: str = "rapport.md"
) -> LoadedReport:
    """The report written as the program writes it, and read back as the export reads it."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(render(report, questionnaire), encoding="utf-8")
    return load_report(path, questionnaire)


def sample_map() -> tuple[MapPhase, ...]:
    """A process map with every state and whom each moment involves."""
    return (
        MapPhase(
            "Före intervjun",
            (
                MapMoment("Kravprofil med kunden", ("kunden",), "kept", "Tar en timme"),
                MapMoment("Kallelse till kandidaten", ("kandidaten",), "new", "Mejl och sms"),
                MapMoment("Planering i teamet", ("kollegor",), "kept", "Intern anteckning"),
            ),
        ),
        MapPhase(
            "Under intervjun",
            (
                MapMoment(HOSTILE, ("kunden", "kandidaten"), "develop"),
                MapMoment("Dubbelbokning", ("kollegor",), "remove"),
            ),
        ),
        MapPhase("Efter intervjun", (MapMoment("Återkoppling", ("kandidaten",), "developed"),)),
    )
