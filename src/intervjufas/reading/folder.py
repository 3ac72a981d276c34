"""Reading a whole reports folder: every report's header, or every report in full, with one warning
per file that cannot be read (a bad file never stops a command over the others)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from intervjufas.errors import IntervjufasError
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.reading.folder_header import FolderHeader
from intervjufas.reading.header_index import Header, Progress, read_folder_header, scan_headers
from intervjufas.reports.files import report_files
from intervjufas.reports.model import CONFLICT_KEY

if TYPE_CHECKING:  # loading reports in full needs the question sets; reading headers does not
    from intervjufas.reports.loading import LoadedReport


def read_header_of(path: Path) -> Header:
    """One file's checked front matter, or raise ValueError with a Swedish description."""
    return read_folder_header(path)


def read_headers(
    folder: Path,
    *,
    program: str = "intervjufas",
    progress: Progress | None = None,
    cache: bool = True,
) -> tuple[list[tuple[Path, FolderHeader]], list[str]]:
    """The front matter of every report in the folder as commands over the whole folder read it
    (a ``FolderHeader``: the program's keys and the main details of the assignment), and one
    warning per unreadable file (``program`` starts the commands the warnings suggest).

    Headers come from the folder's header index where the files have not changed; ``progress``
    hears how many of the others have been read."""
    headers: list[tuple[Path, FolderHeader]] = []
    warnings: list[str] = []
    for scanned in scan_headers(folder, progress=progress, cache=cache):
        path, header = scanned.path, scanned.header
        if header is None:
            warnings.append(f"{path.name}: {scanned.problem}")
            continue
        conflict = header.conflict_of
        if conflict:
            warnings.append(conflict_warning(path, conflict, program))
        else:
            headers.append((path, header))
    return headers, warnings


def conflict_warning(path: Path, original: object, program: str = "intervjufas") -> str:
    """A conflict copy is passed over by commands that read the whole folder; say what to do."""
    import shlex

    command = f"{program} {shlex.join(['jamfor', str(original), path.name])}"
    return (
        f"{path.name}: en konfliktkopia av {original}, som inte räknas med här. Jämför dem med "
        f"'{command}', för över det du vill behålla och ta sedan bort kopian"
    )


def load_folder(
    folder: Path, extra: Questionnaire | None = None, *, program: str = "intervjufas"
) -> tuple[list[LoadedReport], list[str]]:
    """Every readable report in the folder, newest first, and one warning per unreadable file."""
    from intervjufas.reports.loading import load_report

    loaded, warnings = [], []
    for path in report_files(folder):
        try:
            report = load_report(path, extra, in_folder=True)
        except IntervjufasError as error:
            warnings.append(error.message)
            continue
        if CONFLICT_KEY in report.report.extra_header:
            warnings.append(conflict_warning(path, report.report.extra_header[CONFLICT_KEY], program))
        else:
            loaded.append(report)
    loaded.sort(key=lambda item: item.sort_key, reverse=True)
    return loaded, warnings
