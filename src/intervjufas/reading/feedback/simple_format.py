"""The program's own CSV format for survey answers, in two shapes, read and written.

Why: answers that come from no survey tool (a paper form, an e-mail) need a format a person can
write in any spreadsheet, and stored answers need one the program reads back exactly. Two shapes:

- one row per answer: the columns ``fraga_id`` and ``svar``, and optionally ``svarande`` (any
  label – a number – that groups one respondent's rows; without it, a respondent's rows follow
  each other and an id that comes again starts the next respondent) and ``nyckel`` (written by the
  program: see ``values.Response.key``);
- one row per respondent and one column per item, headed by the item's id (read like a survey
  tool's export, see ``columns``).

Comma, semicolon or tab; UTF-8 (with or without a byte-order mark), UTF-16 or Windows-1252. A free
text that a spreadsheet would run as a formula (it starts with ``=``, ``+``, ``-``, ``@``) is
written with an apostrophe in front, as spreadsheets themselves do, and read back without it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from intervjufas.reading.feedback.columns import normalize
from intervjufas.reading.feedback.csv_source import Table
from intervjufas.reading.feedback.forms import Form
from intervjufas.reading.feedback.problems import Problem
from intervjufas.reading.feedback.values import FORMULA, Cell, Response, Value, cell_value

QUESTION, ANSWER, RESPONDENT, KEY = "fraga_id", "svar", "svarande", "nyckel"
_LONG = {normalize(name): name for name in (QUESTION, ANSWER, RESPONDENT, KEY)}


def is_long(header: Sequence[str]) -> bool:
    """Whether a header is the one-row-per-answer shape."""
    names = {normalize(heading) for heading in header if heading.strip()}
    return {normalize(QUESTION), normalize(ANSWER)} <= names <= set(_LONG)


def read_long(table: Table, form: Form) -> tuple[list[Response], list[Problem]]:
    """The responses of a one-row-per-answer table, in the order they first appear."""
    at = {_LONG[normalize(h)]: i for i, h in enumerate(table.header) if normalize(h) in _LONG}
    items = {item.id.casefold(): item for item in form.items()}
    order = {item.id: index for index, item in enumerate(form.items())}
    problems: list[Problem] = []
    respondents: dict[str, tuple[dict[str, Value], list[str]]] = {}
    label = ""
    for row, cells in table.rows:

        def cell(name: str, cells: tuple[str, ...] = cells) -> str:
            return cells[at[name]] if name in at and at[name] < len(cells) else ""

        question_id = cell(QUESTION).strip()
        item = items.get(question_id.casefold())
        where = Cell(row, at[QUESTION] + 1, table.header[at[QUESTION]])
        if item is None:
            known = ", ".join(list(order)[:3])
            problems.append(where.problem(f"okänt fråge-id '{question_id}' (enkätens id är t.ex. {known})."))
            continue
        if RESPONDENT in at:
            label = cell(RESPONDENT).strip()
        elif label not in respondents or item.id in respondents[label][0]:
            label = str(len(respondents) + 1)
        answers, keys = respondents.setdefault(label, ({}, []))
        if item.id in answers:
            problems.append(where.problem(f"svarande '{label}' har redan ett svar på '{item.id}'."))
            continue
        value = cell_value(item, cell(ANSWER), Cell(row, at[ANSWER] + 1, table.header[at[ANSWER]]), problems)
        if value is not None:
            answers[item.id] = value
        keys.append(cell(KEY).strip())
    responses = [
        Response(
            tuple(sorted(answers.items(), key=lambda pair: order[pair[0]])), next(filter(None, keys), "")
        )
        for answers, keys in respondents.values()
        if answers
    ]
    return responses, problems


def write_long(responses: Iterable[Response]) -> str:
    """The responses one row per answer, numbered 1, 2, … (with their keys when they have any)."""
    responses = [response for response in responses if response.answers]
    keyed = any(response.key for response in responses)
    rows = [[RESPONDENT, QUESTION, ANSWER, *([KEY] if keyed else [])]]
    for number, response in enumerate(responses, start=1):
        for item_id, value in response.answers:
            rows.append([str(number), item_id, _written(value), *([response.key] if keyed else [])])
    return _csv(rows)


def write_columns(form: Form, responses: Iterable[Response] = ()) -> str:
    """One row per respondent, one column per item headed by its id; with no responses, the empty
    sheet to fill in by hand."""
    ids = [item.id for item in form.items()]
    rows = [ids]
    for response in responses:
        if response.answers:
            rows.append([_written(response.get(item_id)) for item_id in ids])
    return _csv(rows)


def _written(value: Value | None) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    return "'" + value if value.startswith(("'", *FORMULA)) else value


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()
