"""What a command does when a consultant leaves something out: ``exportera`` without ``--format``
writes HTML and says where, ``validera`` without a file checks one's own question files (or says
exactly what to give), and every usage error points to the command's own ``--help``."""

from __future__ import annotations

import shutil
from pathlib import Path

import html5lib
import pytest

from helpers import REPO, run_cli

FULL = "2024-02-20-truckforare-till-nordlager"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "har"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def test_exportera_without_a_format_writes_html_and_says_where(reports: Path, here: Path) -> None:
    code, out, err = run_cli("exportera", "2024-02-20")
    assert code == 0, err
    target = here / f"{FULL}.html"
    assert out == f"Exporten är sparad i {target} (HTML; ett Word-dokument får du med --format docx).\n"
    html5lib.HTMLParser(strict=True).parse(target.read_text(encoding="utf-8"))
    folder = here / "ut"
    folder.mkdir()
    code, out, _ = run_cli("exportera", "2024-02-20", "-o", str(folder))
    assert code == 0 and (folder / f"{FULL}.html").is_file()
    code, out, _ = run_cli("exportera", "2024-02-20", "-o", "kund.docx")
    assert code == 0 and out == "Exporten är sparad i kund.docx.\n"


def test_exportera_with_an_unknown_ending_says_what_to_give(reports: Path, here: Path) -> None:
    code, _, err = run_cli("exportera", "2024-02-20", "-o", "ut.pdf")
    assert code == 2
    assert err == (
        "Fel: Filen ut.pdf slutar varken på .html eller .docx; ange --format html eller --format docx. Se 'intervjufas exportera --help'.\n"
    )
    assert list(here.iterdir()) == []


def test_validera_without_a_file_checks_ones_own_question_files(tmp_path: Path) -> None:
    own = tmp_path / "egna-fragor"  # ($INTERVJUFAS_FRAGOR of every test)
    own.mkdir()
    shutil.copy(REPO / "questions" / "snabbformat.yaml", own / "min.yaml")
    code, out, err = run_cli("validera")
    assert code == 0, err
    assert out.splitlines()[0] == f"Kontrollerar dina egna frågefiler i {own}."
    assert out.splitlines()[-1] == "Inga fel i 1 fil."
    (own / "trasig.yaml").write_text("id: [\n", encoding="utf-8")
    code, out, _ = run_cli("validera")
    assert code == 1 and "trasig.yaml:" in out


def test_validera_without_a_file_or_own_folder_says_what_to_give(tmp_path: Path) -> None:
    code, out, err = run_cli("validera")
    assert (code, out) == (2, "")
    assert err.startswith("Fel: Ange frågefilen eller mappen att kontrollera, t.ex. ")
    assert f"({tmp_path / 'egna-fragor'}) finns inte" in err
    assert err.endswith("Se 'intervjufas validera --help'.\n")


@pytest.mark.parametrize(
    ("args", "command"),
    [
        (["lista", "--av"], "lista"),
        (["trend", "--per"], "trend"),
        (["plan", "--kund"], "plan"),
        (["kartlagg", "--steg"], "kartlagg"),
        (["exportera", "--format"], "exportera"),
        (["lista", "--okand"], "lista"),
        (["lista", "x", "y"], "lista"),
        (["visa"], "visa"),
        (["kartlagg", "--steg", "x"], "kartlagg"),
        (["--okand"], None),
        (["okant"], None),
    ],
)
def test_every_usage_error_points_to_the_commands_own_help(args: list[str], command: str | None) -> None:
    code, _, err = run_cli(*args)
    assert code == 2
    where = f"intervjufas {command}" if command else "intervjufas"
    assert err.startswith("Fel: ") and err.endswith(f" Se '{where} --help'.\n"), err
    assert err[len("Fel: ")].isupper(), err  # (one style: a sentence after "Fel:")
    assert err.count("\n") == 1


def test_the_readme_says_what_no_color_does() -> None:
    from intervjufas.terminal import TerminalFacts

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "ett tomt `NO_COLOR=` räknas inte" in readme
    assert "med vilket värde som helst" not in readme
    assert TerminalFacts.detect({"NO_COLOR": ""}).no_color is False
    assert TerminalFacts.detect({"NO_COLOR": "1"}).no_color is True
