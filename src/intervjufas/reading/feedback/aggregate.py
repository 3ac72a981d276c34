"""The answers to a form summed up per item and per moment of the map, with the minimum-count rule.

Why: the consultant's own rating is shown beside what the customer and the candidates answered,
without any respondent being identifiable. So a result rests on at least ``MIN_RESPONDENTS``
answers (a parameter: a setting may lower it for a customer who knows there was one respondent);
below that it is only "för få svar" – no count, no median, no free text. A rating is summed up by
its count, median and spread; the spread is the interquartile range (the middle half of the
answers lies between the lower and the upper quartile, ``statistics.quantiles`` with the
"inclusive" method), which suits a short ordinal scale and is not moved by one odd answer. Free
texts are shown sorted (not in the order they came, which could tell who wrote which) and
without what the personal-data detector finds in them.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from intervjufas.model.personal_data import redact
from intervjufas.reading.feedback.forms import SCALE, Form, FormItem
from intervjufas.reading.feedback.values import REMOVED, Response

MIN_RESPONDENTS = 3
TOO_FEW = "för få svar"
SPREAD_NAME = "kvartilavstånd"  # what ``Rating.spread`` is, as the views name it


@dataclass(frozen=True)
class Rating:
    """The ratings an item got."""

    count: int
    median: float
    lower_quartile: float
    upper_quartile: float
    lowest: int
    highest: int
    counts: tuple[tuple[int, int], ...]  # (step of the scale, how many chose it), every step

    @property
    def spread(self) -> float:
        """The interquartile range."""
        return self.upper_quartile - self.lower_quartile


@dataclass(frozen=True)
class ItemResult:
    """One item's result; ``too_few`` hides everything else (there is nothing else to show)."""

    item: FormItem
    too_few: bool
    rating: Rating | None = None
    texts: tuple[str, ...] = ()

    @property
    def count(self) -> int | None:
        """How many answered, or None when too few did to say."""
        if self.too_few:
            return None
        return self.rating.count if self.rating else len(self.texts)


@dataclass(frozen=True)
class FeedbackResult:
    form: Form
    minimum: int
    respondents: int | None  # None: fewer than ``minimum`` answered at all
    items: tuple[ItemResult, ...]

    @property
    def too_few(self) -> bool:
        return self.respondents is None

    def item(self, item_id: str) -> ItemResult | None:
        return next((result for result in self.items if result.item.id == item_id), None)

    def moments(self) -> tuple[ItemResult, ...]:
        """The results of the map's moments (the items about one moment), in map order."""
        return tuple(result for result in self.items if result.item.moment_id)

    def by_moment(self) -> dict[str, ItemResult]:
        """The result of each moment asked about, by the moment's id on the map."""
        return {result.item.moment_id: result for result in self.moments()}


def summarise(form: Form, responses: Iterable[Response], minimum: int = MIN_RESPONDENTS) -> FeedbackResult:
    """The form's results from ``responses`` (all imports of the form together)."""
    if minimum < 1:
        raise ValueError("the minimum count is at least 1")
    responses = [response for response in responses if response.answers]
    enough = len(responses) >= minimum
    results = []
    for item in form.items():
        values = [value for response in responses if (value := response.get(item.id)) is not None]
        results.append(_item_result(item, values, minimum) if enough else ItemResult(item, True))
    return FeedbackResult(form, minimum, len(responses) if enough else None, tuple(results))


def _item_result(item: FormItem, values: Sequence[int | str], minimum: int) -> ItemResult:
    if len(values) < minimum:
        return ItemResult(item, True)
    if item.kind == SCALE:
        numbers = [value for value in values if isinstance(value, int)]
        return (
            ItemResult(item, False, rating=rating(numbers, item))
            if len(numbers) >= minimum
            else ItemResult(item, True)
        )
    texts = [redact(value, lambda _finding: REMOVED) for value in values if isinstance(value, str)]
    return ItemResult(item, False, texts=tuple(sorted(texts, key=str.casefold)))


def rating(numbers: Sequence[int], item: FormItem | None = None) -> Rating:
    """Count, median, quartiles and the count of each step (of the item's scale, if given)."""
    ordered = sorted(numbers)
    if len(ordered) > 1:
        lower, _, upper = statistics.quantiles(ordered, n=4, method="inclusive")
    else:
        lower = upper = float(ordered[0])
    steps = (
        item.scale.steps
        if item is not None and item.scale is not None
        else range(ordered[0], ordered[-1] + 1)
    )
    counts = tuple((step, ordered.count(step)) for step in steps)
    return Rating(
        len(ordered), float(statistics.median(ordered)), lower, upper, ordered[0], ordered[-1], counts
    )
