"""Only the process is shared: every team view – the team's map in every format and its HTML page,
two consultants side by side, one consultant's ratings against the team's, the suggestions offered
during a mapping and the names ``--ordna`` offers – shows moment names, whom they involve, counts,
ratings and consultants' names, never what the consultants wrote: answers and their comments, notes
on moments (about the process or the assignment), plan reasons, follow-up comments, hand-written
notes, unfinished answers, the assignment or the customer.  Each such field holds a word of its own,
so a leak names the field it came from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import run_cli
from intervjufas.model.answers import ActionItem, Answer, Moment
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.reading.process_map.team_map import team_map
from intervjufas.reading.process_map.team_name_choices import name_choices
from intervjufas.report.model import FollowUp, Report
from intervjufas.report.render import render
from intervjufas.session.suggestions import Suggestions, planned

# Field -> the word only that field holds.
SECRETS = {
    "uppdrag": "Xuppdragx",
    "kund": "Xkundx",
    "svar": "Xsvarx",
    "kommentar": "Xkommentarx",
    "notering": "Xprocessnoteringx",
    "uppdragsnotering": "Xuppdragsnoteringx",
    "skal_lagga_till": "Xskallaggatillx",
    "skal_utveckla": "Xskalutvecklax",
    "uppfoljning": "Xuppfoljningx",
    "anteckning": "Xanteckningx",
    "utkast": "Xutkastx",
}
MAPS = {
    "Anna": ("Kravprofil", "Kallelse", "Referenstagning"),
    "Bo": ("Kravprofil", "Referenstagning", "Ringa dagen innan"),
    "Cecilia": ("Kravprofil",),
}


def _report(number: int, author: str, names: tuple[str, ...]) -> Report:
    report = Report.new(builtin_set("kartlaggning"))
    report.report_id = f"{number:012x}"
    report.created = report.updated = f"2024-0{number}-02T10:00:00+01:00"
    report.author = author
    moments = tuple(
        Moment(name, ("kunden",), SECRETS["notering"], assignment_note=SECRETS["uppdragsnotering"]) for name in names
    )
    report.answers.update(
        {
            "uppdrag": Answer(f"{SECRETS['uppdrag']} {author}"),
            "kund": Answer(SECRETS["kund"]),
            "datum": Answer(f"2024-0{number}-02"),
            "fore_kunden": Answer(SECRETS["svar"]),
            "fore_karta": Answer(moments),
            "fore_lagga_till": Answer("Ja"),
            "fore_lagga_till_vad": Answer((ActionItem("Checklista", SECRETS["skal_lagga_till"], involves=("kunden",)),)),
            "fore_utveckla": Answer("Ja"),
            "fore_utveckla_vad": Answer((ActionItem(names[0], SECRETS["skal_utveckla"]),)),
            "fore_betyg_kund": Answer(2 + number % 3),
            "under_struktur": Answer("Delvis", SECRETS["kommentar"]),
        }
    )
    report.drafts["fore_kandidaten"] = Answer(SECRETS["utkast"])
    report.notes["start"] = [SECRETS["anteckning"]]
    report.follow_ups.append(
        FollowUp("aaaaaaaaaaaa/fore_lagga_till_vad/1", "Checklista", Answer("Delvis", SECRETS["uppfoljning"]))
    )
    return report


@pytest.fixture
def team(reports_dir: Path) -> Path:
    questionnaire = builtin_set("kartlaggning")
    reports_dir.mkdir(parents=True, exist_ok=True)
    for number, (author, names) in enumerate(MAPS.items(), start=1):
        text = render(_report(number, author, names), questionnaire)
        assert all(word in text for word in SECRETS.values())  # (each word is in the report)
        (reports_dir / f"2024-0{number}-02-{author.lower()}.md").write_text(text, encoding="utf-8")
    return reports_dir


def leaked(text: str) -> list[str]:
    return [field for field, word in SECRETS.items() if word.casefold() in text.casefold()]


def outputs(folder: Path, tmp_path: Path) -> dict[str, str]:
    """Every team output over the folder, by how it was made."""
    found = {}
    for arguments in (
        ["karta", "--team"],
        ["karta", "--team", "--format", "markdown"],
        ["karta", "--team", "--format", "mermaid"],
        ["karta", "--team", "--json"],
        ["jamfor", "--av", "Anna", "--av", "Bo"],
        ["jamfor", "--av", "Anna", "--av", "Bo", "--json"],
        ["trend", "--av", "Anna"],
        ["trend", "--av", "Anna", "--json"],
    ):
        result = run_cli(*arguments)
        assert result.exit_code == 0, f"{arguments}: {result.output}"
        found[" ".join(arguments)] = result.stdout + result.stderr
    page = tmp_path / "team.html"
    result = run_cli("exportera", "--team", "--format", "html", "-o", str(page))
    assert result.exit_code == 0, result.output
    found["exportera --team --format html"] = page.read_text(encoding="utf-8") + result.output
    return found


def test_no_team_output_shows_what_a_consultant_wrote(team: Path, tmp_path: Path) -> None:
    found = outputs(team, tmp_path)
    for made_by, text in found.items():
        assert leaked(text) == [], made_by
        if not made_by.startswith("trend"):
            assert "Referenstagning" in text, made_by  # (the process itself is there)
    assert json.loads(found["trend --av Anna --json"])["teamtrender"]  # (the ratings are there)
    # For contrast: a consultant's own report shows what they wrote.
    shown = run_cli("visa", "2024-01-02-anna.md", "--ingen-pager")
    assert shown.exit_code == 0 and {"svar", "kommentar", "skal_lagga_till"} <= set(leaked(shown.stdout))


def test_the_suggestions_and_the_names_to_arrange_hold_only_names(team: Path) -> None:
    offer = Suggestions.in_folder(team, "Cecilia").pending(
        builtin_set("kartlaggning").question("fore_karta"),  # type: ignore[arg-type]
        Answer((Moment("Kravprofil"),)),
        builtin_set("kartlaggning"),
    )
    assert offer is not None
    question, found = offer
    assert [s.name for s in found] == ["Referenstagning", "Kallelse", "Ringa dagen innan"]
    shown = " ".join([question.text, question.help, *question.choices, *(repr(s) for s in found)])
    assert leaked(shown) == []
    assert leaked(repr(planned(None, found))) == []  # (what goes to the plan: names and whom only)
    labels = " ".join(choice.label for choice in name_choices(team_map(team, experience=False)))
    assert "Kallelse" in labels and leaked(labels) == []
