"""The command line for kartlagg and snabb: answers files, continuing, errors, usage, help, version."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import CliResult, run_cli
from intervjufas import __version__
from intervjufas.cli.app import COMMANDS
from intervjufas.errors import Interrupted
from intervjufas.model.answers import ActionItem, Answer
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.report.parse import parse
from intervjufas.session.mapping import run_session
from intervjufas.session.options import SessionOptions
from intervjufas.session.prompter import AskRequest

FULL_ANSWERS = """\
uppdrag: Lagerarbetare till Nordlager
kund: Nordlager AB
roll: Lagerarbetare
intervjuform: Telefonintervju, Konventionell intervju
genomforande: Tillsammans med en kollega
kollega: Eva
datum: 2024-05-01
fore_kunden: |
  Kravprofil och intervjufrågor.
  # Inte en rubrik
fore_lagga_till: ja
fore_lagga_till_vad:
  - moment: Checklista inför intervjun
    varfor: Så att inget glöms
  - Mall för inbjudan
fore_utveckla: nej
fore_ta_bort: nej
fore_betyg_kund: 4
under_struktur: {svar: Delvis, kommentar: Avslutet varierar}
under_syfte: Ja
under_lagga_till: nej
under_utveckla: nej
under_ta_bort: nej
efter_rutin: Nej
efter_lagga_till: nej
efter_utveckla: ja
efter_utveckla_vad: Återkoppling inom två dagar
efter_ta_bort: nej
efter_betyg_kandidat: 2
"""

STEP_1_ANSWERS = """\
uppdrag: Butikssäljare
fore_kunden: Kravprofil
fore_lagga_till: nej
fore_utveckla: nej
fore_ta_bort: nej
"""

REST_ANSWERS = """\
under_struktur: Ja
under_syfte: Ja
under_lagga_till: nej
under_utveckla: nej
under_ta_bort: nej
efter_rutin: Delvis
efter_lagga_till: nej
efter_utveckla: nej
efter_ta_bort: nej
"""

QUICK_ANSWERS = """\
uppdrag: Butikssäljare till Centrum
intervjuform: [Snabbintervju]
forbered: Ringde kunden och skickade information till deltagarna.
genomfor: Snabbintervjuer, tio minuter var.
folj_upp: Återkoppling samma dag.
snabb_betyg_kund: 5
snabb_fungerar_bra: Tempot.
snabb_utveckla_vad:
  - {moment: Tydligare avslut, varfor: Kandidaterna visste inte vad som händer sen}
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def only_report(folder: Path) -> Path:
    files = sorted(folder.glob("*.md"))
    assert len(files) == 1, files
    return files[0]


def assert_nothing_written(folder: Path) -> None:
    assert not folder.exists() or list(folder.iterdir()) == []


def assert_one_error_line(result: CliResult, code: int) -> str:
    """The one ``Fel:`` line (with the command to copy on the next line, when it ends with one)."""
    assert result.exit_code == code, result.output
    lines = result.stderr.strip().split("\n")
    with_command = len(lines) == 2 and lines[0].endswith(":") and lines[1].startswith("  ")
    assert len(lines) == 1 or with_command, result.stderr
    assert lines[0].startswith("Fel: ")
    return "\n".join(lines)


# -- answers files ---------------------------------------------------------------------------------


