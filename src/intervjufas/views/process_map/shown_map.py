"""The shown map (``karta``) in every output.  In a terminal: the three phases side by side as
columns in a wide terminal, one under the other in a narrow one, and as plain stacked text to a
pipe or a file (no escape codes, words never split); each moment shows its mark (the symbols of
the Mermaid map), whom it involves, its note and what the report plans for it, in words as well as
in colour.  ``--format markdown|mermaid|json``: the map as the report's "Processkarta" section, as
the Mermaid flowchart alone (exactly what the report draws), or as data for scripts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from intervjufas.model.questions import PHASES
from intervjufas.report.process_map.mermaid import LEGEND_TITLE, LEGEND_WORDS, MARKS, STATES, flowchart
from intervjufas.report.process_map.report_map import (
    MAP_EMPTY,
    MAP_TITLE,
    STATE_WORDS,
    has_map,
    map_phases,
    map_section,
    section_of,
)
from intervjufas.views.console import NO_ANSWER, print_paged, write_plain
from intervjufas.views.json_vocabulary import FORMAT
from intervjufas.views.text_layout import Line, Segment, wrap_segments

if TYPE_CHECKING:
    from intervjufas.reading.process_map.shown_map import ShownMap
    from intervjufas.report.process_map.report_map import MappedMoment

WIDE = 90  # columns from which the phases stand side by side
STYLES = {"new": "green", "develop": "yellow", "remove": "red", "developed": "cyan"}
EMPTY_PHASE = "(inga moment)"
MARK_WIDTH = 2  # a mark and a space before a moment's name
FROM_PLAN = (
    "Rapporten gjordes innan processkartan fanns: kartan visar de moment som dess utvecklingsplan nämner."
)
NO_MAP_IN_FOLDER = (
    "Det finns ingen processkarta i {folder} ännu. Kartan ritas när du kartlägger momenten i din process: "
    "{program} kartlagg"
)
DETAIL_INDENT = 2  # the details under a moment's name
MomentLines = Callable[["MappedMoment"], tuple[Line, list[Line]]]  # a moment's name and details


def mark_text(moment: MappedMoment) -> str:
    """What the report plans or has done for a moment, in words: 'Utveckla – varför',
    'Utvecklat 2024-03-05', '' for a moment kept as it is."""
    word = STATE_WORDS[moment.state]
    if moment.state == "developed":
        return f"{word} {moment.moment.developed}".strip()
    return f"{word} – {moment.why}" if word and moment.why else word


def moment_lines(moment: MappedMoment) -> tuple[Line, list[Line]]:
    """A moment's name (after its mark) and its details: whom it involves, its note, its mark."""
    style = STYLES.get(moment.state, "")
    head: Line = [(moment.moment.name or NO_ANSWER, "bold")]
    details: list[Line] = []
    if moment.moment.involves:
        details.append([("Berör: ", "dim"), (", ".join(moment.moment.involves), "")])
    if moment.moment.note:
        details.append([("Notering: ", "dim"), (moment.moment.note, "italic")])
    if moment.moment.assignment_note:  # (this report's own: never on a carried map)
        details.append([("Notering för uppdraget: ", "dim"), (moment.moment.assignment_note, "italic")])
    mark = mark_text(moment)
    if mark:
        details.append([(mark, style)])
    return head, details


def heading_lines(view: ShownMap, program: str) -> list[Line]:
    """The title, where the map comes from, and a note when it is not the report's own map."""
    if view.loaded is None:
        return [[(NO_MAP_IN_FOLDER.format(folder=view.folder, program=program), "")]]
    title = view.fact("uppdrag") or view.loaded.path.stem
    lines: list[Line] = [[("Processkarta: ", "bold"), (title, "bold")]]
    source = [part for part in (view.fact("datum"), view.fact("kund")) if part]
    if view.author:
        source.append(f"av {view.author}")
    if source:
        lines.append([(" · ".join(source), "dim")])
    if not view.latest:
        where = "Rapport"
    elif view.someone_else:
        where = "Den senaste kartan i rapportmappen (du har ingen egen karta här)"
    else:
        where = "Den senaste kartan i rapportmappen"
    lines.append([(f"{where}: ", "dim"), (view.loaded.path.name, "dim")])
    if view.origin == "plan":
        lines.append([(FROM_PLAN, "yellow")])
    elif view.origin == "none":
        lines.append([(_no_map(view), "yellow")])
    return lines


