"""The age limit of ``rensa --aldre-an``: what it accepts, the day it counts back to, and a report's
date from its front matter."""

from __future__ import annotations

import datetime as dt

import pytest

from intervjufas.errors import ExitCode, UsageError
from intervjufas.report.age_limit import AgeLimit, parse_age_limit, report_date

TODAY = dt.date(2026, 3, 31)


@pytest.mark.parametrize(
    ("text", "limit", "cutoff", "described"),
    [
        ("30d", AgeLimit(30, "d"), dt.date(2026, 3, 1), "30 dagar"),
        ("1d", AgeLimit(1, "d"), dt.date(2026, 3, 30), "1 dag"),
        ("1m", AgeLimit(1, "m"), dt.date(2026, 2, 28), "1 månad"),  # 31 March - 1 month
        ("6m", AgeLimit(6, "m"), dt.date(2025, 9, 30), "6 månader"),
        ("13M", AgeLimit(13, "m"), dt.date(2025, 2, 28), "13 månader"),
        ("1å", AgeLimit(1, "å"), dt.date(2025, 3, 31), "1 år"),
        ("2a", AgeLimit(2, "å"), dt.date(2024, 3, 31), "2 år"),
        (" 3Å ", AgeLimit(3, "å"), dt.date(2023, 3, 31), "3 år"),
    ],
)
def test_accepted_limits(text: str, limit: AgeLimit, cutoff: dt.date, described: str) -> None:
    parsed = parse_age_limit(text, today=TODAY)
    assert parsed == limit
    assert parsed.cutoff(TODAY) == cutoff
    assert parsed.describe() == described


def test_a_leap_day_a_year_back() -> None:
    assert AgeLimit(1, "å").cutoff(dt.date(2024, 2, 29)) == dt.date(2023, 2, 28)


@pytest.mark.parametrize(
    "text",
    ["", "30", "d", "6 mån", "1y", "1w", "-1d", "1.5m", "0d", "0å", "1d2", "ett år", "9999999d", "99999å"],
)
def test_anything_else_is_a_usage_error(text: str) -> None:
    with pytest.raises(UsageError) as raised:
        parse_age_limit(text, today=TODAY)
    assert raised.value.exit_code == ExitCode.USAGE
    assert "--aldre-an" in raised.value.message


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ({"metadata": {"datum": "2024-01-15"}, "skapad": "2025-01-01T10:00:00+01:00"}, dt.date(2024, 1, 15)),
        ({"metadata": {"datum": dt.date(2024, 1, 15)}}, dt.date(2024, 1, 15)),
        ({"metadata": {}, "skapad": "2025-01-01T10:00:00+01:00"}, dt.date(2025, 1, 1)),
        ({"metadata": {"datum": "igår"}, "skapad": "2025-01-01T10:00:00+01:00"}, dt.date(2025, 1, 1)),
        ({"metadata": None, "skapad": dt.datetime(2025, 1, 2, 10, 0)}, dt.date(2025, 1, 2)),
        ({"metadata": {"datum": "någon gång"}}, None),
        ({}, None),
    ],
)
def test_a_report_s_date_is_its_datum_else_the_day_it_was_created(
    header: dict, expected: dt.date | None
) -> None:
    assert report_date(header) == expected
