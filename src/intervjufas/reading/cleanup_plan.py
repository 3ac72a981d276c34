"""Which reports ``rensa`` would remove or anonymise: those older than the age limit, and the open
items of the action plan that removing them would lose; and the recovery files older than the
limit (copies of a session's answers kept when a save failed), which are removed in either case.

Only front matter is read to find the old reports (fast, as ``lista``), and only the old reports
that still have open items are read in full, to name those items before anything is removed –
and, when anonymising, those anonymised before, to see whether today's rules would still change
them (a map's notes, a file name with personal data).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from intervjufas.errors import IntervjufasError
from intervjufas.folder.cleanup import still_to_anonymise
from intervjufas.folder.header_row import FolderHeader
from intervjufas.folder.recovery import recovery_dir, recovery_files
from intervjufas.folder.scan import Header, read_folder_header, report_files
from intervjufas.model.safe_text import visible
from intervjufas.reading.plan.state import OpenItem, newest_statuses, open_counts, open_items
from intervjufas.report.age_limit import AgeLimit, report_date
from intervjufas.report.anonymise import is_anonymised
from intervjufas.report.model import CONFLICT_KEY, header_value


@dataclass(frozen=True)
class OldReport:
    path: Path
    date: dt.date
    uppdrag: str
    conflict_copy: bool = False
    anonymised_before: bool = False  # (anonymised again under today's rules)


@dataclass
class CleanupPlan:
    folder: Path
    limit: AgeLimit
    cutoff: dt.date  # reports dated before this day are older than the limit
    anonymise: bool
    reports: list[OldReport] = field(default_factory=list)  # what would be done, oldest first
    already_anonymised: list[OldReport] = field(default_factory=list)  # passed over (anonymising)
    lost_items: list[OpenItem] = field(default_factory=list)  # open items lost by removing
    recovery_files: list[Path] = field(default_factory=list)  # older than the limit, oldest first
    warnings: list[str] = field(default_factory=list)  # "<file name>: <problem>"


def plan_cleanup(
    folder: Path,
    limit: AgeLimit,
    *,
    anonymise: bool = False,
    today: dt.date | None = None,
    recovery: Path | None = None,
) -> CleanupPlan:
    """What ``rensa`` would do in the folder (and in the recovery folder, the user's by default);
    nothing is changed."""
    cutoff = limit.cutoff(today or dt.date.today())
    plan = CleanupPlan(folder, limit, cutoff, anonymise)
    plan.recovery_files = old_recovery_files(recovery_dir() if recovery is None else recovery, cutoff)
    headers: list[tuple[Path, Header]] = []
    for path in report_files(folder):
        try:
            header = read_folder_header(path)
        except ValueError as error:
            plan.warnings.append(f"{path.name}: {error}")
            continue
        headers.append((path, header))
        date = report_date(header)
        if date is None:
            plan.warnings.append(f"{path.name}: har inget datum som går att läsa och lämnas orörd")
            continue
        if date >= cutoff:
            continue
        metadata = header.get("metadata") or {}
        copy = header_value(header, CONFLICT_KEY) is not None
        old = OldReport(path, date, visible(str(metadata.get("uppdrag") or "")), copy)
        if anonymise and is_anonymised(header):
            if still_to_anonymise(path, today=today):
                plan.reports.append(OldReport(path, date, old.uppdrag, copy, anonymised_before=True))
            else:
                plan.already_anonymised.append(old)
        else:
            plan.reports.append(old)
    plan.reports.sort(key=lambda r: (r.date, r.path.name))
    if not anonymise:
        plan.lost_items = _lost_items(headers, {r.path for r in plan.reports}, plan.warnings)
    return plan


def old_recovery_files(folder: Path, cutoff: dt.date) -> list[Path]:
    """The recovery files last written before ``cutoff`` (a recovery file is a whole session's
    answers, never continued after so long; it holds the same personal data as a report).  Only
    files that may be trusted as recovery files are ever removed (see ``recovery_files``)."""
    found = []
    for path in recovery_files(folder):
        try:
            written = dt.date.fromtimestamp(path.stat().st_mtime)
        except (OSError, ValueError, OverflowError):
            continue
        if written < cutoff:
            found.append((written, path))
    return [path for _, path in sorted(found)]


def _lost_items(
    headers: list[tuple[Path, Header]], removed: set[Path], warnings: list[str]
) -> list[OpenItem]:
    """The open items of the action plan (as ``plan`` shows them) that live in the removed reports."""
    from intervjufas.folder.loading import load_report

    plan_headers = [
        (path, header if isinstance(header, FolderHeader) else FolderHeader.of(header))
        for path, header in headers
        if header_value(header, CONFLICT_KEY) is None
    ]
    statuses = newest_statuses(plan_headers)
    counts = open_counts(plan_headers, statuses)
    loaded = []
    for path, header in headers:
        if path in removed and header_value(header, CONFLICT_KEY) is None and counts.get(header["id"]):
            try:
                loaded.append(load_report(path))
            except IntervjufasError as error:
                warnings.append(
                    f"{path.name}: de öppna momenten går inte att läsa ({error.message.rstrip('.')})"
                )
    return open_items(loaded, statuses=statuses)
