"""Rating series per question set, customer and period, computed as data."""

from __future__ import annotations

from pathlib import Path

from intervjufas.folder.loading import load_folder
from intervjufas.reading.trend import Series, period_of, rating_trends


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
    quick, full = rating_trends(loaded, customer="NORDLAGER ab", per="kvartal")
    assert quick.reports == 1  # "nordlager ab" in the quick report
    assert full.reports == 2  # Servicebolaget is left out
    assert full.periods == ("2024 K1",)
    assert points(full.series[1]) == [("2024 K1", 3.5, 2)]
    # a part of the name will do, as everywhere a customer is named; every word must be there
    assert rating_trends(loaded, customer="nordläger", per="kvartal") == [quick, full]
    assert rating_trends(loaded, customer="Nordlager Logistik") == []


def test_period_of():
    assert period_of("2024-03-05") == "2024-03"
    assert period_of("2024-03-05", "kvartal") == "2024 K1"
    assert period_of("2024-12-31", "kvartal") == "2024 K4"
    assert period_of("2024-13-01") is None
    assert period_of("i går") is None
