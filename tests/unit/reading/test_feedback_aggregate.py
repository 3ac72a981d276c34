"""Received feedback summed up: count, median and interquartile range per item and per moment of
the map, free texts sorted and without personal data, and nothing at all from fewer than the
minimum number of respondents."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from feedback_samples import fixture, form_for
from intervjufas.reading.feedback.aggregate import MIN_RESPONDENTS, TOO_FEW, rating, summarise
from intervjufas.reading.feedback.csv_import import read_feedback
from intervjufas.reading.feedback.values import REMOVED, Response

FORM = form_for("kandidat")


def answers(*rows: dict[str, int | str]) -> list[Response]:
    return [Response(tuple(row.items())) for row in rows]


def test_the_rule_is_three_respondents_and_said_as_too_few() -> None:
    assert (MIN_RESPONDENTS, TOO_FEW) == (3, "för få svar")


def test_fewer_than_three_respondents_show_nothing_at_all() -> None:
    result = summarise(FORM, answers({"fore_betyg": 5, "fritext": "Bra"}, {"fore_betyg": 1}))
    assert result.too_few and result.respondents is None
    assert all(
        item.too_few and item.rating is None and item.texts == () and item.count is None
        for item in result.items
    )


def test_three_respondents_are_enough_for_what_three_answered() -> None:
    result = summarise(
        FORM,
        answers(
            {"fore_betyg": 4, "helhet_betyg": 2, "fritext": "Bra"},
            {"fore_betyg": 5, "helhet_betyg": 3},
            {"fore_betyg": 3, "helhet_betyg": 5, "fritext": "Dåligt"},
        ),
    )
    assert result.respondents == 3 and not result.too_few
    fore = result.item("fore_betyg")
    assert fore is not None and fore.rating is not None and fore.count == 3
    assert (fore.rating.median, fore.rating.lowest, fore.rating.highest) == (4.0, 3, 5)
    free = result.item("fritext")
    assert free is not None and free.too_few and free.texts == ()  # only two wrote something
    untouched = result.item("under_betyg")
    assert untouched is not None and untouched.too_few


def test_a_lower_minimum_shows_a_single_respondent() -> None:
    result = summarise(FORM, answers({"helhet_betyg": 4, "fritext": "Tydligt"}), minimum=1)
    whole = result.item("helhet_betyg")
    assert result.respondents == 1 and whole is not None and whole.rating is not None
    assert (whole.rating.median, whole.rating.spread) == (4.0, 0.0)
    assert result.item("fritext").texts == ("Tydligt",)  # type: ignore[union-attr]


def test_the_minimum_is_at_least_one() -> None:
    with pytest.raises(ValueError):
        summarise(FORM, [], minimum=0)


def test_median_quartiles_and_counts_by_hand() -> None:
    # 1 2 2 3 4 5: median 2.5; inclusive quartiles at positions 1.25 and 3.75 → 2.0 and 3.75
    made = rating([4, 2, 1, 5, 2, 3], FORM.item("fore_betyg"))
    assert (made.count, made.median, made.lower_quartile, made.upper_quartile) == (6, 2.5, 2.0, 3.75)
    assert made.spread == 1.75
    assert made.counts == ((1, 1), (2, 2), (3, 1), (4, 1), (5, 1))


def test_the_microsoft_forms_fixture_summed_up() -> None:
    imported = read_feedback(fixture("microsoft_forms.csv"), "microsoft_forms.csv", FORM)
    result = summarise(FORM, imported.responses)
    after = result.item("efter_betyg")  # 3 2 4 1 3
    assert after is not None and after.rating is not None
    assert (after.rating.count, after.rating.median, after.rating.lower_quartile, after.rating.upper_quartile) == (
        5, 3.0, 2.0, 3.0,
    )  # fmt: skip
    moments = result.by_moment()
    assert list(moments) == ["inf0rm01", "pam00001", "rund0001", "ater0001"]
    reminder = moments["pam00001"]  # 4, -, 5, 4, 4
    assert reminder.count == 4 and reminder.rating is not None and reminder.rating.median == 4.0
    texts = result.item("fritext")
    assert texts is not None and texts.texts == (
        "Bra intervju, men jag hörde aldrig av er efteråt.\nSkulle gärna fått ett besked.",
        "Tydlig information om vart jag skulle gå.",
        "Återkopplingen dröjde, jag fick vänta en vecka.",
    )


def test_free_texts_are_shown_without_personal_data_whatever_was_stored() -> None:
    stored = answers(
        {"fritext": "Ring mig på 070-123 45 67"}, {"fritext": "Bra"}, {"fritext": "Mejla anna@example.com"}
    )
    texts = summarise(FORM, stored).item("fritext").texts  # type: ignore[union-attr]
    assert texts == ("Bra", f"Mejla {REMOVED}", f"Ring mig på {REMOVED}")


def test_empty_responses_are_no_respondents() -> None:
    result = summarise(FORM, [Response(()), Response(()), *answers({"fore_betyg": 3}, {"fore_betyg": 4})])
    assert result.too_few


@given(st.lists(st.integers(1, 5), min_size=1, max_size=40))
def test_the_median_lies_within_the_quartiles_and_the_counts_add_up(numbers: list[int]) -> None:
    made = rating(numbers, FORM.item("fore_betyg"))
    assert made.lowest <= made.lower_quartile <= made.median <= made.upper_quartile <= made.highest
    assert sum(count for _, count in made.counts) == made.count == len(numbers)


@given(st.lists(st.dictionaries(st.sampled_from(["fore_betyg", "under_betyg"]), st.integers(1, 5)), max_size=8),
       st.integers(1, 5))  # fmt: skip
def test_no_result_rests_on_fewer_answers_than_the_minimum(rows: list[dict[str, int]], minimum: int) -> None:
    result = summarise(FORM, answers(*rows), minimum)
    for item in result.items:
        assert item.too_few or (item.count is not None and item.count >= minimum)
    assert result.too_few == (len([row for row in rows if row]) < minimum)
