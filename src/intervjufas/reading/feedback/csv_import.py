"""Survey answers read from a CSV file into the responses of a form: a Microsoft Forms or Google
Forms export, or the program's simple format.

Why: the consultant collects the answers in the survey tool the organisation already uses, and
brings them back as the file it exports. Only the form's items are kept; the tools' own columns,
names and e-mail addresses are dropped without being read, every answer is checked as an answers
file is, and personal data in free text is replaced. A problem with the file as a whole is one
Swedish line (``IntervjufasError``); problems with cells are collected, each one line with its row
and column (``FeedbackImport.lines``), and the caller stores nothing while there are errors.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from intervjufas.errors import IntervjufasError
from intervjufas.reading.feedback.columns import (
    EMPTY,
    GOOGLE_FIRST,
    ITEM,
    KEY_COLUMNS,
    MICROSOFT_TIMES,
    PERSONAL,
    Column,
    normalize,
    plan_columns,
    recognised,
)
from intervjufas.reading.feedback.csv_source import FILE_LIMIT, MAX_ROWS, Table, read_table
from intervjufas.reading.feedback.forms import Form, FormItem
from intervjufas.reading.feedback.problems import Problem, Problems, column_letter
from intervjufas.reading.feedback.simple_format import is_long, read_long
from intervjufas.reading.feedback.values import NO_ANSWER, Cell, Response, Value, cell_value

MICROSOFT, GOOGLE = "Microsoft Forms", "Google Formulär"
SIMPLE_ROWS, SIMPLE_COLUMNS = "enkelt format, en rad per svar", "en kolumn per fråga"


@dataclass(frozen=True)
class FeedbackImport:
    """What a file gave: its responses, how each column was used, and its problems."""

    file: str
    source: str  # MICROSOFT, GOOGLE, SIMPLE_ROWS or SIMPLE_COLUMNS
    encoding: str
    delimiter: str  # named: "komma", "semikolon", "tabb"
    responses: tuple[Response, ...]
    columns: tuple[Column, ...]  # empty for the one-row-per-answer shape
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if problem.error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if not problem.error)

    def lines(self) -> list[str]:
        """Every problem as one Swedish line, errors first."""

        def place(problem: Problem) -> tuple[int, int]:
            return (problem.row or 1_000_000_000, problem.column)  # (the count of problems not kept: last)

        ordered = [*sorted(self.errors, key=place), *sorted(self.warnings, key=place)]
        return [problem.format(self.file) for problem in ordered]

    def dropped(self, kind: str) -> tuple[str, ...]:
        """The headings of the columns not read, of one kind (e.g. ``columns.PERSONAL``)."""
        return tuple(column.heading for column in self.columns if column.kind == kind)


def read_feedback_file(path: Path, form: Form) -> FeedbackImport:
    """The answers in a file of at most ``FILE_LIMIT`` bytes (an ordinary file: never a FIFO)."""
    from intervjufas.files.bounded import read_bounded

    return read_feedback(read_bounded(path, FILE_LIMIT, "Kan inte läsa svarsfilen"), str(path), form)


def read_feedback(data: bytes, file: str, form: Form, *, max_rows: int = MAX_ROWS) -> FeedbackImport:
    """The answers in ``data`` (the contents of ``file``) to ``form``'s items."""
    items = {item.id: item for item in form.items()}
    if not items:
        raise IntervjufasError(f"{file}: enkäten '{form.title}' har inga frågor att läsa svar till.")
    count = recognised(form)
    table = read_table(data, file, lambda header: count(header) + 2 * is_long(header), max_rows=max_rows)
    problems = Problems()
    if is_long(table.header):
        responses, found = read_long(table, form)
        for problem in found:
            problems.add(problem)
        return _result(table, SIMPLE_ROWS, responses, (), problems)
    columns, found = plan_columns(table.header, form)
    if not any(column.kind == ITEM for column in columns):
        first = next((problem for problem in found if problem.error), None)
        if first is not None:
            raise IntervjufasError(first.format(file))
        raise IntervjufasError(
            f"{file}: ingen kolumn hör till enkäten '{form.title}' (läst med {table.delimiter_name} som "
            f"avgränsare); rubrikerna ska vara frågornas text eller id, t.ex. '{next(iter(items))}'."
        )
    for problem in found:
        problems.add(problem)
    order = list(items)
    sheet = _Sheet(
        form.form_id,
        len(table.header),
        sorted(
            ((column, items[column.item_id]) for column in columns if column.kind == ITEM),
            key=lambda pair: order.index(pair[1].id),
        ),
        key_columns(table.header),
    )
    responses = [sheet.response(row, cells, problems) for row, cells in table.rows]
    _warn_filled_columns(table, columns, problems)
    return _result(
        table, _source(table.header), [r for r in responses if r.answers], tuple(columns), problems
    )


