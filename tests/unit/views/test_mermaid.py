"""The process map's Mermaid source: a strict reader of the subset it writes, properties over any
text, and a check with real Mermaid releases (9.x to 11.x) rendering hostile names."""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intervjufas.views.mermaid import (
    ELLIPSIS,
    STATES,
    TITLE_WIDTH,
    WRAP_WIDTH,
    MapNode,
    MapPhase,
    flowchart,
    node_lines,
    normalise,
    title_lines,
    wrap,
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
        ok = node_id == f"{sub_id}m{len(siblings) + 1}" or (node_id == f"{sub_id}none" and not siblings)
        ok = ok and f"{sub_id}none" not in siblings
    if not ok or node_id in parsed.ids:
        raise SubsetError(f"node id {node_id!r} is not the generated id due in {sub_id}")


def _assign(parsed: Parsed, node_ids: list[str], class_name: str) -> None:
    if class_name not in parsed.class_defs:
        raise SubsetError(f"class {class_name} used before its classDef")
    for node_id in node_ids:
        if node_id not in parsed.nodes or node_id in parsed.classes:
            raise SubsetError(f"class for unknown or already styled node {node_id!r}")
        parsed.classes[node_id] = class_name


# --- strategies and examples ---------------------------------------------------------------------

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
TYPICAL_SOURCE = """\
flowchart LR
  subgraph p1["Före intervjun"]
    direction TB
    p1m1("Genomgång av
kravprofilen med kunden
(kunden)")
    p1m2("#43; Informationsutskick
till kandidaten
(kandidaten)")
    p1m1 --> p1m2
  end
  subgraph p2["Under intervjun"]
    direction TB
    p2none["(inga moment)"]
  end
  subgraph p3["Efter intervjun"]
    direction TB
    p3m1("✓ Kalibrering med
kollega
utvecklat 2026-11-30
(kollegor)")
    p3m2("✕ Återkoppling#58; 1#58;a
dagen
(kunden · kandidaten)")
    p3m1 --> p3m2
  end
  p1 --> p2
  p2 --> p3
  subgraph legend["Teckenförklaring"]
    direction TB
    legendnew["#43; Nytt"]
    legendremove["✕ Ta bort"]
    legenddeveloped["✓ Utvecklat"]
  end
  classDef state_new fill:#e8f5e9,stroke:#2e7d32,stroke-width:2px,stroke-dasharray:6 4,color:#1b5e20
  class p1m2,legendnew state_new
  classDef state_remove fill:#ffebee,stroke:#c62828,stroke-width:2px,stroke-dasharray:2 3,color:#8e0000,text-decoration:line-through
  class p3m2,legendremove state_remove
  classDef state_developed fill:#e3f2fd,stroke:#1565c0,stroke-width:3px,color:#0d3c78
  class p3m1,legenddeveloped state_developed
  classDef state_empty fill:#fafafa,stroke:#9e9e9e,stroke-dasharray:3 3,color:#616161
  class p2none state_empty
"""


def expected_labels(phases: list[MapPhase]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """What each generated id should show, from the model alone: (nodes, subgraph titles)."""
    node_labels: dict[str, list[str]] = {}
    titles: dict[str, list[str]] = {}
    for number, phase in enumerate(phases, start=1):
        titles[f"p{number}"] = title_lines(phase.title)
        for index, node in enumerate(phase.nodes, start=1):
            node_labels[f"p{number}m{index}"] = node_lines(node)
        if not phase.nodes:
            node_labels[f"p{number}none"] = ["(inga moment)"]
    return node_labels, titles


def expected_classes(phases: list[MapPhase]) -> dict[str, str]:
    classes = {
        f"p{number}m{index}": f"state_{node.state}"
        for number, phase in enumerate(phases, start=1)
        for index, node in enumerate(phase.nodes, start=1)
        if node.state != "kept"
    }
    classes.update({f"p{n}none": "state_empty" for n, phase in enumerate(phases, 1) if not phase.nodes})
    return classes


def expected_edges(phases: list[MapPhase]) -> list[tuple[str, str]]:
    edges = [(f"p{n}", f"p{n + 1}") for n in range(1, len(phases))]
    for number, phase in enumerate(phases, start=1):
        edges += [(f"p{number}m{i}", f"p{number}m{i + 1}") for i in range(1, len(phase.nodes))]
    return sorted(edges)


def display_width(text: str) -> int:
    def one(char: str) -> int:
        if unicodedata.category(char) in ("Mn", "Me", "Cf"):
            return 0
        return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1

    return sum(one(char) for char in text)


# --- the module's output, read strictly ----------------------------------------------------------


def test_a_typical_map_gives_this_exact_source() -> None:
    assert flowchart(TYPICAL) == TYPICAL_SOURCE


def test_the_typical_source_reads_back_as_the_model() -> None:
    parsed = parse_subset(TYPICAL_SOURCE)
    node_labels, titles = expected_labels(TYPICAL)
    assert {k: v for k, v in parsed.nodes.items() if not k.startswith("legend")} == node_labels
    assert {k: v for k, v in parsed.subgraphs.items() if k != "legend"} == titles
    assert parsed.nodes["p3m2"] == ["✕ Återkoppling: 1:a", "dagen", "(kunden · kandidaten)"]
    assert ("p1", "p2") in parsed.edges and ("p1m1", "p1m2") in parsed.edges


@pytest.mark.parametrize(
    "bad",
    [
        'p1m1("a"b")',  # a raw quote ends the string early
        'p1m1("a #b")',  # '#' that is not an entity code
        'p1m1("a #quot; b")',  # named codes are not in the subset
        "p1m1(a)",  # unquoted
        'p1m1("a"))',  # unbalanced bracket
        'p1m1("a");',  # a statement separator
        'p1m1("a<br/>b")',  # HTML in a label
        'p1m1("- a")',  # a markdown list marker at a line's start
        'p1m1("a\n1. b")',  # an ordered list marker at a continuation line's start
        'p1m1("a: b")',  # a raw colon
        'p1m1("www.x.se")',  # an autolink
        'p1m1("a\n\nb")',  # an empty line
        'p1m1(" a")',  # a leading space
        'genomgang("a")',  # an id made from text
        'p1m2("a")',  # an id out of sequence
        'end("a")',  # a keyword as id
    ],
)
def test_the_reader_rejects_what_is_outside_the_subset(bad: str) -> None:
    source = f'flowchart LR\n  subgraph p1["Fas"]\n    direction TB\n    {bad}\n  end\n'
    with pytest.raises(SubsetError):
        parse_subset(source)


@pytest.mark.parametrize(
    "bad",
    [
        'flowchart TD\n  subgraph p1["a"]\n    direction TB\n    p1m1("b")\n  end\n',
        'flowchart LR\n  subgraph p1["a"]\n    direction TB\n    p1m1("b")\n',  # not closed
        'flowchart LR\n  subgraph p1["a"]\n    direction TB\n    p1m1("b")\n    p1m1("c")\n  end\n',
        'flowchart LR\n  subgraph p2["a"]\n    direction TB\n    p2m1("b")\n  end\n',
        'flowchart LR\n  subgraph p1["a"]\n    direction TB\n    p1m1("b")\n  end\n  p1 --> p9\n',
        'flowchart LR\n  subgraph p1["a"]\n    direction TB\n    p1m1("b")\n  end\n  class p1m1 state_new\n',
        'flowchart LR\n  subgraph p1["a"]\n    direction TB\n    p1m1("b")\n  end\n'
        "  classDef state_new fill:#fff;\n",
    ],
)
def test_the_reader_rejects_bad_structure(bad: str) -> None:
    with pytest.raises(SubsetError):
        parse_subset(bad)


@settings(max_examples=150, deadline=None)
@given(phase_lists, st.booleans())
def test_any_text_gives_a_source_in_the_subset_that_shows_the_model(
    phases: list[MapPhase], legend: bool
) -> None:
    source = flowchart(phases, legend=legend)
    parsed = parse_subset(source)
    node_labels, titles = expected_labels(phases)
    assert {k: v for k, v in parsed.nodes.items() if not k.startswith("legend")} == node_labels
    assert {k: v for k, v in parsed.subgraphs.items() if k != "legend"} == titles
    assert {k: v for k, v in parsed.classes.items() if not k.startswith("legend")} == expected_classes(phases)
    assert sorted(parsed.edges) == expected_edges(phases)
    assert flowchart(phases, legend=legend) == source


@settings(max_examples=60, deadline=None)
@given(phase_lists)
def test_ids_depend_on_the_shape_of_the_map_never_on_its_text(phases: list[MapPhase]) -> None:
    plain = [
        replace(
            phase, title="x", nodes=tuple(replace(n, label="x", involves=(), note="") for n in phase.nodes)
        )
        for phase in phases
    ]
    assert parse_subset(flowchart(phases)).ids == parse_subset(flowchart(plain)).ids


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(HOSTILE), max_size=20).map("".join) | st.text(any_char, max_size=300))
def test_labels_decode_to_the_wrapped_normalised_text(text: str) -> None:
    node = MapNode(text, (text,), "new", text)
    source = flowchart([MapPhase(text, (node,))], legend=False)
    parsed = parse_subset(source)
    assert parsed.nodes["p1m1"] == node_lines(node)
    assert parsed.subgraphs["p1"] == title_lines(text)
    name = normalise(text)
    if name and len(wrap("+ " + name, max_lines=99)) <= 4:
        assert "".join(parsed.nodes["p1m1"][: len(wrap("+ " + name))]).replace(" ", "") == (
            "+" + name.replace(" ", "")
        )


