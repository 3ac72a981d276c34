"""conditions.evaluate: every operator and combinator, and questions not yet answered."""

from __future__ import annotations

import pytest

from intervjufas.model.answers import ActionItem, Answer
from intervjufas.model.conditions import AllOf, AnyOf, Comparison, Not, comparisons, evaluate
from intervjufas.questionsets.loader import load_question_set

ANSWERS = {
    "janej": Answer("Ja"),
    "val": Answer("Delvis", "kommentar"),
    "flerval": Answer(("Telefonintervju", "Snabbintervju")),
    "skala": Answer(3),
    "tom": Answer(None),
    "atgarder": Answer((ActionItem("Checklista"),)),
}


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        (Comparison("janej", "ar", "Ja"), True),
        (Comparison("janej", "ar", "Nej"), False),
        (Comparison("val", "ar", "Delvis"), True),
        (Comparison("janej", "ar_inte", "Nej"), True),
        (Comparison("janej", "ar_inte", "Ja"), False),
        (Comparison("val", "en_av", ("Ja", "Delvis")), True),
        (Comparison("val", "en_av", ("Ja", "Nej")), False),
        (Comparison("flerval", "innehaller", "Snabbintervju"), True),
        (Comparison("flerval", "innehaller", "Konventionell intervju"), False),
        (Comparison("val", "innehaller", "Delvis"), False),  # not a multiple choice
        (Comparison("skala", "minst", 3), True),
        (Comparison("skala", "minst", 4), False),
        (Comparison("skala", "hogst", 3), True),
        (Comparison("skala", "hogst", 2), False),
        (Comparison("val", "minst", 1), False),  # not a number
        (Comparison("janej", "besvarad", True), True),
        (Comparison("janej", "besvarad", False), False),
        (Comparison("atgarder", "besvarad", True), True),
    ],
)
def test_operators(condition: Comparison, expected: bool) -> None:
    assert evaluate(condition, ANSWERS) is expected


@pytest.mark.parametrize("question_id", ["saknas", "tom"])
@pytest.mark.parametrize(
    ("operator", "value", "expected"),
    [
        ("ar", "Ja", False),
        ("ar_inte", "Ja", True),
        ("en_av", ("Ja", "Nej"), False),
        ("innehaller", "Telefonintervju", False),
        ("minst", 1, False),
        ("hogst", 5, False),
        ("besvarad", True, False),
        ("besvarad", False, True),
    ],
)
def test_unanswered_and_empty_answers(question_id: str, operator: str, value: object, expected: bool) -> None:
    assert evaluate(Comparison(question_id, operator, value), ANSWERS) is expected


def test_no_condition_always_holds() -> None:
    assert evaluate(None, {}) is True


YES = Comparison("janej", "ar", "Ja")
NO = Comparison("janej", "ar", "Nej")


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        (AllOf((YES, Comparison("skala", "minst", 2))), True),
        (AllOf((YES, NO)), False),
        (AllOf(()), True),
        (AnyOf((NO, YES)), True),
        (AnyOf((NO, Comparison("skala", "hogst", 1))), False),
        (AnyOf(()), False),
        (Not(YES), False),
        (Not(NO), True),
        (Not(Not(YES)), True),
        (AllOf((Not(NO), AnyOf((NO, Comparison("flerval", "innehaller", "Telefonintervju"))))), True),
        (AllOf((Not(NO), AnyOf((NO, Comparison("saknas", "besvarad", True))))), False),
    ],
)
def test_combinators(condition: object, expected: bool) -> None:
    assert evaluate(condition, ANSWERS) is expected  # type: ignore[arg-type]


def test_unknown_operator_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        evaluate(Comparison("janej", "liknar", "Ja"), ANSWERS)


def test_comparisons_lists_every_comparison_in_order() -> None:
    a, b, c = Comparison("a", "ar", 1), Comparison("b", "ar", 2), Comparison("c", "besvarad", True)
    assert list(comparisons(AllOf((a, Not(AnyOf((b, c))))))) == [a, b, c]
    assert list(comparisons(None)) == []


SET_WITH_CONDITIONS = """\
id: villkorstest
version: 1
titel: Villkor
metadata:
  - id: uppdrag
    text: Uppdrag?
    typ: text
    obligatorisk: true
steg:
  - id: ett
    etikett: Steg 1
    titel: Ett
    fragor:
      - id: form
        text: Form?
        typ: flerval
        val: [Telefon, Video, Möte]
      - id: betyg
        text: Betyg?
        typ: skala
        min: 1
        max: 5
      - id: klar
        text: Klar?
        typ: janej
      - id: telefon_lag
        text: Varför lågt betyg i telefon?
        typ: text
        villkor:
          alla:
            - {fraga: form, innehaller: Telefon}
            - {fraga: betyg, hogst: 2}
      - id: inte_klar
        text: Vad saknas?
        typ: text
        villkor: {inte: {fraga: klar, ar: ja}}
      - id: nagot
        text: Något av dem?
        typ: text
        villkor:
          nagon:
            - {fraga: betyg, minst: 5}
            - {fraga: klar, besvarad: false}
"""


def test_conditions_from_a_question_file_are_evaluated_as_data() -> None:
    questionnaire = load_question_set(SET_WITH_CONDITIONS.encode(), "villkor.yaml")
    low_phone = questionnaire.question("telefon_lag")
    not_done = questionnaire.question("inte_klar")
    either = questionnaire.question("nagot")
    assert low_phone is not None and not_done is not None and either is not None

    assert low_phone.is_active({"form": Answer(("Telefon", "Video")), "betyg": Answer(2)})
    assert not low_phone.is_active({"form": Answer(("Video",)), "betyg": Answer(2)})
    assert not low_phone.is_active({"form": Answer(("Telefon",)), "betyg": Answer(3)})
    assert not low_phone.is_active({"form": Answer(("Telefon",))})

    # 'ar: ja' is read as the canonical answer "Ja".
    assert not_done.condition == Not(Comparison("klar", "ar", "Ja"))
    assert not_done.is_active({})
    assert not_done.is_active({"klar": Answer("Nej")})
    assert not not_done.is_active({"klar": Answer("Ja")})

    assert either.is_active({})
    assert either.is_active({"klar": Answer("Ja"), "betyg": Answer(5)})
    assert not either.is_active({"klar": Answer("Ja"), "betyg": Answer(4)})