@dataclass(frozen=True)
class _Sheet:
    """How the rows of one survey export are read: which column holds which item, in form order."""

    form_id: str
    width: int  # the header's columns
    wanted: list[tuple[Column, FormItem]]
    keys: tuple[int, ...]

    def response(self, row: int, cells: tuple[str, ...], problems: Problems) -> Response:
        found: list[Problem] = []
        answers: list[tuple[str, Value]] = []
        for column, item in self.wanted:
            if column.index < len(cells):
                value = cell_value(item, cells[column.index], Cell(row, column.number, column.heading), found)
                if value is not None:
                    answers.append((item.id, value))
        extra = next((index for index in range(self.width, len(cells)) if cells[index].strip()), None)
        if extra is not None:
            said = (
                f"raden har ett värde i kolumn {column_letter(extra + 1)}, som saknar rubrik; det läses inte."
            )
            found.append(Problem(said, row, error=False))
        for problem in found:
            problems.add(problem)
        return Response(tuple(answers), response_key(self.form_id, self.keys, cells))


def key_columns(header: tuple[str, ...]) -> tuple[int, ...]:
    """The columns with the survey tool's response number and times."""
    return tuple(index for index, heading in enumerate(header) if normalize(heading) in KEY_COLUMNS)


def response_key(form_id: str, keys: tuple[int, ...], cells: tuple[str, ...]) -> str:
    """A digest of the survey tool's response number and times (never of a name or an address),
    so that one response imported twice can be recognised; '' when the file has neither."""
    parts = [cells[index].strip() for index in keys if index < len(cells) and cells[index].strip()]
    if not parts:
        return ""
    return hashlib.sha256("\x1f".join([form_id, *parts]).encode("utf-8")).hexdigest()[:16]


_NOT_READ = {
    PERSONAL: "kolumnen innehåller namn eller kontaktuppgifter; den läses inte och sparas inte. Ställ in "
    "enkäten så att den inte samlar in namn nästa gång.",
    EMPTY: "kolumnen har ingen rubrik; det som står i den läses inte.",
}
_UNSIGNED = NO_ANSWER | {"anonymous", "anonym"}  # what Microsoft Forms writes for an anonymous form


def _warn_filled_columns(table: Table, columns: list[Column], problems: Problems) -> None:
    """A warning for each column with names or contact details, or without a heading, that has values."""
    for column in columns:
        if column.kind in _NOT_READ and any(
            column.index < len(cells) and normalize(cells[column.index]) not in _UNSIGNED
            for _, cells in table.rows
        ):
            problems.add(Problem(_NOT_READ[column.kind], 1, column.number, column.heading, error=False))


def _source(header: tuple[str, ...]) -> str:
    names = [normalize(heading) for heading in header]
    if "id" in names and MICROSOFT_TIMES & set(names):
        return MICROSOFT
    if names and names[0] in GOOGLE_FIRST:
        return GOOGLE
    return SIMPLE_COLUMNS


def _result(
    table: Table, source: str, responses: list[Response], columns: tuple[Column, ...], problems: Problems
) -> FeedbackImport:
    summary = problems.summary()
    kept = (*problems.kept, *([summary] if summary else []))
    return FeedbackImport(
        table.file, source, table.encoding, table.delimiter_name, tuple(responses), columns, kept
    )
