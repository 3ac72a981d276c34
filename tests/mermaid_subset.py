"""The subset of Mermaid that ``report.process_map.mermaid`` writes, read strictly, and what a map should
show: shared by the unit tests of the source and the tests that render it with real Mermaid."""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field

from hypothesis import strategies as st

from intervjufas.report.process_map.mermaid import (
    STATES,
    MapNode,
    MapPhase,
    drawing,
    more_lines,
    node_lines,
    title_lines,
)

# --- a strict reader for exactly the subset flowchart() writes ---------------------------------


class SubsetError(ValueError):
    """The source is not in the subset: a real Mermaid might read it differently, or not at all."""


ID = r"[a-z][a-z0-9]*"
LABEL = r'"([^"]*)"'
STATEMENTS = [
    ("subgraph", re.compile(rf"  subgraph ({ID})\[{LABEL}\]\n")),
    ("direction", re.compile(r"    direction TB\n")),
    ("node", re.compile(rf"    ({ID})(?:\({LABEL}\)|\[{LABEL}\])\n")),
    ("inner_edge", re.compile(rf"    ({ID}) --> ({ID})\n")),
    ("end", re.compile(r"  end\n")),
    ("edge", re.compile(rf"  ({ID}) --> ({ID})\n")),
    ("classdef", re.compile(r"  classDef (state_[a-z]+) ([a-z-]+:[#0-9a-z -]+(?:,[a-z-]+:[#0-9a-z -]+)*)\n")),
    ("class", re.compile(rf"  class ({ID}(?:,{ID})*) (state_[a-z]+)\n")),
]
# Outside an entity code none of these may stand in a label (see the module's docstring).
RAW_FORBIDDEN = frozenset('"&<>%:@\\`*_~[]|{}$')
INVISIBLE_BREAKS = frozenset("\ufeff\u2028\u2029\x85")
ENTITY = re.compile(r"#(\d+);")
LEGEND_IDS = [f"legend{state}" for state in STATES if state != "kept"]


@dataclass
class Parsed:
    subgraphs: dict[str, list[str]] = field(default_factory=dict)  # id -> title lines
    members: dict[str, list[str]] = field(default_factory=dict)  # subgraph id -> node ids
    nodes: dict[str, list[str]] = field(default_factory=dict)  # id -> label lines, decoded
    edges: list[tuple[str, str]] = field(default_factory=list)
    class_defs: dict[str, str] = field(default_factory=dict)
    classes: dict[str, str] = field(default_factory=dict)  # node id -> class

    @property
    def ids(self) -> list[str]:
        return [*self.subgraphs, *self.nodes]


def decode_label(raw: str) -> list[str]:
    """The lines a quoted label shows, after checking that nothing in it can act as syntax."""
    lines = raw.split("\n")
    decoded_lines = []
    for line in lines:
        if not line or line != line.strip(" "):
            raise SubsetError(f"empty line or spaces at a line's ends in {raw!r}")
        if line[0] in "-+=" or re.match(r"\d+[.)]", line) or re.search(r"(?i)www\.", line):
            raise SubsetError(f"markdown block marker or link left raw in {line!r}")
        if re.search(r"(?i)direction", line):
            raise SubsetError(f"the word 'direction' left raw in {line!r} (a lexer rule reads it)")
        decoded, index = [], 0
        while index < len(line):
            char = line[index]
            if char == "#":
                match = ENTITY.match(line, index)
                code = int(match[1]) if match else -1
                if not match or not (0 < code <= 0x10FFFF) or 0xD800 <= code <= 0xDFFF:
                    raise SubsetError(f"'#' outside an entity code in {line!r}")
                decoded.append(chr(code))
                index = match.end()
                continue
            if char in RAW_FORBIDDEN or char in INVISIBLE_BREAKS:
                raise SubsetError(f"raw {char!r} in {line!r}")
            if unicodedata.category(char) in ("Cc", "Cs"):
                raise SubsetError(f"control character {char!r} in {line!r}")
            decoded.append(char)
            index += 1
        text = "".join(decoded)
        if "ﬂ°" in text or "¶ß" in text:
            raise SubsetError(f"Mermaid's internal entity markers in {text!r}")
        decoded_lines.append(text)
    return decoded_lines


def parse_subset(source: str) -> Parsed:
    """Read a flowchart() source statement by statement; anything else raises SubsetError."""
    header = "flowchart LR\n"
    if not source.startswith(header):
        raise SubsetError("no 'flowchart LR' header")
    parsed, pos, current = Parsed(), len(header), None
    while pos < len(source):
        for kind, pattern in STATEMENTS:  # noqa: B007 - kind is used after the loop
            if match := pattern.match(source, pos):
                break
        else:
            raise SubsetError(f"unexpected text at {pos}: {source[pos : pos + 60]!r}")
        current = _statement(parsed, kind, match, current, source[match.end() :])
        pos = match.end()
    if current is not None:
        raise SubsetError(f"subgraph {current} is not closed")
    return parsed


