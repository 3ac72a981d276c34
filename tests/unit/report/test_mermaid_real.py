"""The process map's diagrams rendered by real Mermaid releases (9.x to 11.x, ``real_mermaid.py``):
hostile names one by one, any map hypothesis thinks of, and big maps – each parsed, and each box
showing exactly what the model says – and controls that prove the check sees a refused diagram."""

from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intervjufas.report.process_map.mermaid import MAX_MOMENTS, STATES, MapNode, MapPhase, drawing, flowchart
from mermaid_subset import (
    HOSTILE,
    TYPICAL,
    expected_classes,
    expected_edges,
    expected_labels,
    phase_lists,
)
from real_mermaid import PACKAGES, RealMermaid

# Each example is rendered by every release, so the property takes a share of the profile's
# examples (25 by default, 500 with HYPOTHESIS_PROFILE=deep).
REAL_EXAMPLES = max(25, settings.default.max_examples // 4)


def assert_shows_the_model(answers: dict[str, dict[str, Any]], phases: list[MapPhase], source: str) -> None:
    node_labels, titles = expected_labels(phases)
    for result in answers.values():
        where = f"Mermaid {result['version']}"
        assert result["ok"], f"{where}: {result['error']}\n{source}"
        shown = {k: v["lines"] for k, v in result["nodes"].items() if not k.startswith("legend")}
        assert shown == node_labels, f"{where}\n{source}"
        assert {k: v["lines"] for k, v in result["clusters"].items() if k != "legend"} == titles, where
        assert not any(v["markup"] for v in [*result["nodes"].values(), *result["clusters"].values()]), where
        for node_id, class_name in expected_classes(phases).items():
            assert class_name in result["nodes"][node_id]["classes"], f"{where}: {node_id}"
        assert sorted(map(tuple, result["edges"])) == expected_edges(phases), where


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
    second_line = "Samtal direction LR med kandidaten som får en andra rad"
    corpus.append([MapPhase("direction LR", (MapNode(second_line), MapNode("direction TB"), MapNode("end")))])
    return [*corpus, TYPICAL, [], [MapPhase("Under", ())]]


@pytest.fixture(scope="module")
def corpus_answers(real_mermaid: RealMermaid) -> list[tuple[list[MapPhase], str, dict[str, dict[str, Any]]]]:
    answers = []
    for phases in real_corpus():
        source = flowchart(phases)
        answers.append((phases, source, real_mermaid.render(source)))
    return answers


@pytest.mark.parametrize("package", PACKAGES)
def test_real_mermaid_parses_and_shows_every_name_as_typed(
    corpus_answers: list[tuple[list[MapPhase], str, dict[str, dict[str, Any]]]], package: str
) -> None:
    for phases, source, answers in corpus_answers:
        assert_shows_the_model({package: answers[package]}, phases, source)


@settings(max_examples=REAL_EXAMPLES, deadline=None)
@given(phase_lists, st.booleans())
def test_real_mermaid_shows_any_map_as_the_model_says(
    real_mermaid: RealMermaid, phases: list[MapPhase], legend: bool
) -> None:
    source = flowchart(phases, legend=legend)
    assert_shows_the_model(real_mermaid.render(source), phases, source)


ORDINARY = "Genomgång av kravprofilen med kunden"
ESCAPED = ":" * 300  # every character an entity code: the longest label a name can give
MIXED = 'direction LR end subgraph click style classDef %% "citat" [a] (b) {c} 😀 **fet** ' * 4


def big_map(counts: tuple[int, ...], name: str) -> list[MapPhase]:
    titles = ("Före intervjun", "Under intervjun", "Efter intervjun")
    return [
        MapPhase(
            title, tuple(MapNode(f"{name} {i}", (name, "kunden"), STATES[i % 5], name) for i in range(n))
        )
        for title, n in zip(titles, counts, strict=False)
    ]


@pytest.mark.parametrize(
    ("counts", "name"),
    [
        ((600,), ORDINARY),
        ((2000, 0, 3), ORDINARY),
        ((5000,), MIXED),
        ((200, 200, 200), ESCAPED),
        ((2000, 2000, 1000), MIXED),
    ],
    ids=["600", "2000", "5000-mixed", "600-escaped", "5000-in-three"],
)
def test_real_mermaid_accepts_big_maps_cut_as_the_model_says(
    real_mermaid: RealMermaid, counts: tuple[int, ...], name: str
) -> None:
    phases = big_map(counts, name)
    picture = drawing(phases)
    assert picture.shown is not None and picture.shown <= MAX_MOMENTS
    assert_shows_the_model(real_mermaid.render(picture.source), phases, picture.source)


# --- controls: the check sees what Mermaid refuses -------------------------------------------------


def test_the_check_sees_the_direction_bug_the_escaping_prevents(real_mermaid: RealMermaid) -> None:
    raw = 'flowchart LR\n  subgraph p1["a"]\n    direction TB\n    p1m1("Samtal direction LR med\nkandidaten")\n  end\n'
    for result in real_mermaid.render(raw).values():
        assert not result["ok"], result["version"]


def test_the_check_sees_a_source_past_the_text_limit(real_mermaid: RealMermaid) -> None:
    source = 'flowchart LR\n  a["' + "x " * 25_001 + '"]\n'
    for result in real_mermaid.render(source).values():
        assert not result["ok"] and "maxTextSize" in result["error"], result["version"]


def test_the_check_sees_too_many_edges(real_mermaid: RealMermaid) -> None:
    source = "flowchart LR\n" + "".join(f"  n{i} --> n{i + 1}\n" for i in range(501))
    limited = [package for package in PACKAGES if package != "mermaid-9"]  # 9.x has no edge limit
    for result in real_mermaid.render(source, limited).values():
        assert not result["ok"] and "Edge limit exceeded" in result["error"], result["version"]
