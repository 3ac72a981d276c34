"""The two versions of an export – the whole report, or the customer version written to the
employer – as the document the export draws (``export_document``), and what the user is told
about it (a question set that is not installed, a customer version that says nothing about the
process).

The customer version is the process as the customer meets it, and the changes planned for it:

- the assignment's details marked for the customer (``kundrubrik`` on a detail);
- of a process map, the moments that involve the customer or the candidate, in the map's order –
  without the marks of planned changes (a moment still to be added is not yet part of the
  process: it stands among the changes), without whom each involves and without the consultant's
  notes;
- the planned changes whose moments involve the customer or the candidate (``PlanRow.involves``,
  from the map – see ``reading.export.audience``); only for a report without a map, those whose
  moment or reason mentions the customer (``kund``, ``arbetsgivar``, in any case); each with its
  current status in plain words (``customer_status``);
- the answers marked for the customer (``kundrubrik``), under their customer headings: the
  consultant's own text, so with a map they come along only when the consultant chooses
  (``notes``), as do the map's notes; without a map they are the only description of the process.

Never: the consultant's reflection, ratings, follow-ups of earlier plans, answers the set does not
know – nor a colleague's name (replaced by "en kollega" wherever it is written).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from intervjufas.folder.loading import load_report
from intervjufas.reading.export.audience import hide_names, meets_customer
from intervjufas.reading.export.document import (
    Block,
    ChoiceContent,
    Content,
    Document,
    Entry,
    ItemsContent,
    ListContent,
    PlanRow,
    Section,
    TextContent,
    build_document,
)
from intervjufas.reading.plan.folder_items import current_follow_ups
from intervjufas.reading.plan.state import PLANNED
from intervjufas.report.process_map.mermaid import MapNode, MapPhase

TITLE = "Intervjuprocessen"
FACTS_TITLE = "Om uppdraget"
PLAN_TITLE = "Planerade förändringar"
PLAN_HEADER = ("Del av processen", "Förändring", "Moment", "Varför", "Status")
# An item's newest follow-up as the customer reads it, with the follow-up's date.
STATUS_WORDS = {
    "Genomfört": "Genomförd {date}",
    "Delvis": "Delvis genomförd {date}",
    "Inte än": "Inte genomförd än ({date})",
    "Släpp": "Slopad {date}",
}
MAP_TITLE = "Så går intervjuprocessen till"
KIND_WORDS = {"lagga_till": "Nytt moment", "utveckla": "Utvecklas", "ta_bort": "Tas bort"}
INTRO = (
    "Här beskriver vi hur intervjuprocessen i uppdraget går till för er och för kandidaterna: "
    "före, under och efter intervjuerna."
)
INTRO_PLAN = " Sist står de förändringar som vi planerar."
_MENTIONS_CUSTOMER = re.compile(r"kund|arbetsgivar", re.IGNORECASE)
NO_PROCESS = (
    "ingen fråga som rapporten besvarar är markerad för kundversionen (nyckeln kundrubrik i "
    "frågefilen), så den innehåller bara uppgifterna om uppdraget"
)
NO_CUSTOMER_MOMENTS = (
    "inget moment i processkartan berör kunden eller kandidaten, så kundversionen beskriver inte "
    "processen; med --med-noteringar kommer dina svar om den med"
)
UNKNOWN_SET = "frågeuppsättningen '{set_id}' finns inte här; svaren exporteras under rubrikerna i rapporten"


def export_document(
    path: Path, *, customer: bool, notes: bool = False, folder: Path | None = None
) -> tuple[Document, list[str]]:
    """The report at ``path`` as a document, and warnings (each beginning with the file's name).
    Its planned items carry their current status, from the headers of the reports ``folder`` and
    of the report's own (``folder_items.current_follow_ups``)."""
    loaded = load_report(path)
    document = build_document(loaded, statuses=current_follow_ups(folder, path))
    warnings = []
    if loaded.questionnaire is None:
        warnings.append(UNKNOWN_SET.format(set_id=loaded.report.question_set.id))
    if customer:
        full, document = document, customer_version(document, notes=notes)
        if not has_process(document):
            warnings.append(NO_PROCESS if full.process_map is None or notes else NO_CUSTOMER_MOMENTS)
    return document, [f"{path.name}: {warning}" for warning in warnings]


def concerns_customer(row: PlanRow) -> bool:
    """Does this planned change belong in the customer version? (See the module docstring.)"""
    if row.involves is not None:
        return meets_customer(row.involves)
    return bool(_MENTIONS_CUSTOMER.search(row.moment) or _MENTIONS_CUSTOMER.search(row.why))


def _hidden(content: Content, names: tuple[str, ...]) -> Content:
    """Content with the colleagues' names replaced."""
    if isinstance(content, TextContent):
        return TextContent(hide_names(content.text, names))
    if isinstance(content, ChoiceContent):
        return ChoiceContent(hide_names(content.choice, names), hide_names(content.comment, names))
    if isinstance(content, ListContent):
        return ListContent(tuple(hide_names(item, names) for item in content.items))
    if isinstance(content, ItemsContent):
        return ItemsContent(tuple((hide_names(m, names), hide_names(w, names)) for m, w in content.items))
    return content


def _customer_section(section: Section, names: tuple[str, ...]) -> Section | None:
    """The section with only the answers marked for the customer, each under its customer heading
    (answers that share a heading stand together under it)."""
    blocks: dict[str, list[Entry]] = {}
    for entry in section.entries:
        if entry.customer_heading and not entry.rating:
            shown = replace(entry, heading="", content=_hidden(entry.content, names))
            blocks.setdefault(entry.customer_heading, []).append(shown)
    if not blocks:
        return None
    entries = tuple(Block(heading, "", tuple(group)) for heading, group in blocks.items())
    return Section(section.key, section.title, section.title, "", entries)


def _customer_map(
    phases: tuple[MapPhase, ...] | None, names: tuple[str, ...], *, notes: bool
) -> tuple[MapPhase, ...] | None:
    """The moments the customer or the candidate meets, as they are today: no marks, no one's
    names, notes only when asked for."""
    if phases is None:
        return None
    kept = []
    for phase in phases:
        moments = tuple(
            MapNode(hide_names(m.label, names), (), "kept", hide_names(m.note, names) if notes else "")
            for m in phase.nodes
            if meets_customer(m.involves) and m.state != "new"
        )
        if moments:
            kept.append(MapPhase(phase.title, moments))
    return tuple(kept) or None


def customer_version(document: Document, *, notes: bool = False) -> Document:
    """The document as the employer should get it (see the module docstring); ``notes`` brings
    the consultant's own text (the answers and the map's notes) along."""
    names = document.colleagues
    with_text = notes or document.process_map is None
    sections = tuple(
        s for s in (_customer_section(section, names) for section in document.sections) if s and with_text
    )
    plan = tuple(
        replace(
            row,
            kind_label=KIND_WORDS.get(row.kind, row.kind_label),
            moment=hide_names(row.moment, names),
            why=hide_names(row.why, names),
            involves=(),
            status_label=customer_status(row),
        )
        for row in document.plan
        if concerns_customer(row)
    )
    return replace(
        document,
        title=f"{TITLE}: {document.uppdrag}" if document.uppdrag else TITLE,
        facts=tuple(replace(f, label=f.customer_label) for f in document.facts if f.customer_label),
        sections=sections,
        follow_ups=(),
        plan=plan,
        other=(),
        process_map=_customer_map(document.process_map, names, notes=notes),
        customer=True,
        intro=INTRO + (INTRO_PLAN if plan else ""),
        facts_title=FACTS_TITLE,
        plan_title=PLAN_TITLE,
        plan_header=PLAN_HEADER,
        map_title=MAP_TITLE,
        colleagues=(),
    )


def customer_status(row: PlanRow) -> str:
    """An item's status in plain words: "Genomförd 2026-12-20", or "Planerad" before any follow-up."""
    if row.status is None:
        return PLANNED
    return STATUS_WORDS.get(row.status, f"{row.status} {{date}}").replace("{date}", row.status_date).strip()


def has_process(document: Document) -> bool:
    """Does the (customer) document describe any of the interview process?"""
    return bool(document.sections or document.process_map)
