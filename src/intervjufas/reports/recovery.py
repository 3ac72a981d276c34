"""Recovery files: where a session's answers go when the report itself cannot take them.

When a save fails (a full disk, a read-only, deleted or replaced folder or file) or a session stops
before the report has a name, everything the session holds is written as a complete report in the
user's data folder (``…/intervjufas/aterstallning/``).  ``--fortsatt`` takes such a file: the
session goes on and saves into the reports folder again, where the report came from.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from intervjufas.model.questions import Questionnaire
from intervjufas.reports.atomic import create_new, ensure_dir
from intervjufas.reports.files import report_stem
from intervjufas.reports.model import Report, copy_report
from intervjufas.reports.render import render

RECOVERY_KEY = "aterstallning"
DATA_ENV = "INTERVJUFAS_DATA"


def data_dir() -> Path:
    """The user's data folder for intervjufas: $INTERVJUFAS_DATA, else the platform's data folder."""
    env = os.environ.get(DATA_ENV, "").strip()
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("intervjufas", appauthor=False))


def recovery_dir() -> Path:
    return data_dir() / "aterstallning"


def write_recovery(report: Report, questionnaire: Questionnaire, origin: Path | None, folder: Path) -> Path:
    """Write the report as a recovery file that remembers where it belongs; return its path.
    Raises SaveError (or IntervjufasError) when even that is impossible."""
    saved = copy_report(report)
    saved.extra_header[RECOVERY_KEY] = {
        "rapport": str(origin) if origin is not None else "",
        "katalog": str(folder),
    }
    target = recovery_dir()
    ensure_dir(target)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    name = (
        origin.stem if origin is not None else report_stem(report.created[:10], report.uppdrag or "uppdrag")
    )
    return create_new(target, f"{name}-{stamp}", render(saved, questionnaire))


def recovered_from(report: Report) -> tuple[Path | None, Path | None]:
    """For a report read from a recovery file: the report file it belongs to and its folder."""
    info = report.extra_header.get(RECOVERY_KEY)
    if not isinstance(info, dict):
        return None, None
    origin = str(info.get("rapport") or "")
    folder = str(info.get("katalog") or "")
    return (Path(origin) if origin else None), (Path(folder) if folder else None)
