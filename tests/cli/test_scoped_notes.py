"""Notes with a scope: a note about the assignment ("Notering för uppdraget") stays in its report –
never carried to a later map, never in another customer's export – while a note about the process
is carried; and an answers-file run that takes its map from another report says so on stderr."""

from __future__ import annotations

from pathlib import Path

import yaml

from cli.test_cli_moments import mapping, read
from helpers import run_cli
from intervjufas.model.answers import moments_in

FIRST_MAP = [
    {
        "namn": "Genomgång av kravprofilen",
        "beror": ["kunden"],
        "notering": "Mall i teamets mapp",
        "uppdragsnotering": "En timme på plats i Borås",
    },
    {"namn": "Referenstagning", "beror": ["kollegor"], "uppdragsnotering": "Ahmed ringer"},
]
FIRST = {"uppdrag": "Lager i Borås", "kund": "Nordlager AB", "datum": "2026-11-02", "fore_karta": FIRST_MAP}


def test_an_assignment_note_stays_in_its_report_and_a_process_note_is_carried(tmp_path: Path) -> None:
    first = mapping(tmp_path, FIRST, name="forsta.yaml")
    text = first.read_text(encoding="utf-8")
    assert "   - Notering för uppdraget: En timme på plats i Borås" in text
    assert "   - Notering: Mall i teamets mapp" in text
    kept = moments_in(read(first).answers["fore_karta"].value)
    assert [m.assignment_note for m in kept] == ["En timme på plats i Borås", "Ahmed ringer"]

    second = mapping(
        tmp_path,
        {"uppdrag": "Kundtjänst", "kund": "Annat Bolag AB", "datum": "2026-12-01"},
        name="andra.yaml",
    )
    carried = moments_in(read(second).answers["fore_karta"].value)
    assert [m.name for m in carried] == ["Genomgång av kravprofilen", "Referenstagning"]
    assert [m.id for m in carried] == [m.id for m in kept]  # the same moments, by identity
    assert [m.note for m in carried] == ["Mall i teamets mapp", ""]  # the process note travels
    assert all(m.assignment_note == "" for m in carried)  # the assignment's own never does
    later = second.read_text(encoding="utf-8")
    assert "Borås" not in later and "Ahmed" not in later


def test_an_answers_file_run_that_takes_the_map_of_another_report_says_so(tmp_path: Path) -> None:
    first = mapping(tmp_path, FIRST, name="forsta.yaml")
    folder = tmp_path / "rapporter"
    answers = tmp_path / "andra.yaml"
    data = yaml.safe_load((tmp_path / "forsta.yaml").read_text(encoding="utf-8"))
    del data["fore_karta"]
    data.update({"uppdrag": "Kundtjänst", "kund": "Annat Bolag AB", "datum": "2026-12-01"})
    answers.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run_cli("kartlagg", "--svar", str(answers))  # (another customer: the latest map is the first's)
    assert result.exit_code == 0, result.output
    warning = [line for line in result.stderr.splitlines() if line.startswith("Varning:")]
    assert len(warning) == 1 and first.name in warning[0] and "fore_karta" in warning[0]
    assert first.name not in result.stdout

    # Named with --utga-fran, or none at all with --ny-karta: nothing to warn about.
    for option in (["--utga-fran", first.name], ["--ny-karta"]):
        data["uppdrag"] = f"Kundtjänst {option[0]}"
        answers.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        quiet = run_cli("kartlagg", "--svar", str(answers), *option)
        assert quiet.exit_code == 0, quiet.output
        assert "Varning:" not in quiet.stderr
    assert len(list(folder.glob("*.md"))) == 4


def test_the_customer_version_shows_only_this_assignment_s_notes(tmp_path: Path) -> None:
    mapping(tmp_path, FIRST, name="forsta.yaml")
    second = mapping(
        tmp_path,
        {
            "uppdrag": "Kundtjänst",
            "kund": "Annat Bolag AB",
            "datum": "2026-12-01",
            "fore_karta": [
                {"namn": "Genomgång av kravprofilen", "beror": ["kunden"], "notering": "Mall i teamets mapp"},
                {"namn": "Intervju", "beror": ["kunden"], "uppdragsnotering": "I Annat Bolags lokaler"},
            ],
        },
        name="andra.yaml",
    )
    out = tmp_path / "kund.html"
    result = run_cli(
        "exportera",
        str(second),
        "--kundversion",
        "--med-noteringar",
        "--format",
        "html",
        "--utfil",
        str(out),
    )
    assert result.exit_code == 0, result.output
    exported = out.read_text(encoding="utf-8")
    assert "I Annat Bolags lokaler" in exported
    assert "Mall i teamets mapp" not in exported  # a note about the process may be another's
    assert "Borås" not in exported and "Ahmed" not in exported
