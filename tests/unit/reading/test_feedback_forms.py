"""Feedback forms built from a report's map: the built-in form sets pass the question-file checks,
each form asks its audience about the moments that involve them, with stable ids, and shows only
the report's facts that have a customer heading."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
import yaml

from feedback_samples import CANDIDATE_ITEMS, FACTS, MAP, form_for
from intervjufas.errors import IntervjufasError
from intervjufas.model.answers import Moment
from intervjufas.questionsets.loader import load_question_set
from intervjufas.questionsets.validation import check_files
from intervjufas.reading.feedback.forms import (
    AUDIENCES,
    SCALE,
    TEXT,
    build_form,
    builtin_form_set,
    check_form_set,
    moment_key,
)

FORMS = Path(__file__).resolve().parents[3] / "questions" / "enkater"


def test_the_built_in_forms_pass_validera() -> None:
    results = check_files([FORMS])
    assert [Path(result.file).name for result in results] == ["kandidat.yaml", "kund.yaml"]
    assert [line for result in results for line in result.lines()] == []


@pytest.mark.parametrize("name", ["kandidat.yaml", "kund.yaml"])
def test_the_built_in_forms_follow_the_shipped_schema(name: str) -> None:
    schema = json.loads((FORMS.parent / "fragor.schema.json").read_text(encoding="utf-8"))
    data = yaml.safe_load((FORMS / name).read_text(encoding="utf-8"))
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data)) == []


@pytest.mark.parametrize("audience", sorted(AUDIENCES))
def test_each_built_in_form_has_a_handful_of_ratings_and_one_free_text(audience: str) -> None:
    form = form_for(audience, {})
    kinds = [item.kind for item in form.items()]
    assert 4 <= kinds.count(SCALE) <= 6 and kinds.count(TEXT) == 1
    assert all(
        item.scale is not None and list(item.scale.steps) == [1, 2, 3, 4, 5]
        for item in form.items()
        if item.kind == SCALE
    )
    assert [section.phase for section in form.sections] == ["fore", "under", "efter", None]
    assert form.form_id == AUDIENCES[audience].form_id == builtin_form_set(AUDIENCES[audience]).id


def test_the_candidate_is_asked_about_the_moments_that_involve_the_candidate() -> None:
    form = form_for("kandidat")
    assert [item.id for item in form.items()] == CANDIDATE_ITEMS
    moments = {item.id: (item.phase, item.text, item.moment_id) for item in form.moments_asked}
    assert moments == {
        "fore_moment.inf0rm01": ("fore", "Information om intervjun", "inf0rm01"),
        "fore_moment.pam00001": ("fore", "Påminnelse dagen före", "pam00001"),
        "under_moment.rund0001": ("under", "Rundvisning på lagret", "rund0001"),
        "efter_moment.ater0001": ("efter", "Återkoppling till kandidaten", "ater0001"),
    }


def test_the_customer_is_asked_about_the_moments_that_involve_the_customer() -> None:
    form = form_for("kund")
    assert [item.text for item in form.moments_asked] == [
        "Genomgång av kravprofilen med kunden",
        "Rundvisning på lagret",
        "Presentation av kandidaten för kunden",
        "Avstämning med kunden",
    ]
    assert "Fika med teamet" not in [item.text for item in form.items()]  # it involves nobody named


def test_a_moment_item_is_rated_on_the_scale_of_its_step() -> None:
    form = form_for("kandidat")
    section = form.sections[0]
    rating, moments = section.questions
    assert moments.kind == "moment" and moments.scale == rating.scale
    assert all(item.scale == rating.scale for item in moments.items)


def test_a_phase_without_moments_for_the_audience_leaves_its_moment_question_out() -> None:
    form = form_for("kandidat", {"fore": MAP["fore"]})
    ids = [question.id for section in form.sections for question in section.questions]
    assert "fore_moment" in ids and "under_moment" not in ids and "efter_moment" not in ids
    assert "under_betyg" in ids  # (the phase's own rating is still asked)


def test_a_moment_without_an_id_gets_a_stable_key_from_its_name_once() -> None:
    moments = {"fore": (Moment("Samtal före", ("kandidaten",)), Moment("Samtal  före", ("kandidaten",)))}
    first, second = form_for("kandidat", moments), form_for("kandidat", moments)
    asked = [item.id for item in first.moments_asked]
    assert (
        asked
        == [item.id for item in second.moments_asked]
        == [f"fore_moment.{moment_key(moments['fore'][0])}"]
    )
    assert asked[0].startswith("fore_moment.n") and len(asked[0]) == len("fore_moment.") + 9


def test_the_items_validate_like_an_answers_file() -> None:
    form = form_for("kandidat")
    rating = form.item("fore_moment.inf0rm01")
    assert rating is not None
    question = rating.question
    assert (question.kind.name, question.scale_min, question.scale_max) == ("skala", 1, 5)
    free = form.item("fritext")
    assert free is not None and free.question.kind.name == "langtext"


@pytest.mark.parametrize(
    ("audience", "shown"),
    [
        ("kandidat", [("Tjänst", "Lagerarbetare")]),
        ("kund", [("Uppdrag", FACTS["uppdrag"]), ("Tjänst", "Lagerarbetare")]),
    ],
)
def test_only_facts_with_a_customer_heading_are_shown(audience: str, shown: list[tuple[str, str]]) -> None:
    assert list(form_for(audience).facts) == shown


def test_an_empty_fact_is_left_out() -> None:
    chosen = AUDIENCES["kund"]
    form = build_form(builtin_form_set(chosen), chosen, MAP, {"uppdrag": "Lager", "roll": "  "})
    assert list(form.facts) == [("Uppdrag", "Lager")]


OWN_FORM = """
id: egen_enkat
version: 1
titel: Egen enkät
metadata:
  - {id: uppdrag, text: Uppdrag?, typ: text}
steg:
  - id: fore
    titel: Före
    fragor:
      - {id: betyg, text: Hur var det?, typ: skala, min: 0, max: 10}
      - {id: delar, text: Och delarna?, typ: moment, fas: fore}
{extra}
"""


def test_an_own_form_rates_moments_on_its_own_scale() -> None:
    form_set = load_question_set(OWN_FORM.replace("{extra}", "").encode(), "egen.yaml")
    form = build_form(form_set, AUDIENCES["kandidat"], MAP, {})
    scales = {item.id: item.scale for item in form.items()}
    assert {(scale.low, scale.high) for scale in scales.values() if scale} == {(0, 10)}


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        ("      - {id: val1, text: Vilket?, typ: val, val: [A, B]}", "av typen 'val'"),
        ("      - {id: mer, text: Mer?, typ: langtext, villkor: {fraga: betyg, minst: 3}}", "har 'villkor'"),
    ],
)
def test_a_form_refuses_what_a_printed_form_cannot_ask(extra: str, said: str) -> None:
    form_set = load_question_set(OWN_FORM.replace("{extra}", extra).encode(), "egen.yaml")
    with pytest.raises(IntervjufasError) as raised:
        check_form_set(form_set)
    assert said in raised.value.message and "\n" not in raised.value.message


def test_a_form_with_a_plan_key_is_refused() -> None:
    form_set = builtin_form_set(AUDIENCES["kund"])
    step = form_set.steps[0]
    planned = replace(step, questions=(replace(step.questions[0], plan="utveckla"),))
    with pytest.raises(IntervjufasError, match="har 'plan'"):
        check_form_set(replace(form_set, steps=(planned,)))
