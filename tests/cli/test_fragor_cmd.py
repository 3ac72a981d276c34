"""``fragor`` (the list of question sets, ``--visa``, ``--schema``) and running an own question file
with ``--fragor``: the report records the set, and ``--fortsatt`` refuses another set."""

from __future__ import annotations

import json
import re
import shutil
from functools import partial
from pathlib import Path

import pytest
import yaml

from helpers import REPO, run_cli
from intervjufas.questionsets.catalog import builtin_set

ROOT = REPO
run_wide = partial(run_cli, columns=200)
EXAMPLE = ROOT / "docs" / "exempel-telefonintervju.yaml"


@pytest.fixture
def user_sets(tmp_path: Path) -> Path:
    """The user sets folder the test environment points INTERVJUFAS_FRAGOR at."""
    folder = tmp_path / "egna-fragor"
    folder.mkdir()
    return folder


def rows(output: str) -> list[list[str]]:
    """The table rows of ``fragor``, each split on runs of spaces into its six cells."""
    table = []
    for line in output.splitlines():
        cells = re.split(r"\s{2,}", line.strip())
        if len(cells) == 6 and cells[0] != "Id":
            table.append(cells)
    return table


# -- the list -----------------------------------------------------------------------------------


def test_fragor_lists_the_built_in_sets_and_the_user_folder(user_sets: Path) -> None:
    code, out, err = run_wide("fragor")
    assert (code, err) == (0, "")
    assert out.splitlines()[0].split() == ["Id", "Version", "Titel", "Steg", "Frågor", "Källa"]
    listed = rows(out)
    full, quick = builtin_set("kartlaggning"), builtin_set("snabbformat")
    assert listed == [
        [
            "kartlaggning",
            "2",
            "Kartlägg intervjufasen",
            "3",
            str(sum(1 for _ in full.all_questions())),
            "inbyggd",
        ],
        [
            "snabbformat",
            "2",
            "Kartlägg intervjufasen – snabbformat",
            "2",
            str(sum(1 for _ in quick.all_questions())),
            "inbyggd",
        ],
    ]
    assert f"Egna frågeuppsättningar läses från {user_sets}." in out


def test_fragor_says_when_the_user_folder_does_not_exist(tmp_path: Path) -> None:
    missing = tmp_path / "finns-inte"
    code, out, _ = run_wide("fragor", env={"INTERVJUFAS_FRAGOR": str(missing)})
    assert code == 0
    assert f"Egna frågeuppsättningar läses från {missing} (mappen finns inte än)." in out


def test_fragor_lists_own_sets_and_warns_about_broken_ones(user_sets: Path) -> None:
    shutil.copy(EXAMPLE, user_sets / "telefon.yaml")
    (user_sets / "trasig.yaml").write_text("id: trasig\nversion: ett\n", encoding="utf-8")
    (user_sets / "anteckning.txt").write_text("inte en frågefil\n", encoding="utf-8")
    code, out, err = run_wide("fragor")
    assert code == 0
    own = rows(out)[2]
    assert own == [
        "telefonintervju",
        "1",
        "Kartlägg telefonintervjun",
        "3",
        "11",
        str(user_sets / "telefon.yaml"),
    ]
    assert "trasig" not in out
    broken = user_sets / "trasig.yaml"
    assert err == (
        f"Varning: {broken} kan inte användas: 1:1: nyckeln 'metadata' saknas i frågeuppsättningen "
        f"(och 3 fel till). Kör 'intervjufas validera {broken}' för alla fel.\n"
    )


def test_fragor_warns_when_an_own_set_reuses_a_built_in_id(user_sets: Path) -> None:
    copy = user_sets / "kopia.yaml"
    shutil.copy(ROOT / "questions" / "kartlaggning.yaml", copy)
    code, _, err = run_wide("fragor")
    assert code == 0
    assert err == (
        f"Varning: {copy} har samma id 'kartlaggning' som den inbyggda uppsättningen; "
        "ge den ett eget id så att rapporterna hålls isär.\n"
    )


# -- one set ------------------------------------------------------------------------------------


