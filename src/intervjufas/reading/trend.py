"""Ratings over time (``trend``): for every rating question (``skala``) of each question set, the
mean rating per month or quarter across reports, with the number of reports behind each point."""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import fmean

from intervjufas.model.questions import Question, Step
from intervjufas.reports.loading import LoadedReport

PERIODS = {"manad": "månad", "kvartal": "kvartal"}
_DATE = re.compile(r"^(\d{4})-(\d{2})")


@dataclass(frozen=True)
class Point:
    period: str
    mean: float
    count: int  # reports behind the point


@dataclass(frozen=True)
class Series:
    question_id: str
    label: str  # e.g. "Steg 1 · Kunden"
    scale_min: int
    scale_max: int
    points: tuple[Point, ...]

    def at(self, period: str) -> Point | None:
        return next((p for p in self.points if p.period == period), None)


@dataclass(frozen=True)
class SetTrend:
    """The rating series of one question set."""

    set_id: str
    title: str
    periods: tuple[str, ...]  # every period with a rating in this set, oldest first
    series: tuple[Series, ...]
    reports: int  # reports with at least one rating


def period_of(date: str, per: str = "manad") -> str | None:
    """'2024-03' for a month, '2024 K1' for a quarter; None for a text that is not a date."""
    match = _DATE.match(date)
    if not match or not 1 <= int(match.group(2)) <= 12:
        return None
    year, month = match.group(1), int(match.group(2))
    if per == "kvartal":
        return f"{year} K{(month - 1) // 3 + 1}"
    return f"{year}-{month:02d}"


def _rating(loaded: LoadedReport, question_id: str) -> int | None:
    answer = loaded.report.answers.get(question_id)
    value = answer.value if answer is not None else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def rating_trends(
    reports: list[LoadedReport], *, kund: str | None = None, per: str = "manad"
) -> list[SetTrend]:
    """The rating series per question set, for the reports of one customer if ``kund`` is given
    (exact match, ignoring case).  Sets in order of their newest report."""
    wanted = kund.strip().casefold() if kund else None
    by_set: dict[str, list[LoadedReport]] = {}
    for loaded in sorted(reports, key=lambda r: r.sort_key, reverse=True):
        if loaded.questionnaire is None:
            continue
        if wanted is not None and loaded.report.text("kund").strip().casefold() != wanted:
            continue
        by_set.setdefault(loaded.report.question_set.id, []).append(loaded)
    trends = []
    for set_id, group in by_set.items():
        trend = _set_trend(set_id, group, per)
        if trend.series:
            trends.append(trend)
    return trends


def _set_trend(set_id: str, group: list[LoadedReport], per: str) -> SetTrend:
    questions: dict[str, tuple[Step, Question]] = {}
    for loaded in group:  # newest first: the newest version's labels win
        assert loaded.questionnaire is not None
        for step, question in loaded.questionnaire.scale_questions():
            questions.setdefault(question.id, (step, question))
    values: dict[str, dict[str, list[int]]] = {}
    contributing: set[str] = set()
    for loaded in group:
        period = period_of(loaded.report.date, per)
        if period is None:
            continue
        for question_id in questions:
            rating = _rating(loaded, question_id)
            if rating is not None:
                values.setdefault(question_id, {}).setdefault(period, []).append(rating)
                contributing.add(str(loaded.path))
    series = []
    for question_id, (step, question) in questions.items():
        per_period = values.get(question_id)
        if not per_period:
            continue
        points = tuple(Point(p, fmean(v), len(v)) for p, v in sorted(per_period.items()))
        series.append(
            Series(
                question_id,
                f"{step.label} · {question.label}",
                question.scale_min,
                question.scale_max,
                points,
            )
        )
    periods = tuple(sorted({p.period for s in series for p in s.points}))
    newest = group[0].questionnaire
    assert newest is not None
    return SetTrend(set_id, newest.title, periods, tuple(series), len(contributing))
