"""Reports and process maps for the export tests: every kind of answer, line breaks, follow-ups,
an answer the set does not know, and text that tries to break HTML, XML and terminals."""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

from intervjufas.folder.loading import LoadedReport, load_report
from intervjufas.model.answers import ActionItem, Answer, Moment
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.reading.export.content import ChoiceContent, Content, ListContent, RatingContent, TextContent
from intervjufas.reading.export.document import Document
from intervjufas.report.model import FollowUp, RawAnswer, Report
from intervjufas.report.process_map.mermaid import MapNode, MapPhase
from intervjufas.report.render import render

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
            "fore_karta": Answer(
                (
                    Moment("Kravprofil med kunden", ("kunden",), assignment_note="Tar en timme"),
                    Moment("Kallelse", ("kandidaten",)),
                )
            ),
            "fore_lagga_till": Answer("Ja"),
            "fore_lagga_till_vad": Answer(
                (ActionItem(*CUSTOMER_ITEM, involves=("kunden",)), ActionItem("Påminnelse", ""))
            ),
            "fore_utveckla": Answer("Nej"),
            "fore_ta_bort": Answer("Nej"),
            "fore_upplevelse_kund": Answer(REFLECTION),
            "fore_betyg_kund": Answer(4),
            "fore_upplevelse_kandidat": Answer("Kandidaten vet vad som väntar."),
            "fore_betyg_kandidat": Answer(2),
            "under_genomfor": Answer("Kunden leder intervjun."),
            "under_struktur": Answer("Delvis", "Strukturen varierar."),
            "under_syfte": Answer("Ja"),
            "under_karta": Answer((Moment("Intervju", ("kunden", "kandidaten")),)),
            "under_lagga_till": Answer("Nej"),
            "under_utveckla": Answer("Ja"),
            "under_utveckla_vad": Answer((ActionItem(*CANDIDATE_ITEM),)),
            "under_ta_bort": Answer("Nej"),
            "efter_moment": Answer("Återkoppling inom en vecka."),
            "efter_rutin": Answer("Nej"),
            "efter_karta": Answer(None),
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


# A consultant's report as the customer should never see it: a colleague's name in the map, in the
# plan and in the text, notes, marks, and changes for the consultant's own side.
COLLEAGUE = "Ahmed"
OWN_TEXT = "Ahmed tar referenser på de två starkaste."
NOTE = "Tar en timme, i deras lokaler"  # this assignment's own note
# A note about the process, carried from map to map: it may have been written for another customer.
PROCESS_NOTE = "Skickas från mallen i teamets mapp"
SHOWN_MOMENTS = (
    "Kravprofil med kunden",
    "Kallelse med praktisk information",
    "Strukturerad intervju med lagerchefen",
)
HIDDEN_MOMENTS = ("Referenstagning", "Genomgång i teamet")
SHOWN_CHANGES = ("Påminnelse dagen före", "Strukturerad intervju med lagerchefen")
HIDDEN_CHANGES = ("Referenstagning", "Checklista till kunden", "Nytt intervjurum")


def consultant_report(questionnaire: Questionnaire) -> Report:
    """The issue's report: which changes and moments the customer version shows is known."""
    report = Report.new(questionnaire)
    report.answers.update(
        {
            "uppdrag": Answer("Lagerarbetare till Nordlager"),
            "kund": Answer("Nordlager AB"),
            "roll": Answer("Lagerarbetare"),
            "genomforande": Answer("Tillsammans med en kollega"),
            "kollega": Answer("Anna Berg"),
            "datum": Answer("2026-12-01"),
            "fore_kunden": Answer(OWN_TEXT),
            "fore_karta": Answer(
                (
                    Moment(
                        "Kravprofil med kunden",
                        ("kunden",),
                        PROCESS_NOTE,
                        id="m1a2b3c4",
                        assignment_note=NOTE,
                    ),
                    Moment("Referenstagning", (COLLEAGUE,), "Ahmed ringer", id="m2a2b3c4"),
                    Moment("Kallelse med praktisk information", ("kandidaten",), id="m3a2b3c4"),
                )
            ),
            "fore_lagga_till": Answer("Ja"),
            "fore_lagga_till_vad": Answer(
                (
                    ActionItem("Påminnelse dagen före", "Färre uteblir", involves=("kandidaten",)),
                    ActionItem("Checklista till kunden", "Anna vill ha den", involves=("kollegor",)),
                )
            ),
            "fore_utveckla": Answer("Nej"),
            "fore_ta_bort": Answer("Ja"),
            "fore_ta_bort_vad": Answer(
                (ActionItem("Referenstagning", "Görs redan av Ahmed", moment_id="m2a2b3c4"),)
            ),
            "under_genomfor": Answer("Lagerchefen och jag intervjuar tillsammans."),
            "under_karta": Answer(
                (
                    Moment("Strukturerad intervju med lagerchefen", ("kunden", "kandidaten"), id="m4a2b3c4"),
                    Moment("Genomgång i teamet", ("kollegor", COLLEAGUE), id="m5a2b3c4"),
                )
            ),
            "under_lagga_till": Answer("Ja"),
            "under_lagga_till_vad": Answer((ActionItem("Nytt intervjurum", "Kunden klagar på ljudet"),)),
            "under_utveckla": Answer("Ja"),
            "under_utveckla_vad": Answer(
                (
                    ActionItem(
                        "Strukturerad intervju med lagerchefen",
                        "Samma frågor till alla",
                        moment_id="m4a2b3c4",
                    ),
                )
            ),
            "under_ta_bort": Answer("Nej"),
        }
    )
    return report


