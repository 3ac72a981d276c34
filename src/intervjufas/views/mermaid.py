"""Mermaid flowchart source for a process map (Före → Under → Efter).

Why it is written the way it is:

* The picture is drawn by whatever Mermaid the reader's viewer bundles (GitHub, GitLab, Obsidian,
  VS Code: anything from 9.x to 11.x), never by us, so the source must mean the same thing to all
  of them. Moment names are free text, so no part of a name ever becomes syntax: node ids are
  generated (``p1``, ``p1m1``, …) and every label is a quoted string in which each character that
  some version acts on is written as a numeric entity code (``#35;``), which Mermaid turns back into
  the character only when it draws. Those are: the quote; ``#``, ``&``, ``<``, ``>`` (entities and
  HTML); ``%`` (an ``%%{init}`` directive is found anywhere in the text); ``:`` (``fa:fa-…`` icons
  and a ``style…:#…;`` rewrite in 9.x); ``\\`` (``\\n`` is a line break); ``@`` and the dot of
  ``www.`` (links); the backtick, braces and the markdown markers ``* _ ~ [ ] | $`` (11.4 reads
  even plain labels as markdown; ``$$`` starts KaTeX from 10.9); and ``-``, ``+``, ``=`` or the dot of ``1.`` that starts a line.
  Everything else, åäö and emoji included, is written as typed, so the source stays readable.
* Line breaks inside a label are real newlines in the quoted string, not ``<br/>``: every version
  draws both as a break, but in 11.4 a ``<`` in a label sends it through an HTML sanitiser that
  turns the entity codes back into characters before the markdown step, so ``<br/>`` would undo the
  escaping above. Continuation lines are therefore not indented.
* Names are normalised (whitespace runs, tabs and line breaks become one space; control
  characters, non-characters and invisible-only words go; Mermaid's internal markers ``ﬂ°`` and
  ``¶ß`` get a word joiner) and wrapped at spaces to a fixed width, which keeps a line under the
  200 px at which Mermaid 10+ wraps it again. Past a few lines the name is cut with "…": the table
  under the diagram has the full text.
* ``flowchart LR`` with a ``direction TB`` subgraph per phase: the three phases stand side by side
  within a rendered page's width, and a phase with many moments grows downwards instead of
  shrinking the whole picture. Only the subgraphs are linked to each other, because Mermaid ignores
  a subgraph's direction once one of its nodes has an edge leaving it.
* A state shows three ways, so it survives a dark theme or a reader who cannot tell the colours
  apart: a ``classDef`` fill and border, a mark before the name, and a legend naming the states used.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, get_args

State = Literal["kept", "new", "develop", "remove", "developed"]
STATES: tuple[State, ...] = get_args(State)

WRAP_WIDTH = 24
"""Columns per label line (a wide character counts two); about 190 px in Mermaid's default font."""
NAME_LINES = 4
MIN_SPLIT = 4
"""Columns that must be left on a line for an overlong word to start there rather than below."""
TITLE_WIDTH = 32
NOTE_LINES = 2
INVOLVES_LINES = 2
TITLE_LINES = 1
ELLIPSIS = "…"
SEPARATOR = " · "
BREAK = "\n"
EMPTY_PHASE = "(inga moment)"
UNNAMED = "(namnlöst moment)"
UNTITLED = "(namnlös fas)"

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

_ALWAYS_ESCAPED = frozenset('"#&<>%:@\\`*_~[]|{}$')
_BLOCK_START = frozenset("-+=")
_ORDERED_LIST = re.compile(r"\d+[.)]")
_WWW_DOT = re.compile(r"(?i)(?<=www)\.")
_NONCHARACTER = re.compile("[\ufdd0-\ufdef\ufffe\uffff]")


@dataclass(frozen=True)
class MapNode:
    """One moment of a phase: its name, who it involves, its planned or done change."""

    label: str
    involves: tuple[str, ...] = ()
    state: State = "kept"
    note: str = ""


@dataclass(frozen=True)
class MapPhase:
    """A phase of the map ("Före intervjun", …) and its moments in order."""

    title: str
    nodes: tuple[MapNode, ...]


def normalise(text: str) -> str:
    """One line of plain text: any whitespace run becomes one space; control characters,
    non-characters and words of invisible characters only are dropped; a lone surrogate becomes
    U+FFFD; Mermaid's entity markers ``ﬂ°`` and ``¶ß`` get a word joiner so it leaves them alone."""
    out: list[str] = []
    for ch in text:
        if ch.isspace():
            out.append(" ")
        elif "\ud800" <= ch <= "\udfff":
            out.append("\ufffd")
        elif unicodedata.category(ch) != "Cc" and ch != "\ufeff" and not _is_nonchar(ch):
            out.append(ch)
    words = [word for word in "".join(out).split() if _text_width(word)]
    return " ".join(words).replace("ﬂ°", "ﬂ\u2060°").replace("¶ß", "¶\u2060ß")


def _is_nonchar(ch: str) -> bool:
    return bool(_NONCHARACTER.match(ch)) or (ord(ch) & 0xFFFE) == 0xFFFE


