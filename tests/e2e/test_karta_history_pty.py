"""`karta --historik` in a real pseudo-terminal, over a consultant's sixty maps: the default view
(the map's changes) fits a screen or two, and the full history (--detaljer), many screens long,
goes through the pager."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from intervjufas.model.answers import Answer, Moment
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.report.model import Report
from intervjufas.report.render import render
from map_samples import ANNA

from .readiness import PAGER_PROMPT
from .test_karta_pty import Terminal, spawn

NAMES = ("Kravprofil", "Kallelse", "Urval", "Förberedande samtal", "Intervjufrågor", "Referenser", "Avslut")


@pytest.fixture
def many_maps(reports_dir: Path) -> Path:
    """Sixty reports whose maps take five of seven moments each time (new ids: followed by name)."""
    reports_dir.mkdir(parents=True)
    questionnaire, rng = builtin_set("kartlaggning"), random.Random(20)
    for number in range(60):
        date = f"2024-{number // 28 + 1:02d}-{number % 28 + 1:02d}"
        report = Report.new(questionnaire)
        report.report_id, report.created, report.author = f"r{number:02d}", f"{date}T09:00:00+01:00", ANNA
        report.answers.update({"uppdrag": Answer(f"Uppdrag {number}"), "datum": Answer(date)})
        moments = tuple(Moment(name, id=f"m{number}x{index}") for index, name in enumerate(rng.sample(NAMES, 5)))
        report.answers["fore_karta"] = Answer(moments)
        (reports_dir / f"{date}-uppdrag-{number}.md").write_text(render(report, questionnaire), encoding="utf-8")
    return reports_dir


@pytest.mark.e2e
def test_the_changes_fit_a_screen_or_two(program: str, many_maps: Path, home_dir: Path) -> None:
    child, _ = spawn(program, ["karta", "--historik", "--ingen-pager"], many_maps, home_dir, (40, 100))
    t = Terminal(child)
    t.expect("Dina kartor (Anna Berg): 60 rapporter")
    assert t.wait_exit() == 0
    lines = t.output.rstrip("\n").splitlines()
    assert len(lines) <= 2 * 40, len(lines)
    assert "gånger sedan" in t.output and "Borttaget (" in t.output and "Tillagt (" in t.output
    assert max(len(line.rstrip()) for line in lines) <= 100


@pytest.mark.e2e
def test_the_full_history_goes_through_the_pager(program: str, many_maps: Path, home_dir: Path) -> None:
    if shutil.which("less") is None:
        pytest.skip("less is not installed")
    child, _ = spawn(program, ["karta", "--historik", "--detaljer"], many_maps, home_dir, (24, 100), PAGER="less", LESS=None)
    t = Terminal(child)
    t.expect("Processkartans historik")
    t.expect(PAGER_PROMPT)
    t.send("q", at_prompt=False)
    assert t.wait_exit() == 0
    assert "Inte längre på kartan" in t.output
    assert len(t.output.splitlines()) < 40  # only the first page of hundreds of lines was shown
