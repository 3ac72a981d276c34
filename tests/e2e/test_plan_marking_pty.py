"""Keeping the plan up from ``plan`` in a real pseudo-terminal: the list, then a menu that marks an
open item with a status and a comment, written into the report that holds it and seen by ``plan``
at once; Enter on the pre-selected "Klar" ends it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import Terminal, front_matter, report_paths, write_answers

Run = Callable[..., Terminal]


def earlier_mapping(run_command: Callable, reports_dir: Path) -> Path:
    """A finished Steg 1 and 2 (from an answers file) planning three items."""
    answers = write_answers(
        reports_dir.parent,
        "tidigare.yaml",
        {
            "uppdrag": "Lagerarbetare",
            "kund": "Nordlager AB",
            "datum": "2024-05-02",
            "fore_lagga_till": "Ja",
            "fore_lagga_till_vad": [{"moment": "Välkomstsamtal", "varfor": "Tryggare kandidater"}],
            "fore_utveckla": "Nej",
            "fore_ta_bort": "Nej",
            "under_struktur": "Ja",
            "under_syfte": "Ja",
            "under_lagga_till": "Nej",
            "under_utveckla": "Ja",
            "under_utveckla_vad": [{"moment": "Avslutet", "varfor": "Tydligt nästa steg"}],
            "under_ta_bort": "Ja",
            "under_ta_bort_vad": [{"moment": "Pappersenkät", "varfor": "Ingen läser den"}],
        },
    )
    made = run_command("kartlagg", "--steg", "1", "--steg", "2", "--svar", str(answers))
    assert made.returncode == 0, made.stderr
    [path] = report_paths(reports_dir)
    return path


@pytest.mark.e2e
def test_an_item_is_marked_from_plan(run: Run, run_command: Callable, reports_dir: Path) -> None:
    report = earlier_mapping(run_command, reports_dir)
    t = run("plan")
    t.expect("3 öppna moment.")
    t.expect_question("Vilket moment vill du följa upp?", progress="Följ upp planen · 3 öppna moment")
    t.expect("Klar – inget mer att följa upp nu")
    t.expect("Utveckla: Avslutet (Steg 2, 2024-05-02, ej uppföljt)")
    t.send("3\r")  # Klar, Välkomstsamtal, Avslutet, Pappersenkät
    t.expect("Varför: Tydligt nästa steg")
    t.choose_with_comment("Utveckla: Avslutet – hur gick det?", 1, "Nu med tydligt nästa steg")  # Genomfört
    t.expect("Utveckla: Avslutet – Genomfört (Nu med tydligt nästa steg). Sparat")
    t.expect(report.name)
    t.expect_question("Vilket moment vill du följa upp?", progress="Följ upp planen · 2 öppna moment")
    t.send("\r")  # Klar (pre-selected)
    assert t.wait_exit() == 0

    listed = run_command("plan", "--json")
    assert listed.returncode == 0, listed.stderr
    names = [row["namn"] for row in json.loads(listed.stdout)["oppna_moment"]]
    assert sorted(names) == ["Pappersenkät", "Välkomstsamtal"]
    assert "markeringar" in front_matter(report)
    text = report.read_text(encoding="utf-8")
    assert "Svar: **Genomfört**\n\nNu med tydligt nästa steg\n" in text
