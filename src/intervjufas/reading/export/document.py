"""A report as a neutral document for the exports (``exportera``): its title, the assignment's
details, one section per step with every answer as plain text, the follow-ups of earlier plans,
the action plan with each item's current status (its newest follow-up in the folder, from the one
model of the plan's state, ``reading.plan``) and – when the report has one – the process map.

The HTML and Word views draw from this data, never from the report's Markdown, so an answer comes
out as it was given (its line breaks included) in every format, and both formats hold the same
things.  Text from the file is made safe here, once: control characters become visible symbols and
characters that XML cannot hold are replaced, so no view can be broken by what a report contains.
The customer version (``reading.customer_version``) is made from the same document.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from intervjufas.files.settings import login_name
from intervjufas.folder.loading import LoadedReport
from intervjufas.model.answers import (
    Answer,
    display,
    items_in,
    moments_in,
    normalize_newlines,
)
from intervjufas.model.questionnaire import Questionnaire, Step, step_status
from intervjufas.model.questions import Question
from intervjufas.model.safe_text import visible
from intervjufas.reading.export.audience import colleague_names, plan_involves
from intervjufas.reading.plan.state import PLANNED
from intervjufas.reading.plan.state import FollowUpEntry as ItemFollowUp
from intervjufas.report.model import FOLLOW_UP_TITLE, OTHER_TITLE, PLAN_TITLE, Report, header_text
from intervjufas.report.plan import planned_items
from intervjufas.report.process_map.mermaid import MapNode, MapPhase
from intervjufas.report.process_map.report_map import has_map, map_phases, process_map

FACTS_TITLE = "Uppgifter om uppdraget"
MAP_TITLE = "Processkarta"
NOT_ANSWERED = "Inga svar ännu i det här steget."
UNNAMED = "namnlöst uppdrag"
PLAN_HEADER = ("Steg", "Typ", "Moment", "Varför", "Status")
_NONCHARACTER = re.compile(
    "[\ufdd0-\ufdef"
    + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
    + "]"
)

# Who a moment of the process map involves.
CUSTOMER, CANDIDATE, COLLEAGUES = "kunden", "kandidaten", "kollegor"


# -- answers as content ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TextContent:
    """Free text; ``\\n`` separates lines, an empty line separates paragraphs."""

    text: str


@dataclass(frozen=True)
class ChoiceContent:
    choice: str
    comment: str = ""


@dataclass(frozen=True)
class RatingContent:
    value: int
    maximum: int
    label: str = ""

    @property
    def text(self) -> str:
        return f"{self.value} av {self.maximum}" + (f" ({self.label})" if self.label else "")


@dataclass(frozen=True)
class ListContent:
    items: tuple[str, ...]


@dataclass(frozen=True)
class ItemsContent:
    """Action items: (moment, why) pairs."""

    items: tuple[tuple[str, str], ...]


Content = TextContent | ChoiceContent | RatingContent | ListContent | ItemsContent


# -- the document ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    """One detail of the assignment; ``customer_label`` is its label in the customer version
    ("" leaves it out of that)."""

    label: str
    value: str
    customer_label: str = ""


@dataclass(frozen=True)
class Entry:
    """One answer under its heading (no heading: the content stands directly under its block)."""

    question_id: str
    heading: str
    content: Content
    customer_heading: str = ""
    rating: bool = False


@dataclass(frozen=True)
class Block:
    """Entries under a group's title and lead text, or loose entries (empty title)."""

    title: str
    text: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Section:
    """One step of the report."""

    key: str
    heading: str  # "Steg 1: Före intervjun"
    title: str  # "Före intervjun"
    lead: str
    blocks: tuple[Block, ...]
    status: str = ""

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(entry for block in self.blocks for entry in block.entries)


@dataclass(frozen=True)
class FollowUpEntry:
    """How an item of an earlier plan went."""

    label: str
    status: str
    comment: str = ""


@dataclass(frozen=True)
class PlanRow:
    """One planned change.  ``involves`` says whom its moment involves (kunden, kandidaten,
    kollegor) when that is known, e.g. from a process map; None when it is not.  ``status`` is
    the item's newest follow-up in the folder (Genomfört, Delvis, Inte än, Släpp) and
    ``status_date`` that follow-up's date; None when nobody has followed it up (``PLANNED``)."""

    step_label: str
    step_title: str
    kind: str  # lagga_till, utveckla, ta_bort
    kind_label: str
    moment: str
    why: str
    involves: tuple[str, ...] | None = None
    identity: str = ""
    status: str | None = None
    status_date: str = ""
    status_label: str = PLANNED  # the status as the table shows it


