"""Continuing from a recovery file: the answers go back into the reports folder at once.

Only a file in the user's own private recovery folder is one (``reports.recovery.is_recovery_file``);
the same header key in a report anywhere else is ignored, so a report can never be moved or
removed by what its text says.

The report it came from is written again if it is still the same report (same id, unchanged
since); otherwise the recovered answers become a new report beside it.  Then the recovery file,
whose job is done, is removed.
"""

from __future__ import annotations

from pathlib import Path

from intervjufas.errors import IntervjufasError
from intervjufas.files.bounded import read_text
from intervjufas.reports.model import Report
from intervjufas.reports.parse import read_header
from intervjufas.reports.recovery import RECOVERY_KEY, recovered_from
from intervjufas.reports.report_file import ReportFile


def restore_recovery(handle: ReportFile, report: Report, path: Path) -> tuple[ReportFile, Report, str]:
    """For a report read from a recovery file: save it where it belongs, and continue there."""
    origin, folder = recovered_from(report, path)
    if origin is None and folder is None:
        return handle, report, ""
    handle.close()
    report.extra_header.pop(RECOVERY_KEY, None)
    target = _same_report(origin, report)
    if target is not None:
        restored, _ = ReportFile.open(target, handle.questionnaire)
    else:
        restored = ReportFile((folder or path.parent), handle.questionnaire)
        restored.stem = origin.stem if origin is not None else None
    restored.replaces = path  # removed as soon as the answers are back in the reports folder
    try:
        report = restored.save(report, [*report.answers, *report.drafts])
    except BaseException:
        restored.close()
        raise
    if restored.path is None:  # no name yet: the report is created when 'uppdrag' is answered
        return restored, report, ""
    return restored, report, f"Svaren från återställningsfilen är tillbaka i {restored.path}."


def _same_report(origin: Path | None, report: Report) -> Path | None:
    """The original file, if it still holds this same report (so it may be written again)."""
    if origin is None or not origin.is_file():
        return None
    try:
        header, *_ = read_header(read_text(origin), str(origin))
    except IntervjufasError:
        return None
    return origin if header.get("id") == report.report_id else None
