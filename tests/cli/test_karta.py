"""`intervjufas karta`: a report's process map, or the newest in the reports folder, as text,
Markdown, Mermaid or JSON; a report without a map; one made before maps; and the errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from helpers import command, run_cli
from intervjufas.reading.process_map.shown_map import shown_map_of
from intervjufas.report.process_map.mermaid import flowchart
from intervjufas.report.process_map.report_map import map_phases
from intervjufas.views.process_map.shown_map import map_mermaid
from map_samples import ANNA, ERIKS, FIRST, THIRD, write_sample_reports

karta = command("karta", columns=80)
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
OLD = "2024-01-15-lagerarbetare-till-nordlager.md"


def flat(text: str) -> str:
    """The text with its line breaks (where a line was wrapped) as spaces."""
    return " ".join(text.split())


@pytest.fixture
def maps(reports_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("INTERVJUFAS_FORFATTARE", ANNA)
    return write_sample_reports(reports_dir)


def test_a_named_report_as_text(maps: Path) -> None:
    result = karta("2024-01-15")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(
        "Processkarta: Lager\n2024-01-15 · Nordlager AB · av Anna Berg\nRapport: 2024-01-15-lager.md\n\n"
        "Före intervjun\n    Kravprofil\n      Berör: kunden\n      Notering: En vecka före\n"
        "  ↗ Kallelse\n      Berör: kandidaten\n      Utveckla – Tydligare information\n"
    )
    assert "\nUnder intervjun\n" in result.stdout and "\nEfter intervjun\n    Återkoppling\n" in result.stdout
    assert result.stdout.endswith("\n\nTeckenförklaring: + Nytt · ↗ Utveckla · ✕ Ta bort\n")
    assert "\x1b" not in result.stdout and result.stderr == ""


def test_without_a_report_the_latest_map_names_its_report(maps: Path) -> None:
    own = karta()
    assert own.exit_code == 0, own.output
    assert "Den senaste kartan i rapportmappen: 2024-03-05-plock.md\n" in own.stdout
    assert "  ✓ Intervju\n      Berör: kunden, kandidaten\n      Utvecklat 2024-03-05\n" in own.stdout
    everyone = karta("--alla")
    assert f"Den senaste kartan i rapportmappen: {ERIKS}\n" in everyone.stdout
    assert "2024-03-10 · Nordlager AB · av Erik Ek\n" in everyone.stdout
    stranger = karta(env={"INTERVJUFAS_FORFATTARE": "Okänd"})
    assert f"Den senaste kartan i rapportmappen (du har ingen egen karta här): {ERIKS}" in flat(
        stranger.stdout
    )


def test_alla_with_a_named_report_says_that_it_does_not_apply(maps: Path) -> None:
    result = karta("--alla", "2024-01-15")
    assert result.exit_code == 0, result.output
    assert result.stdout == karta("2024-01-15").stdout
    assert result.stderr.startswith("Varning: --alla väljer bland allas kartor när ingen RAPPORT anges")
    assert result.stderr.count("\n") == 1


def test_markdown_is_the_section_of_the_report(maps: Path) -> None:
    result = karta(FIRST, "--format", "markdown")
    assert result.exit_code == 0, result.output
    text = (maps / FIRST).read_text(encoding="utf-8")
    section = text.split("## Processkarta<!-- avsnitt: processkarta -->\n", 1)[1].split("\n## ", 1)[0]
    assert result.stdout == "## Processkarta\n" + section.rstrip("\n") + "\n"
    assert karta(FIRST, "--format", "md").stdout == result.stdout


def test_mermaid_is_exactly_the_flowchart(maps: Path) -> None:
    result = karta("--format", "mermaid")
    assert result.exit_code == 0, result.output
    view = shown_map_of(maps / THIRD)
    assert result.stdout == map_mermaid(view) == flowchart(map_phases(view.drawn))
    assert result.stdout.startswith("flowchart LR\n") and "```" not in result.stdout


def test_json_and_its_short_form(maps: Path) -> None:
    result = karta(FIRST, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert json.loads(karta(FIRST, "--json").stdout) == data
    assert data["rapport"] == {
        "fil": FIRST,
        "sokvag": str(maps / FIRST),
        "datum": "2024-01-15",
        "uppdrag": "Lager",
        "kund": "Nordlager AB",
        "forfattare": ANNA,
        "uppsattning": "kartlaggning",
    }
    assert data["format"] == 2 and data["senaste"] is False and data["ursprung"] == "karta"
    assert [(p["id"], p["titel"]) for p in data["faser"]] == [
        ("fore", "Före intervjun"),
        ("under", "Under intervjun"),
        ("efter", "Efter intervjun"),
    ]
    assert data["faser"][0]["moment"][1] == {
        "id": "m0kall",
        "namn": "Kallelse",
        "beror": ["kandidaten"],
        "notering": "",
        "markering": "utveckla",
        "markering_text": "Utveckla",
        "varfor": "Tydligare information",
        "utvecklat": None,
    }
    assert [m["markering_text"] for p in data["faser"] for m in p["moment"]] == [
        None,
        "Utveckla",
        "Nytt",
        None,
        "Ta bort",
        None,
    ]
    assert [m["markering"] for p in data["faser"] for m in p["moment"]] == [
        None,
        "utveckla",
        "nytt",
        None,
        "ta_bort",
        None,
    ]
    latest = json.loads(karta("--json").stdout)
    assert latest["senaste"] is True and latest["rapport"]["fil"] == THIRD
    assert latest["faser"][1]["moment"][0]["utvecklat"] == "2024-03-05"


def test_a_report_made_before_maps(reports: Path) -> None:
    result = karta(OLD)
    assert result.exit_code == 0, result.output
    assert (
        "Rapporten gjordes innan processkartan fanns: kartan visar de moment som dess\nutvecklingsplan nämner."
        in result.stdout
    )
    assert "  + Checklista till kunden\n      Nytt – Så att inget glöms inför intervjun\n" in result.stdout
    data = json.loads(karta(OLD, "--json").stdout)
    assert data["ursprung"] == "utvecklingsplan"
    assert data["faser"][0]["moment"][0]["id"] is None


def _answers(folder: Path, name: str, answers: dict) -> Path:
    path = folder / name
    path.write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
    return path


def test_a_report_without_a_map(reports_dir: Path, tmp_path: Path) -> None:
    answers = _answers(
        tmp_path,
        "svar.yaml",
        {
            "uppdrag": "Utan karta",
            "datum": "2024-05-02",
            "fore_lagga_till": "Nej",
            "fore_utveckla": "Nej",
            "fore_ta_bort": "Nej",
        },
    )
    assert run_cli("kartlagg", "--svar", str(answers), "--steg", "1").exit_code == 0
    result = karta("utan karta")
    assert result.exit_code == 0, result.output
    assert (
        "Rapporten har ingen processkarta ännu: inga moment är kartlagda i 2024-05-02-utan-karta.md."
        in flat(result.stdout)
    )
    assert "Före intervjun" not in result.stdout
    data = json.loads(karta("utan", "--json").stdout)
    assert data["ursprung"] == "ingen" and all(p["moment"] == [] for p in data["faser"])
    assert (
        karta("utan", "--format", "markdown").stdout == "## Processkarta\n\n*Inga moment kartlagda ännu.*\n"
    )


def test_an_empty_folder(reports_dir: Path) -> None:
    reports_dir.mkdir()
    result = karta()
    assert result.exit_code == 0, result.output
    assert flat(result.stdout) == (
        f"Det finns ingen processkarta i {reports_dir} ännu. Kartan ritas när du kartlägger momenten i din "
        "process: intervjufas kartlagg"
    )
    data = json.loads(karta("--json").stdout)
    assert data["rapport"] is None and data["ursprung"] == "ingen"
    assert karta("--format", "mermaid").stdout.startswith("flowchart LR\n")  # three empty phases


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["--format", "pdf"],
            2,
            "Fel: Okänt format 'pdf' för --format; välj text, markdown, mermaid eller json.",
        ),
        (["--json", "--format", "markdown"], 2, "Fel: Välj --json eller --format markdown, inte båda."),
        (["--historik", FIRST], 2, "Fel: --historik visar hela rapportmappens historik; ange ingen RAPPORT."),
        (
            ["--historik", "--format", "mermaid"],
            2,
            "Fel: Historiken finns som text, markdown eller json, inte som mermaid.",
        ),
        (["saknas"], 1, "Fel: Hittar ingen rapport som heter eller börjar med 'saknas'"),
        (["nordlager"], 1, "Fel: 'nordlager' passar 4 rapporter i"),
    ],
)
def test_errors_are_one_line_and_a_named_exit_code(
    maps: Path, args: list[str], code: int, message: str
) -> None:
    result = karta(*args)
    assert result.exit_code == code
    assert result.stderr.startswith(message), result.stderr
    assert result.stdout == ""


def test_unreadable_files_are_warnings(maps: Path) -> None:
    (maps / "2024-04-01-trasig.md").write_text("---\nintervjufas: [\n---\n", encoding="utf-8")
    result = karta()
    assert result.exit_code == 0
    assert result.stderr.startswith("Varning: 2024-04-01-trasig.md: ")
    assert "Den senaste kartan i rapportmappen: 2024-03-05-plock.md" in result.stdout
