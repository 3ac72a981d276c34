"""How old a report is, and the age limit ``rensa --aldre-an N(d|m|å)`` is given.

Why: personal data is to be kept no longer than it is needed (GDPR, IMY's guidance), so old
reports are removed or anonymised by age. A report's age is that of its mapping – the ``datum``
answer – else the day the report was created. The limit counts back from today in days, calendar
months or years; a report is older than the limit when its date lies before that day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from intervjufas.errors import UsageError

_LIMIT = re.compile(r"^\s*(\d{1,6})\s*([dmåa])\s*$", re.IGNORECASE)
_UNITS = {"d": ("dag", "dagar"), "m": ("månad", "månader"), "å": ("år", "år")}
USAGE = (
    "skriv ett antal följt av d (dagar), m (månader) eller å (år), till exempel 30d, 6m eller 1å "
    "(a går också bra för år)"
)


@dataclass(frozen=True)
class AgeLimit:
    """An age: ``amount`` days (d), calendar months (m) or years (å)."""

    amount: int
    unit: str

    def cutoff(self, today: dt.date) -> dt.date:
        """The first day that is not older than the limit."""
        if self.unit == "d":
            return today - dt.timedelta(days=self.amount)
        months = self.amount * (12 if self.unit == "å" else 1)
        index = today.year * 12 + today.month - 1 - months
        year, month = divmod(index, 12)
        day = min(today.day, calendar.monthrange(year, month + 1)[1])  # 31 March - 1m = 28/29 Feb
        return dt.date(year, month + 1, day)

    def describe(self) -> str:
        """E.g. "6 månader", "1 år", "30 dagar"."""
        one, several = _UNITS[self.unit]
        return f"{self.amount} {one if self.amount == 1 else several}"


def parse_age_limit(text: str, *, today: dt.date | None = None) -> AgeLimit:
    """``30d``, ``6m``, ``1å`` (or ``1a``); raise UsageError for anything else."""
    match = _LIMIT.match(str(text))
    if match is None:
        raise UsageError(f"Ogiltig ålder '{text}' för --aldre-an; {USAGE}.")
    amount, unit = int(match.group(1)), match.group(2).lower().replace("a", "å")
    if amount < 1:
        raise UsageError(f"Ogiltig ålder '{text}' för --aldre-an; antalet måste vara minst 1.")
    limit = AgeLimit(amount, unit)
    try:
        limit.cutoff(today or dt.date.today())
    except (ValueError, OverflowError):
        raise UsageError(
            f"Ogiltig ålder '{text}' för --aldre-an; så långt tillbaka går inte kalendern."
        ) from None
    return limit


def report_date(header: Mapping[str, Any]) -> dt.date | None:
    """The date of a report from its front matter: ``datum``, else the day it was created; None
    when neither is a date."""
    metadata = header.get("metadata")
    candidates = [metadata.get("datum") if isinstance(metadata, dict) else None, header.get("skapad")]
    for value in candidates:
        if isinstance(value, dt.date):
            return value if not isinstance(value, dt.datetime) else value.date()
        if isinstance(value, str) and len(value) >= 10:
            try:
                return dt.date.fromisoformat(value.strip()[:10])
            except ValueError:
                continue
    return None
