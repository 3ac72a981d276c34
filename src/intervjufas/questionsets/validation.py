"""Checking question files for ``validera``: every problem of every file, with its position."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from intervjufas.errors import Diagnostic, UnreadableFile
from intervjufas.files.bounded import QUESTION_FILE_LIMIT, read_bounded
from intervjufas.questionsets.loader import read_question_set

QUESTION_FILE_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class FileResult:
    """The outcome of checking one file: its diagnostics, or why it could not be read."""

    file: str
    diagnostics: tuple[Diagnostic, ...] = ()
    problem: str = ""  # a Swedish reason when the file could not be checked at all

    @property
    def errors(self) -> int:
        return sum(d.is_error for d in self.diagnostics) + (1 if self.problem else 0)

    @property
    def warnings(self) -> int:
        return sum(not d.is_error for d in self.diagnostics)

    def lines(self) -> list[str]:
        if self.problem:
            return [f"{self.file}: {self.problem}"]
        return [d.format() for d in self.diagnostics]


def check_file(path: Path) -> FileResult:
    try:
        data = read_bounded(path, QUESTION_FILE_LIMIT)
    except UnreadableFile as error:
        return FileResult(str(path), problem=f"filen kan inte läsas: {error.reason}")
    _, diagnostics = read_question_set(data, str(path))
    return FileResult(str(path), tuple(diagnostics))


def check_files(paths: Iterable[Path]) -> list[FileResult]:
    """Check each file as given, and the question files (*.yaml, *.yml) in each folder given."""
    results: list[FileResult] = []
    for path in paths:
        if not path.is_dir():
            results.append(check_file(path))
            continue
        files = sorted(p for p in path.iterdir() if p.suffix in QUESTION_FILE_SUFFIXES and p.is_file())
        if not files:
            results.append(FileResult(str(path), problem="mappen innehåller inga frågefiler (*.yaml, *.yml)"))
        results.extend(check_file(file) for file in files)
    return results


def has_errors(results: Sequence[FileResult]) -> bool:
    return any(r.errors for r in results)
