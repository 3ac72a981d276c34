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
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from intervjufas.files.atomic import create_new, ensure_dir
from intervjufas.files.private_folders import (
    checked_folder,
    folder_problem,
    private_file_problem,
    unsafe_folder,
    warn,
)
from intervjufas.files.settings import data_home
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.reports.files import report_files, report_stem
from intervjufas.reports.model import Report, copy_report
from intervjufas.reports.render import render

RECOVERY_KEY = "aterstallning"


def recovery_dir() -> Path:
    return data_home() / "aterstallning"


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