def test_visa_shows_a_set_as_it_will_be_asked() -> None:
    code, out, err = run_wide("fragor", "--visa", "kartlaggning")
    assert (code, err) == (0, "")
    lines = [line.rstrip() for line in out.splitlines()]
    assert lines[0] == "Kartlägg intervjufasen (id: kartlaggning, version 2)"
    for heading in (
        "Om uppdraget",
        "Steg 1: Före intervjun",
        "Steg 2: Under intervjun",
        "Steg 3: Efter intervjun",
    ):
        assert heading in lines
    start = lines.index("Steg 1: Före intervjun")
    assert lines[start : start + 4] == [
        "Steg 1: Före intervjun",
        "Vilka förberedelser genomför du innan intervjuerna ska genomföras?",
        "  1. Hur förbereder du kunden?",
        "     id: fore_kunden · lång text, flera rader",
    ]
    assert lines.index("  4. Vilka moment ingår generellt i din process före intervjuerna?") > start
    assert "     id: fore_karta · moment i processkartan" in lines
    position = lines.index("    6. Vad skulle det vara och med vilket syfte?", start)
    assert lines[position + 1 : position + 3] == [
        "       id: fore_lagga_till_vad · moment och varför, till utvecklingsplanen: Lägga till",
        '       Ställs bara om fore_lagga_till är "Ja"',
    ]
    assert "  Reflektion" in lines
    assert "     id: under_struktur · ett val, obligatorisk, med kommentar" in lines
    assert "     Val: Ja / Delvis / Nej" in lines
    assert "       id: fore_betyg_kund · skala 1–5" in lines
    assert "       Skala: 1 = Mycket dålig, 3 = Godtagbar, 5 = Mycket bra" in lines
    assert "     Standard: Individuellt" in lines
    assert '     Ställs bara om genomforande är "Tillsammans med en kollega"' in lines


def test_visa_takes_a_file_and_describes_combined_conditions(tmp_path: Path) -> None:
    path = tmp_path / "villkor.yaml"
    path.write_text(
        EXAMPLE.read_text(encoding="utf-8")
        .replace(
            "villkor: {fraga: kravprofil, en_av: [Delvis, Nej]}",
            "villkor: {nagon: [{fraga: kravprofil, ar: Nej}, {alla: [{fraga: kravprofil, ar: Delvis},"
            " {inte: {fraga: fore_kandidaten, besvarad: true}}]}]}",
        )
        .replace("id: fore_kandidaten", "id: kandidat_info")
        .replace("fraga: fore_kandidaten", "fraga: kravprofil"),
        encoding="utf-8",
    )
    code, out, err = run_wide("fragor", "--visa", str(path))
    assert (code, err) == (0, "")
    assert (
        '     Ställs bara om kravprofil är "Nej" eller (kravprofil är "Delvis" och inte (kravprofil är besvarad))'
        in out.splitlines()
    )


def test_visa_of_the_example_shows_a_choice_condition() -> None:
    code, out, _ = run_wide("fragor", "--visa", str(EXAMPLE))
    assert code == 0
    assert '     Ställs bara om kravprofil är något av "Delvis" eller "Nej"' in out.splitlines()


def test_visa_of_an_unknown_set_is_one_error_line() -> None:
    code, out, err = run_wide("fragor", "--visa", "telefon")
    assert (code, out) == (1, "")
    assert err == "Fel: Frågeuppsättningen 'telefon' finns inte (tillgängliga: kartlaggning, snabbformat).\n"


def test_schema_prints_the_shipped_schema() -> None:
    code, out, _ = run_wide("fragor", "--schema")
    assert code == 0
    assert out == (ROOT / "questions" / "fragor.schema.json").read_text(encoding="utf-8")
    assert json.loads(out)["title"] == "Frågefil för intervjufas"


# -- running an own set -------------------------------------------------------------------------

ANSWERS = {
    "uppdrag": "Växel till Solbacka",
    "kravprofil": {"svar": "Delvis", "kommentar": "Körkortskravet saknas"},
    "kravprofil_saknas": "Vi går igenom den med kunden.",
}


def write_answers(folder: Path, answers: dict) -> Path:
    path = folder / "svar.yaml"
    path.write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
    return path


def front_matter(path: Path) -> dict:
    header = path.read_text(encoding="utf-8")[4:].partition("\n---\n")[0]
    return yaml.safe_load(header)["intervjufas"]