# An editor for the tests ($EDITOR): it rewrites one sentence of the customer text it is given.
EDIT = """\
import pathlib, sys
path = pathlib.Path(sys.argv[-1])
text = path.read_text(encoding="utf-8")
path.write_text(text.replace("Färre uteblir.", "Färre kandidater uteblir, och ni slipper vänta."), encoding="utf-8")
"""
EDITED = "ni slipper vänta"


def editor_command(folder: Path, script: str = EDIT) -> str:
    """An $EDITOR command line that runs ``script`` (with this Python) on the file."""
    path = folder / "redigera.py"
    path.write_text(script, encoding="utf-8")
    return f"{shlex.quote(sys.executable)} {shlex.quote(str(path))}"


def consultant_report_file(folder: Path, name: str) -> Path:
    """``consultant_report`` as a file in ``folder``, dated long ago."""
    questionnaire = builtin_set("kartlaggning")
    made = consultant_report(questionnaire)
    made.answers["datum"] = Answer("2024-05-01")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.md"
    path.write_text(render(made, questionnaire), encoding="utf-8")
    return path


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
                MapNode(
                    "Kravprofil med kunden",
                    ("kunden",),
                    "kept",
                    "För uppdraget: Tar en timme",
                    "Tar en timme",
                ),
                MapNode("Kallelse till kandidaten", ("kandidaten",), "new", "Mejl och sms"),
                MapNode("Planering i teamet", ("kollegor",), "kept", "Intern anteckning"),
            ),
        ),
        MapPhase(
            "Under intervjun",
            (
                MapNode(HOSTILE, ("kunden", "kandidaten"), "develop"),
                MapNode("Dubbelbokning", ("kollegor",), "remove"),
            ),
        ),
        MapPhase("Efter intervjun", (MapNode("Återkoppling", ("kandidaten",), "developed"),)),
    )


# -- what every export of a document must hold ------------------------------------------------------


def expected_outline(document: Document) -> list[tuple[int, str]]:
    """Every heading the export must have, with its level (0 for the title, 1–3 below it)."""
    outline = [(0, document.title)]
    if document.facts:
        outline.append((1, document.facts_title))
    if document.follow_ups:
        outline.append((1, document.follow_up_title))  # (the follow-ups are one table under it)
    if document.process_map:
        outline.append((1, document.map_title))
    for section in document.sections:
        outline.append((1, section.heading))
        for block in section.blocks:
            if block.title:
                outline.append((2, block.title))
            outline += [(3 if block.title else 2, e.heading) for e in block.entries if e.heading]
    if document.plan or not document.customer:
        outline.append((1, document.plan_title))
    if document.other:
        outline += [(1, document.other_title), *((2, e.heading) for e in document.other)]
    return outline


def content_paragraphs(content: Content) -> list[str]:
    """The paragraphs (or list items) an answer must show, line breaks included."""
    if isinstance(content, TextContent):
        return paragraphs(content.text)
    if isinstance(content, ChoiceContent):
        return [content.choice, *paragraphs(content.comment)]
    if isinstance(content, RatingContent):
        return [content.text]
    if isinstance(content, ListContent):
        return list(content.items)
    return [f"{moment}\nVarför: {why}" if why else moment for moment, why in content.items]


def paragraphs(text: str) -> list[str]:
    return [part.strip("\n") for part in re.split(r"\n[ \t]*\n+", text) if part.strip()]


def expected_paragraphs(document: Document) -> list[str]:
    """Every answer the export must show, as paragraphs (the details of the assignment, the
    follow-ups and the other tables are checked as tables)."""
    found: list[str] = []
    for section in document.sections:
        for entry in section.entries:
            found += content_paragraphs(entry.content)
    for entry in document.other:
        found += content_paragraphs(entry.content)
    return found


def big_map(count: int) -> tuple[MapPhase, ...]:
    """A map with ``count`` moments before the interview, one during it and none after it."""
    before = tuple(
        MapNode(
            f"Moment {n}: {HOSTILE}" if n % 997 == 0 else f"Moment {n}",
            (f"person {n % 7}",),
            "kept",
            f"not {n}",
        )
        for n in range(count)
    )
    return (
        MapPhase("Före intervjun", before),
        MapPhase("Under intervjun", (MapNode("Intervju", ("kandidaten",), "new"),)),
        MapPhase("Efter intervjun", ()),
    )