# --- normalising and wrapping ----------------------------------------------------------------------


@given(st.text(any_char, max_size=300) | st.lists(st.sampled_from(HOSTILE)).map("".join))
def test_normalised_text_is_one_clean_line(text: str) -> None:
    result = normalise(text)
    assert result == result.strip() and "  " not in result
    assert all(ch == " " or not ch.isspace() for ch in result)
    assert not any(unicodedata.category(ch) in ("Cc", "Cs") or ch == "\ufeff" for ch in result)
    assert normalise(result) == result


@given(
    st.lists(st.text(any_char, min_size=1, max_size=40).map(normalise), max_size=30)
    .map(" ".join)
    .map(normalise),
    st.integers(min_value=8, max_value=40),
    st.integers(min_value=1, max_value=6),
)
def test_wrapping_keeps_the_text_and_the_width(text: str, width: int, max_lines: int) -> None:
    lines = wrap(text, width, max_lines)
    full = wrap(text, width, 10**6)
    for number, line in enumerate(lines):
        assert line and line == line.strip(" ") and display_width(line) <= width
        if number:  # a mark is never cut from its letter (a text may itself start with one)
            assert unicodedata.category(line[0])[0] != "M"
    assert "".join(full).replace(" ", "") == text.replace(" ", "")
    if all(display_width(word) <= width for word in text.split(" ")):
        assert " ".join(full) == text
    if len(full) <= max_lines:
        assert lines == full
    else:
        assert len(lines) == max_lines and lines[:-1] == full[: max_lines - 1]
        assert lines[-1].endswith(ELLIPSIS)
        assert full[max_lines - 1].startswith(lines[-1][: -len(ELLIPSIS)])


