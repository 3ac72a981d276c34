"""Removing or anonymising old reports for good (``rensa``), one report at a time, each under its
session lock.

Why: a report in use by a session must not disappear or change under it, so each report is
locked first (a report that another session holds is passed over with a warning). Under the lock
the report's date is read again, so a report whose date was changed after the list was shown is
left alone. Removing and rewriting go through ``atomic``: a report is either whole as it was,
anonymised, or gone – never half-written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from intervjufas.errors import IntervjufasError, LockUnavailable, describe_os_error
from intervjufas.questionsets.catalog import find_set
from intervjufas.reports.age_limit import report_date
from intervjufas.reports.anonymise import anonymised, is_anonymised
from intervjufas.reports.atomic import atomic_write, remove_file
from intervjufas.reports.files import read_text
from intervjufas.reports.locking import ReportLock
from intervjufas.reports.parse import parse, read_header, set_ref
from intervjufas.reports.render import render


@dataclass
class CleanupOutcome:
    done: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # "<file name>: <why it was left alone>"


def remove_reports(paths: Sequence[Path], cutoff: dt.date) -> CleanupOutcome:
    """Remove each report that is still older than ``cutoff``."""
    return _each(paths, lambda path, text, _header: remove_file(path), cutoff)


def remove_recovery_files(paths: Sequence[Path]) -> CleanupOutcome:
    """Remove recovery files for good (no session holds them: one that is continued goes back to
    the reports folder and its recovery file is removed then)."""
    outcome = CleanupOutcome()
    for path in paths:
        try:
            remove_file(path)
        except IntervjufasError as error:
            outcome.warnings.append(f"{path.name}: {error.message}")
        else:
            outcome.done.append(path)
    return outcome


def anonymise_reports(
    paths: Sequence[Path], cutoff: dt.date, *, today: dt.date | None = None
) -> CleanupOutcome:
    """Rewrite each report that is still older than ``cutoff`` (and not yet anonymised) without
    its free text."""

    def anonymise(path: Path, text: str, header: dict) -> None:
        if is_anonymised(header):
            raise IntervjufasError("är redan anonymiserad")
        questionnaire = find_set(set_ref(header))
        if questionnaire is None:
            raise IntervjufasError(
                f"frågeuppsättningen '{header['fragor']['id']}' finns inte här, så svaren går inte att "
                "skilja från varandra"
            )
        report = parse(text, questionnaire, file=path.name, strict=False)
        atomic_write(path, render(anonymised(report, questionnaire, today=today), questionnaire))

    return _each(paths, anonymise, cutoff)


def _each(
    paths: Sequence[Path], action: Callable[[Path, str, dict], None], cutoff: dt.date
) -> CleanupOutcome:
    outcome = CleanupOutcome()
    for path in paths:
        problem = _under_lock(path, action, cutoff)
        if problem is None:
            outcome.done.append(path)
        else:
            outcome.warnings.append(f"{path.name}: {problem}")
    return outcome


def _under_lock(path: Path, action: Callable[[Path, str, dict], None], cutoff: dt.date) -> str | None:
    """Do ``action`` with the report locked; say why not when it cannot be done."""
    lock = ReportLock(path)
    try:
        if not lock.try_acquire():
            return "används av en pågående session och lämnades orörd; försök igen när den är klar"
    except LockUnavailable as error:
        return f"kan inte låsas ({error.reason}) och lämnades orörd"
    try:
        text = read_text(path)
        header, _, _, _ = read_header(text, path.name)
        date = report_date(header)
        if date is None or date >= cutoff:
            return "datumet har ändrats sedan listan visades; rapporten lämnades orörd"
        action(path, text, header)
    except IntervjufasError as error:
        return error.message.rstrip(".")
    except OSError as error:
        return f"kan inte läsas ({describe_os_error(error)})"
    finally:
        lock.release()
    return None
