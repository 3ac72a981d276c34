"""``--json`` on trend, jamfor and fragor: the documented shapes, exact in any output encoding."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import REPO, run_cli

FIRST = "2024-01-15-lagerarbetare-till-nordlager.md"
SECOND = "2024-02-20-truckforare-till-nordlager.md"


def as_json(*args: str, encoding: str = "utf-8") -> object:
    result = run_cli(*args, encoding=encoding)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_trend(reports: Path) -> None:
    data = as_json("trend", "--json")["trender"]
    assert [entry["uppsattning"] for entry in data] == ["snabbformat", "kartlaggning"]
    full = data[1]
    assert full["titel"] == "Kartlägg intervjufasen"
    assert full["perioder"] == ["2024-01", "2024-02"]
    first = full["betyg"][0]
    assert {key: first[key] for key in ("fraga", "etikett", "min", "max")} == {
        "fraga": "fore_betyg_kund",
        "etikett": "Steg 1 · Kunden",
        "min": 1,
        "max": 5,
    }
    assert first["punkter"][0] == {"period": "2024-01", "medel": 3.0, "antal_rapporter": 1}
    per_customer = as_json("trend", "--json", "--kund", "Servicebolaget", "--per", "kvartal")
    assert [entry["perioder"] for entry in per_customer["trender"]] == [["2024 K1"]]


def test_jamfor(reports: Path, tmp_path: Path) -> None:
    data = as_json("jamfor", FIRST, SECOND, "--json")
    assert data["rapport_a"]["fil"] == FIRST and data["rapport_b"]["uppdrag"] == "Truckförare till Nordlager"
    assert data["skiljer_sig"] is True
    assert {"nyckel": "roll", "etikett": "Tjänst/roll", "a": "Lagerarbetare", "b": "Truckförare"} in data[
        "uppgifter"
    ]
    steg1 = next(s for s in data["avsnitt"] if s["titel"] == "Steg 1: Före intervjun")
    changed = next(c for c in steg1["andrade"] if c["fraga"] == "fore_kunden")
    assert changed["ord"][0][:3] == [
        ["equal", "Vi går igenom kravprofilen"],
        ["insert", ", intervjufrågorna"],
        ["equal", " och "],
    ]
    assert {
        "steg": 1,
        "steg_namn": "Steg 1",
        "etikett": "Kunden",
        "betyg_a": 3,
        "betyg_b": 4,
        "skillnad": 1,
        "max": 5,
    } in data["betygsjamforelse"]
    assert data["nya_moment"][0] == {
        "steg": 2,
        "steg_namn": "Steg 2",
        "typ": "utveckla",
        "typ_text": "Utveckla",
        "namn": "Kandidatens frågor",
        "varfor": "Ge tid för kandidatens egna frågor",
        "id": "b2c3d4e5f6a1/under_utveckla_vad/2",
        "senaste_status": None,
        "senaste_status_text": None,
        "senaste_status_datum": None,
    }
    assert [(item["typ"], item["typ_text"]) for item in data["borttagna_moment"]] == [("lagga_till", "Lägga till")]
    assert data["antal_oforandrade"] == 12 and data["antal_jamforda"] == 32
    saved = tmp_path / "jamforelse.json"
    result = run_cli("jamfor", FIRST, SECOND, "--json", "-o", str(saved), "--exit-code")
    assert result.exit_code == 1  # they differ
    assert json.loads(saved.read_text(encoding="utf-8")) == data
    both = run_cli("jamfor", FIRST, SECOND, "--json", "--format", "markdown")
    assert both.exit_code == 2
    assert both.stderr == "Fel: Välj --json eller --format markdown, inte båda. Se 'intervjufas jamfor --help'.\n"


def test_fragor(tmp_path: Path, monkeypatch, kartlaggning) -> None:
    sets = tmp_path / "egna"
    sets.mkdir()
    (sets / "telefon.yaml").write_bytes((REPO / "docs" / "exempel-telefonintervju.yaml").read_bytes())
    (sets / "trasig.yaml").write_text("id: trasig\nversion: x\n", encoding="utf-8")
    monkeypatch.setenv("INTERVJUFAS_FRAGOR", str(sets))
    listed = as_json("fragor", "--json")["uppsattningar"]
    assert [entry.get("id") for entry in listed][:2] == ["kartlaggning", "snabbformat"]
    assert listed[0]["kalla"] == "inbyggd" and listed[0]["anvandbar"] is True and listed[0]["antal_steg"] == 3
    assert listed[0]["antal_fragor"] == sum(1 for _ in kartlaggning.all_questions())
    broken = next(entry for entry in listed if not entry["anvandbar"])
    assert broken["kalla"].endswith("trasig.yaml") and broken["fel"]
    shown = as_json("fragor", "--visa", str(sets / "telefon.yaml"), "--json")
    assert [step["steg"] for step in shown["stegen"]] == list(range(1, len(shown["stegen"]) + 1))
    questions = [q for step in shown["stegen"] for q in step["fragor"]]
    assert all(set(q) >= {"id", "text", "fragetyp", "obligatorisk", "villkor"} for q in questions)
    conditional = [q for q in questions if q["villkor"] is not None]
    assert conditional and all(
        "fraga" in q["villkor"] or set(q["villkor"]) & {"alla", "nagon", "inte"} for q in conditional
    )
    scale = next(
        q
        for q in as_json("fragor", "--visa", "kartlaggning", "--json")["stegen"][0]["fragor"]
        if q["fragetyp"] == "skala"
    )
    assert scale["min"] == 1 and scale["max"] == 5


def test_json_is_exact_in_a_narrow_encoding(reports: Path) -> None:
    for args in (("trend", "--json"), ("jamfor", SECOND, "--json"), ("lista", "--json"), ("plan", "--json")):
        assert as_json(*args, encoding="ascii") == as_json(*args)
