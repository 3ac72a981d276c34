"""A report whose process map is far too big for one readable diagram (600, 2,000 and 5,000
moments): the report's "Processkarta", ``karta --format mermaid|markdown`` and the exports all draw
the same cut diagram (the first moments of each phase and a box counting the rest), real Mermaid
9.x–11.x accepts it, and the table and the exports keep every moment."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from helpers import command
from intervjufas.folder.loading import load_report
from intervjufas.model.answers import Answer, Moment
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.report.model import Report
from intervjufas.report.process_map.mermaid import MAX_MOMENTS
from intervjufas.report.render import render
from mermaid_subset import parse_subset
from real_mermaid import RealMermaid, mermaid_blocks

karta = command("karta")
exportera = command("exportera")
NAME = 'Samtal direction LR med kunden {n}: "citat" [a] (b) %% end'


def big_report(folder: Path, questionnaire: Questionnaire, before: int) -> Path:
    report = Report.new(questionnaire)
    report.answers["uppdrag"] = Answer("Stort uppdrag")
    report.answers["fore_karta"] = Answer(
        tuple(Moment(NAME.format(n=n), ("kunden",), f"Notering {n}", id=f"m{n}") for n in range(before))
    )
    report.answers["under_karta"] = Answer((Moment("Intervju", ("kandidaten",), id="u1"),))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "2026-01-10-stort.md"
    path.write_text(render(report, questionnaire), encoding="utf-8")
    return path


@pytest.mark.parametrize("before", [600, 2000, 5000])
def test_every_drawing_of_a_big_map_is_the_same_cut_diagram_that_mermaid_accepts(
    reports_dir: Path, kartlaggning: Questionnaire, real_mermaid: RealMermaid, before: int
) -> None:
    path = big_report(reports_dir, kartlaggning, before)
    text = path.read_text(encoding="utf-8")
    [in_report] = mermaid_blocks(text)
    mermaid = karta(path.name, "--format", "mermaid")
    markdown = karta(path.name, "--format", "markdown")
    assert mermaid.exit_code == 0 and markdown.exit_code == 0, mermaid.output + markdown.output
    assert mermaid.stdout == in_report and mermaid_blocks(markdown.stdout) == [in_report]
    parsed = parse_subset(in_report)
    moments = [node for node in parsed.nodes if node.startswith("p1m") and node[3:].isdigit()]
    assert len(moments) == MAX_MOMENTS and parsed.nodes["p1more"] == [
        f"… och {before - MAX_MOMENTS} moment till"
    ]
    note = f"*Diagrammet visar de första {MAX_MOMENTS} momenten i varje fas; tabellen har alla {before + 1} moment.*"
    assert note in text.split("\n") and note in markdown.stdout.split("\n")
    table = [line for line in markdown.stdout.split("\n") if line.startswith("| Före intervjun |")]
    assert len(table) == before  # the whole map is in the table
    for version, result in real_mermaid.render(in_report).items():
        assert result["ok"], f"{version}: {result['error']}"
        assert result["nodes"]["p1more"]["lines"] == parsed.nodes["p1more"]
        assert result["nodes"]["p1m1"]["lines"] == parsed.nodes["p1m1"]
    # the note is the program's own line: read back and written again, the report is unchanged
    loaded = load_report(path)
    assert render(loaded.report, kartlaggning) == text


def test_the_exports_of_a_big_map_keep_every_moment(
    reports_dir: Path, kartlaggning: Questionnaire, tmp_path: Path
) -> None:
    path = big_report(reports_dir, kartlaggning, 2000)
    html, word = tmp_path / "karta.html", tmp_path / "karta.docx"
    for target in (html, word):
        result = exportera(path.name, "-o", str(target))
        assert result.exit_code == 0, result.output
    page = html.read_text(encoding="utf-8")
    assert page.count('<li class="moment ') == MAX_MOMENTS + 1 + 1  # the cut phase, its count, Intervju
    map_table = page.split('<table class="map-table">')[1].split("</table>")[0]
    assert "… och 1980 moment till" in page and map_table.count("<tr>") == 1 + 2001
    document = docx.Document(io.BytesIO(word.read_bytes()))
    rows = list(document.tables[1].rows)
    assert len(rows) == 1 + 2001