def test_long_names_are_cut_with_an_ellipsis_and_titles_kept_to_one_line() -> None:
    lines = node_lines(MapNode("ord " * 80))
    assert len(lines) == 4 and lines[-1].endswith(ELLIPSIS)
    assert all(display_width(line) <= WRAP_WIDTH for line in lines)
    title = title_lines("Före intervjun med en mycket lång rubrik som inte får plats")
    assert len(title) == 1 and display_width(title[0]) <= TITLE_WIDTH and title[0].endswith(ELLIPSIS)


def test_an_overlong_word_is_split_without_breaking_emoji_or_accents() -> None:
    word = "👩\u200d💼e\u0301🇸🇪" * 12
    lines = wrap(word)
    assert "".join(lines) == word
    for line in lines:
        assert not line.startswith(("\u200d", "\u0301")) and not line.endswith("\u200d")


# --- states, legend, empty phases ------------------------------------------------------------------


def test_the_legend_lists_the_states_used_in_swedish_in_a_fixed_order() -> None:
    phases = [MapPhase("Före", (MapNode("a", state="developed"), MapNode("b", state="new")))]
    parsed = parse_subset(flowchart(phases))
    assert parsed.subgraphs["legend"] == ["Teckenförklaring"]
    assert parsed.members["legend"] == ["legendnew", "legenddeveloped"]
    assert parsed.nodes["legendnew"] == ["+ Nytt"] and parsed.nodes["legenddeveloped"] == ["✓ Utvecklat"]
    assert parsed.classes["legendnew"] == "state_new"


def test_no_legend_when_asked_or_when_everything_is_kept() -> None:
    changed = [MapPhase("Före", (MapNode("a", state="remove"),))]
    kept = [MapPhase("Före", (MapNode("a"),))]
    assert "legend" not in parse_subset(flowchart(changed, legend=False)).subgraphs
    assert "legend" not in parse_subset(flowchart(kept)).subgraphs
    assert "classDef" not in flowchart(kept)


def test_all_four_legend_words() -> None:
    phases = [MapPhase("Före", tuple(MapNode(s, state=s) for s in STATES))]
    parsed = parse_subset(flowchart(phases))
    assert [parsed.nodes[i][0] for i in parsed.members["legend"]] == [
        "+ Nytt",
        "↗ Utveckla",
        "✕ Ta bort",
        "✓ Utvecklat",
    ]