def _no_map(view: ShownMap) -> str:
    name = view.loaded.path.name if view.loaded is not None else ""
    questionnaire = view.loaded.questionnaire if view.loaded is not None else None
    if questionnaire is not None and not has_map(questionnaire):
        return (
            f"Rapporten har ingen processkarta ännu: frågeuppsättningen {questionnaire.id} frågar inte "
            "efter momenten i processen, och utvecklingsplanen nämner inga moment."
        )
    return f"Rapporten har ingen processkarta ännu: inga moment är kartlagda i {name}."


def legend_line(view: ShownMap) -> Line:
    """'Teckenförklaring: + Nytt · ↗ Utveckla' for the marks the map uses (empty when none)."""
    used = {moment.state for moment in view.drawn.moments}
    shown = [state for state in STATES if state != "kept" and state in used]
    if not shown:
        return []
    line: Line = [(f"{LEGEND_TITLE}: ", "dim")]
    for index, state in enumerate(shown):
        if index:
            line.append((" · ", "dim"))
        line.append((f"{MARKS[state]} {LEGEND_WORDS[state]}", STYLES[state]))
    return line


def _emit(out: list[tuple[str, str]], line: Line, width: int, first: int, rest: int) -> None:
    """A line word-wrapped to ``width``: the first at ``first`` columns in, the rest at ``rest``."""
    for number, wrapped in enumerate(wrap_segments(line, width - rest)):
        out.append((" " * (first if number == 0 else rest), ""))
        out += wrapped
        out.append(("\n", ""))


def stacked(
    view: ShownMap, width: int, program: str = "intervjufas", *, heading: bool = True, lines: MomentLines | None = None
) -> Text:
    """The map phase by phase, one moment under the other, wrapped to ``width`` (without its title
    and source when ``heading`` is False: a report shows its own map under its own heading)."""
    out: list[Segment] = []
    for line in heading_lines(view, program) if heading else ():
        _emit(out, line, width, 0, 0)
    if view.origin != "none":
        for phase, moments in view.drawn.phases:
            if out:
                out.append(("\n", ""))
            _emit(out, [(PHASES[phase], "bold underline")], width, 0, 0)
            if not moments:
                _emit(out, [(EMPTY_PHASE, "dim")], width, 2, 2)
            for moment in moments:
                head, details = (lines or moment_lines)(moment)
                mark = MARKS[moment.state]
                _emit(
                    out,
                    [(mark, STYLES.get(moment.state, "")), (" ", ""), *head] if mark else head,
                    width,
                    2 if mark else 4,
                    4,
                )
                for detail in details:
                    _emit(out, detail, width, 4 + DETAIL_INDENT, 4 + DETAIL_INDENT)
        legend = legend_line(view)
        if legend:
            out.append(("\n", ""))
            _emit(out, legend, width, 0, 0)
    return _text(out)


def _text(segments: list[Segment]) -> Text:
    text = Text(no_wrap=True, overflow="ignore")
    for part, style in segments:
        text.append(part, style=style or None)
    text.rstrip()
    return text


def columns(
    view: ShownMap, program: str = "intervjufas", *, heading: bool = True, lines: MomentLines | None = None
) -> RenderableType:
    """The phases side by side (a wide terminal), under the map's title unless ``heading`` is False."""
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False, padding=(0, 2, 0, 0))
    cells = []
    for phase, moments in view.drawn.phases:
        table.add_column(Text(PHASES[phase], style="bold"), ratio=1, overflow="fold")
        cells.append(_phase_cell(moments, lines or moment_lines))
    table.add_row(*cells)
    parts: list[RenderableType] = [table]
    if heading:
        title = _text([part for line in heading_lines(view, program) for part in (*line, ("\n", ""))])
        title.no_wrap = False
        parts = [title, Text(""), table]
    legend = legend_line(view)
    if legend:
        parts += [Text(""), _text(legend)]
    return Group(*parts)


