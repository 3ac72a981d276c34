"""Reading many reports of a folder: each with its question set, newest first, warnings kept."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from intervjufas.catalog import find_set
from intervjufas.errors import IntervjufasError
from intervjufas.questionnaire import Questionnaire
from intervjufas.report import Report, parse, read_header, set_ref, split_front_matter
from intervjufas.store import read_text, report_files


@dataclass(frozen=True)
class LoadedReport:
    path: Path
    report: Report
    questionnaire: Questionnaire | None

    @property
    def sort_key(self) -> tuple[str, str, str]:
        return (self.report.date, self.report.created, self.path.name)


def load_report(path: Path, extra: Questionnaire | None = None) -> LoadedReport:
    """Read one report for reading commands (lenient: odd answers are kept as raw text)."""
    text = read_text(path)
    header_lines, _, _ = split_front_matter(text.replace("\r\n", "\n"), str(path))
    ref = set_ref(read_header(header_lines, str(path)), str(path))
    questionnaire = find_set(ref, extra)
    report = parse(text, questionnaire, file=str(path), strict=False)
    return LoadedReport(path, report, questionnaire)


def load_folder(folder: Path, extra: Questionnaire | None = None) -> tuple[list[LoadedReport], list[str]]:
    """Every readable report in the folder, newest first, and one warning per unreadable file."""
    loaded, warnings = [], []
    for path in report_files(folder):
        try:
            loaded.append(load_report(path, extra))
        except IntervjufasError as error:
            warnings.append(error.message)
    loaded.sort(key=lambda item: item.sort_key, reverse=True)
    return loaded, warnings