def _width(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _clusters(word: str) -> Iterator[str]:
    """Characters grouped so that a hard break never splits an accent or an emoji sequence."""
    cluster = ""
    for ch in word:
        joins = cluster and (
            _width(ch) == 0
            or cluster.endswith("\u200d")
            or "\U0001f3fb" <= ch <= "\U0001f3ff"
            or (_is_flag_half(ch) and len(cluster) == 1 and _is_flag_half(cluster))
        )
        if cluster and not joins:
            yield cluster
            cluster = ""
        cluster += ch
    if cluster:
        yield cluster


def _is_flag_half(ch: str) -> bool:
    return "\U0001f1e6" <= ch <= "\U0001f1ff"


def _text_width(text: str) -> int:
    return sum(_width(ch) for ch in text)


def wrap(text: str, width: int = WRAP_WIDTH, max_lines: int = NAME_LINES) -> list[str]:
    """Greedy word wrap of normalised text at spaces; a word wider than a line goes on from where
    the line is (if a few columns are left) and is split between characters; lines past
    ``max_lines`` are dropped and the last kept one ends with "…"."""
    lines: list[str] = []
    line = ""
    for word in text.split(" ") if text else []:
        candidate = f"{line} {word}" if line else word
        if _text_width(candidate) <= width:
            line = candidate
        elif _text_width(word) <= width:
            lines.append(line)
            line = word
        else:
            if line and width - _text_width(line) - 1 < MIN_SPLIT:
                lines.append(line)
                line = ""
            line = f"{line} " if line else ""
            for cluster in _clusters(word):
                if line.strip() and _text_width(line + cluster) > width:
                    lines.append(line.rstrip())
                    line = ""
                line += cluster
    if line:
        lines.append(line)
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    kept[-1] = _with_ellipsis(kept[-1], width)
    return kept


def _with_ellipsis(line: str, width: int) -> str:
    """The last kept line, shortened to make room for "…", at a space if one is near the end."""
    clusters = list(_clusters(line))
    cut = bool(clusters) and _text_width(line) + 1 > width
    while clusters and _text_width("".join(clusters)) + 1 > width:
        clusters.pop()
    kept = "".join(clusters)
    space = kept.rfind(" ")
    if cut and space > len(kept) // 2:
        kept = kept[:space]
    return kept.rstrip() + ELLIPSIS


def escape(line: str) -> str:
    """A plain line as text for a quoted Mermaid label (see the module docstring for the set)."""
    out = [f"#{ord(ch)};" if ch in _ALWAYS_ESCAPED else ch for ch in line]
    for match in _WWW_DOT.finditer(line):
        out[match.end() - 1] = "#46;"
    if line and line[0] in _BLOCK_START:
        out[0] = f"#{ord(line[0])};"
    elif match := _ORDERED_LIST.match(line):
        end = match.end() - 1
        out[end] = f"#{ord(line[end])};"
    return "".join(out)


def node_lines(node: MapNode) -> list[str]:
    """The plain lines a moment's box shows: mark and name, the note, who it involves."""
    mark = MARKS[node.state]
    name = normalise(node.label) or UNNAMED
    lines = wrap(f"{mark} {name}" if mark else name)
    note = normalise(node.note)
    if note:
        lines += wrap(note, max_lines=NOTE_LINES)
    involved = [word for word in (normalise(who) for who in node.involves) if word]
    if involved:
        lines += wrap(f"({SEPARATOR.join(involved)})", max_lines=INVOLVES_LINES)
    return lines


def title_lines(title: str) -> list[str]:
    return wrap(normalise(title) or UNTITLED, TITLE_WIDTH, TITLE_LINES)


def label(lines: Sequence[str]) -> str:
    """The quoted label for some plain lines: each escaped, joined by line breaks."""
    return '"' + BREAK.join(escape(line) for line in lines) + '"'


def flowchart(phases: Sequence[MapPhase], *, legend: bool = True) -> str:
    """The diagram's source, without the fences. Same input, same text."""
    for phase in phases:
        for node in phase.nodes:
            if node.state not in STATES:
                raise ValueError(f"unknown state {node.state!r}")
    out = ["flowchart LR"]
    members: dict[str, list[str]] = {}
    for index, phase in enumerate(phases, start=1):
        out += _phase(index, phase, members)
    out += [f"  p{index} --> p{index + 1}" for index in range(1, len(phases))]
    used = [state for state in STATES if state != "kept" and members.get(state)]
    if legend and used:
        out += _legend(used, members)
    for name in [*STATES, "empty"]:
        if members.get(name):
            out.append(f"  classDef {CLASS_PREFIX}{name} {CLASS_DEFS[name]}")
            out.append(f"  class {','.join(members[name])} {CLASS_PREFIX}{name}")
    return "\n".join(out) + "\n"


def _phase(index: int, phase: MapPhase, members: dict[str, list[str]]) -> list[str]:
    phase_id = f"p{index}"
    out = [f"  subgraph {phase_id}[{label(title_lines(phase.title))}]", "    direction TB"]
    if not phase.nodes:
        empty_id = f"{phase_id}none"
        out.append(f"    {empty_id}[{label([EMPTY_PHASE])}]")
        members.setdefault("empty", []).append(empty_id)
    ids = [f"{phase_id}m{number}" for number in range(1, len(phase.nodes) + 1)]
    for node_id, node in zip(ids, phase.nodes, strict=True):
        out.append(f"    {node_id}({label(node_lines(node))})")
        if node.state != "kept":
            members.setdefault(node.state, []).append(node_id)
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