def test_kartlagg_with_an_answers_file_writes_the_report(tmp_path: Path, reports_dir: Path) -> None:
    result = run_cli("kartlagg", "--svar", str(write(tmp_path, "svar.yaml", FULL_ANSWERS)))
    assert result.exit_code == 0, result.output
    path = only_report(reports_dir)
    # Named by the assignment's date and name.
    assert path.name == "2024-05-01-lagerarbetare-till-nordlager.md"
    assert f"Rapporten är sparad i {path}" in result.stdout
    assert "Grattis!" in result.stdout

    kartlaggning = builtin_set("kartlaggning")
    report = parse(path.read_text(encoding="utf-8"), kartlaggning)
    answers = report.answers
    assert answers["uppdrag"] == Answer("Lagerarbetare till Nordlager")
    assert answers["intervjuform"] == Answer(("Telefonintervju", "Konventionell intervju"))
    assert answers["kollega"] == Answer("Eva")
    assert answers["datum"] == Answer("2024-05-01")
    assert answers["fore_kunden"] == Answer("Kravprofil och intervjufrågor.\n# Inte en rubrik")
    assert answers["fore_lagga_till"] == Answer("Ja")
    assert answers["fore_lagga_till_vad"] == Answer(
        (ActionItem("Checklista inför intervjun", "Så att inget glöms"), ActionItem("Mall för inbjudan"))
    )
    assert answers["fore_betyg_kund"] == Answer(4)
    assert answers["under_struktur"] == Answer("Delvis", "Avslutet varierar")
    assert answers["efter_utveckla_vad"] == Answer((ActionItem("Återkoppling inom två dagar"),))
    assert answers["efter_betyg_kandidat"] == Answer(2)
    # Questions left out of the file are answered empty; inactive follow-ups are not there at all.
    assert answers["fore_kandidaten"] == Answer(None)
    assert "fore_utveckla_vad" not in answers
    assert report.question_set.id == "kartlaggning"
    assert report.follow_ups == []


def test_snabb_with_an_answers_file(tmp_path: Path, reports_dir: Path) -> None:
    result = run_cli("snabb", "--svar", str(write(tmp_path, "svar.yaml", QUICK_ANSWERS)))
    assert result.exit_code == 0, result.output
    path = only_report(reports_dir)
    assert path.name.endswith("-butikssaljare-till-centrum.md")
    report = parse(path.read_text(encoding="utf-8"), builtin_set("snabbformat"))
    assert report.question_set.id == "snabbformat"
    assert report.answers["intervjuform"] == Answer(("Snabbintervju",))
    assert report.answers["genomfor"] == Answer("Snabbintervjuer, tio minuter var.")
    assert report.answers["snabb_betyg_kund"] == Answer(5)
    assert report.answers["snabb_utveckla_vad"] == Answer(
        (ActionItem("Tydligare avslut", "Kandidaterna visste inte vad som händer sen"),)
    )
    assert "Grattis!" in result.stdout


def test_katalog_option_chooses_the_folder(tmp_path: Path, reports_dir: Path) -> None:
    other = tmp_path / "annan mapp"
    result = run_cli(
        "snabb", "--svar", str(write(tmp_path, "svar.yaml", QUICK_ANSWERS)), "--katalog", str(other)
    )
    assert result.exit_code == 0, result.output
    only_report(other)
    assert_nothing_written(reports_dir)


def test_a_missing_required_answer(tmp_path: Path, reports_dir: Path) -> None:
    text = FULL_ANSWERS.replace("under_syfte: Ja\n", "")
    result = run_cli("kartlagg", "--svar", str(write(tmp_path, "svar.yaml", text)))
    line = assert_one_error_line(result, 1)
    assert "'under_syfte'" in line
    assert "obligatoriska" in line
    assert_nothing_written(reports_dir)


def test_an_unknown_id_is_named_with_a_suggestion(tmp_path: Path, reports_dir: Path) -> None:
    text = FULL_ANSWERS.replace("fore_kunden:", "fore_kunde:")
    path = write(tmp_path, "svar.yaml", text)
    result = run_cli("kartlagg", "--svar", str(path))
    line = assert_one_error_line(result, 1)
    assert f"{path}:8: okänt fråge-id 'fore_kunde'" in line
    assert "menade du 'fore_kunden'?" in line
    assert_nothing_written(reports_dir)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("fore_betyg_kund: 4", "fore_betyg_kund: 7", "'fore_betyg_kund': 7 ligger utanför skalan 1–5."),
        (
            "under_syfte: Ja",
            "under_syfte: Kanske",
            "'under_syfte': 'Kanske' är inte ett av valen (Ja, Delvis, Nej).",
        ),
        ("fore_utveckla: nej", "fore_utveckla: kanske", "'fore_utveckla': 'kanske' är inte Ja eller Nej."),
        (
            "datum: 2024-05-01",
            "datum: förra veckan",
            "'datum': 'förra veckan' är inte ett datum på formen ÅÅÅÅ-MM-DD.",
        ),
    ],
)
def test_an_invalid_value(tmp_path: Path, reports_dir: Path, old: str, new: str, expected: str) -> None:
    assert old in FULL_ANSWERS
    path = write(tmp_path, "svar.yaml", FULL_ANSWERS.replace(old, new))
    result = run_cli("kartlagg", "--svar", str(path))
    line = assert_one_error_line(result, 1)
    assert line.endswith(expected)
    assert str(path) in line
    assert_nothing_written(reports_dir)