def test_empty_phases_and_nameless_moments_still_show() -> None:
    phases = [MapPhase("", ()), MapPhase(" \n ", (MapNode("\u200b \t"),))]
    parsed = parse_subset(flowchart(phases))
    assert parsed.nodes["p1none"] == ["(inga moment)"]
    assert parsed.subgraphs["p1"] == ["(namnlös fas)"]
    assert parsed.nodes["p2m1"] == ["(namnlöst moment)"]
    assert parse_subset(flowchart([])).ids == []


def test_an_unknown_state_is_refused() -> None:
    with pytest.raises(ValueError, match="state"):
        flowchart([MapPhase("Före", (MapNode("a", state="gone"),))])  # type: ignore[arg-type]


# --- real Mermaid ----------------------------------------------------------------------------------

CHECK_DIR = next(p for p in Path(__file__).resolve().parents if p.name == "tests") / "mermaid_check"
PACKAGES = sorted(
    name
    for name in json.loads((CHECK_DIR / "package.json").read_text())["dependencies"]
    if name.startswith("mermaid")
)


def real_corpus() -> list[list[MapPhase]]:
    """Hostile names one by one, seeded random mixtures, and the edge cases; same list every run."""
    chunks = [HOSTILE[i : i + 12] for i in range(0, len(HOSTILE), 12)]
    corpus = [
        [MapPhase(chunk[0], tuple(MapNode(t, (t, "kunden"), STATES[i % 5], t) for i, t in enumerate(chunk)))]
        for chunk in chunks
    ]
    rng = random.Random(20261130)

    def text() -> str:
        return "".join(rng.choice(HOSTILE) for _ in range(rng.randint(0, 9)))

    for _ in range(8):
        corpus.append(
            [
                MapPhase(
                    text(), tuple(MapNode(text(), (text(),), rng.choice(STATES), text()) for _ in range(3))
                )
                for _ in range(rng.randint(1, 4))
            ]
        )
    return [*corpus, TYPICAL, [], [MapPhase("Under", ())]]


@pytest.fixture(scope="session")
def real_mermaid(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """Each pinned Mermaid release renders the whole corpus once, all releases side by side."""
    node = shutil.which("node")
    if node is None or not (CHECK_DIR / "node_modules").is_dir():
        why = "node is missing" if node is None else "run `npm ci --prefix tests/mermaid_check` first"
        if os.environ.get("CI"):
            pytest.fail(f"the real Mermaid check cannot run in CI: {why}")
        pytest.skip(f"real Mermaid check: {why}")
    folder = tmp_path_factory.mktemp("mermaid")
    cases = folder / "cases.json"
    cases.write_text(json.dumps([flowchart(phases) for phases in real_corpus()]), encoding="utf-8")
    runs = {}
    with contextlib.ExitStack() as files:
        for package in PACKAGES:
            stdin = files.enter_context(cases.open("rb"))
            stdout = files.enter_context((folder / f"{package}.json").open("wb"))
            stderr = files.enter_context((folder / f"{package}.err").open("wb"))
            runs[package] = subprocess.Popen(
                [node, "check.mjs", package], cwd=CHECK_DIR, stdin=stdin, stdout=stdout, stderr=stderr
            )
        try:
            for package, run in runs.items():
                code = run.wait(timeout=300)
                assert code == 0, f"{package}: {(folder / f'{package}.err').read_text(errors='replace')}"
        finally:
            for run in runs.values():
                if run.poll() is None:
                    run.kill()
                    run.wait()
    return {package: json.loads((folder / f"{package}.json").read_text("utf-8")) for package in PACKAGES}


@pytest.mark.parametrize("package", PACKAGES)
def test_real_mermaid_parses_and_shows_every_name_as_typed(
    real_mermaid: dict[str, dict], package: str
) -> None:
    run = real_mermaid[package]
    corpus = real_corpus()
    assert len(run["results"]) == len(corpus)
    for phases, result in zip(corpus, run["results"], strict=True):
        source = flowchart(phases)
        assert result["ok"], f"Mermaid {run['version']}: {result['error']}\n{source}"
        node_labels, titles = expected_labels(phases)
        shown = {k: v["lines"] for k, v in result["nodes"].items() if not k.startswith("legend")}
        assert shown == node_labels, f"Mermaid {run['version']}\n{source}"
        assert {k: v["lines"] for k, v in result["clusters"].items() if k != "legend"} == titles
        assert not any(v["markup"] for v in [*result["nodes"].values(), *result["clusters"].values()])
        for node_id, class_name in expected_classes(phases).items():
            assert class_name in result["nodes"][node_id]["classes"]
        assert sorted(map(tuple, result["edges"])) == expected_edges(phases)
