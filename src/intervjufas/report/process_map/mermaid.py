"""Mermaid flowchart source for a process map (Före → Under → Efter), and the one rule for how much
of a map any picture of it shows.

Why it is written the way it is:

* The picture is drawn by whatever Mermaid the reader's viewer bundles (GitHub, GitLab, Obsidian,
  VS Code: anything from 9.x to 11.x), never by us, so the source must mean the same thing to all
  of them. Moment names are free text, so no part of a name ever becomes syntax: node ids are
  generated (``p1``, ``p1m1``, …) and every label is a quoted string of escaped lines
  (``mermaid_text`` says which characters and words, and why).
* ``flowchart LR`` with a ``direction TB`` subgraph per phase: the three phases stand side by side
  within a rendered page's width, and a phase with many moments grows downwards instead of
  shrinking the whole picture. Only the subgraphs are linked to each other, because Mermaid ignores
  a subgraph's direction once one of its nodes has an edge leaving it.
* A state shows three ways, so it survives a dark theme or a reader who cannot tell the colours
  apart: a ``classDef`` fill and border, a mark before the name, and a legend naming the states used.
* A big map is cut, never refused (``drawing``): a phase shows at most ``MAX_MOMENTS`` moments and
  then one box "… och M moment till"; the table beside every picture has the whole map. Twenty boxes
  are about three screen heights of a column – past that a column is no longer a picture one takes
  in, and no interview process we know of has more moments in a phase. The cut also keeps the source
  inside what every Mermaid accepts: 500 edges (``maxEdges``, 10.x and later; a map of 2,000 moments
  has 2,000) and 50,000 characters (``maxTextSize``, counted in UTF-16 units, past which Mermaid
  draws "Maximum text size in diagram exceeded" instead). Sixty boxes of ordinary names take about
  6,000 characters, but a name of escaped characters takes up to a thousand, so when the source
  would pass ``TEXT_BUDGET`` (the limit less a tenth, for viewers that add a line or turn line ends
  into CRLF) fewer moments per phase are shown until it fits.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from intervjufas.report.process_map.mermaid_text import WRAP_WIDTH, label, label_text, wrap

State = Literal["kept", "new", "develop", "remove", "developed"]
STATES: tuple[State, ...] = get_args(State)

TITLE_WIDTH = 32
NOTE_LINES = 2
INVOLVES_LINES = 2
TITLE_LINES = 1
SEPARATOR = " · "
EMPTY_PHASE = "(inga moment)"
UNNAMED = "(namnlöst moment)"
UNTITLED = "(namnlös fas)"
MORE = "… och {count} moment till"
ONLY_COUNT = "{count} moment"

MAX_MOMENTS = 20
"""Moments drawn per phase at most (see the module docstring)."""
MAX_EDGES = 500
"""Mermaid's ``maxEdges``: the 501st edge makes 10.x and later refuse the diagram."""
TEXT_BUDGET = 45_000
"""Mermaid's ``maxTextSize`` (50,000 UTF-16 units) less a tenth."""

MARKS: dict[State, str] = {"kept": "", "new": "+", "develop": "↗", "remove": "✕", "developed": "✓"}
LEGEND_TITLE = "Teckenförklaring"
LEGEND_WORDS: dict[State, str] = {
    "new": "Nytt",
    "develop": "Utveckla",
    "remove": "Ta bort",
    "developed": "Utvecklat",
}
# Light fills with dark text and a coloured border: readable in Mermaid's light and dark themes.
CLASS_DEFS: dict[str, str] = {
    "new": "fill:#e8f5e9,stroke:#2e7d32,stroke-width:2px,stroke-dasharray:6 4,color:#1b5e20",
    "develop": "fill:#fff3e0,stroke:#e65100,stroke-width:2px,color:#7a2e00",
    "remove": "fill:#ffebee,stroke:#c62828,stroke-width:2px,stroke-dasharray:2 3,color:#8e0000,"
    "text-decoration:line-through",
    "developed": "fill:#e3f2fd,stroke:#1565c0,stroke-width:3px,color:#0d3c78",
    "empty": "fill:#fafafa,stroke:#9e9e9e,stroke-dasharray:3 3,color:#616161",
}
CLASS_PREFIX = "state_"


@dataclass(frozen=True)
class MapNode:
    """One moment of a phase: its name, who it involves, its planned or done change."""

    label: str
    involves: tuple[str, ...] = ()
    state: State = "kept"
    note: str = ""
    # This assignment's own note (never carried): the only note a customer version may show.
    assignment_note: str = ""


@dataclass(frozen=True)
class MapPhase:
    """A phase of the map ("Före intervjun", …) and its moments in order; ``more`` counts the
    moments after them that a picture leaves out."""

    title: str
    nodes: tuple[MapNode, ...]
    more: int = 0

    @property
    def total(self) -> int:
        return len(self.nodes) + self.more


@dataclass(frozen=True)
class Drawing:
    """A picture of a map: its phases as drawn (cut where the map is too big) and the source."""

    phases: tuple[MapPhase, ...]
    source: str

    @property
    def shown(self) -> int | None:
        """How many moments each phase shows at most, when some phase is cut (else None)."""
        return next((len(phase.nodes) for phase in self.phases if phase.more), None)

    @property
    def note(self) -> str:
        """A line for under the picture when it leaves moments out (else "")."""
        shown = self.shown
        if shown is None:
            return ""
        total = sum(phase.total for phase in self.phases)
        if shown == 0:
            first = "bara hur många moment varje fas har"
        elif shown == 1:
            first = "det första momentet i varje fas"
        else:
            first = f"de första {shown} momenten i varje fas"
        return f"Diagrammet visar {first}; tabellen har alla {total} moment."


