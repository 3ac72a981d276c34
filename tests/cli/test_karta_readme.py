"""The README's examples of ``karta``, ``karta --historik`` and the map part of ``jamfor`` are what
the program writes (for the sample maps, with the README's assignment names)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import REPO, run_cli
from intervjufas.model.answers import Answer
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.report.render import render
from map_samples import ANNA, sample_reports

README = (REPO / "README.md").read_text(encoding="utf-8")
NAMES = {
    "Lager": ("Lagerarbetare till Nordlager", "2024-01-15-lagerarbetare-till-nordlager.md"),
    "Truck": ("Truckförare till Nordlager", "2024-02-20-truckforare-till-nordlager.md"),
    "Plock": ("Plockare till Nordlager", "2024-03-05-plockare-till-nordlager.md"),
    "Kund": ("Kundtjänst till Nordlager", "2024-03-10-kundtjanst-till-nordlager.md"),
}


@pytest.fixture
def readme_maps(reports_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("INTERVJUFAS_FORFATTARE", ANNA)
    reports_dir.mkdir(parents=True)
    questionnaire = builtin_set("kartlaggning")
    for _, report in sample_reports():
        uppdrag, name = NAMES[report.uppdrag]
        report.answers["uppdrag"] = Answer(uppdrag)
        (reports_dir / name).write_text(render(report, questionnaire), encoding="utf-8")
    return reports_dir


def example(command: str) -> list[str]:
    """The lines of the README's example that starts with ``$ command`` (up to "…" or the fence)."""
    start = README.index(f"$ {command}\n")
    block = README[start : README.index("```", start)].split("\n")[1:]
    return [line for line in block[: block.index("…") if "…" in block else None] if line]


@pytest.mark.parametrize(
    ("command", "columns"),
    [
        ("intervjufas karta 2024-01-15 | head -12", 80),
        ("intervjufas karta --historik", 200),
        ("intervjufas karta --historik --detaljer", 200),
        ("intervjufas jamfor 2024-01-15 2024-03-05", 100),
    ],
)
def test_the_examples_are_what_the_program_writes(readme_maps: Path, command: str, columns: int) -> None:
    args = command.split("|")[0].split()[1:]
    result = run_cli(*args, columns=columns)
    assert result.exit_code == 0, result.output
    shown = [line for line in result.stdout.split("\n") if line]
    expected = example(command)
    assert shown[: len(expected)] == expected


def test_the_wide_example_has_the_phases_side_by_side(readme_maps: Path) -> None:
    lines = example("intervjufas karta 2024-01-15")
    result = run_cli(
        "karta", "2024-01-15", columns=110, env={"TTY_COMPATIBLE": "1", "LINES": "200", "NO_COLOR": "1"}
    )
    shown = [re.sub(r"\x1b\[[0-9;]*m", "", line).rstrip() for line in result.stdout.split("\n")]
    assert [line for line in shown if line] == lines