@pytest.fixture
def own_report(tmp_path: Path, reports_dir: Path) -> tuple[Path, Path]:
    """A report made with a copy of the example set (Steg 1 answered); returns (report, set file)."""
    set_file = tmp_path / "telefon.yaml"
    shutil.copy(EXAMPLE, set_file)
    answers = write_answers(tmp_path, ANSWERS)
    code, _, err = run_wide("kartlagg", "--fragor", str(set_file), "--svar", str(answers), "--steg", "1")
    assert (code, err) == (0, ""), err
    (report,) = reports_dir.glob("*.md")
    return report, set_file


def test_an_own_set_runs_and_the_report_records_it(own_report: tuple[Path, Path]) -> None:
    report, set_file = own_report
    from intervjufas.questionsets.catalog import load_set_file

    questionnaire = load_set_file(set_file)
    header = front_matter(report)
    assert header["fragor"] == {"id": "telefonintervju", "version": 1, "hash": questionnaire.content_hash}
    assert header["steg"] == {"fore": "klar", "samtalet": "ej påbörjad", "efter": "ej påbörjad"}
    text = report.read_text(encoding="utf-8")
    assert "# Kartlägg telefonintervjun: Växel till Solbacka" in text
    assert "Finns det en kravprofil som kunden har godkänt?<!-- fraga: kravprofil -->" in text


def test_the_hash_follows_the_content_not_the_layout(tmp_path: Path) -> None:
    from intervjufas.questionsets.catalog import load_set_file

    reformatted = tmp_path / "omformaterad.yaml"
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    reformatted.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=True), encoding="utf-8")
    changed = tmp_path / "andrad.yaml"
    changed.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("Hur får kandidaten", "Hur vet kandidaten")
    )
    original = load_set_file(EXAMPLE).content_hash
    assert load_set_file(reformatted).content_hash == original
    assert load_set_file(changed).content_hash != original


def test_fortsatt_with_the_same_file_continues(own_report: tuple[Path, Path], tmp_path: Path) -> None:
    report, set_file = own_report
    answers = write_answers(tmp_path, {"samtalsstod": ["Motivation", "Erfarenhet"], "betyg_kandidat": 4})
    code, _, err = run_wide(
        "kartlagg",
        "--fortsatt",
        str(report),
        "--fragor",
        str(set_file),
        "--svar",
        str(answers),
        "--steg",
        "2",
    )
    assert (code, err) == (0, "")
    assert front_matter(report)["steg"] == {"fore": "klar", "samtalet": "klar", "efter": "ej påbörjad"}


def test_fortsatt_without_the_question_file_is_refused(own_report: tuple[Path, Path]) -> None:
    report, _ = own_report
    before = report.read_text(encoding="utf-8")
    code, out, err = run_wide("kartlagg", "--fortsatt", str(report), "--enkel")
    assert (code, out) == (1, "")
    assert err == (
        f"Fel: Rapporten {report.name} är gjord med frågeuppsättningen 'telefonintervju', inte "
        "'kartlaggning'. Ange frågefilen som rapporten gjordes med: --fragor FIL.\n"
    )
    assert report.read_text(encoding="utf-8") == before


def test_the_refusal_names_the_matching_file_in_the_user_folder(
    own_report: tuple[Path, Path], user_sets: Path
) -> None:
    report, set_file = own_report
    shutil.copy(set_file, user_sets / "telefon.yaml")
    code, _, err = run_wide("snabb", "--fortsatt", str(report), "--enkel")
    assert code == 1
    assert err.endswith(
        f"Fortsätt med:\n  intervjufas snabb --fortsatt {report} --fragor {user_sets / 'telefon.yaml'}\n"
    )


def test_fortsatt_with_a_changed_file_is_refused(own_report: tuple[Path, Path]) -> None:
    report, set_file = own_report
    set_file.write_text(
        set_file.read_text(encoding="utf-8").replace("Hur får kandidaten", "Hur vet kandidaten"),
        encoding="utf-8",
    )
    before = report.read_text(encoding="utf-8")
    code, _, err = run_wide("kartlagg", "--fortsatt", str(report), "--fragor", str(set_file), "--enkel")
    assert code == 1
    assert err == (
        f"Fel: Rapporten {report.name} är gjord med en annan version av frågeuppsättningen 'telefonintervju' "
        "(version 1, men frågorna har ändrats sedan dess); den kan inte fortsättas med de här frågorna. "
        "Starta en ny kartläggning med --utga-fran för att ta med svaren.\n"
    )
    assert report.read_text(encoding="utf-8") == before


