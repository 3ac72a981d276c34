"""The received experience per moment of the team's map: what the candidates' and the customer's
feedback forms (``enkat``) answered about a moment, pooled over the reports behind the team's map
(each consultant's latest map's report).

Only counts and medians leave a report: the raw ratings of the form items about a moment are pooled
per team moment and audience over those reports, and the minimum-count rule applies to the pool
(below it only "för få svar", no count and no median). Free texts are never read out.  Only the
answers file beside each of those reports is read, and only when it exists, so ``karta --team``
stays fast.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from intervjufas.errors import IntervjufasError
from intervjufas.folder.survey_answers import answers_path
from intervjufas.reading.feedback.received import ratings_per_moment

Ratings = dict[str, dict[str, list[int]]]  # audience -> moment id -> the respondents' ratings


@dataclass(frozen=True)
class Experience:
    """One audience's received experience of a team moment."""

    audience: str  # "kandidat" or "kund"
    count: int | None  # None: fewer than the minimum answered (only "för få svar" is shown)
    median: float | None

    @property
    def too_few(self) -> bool:
        return self.count is None


def reports_ratings(reports: Mapping[str, Path], warnings: list[str]) -> dict[str, Ratings]:
    """The ratings per moment kept beside each consultant's report (by author); a report without an
    answers file is not read further, one that cannot be read is a warning."""
    found: dict[str, Ratings] = {}
    for author, report in reports.items():
        path = answers_path(report)
        if not path.exists() and not path.is_symlink():
            continue
        try:
            ratings = ratings_per_moment(report)
        except IntervjufasError as error:
            warnings.append(str(error))
            continue
        if ratings:
            found[author] = ratings
    return found


def pooled(ratings: Mapping[str, Ratings], members: Iterable[tuple[str, str]], minimum: int) -> tuple[Experience, ...]:
    """The experience of one team moment, whose moments are ``members`` ((author, moment id) each):
    per audience (candidates first) the median and count of all their ratings together, or too few."""
    pools: dict[str, list[int]] = {}
    for author, moment_id in sorted(set(members)):
        for audience, per_moment in ratings.get(author, {}).items():
            pools.setdefault(audience, []).extend(per_moment.get(moment_id, ()))
    return tuple(
        Experience(audience, len(values), float(statistics.median(values)))
        if len(values) >= minimum
        else Experience(audience, None, None)
        for audience, values in sorted(pools.items(), key=lambda item: (item[0] != "kandidat", item[0]))
        if values
    )
