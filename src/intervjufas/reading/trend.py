"""Ratings over time (``trend``): for every rating question (``skala``) of each question set, the
mean rating per month or quarter across reports, with the number of reports behind each point.

A report of format 2 keeps its ratings in its front matter (``betyg``), so a folder's trend is
made from the headers (kept in the header index) and needs no report read in full but the old
ones of format 1.

What the customer and the candidates answered in the feedback forms (``enkat``) is a series of its
own beside the consultant's rating it pairs with (``Series.survey``): the respondents' ratings
pooled per period, a period with fewer than the minimum count left out ("för få svar")."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from statistics import fmean
from typing import TYPE_CHECKING, Any

from intervjufas.errors import IntervjufasError
from intervjufas.folder.finding import has_words
from intervjufas.folder.header_row import FolderHeader
from intervjufas.folder.scan import Progress, read_headers, sort_key
from intervjufas.model.questionnaire import Questionnaire, Step
from intervjufas.model.questions import Question
from intervjufas.reading.feedback.aggregate import MIN_RESPONDENTS

if TYPE_CHECKING:  # (the question sets are loaded only when reports are read in full)
    from intervjufas.folder.loading import LoadedReport

PERIODS = {"manad": "månad", "kvartal": "kvartal"}
_DATE = re.compile(r"^(\d{4})-(\d{2})")


@dataclass(frozen=True)
class Point:
    period: str
    mean: float
    count: int  # reports behind the point
    respondents: int = 0  # of a survey series: the answers behind the point


@dataclass(frozen=True)
class Series:
    question_id: str
    label: str  # e.g. "Steg 1 · Kunden"
    scale_min: int
    scale_max: int
    points: tuple[Point, ...]
    survey: str = ""  # "" for the consultant's own rating; "kandidat" or "kund" for what they answered

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


@dataclass(frozen=True, slots=True)
class Rated:
    """What the trend needs of one report: its set, date, customer and ratings."""

    path: Path
    sort_key: tuple[str, str, str]
    set_id: str
    questionnaire: Questionnaire
    date: str
    kund: str
    ratings: Mapping[str, Any]  # question id -> rating, as read
    author: str = ""  # who made the report ("" when it does not say, or anonymised)
    received: Mapping[str, Mapping[str, list[int]]] = field(default_factory=dict)  # see paired_values


def rated_report(loaded: LoadedReport) -> Rated | None:
    """A report read in full (None when its question set is not found)."""
    if loaded.questionnaire is None:
        return None
    ratings = {key: answer.value for key, answer in loaded.report.answers.items()}
    return Rated(
        loaded.path,
        loaded.sort_key,
        loaded.report.question_set.id,
        loaded.questionnaire,
        loaded.report.date,
        loaded.report.text("kund"),
        ratings,
        loaded.report.recorded_author,
    )


def rated_header(path: Path, header: FolderHeader, questionnaire: Questionnaire) -> Rated:
    """A report of format 2 from its front matter, whose ``betyg`` holds every rating it has."""
    ratings = header.ratings
    key = sort_key(path, header)
    return Rated(
        path,
        key,
        header.set_id,
        questionnaire,
        key[0],
        _fact_text(header.fact("kund")),
        ratings if isinstance(ratings, dict) else {},
        _fact_text(header.author).strip(),
    )


def _fact_text(raw: Any) -> str:
    """A detail of the assignment as reading the report in full shows it ('' when not a text)."""
    if raw is None or isinstance(raw, (dict, list)):
        return ""
    return str(raw)


def rating_trends(
    reports: list[LoadedReport], *, customer: str | None = None, per: str = "manad"
) -> list[SetTrend]:
    """The rating series per question set, for the reports of the customers ``customer`` names if
    it is given (``folder.finding.has_words``: a part of the name will do).  Sets in order of their
    newest report."""
    rated = [found for found in map(rated_report, reports) if found is not None]
    return trends_of(rated, customer=customer, per=per)


def trends_of(
    rated: list[Rated], *, customer: str | None = None, per: str = "manad", minimum: int = MIN_RESPONDENTS
) -> list[SetTrend]:
    """``rating_trends`` of reports as the trend reads them (from headers or read in full)."""
    by_set: dict[str, list[Rated]] = {}
    for report in sorted(rated, key=lambda r: r.sort_key, reverse=True):
        if customer is not None and not has_words(customer, report.kund):
            continue
        by_set.setdefault(report.set_id, []).append(report)
    trends = []
    for set_id, group in by_set.items():
        trend = _set_trend(set_id, group, per, minimum)
        if trend.series:
            trends.append(trend)
    return trends


def _set_trend(set_id: str, group: list[Rated], per: str, minimum: int = MIN_RESPONDENTS) -> SetTrend:
    questions: dict[str, tuple[Step, Question]] = {}
    seen: set[int] = set()
    for report in group:  # newest first: the newest version's labels win
        if id(report.questionnaire) in seen:
            continue
        seen.add(id(report.questionnaire))
        for step, question in report.questionnaire.scale_questions():
            questions.setdefault(question.id, (step, question))
    values: dict[str, dict[str, list[int]]] = {}
    contributing = 0  # the reports with a rating in the trend (each report is in the group once)
    periods: dict[str, str | None] = {}
    for report in group:
        if report.date not in periods:
            periods[report.date] = period_of(report.date, per)
        period = periods[report.date]
        if period is not None and _add_ratings(report.ratings, questions, values, period):
            contributing += 1
    surveyed = [report for report in group if report.received]  # (most reports have no survey answers)
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
        series += _survey_series(series[-1], surveyed, periods, minimum)
    all_periods = tuple(sorted({p.period for s in series for p in s.points}))
    newest = group[0].questionnaire
    return SetTrend(set_id, newest.title, all_periods, tuple(series), contributing)


def _add_ratings(
    ratings: Mapping[str, Any], questions: Mapping[str, object], values: dict[str, dict[str, list[int]]], period: str
) -> bool:
    """Add a report's ratings of the ``questions`` (an int, not a yes/no) to ``values`` under
    ``period``; whether it had one.  (Its ratings are looked at, not every question: a report
    rates a few of them.)"""
    rated = False
    for question_id, rating in ratings.items():
        if question_id in questions and isinstance(rating, int) and not isinstance(rating, bool):
            values.setdefault(question_id, {}).setdefault(period, []).append(rating)
            rated = True
    return rated


def _survey_series(
    own: Series, group: list[Rated], periods: Mapping[str, str | None], minimum: int
) -> list[Series]:
    """What the candidates and the customer answered beside the consultant's rating ``own``: their
    ratings pooled per period; a period with fewer than ``minimum`` of them is left out."""
    pooled: dict[str, dict[str, tuple[list[int], set[Path]]]] = {}
    for report in group:
        period = periods.get(report.date)
        for audience, values in report.received.get(own.question_id, {}).items():
            if period is not None and values:
                numbers, reports = pooled.setdefault(audience, {}).setdefault(period, ([], set()))
                numbers += values
                reports.add(report.path)
    found = []
    for audience in sorted(pooled, key=lambda key: (key != "kandidat", key)):
        points = tuple(
            Point(period, fmean(numbers), len(reports), len(numbers))
            for period, (numbers, reports) in sorted(pooled[audience].items())
            if len(numbers) >= minimum
        )
        who = "kandidaterna" if audience == "kandidat" else "kunden" if audience == "kund" else audience
        found.append(replace(own, label=f"{own.label} – enligt {who}", points=points, survey=audience))
    return found


def with_received(rated: list[Rated], folder: Path) -> tuple[list[Rated], list[str]]:
    """The reports with the survey answers kept beside them (in ``folder``, listed once) paired
    with their ratings, and one warning per answers file that cannot be read."""
    from intervjufas.folder.survey_answers import answer_files, answers_path
    from intervjufas.reading.feedback.received import paired_values

    kept = {path.name for path in answer_files(folder)}
    warnings: list[str] = []
    found = []
    for report in rated:
        if kept and answers_path(report.path).name in kept:
            try:
                report = replace(report, received=paired_values(report.path, report.questionnaire))
            except IntervjufasError as error:
                warnings.append(error.message)
        found.append(report)
    return found, warnings


def folder_trends(
    folder: Path,
    *,
    customer: str | None = None,
    per: str = "manad",
    program: str = "intervjufas",
    progress: Progress | None = None,
    minimum: int = MIN_RESPONDENTS,
) -> tuple[list[SetTrend], list[str]]:
    """The rating trends of a reports folder, and one warning per file that cannot be read.

    A report of format 2 is read from its front matter alone (its ``betyg`` lists every rating
    it has); a report of format 1 has no such list and is read in full."""
    rated, warnings = folder_rated(folder, program=program, progress=progress)
    rated, unread = with_received(rated, folder)
    return trends_of(rated, customer=customer, per=per, minimum=minimum), warnings + unread


def folder_rated(
    folder: Path, *, program: str = "intervjufas", progress: Progress | None = None
) -> tuple[list[Rated], list[str]]:
    """Every report of the folder with what the trend needs of it, and one warning per file that
    cannot be read."""
    from intervjufas.folder.loading import load_report

    headers, warnings = read_headers(folder, program=program, progress=progress)
    sets: dict[Any, Questionnaire | None] = {}
    rated: list[Rated] = []
    for path, header in headers:
        found: Rated | None
        if header.format == 1:
            try:
                found = rated_report(load_report(path, in_folder=True))
            except IntervjufasError as error:
                warnings.append(error.message)
                continue
        else:
            questionnaire = _set_of(header, sets)
            found = rated_header(path, header, questionnaire) if questionnaire is not None else None
        if found is not None:
            rated.append(found)
    return rated, warnings


def _set_of(header: FolderHeader, sets: dict[Any, Questionnaire | None]) -> Questionnaire | None:
    """The question set a header names (found once per set and version)."""
    from intervjufas.questionsets.catalog import find_set
    from intervjufas.report.parse import set_ref

    key = header.set_key
    try:
        if key in sets:
            return sets[key]
    except TypeError:  # (a version or hash written as a list)
        return find_set(set_ref(header))
    sets[key] = found = find_set(set_ref(header))
    return found
