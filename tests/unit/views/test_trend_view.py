"""The characters the trend view draws with: bars in eighths and sparklines."""

from __future__ import annotations

from intervjufas.reading.trend import Point, Series
from intervjufas.views.trend import bar, sparkline


def test_bar_and_sparkline():
    assert bar(5, 5) == "█" * 10
    assert bar(2.5, 5) == "█" * 5
    assert bar(3.3, 5) == "██████▋"
    assert bar(0, 5) == ""
    series = Series("q", "Steg 1 · Kunden", 1, 5, (Point("2024-01", 1.0, 1), Point("2024-03", 5.0, 2)))
    assert sparkline(series, ["2024-01", "2024-02", "2024-03"]) == "▁·█"
