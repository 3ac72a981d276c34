"""The plan's state in the exports and in ``jamfor``: every planned item shows its current status –
the newest follow-up of it in the reports folder, with its date, or "Planerad" – as the one model
of the plan's state (``reading.plan``) computes it, also for a report exported long after."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import docx
import html5lib
import pytest

from helpers import FIXTURE_REPORTS, command

exportera = command("exportera")
jamfor = command("jamfor", columns=200)
FIRST = "2024-01-15-lagerarbetare-till-nordlager.md"
SECOND = "2024-02-20-truckforare-till-nordlager.md"
# FIRST plans these; SECOND follows the first up as Genomfört and the second as Delvis.
DONE = "Checklista till kunden"
PARTLY = "Tydligare avslut"


def html_plan(path: Path) -> dict[str, list[str]]:
    """The plan table of an HTML export (parsed strictly): moment -> its row."""
    tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(path.read_text("utf-8"))
    section = next(s for s in tree.iter("section") if "plan" in s.get("class", "").split())
    header = ["".join(th.itertext()) for th in section.iter("th")]
    rows = [["".join(td.itertext()) for td in tr.iter("td")] for tr in section.find("table").find("tbody")]
    return {row[2]: [*header, *row] for row in rows}


def docx_plan(path: Path) -> dict[str, list[str]]:
    """The plan table of a Word export (its last table with a Status column): moment -> its row."""
    doc = docx.Document(io.BytesIO(path.read_bytes()))
    (table,) = [t for t in doc.tables if [c.text for c in t.rows[0].cells][-1:] == ["Status"]]
    header = [cell.text for cell in table.rows[0].cells]
    return {row[2]: [*header, *row] for row in ([c.text for c in r.cells] for r in list(table.rows)[1:])}


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "har"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


@pytest.mark.parametrize("kind", ["html", "docx"])
def test_the_earlier_report_s_export_shows_what_a_later_follow_up_said(
    reports: Path, here: Path, kind: str
) -> None:
    result = exportera("2024-01-15", "--format", kind, "-o", str(here / f"ut.{kind}"))
    assert result.exit_code == 0, result.output
    plan = (html_plan if kind == "html" else docx_plan)(here / f"ut.{kind}")
    assert plan[DONE][4] == "Status"
    assert plan[DONE][-1] == "Genomfört 2024-02-20"
    assert plan[PARTLY][-1] == "Delvis 2024-02-20"


@pytest.mark.parametrize("kind", ["html", "docx"])
def test_the_customer_version_says_it_in_plain_words(reports: Path, here: Path, kind: str) -> None:
    result = exportera("2024-01-15", "--kundversion", "--format", kind, "-o", str(here / f"kund.{kind}"))
    assert result.exit_code == 0, result.output
    plan = (html_plan if kind == "html" else docx_plan)(here / f"kund.{kind}")
    assert plan[DONE][4] == "Status"
    assert plan[DONE][-1] == "Genomförd 2024-02-20"


def test_an_item_nobody_has_followed_up_is_planned(reports: Path, here: Path) -> None:
    result = exportera("2024-02-20", "--format", "html", "-o", str(here / "ut.html"))
    assert result.exit_code == 0, result.output
    statuses = {row[-1] for row in html_plan(here / "ut.html").values()}
    assert statuses == {"Planerad"}


def test_a_report_outside_the_reports_folder_is_followed_up_next_to_it(tmp_path: Path, here: Path) -> None:
    archive, alone, empty = tmp_path / "arkiv", tmp_path / "ensam", tmp_path / "tom"
    for folder, names in ((archive, (FIRST, SECOND)), (alone, (FIRST,))):
        folder.mkdir()
        for name in names:
            shutil.copy(FIXTURE_REPORTS / name, folder / name)
    not_a_folder = tmp_path / "fil"
    not_a_folder.write_text("ingen mapp", encoding="utf-8")
    for catalog in (empty, not_a_folder):  # no folder there, or one that cannot be read
        result = exportera(str(archive / FIRST), "--katalog", str(catalog), "-o", str(here / "a.docx"))
        assert result.exit_code == 0, result.output
        assert docx_plan(here / "a.docx")[DONE][-1] == "Genomfört 2024-02-20"
        result = exportera(str(alone / FIRST), "--katalog", str(catalog), "-o", str(here / "b.docx"))
        assert result.exit_code == 0, result.output
        assert {row[-1] for row in docx_plan(here / "b.docx").values()} == {"Planerad"}


def test_jamfor_shows_each_item_s_status(reports: Path) -> None:
    text = jamfor("2024-01-15", "2024-02-20")
    assert text.exit_code == 0, text.output
    assert (
        f"− Steg 1 · Lägga till: {DONE} – Så att inget glöms inför intervjun [Genomfört 2024-02-20]"
        in text.stdout
    )
    assert "+ Steg 3 · Lägga till: Utvärdering med kunden – Lära till nästa uppdrag [Planerad]" in text.stdout
    markdown = jamfor("2024-01-15", "2024-02-20", "--format", "markdown")
    assert "| Steg | Typ | Moment | Varför | Status |" in markdown.stdout
    assert f"| {DONE} | Så att inget glöms inför intervjun | Genomfört 2024-02-20 |" in markdown.stdout
    data = json.loads(jamfor("2024-01-15", "2024-02-20", "--json").stdout)
    (dropped,) = data["borttagna_moment"]
    assert (dropped["namn"], dropped["senaste_status"], dropped["senaste_status_text"]) == (
        DONE,
        "genomfort",
        "Genomfört",
    )
    assert dropped["senaste_status_datum"] == "2024-02-20"
    assert dropped["id"].endswith("/fore_lagga_till_vad/1")
    assert {(item["senaste_status"], item["senaste_status_datum"]) for item in data["nya_moment"]} == {
        (None, None)
    }