def _statement(parsed: Parsed, kind: str, match: re.Match[str], current: str | None, rest: str) -> str | None:
    inside = kind in ("direction", "node", "inner_edge", "end")
    if inside != (current is not None):
        raise SubsetError(f"{kind} {'outside' if inside else 'inside'} a subgraph")
    if kind == "subgraph":
        _new_subgraph(parsed, match[1])
        parsed.subgraphs[match[1]] = decode_label(match[2])
        parsed.members[match[1]] = []
        if not rest.startswith("    direction TB\n"):
            raise SubsetError("a subgraph must start with its direction")
        return match[1]
    if kind == "node":
        assert current is not None
        _new_node(parsed, current, match[1])
        parsed.nodes[match[1]] = decode_label(match[2] if match[2] is not None else match[3])
        parsed.members[current].append(match[1])
    elif kind == "inner_edge":
        assert current is not None
        if not {match[1], match[2]} <= set(parsed.members[current]):
            raise SubsetError(f"edge {match[1]} --> {match[2]} leaves its subgraph")
        parsed.edges.append((match[1], match[2]))
    elif kind == "end":
        if not parsed.members[current or ""]:
            raise SubsetError(f"subgraph {current} has no node")
        return None
    elif kind == "edge":
        if not {match[1], match[2]} <= set(parsed.subgraphs):
            raise SubsetError(f"edge {match[1]} --> {match[2]} between unknown subgraphs")
        parsed.edges.append((match[1], match[2]))
    elif kind == "classdef":
        if match[1] in parsed.class_defs:
            raise SubsetError(f"classDef {match[1]} twice")
        parsed.class_defs[match[1]] = match[2]
    elif kind == "class":
        _assign(parsed, match[1].split(","), match[2])
    return current


def _new_subgraph(parsed: Parsed, sub_id: str) -> None:
    phases = [s for s in parsed.subgraphs if s != "legend"]
    expected = "legend" if sub_id == "legend" else f"p{len(phases) + 1}"
    if sub_id != expected or sub_id in parsed.subgraphs or "legend" in parsed.subgraphs:
        raise SubsetError(f"subgraph id {sub_id!r} where {expected!r} was due")


def _new_node(parsed: Parsed, sub_id: str, node_id: str) -> None:
    siblings = parsed.members[sub_id]
    if sub_id == "legend":
        allowed = [i for i in LEGEND_IDS if i not in siblings and LEGEND_IDS.index(i) >= len(siblings)]
        ok = node_id in allowed
    else:
        closed = f"{sub_id}none" in siblings or f"{sub_id}more" in siblings
        due = {f"{sub_id}m{len(siblings) + 1}", f"{sub_id}more"} | (
            {f"{sub_id}none"} if not siblings else set()
        )
        ok = node_id in due and not closed
    if not ok or node_id in parsed.ids:
        raise SubsetError(f"node id {node_id!r} is not the generated id due in {sub_id}")


def _assign(parsed: Parsed, node_ids: list[str], class_name: str) -> None:
    if class_name not in parsed.class_defs:
        raise SubsetError(f"class {class_name} used before its classDef")
    for node_id in node_ids:
        if node_id not in parsed.nodes or node_id in parsed.classes:
            raise SubsetError(f"class for unknown or already styled node {node_id!r}")
        parsed.classes[node_id] = class_name


# --- strategies and examples -------------------------------------------------------------------

