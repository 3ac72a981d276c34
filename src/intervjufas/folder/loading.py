"""Reading reports in full for the reading commands: one report with the question set it was made
with, or every report of a folder (one warning per file that cannot be read)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from intervjufas.errors import IntervjufasError
from intervjufas.files.bounded import read_text
from intervjufas.folder.scan import conflict_warning, report_files
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.questionsets.catalog import find_set
from intervjufas.report.front_matter import HeaderError, check_values
from intervjufas.report.model import CONFLICT_KEY, Report
from intervjufas.report.parse import HeaderRead, parse, read_header, set_ref


@dataclass(frozen=True)
class LoadedReport:
    path: Path
    report: Report
    questionnaire: Questionnaire | None

    @property
    def sort_key(self) -> tuple[str, str, str]:
        return (self.report.date, self.report.created, self.path.name)


def load_report(path: Path, extra: Questionnaire | None = None, *, in_folder: bool = False) -> LoadedReport:
    """Read one report for reading commands (lenient: odd answers are kept as raw text).  A report
    read ``in_folder`` (one of many) must also have a real date and version: it is passed over
    with a warning otherwise, rather than sorted and counted wrongly."""
    text, header_read, questionnaire = read_checked(path, extra, in_folder=in_folder)
    report = parse(text, questionnaire, file=str(path), strict=False, header_read=header_read)
    return LoadedReport(path, report, questionnaire)


def read_checked(
    path: Path, extra: Questionnaire | None = None, *, in_folder: bool = False
) -> tuple[str, HeaderRead, Questionnaire | None]:
    """A report's text, its header as ``read_header`` gives it (checked as ``load_report`` checks
    it) and the set it was made with."""
    text = read_text(path)
    header_read = read_header(text, str(path))
    header = header_read[0]
    if in_folder:
        try:
            check_values(header)
        except HeaderError as error:
            raise IntervjufasError(f"{path.name}: {error.short()}") from None
    return text, header_read, find_set(set_ref(header), extra)


def load_folder(
    folder: Path, extra: Questionnaire | None = None, *, program: str = "intervjufas"
) -> tuple[list[LoadedReport], list[str]]:
    """Every readable report in the folder, newest first, and one warning per unreadable file."""
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