@dataclass(frozen=True)
class Document:
    title: str
    uppdrag: str
    author: str
    date: str  # the date the document is about (ÅÅÅÅ-MM-DD)
    created: str  # ISO timestamps of the report ("" when unknown)
    updated: str
    facts: tuple[Fact, ...]
    sections: tuple[Section, ...]
    follow_ups: tuple[FollowUpEntry, ...] = ()
    plan: tuple[PlanRow, ...] = ()
    other: tuple[Entry, ...] = ()
    process_map: tuple[MapPhase, ...] | None = None
    customer: bool = False
    intro: str = ""
    facts_title: str = FACTS_TITLE
    follow_up_title: str = FOLLOW_UP_TITLE
    plan_title: str = PLAN_TITLE
    plan_header: tuple[str, ...] = PLAN_HEADER
    other_title: str = OTHER_TITLE
    map_title: str = MAP_TITLE
    colleagues: tuple[str, ...] = ()  # names of the consultant's side, never shown to the customer

    @property
    def plan_cells(self) -> list[tuple[str, ...]]:
        """The rows of the plan table, in the columns of ``plan_header``."""
        if self.customer:
            return [(r.step_title, r.kind_label, r.moment, r.why, r.status_label) for r in self.plan]
        return [(r.step_label, r.kind_label, r.moment, r.why, r.status_label) for r in self.plan]


def clean(text: Any) -> str:
    """Text from a report made safe for every export format (see the module docstring):
    control characters shown as symbols, and Unicode's non-characters (which neither XML nor
    HTML may hold) replaced by U+FFFD."""
    text = visible(normalize_newlines(str(text)))
    return _NONCHARACTER.sub("\ufffd", text) if _NONCHARACTER.search(text) else text


def content_of(question: Question, answer: Answer) -> Content | None:
    """An answer as content, the way its question type holds it; None for an empty answer."""
    value = answer.value
    if value is None:
        return None
    kind = question.kind
    if kind.is_rating and isinstance(value, int):
        return RatingContent(value, question.scale_max, clean(dict(question.scale_labels).get(value, "")))
    if isinstance(value, tuple):
        if items := items_in(value):
            return ItemsContent(tuple((clean(i.moment), clean(i.why)) for i in items))
        if moments := moments_in(value):  # the moments of the map: name, whom, note
            return ListContent(tuple(clean(display((m,)) + (f" – {m.note}" if m.note else "")) for m in moments))
        return ListContent(tuple(clean(item) for item in value))
    if kind.choices(question) or answer.comment:
        return ChoiceContent(clean(value), clean(answer.comment))
    return TextContent(clean(value))


def _facts(report: Report, questionnaire: Questionnaire | None) -> list[Fact]:
    facts = []
    for question in questionnaire.metadata if questionnaire else ():
        answer = report.answers.get(question.id)
        content = content_of(question, answer) if answer is not None else None
        if content is None:
            continue
        facts.append(Fact(clean(question.label), plain_text(content), clean(question.customer_heading)))
    for key, raw in report.extra_metadata.items():
        if header_text(raw).strip():
            facts.append(Fact(clean(key), clean(header_text(raw).strip())))
    return facts


def plain_text(content: Content) -> str:
    """Content as one text (for a detail of the assignment, or a table cell)."""
    if isinstance(content, (TextContent, RatingContent)):
        return content.text
    if isinstance(content, ChoiceContent):
        return f"{content.choice}\n{content.comment}" if content.comment else content.choice
    if isinstance(content, ListContent):
        return ", ".join(content.items)
    return "; ".join(f"{moment} (varför: {why})" if why else moment for moment, why in content.items)


def _map(report: Report, questionnaire: Questionnaire | None) -> tuple[MapPhase, ...] | None:
    """The report's process map (None when its set maps no process or nothing is mapped)."""
    if questionnaire is None or not has_map(questionnaire):
        return None
    drawn = process_map(report, questionnaire)
    return None if drawn.empty else map_phases(drawn)


