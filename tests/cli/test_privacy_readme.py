"""The README's section on personal data says what the brief asks of it (what is stored, where, who
can read it, how to share deliberately, how to check and clean up, process not people), and its
examples are what the program prints."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from helpers import FIXTURE_REPORTS, REPO, run_cli

README = (REPO / "README.md").read_text(encoding="utf-8")
SECTION = README[README.index("## Personuppgifter") : README.index("## Felmeddelanden och avslutningskoder")]


def example_after(marker: str) -> list[str]:
    """The lines of the plain fenced block in the section that holds ``marker``, from there on."""
    blocks, current = [], None
    for line in SECTION.split("\n"):
        if line.startswith("```"):
            if current is None:
                current = [] if line == "```" else ["(not plain)"]
            else:
                blocks.append("\n".join(current) + "\n")
                current = None
        elif current is not None:
            current.append(line)
    for block in blocks:
        if marker in block:
            return block[block.index(marker) :].rstrip("\n").split("\n")
    raise AssertionError(f"no example with {marker!r}")


@pytest.mark.parametrize(
    "text",
    [
        "Beskriv processen, inte personerna",
        "### Vad programmet sparar och var",
        "Återställningsfiler",
        "~/.cache/intervjufas/",
        "### Vem kan läsa filerna",
        "`0600`",
        "`0700`",
        "behåller det läge den har",
        "chmod 660",
        "chmod 2770",
        "intervjufas granska",
        "intervjufas rensa --aldre-an",
        "--anonymisera",
        "--strikt",
        "IMY",
    ],
)
def test_the_section_covers(text: str) -> None:
    assert text in SECTION


def test_the_strict_answers_file_example_is_what_the_program_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "svar.yaml").write_text(
        "uppdrag: Lager\n"
        "fore_kunden: Vi går igenom kravprofilen.\n"
        "fore_kandidaten: Vi skickar sms med tid och adress till kandidaten på 070-123 45 67.\n"
        "fore_lagga_till: Nej\nfore_utveckla: Nej\nfore_ta_bort: Nej\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    example = example_after("$ intervjufas kartlagg --svar svar.yaml --steg 1 --strikt")
    result = run_cli(*example[0].split()[2:])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == example[1:]


@pytest.fixture
def anna(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Anna's reports as in the README: the fixture reports with two details written in one."""
    folder = tmp_path / "Dokument" / "intervjufas"
    shutil.copytree(FIXTURE_REPORTS, folder)
    (folder / "2024-03-10-trasig.md").unlink()
    path = folder / "2024-02-28-kundtjanst-till-servicebolaget.md"
    text = path.read_bytes().decode("utf-8")
    text = text.replace("Sms med tid och adress.", "Sms med tid och adress till Sara på 070-123 45 67.")
    text = text.replace(
        "Kort möte med kunden om kravprofilen.",
        "Kort möte med kunden om kravprofilen. Kontakt: lena.berg@servicebolaget.se",
    )
    path.write_bytes(text.encode("utf-8"))
    monkeypatch.setenv("INTERVJUFAS_KATALOG", str(folder))
    monkeypatch.chdir(tmp_path)
    return folder


def test_the_granska_example_is_what_the_program_prints(anna: Path) -> None:
    example = example_after("$ intervjufas granska\n")
    result = run_cli("granska")
    assert result.exit_code == 1
    printed = result.stdout.replace(str(anna), "/home/anna/Dokument/intervjufas").splitlines()
    assert printed == example[1:]


def test_the_rensa_example_is_what_the_program_prints(anna: Path) -> None:
    example = [line for line in example_after("$ intervjufas rensa --aldre-an 1å") if line != "  …"]
    result = run_cli("rensa", "--aldre-an", "1å")
    printed = result.stdout.replace(str(anna), "/home/anna/Dokument/intervjufas")
    printed = re.sub(r"daterade före \d{4}-\d\d-\d\d", "daterade före 2025-03-10", printed)
    shown = [line for line in example[1:] if not line.startswith(("? ", " » ", "   2)"))]
    assert len(shown) == 9  # (the question at the end is asked on a terminal only)
    for line in shown:
        assert line in printed.splitlines()
