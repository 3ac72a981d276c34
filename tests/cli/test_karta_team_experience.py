"""``karta --team`` with the received experience per moment: the candidates' and the customer's
ratings of a moment pooled over the reports behind the team's map (each consultant's latest
report), shown as median and count per audience, "för få svar" below the minimum, and never a free
text in any format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from feedback_samples import FIXTURES
from helpers import run_cli
from intervjufas.reading.feedback.minimum import ENVIRONMENT
from intervjufas.views.json_schema import schema

MAP = {
    "fore_karta": [
        {"namn": "Information om intervjun", "beror": ["kandidaten"], "id": "inf0rm01"},
        {"namn": "Genomgång av kravprofilen med kunden", "beror": ["kunden"], "id": "krav0001"},
        {"namn": "Påminnelse dagen före", "beror": ["kandidaten"], "id": "pam00001"},
    ],
    "under_karta": [{"namn": "Rundvisning på lagret", "beror": ["kandidaten", "kunden"], "id": "rund0001"}],
    "efter_karta": [{"namn": "Återkoppling till kandidaten", "beror": ["kandidaten"], "id": "ater0001"}],
}
FREE_TEXTS = ("Tydlig information", "Återkopplingen dröjde", "Skulle gärna", "Kunden skrev fritext")


@pytest.fixture(autouse=True)
def default_minimum(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENVIRONMENT, raising=False)


def mapped(tmp_path: Path, reports_dir: Path, author: str, date: str) -> Path:
    answers = {
        "uppdrag": f"Lagerarbetare {author}",
        "kund": "Nordlager AB",
        "roll": "Lagerarbetare",
        "datum": date,
        **MAP,
        **{f"{s}_{p}": "nej" for s in ("fore", "under", "efter") for p in ("lagga_till", "utveckla", "ta_bort")},
        "under_struktur": "Ja",
        "under_syfte": "Ja",
        "efter_rutin": "Ja",
    }
    source = tmp_path / f"svar-{author}.yaml"
    source.write_text(yaml.safe_dump(answers, allow_unicode=True, sort_keys=False), encoding="utf-8")
    before = set(reports_dir.glob("*.md"))
    result = run_cli("kartlagg", "--svar", str(source), env={"INTERVJUFAS_FORFATTARE": author})
    assert result.exit_code == 0, result.output
    (path,) = set(reports_dir.glob("*.md")) - before
    return path


@pytest.fixture
def team(tmp_path: Path, reports_dir: Path) -> tuple[Path, Path]:
    """Anna's and Bo's reports, each with the candidates' answers (five respondents); Anna's also
    with two answers from the customer."""
    anna = mapped(tmp_path, reports_dir, "Anna", "2024-05-01")
    bo = mapped(tmp_path, reports_dir, "Bo", "2024-05-02")
    for report in (anna, bo):
        result = run_cli("enkat", report.name, "--importera", str(FIXTURES / "microsoft_forms.csv"))
        assert result.exit_code == 0, result.output
    customer = tmp_path / "kund.csv"
    customer.write_text(
        "Genomgång av kravprofilen med kunden,Rundvisning på lagret,fritext\n"
        "4,5,\n5,4,\"Kunden skrev fritext\"\n",
        encoding="utf-8",
    )
    result = run_cli("enkat", anna.name, "--for", "kund", "--importera", str(customer))
    assert result.exit_code == 0, result.output
    return anna, bo


def team_json(env: dict[str, str] | None = None) -> dict:
    result = run_cli("karta", "--team", "--json", env=env)
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    Draft202012Validator(schema("karta")).validate(document)
    return document


def moments(document: dict) -> dict[str, dict]:
    return {m["namn"]: m for phase in document["teamfaser"] for m in phase["teammoment"]}


def test_the_experience_is_pooled_over_the_consultants_reports(team: tuple[Path, Path]) -> None:
    found = moments(team_json())
    # Information om intervjun: 5, 3, 5, 3, 4 in each report, ten ratings together.
    assert found["Information om intervjun"]["upplevelse"] == [
        {"enkat": "kandidat", "for_fa_svar": False, "antal_svar": 10, "median": 4.0}
    ]
    assert found["Återkoppling till kandidaten"]["upplevelse"][0]["median"] == 3.0  # 3, 2, 4, 1, 4 twice
    # Only two customers answered (in Anna's report): too few, and nothing else about them.
    assert found["Genomgång av kravprofilen med kunden"]["upplevelse"] == [{"enkat": "kund", "for_fa_svar": True}]
    audiences = [e["enkat"] for e in found["Rundvisning på lagret"]["upplevelse"]]
    assert audiences == ["kandidat", "kund"]
    text = run_cli("karta", "--team", columns=200)
    assert text.exit_code == 0, text.output
    assert "Upplevelse: kandidaterna median 4 (10 svar)" in text.stdout
    assert "Upplevelse: kandidaterna median 4 (8 svar), kunden för få svar" in text.stdout  # Rundvisning
    assert "Upplevelse: kunden för få svar" in text.stdout


def test_the_minimum_applies_to_the_pooled_ratings(team: tuple[Path, Path]) -> None:
    found = moments(team_json({ENVIRONMENT: "9"}))
    assert found["Information om intervjun"]["upplevelse"][0]["antal_svar"] == 10
    assert found["Påminnelse dagen före"]["upplevelse"] == [{"enkat": "kandidat", "for_fa_svar": True}]  # 8
    text = run_cli("karta", "--team", "--format", "markdown", env={ENVIRONMENT: "9"})
    assert "| Påminnelse dagen före | 2 av 2 | Anna och Bo | kandidaten | kandidaterna för få svar |" in text.stdout


def test_a_moment_no_form_asked_about_has_no_experience(team: tuple[Path, Path], tmp_path: Path, reports_dir: Path) -> None:
    mapped(tmp_path, reports_dir, "Cecilia", "2024-05-03")  # no answers kept: nothing read beside it
    found = moments(team_json())
    assert found["Information om intervjun"]["konsulter"] == ["Anna", "Bo", "Cecilia"]
    assert found["Information om intervjun"]["upplevelse"][0]["antal_svar"] == 10


def test_no_free_text_leaves_a_report_in_any_format(team: tuple[Path, Path], tmp_path: Path) -> None:
    kept = "".join(r.with_name(f"{r.stem}.enkatsvar.json").read_text(encoding="utf-8") for r in team)
    assert all(free_text in kept for free_text in FREE_TEXTS)  # kept beside the reports, and only there
    outputs = [run_cli("karta", "--team", *arguments).stdout for arguments in (
        [], ["--format", "markdown"], ["--format", "mermaid"], ["--json"]
    )]
    page = tmp_path / "team.html"
    exported = run_cli("exportera", "--team", "--format", "html", "--utfil", str(page))
    assert exported.exit_code == 0, exported.output
    outputs.append(page.read_text(encoding="utf-8"))
    assert "Upplevelse: kandidaterna median 4 (10 svar)" in outputs[-1]
    for output in outputs:
        for free_text in FREE_TEXTS:
            assert free_text not in output
