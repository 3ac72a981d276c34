"""What ``validera`` prints: every problem as ``file:line:column: message``, then a summary line."""

from __future__ import annotations

from collections.abc import Sequence

from intervjufas.questionsets.validation import FileResult


def _count(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number == 1 else plural}"


def validation_summary(results: Sequence[FileResult]) -> str:
    """E.g. 'Inga fel i 3 filer.' or '2 fel och 1 varning i 1 av 3 filer.'"""
    total = len(results)
    if total == 0:
        return "Inga frågefiler att kontrollera."
    errors = sum(r.errors for r in results)
    warnings = sum(r.warnings for r in results)
    affected = sum(1 for r in results if r.errors or r.warnings)
    files = _count(total, "fil", "filer")
    if not errors and not warnings:
        return f"Inga fel i {files}."
    where = f"i {files}" if total == 1 else f"i {affected} av {files}"
    if not errors:
        return f"Inga fel, men {_count(warnings, 'varning', 'varningar')} {where}."
    found = _count(errors, "fel", "fel")
    if warnings:
        found += f" och {_count(warnings, 'varning', 'varningar')}"
    return f"{found} {where}."


def report_lines(results: Sequence[FileResult]) -> list[str]:
    """Every problem, file by file in the order given, then the summary line."""
    lines = [line for result in results for line in result.lines()]
    return [*lines, validation_summary(results)]