def _cleaned_map(phases: tuple[MapPhase, ...] | None) -> tuple[MapPhase, ...] | None:
    if phases is None:
        return None
    return tuple(
        MapPhase(
            clean(phase.title),
            tuple(
                MapNode(clean(m.label), tuple(clean(w) for w in m.involves), m.state, clean(m.note))
                for m in phase.nodes
            ),
        )
        for phase in phases
    )


def _section(report: Report, step: Step) -> Section:
    blocks: list[Block] = []
    loose: list[Entry] = []
    for question in step.questions:
        answer = report.answers.get(question.id)
        content = content_of(question, answer) if answer is not None else None
        if content is None:
            continue
        entry = Entry(
            question.id,
            clean(question.text),
            content,
            clean(question.customer_heading),
            question.kind.is_rating,
        )
        group = question.group
        if group is None:
            loose.append(entry)
            continue
        if loose:
            blocks.append(Block("", "", tuple(loose)))
            loose = []
        text = group.text if group.text != group.title else ""
        if blocks and blocks[-1].title == clean(group.title) and blocks[-1].text == clean(text):
            blocks[-1] = Block(blocks[-1].title, blocks[-1].text, (*blocks[-1].entries, entry))
        else:
            blocks.append(Block(clean(group.title), clean(text), (entry,)))
    if loose:
        blocks.append(Block("", "", tuple(loose)))
    lead = clean(step.lead)
    return Section(
        step.id,
        clean(step.heading),
        clean(step.title),
        lead,
        tuple(blocks),
        step_status(step, report.answers),
    )


def _plan(
    report: Report, questionnaire: Questionnaire, follow_ups: Mapping[str, ItemFollowUp]
) -> list[PlanRow]:
    """The planned changes, each with whom its moment involves (``reading.export.audience``) and
    its newest follow-up (``follow_ups``, by the item's identity)."""
    whom = plan_involves(report, questionnaire)
    rows = []
    for item in planned_items(report, questionnaire):
        latest = follow_ups.get(item.identity)
        rows.append(
            PlanRow(
                clean(item.step.label),
                clean(item.step.title),
                item.question.plan or "",
                item.kind_label,
                clean(item.item.moment),
                clean(item.item.why),
                whom[item.key],
                identity=item.identity,
                status=latest.status if latest else None,
                status_date=clean(latest.date) if latest else "",
                status_label=clean(f"{latest.status} {latest.date}") if latest else PLANNED,
            )
        )
    return rows


def build_document(
    loaded: LoadedReport,
    *,
    process_map: tuple[MapPhase, ...] | None = None,
    author: str | None = None,
    statuses: Mapping[str, ItemFollowUp] | None = None,
) -> Document:
    """The whole report as a document.  The author is the report's own (a header key
    ``forfattare``) when it records one, else ``author``, else the login name.  ``statuses``
    (item identity -> newest follow-up, ``folder_items.current_follow_ups``) gives each planned
    item its status; an item it does not name is ``PLANNED``."""
    report, questionnaire = loaded.report, loaded.questionnaire
    uppdrag = clean(report.detail("uppdrag"))
    set_title = questionnaire.title if questionnaire else report.question_set.id
    recorded = report.recorded_author
    follow_ups = tuple(
        FollowUpEntry(clean(f.label), clean(f.status or ""), clean(f.answer.comment))
        for f in report.follow_ups
        if f.status or f.answer.comment
    )
    other = tuple(
        Entry(key, clean(raw.heading or key), TextContent(clean(raw.body.strip())))
        for key, raw in report.extra_answers.items()
        if raw.body.strip()
    )
    return Document(
        title=f"{clean(set_title)}: {uppdrag or UNNAMED}",
        uppdrag=uppdrag,
        author=clean(recorded or author or login_name()),
        date=clean(report.date),
        created=clean(report.created),
        updated=clean(report.updated),
        facts=tuple(_facts(report, questionnaire)),
        sections=tuple(_section(report, step) for step in questionnaire.steps) if questionnaire else (),
        follow_ups=follow_ups,
        plan=tuple(_plan(report, questionnaire, statuses or {})) if questionnaire else (),
        other=other,
        process_map=_cleaned_map(process_map if process_map is not None else _map(report, questionnaire)),
        colleagues=tuple(clean(name) for name in colleague_names(report)),
    )
