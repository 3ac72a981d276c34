"""One respondent's answers, and the rules that turn a cell of a survey export into an answer.

Why: every way answers come in (a survey tool's export, the simple format, answers typed in later)
must accept and refuse exactly the same values, checked as an answers file (``--svar``) checks
them: a rating is a whole number on the item's scale, a free text is text. A survey tool may write
a rating as the number, the number and its label ("4 – Bra") or the label alone, and an empty
answer as a dash; those are read too. Free text is searched for personal data with the program's
one detector, and what it finds is replaced before the text is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intervjufas.errors import AnswerError
from intervjufas.model.answer_codec import coerce
from intervjufas.model.answers import tidy
from intervjufas.model.personal_data import describe, find_personal_data, redact
from intervjufas.reading.feedback.columns import normalize
from intervjufas.reading.feedback.forms import SCALE, FormItem
from intervjufas.reading.feedback.problems import Problem, shortened

REMOVED = "[personuppgift borttagen]"
MAX_TEXT = 4000  # characters of one free text kept
# Written where a respondent gave no answer (compared as ``normalize`` leaves them).
NO_ANSWER = frozenset({"", "vet ej", "ej aktuellt", "inte aktuellt", "ingen asikt", "n a", "na"})
# What a spreadsheet would run as a formula: written after an apostrophe (see ``simple_format``).
FORMULA = ("=", "+", "-", "@", "\t", "\r")
_WHOLE = re.compile(r"\s*([-+]?\d+)(?:[.,]0+)?\s*")
_WITH_LABEL = re.compile(r"\s*([-+]?\d+)\s*(?:[-–—:=(]\s*|\s+)(?=[^\d\s]).*", re.DOTALL)

Value = int | str


@dataclass(frozen=True)
class Response:
    """One respondent's answers by item id, in the form's order; no name, no contact details.

    ``key`` is a digest of the survey tool's own response number and time (never of a name or an
    address), so that a response imported twice can be recognised; empty when the file has none."""

    answers: tuple[tuple[str, Value], ...]
    key: str = ""

    def get(self, item_id: str) -> Value | None:
        return next((value for answered, value in self.answers if answered == item_id), None)


@dataclass(frozen=True)
class Cell:
    """Where a cell is, for the problems it may give."""

    row: int
    column: int
    heading: str = ""

    def problem(self, message: str, *, error: bool = True) -> Problem:
        return Problem(message, self.row, self.column, self.heading, error)


def cell_value(item: FormItem, raw: str, cell: Cell, problems: list[Problem]) -> Value | None:
    """The answer in a cell (None for none); what is wrong with it goes to ``problems``."""
    if not raw.strip() or (
        not _WHOLE.fullmatch(raw) and normalize(raw) in NO_ANSWER and not re.search(r"\d", raw)
    ):
        return None
    if item.kind == SCALE:
        return _rating(item, raw, cell, problems)
    return _free_text(raw, cell, problems)


def _rating(item: FormItem, raw: str, cell: Cell, problems: list[Problem]) -> int | None:
    question = item.question
    number = scale_number(raw, question.scale_labels)
    if number is None:
        found = find_personal_data(raw)
        said = describe(found).replace("Svaret", "värdet", 1) + " Det" if found else f"'{shortened(raw, 24)}'"
        problems.append(
            cell.problem(f"{said} är ingen siffra mellan {question.scale_min} och {question.scale_max}.")
        )
        return None
    try:
        value = coerce(question, number).value
    except AnswerError as error:
        problems.append(cell.problem(f"{error}."))
        return None
    return value if isinstance(value, int) else None


def scale_number(raw: str, labels: tuple[tuple[int, str], ...] = ()) -> str | None:
    """The number in a rating cell ("4", "4,0", "4 – Bra", or a label alone), or None."""
    match = _WHOLE.fullmatch(raw) or _WITH_LABEL.fullmatch(raw)
    if match:
        return match.group(1)
    key = normalize(raw)
    return next((str(number) for number, label in labels if key and normalize(label) == key), None)


def _free_text(raw: str, cell: Cell, problems: list[Problem]) -> str | None:
    text = tidy(raw[1:] if raw.startswith("'") and raw[1:2] in ("'", *FORMULA) else raw)
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT].rstrip() + "…"
        problems.append(cell.problem(f"svaret är längre än {MAX_TEXT} tecken och kortas.", error=False))
    found = find_personal_data(text)
    if found:
        said = describe(found)
        problems.append(
            cell.problem(
                f"{said[0].lower()}{said[1:]} Det sparas inte: det byts mot '{REMOVED}'.", error=False
            )
        )
        text = redact(text, lambda _finding: REMOVED)
    return text or None