def test_an_answers_file_that_is_not_yaml(tmp_path: Path, reports_dir: Path) -> None:
    path = write(tmp_path, "svar.yaml", "uppdrag: Lager\nkund: [Nordlager\n")
    result = run_cli("kartlagg", "--svar", str(path))
    line = assert_one_error_line(result, 1)
    assert f"{path}:" in line
    assert "YAML" in line
    assert_nothing_written(reports_dir)


def test_a_missing_answers_file(tmp_path: Path, reports_dir: Path) -> None:
    result = run_cli("kartlagg", "--svar", str(tmp_path / "saknas.yaml"))
    line = assert_one_error_line(result, 1)
    assert line == f"Fel: Kan inte läsa svarsfilen {tmp_path / 'saknas.yaml'}: finns inte."
    assert_nothing_written(reports_dir)


def test_without_a_terminal_and_without_answers_file(reports_dir: Path) -> None:
    result = run_cli("kartlagg")
    line = assert_one_error_line(result, 1)
    assert "ingen terminal" in line
    assert "--svar FIL" in line
    assert_nothing_written(reports_dir)


# -- continuing ------------------------------------------------------------------------------------


def test_fortsatt_with_answers_continues_the_same_report(tmp_path: Path, reports_dir: Path) -> None:
    first = run_cli("kartlagg", "--steg", "1", "--svar", str(write(tmp_path, "steg1.yaml", STEP_1_ANSWERS)))
    assert first.exit_code == 0, first.output
    path = only_report(reports_dir)
    assert "Kvar att göra: Steg 2: Under intervjun, Steg 3: Efter intervjun." in first.stdout
    assert "--fortsatt" in first.stdout
    kartlaggning = builtin_set("kartlaggning")
    before = parse(path.read_text(encoding="utf-8"), kartlaggning)
    assert "under_struktur" not in before.answers

    prefix = path.name[:14]  # a unique prefix of the file name is enough
    second = run_cli(
        "kartlagg", "--fortsatt", prefix, "--svar", str(write(tmp_path, "rest.yaml", REST_ANSWERS))
    )
    assert second.exit_code == 0, second.output
    assert only_report(reports_dir) == path
    after = parse(path.read_text(encoding="utf-8"), kartlaggning)
    assert after.report_id == before.report_id
    assert after.created == before.created
    assert after.answers["fore_kunden"] == Answer("Kravprofil")
    assert after.answers["under_struktur"] == Answer("Ja")
    assert after.answers["efter_rutin"] == Answer("Delvis")
    assert "Grattis!" in second.stdout


def test_fortsatt_of_a_quick_report_with_kartlagg(tmp_path: Path, reports_dir: Path) -> None:
    assert run_cli("snabb", "--svar", str(write(tmp_path, "svar.yaml", QUICK_ANSWERS))).exit_code == 0
    path = only_report(reports_dir)
    content = path.read_bytes()
    result = run_cli(
        "kartlagg", "--fortsatt", path.name, "--svar", str(write(tmp_path, "rest.yaml", REST_ANSWERS))
    )
    line = assert_one_error_line(result, 1)
    assert "'snabbformat', inte 'kartlaggning'" in line
    assert "intervjufas snabb --fortsatt" in line
    assert path.read_bytes() == content