def node_lines(node: MapNode) -> list[str]:
    """The plain lines a moment's box shows: mark and name, the note, who it involves."""
    mark = MARKS[node.state]
    name = label_text(node.label) or UNNAMED
    lines = wrap(f"{mark} {name}" if mark else name)
    note = label_text(node.note)
    if note:
        lines += wrap(note, max_lines=NOTE_LINES)
    involved: list[str] = []
    for who in node.involves[: INVOLVES_LINES * WRAP_WIDTH]:  # more than the lines can show
        if len(SEPARATOR.join(involved)) > INVOLVES_LINES * WRAP_WIDTH:
            break  # more than the lines can show: wrap ends them with "…"
        if word := label_text(who):
            involved.append(word)
    if involved:
        lines += wrap(f"({SEPARATOR.join(involved)})", max_lines=INVOLVES_LINES)
    return lines


def title_lines(title: str) -> list[str]:
    return wrap(label_text(title) or UNTITLED, TITLE_WIDTH, TITLE_LINES)


def more_lines(phase: MapPhase) -> list[str]:
    """The lines of the box that stands for the moments a phase leaves out."""
    return [(MORE if phase.nodes else ONLY_COUNT).format(count=phase.more)]


def flowchart(phases: Sequence[MapPhase], *, legend: bool = True) -> str:
    """The diagram's source, without the fences, cut as ``drawing`` says. Same input, same text."""
    return drawing(phases, legend=legend).source


def drawing(phases: Sequence[MapPhase], *, legend: bool = True) -> Drawing:
    """The map as every picture of it shows it: each phase's first moments, as many as both
    readability and Mermaid's limits allow (the module docstring says why), the same number in
    every phase that has to be cut. The one place that decides how much of a map is drawn."""
    for phase in phases:
        for node in phase.nodes:
            if node.state not in STATES:
                raise ValueError(f"unknown state {node.state!r}")
    labels: dict[int, str] = {}  # each box's label, by id(node): made once, whatever is tried
    for shown in range(MAX_MOMENTS, -1, -1):
        cut = tuple(_cut(phase, shown) for phase in phases)
        source = _source(cut, labels, legend=True)
        if edge_count(cut) <= MAX_EDGES and text_size(source) <= TEXT_BUDGET:
            return Drawing(cut, source if legend else _source(cut, labels, legend=False))
    raise ValueError("the phase titles alone pass Mermaid's limits")


def _cut(phase: MapPhase, shown: int) -> MapPhase:
    if len(phase.nodes) <= shown:
        return phase
    return MapPhase(phase.title, phase.nodes[:shown], phase.more + len(phase.nodes) - shown)


def edge_count(phases: Sequence[MapPhase]) -> int:
    """The edges the source of these (already cut) phases has: a chain down every phase, one
    link between neighbouring phases."""
    boxes = [max(len(phase.nodes) + (1 if phase.more else 0), 1) for phase in phases]
    return sum(count - 1 for count in boxes) + max(len(phases) - 1, 0)


def text_size(source: str) -> int:
    """The length Mermaid compares with ``maxTextSize``: JavaScript's, in UTF-16 code units."""
    return len(source.encode("utf-16-le")) // 2


def _source(phases: Sequence[MapPhase], labels: dict[int, str], *, legend: bool) -> str:
    out = ["flowchart LR"]
    members: dict[str, list[str]] = {}
    for index, phase in enumerate(phases, start=1):
        out += _phase(index, phase, members, labels)
    out += [f"  p{index} --> p{index + 1}" for index in range(1, len(phases))]
    used = [state for state in STATES if state != "kept" and members.get(state)]
    if legend and used:
        out += _legend(used, members)
    for name in [*STATES, "empty"]:
        if members.get(name):
            out.append(f"  classDef {CLASS_PREFIX}{name} {CLASS_DEFS[name]}")
            out.append(f"  class {','.join(members[name])} {CLASS_PREFIX}{name}")
    return "\n".join(out) + "\n"


def _phase(index: int, phase: MapPhase, members: dict[str, list[str]], labels: dict[int, str]) -> list[str]:
    phase_id = f"p{index}"
    out = [f"  subgraph {phase_id}[{label(title_lines(phase.title))}]", "    direction TB"]
    if not phase.nodes and not phase.more:
        empty_id = f"{phase_id}none"
        out.append(f"    {empty_id}[{label([EMPTY_PHASE])}]")
        members.setdefault("empty", []).append(empty_id)
    ids = [f"{phase_id}m{number}" for number in range(1, len(phase.nodes) + 1)]
    for node_id, node in zip(ids, phase.nodes, strict=True):
        if id(node) not in labels:
            labels[id(node)] = label(node_lines(node))
        out.append(f"    {node_id}({labels[id(node)]})")
        if node.state != "kept":
            members.setdefault(node.state, []).append(node_id)
    if phase.more:
        ids.append(f"{phase_id}more")
        out.append(f"    {ids[-1]}[{label(more_lines(phase))}]")
        members.setdefault("empty", []).append(ids[-1])
    out += [f"    {a} --> {b}" for a, b in itertools.pairwise(ids)]
    out.append("  end")
    return out


def _legend(used: Sequence[State], members: dict[str, list[str]]) -> list[str]:
    out = [f"  subgraph legend[{label([LEGEND_TITLE])}]", "    direction TB"]
    for state in used:
        node_id = f"legend{state}"
        out.append(f"    {node_id}[{label([f'{MARKS[state]} {LEGEND_WORDS[state]}'])}]")
        members[state].append(node_id)
    out.append("  end")
    return out
