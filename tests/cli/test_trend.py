"""`intervjufas trend`: the experience ratings per step over time."""

from __future__ import annotations

from pathlib import Path

from helpers import FIXTURE_REPORTS, command, run_cli

FIXTURES = FIXTURE_REPORTS


trend = command("trend", columns=120)


def test_command_shows_bars_counts_and_sparklines(reports: Path):
    result = trend()
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Kartlägg intervjufasen  (3 rapporter)" in out
    assert "Kartlägg intervjufasen – snabbformat  (1 rapport)" in out
    lines = out.splitlines()
    row = next(line for line in lines if line.startswith("Steg 1 · Kunden"))
    assert row.split() == ["Steg", "1", "·", "Kunden", "2024-01", "3,0", "██████", "1"]
    below = lines[lines.index(row) + 1]
    assert below.split() == ["▅▆", "2024-02", "4,0", "████████", "2"]
    assert "ett tecken per månad" in out
    quick = out[out.index("snabbformat  (1 rapport)") :]
    assert quick.splitlines()[1].startswith("Betygen kommer bara från en månad (")
    assert "Varning: " in result.stderr


def test_command_filters_and_groups(reports: Path):
    result = trend("--kund", "servicebolaget", "--per", "kvartal")
    assert result.exit_code == 0, result.output
    assert "(1 rapport, kund: servicebolaget)" in result.stdout
    assert "snabbformat" not in result.stdout
    # one period is no development: what is needed is said, the means listed, no lone bars
    assert (
        "Betygen kommer bara från ett kvartal (2024 K1) ännu; utvecklingen visas när det finns betyg från "
        "minst 2 kvartal. Medelbetygen hittills: Steg 1 · Kunden: 4,0 (1 rapport) Steg 1 · Kandidaten: 2,0"
    ) in " ".join(result.stdout.split())
    assert "█" not in result.stdout and "Medel =" not in result.stdout


def test_no_ratings_and_bad_period(reports: Path, tmp_path: Path):
    none = trend("--kund", "Ingen AB")
    assert none.exit_code == 0
    assert none.stdout.startswith("Det finns inga betyg för kunden Ingen AB att visa ännu.")
    empty = run_cli("trend", "--katalog", str(tmp_path))
    assert empty.exit_code == 0 and empty.stdout.startswith("Det finns inga betyg att visa ännu.")
    bad = trend("--per", "vecka")
    assert bad.exit_code == 2
    assert bad.stderr == "Fel: Okänd period 'vecka' för --per; välj manad eller kvartal.\n"
    assert trend("--per", "Månad").exit_code == 0