def test_fortsatt_with_a_new_version_names_both_versions(own_report: tuple[Path, Path]) -> None:
    report, set_file = own_report
    set_file.write_text(
        set_file.read_text(encoding="utf-8").replace("version: 1", "version: 2"), encoding="utf-8"
    )
    code, _, err = run_wide("kartlagg", "--fortsatt", str(report), "--fragor", str(set_file), "--enkel")
    assert code == 1
    assert "(version 1, nu 2)" in err


# -- the trainer's way: copy the built-in set, change it, validate it, run it ----------------------


def test_yaml_prints_a_built_in_set_as_shipped() -> None:
    code, out, _ = run_wide("fragor", "--yaml", "snabbformat")
    assert code == 0
    assert out == (ROOT / "questions" / "snabbformat.yaml").read_text(encoding="utf-8")


def test_yaml_of_an_unknown_set_is_one_error_line() -> None:
    code, out, err = run_wide("fragor", "--yaml", "okand")
    assert (code, out) == (1, "")
    assert err.startswith("Fel: Frågeuppsättningen 'okand' finns inte")


def test_copy_change_validate_and_run_an_own_set(user_sets: Path, tmp_path: Path, reports_dir: Path) -> None:
    code, source, _ = run_wide("fragor", "--yaml", "kartlaggning")
    assert code == 0
    own = user_sets / "min-kartlaggning.yaml"
    extra = (
        "      - id: fore_kravprofil\n"
        "        text: Har kunden godkänt kravprofilen?\n"
        "        typ: janej\n"
        "        hjalpp: Fråga kunden.\n"
        "        villkor: {fraga: fore_kunder, besvarad: true}\n"
    )
    changed = source.replace("id: kartlaggning", "id: min_kartlaggning").replace(
        "    fragor:\n      - id: fore_kunden\n", "    fragor:\n" + extra + "      - id: fore_kunden\n", 1
    )
    own.write_text(changed, encoding="utf-8")
    first = changed.splitlines().index("      - id: fore_kravprofil") + 1

    # Every mistake is pointed out with its line.
    code, out, _ = run_wide("validera", str(own))
    assert code == 1
    assert out.splitlines() == [
        f"{own}:{first + 3}:9: okänd nyckel 'hjalpp' i en fråga – menade du 'hjalp'?",
        f"{own}:{first + 4}:26: villkoret hänvisar till en okänd fråga 'fore_kunder' – menade du 'fore_kunden'?",
        "2 fel i 1 fil.",
    ]
    code, _, err = run_wide("kartlagg", "--fragor", str(own))
    assert code == 1
    assert err.startswith(f"Fel: {own}:{first + 3}:9: okänd nyckel 'hjalpp'")

    # Fixed: the condition now refers to an earlier question (the assignment), and the key is right.
    fixed = changed.replace("hjalpp:", "hjalp:").replace("fraga: fore_kunder,", "fraga: uppdrag,")
    own.write_text(fixed, encoding="utf-8")
    assert run_wide("validera", str(own))[:2] == (0, "Inga fel i 1 fil.\n")
    code, out, err = run_wide("fragor")
    assert (code, err) == (0, "")
    assert ["min_kartlaggning", "2", "Kartlägg intervjufasen", "3", "49", str(own)] in rows(out)

    required = {"fore_lagga_till": "Nej", "fore_utveckla": "Nej", "fore_ta_bort": "Nej"}
    answers = write_answers(tmp_path, {"uppdrag": "Lager", "fore_kravprofil": "Ja", **required})
    code, _, err = run_wide("kartlagg", "--fragor", str(own), "--svar", str(answers), "--steg", "1")
    assert (code, err) == (0, "")
    (report,) = reports_dir.glob("*.md")
    assert front_matter(report)["fragor"]["id"] == "min_kartlaggning"
    assert "Har kunden godkänt kravprofilen?<!-- fraga: fore_kravprofil -->" in report.read_text(
        encoding="utf-8"
    )
