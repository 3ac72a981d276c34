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
    data = as_json("trend", "--json")
    assert [entry["fragor"] for entry in data] == ["snabbformat", "kartlaggning"]
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
    assert first["punkter"][0] == {"period": "2024-01", "medel": 3.0, "rapporter": 1}
    per_customer = as_json("trend", "--json", "--kund", "Servicebolaget", "--per", "kvartal")
    assert [entry["perioder"] for entry in per_customer] == [["2024 K1"]]


def test_jamfor(reports: Path, tmp_path: Path) -> None:
    data = as_json("jamfor", FIRST, SECOND, "--json")
    assert data["a"]["fil"] == FIRST and data["b"]["uppdrag"] == "Truckförare till Nordlager"
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
    assert {"steg": "Steg 1", "etikett": "Kunden", "a": 3, "b": 4, "andring": 1, "max": 5} in data["betyg"]
    assert data["nya_moment"][0]["moment"] == "Kandidatens frågor"
    assert data["oforandrade"] == 12 and data["jamforda"] == 32
    saved = tmp_path / "jamforelse.json"
    result = run_cli("jamfor", FIRST, SECOND, "--json", "-o", str(saved), "--exit-code")
    assert result.exit_code == 1  # they differ
    assert json.loads(saved.read_text(encoding="utf-8")) == data
    both = run_cli("jamfor", FIRST, SECOND, "--json", "--format", "markdown")
    assert both.exit_code == 2
    assert both.stderr == "Fel: Välj --json eller --format markdown, inte båda.\n"


def test_fragor(tmp_path: Path, monkeypatch) -> None:
    sets = tmp_path / "egna"
    sets.mkdir()
    (sets / "telefon.yaml").write_bytes((REPO / "docs" / "exempel-telefonintervju.yaml").read_bytes())
    (sets / "trasig.yaml").write_text("id: trasig\nversion: x\n", encoding="utf-8")
    monkeypatch.setenv("INTERVJUFAS_FRAGOR", str(sets))
    listed = as_json("fragor", "--json")
    assert [entry.get("id") for entry in listed][:2] == ["kartlaggning", "snabbformat"]
    assert listed[0]["kalla"] == "inbyggd" and listed[0]["anvandbar"] is True and listed[0]["steg"] == 3
    broken = next(entry for entry in listed if not entry["anvandbar"])
    assert broken["kalla"].endswith("trasig.yaml") and broken["fel"]
    shown = as_json("fragor", "--visa", str(sets / "telefon.yaml"), "--json")
    questions = [q for step in shown["steg"] for q in step["fragor"]]
    assert all(set(q) >= {"id", "text", "typ", "obligatorisk", "villkor"} for q in questions)
    conditional = [q for q in questions if q["villkor"] is not None]
    assert conditional and all(
        "fraga" in q["villkor"] or set(q["villkor"]) & {"alla", "nagon", "inte"} for q in conditional
    )
    scale = next(
        q
        for q in as_json("fragor", "--visa", "kartlaggning", "--json")["steg"][0]["fragor"]
        if q["typ"] == "skala"
    )
    assert scale["min"] == 1 and scale["max"] == 5


def test_json_is_exact_in_a_narrow_encoding(reports: Path) -> None:
    for args in (("trend", "--json"), ("jamfor", SECOND, "--json"), ("lista", "--json"), ("plan", "--json")):
        assert as_json(*args, encoding="ascii") == as_json(*args)
