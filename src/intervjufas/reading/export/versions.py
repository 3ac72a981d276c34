"""The two versions of an export – the whole report, or the customer version with only what is
meant for the employer – as the document the export draws (``export_document``), and what the
user is told about it (a question set that is not installed, a customer version that says nothing
about the process).

The customer version keeps the assignment's details, the interview process before, during and after, and the planned
changes that concern the customer, each with its status in plain words – and leaves out the
consultant's own reflection, the ratings,
the follow-ups of earlier plans and answers the question set does not know.

Which answers the customer sees is data, not code: a question of the set with ``kundrubrik`` is
shown under that heading (a detail of the assignment under that label); every other question is
left out.  Ratings are left out even if a question file marks one.  A planned change concerns the
customer when its moment involves the customer (``PlanRow.involves``, when a process map says so)
or, when that is not known, when its moment or its reason mentions the customer (``kund``,
``arbetsgivar``, in any case).  Of a process map, the moments that involve the customer or the
candidate are kept, without the consultant's notes.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from intervjufas.folder.loading import load_report
from intervjufas.reading.export.document import (
    CANDIDATE,
    CUSTOMER,
    Block,
    Document,
    Entry,
    PlanRow,
    Section,
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
MAP_TITLE = "Intervjuprocessen i korthet"
KIND_WORDS = {"lagga_till": "Läggs till", "utveckla": "Utvecklas", "ta_bort": "Tas bort"}
INTRO = "Här beskrivs intervjuprocessen i uppdraget: före, under och efter intervjuerna."
INTRO_PLAN = " Sist står de förändringar som vi planerar och som berör er."
_MENTIONS_CUSTOMER = re.compile(r"kund|arbetsgivar", re.IGNORECASE)
NO_PROCESS = (
    "ingen fråga som rapporten besvarar är markerad för kundversionen (nyckeln kundrubrik i "
    "frågefilen), så den innehåller bara uppgifterna om uppdraget"
)
UNKNOWN_SET = "frågeuppsättningen '{set_id}' finns inte här; svaren exporteras under rubrikerna i rapporten"


def export_document(path: Path, *, customer: bool, folder: Path | None = None) -> tuple[Document, list[str]]:
    """The report at ``path`` as a document, and warnings (each beginning with the file's name).
    Its planned items carry their current status, from the headers of the reports ``folder`` and
    of the report's own (``folder_items.current_follow_ups``)."""
    loaded = load_report(path)
    document = build_document(loaded, statuses=current_follow_ups(folder, path))
    warnings = []
    if loaded.questionnaire is None:
        warnings.append(UNKNOWN_SET.format(set_id=loaded.report.question_set.id))
    if customer:
        document = customer_version(document)
        if not has_process(document):
            warnings.append(NO_PROCESS)
    return document, [f"{path.name}: {warning}" for warning in warnings]


def concerns_customer(row: PlanRow) -> bool:
    """Does this planned change concern the customer? (See the module docstring.)"""
    if row.involves is not None:
        return CUSTOMER in row.involves
    return bool(_MENTIONS_CUSTOMER.search(row.moment) or _MENTIONS_CUSTOMER.search(row.why))


def _customer_section(section: Section) -> Section | None:
    """The section with only the answers marked for the customer, each under its customer heading
    (answers that share a heading stand together under it)."""
    blocks: dict[str, list[Entry]] = {}
    for entry in section.entries:
        if entry.customer_heading and not entry.rating:
            blocks.setdefault(entry.customer_heading, []).append(replace(entry, heading=""))
    if not blocks:
        return None
    entries = tuple(Block(heading, "", tuple(group)) for heading, group in blocks.items())
    return Section(section.key, section.title, section.title, "", entries)


def _customer_map(phases: tuple[MapPhase, ...] | None) -> tuple[MapPhase, ...] | None:
    if phases is None:
        return None
    kept = []
    for phase in phases:
        moments = tuple(
            MapNode(m.label, m.involves, m.state)
            for m in phase.nodes
            if CUSTOMER in m.involves or CANDIDATE in m.involves
        )
        if moments:
            kept.append(MapPhase(phase.title, moments))
    return tuple(kept) or None


def customer_version(document: Document) -> Document:
    """The document as the employer should get it (see the module docstring)."""
    sections = tuple(s for s in (_customer_section(section) for section in document.sections) if s)
    plan = tuple(
        replace(row, kind_label=KIND_WORDS.get(row.kind, row.kind_label), status_label=customer_status(row))
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
        process_map=_customer_map(document.process_map),
        customer=True,
        intro=INTRO + (INTRO_PLAN if plan else ""),
        facts_title=FACTS_TITLE,
        plan_title=PLAN_TITLE,
        plan_header=PLAN_HEADER,
        map_title=MAP_TITLE,
    )


def customer_status(row: PlanRow) -> str:
    """An item's status in plain words: "Genomförd 2026-12-20", or "Planerad" before any follow-up."""
    if row.status is None:
        return PLANNED
    return STATUS_WORDS.get(row.status, f"{row.status} {{date}}").replace("{date}", row.status_date).strip()


def has_process(document: Document) -> bool:
    """Does the (customer) document describe any of the interview process?"""
    return bool(document.sections or document.process_map)
