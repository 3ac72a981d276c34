"""``exportera --kundversion`` as a consultant prepares it for the customer: previewed in the
terminal, edited in the user's editor and kept beside the report, used by later exports while the
report is unchanged – and the kept text never taken for a report by the folder commands."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from export_samples import (
    COLLEAGUE,
    EDIT,
    HIDDEN_CHANGES,
    HIDDEN_MOMENTS,
    NOTE,
    OWN_TEXT,
    SHOWN_CHANGES,
    consultant_report_file,
    editor_command,
)
from helpers import command

exportera = command("exportera")
NAME = "nordlager"


@pytest.fixture
def report(reports_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    here = tmp_path / "har"
    here.mkdir()
    monkeypatch.chdir(here)
    return consultant_report_file(reports_dir, NAME)


def editor(folder: Path, script: str = EDIT) -> str:
    return editor_command(folder, script)


def kept(report: Path) -> Path:
    return report.with_name(f"{NAME}.kundversion.md")


@pytest.mark.parametrize("option", ["--forhandsgranska", "--redigera", "--med-noteringar"])
def test_the_customer_options_need_the_customer_version(report: Path, option: str) -> None:
    result = exportera(NAME, option, "--format", "html")
    assert result.exit_code == 2
    assert result.stderr == f"Fel: {option} gäller kundversionen; lägg till --kundversion. Se 'intervjufas exportera --help'.\n"
    assert list(Path.cwd().iterdir()) == []


def test_preview_and_edit_together_is_a_usage_error(report: Path) -> None:
    result = exportera(NAME, "--kundversion", "--forhandsgranska", "--redigera")
    assert (result.exit_code, result.stderr) == (2, "Fel: Välj --forhandsgranska eller --redigera, inte båda. Se 'intervjufas exportera --help'.\n")


def test_preview_prints_the_customer_text_and_writes_nothing(report: Path) -> None:
    before = sorted(p.name for p in report.parent.iterdir())
    result = exportera(NAME, "--kundversion", "--forhandsgranska")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    text = result.stdout
    assert text.startswith("# Intervjuprocessen: Lagerarbetare till Nordlager\n")
    for shown in SHOWN_CHANGES:
        assert shown in text
    for hidden in (COLLEAGUE, OWN_TEXT, NOTE, "Berör", "Notering", "↗", *HIDDEN_CHANGES, *HIDDEN_MOMENTS):
        assert hidden not in text, hidden
    assert list(Path.cwd().iterdir()) == []
    assert sorted(p.name for p in report.parent.iterdir()) == before


def test_preview_with_notes_shows_them_without_the_colleague(report: Path) -> None:
    result = exportera(NAME, "--kundversion", "--forhandsgranska", "--med-noteringar")
    assert result.exit_code == 0, result.output
    assert NOTE in result.stdout and "En kollega tar referenser på de två starkaste." in result.stdout
    assert COLLEAGUE not in result.stdout


def test_an_edited_text_is_kept_and_used_until_the_report_changes(report: Path, tmp_path: Path) -> None:
    edited = exportera(NAME, "--kundversion", "--redigera", env={"EDITOR": editor(tmp_path), "VISUAL": ""})
    assert edited.exit_code == 0, edited.output
    assert edited.stdout == (
        f"Din kundversion är sparad i {kept(report)}. Den används när du exporterar med --kundversion, "
        "så länge rapporten inte ändras.\n"
    )
    assert kept(report).read_text(encoding="utf-8").startswith("---\n")
    assert list(Path.cwd().iterdir()) == []  # edited, not exported

    result = exportera(NAME, "--kundversion", "--format", "docx")
    assert result.exit_code == 0, result.output
    target = Path.cwd() / f"{NAME}-kundversion.docx"
    assert result.stdout == f"Kundversionen (med din redigerade text från {kept(report).name}) är sparad i {target}.\n"
    assert "ni slipper vänta" in word_text(target)

    preview = exportera(NAME, "--kundversion", "--forhandsgranska")
    assert "ni slipper vänta" in preview.stdout

    report.write_text(report.read_text(encoding="utf-8").replace("Nordlager AB", "Nordlager Sverige AB"), encoding="utf-8")
    changed = exportera(NAME, "--kundversion", "--format", "docx")
    assert changed.exit_code == 0, changed.output
    assert changed.stdout == f"Kundversionen är sparad i {target}.\n"
    assert changed.stderr.startswith(f"Varning: {NAME}.md har ändrats sedan kundversionen redigerades")
    assert changed.stderr.rstrip().endswith(f"intervjufas exportera {NAME}.md --kundversion --redigera")
    assert "ni slipper vänta" not in word_text(target) and "Nordlager Sverige AB" in word_text(target)


def test_edit_and_export_at_once_with_visual_before_editor(report: Path, tmp_path: Path) -> None:
    env = {"VISUAL": editor(tmp_path), "EDITOR": "false"}
    result = exportera(NAME, "--kundversion", "--redigera", "-o", "kund.html", env=env)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1] == (
        f"Kundversionen (med din redigerade text från {kept(report).name}) är sparad i kund.html."
    )
    assert "ni slipper vänta" in (Path.cwd() / "kund.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("command_line", "code", "message"),
    [
        ("false", 1, "Fel: Redigeraren false avslutades med felkod 1. Ingen ny kundversion sparades.\n"),
        ("true", 0, "Texten ändrades inte. Ingen ny kundversion sparades.\n"),
        ("finns-inte-redigerare", 1, "Fel: Kan inte starta redigeraren finns-inte-redigerare"),
        ("'oavslutat", 1, "Fel: Kan inte läsa $EDITOR"),
    ],
)
def test_an_editor_that_fails_or_changes_nothing_keeps_nothing(
    report: Path, command_line: str, code: int, message: str
) -> None:
    result = exportera(NAME, "--kundversion", "--redigera", "--format", "html", env={"EDITOR": command_line, "VISUAL": ""})
    assert result.exit_code == code
    assert (result.stdout + result.stderr).startswith(message)
    assert not kept(report).exists()
    assert list(Path.cwd().iterdir()) == []  # nothing exported either


def test_an_editor_that_fails_leaves_an_earlier_kept_text_alone(report: Path, tmp_path: Path) -> None:
    assert exportera(NAME, "--kundversion", "--redigera", env={"EDITOR": editor(tmp_path)}).exit_code == 0
    before = kept(report).read_bytes()
    failing = editor(tmp_path, EDIT + "raise SystemExit(3)\n")
    result = exportera(NAME, "--kundversion", "--redigera", env={"EDITOR": failing})
    assert result.exit_code == 1
    assert "avslutades med felkod 3" in result.stderr
    assert kept(report).read_bytes() == before


def test_folder_commands_leave_the_kept_text_out_and_scan_and_remove_it(report: Path, tmp_path: Path) -> None:
    phone = "Ring mig på 070-123 45 67."
    script = EDIT.replace("ni slipper vänta.", f"ni slipper vänta. {phone}")
    assert exportera(NAME, "--kundversion", "--redigera", env={"EDITOR": editor(tmp_path, script)}).exit_code == 0
    for name in (f"{NAME}.kundversion", f"{NAME}.kundversion.md", str(kept(report))):
        wrong = command("visa")(name)
        assert wrong.exit_code == 1
        assert wrong.stderr == (
            f"Fel: {NAME}.kundversion.md är en sparad kundversion, inte en rapport; ange rapporten {NAME}.md.\n"
        )
    listed = command("lista")("--json")
    assert listed.exit_code == 0 and "kundversion" not in listed.stdout and listed.stderr == ""
    scanned = command("granska")()
    assert scanned.exit_code == 1
    assert f"{kept(report)}:" in scanned.stdout and "telefonnummer" in scanned.stdout
    named = command("granska")(NAME)  # a report named: its kept text too
    assert named.exit_code == 1 and f"{kept(report)}:" in named.stdout
    removed = command("rensa")("--aldre-an", "1d", "--ja")
    assert removed.exit_code == 0, removed.output
    assert not report.exists() and not kept(report).exists()


def test_anonymising_removes_the_kept_text(report: Path, tmp_path: Path) -> None:
    assert exportera(NAME, "--kundversion", "--redigera", env={"EDITOR": editor(tmp_path)}).exit_code == 0
    result = command("rensa")("--aldre-an", "1d", "--ja", "--anonymisera")
    assert result.exit_code == 0, result.output
    assert not kept(report).exists()
    assert [p.suffixes for p in report.parent.glob("*.md")] == [[".md"]]


def word_text(path: Path) -> str:
    doc = docx.Document(io.BytesIO(path.read_bytes()))
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)
