"""Dates after today: a report may be dated in the future (a mapping planned ahead), so such a date
is accepted – but the program says so, since it is as often a typing slip (2027 for 2026).

The rule for how a future report orders is the plan's (see ``reading.plan.state``): by (report
date, created, file name), like every report, and the state "as of" a report counts only the
reports ordered at or before it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from intervjufas.model.answers import Answer
from intervjufas.model.question_types.text import DateType
from intervjufas.model.questions import Question


def future_date_warning(question: Question, value: object, today: dt.date | None = None) -> str | None:
    """The warning for a date question answered with a date after today (None otherwise)."""
    if not isinstance(question.kind, DateType) or not isinstance(value, str):
        return None
    try:
        date = dt.date.fromisoformat(value)
    except ValueError:
        return None
    now = today or dt.date.today()
    if date <= now:
        return None
    return f"Datumet {date.isoformat()} ligger i framtiden (idag är {now.isoformat()})."


def future_date_warnings(
    questions: Iterable[Question],
    answers: Mapping[str, Answer],
    given: Iterable[str],
    today: dt.date | None = None,
) -> list[str]:
    """The warnings for the date questions among ``given`` (e.g. the ids an answers file answers)."""
    wanted = set(given)
    found = []
    for question in questions:
        answer = answers.get(question.id)
        if question.id in wanted and answer is not None:
            warning = future_date_warning(question, answer.value, today)
            if warning is not None:
                found.append(warning)
    return found
