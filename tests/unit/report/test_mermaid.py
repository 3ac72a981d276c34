"""The process map's Mermaid source read strictly (``mermaid_subset``): properties over any text,
the word ``direction`` that every Mermaid's lexer acts on, and how a big map is cut. The rendering
with real Mermaid releases is in ``test_mermaid_real``."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from intervjufas.report.process_map.mermaid import (
    MAX_EDGES,
    MAX_MOMENTS,
    STATES,
    TEXT_BUDGET,
    TITLE_WIDTH,
    MapNode,
    MapPhase,
    drawing,
    edge_count,
    flowchart,
    node_lines,
    text_size,
    title_lines,
)
from intervjufas.report.process_map.mermaid_text import (
    ELLIPSIS,
    SCAN_LIMIT,
    WRAP_WIDTH,
    escape,
    normalise,
    wrap,
)
from mermaid_subset import (
    HOSTILE,
    TYPICAL,
    SubsetError,
    any_char,
    expected_classes,
    expected_edges,
    expected_labels,
    parse_subset,
    phase_lists,
)

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
        'p1m1("x direction LR")',  # the lexer reads the rest of the line as a direction
        'p1m1("a Direction\ntb")',  # in any case, across a line break
        'p1more("a")\n    p1m1("b")',  # a moment after the box that counts the rest
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
@example("0 0 0 000\u09b1\u0e5c\u0e5c\U0001122c", 9, 3)  # (a spacing vowel sign after a split)
@example("0\u0cf3\u0e5c\u2d68 \U00011d8a", 8, 2)  # (a word that starts with a spacing mark)
def test_wrapping_keeps_the_text_and_the_width(text: str, width: int, max_lines: int) -> None:
    lines = wrap(text, width, max_lines)
    full = wrap(text, width, 10**6)
    for number, line in enumerate(lines):
        assert line and line == line.strip(" ") and display_width(line) <= width
        if number and unicodedata.category(line[0])[0] == "M":
            # a mark is never cut from its letter: a line starts with one only where a word of
            # the text does (a word may itself start with one)
            first = line.split(" ")[0]
            assert any(word.startswith(first) for word in text.split(" "))
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


# --- the word "direction" ------------------------------------------------------------------------

LEXER_DIRECTION = re.compile(r"(?i)direction\s+(TB|BT|RL|LR|TD)")


@pytest.mark.parametrize(
    "name",
    [
        "Samtal direction LR med kandidaten och en andra rad",
        "x direction TB y",
        "direction BT",
        "Fråga om direction RL och direction TD",
        "DIRECTION lr i versaler",
        "ordet direction sist på raden LR",
        "indirection LR",
        "direction\tLR",
    ],
)
def test_the_word_direction_never_reaches_the_lexer_raw(name: str) -> None:
    """Every Mermaid's lexer has ``.*direction\\s+LR[^\\n]*``: anywhere but in the program's own
    ``direction TB`` lines it would swallow a node (and break the diagram at a second label line)."""
    phases = [MapPhase(name, (MapNode(name, (name,), "new", name), MapNode(name)))]
    source = flowchart(phases)
    found = [m.group() for m in LEXER_DIRECTION.finditer(source)]
    assert found == ["direction TB"] * len(re.findall(r"(?m)^    direction TB$", source))
    parsed = parse_subset(source)
    assert parsed.nodes["p1m2"][0].replace(" ", "") in normalise(name).replace(" ", "")
    assert escape("direction") == "#100;irection" and escape("Direction") == "#68;irection"


# --- big maps ------------------------------------------------------------------------------------

ORDINARY = "Genomgång av kravprofilen med kunden"
# Every character of these is written as an entity code: the longest label a name can give.
ESCAPED = ":" * 300


def big_map(counts: tuple[int, ...], name: str = ORDINARY) -> list[MapPhase]:
    titles = ("Före intervjun", "Under intervjun", "Efter intervjun", "Fas fyra")
    return [
        MapPhase(title, tuple(MapNode(f"{name} {i}", (name,), STATES[i % 5], name) for i in range(count)))
        for title, count in zip(titles, counts, strict=False)
    ]


def test_a_map_within_the_limit_is_drawn_whole() -> None:
    phases = big_map((MAX_MOMENTS, MAX_MOMENTS, 3))
    picture = drawing(phases)
    assert picture.shown is None and picture.note == ""
    assert list(picture.phases) == phases
    parsed = parse_subset(picture.source)
    assert len([n for n in parsed.nodes if not n.startswith("legend")]) == 2 * MAX_MOMENTS + 3


@pytest.mark.parametrize("counts", [(600,), (200, 200, 200), (2000, 0, 1), (5000,), (1, 5000, 21)])
def test_a_big_map_shows_the_first_moments_of_each_phase_and_counts_the_rest(counts: tuple[int, ...]) -> None:
    phases = big_map(counts)
    picture = drawing(phases)
    assert picture.shown == MAX_MOMENTS
    parsed = parse_subset(picture.source)
    node_labels, _ = expected_labels(phases)
    assert {k: v for k, v in parsed.nodes.items() if not k.startswith("legend")} == node_labels
    assert sorted(parsed.edges) == expected_edges(phases)
    assert {k: v for k, v in parsed.classes.items() if not k.startswith("legend")} == expected_classes(phases)
    for number, count in enumerate(counts, start=1):
        if count > MAX_MOMENTS:
            assert parsed.nodes[f"p{number}more"] == [f"… och {count - MAX_MOMENTS} moment till"]
            assert parsed.nodes[f"p{number}m{MAX_MOMENTS}"] == node_lines(
                phases[number - 1].nodes[MAX_MOMENTS - 1]
            )
            assert (f"p{number}m{MAX_MOMENTS}", f"p{number}more") in parsed.edges
        else:
            assert f"p{number}more" not in parsed.nodes
    assert len(parsed.edges) == edge_count(picture.phases) <= MAX_EDGES
    assert text_size(picture.source) <= TEXT_BUDGET
    total = sum(counts)
    assert (
        picture.note
        == f"Diagrammet visar de första {MAX_MOMENTS} momenten i varje fas; tabellen har alla {total} moment."
    )


def test_names_that_fill_the_text_budget_leave_fewer_moments_in_each_phase() -> None:
    phases = big_map((2000, 2000, 2000), ESCAPED)
    picture = drawing(phases)
    assert picture.shown is not None and 1 <= picture.shown < MAX_MOMENTS
    assert text_size(picture.source) <= TEXT_BUDGET
    assert drawing(big_map((MAX_MOMENTS,) * 3, ESCAPED)).shown == picture.shown  # cut by size alone
    assert all(len(phase.nodes) == picture.shown for phase in picture.phases)
    parsed = parse_subset(picture.source)
    assert {k: v for k, v in parsed.nodes.items() if not k.startswith("legend")} == expected_labels(phases)[0]


def test_the_text_size_is_counted_as_javascript_counts_it() -> None:
    assert text_size("å") == 1 and text_size("😀") == 2 and text_size("👩\u200d💼") == 5


def test_a_drawing_of_a_drawing_is_the_same() -> None:
    picture = drawing(big_map((2000, 30, 4)))
    again = drawing(picture.phases)
    assert again == picture and again.note == picture.note


def test_the_note_speaks_of_one_moment_or_none_when_fewer_are_shown() -> None:
    one = drawing([MapPhase("a", (MapNode("x"),), more=5)]).phases
    assert (
        drawing(one).note == "Diagrammet visar det första momentet i varje fas; tabellen har alla 6 moment."
    )
    counted = drawing([MapPhase("a", (), more=7)])
    assert parse_subset(counted.source).nodes["p1more"] == ["7 moment"]
    assert counted.note == "Diagrammet visar bara hur många moment varje fas har; tabellen har alla 7 moment."


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=3000), min_size=1, max_size=4),
    st.lists(st.sampled_from(HOSTILE), min_size=1, max_size=30).map("".join),
)
def test_any_size_of_map_gives_a_diagram_inside_mermaids_limits(counts: list[int], name: str) -> None:
    node = MapNode(name, (name, name), "develop", name)
    phases = [MapPhase(name, (node,) * count) for count in counts]
    picture = drawing(phases)
    parsed = parse_subset(picture.source)
    assert len(parsed.edges) == edge_count(picture.phases) <= MAX_EDGES
    assert text_size(picture.source) <= TEXT_BUDGET
    if picture.shown is None:
        assert all(count <= MAX_MOMENTS for count in counts)
    for phase, count in zip(picture.phases, counts, strict=True):
        assert phase.total == count and len(phase.nodes) == min(count, picture.shown or count)


def test_a_name_longer_than_what_is_read_for_its_label_ends_with_an_ellipsis() -> None:
    long_tail = "Kort namn" + " " * SCAN_LIMIT + "som fortsätter"
    assert node_lines(MapNode(long_tail)) == ["Kort namn …"]
    page = "ord " * 250_000
    lines = node_lines(MapNode(page, (page,) * 10_000, "new", page))
    assert lines[3].endswith(ELLIPSIS) and lines[-1].endswith(ELLIPSIS) and len(lines) == 8
