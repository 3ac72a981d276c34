"""One consultant's ratings against the team's (``trend --av NAMN``): for every rating question,
per month or quarter, the consultant's mean rating beside the median of every rating the team gave
in that period (the consultant's own included), with the number of reports behind each.

Like every team view it takes nothing but ratings and who made a report; an anonymised report (its
header read alone) counts for the team but for no one, and a consultant the team's vocabulary lists
under ``utanfor`` is neither compared nor counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from statistics import fmean, median

from intervjufas.errors import IntervjufasError
from intervjufas.folder.scan import Progress
from intervjufas.folder.team_vocabulary import read_vocabulary
from intervjufas.reading.trend import Rated, folder_rated, period_of


@dataclass(frozen=True)
class Row:
    period: str
    mine: float | None  # the consultant's mean (None: no rating of theirs in the period)
    mine_count: int
    team_median: float
    team_count: int


@dataclass(frozen=True)
class SeriesAgainstTeam:
    label: str
    scale_max: int
    rows: tuple[Row, ...]
    question: str = ""  # the rating question's id


@dataclass(frozen=True)
class TrendAgainstTeam:
    author: str
    title: str  # the question set's
    series: tuple[SeriesAgainstTeam, ...]


def trend_against_team(
    folder: Path, name: str, *, per: str = "manad", progress: Progress | None = None
) -> tuple[list[TrendAgainstTeam], list[str]]:
    vocabulary, warnings = read_vocabulary(folder)
    rated, found = folder_rated(folder, progress=progress)
    warnings += found
    outside = {n.casefold() for n in vocabulary.outside}
    rated = [r for r in rated if r.author.casefold() not in outside]
    wanted = " ".join(name.split()).casefold()
    author = next((r.author for r in rated if r.author and r.author.casefold() == wanted), "")
    anonymised = _anonymised({r.path for r in rated if author and r.author == author})
    if not author or wanted in outside or all(r.path in anonymised for r in rated if r.author == author):
        raise IntervjufasError(f"Inga rapporter av '{name}' i rapportmappen (anonymiserade räknas inte).")
    by_set: dict[str, list[Rated]] = {}
    for report in sorted(rated, key=lambda r: r.sort_key, reverse=True):
        by_set.setdefault(report.set_id, []).append(report)
    trends = []
    for group in by_set.values():
        series = _series(group, author, anonymised, per)
        if series:
            trends.append(TrendAgainstTeam(author, group[0].questionnaire.title, series))
    return trends, warnings


def _series(group: list[Rated], author: str, anonymised: set[Path], per: str) -> tuple[SeriesAgainstTeam, ...]:
    found = []
    for step, question in group[0].questionnaire.scale_questions():
        mine: dict[str, list[int]] = {}
        team: dict[str, list[int]] = {}
        for report in group:
            period = period_of(report.date, per)
            rating = report.ratings.get(question.id)
            if period is None or not isinstance(rating, int) or isinstance(rating, bool):
                continue
            team.setdefault(period, []).append(rating)
            if report.author == author and report.path not in anonymised:
                mine.setdefault(period, []).append(rating)
        if not mine:
            continue
        rows = tuple(
            Row(p, fmean(mine[p]) if p in mine else None, len(mine.get(p, ())), median(v), len(v))
            for p, v in sorted(team.items())
        )
        found.append(SeriesAgainstTeam(f"{step.label} · {question.label}", question.scale_max, rows, question.id))
    return tuple(found)


def _anonymised(paths: set[Path]) -> set[Path]:
    from intervjufas.report.anonymise import is_anonymised
    from intervjufas.report.front_matter import read_front_matter

    found = set()
    for path in paths:
        try:
            if is_anonymised(read_front_matter(path, check=True)):
                found.add(path)
        except (ValueError, OSError, IntervjufasError):
            continue
    return found
