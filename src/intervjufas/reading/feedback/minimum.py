"""The minimum number of respondents behind a shown result, and where the consultant lowers it.

Why: a result from one or two respondents tells who answered what, so fewer than three is shown
only as "för få svar". A consultant whose customer knows there was one respondent (and has agreed
to see that answer) may lower it. Until the settings file has the key ``minsta_antal_svar``, the
value comes from the environment variable of the same name (``INTERVJUFAS_MINSTA_ANTAL_SVAR``) or
from a command's ``--minsta-antal-svar``; the option wins.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from intervjufas.errors import IntervjufasError
from intervjufas.reading.feedback.aggregate import MIN_RESPONDENTS

SETTING = "minsta_antal_svar"
ENVIRONMENT = "INTERVJUFAS_MINSTA_ANTAL_SVAR"


def minimum_count(given: int | None = None, environ: Mapping[str, str] | None = None) -> int:
    """The minimum count: ``given`` (an option), else the environment variable, else three."""
    if given is not None:
        return _checked(given, "--minsta-antal-svar")
    raw = (os.environ if environ is None else environ).get(ENVIRONMENT, "").strip()
    if not raw:
        return MIN_RESPONDENTS
    try:
        return _checked(int(raw), ENVIRONMENT)
    except ValueError:
        raise IntervjufasError(f"{ENVIRONMENT} ska vara ett heltal från 1 och uppåt, inte '{raw}'.") from None


def _checked(value: int, where: str) -> int:
    if value < 1:
        raise IntervjufasError(f"{where} ska vara ett heltal från 1 och uppåt, inte {value}.")
    return value
