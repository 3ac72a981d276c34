"""`intervjufas trend`: the experience ratings per step over time."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from intervjufas.cli.main import app
from intervjufas.reading.folder import load_folder
from intervjufas.reading.trend import Point, Series, period_of, rating_trends
from intervjufas.views.trend import bar, sparkline

FIXTURES = Path(__file__).parent / "fixtures" / "reports"
runner = CliRunner()


def trend(*args: str, columns: int = 120):
    return runner.invoke(app, ["trend", *args], prog_name="intervjufas", env={"COLUMNS": str(columns)})


def points(series: Series) -> list[tuple[str, float, int]]:
    return [(p.period, p.mean, p.count) for p in series.points]


def test_series_per_set_and_rating_question(reports: Path):
    loaded, warnings = load_folder(reports)
    assert len(warnings) == 1
    quick, full = rating_trends(loaded)  # the set of the newest report first
    assert (quick.set_id, quick.reports, quick.periods) == ("snabbformat", 1, ("2024-03",))
    assert [s.label for s in quick.series] == ["Del 2 · Kunden", "Del 2 · Kandidaten"]
    assert (full.set_id, full.title, full.reports) == ("kartlaggning", "Kartlägg intervjufasen", 3)
    assert full.periods == ("2024-01", "2024-02")
    labels = [s.label for s in full.series]
    assert labels == [
        "Steg 1 · Kunden",
        "Steg 1 · Kandidaten",
        "Steg 2 · Kunden",
        "Steg 2 · Kandidaten",
        "Steg 3 · Kunden",
        "Steg 3 · Kandidaten",
    ]
    by_label = dict(zip(labels, full.series, strict=True))
    # February: Truckförare (4) and Kundtjänst (4) for the customer, 4 and 2 for the candidate
    assert points(by_label["Steg 1 · Kunden"]) == [("2024-01", 3.0, 1), ("2024-02", 4.0, 2)]
    assert points(by_label["Steg 1 · Kandidaten"]) == [("2024-01", 3.0, 1), ("2024-02", 3.0, 2)]
    assert points(by_label["Steg 2 · Kandidaten"]) == [("2024-01", 2.0, 1), ("2024-02", 3.0, 1)]


def test_customer_filter_ignores_case_and_quarters(reports: Path):
    loaded, _ = load_folder(reports)
    quick, full = rating_trends(loaded, kund="NORDLAGER ab", per="kvartal")
    assert quick.reports == 1  # "nordlager ab" in the quick report
    assert full.reports == 2  # Servicebolaget is left out
    assert full.periods == ("2024 K1",)
    assert points(full.series[1]) == [("2024 K1", 3.5, 2)]
    assert rating_trends(loaded, kund="Nordlager") == []  # the whole name, not a part of it


def test_period_of():
    assert period_of("2024-03-05") == "2024-03"
    assert period_of("2024-03-05", "kvartal") == "2024 K1"
    assert period_of("2024-12-31", "kvartal") == "2024 K4"
    assert period_of("2024-13-01") is None
    assert period_of("i går") is None


def test_bar_and_sparkline():
    assert bar(5, 5) == "█" * 10
    assert bar(2.5, 5) == "█" * 5
    assert bar(3.3, 5) == "██████▋"
    assert bar(0, 5) == ""
    series = Series("q", "Steg 1 · Kunden", 1, 5, (Point("2024-01", 1.0, 1), Point("2024-03", 5.0, 2)))
    assert sparkline(series, ["2024-01", "2024-02", "2024-03"]) == "▁·█"


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
    assert "Varning: " in result.stderr


def test_command_filters_and_groups(reports: Path):
    result = trend("--kund", "servicebolaget", "--per", "kvartal")
    assert result.exit_code == 0, result.output
    assert "(1 rapport, kund: servicebolaget)" in result.stdout
    assert "Kvartal" in result.stdout and "2024 K1" in result.stdout
    assert "snabbformat" not in result.stdout
    assert "ett tecken per" not in result.stdout  # one period: no line of development to show


def test_no_ratings_and_bad_period(reports: Path, tmp_path: Path):
    none = trend("--kund", "Ingen AB")
    assert none.exit_code == 0
    assert none.stdout.startswith("Det finns inga betyg för kunden Ingen AB att visa ännu.")
    empty = runner.invoke(app, ["trend", "--katalog", str(tmp_path)])
    assert empty.exit_code == 0 and empty.stdout.startswith("Det finns inga betyg att visa ännu.")
    bad = trend("--per", "vecka")
    assert bad.exit_code == 2
    assert bad.stderr == "Fel: Okänd period 'vecka' för --per; välj manad eller kvartal.\n"
    assert trend("--per", "Månad").exit_code == 0
