"""The customer version read the way the customer reads it: the HTML file opened in a real browser
(headless Chromium, its DOM after loading) and the Word file reopened – the changes whose moments
involve the customer or the candidate are there, and no internal mark, "Berör", note or colleague."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
import html5lib
import pytest

from export_samples import (
    COLLEAGUE,
    EDITED,
    HIDDEN_CHANGES,
    HIDDEN_MOMENTS,
    NOTE,
    OWN_TEXT,
    SHOWN_CHANGES,
    SHOWN_MOMENTS,
    consultant_report_file,
    editor_command,
)
from helpers import command
from intervjufas.report.process_map.mermaid import MARKS

exportera = command("exportera")
NAME = "nordlager"
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
NEVER = (
    COLLEAGUE,
    "Anna",
    "Berg",
    NOTE,
    OWN_TEXT,
    "Berör",
    "Notering",
    "Teckenförklaring",
    "kollegor",
    *(mark for mark in MARKS.values() if mark),
    *HIDDEN_CHANGES,
    *HIDDEN_MOMENTS,
)
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture
def report(reports_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    here = tmp_path / "har"
    here.mkdir()
    monkeypatch.chdir(here)
    return consultant_report_file(reports_dir, NAME)


def browser_text(page: Path) -> str:
    """The visible text of the page as headless Chromium has loaded it."""
    assert BROWSER is not None
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [
                BROWSER,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--dump-dom",
                page.resolve().as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
    tree = html5lib.parse(done.stdout)
    body = tree.find(f"{XHTML}body")
    assert body is not None, done.stdout[:200]
    return " ".join(" ".join(body.itertext()).split())


def word_text(path: Path) -> str:
    doc = docx.Document(io.BytesIO(path.read_bytes()))
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    properties = doc.core_properties
    return "\n".join([p.text for p in doc.paragraphs] + cells + [properties.title, properties.subject])


def assert_for_the_customer(text: str, *, edited: bool = False) -> None:
    for shown in (*SHOWN_CHANGES, *SHOWN_MOMENTS):
        assert shown in text, shown
    for hidden in NEVER:
        assert hidden not in text, hidden
    assert (EDITED in text) is edited


@pytest.mark.skipif(BROWSER is None, reason="Chromium is not installed here")
def test_the_html_in_a_browser(report: Path, tmp_path: Path) -> None:
    assert exportera(NAME, "--kundversion", "-o", "kund.html").exit_code == 0
    assert_for_the_customer(browser_text(Path("kund.html")))
    assert exportera(NAME, "--kundversion", "--redigera", env={"EDITOR": editor_command(tmp_path)}).exit_code == 0
    assert exportera(NAME, "--kundversion", "-o", "redigerad.html").exit_code == 0
    assert_for_the_customer(browser_text(Path("redigerad.html")), edited=True)


def test_the_word_file_reopened(report: Path, tmp_path: Path) -> None:
    assert exportera(NAME, "--kundversion", "-o", "kund.docx").exit_code == 0
    assert_for_the_customer(word_text(Path("kund.docx")))
    assert exportera(NAME, "--kundversion", "--redigera", env={"EDITOR": editor_command(tmp_path)}).exit_code == 0
    assert exportera(NAME, "--kundversion", "-o", "redigerad.docx").exit_code == 0
    text = word_text(Path("redigerad.docx"))
    assert_for_the_customer(text, edited=True)
    doc = docx.Document(io.BytesIO(Path("redigerad.docx").read_bytes()))
    assert [p.text for p in doc.paragraphs if p.style.name == "Title"] == [
        "Intervjuprocessen: Lagerarbetare till Nordlager"
    ]
    assert "Planerade förändringar" in [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
