"""A problem found in a file of survey answers, said as one Swedish line with its row and column.

Why: the consultant opens the file in a spreadsheet to fix it, so a problem names the row as the
spreadsheet numbers it (the header is row 1), the column by its letter and its heading.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_PROBLEMS = 50  # problems kept in full; the rest are counted
_SHOWN_HEADING = 40  # characters of a column heading shown in a message


def column_letter(number: int) -> str:
    """The spreadsheet letters of a 1-based column number: 1 → A, 27 → AA."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def shortened(text: str, limit: int = _SHOWN_HEADING) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Problem:
    message: str
    row: int = 0  # as a spreadsheet numbers it (the header is 1); 0 for the whole file
    column: int = 0  # 1-based; 0 for a whole row
    heading: str = ""  # the column's heading
    error: bool = True  # False: a warning, the import goes on

    def format(self, file: str) -> str:
        where = [file]
        if self.row:
            where.append(f"rad {self.row}")
        if self.column:
            named = f" ('{shortened(self.heading)}')" if self.heading.strip() else ""
            where.append(f"kolumn {column_letter(self.column)}{named}")
        return f"{', '.join(where)}: {self.message}"


@dataclass
class Problems:
    """The problems of one file, at most ``MAX_PROBLEMS`` kept; the others counted."""

    kept: list[Problem] = field(default_factory=list)
    more_errors: int = 0
    more_warnings: int = 0

    def add(self, problem: Problem) -> None:
        if len(self.kept) < MAX_PROBLEMS:
            self.kept.append(problem)
        elif problem.error:
            self.more_errors += 1
        else:
            self.more_warnings += 1

    @property
    def errors(self) -> int:
        return sum(p.error for p in self.kept) + self.more_errors

    @property
    def warnings(self) -> int:
        return sum(not p.error for p in self.kept) + self.more_warnings

    def summary(self) -> Problem | None:
        """One line for the problems not kept, if any."""
        more = self.more_errors + self.more_warnings
        if not more:
            return None
        return Problem(
            f"och {more} problem till (de första {MAX_PROBLEMS} visas).", error=self.more_errors > 0
        )