def _phase_cell(moments: tuple[MappedMoment, ...], lines: MomentLines) -> RenderableType:
    if not moments:
        return Text(EMPTY_PHASE, style="dim")
    grid = Table.grid()
    grid.add_column(width=MARK_WIDTH, no_wrap=True)
    grid.add_column(overflow="fold")
    for index, moment in enumerate(moments):
        head, details = lines(moment)
        body = Text("\n" if index else "")
        for number, line in enumerate([head, *details]):
            if number:
                body.append("\n")
            for part, style in line:
                body.append(part, style=style or None)
        mark = Text(("\n" if index else "") + MARKS[moment.state], style=STYLES.get(moment.state, ""))
        grid.add_row(mark, body)
    return grid


def map_renderable(
    view: ShownMap, width: int, program: str = "intervjufas", *, heading: bool = True, lines: MomentLines | None = None
) -> RenderableType:
    """Columns in a wide terminal, stacked in a narrow one (and always when there is no map)."""
    if width >= WIDE and view.origin != "none":
        return columns(view, program, heading=heading, lines=lines)
    return stacked(view, width, program, heading=heading, lines=lines)


def map_plain_text(
    view: ShownMap, width: int, program: str = "intervjufas", *, heading: bool = True, lines: MomentLines | None = None
) -> str:
    """The map as plain text (pipes, files): stacked, without trailing spaces."""
    drawn = stacked(view, width, program, heading=heading, lines=lines).plain
    return "\n".join(line.rstrip() for line in drawn.split("\n")) + "\n"


def show_map(
    console: Console,
    view: ShownMap,
    *,
    program: str = "intervjufas",
    pager: bool = True,
    less: str | None = None,
) -> None:
    """In a terminal: drawn (through the pager when taller than the screen); else plain text."""
    if not console.is_terminal:
        write_plain(console, map_plain_text(view, console.width, program))
        return
    print_paged(console, map_renderable(view, console.width, program), pager=pager, less=less)


# -- Markdown, Mermaid and JSON --------------------------------------------------------------------

STATE_SLUGS: dict[str, str | None] = {
    "kept": None,
    "new": "nytt",
    "develop": "utveckla",
    "remove": "ta_bort",
    "developed": "utvecklat",
}
ORIGIN_SLUGS = {"map": "karta", "plan": "utvecklingsplan", "none": "ingen"}


def map_mermaid(view: ShownMap) -> str:
    """The flowchart's source, exactly as the report's section has it (without the fences)."""
    return flowchart(map_phases(view.drawn))


def map_markdown(view: ShownMap) -> str:
    """The "Processkarta" section: the report's own when its question set maps the process, the
    same layout for the moments a plan names, else the line the report has for an empty map."""
    loaded = view.loaded
    if loaded is not None and loaded.questionnaire is not None and has_map(loaded.questionnaire):
        body = map_section(loaded.report, loaded.questionnaire)
    elif not view.drawn.empty:
        body = section_of(view.drawn)
    else:
        body = [MAP_EMPTY, ""]
    return "\n".join([f"## {MAP_TITLE}", "", *body]).rstrip("\n") + "\n"


def shown_map_data(view: ShownMap) -> dict[str, Any]:
    """``karta --json``: where the map comes from, and its phases with their moments."""
    return {
        "format": FORMAT,
        "rapport": _source(view),
        "senaste": view.latest,
        "ursprung": ORIGIN_SLUGS[view.origin],
        "faser": [
            {"id": phase, "titel": PHASES[phase], "moment": [moment_data(moment) for moment in moments]}
            for phase, moments in view.drawn.phases
        ],
    }


def _source(view: ShownMap) -> dict[str, Any] | None:
    if view.loaded is None:
        return None
    return {
        "fil": view.loaded.path.name,
        "sokvag": str(view.loaded.path),
        "datum": view.fact("datum"),
        "uppdrag": view.fact("uppdrag"),
        "kund": view.fact("kund"),
        "forfattare": view.author,
        "uppsattning": view.loaded.report.question_set.id,
    }


def moment_data(moment: MappedMoment) -> dict[str, Any]:
    return {
        "id": moment.moment.id or None,
        "namn": moment.moment.name,
        "beror": list(moment.moment.involves),
        "notering": moment.moment.note,
        "markering": STATE_SLUGS[moment.state],
        "markering_text": STATE_WORDS[moment.state] or None,
        "varfor": moment.why,
        "utvecklat": moment.moment.developed or None,
    }
