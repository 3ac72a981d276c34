"""``exportera`` in a real pseudo-terminal: a quick export says only where the file went; a long
one shows a progress bar while it works, which is gone when it is done."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx

from export_samples import EDITED, consultant_report_file, editor_command
from intervjufas.model.answers import Answer
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.report.model import Report
from intervjufas.report.render import render

from .conftest import CTRL_C, Terminal

Run = Callable[..., Terminal]


def write_report(folder: Path, name: str, paragraphs: int) -> Path:
    questionnaire = builtin_set("kartlaggning")
    report = Report.new(questionnaire)
    report.answers["uppdrag"] = Answer("Stort uppdrag")
    text = "\n\n".join(f"Stycke {n} om hur intervjuerna förbereds och genomförs." for n in range(paragraphs))
    for question_id in ("fore_kunden", "fore_kandidaten", "under_genomfor", "efter_moment"):
        report.answers[question_id] = Answer(text)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(render(report, questionnaire), encoding="utf-8")
    return path


def test_a_quick_export_leaves_only_its_closing_line(run: Run, reports_dir: Path) -> None:
    # Whether the bar appears at all depends on the machine's speed (a loaded machine can take
    # longer than the delay even for three paragraphs), so that rule is tested with a fake clock in
    # tests/unit/views/test_export_progress.py; here: whatever was drawn, the last line on screen
    # is the closing message alone.
    write_report(reports_dir, "liten.md", 3)
    t = run("exportera", "liten", "--format", "docx", "--kundversion")
    t.expect("Kundversionen är sparad i ")
    assert t.wait_exit() == 0
    last = t.output.rstrip("\n").split("\n")[-1]
    assert last.startswith("Kundversionen är sparad i ") and "Exporterar" not in last
    assert (reports_dir.parent / "liten-kundversion.docx").is_file()


def test_a_long_export_shows_progress_that_goes_away(run: Run, reports_dir: Path) -> None:
    write_report(reports_dir, "stor.md", 4000)  # 16,000 paragraphs: over a second in Word format
    t = run("exportera", "stor", "--format", "docx")
    t.expect("Exporterar")
    t.expect("Exporten är sparad i ")
    assert t.wait_exit() == 0
    target = reports_dir.parent / "stor.docx"
    paragraphs = docx.Document(str(target)).paragraphs
    assert sum(1 for p in paragraphs if p.text.startswith("Stycke ")) == 16_000
    # transient: the bar's line is cleared before the closing message
    last = t.output.rstrip("\n").split("\n")[-1]
    assert last.startswith("Exporten är sparad i ") and "Exporterar" not in last


def test_ctrl_c_while_the_bar_shows_saves_nothing(run: Run, reports_dir: Path) -> None:
    write_report(reports_dir, "stor.md", 8000)  # (long enough that Ctrl-C comes well before the end)
    t = run("exportera", "stor", "--format", "docx")
    t.expect("Exporterar")  # (the export handles Ctrl-C before it shows its bar)
    t.send(CTRL_C, at_prompt=False)
    t.expect("Avbrutet. Ingen export sparades.")
    assert t.wait_exit() == 130
    assert not (reports_dir.parent / "stor.docx").exists()
    assert not [p for p in reports_dir.parent.iterdir() if p.name.endswith(".tmp")]


def test_the_customer_text_previewed_and_edited_in_a_terminal(run: Run, reports_dir: Path, tmp_path: Path) -> None:
    report = consultant_report_file(reports_dir, "nordlager")
    t = run("exportera", "nordlager", "--kundversion", "--forhandsgranska", PAGER="false")
    t.expect("Intervjuprocessen: Lagerarbetare till Nordlager")
    t.expect("Strukturerad intervju med lagerchefen")
    assert t.wait_exit() == 0
    assert "## " not in t.output and "**" not in t.output  # drawn, not Markdown source
    assert not list(reports_dir.parent.glob("*kundversion*"))  # nothing written

    t = run("exportera", "nordlager", "--kundversion", "--redigera", EDITOR=editor_command(tmp_path))
    t.expect("Din kundversion är sparad i ")
    assert t.wait_exit() == 0
    assert EDITED in report.with_name("nordlager.kundversion.md").read_text(encoding="utf-8")
