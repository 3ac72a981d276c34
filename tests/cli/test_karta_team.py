"""``karta --team``: the team's map from every consultant's latest map, names grouped as the team
decided (likeness, then the shared vocabulary), nothing but moment names and whom they involve, and
anonymised or unsigned reports counted without a name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from helpers import run_cli
from intervjufas.folder.team_vocabulary import FILE_NAME, read_vocabulary
from intervjufas.views.json_schema import schema
from team_samples import SECRET, write_team_reports


@pytest.fixture
def team(reports_dir: Path) -> Path:
    return write_team_reports(reports_dir)


def team_json(*extra: str) -> dict:
    result = run_cli("karta", "--team", "--json", *extra)
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    Draft202012Validator(schema("karta")).validate(document)
    return document


def moments(document: dict, phase: str) -> dict[str, dict]:
    found = next(p for p in document["teamfaser"] if p["id"] == phase)
    return {m["namn"]: m for m in found["teammoment"]}


def test_the_team_map_counts_each_consultants_latest_map_most_common_first(team: Path) -> None:
    document = team_json()
    assert document["konsulter"] == ["Anna", "Bo", "Cecilia", "Dan"]
    assert document["utan_namn"] is True  # the anonymised report (newer than the unsigned one)
    assert document["antal_konsulter"] == 5
    before = moments(document, "fore")
    assert list(before)[:2] == ["Kravprofil", "Kallelse"]
    assert before["Kravprofil"]["antal_konsulter"] == 4
    assert before["Kravprofil"]["namn_i_gruppen"] == ["Kravprofil", "kravprofil"]
    assert before["Kallelse"]["konsulter"] == ["Anna", "Bo"] and before["Kallelse"]["utan_namn"]
    assert "Gammalt moment" not in before  # Anna's older map does not count
    after = moments(document, "efter")
    assert after["Återkoppling till kandidat"]["konsulter"] == ["Anna", "Bo"]
    assert after["Återkoppling till kund"]["konsulter"] == ["Cecilia"]  # alike in text, not one moment
    assert "Eva" not in json.dumps(document)  # the anonymised report has no author in team views


def test_nothing_but_moment_names_and_whom_they_involve_leaves_a_report(team: Path) -> None:
    for arguments in ([], ["--format", "markdown"], ["--format", "mermaid"], ["--json"]):
        result = run_cli("karta", "--team", *arguments)
        assert result.exit_code == 0, result.output
        assert SECRET not in result.stdout, arguments
        assert "Nordlager" not in result.stdout and "Checklista" not in result.stdout


def test_the_vocabulary_joins_and_splits_names_and_is_one_line_per_entry(team: Path) -> None:
    joined = run_cli("karta", "--team", "--sla-ihop", "Referenser", "Referenstagning")
    assert joined.exit_code == 0, joined.output
    assert moments(team_json(), "fore")["Referenser"]["namn_i_gruppen"] == ["Referenser", "Referenstagning"]
    split = run_cli("karta", "--team", "--dela", "Återkoppling till varje kandidat")
    assert split.exit_code == 0, split.output
    after = moments(team_json(), "efter")
    assert after["Återkoppling till kandidat"]["konsulter"] == ["Anna"]
    assert after["Återkoppling till varje kandidat"]["konsulter"] == ["Bo"]
    text = (team / FILE_NAME).read_text(encoding="utf-8")
    assert '  - ["Referenser", "Referenstagning"]\n' in text
    assert '  - "Återkoppling till varje kandidat"\n' in text
    assert read_vocabulary(team)[1] == []


def test_a_consultant_can_leave_the_team_views_and_come_back(team: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVJUFAS_FORFATTARE", "Bo")
    assert run_cli("karta", "--team", "--utanfor").exit_code == 0
    document = team_json()
    assert document["konsulter"] == ["Anna", "Cecilia", "Dan"]
    assert "Referenser" not in moments(document, "fore")
    assert run_cli("karta", "--team", "--med").exit_code == 0
    assert "Bo" in team_json()["konsulter"]


@pytest.mark.parametrize(
    "content",
    [
        "sla_ihop: [[a]]\n",
        "annat: 1\n",
        "sla_ihop: &a [*a]\n",
        "- bara en lista\n",
        "dela: !!python/object:os.system x\n",
        "\xff",
    ],
)
def test_a_vocabulary_that_cannot_be_used_is_one_warning(team: Path, content: str) -> None:
    (team / FILE_NAME).write_bytes(content.encode("utf-8", "surrogateescape") if content != "\xff" else b"\xff\xfe")
    result = run_cli("karta", "--team", "--json")
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"Varning: {FILE_NAME}:")
    assert result.stderr.count("\n") == 1
    changed = run_cli("karta", "--team", "--dela", "X")
    assert changed.exit_code == 1 and changed.stderr.startswith("Fel: ")  # never written over


def test_the_team_map_in_a_pipe_is_plain_text_grouped_by_phase(team: Path) -> None:
    result = run_cli("karta", "--team")
    assert result.exit_code == 0, result.output
    assert "\x1b[" not in result.stdout
    assert result.stdout.startswith("Teamets processkarta: 5 konsulter\n")
    assert "    Kravprofil\n      4 av 5: Anna, Bo, Cecilia och Dan\n" in result.stdout
    markdown = run_cli("karta", "--team", "--format", "markdown").stdout
    assert "| Kravprofil | 4 av 5 | Anna, Bo, Cecilia och Dan | kunden |" in markdown


def test_team_takes_no_report(team: Path) -> None:
    result = run_cli("karta", "2024-03-01-anna", "--team")
    assert result.exit_code == 2
    assert "--team" in result.stderr


def test_an_empty_folder_says_how_a_map_is_made(reports_dir: Path) -> None:
    reports_dir.mkdir()
    result = run_cli("karta", "--team")
    assert result.exit_code == 0
    assert "Ingen i" in result.stdout


def test_two_consultants_side_by_side(team: Path) -> None:
    result = run_cli("jamfor", "--av", "anna", "--av", "Bo", "--exit-code")
    assert result.exit_code == 1, result.output  # (they differ)
    out = result.stdout
    assert out.startswith("Processkartorna sida vid sida: Anna och Bo")
    assert "- Bara hos Anna: Referenstagning\n" in out
    assert "- Bara hos Bo: Referenser\n" in out
    assert "- Hos båda, berör olika: Kallelse – Anna: kunden; Bo: kandidaten\n" in out
    assert "- Hos båda, lika: Kravprofil\n" in out
    assert "- Hos båda, lika: Återkoppling till kandidat\n" in out  # (grouped as in karta --team)
    assert SECRET not in out


def test_side_by_side_needs_two_known_consultants(team: Path) -> None:
    one = run_cli("jamfor", "--av", "Anna")
    assert one.exit_code == 2 and "--av A --av B" in one.stderr
    unknown = run_cli("jamfor", "--av", "Anna", "--av", "Zed")
    assert unknown.exit_code == 1
    assert unknown.stderr == "Fel: Ingen karta av 'Zed' i rapportmappen. Konsulter med en karta: Anna, Bo, Cecilia, Dan.\n"


def test_the_team_map_exported_as_html_for_a_team_meeting(team: Path, tmp_path: Path) -> None:
    target = tmp_path / "team.html"
    result = run_cli("exportera", "--team", "--format", "html", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Teamets karta är sparad i {target}.\n"
    page = target.read_text(encoding="utf-8")
    assert "<h1>Teamets processkarta: 5 konsulter</h1>" in page
    assert '<span class="name">Kravprofil</span><span class="count">4 av 5: Anna, Bo, Cecilia och Dan</span>' in page
    assert SECRET not in page and "<script" not in page


def test_the_team_export_is_html_only_and_takes_no_report(team: Path) -> None:
    word = run_cli("exportera", "--team", "--format", "docx")
    assert word.exit_code == 2 and "--format html" in word.stderr
    both = run_cli("exportera", "2024-03-01-anna", "--team", "--format", "html")
    assert both.exit_code == 2 and "ange ingen RAPPORT" in both.stderr
    neither = run_cli("exportera", "--format", "html")
    assert neither.exit_code == 2 and neither.stderr.startswith("Fel: Argumentet RAPPORT saknas.")


def test_one_consultants_ratings_against_the_teams_median(team: Path) -> None:
    result = run_cli("trend", "--av", "anna")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Kartlägg intervjufasen: Anna jämfört med teamets median\n")
    # 2024-03: Anna 4; the team 4, 5, 1, 2 and the anonymised 5 (median 4); 2024-01 only Anna's 2.
    assert "  2024-01           2,0 (1)   2,0 (1)\n" in out
    assert "  2024-02                 –   3,0 (1)\n" in out
    assert "  2024-03           4,0 (1)   4,0 (5)\n" in out
    unknown = run_cli("trend", "--av", "Eva")  # (her only report is anonymised: she has none)
    assert unknown.exit_code == 1 and unknown.stderr.startswith("Fel: Inga rapporter av 'Eva'")


def test_the_team_map_as_mermaid_is_the_reports_flowchart_with_counts(team: Path) -> None:
    from mermaid_subset import parse_subset

    result = run_cli("karta", "--team", "--format", "mermaid")
    assert result.exit_code == 0, result.output
    parsed = parse_subset(result.stdout)
    labels = [" ".join(lines) for lines in parsed.nodes.values()]
    assert any(label.startswith("Kravprofil (4 av 5)") for label in labels), labels
    assert any(label.startswith("Återkoppling till kund (1 av 5)") for label in labels), labels


def test_arranging_the_vocabulary_asks_only_on_a_terminal(team: Path) -> None:
    result = run_cli("karta", "--team", "--ordna", input="1\n")
    assert result.exit_code == 2, result.output
    assert result.stderr == "Fel: --ordna frågar på en terminal; i en pipe eller ett skript: --sla-ihop A B eller --dela NAMN. Se 'intervjufas karta --help'.\n"
    assert result.stdout == "" and not (team / FILE_NAME).exists()
    both = run_cli("karta", "--team", "--ordna", "--dela", "Kallelse")
    assert both.exit_code == 2 and "--ordna frågar själv" in both.stderr