def test_fortsatt_of_a_missing_report(reports_dir: Path, tmp_path: Path) -> None:
    reports_dir.mkdir(parents=True)
    result = run_cli(
        "kartlagg", "--fortsatt", "2031", "--svar", str(write(tmp_path, "rest.yaml", REST_ANSWERS))
    )
    line = assert_one_error_line(result, 1)
    assert line == (
        f"Fel: Hittar ingen rapport som heter eller börjar med '2031', eller har orden i uppdraget, "
        f"kunden eller datumet (letade i {reports_dir})."
    )


# -- usage -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["kartlagg", "--bogus"], "Fel: Okänd flagga --bogus. Se 'intervjufas kartlagg --help'."),
        (["kartlagg", "--steg", "x"], "Fel: Ogiltigt värde för --steg / -s: värdet är inte ett heltal."),
        (["kartlagg", "--steg", "9"], "Fel: --steg 9 finns inte; 'kartlaggning' har steg 1–3."),
        (["kartlagg", "--steg", "0"], "Fel: --steg 0 finns inte; 'kartlaggning' har steg 1–3."),
        (["snabb", "--steg", "3"], "Fel: --steg 3 finns inte; 'snabbformat' har steg 1–2."),
        (["kartlagg", "--svar"], "Fel: Flaggan --svar behöver ett värde."),
        (["kartlagg", "extra"], "Fel: Oväntat argument: extra."),
        (["kartlag"], "Fel: Okänt kommando 'kartlag'"),
    ],
)
def test_usage_errors(args: list[str], expected: str, reports_dir: Path) -> None:
    result = run_cli(*args)
    line = assert_one_error_line(result, 2)
    assert line.startswith(expected)
    assert "Usage" not in result.output
    assert "Error" not in result.output
    assert_nothing_written(reports_dir)


def test_steg_out_of_range_is_a_usage_error_even_with_an_answers_file(
    tmp_path: Path, reports_dir: Path
) -> None:
    result = run_cli("kartlagg", "--steg", "4", "--svar", str(write(tmp_path, "svar.yaml", FULL_ANSWERS)))
    assert assert_one_error_line(result, 2) == "Fel: --steg 4 finns inte; 'kartlaggning' har steg 1–3. Se 'intervjufas kartlagg --help'."
    assert_nothing_written(reports_dir)


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag: str) -> None:
    result = run_cli(flag)
    assert result.exit_code == 0
    assert result.stdout.strip() == f"intervjufas {__version__}"


def command_names() -> list[str]:
    names = list(COMMANDS)
    assert {"kartlagg", "snabb"} <= set(names)
    return names


@pytest.mark.parametrize(
    "command", [[], *([name] for name in command_names())], ids=lambda c: " ".join(c) or "intervjufas"
)
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_is_swedish(command: list[str], flag: str) -> None:
    result = run_cli(*command, flag)
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "Användning: intervjufas" in text
    assert "Flaggor" in text
    assert "Visa den här hjälpen och avsluta." in text
    for english in (
        "Usage:",
        "Options",
        "Show this message",
        "Arguments",
        "Commands",
        "[default:",
        "[required]",
    ):
        assert english not in text, english


def test_help_without_arguments() -> None:
    result = run_cli()
    assert result.exit_code == 0
    assert "Användning: intervjufas" in result.stdout
    assert "kartlagg" in result.stdout
    assert "snabb" in result.stdout


