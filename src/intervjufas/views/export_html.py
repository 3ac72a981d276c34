"""An export as one self-contained HTML file: readable on screen, and printed from a browser
("Skriv ut → Spara som PDF") as a clean PDF.

Everything is inline (CSS, the process map) and nothing needs a script or the network, so the file
can be mailed or opened anywhere.  Every text from the report is escaped with ``html.escape``; line
breaks in answers become ``<br>`` and blank lines new paragraphs.  The print stylesheet sets the
page margins, starts every step on a new page in the full version (the customer version is short
and flows), keeps headings with what follows and repeats table headers on every page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from intervjufas import __version__
from intervjufas.model.autolinks import address_spans
from intervjufas.reading.export.content import ChoiceContent, Content, ListContent, RatingContent, TextContent
from intervjufas.reading.export.document import (
    FOLLOW_UP_HEADER,
    NOT_ANSWERED,
    Block,
    Document,
    Entry,
    Section,
)
from intervjufas.report.process_map.mermaid import MARKS, MapNode, MapPhase, drawing, more_lines
from intervjufas.report.process_map.report_map import STATE_WORDS

if TYPE_CHECKING:
    from intervjufas.views.progress import PartProgress

WHY = "Varför:"
INVOLVES = "Berör:"
LEGEND = "Teckenförklaring:"
NO_PLAN = "Inga moment att lägga till, utveckla eller ta bort."
MAP_HEADER = ("Fas", "Moment", "Förändring", "Berör", "Notering")
CUSTOMER_MAP_HEADER = ("Del av processen", "Moment", "Kommentar")
_PARAGRAPHS = re.compile(r"\n[ \t]*\n+")

STYLE = """
:root { color-scheme: light; --ink: #1c2329; --muted: #55616b; --line: #d3dae0; --accent: #1d5c87;
  --soft: #f2f5f7; }
@page { size: A4; margin: 20mm 18mm 22mm; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #fff; color: var(--ink); line-height: 1.55; overflow-wrap: break-word;
  font-family: "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 2.5rem 1.5rem 4rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 1rem; color: var(--accent); }
h2 { font-size: 1.45rem; line-height: 1.25; margin: 2.5rem 0 .9rem; padding-bottom: .3rem;
  border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.15rem; line-height: 1.3; margin: 1.6rem 0 .45rem; }
h4 { font-size: 1rem; line-height: 1.35; margin: 1.2rem 0 .35rem; }
p { margin: 0 0 .7rem; }
ul, ol { margin: 0 0 .8rem; padding-left: 1.4rem; }
li { margin-bottom: .3rem; }
.intro { font-size: 1.1rem; color: var(--muted); }
.lead { font-style: italic; color: var(--muted); }
.choice, .rating { font-weight: 600; }
.why { color: var(--muted); }
.empty { color: var(--muted); font-style: italic; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1.5rem; margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
table { width: 100%; border-collapse: collapse; margin: .4rem 0 1rem; font-size: .95rem; }
th, td { text-align: left; vertical-align: top; padding: .45rem .6rem; border-bottom: 1px solid var(--line); }
td { overflow-wrap: anywhere; }
th { overflow-wrap: normal; word-break: keep-all; hyphens: manual; }
a { color: var(--accent); }
thead th { background: var(--soft); border-bottom: 2px solid var(--ink); }
.plan th:nth-child(-n+2), .plan td:nth-child(-n+2) { white-space: nowrap; }
.map { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 1rem; }
.phase h3 { margin-top: 0; font-size: 1.05rem; color: var(--accent); }
.phase:not(:last-child) h3::after { content: " →"; color: var(--muted); }
.phase ol { list-style: none; padding: 0; margin: 0; }
.moment { border: 1px solid var(--line); border-left: 4px solid var(--line); border-radius: 4px;
  padding: .45rem .6rem; margin-bottom: .5rem; }
.moment .name { font-weight: 600; }
.moment .involves, .moment .note { display: block; font-size: .9rem; color: var(--muted); }
.moment .state { display: block; font-size: .85rem; font-weight: 600; }
.state-new { border-left-color: #2e7d32; background: #eef7ef; }
.state-develop { border-left-color: #c75000; background: #fff5ea; }
.state-remove { border-left-color: #c62828; background: #fdeeee; }
.state-remove .name { text-decoration: line-through; }
.state-developed { border-left-color: #1565c0; background: #ecf3fc; }
.moment.more { border-style: dashed; color: var(--muted); font-style: italic; }
.legend, .map-note { font-size: .9rem; color: var(--muted); }
.legend span { margin-right: 1rem; }
@media (max-width: 36rem) {
  main { padding: 1.5rem 1rem 3rem; }
  dl.facts { grid-template-columns: 1fr; gap: 0; }
  dl.facts dd { margin-bottom: .5rem; }
}
@media print {
  body { font-size: 10pt; line-height: 1.35; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 20pt; }
  h2 { font-size: 15pt; margin-top: 0; }
  h3 { font-size: 12pt; margin: 1rem 0 .3rem; }
  h4 { font-size: 10.5pt; margin: .7rem 0 .2rem; }
  p { margin-bottom: .4rem; }
  section.part { margin-top: 1.6rem; }
  .page-per-step section.step { break-before: page; }
  h2, h3, h4 { break-after: avoid; }
  p, li { orphans: 3; widows: 3; }
  tr, .moment, dl.facts { break-inside: avoid; }
  thead { display: table-header-group; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _text(text: str) -> str:
    return escape(text, quote=True)


def _linked(text: str) -> str:
    """Text with every web address in it a link, shown as it was typed (``model.autolinks``: the
    addresses the report writes as autolinks; only http, https and ftp)."""
    parts, position = [], 0
    for start, end in address_spans(text):
        address = _text(text[start:end])
        parts += [_text(text[position:start]), f'<a href="{address}">{address}</a>']
        position = end
    return "".join([*parts, _text(text[position:])])


def _lines(text: str) -> str:
    """One paragraph's lines, joined by line breaks (web addresses as links)."""
    return "<br>\n".join(_linked(line) for line in text.split("\n"))


def _paragraphs(text: str, css: str = "") -> list[str]:
    attribute = f' class="{css}"' if css else ""
    return [
        f"<p{attribute}>{_lines(part)}</p>" for part in _PARAGRAPHS.split(text.strip("\n")) if part.strip()
    ]


def _content(content: Content) -> list[str]:
    if isinstance(content, TextContent):
        return _paragraphs(content.text)
    if isinstance(content, ChoiceContent):
        return [f'<p class="choice">{_text(content.choice)}</p>', *_paragraphs(content.comment)]
    if isinstance(content, RatingContent):
        return [f'<p class="rating">{_text(content.text)}</p>']
    if isinstance(content, ListContent):
        return ["<ul>", *(f"<li>{_lines(item)}</li>" for item in content.items), "</ul>"]
    items = []
    for moment, why in content.items:
        reason = f'<br>\n<span class="why">{WHY} {_lines(why)}</span>' if why else ""
        items.append(f"<li><strong>{_text(moment)}</strong>{reason}</li>")
    return ['<ol class="items">', *items, "</ol>"]


def _entry(entry: Entry, level: int) -> list[str]:
    heading = [f"<h{level}>{_text(entry.heading)}</h{level}>"] if entry.heading else []
    return heading + _content(entry.content)


def _block(block: Block) -> list[str]:
    if not block.title:
        return [line for entry in block.entries for line in _entry(entry, 3)]
    lines = [f"<h3>{_text(block.title)}</h3>"]
    if block.text:
        lines += _paragraphs(block.text, "lead")
    for entry in block.entries:
        lines += _entry(entry, 4)
    return lines


def _section(section: Section, *, customer: bool = False) -> list[str]:
    lines = ['<section class="part step">', f"<h2>{_text(section.heading)}</h2>"]
    if section.lead:
        lines += _paragraphs(section.lead, "lead")
    if not section.entries and not customer:
        lines.append(f'<p class="empty">{_text(NOT_ANSWERED)}</p>')
    for block in section.blocks:
        lines += _block(block)
    return [*lines, "</section>"]


def _facts(document: Document) -> list[str]:
    if not document.facts:
        return []
    lines = ['<section class="part facts">', f"<h2>{_text(document.facts_title)}</h2>", '<dl class="facts">']
    for fact in document.facts:
        lines += [f"<dt>{_text(fact.label)}</dt>", f"<dd>{_lines(fact.value)}</dd>"]
    return [*lines, "</dl>", "</section>"]


def _follow_ups(document: Document) -> list[str]:
    if not document.follow_ups:
        return []
    lines = ['<section class="part follow-ups">', f"<h2>{_text(document.follow_up_title)}</h2>"]
    return [*lines, *_table(FOLLOW_UP_HEADER, document.follow_up_cells, "follow-up-table"), "</section>"]


def _table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]], css: str = "") -> list[str]:
    """A table with a header row (repeated on every printed page) and one row per entry."""
    cells = "".join(f'<th scope="col">{_text(cell)}</th>' for cell in header)
    attribute = f' class="{css}"' if css else ""
    lines = [f"<table{attribute}>", f"<thead><tr>{cells}</tr></thead>", "<tbody>"]
    lines += ["<tr>" + "".join(f"<td>{_lines(cell)}</td>" for cell in row) + "</tr>" for row in rows]
    return [*lines, "</tbody>", "</table>"]


def _plan(document: Document) -> list[str]:
    if document.customer and not document.plan:
        return []
    lines = ['<section class="part plan">', f"<h2>{_text(document.plan_title)}</h2>"]
    if not document.plan:
        return [*lines, f'<p class="empty">{_text(NO_PLAN)}</p>', "</section>"]
    header = "".join(f'<th scope="col">{_text(cell)}</th>' for cell in document.plan_header)
    lines += ["<table>", f"<thead><tr>{header}</tr></thead>", "<tbody>"]
    for row in document.plan_cells:
        lines.append("<tr>" + "".join(f"<td>{_lines(cell)}</td>" for cell in row) + "</tr>")
    return [*lines, "</tbody>", "</table>", "</section>"]


def _moment_lines(phase: MapPhase) -> list[str]:
    lines = []
    for moment in phase.nodes:
        mark = MARKS.get(moment.state, "")
        parts = [f'<span class="name">{_text(f"{mark} {moment.label}" if mark else moment.label)}</span>']
        if STATE_WORDS.get(moment.state):
            parts.append(f'<span class="state">{_text(STATE_WORDS[moment.state])}</span>')
        if moment.involves:
            parts.append(f'<span class="involves">{INVOLVES} {_text(", ".join(moment.involves))}</span>')
        if moment.note:
            parts.append(f'<span class="note">{_lines(moment.note)}</span>')
        lines.append(f'<li class="moment state-{_text(moment.state)}">{"".join(parts)}</li>')
    if phase.more:
        lines.append(f'<li class="moment more">{_text(more_lines(phase)[0])}</li>')
    return lines


def map_header(document: Document) -> tuple[str, ...]:
    """The columns of the map as a table: the customer version has neither the changes nor whom
    a moment involves, and a comment only when it shows the notes."""
    if not document.customer:
        return MAP_HEADER
    notes = any(m.note for p in document.process_map or () for m in p.nodes)
    return CUSTOMER_MAP_HEADER if notes else CUSTOMER_MAP_HEADER[:-1]


def moment_cells(moment: MapNode, header: tuple[str, ...]) -> tuple[str, ...]:
    """A moment's cells in the columns of ``header`` after the phase."""
    if header == MAP_HEADER:
        return (moment.label, STATE_WORDS.get(moment.state, ""), ", ".join(moment.involves), moment.note)
    return (moment.label, moment.note)[: len(header) - 1]


def _map_table(document: Document, phases: tuple[MapPhase, ...]) -> list[str]:
    header = map_header(document)
    cells = "".join(f'<th scope="col">{_text(cell)}</th>' for cell in header)
    lines = ['<table class="map-table">', f"<thead><tr>{cells}</tr></thead>", "<tbody>"]
    for phase in phases:
        for number, moment in enumerate(phase.nodes):
            row = (phase.title if number == 0 else "", *moment_cells(moment, header))
            lines.append("<tr>" + "".join(f"<td>{_lines(cell)}</td>" for cell in row) + "</tr>")
    return [*lines, "</tbody>", "</table>"]


def _process_map(document: Document) -> list[str]:
    """The map drawn as the report's diagram draws it (a big one cut the same way, see
    ``report.process_map.mermaid.drawing``), and then, when it is cut, the whole map as a table."""
    if not document.process_map:
        return []
    picture = drawing(document.process_map)
    lines = [
        '<section class="part process-map">',
        f"<h2>{_text(document.map_title)}</h2>",
        '<div class="map">',
    ]
    for phase in picture.phases:
        lines += ['<section class="phase">', f"<h3>{_text(phase.title)}</h3>", "<ol>"]
        lines += _moment_lines(phase)
        lines += ["</ol>", "</section>"]
    lines.append("</div>")
    used = [
        s
        for s in STATE_WORDS
        if STATE_WORDS[s] and any(m.state == s for p in picture.phases for m in p.nodes)
    ]
    if used:
        legend = "".join(f"<span>{_text(MARKS[s])} {_text(STATE_WORDS[s])}</span>" for s in used)
        lines.append(f'<p class="legend">{LEGEND} {legend}</p>')
    if picture.note:
        lines += [
            f'<p class="map-note">{_text(picture.note)}</p>',
            *_map_table(document, document.process_map),
        ]
    return [*lines, "</section>"]


def _other(document: Document) -> list[str]:
    if not document.other:
        return []
    lines = ['<section class="part other">', f"<h2>{_text(document.other_title)}</h2>"]
    for entry in document.other:
        lines += _entry(entry, 3)
    return [*lines, "</section>"]


def _head(document: Document) -> list[str]:
    meta = [("author", document.author), ("date", document.date), ("generator", f"intervjufas {__version__}")]
    return [
        "<!DOCTYPE html>",
        '<html lang="sv">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        *(f'<meta name="{name}" content="{_text(value)}">' for name, value in meta if value),
        f"<title>{_text(document.title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
    ]


def export_html(document: Document, progress: PartProgress | None = None) -> str:
    """The document as the text of one HTML file; ``progress`` is told each part it starts."""
    tell = progress or (lambda _label: None)
    layout = "customer" if document.customer else "page-per-step"
    lines = [*_head(document), f'<body class="{layout}">', "<main>", "<header>"]
    lines.append(f"<h1>{_text(document.title)}</h1>")
    if document.intro:
        lines += _paragraphs(document.intro, "intro")
    lines.append("</header>")
    tell(document.facts_title)
    lines += _facts(document) + _follow_ups(document) + _process_map(document)
    for section in document.sections:
        tell(section.heading)
        lines += _section(section, customer=document.customer)
    tell(document.plan_title)
    lines += _plan(document) + _other(document)
    lines += ["</main>", "</body>", "</html>"]
    return "\n".join(lines) + "\n"
