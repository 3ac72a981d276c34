"""`intervjufas plan`: every open action item across the reports folder."""

from __future__ import annotations

import json
import re
from pathlib import Path

from helpers import FIXTURE_REPORTS, command, run_cli

FIXTURES = FIXTURE_REPORTS


plan = command("plan", columns=200)


def test_json_lists_the_open_items_by_step(reports: Path):
    result = plan("--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["format"] == 2
    items = data["oppna_moment"]
    summary = [(i["steg"], i["steg_namn"], i["typ"], i["namn"], i["senaste_status"], i["fil"]) for i in items]
    assert summary == [
        (2, "Del 2", "utveckla", "Tydligare avslut", None, "2024-03-05-plockare-till-nordlager.md"),
        (
            1,
            "Steg 1",
            "utveckla",
            "Förberedelse av kandidaten",
            None,
            "2024-02-28-kundtjanst-till-servicebolaget.md",
        ),
        (2, "Steg 2", "utveckla", "Tydligare avslut", None, "2024-02-20-truckforare-till-nordlager.md"),
        (2, "Steg 2", "utveckla", "Kandidatens frågor", None, "2024-02-20-truckforare-till-nordlager.md"),
        (2, "Steg 2", "utveckla", "Tydligare avslut", "delvis", "2024-01-15-lagerarbetare-till-nordlager.md"),
        (3, "Steg 3", "lagga_till", "Utvärdering med kunden", None, "2024-02-20-truckforare-till-nordlager.md"),
    ]
    assert [(i["typ_text"], i["senaste_status_text"]) for i in items[3:]] == [
        ("Utveckla", None),
        ("Utveckla", "Delvis"),
        ("Lägga till", None),
    ]
    # "Checklista till kunden" was followed up as Genomfört in the next report: it is closed
    assert all(i["namn"] != "Checklista till kunden" for i in items)
    partly = items[4]
    assert partly["senaste_kommentar"] == "Gjort i hälften av intervjuerna."
    assert partly["varfor"] == "Kandidaten ska veta vad som händer sedan"
    assert partly["datum"] == "2024-01-15"
    assert partly["id"] == "a1b2c3d4e5f6/under_utveckla_vad/1"
    assert partly["sokvag"] == str(reports / "2024-01-15-lagerarbetare-till-nordlager.md")
    assert partly["steg_titel"] == "Under intervjun"
    # the same warning as lista's: the headers are read once, the broken one named with its line
    assert result.stderr.startswith("Varning: 2024-03-10-trasig.md: huvudet är inte giltig YAML (rad 9)")
    assert result.stderr.count("\n") == 1


def test_wide_table_has_every_column(reports: Path):
    result = plan()
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[0].split()
    assert header == ["Steg", "Typ", "Moment", "Varför", "Senaste", "status", "Rapport", "Datum"]
    rows = [line for line in result.stdout.splitlines() if line.startswith(("Steg ", "Del "))][1:]
    assert rows[0].split()[:4] == ["Del", "2", "Utveckla", "Tydligare"]
    delvis = next(line for line in rows if "Delvis" in line)
    assert "Delvis – Gjort i hälften av intervjuerna." in delvis
    assert re.search(r"  2024-01-15-lagerarbetare-till-nordlager\.md +2024-01-15$", delvis)
    assert "6 öppna moment." in result.stdout


def test_narrow_table_puts_reason_and_report_under_the_item(reports: Path):
    result = plan(columns=80)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Steg", "Moment,", "varför", "och", "rapport", "Senaste", "status", "Datum"]
    assert all(len(line) <= 80 for line in lines)
    text = "\n".join(line.rstrip() for line in lines)
    assert "Del 2   Utveckla: Tydligare avslut" in text
    assert "        Varför: Samma som förra gången\n        2024-03-05-plockare-till-nordlager.md" in text


def test_no_open_items_is_a_friendly_line(tmp_path: Path):
    result = run_cli("plan", "--katalog", str(tmp_path))
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Inga öppna moment i utvecklingsplanerna i {tmp_path}.")
    assert json.loads(run_cli("plan", "--katalog", str(tmp_path), "--json").stdout) == {
        "format": 2,
        "oppna_moment": [],
    }


def test_closed_items_stay_closed_whatever_the_order_of_files(reports: Path):
    # A report that drops ("Släpp") the remaining open items of the first report.
    first = (reports / "2024-01-15-lagerarbetare-till-nordlager.md").read_text(encoding="utf-8")
    assert "Tydligare avslut" in first
    later = (reports / "2024-02-20-truckforare-till-nordlager.md").read_text(encoding="utf-8")
    later = later.replace(
        "a1b2c3d4e5f6/under_utveckla_vad/1: Delvis", "a1b2c3d4e5f6/under_utveckla_vad/1: Släpp"
    )
    later = later.replace("**Delvis**\n\nGjort i hälften av intervjuerna.", "**Släpp**")
    (reports / "2024-02-20-truckforare-till-nordlager.md").write_text(later, encoding="utf-8")
    items = json.loads(plan("--json").stdout)["oppna_moment"]
    assert all(item["fil"] != "2024-01-15-lagerarbetare-till-nordlager.md" for item in items)
    assert len(items) == 5