HOSTILE = [
    '"', "'", "#", "#quot;", "#35;", "&", "&amp;", "&#34;", "<", ">", "<br/>", "<b>fet</b>",
    "<script>alert(1)</script>", ";", ":", ":::", "|", "[", "]", "(", ")", "{", "}", "((", "))",
    "[[", "]]", ">]", "`", "```", "*", "**", "_", "__", "~", "~~", "$", "$$", "\\", "\\n", "%",
    "%%", "%%{init: {'theme':'dark'}}%%", "---", "===", "- ", "+ ", "1. ", "2) ", "# ", "> ",
    "end", "subgraph", "graph", "flowchart", "classDef", "class", "style", "click", "-->", "-.->",
    "~~~", "o--o", "@{", "fa:fa-car", "www.example.com", "WWW.x.se", "https://x.se", "a@b.se",
    "¶ß", "ﬂ°", "ﬂ°°", "å", "ä", "ö", "Å", "Ä", "Ö", "e\u0301", "😀", "👩\u200d💼", "🇸🇪",
    "👍🏽", "中文", "\u200b", "\u200d", "\u202e", "\ufeff", "\t", "\n", "\r\n", "\x00", "\x1b[31m",
    "\u2028", "\x85", "\xa0", "  ", " ", "\ud800", "\uffff", "\U0010ffff", "p1m1", "legend",
    "Kalibrering med kollega", "A" * 70, "ordlångtsammansattutanmellanrum" * 3,
    "direction LR", "direction TB", "direction BT", "direction RL", "direction TD", "DIRECTION lr",
    "Direction  TB", "direction\nLR", "indirection LR", "click p1m1 call alert()",
    "style p1m1 fill:#f00", "linkStyle 0 stroke:red", "classDef x fill:#fff;", "accTitle: x",
    "accDescr { x }", "%%{init: {'flowchart': {'htmlLabels': false}}}%%", "%% kommentar",
    "**fet** _kursiv_ `kod`", "[länk](https://x.se)", "![bild](x.png)", "<img src=x onerror=alert(1)>",
    "javascript:alert(1)", "&lt;b&gt;", "#lt;", "A-->B", "A---B", "A==>B", "A -- text --> B",
    "👨‍👩‍👧‍👦", "🏳️‍🌈", "🧑🏿‍💻",
    "Ω≈ç√∫", "ﷺ", "𝕏", "مرحبا", "שלום",
]  # fmt: skip
any_char = st.characters(codec=None, exclude_categories=())
texts = st.one_of(
    st.text(any_char, max_size=260),
    st.lists(st.sampled_from(HOSTILE), max_size=12).map("".join),
)
nodes = st.builds(
    MapNode,
    label=texts,
    involves=st.lists(texts, max_size=3).map(tuple),
    state=st.sampled_from(STATES),
    note=st.one_of(st.just(""), texts),
)
phase_lists = st.lists(
    st.builds(MapPhase, title=texts, nodes=st.lists(nodes, max_size=4).map(tuple)), max_size=4
)

TYPICAL = [
    MapPhase(
        "Före intervjun",
        (
            MapNode("Genomgång av kravprofilen med kunden", ("kunden",)),
            MapNode("Informationsutskick till kandidaten", ("kandidaten",), "new"),
        ),
    ),
    MapPhase("Under intervjun", ()),
    MapPhase(
        "Efter intervjun",
        (
            MapNode("Kalibrering med kollega", ("kollegor",), "developed", "utvecklat 2026-11-30"),
            MapNode("Återkoppling: 1:a dagen", ("kunden", "kandidaten"), "remove"),
        ),
    ),
]


# --- what a map should show ------------------------------------------------------------------------


def shown_phases(phases: list[MapPhase]) -> list[MapPhase]:
    """The phases as drawn, from the model and the number the drawing shows per phase alone."""
    shown = drawing(phases).shown
    if shown is None:
        return list(phases)
    return [
        MapPhase(p.title, p.nodes[:shown], p.more + len(p.nodes) - shown) if len(p.nodes) > shown else p
        for p in phases
    ]


def expected_labels(phases: list[MapPhase]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """What each generated id should show: (nodes, subgraph titles)."""
    node_labels: dict[str, list[str]] = {}
    titles: dict[str, list[str]] = {}
    for number, phase in enumerate(shown_phases(phases), start=1):
        titles[f"p{number}"] = title_lines(phase.title)
        for index, node in enumerate(phase.nodes, start=1):
            node_labels[f"p{number}m{index}"] = node_lines(node)
        if phase.more:
            node_labels[f"p{number}more"] = more_lines(phase)
        elif not phase.nodes:
            node_labels[f"p{number}none"] = ["(inga moment)"]
    return node_labels, titles


def expected_classes(phases: list[MapPhase]) -> dict[str, str]:
    drawn = shown_phases(phases)
    classes = {
        f"p{number}m{index}": f"state_{node.state}"
        for number, phase in enumerate(drawn, start=1)
        for index, node in enumerate(phase.nodes, start=1)
        if node.state != "kept"
    }
    for number, phase in enumerate(drawn, start=1):
        if phase.more:
            classes[f"p{number}more"] = "state_empty"
        elif not phase.nodes:
            classes[f"p{number}none"] = "state_empty"
    return classes


def expected_edges(phases: list[MapPhase]) -> list[tuple[str, str]]:
    drawn = shown_phases(phases)
    edges = [(f"p{n}", f"p{n + 1}") for n in range(1, len(drawn))]
    for number, phase in enumerate(drawn, start=1):
        ids = [f"p{number}m{i}" for i in range(1, len(phase.nodes) + 1)]
        ids += [f"p{number}more"] if phase.more else []
        edges += list(itertools.pairwise(ids))
    return sorted(edges)