def test_help_does_not_import_the_prompting_yaml_or_pydantic_libraries() -> None:
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "intervjufas", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "Användning" in completed.stdout
    imported = {
        line.rsplit("|", 1)[1].strip()
        for line in completed.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "typer" in imported  # the measurement itself works
    for heavy in ("questionary", "prompt_toolkit", "yaml", "pydantic"):
        assert not {name for name in imported if name == heavy or name.startswith(heavy + ".")}, heavy


# -- stopping part-way -----------------------------------------------------------------------------


class StopAfter:
    """A prompter that answers a few questions and then stops, as Ctrl-C does."""

    def __init__(self, answers: dict[str, str], error: type[BaseException]) -> None:
        self.answers = answers
        self.error = error

    def section(self, title: str, text: str) -> None:
        pass

    def note(self, text: str) -> None:
        pass

    def ask(self, request: AskRequest) -> Answer:
        if request.question.id not in self.answers:
            raise self.error
        return Answer(self.answers[request.question.id])


@pytest.mark.parametrize(
    ("error", "reason"),
    [(KeyboardInterrupt, "Avbrutet."), (EOFError, "Indata tog slut innan alla frågor var besvarade.")],
)
def test_stopping_part_way_keeps_the_answers_and_names_the_resume_command(
    reports_dir: Path, error: type[BaseException], reason: str
) -> None:
    options = SessionOptions(set_id="kartlaggning", steps=[2], plain=True)
    prompter = StopAfter({"uppdrag": "Lager", "kund": "Nordlager AB"}, error)
    with pytest.raises(Interrupted) as caught:
        run_session(options, lambda: prompter)
    assert caught.value.exit_code == 130
    path = only_report(reports_dir)
    saved = parse(path.read_text(encoding="utf-8"), builtin_set("kartlaggning"))
    assert saved.answers == {"uppdrag": Answer("Lager"), "kund": Answer("Nordlager AB")}
    message = caught.value.message
    assert message.startswith(f"{reason} Svaren är sparade i {path}.")
    assert message.endswith(
        f"Fortsätt med:\n  intervjufas kartlagg --fortsatt {shlex.quote(str(path.resolve()))} --steg 2 --enkel"
    )


def test_stopping_before_the_assignment_has_a_name_saves_nothing(reports_dir: Path) -> None:
    options = SessionOptions(set_id="snabbformat", plain=True)
    with pytest.raises(Interrupted, match="Inget sparades"):
        run_session(options, lambda: StopAfter({}, KeyboardInterrupt))
    assert_nothing_written(reports_dir)


# -- the end of a session ------------------------------------------------------------------------


def test_after_the_closing_words_the_next_steps_each_command_on_its_own_line(
    tmp_path: Path, reports_dir: Path
) -> None:
    result = run_cli("kartlagg", "--svar", str(write(tmp_path, "svar.yaml", FULL_ANSWERS)), columns=40)
    assert result.exit_code == 0, result.output
    path = only_report(reports_dir)
    lines = result.stdout.splitlines()
    closing = lines.index("Grattis! Bra jobbat – du har klarat delmomentet!")  # the exercise's words
    assert lines[closing + 1 :] == [
        "Nästa steg – se processkartan och gör en version till kunden:",
        "  intervjufas karta",
        f"  intervjufas exportera {path.stem} --kundversion",
    ]


def test_continuing_a_finished_report_says_every_step_is_done(tmp_path: Path, reports_dir: Path) -> None:
    first = run_cli("kartlagg", "--svar", str(write(tmp_path, "svar.yaml", FULL_ANSWERS)))
    assert first.exit_code == 0, first.output
    path = only_report(reports_dir)
    again = run_cli("kartlagg", "--fortsatt", path.name, "--enkel", input="")
    assert again.exit_code == 0, again.output
    assert f"Alla steg i {path.name} är redan klara – det fanns inget kvar att fråga." in again.stdout
    assert "Vill du ändra ett svar skriver du det direkt i rapporten" in again.stdout
    assert f"  {path}" in again.stdout.splitlines()
    assert "Grattis" not in again.stdout and "Utvecklingsplanen har" not in again.stdout


def test_a_step_left_is_continued_by_a_command_on_its_own_line(tmp_path: Path, reports_dir: Path) -> None:
    result = run_cli("kartlagg", "--steg", "1", "--svar", str(write(tmp_path, "svar.yaml", FULL_ANSWERS)))
    assert result.exit_code == 0, result.output
    path = only_report(reports_dir)
    lines = result.stdout.splitlines()
    at = lines.index("Fortsätt med Steg 2 när det passar:")
    assert shlex.split(lines[at + 1]) == ["intervjufas", "kartlagg", "--fortsatt", str(path), "--steg", "2"]
