"""Recovery files: where a session's answers go when the report itself cannot take them.

When a save fails (a full disk, a read-only, deleted or replaced folder or file) or a session stops
before the report has a name, everything the session holds is written as a complete report in the
user's data folder (``…/intervjufas/aterstallning/``).  ``--fortsatt`` takes such a file: the
session goes on and saves into the reports folder again, where the report came from.

Where the answers go back to is read from the file (``aterstallning: {rapport, katalog}``), so a
file is a recovery file only where no one else could have written it: in the user's own private
recovery folder, itself the user's own and private (``is_recovery_file``, see
``files.private_folders``).  A report elsewhere – in a team's reports folder, say – that carries the same
key is just a report: the key decides nothing.  When the recovery folder cannot be trusted, a new
recovery file goes to a private temporary folder instead (with a warning), never into it.

Continuing from a recovery file puts the answers back at once (``restore_recovery``): the report
it came from is written again if it is still the same report (same id, unchanged since);
otherwise the recovered answers become a new report beside it.  Then the recovery file, whose job
is done, is removed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from intervjufas.errors import IntervjufasError
from intervjufas.files.atomic import create_new, ensure_dir
from intervjufas.files.bounded import read_text
from intervjufas.files.private_folders import (
    checked_folder,
    folder_problem,
    private_file_problem,
    unsafe_folder,
    warn,
)
from intervjufas.folder.beside_reports import recovery_dir
from intervjufas.folder.report_file import ReportFile
from intervjufas.folder.scan import report_files
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.report.model import RECOVERY_KEY, Report, copy_report, report_stem
from intervjufas.report.parse import read_header
from intervjufas.report.render import render

__all__ = ["recovery_dir"]  # (where it lives: ``folder.beside_reports``, a light module)


def recovery_files(folder: Path | None = None) -> list[Path]:
    """The recovery files of the user's recovery folder (or ``folder``) that may be trusted; none when
    the folder cannot be, and a warning for each file passed over."""
    folder = recovery_dir() if folder is None else folder
    if checked_folder(folder) is None:
        return []
    found = []
    for path in report_files(folder):
        problem = private_file_problem(path)
        if problem:
            warn(f"Filen {path} {problem}; den används inte som återställningsfil.")
        else:
            found.append(path)
    return found


def is_recovery_file(path: Path) -> bool:
    """Whether ``path`` is a recovery file: a private file of the user's own, private recovery folder."""
    folder = recovery_dir()
    try:
        inside = path.resolve().parent == folder.resolve()
    except (OSError, RuntimeError):
        return False
    if not inside or checked_folder(folder) is None:
        return False
    problem = private_file_problem(path)
    if problem:
        warn(f"Filen {path} {problem}; den används inte som återställningsfil.")
    return not problem


def _target_folder() -> Path:
    """The recovery folder, made private; a private temporary folder when it cannot be trusted."""
    target = recovery_dir()
    ensure_dir(target)
    problem = folder_problem(target)
    if not problem:
        return target
    import tempfile

    unsafe_folder(target, problem, " (återställningsfilen sparas i en tillfällig mapp)")
    return Path(tempfile.mkdtemp(prefix="intervjufas-aterstallning-"))


def write_recovery(report: Report, questionnaire: Questionnaire, origin: Path | None, folder: Path) -> Path:
    """Write the report as a recovery file that remembers where it belongs; return its path.
    Raises SaveError (or IntervjufasError) when even that is impossible."""
    saved = copy_report(report)
    saved.extra_header[RECOVERY_KEY] = {
        "rapport": str(origin) if origin is not None else "",
        "katalog": str(folder),
    }
    target = _target_folder()
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    name = (
        origin.stem if origin is not None else report_stem(report.created[:10], report.uppdrag or "uppdrag")
    )
    return create_new(target, f"{name}-{stamp}", render(saved, questionnaire))


def recovered_from(report: Report, path: Path) -> tuple[Path | None, Path | None]:
    """For a report read from the recovery file ``path``: the report file it belongs to and its
    folder (None, None for any other file, whatever its header says)."""
    info = report.extra_header.get(RECOVERY_KEY)
    if not isinstance(info, dict) or not is_recovery_file(path):
        return None, None
    origin = str(info.get("rapport") or "")
    folder = str(info.get("katalog") or "")
    return (Path(origin) if origin else None), (Path(folder) if folder else None)


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
