"""The built-in question sets against the exercise they are built from: every question word for word,
in the exercise's order, with the right types, conditions and groups."""

from __future__ import annotations

import datetime as dt

import pytest

from intervjufas.model.answers import Answer
from intervjufas.model.conditions import Comparison, comparisons
from intervjufas.model.questionnaire import Questionnaire, Step
from intervjufas.model.questions import PLAN_KINDS, Question

# -- the exercise, word for word ------------------------------------------------------------------

STEP_1_LEAD = "Vilka förberedelser genomför du innan intervjuerna ska genomföras?"
STEP_1 = [
    "Hur förbereder du kunden?",
    "Hur förbereder du kandidaten?",
    "Hur involverar du dina kollegor?",
    "När du förberett dig inför en kommande intervju, reflektera över följande:",
    "Finns det moment som du skulle vilja lägga till?",
    "Vad skulle det vara och med vilket syfte?",
    "Finns det moment som du skulle vilja utveckla?",
    "Vad ser du att det finns en utvecklingspotential kring och varför?",
    "Behöver något steg tas bort?",
    "Utifrån perspektivet kund- och kandidatupplevelse, hur påverkas upplevelsen för kunden och "
    "kandidaten inför intervjun?",
]
STEP_2_LEAD = "Gå igenom följande frågor, gärna i samband med genomförandet av en intervjuprocess:"
STEP_2 = [
    "Hur genomför du intervjun?",
    "Finns det en tydlig struktur?",
    "Finns det ett syfte med samtliga delar i intervjun och hur de genomförs?",
    "När du genomfört din intervju/dina intervjuer, reflektera över följande:",
    "Finns det moment som du skulle vilja lägga till?",
    "Vad skulle det vara och med vilket syfte?",
    "Finns det moment som du skulle vilja utveckla?",
    "Vad ser du att det finns en utvecklingspotential kring och varför?",
    "Behöver något steg tas bort?",
    "Utifrån perspektivet kund- och kandidatupplevelse, hur påverkas upplevelsen för kunden och "
    "kandidaten under intervjun?",
]
STEP_3_LEAD = (
    "Gå igenom följande frågor efter att du genomfört en komplett intervjuprocess med både "
    "förberedelser och genomförande:"
)
# The bullet "Finns det moment som du skulle vilja utveckla? Vad ser du att det finns en
# utvecklingspotential kring och varför?" is one line in the exercise, split into two questions here.
STEP_3_SPLIT_BULLET = (
    "Finns det moment som du skulle vilja utveckla? "
    "Vad ser du att det finns en utvecklingspotential kring och varför?"
)
STEP_3 = [
    "Vilka moment genomför du efter en genomförd intervju?",
    "Finns det en tydlig rutin?",
    "Finns det moment som du skulle vilja lägga till?",
    "Vad skulle det vara och med vilket syfte?",
    "Finns det moment som du skulle vilja utveckla?",
    "Vad ser du att det finns en utvecklingspotential kring och varför?",
    "Behöver något steg tas bort?",
    "Utifrån perspektivet kund- och kandidatupplevelse, hur påverkas upplevelsen för kunden och "
    "kandidaten efter intervjun?",
]
QUICK_PART_1 = [
    "Förbered inför en intervju med deltagare kopplat till ett uppdrag",
    "Genomför intervjun",
    "Följ upp efter intervjun",
]
QUICK_PART_2_LEAD = "Utifrån perspektivet kund- och kandidatupplevelse:"
QUICK_PART_2 = [
    "Hur påverkas upplevelsen för kunden och kandidaten genom intervjuprocessen?",
    "Vad fungerar bra och vad vill du utveckla?",
]


def step_texts(step: Step) -> list[str]:
    """The visible texts of a step in the order a user meets them: lead, group texts, questions."""
    texts = [step.lead] if step.lead else []
    group = None
    for question in step.questions:
        if question.group is not None and question.group != group:
            texts.append(question.group.text)
        group = question.group
        texts.append(question.text)
    return texts


def assert_in_order(expected: list[str], actual: list[str]) -> None:
    """Every expected text occurs exactly (word for word) in ``actual``, in the same order."""
    position = 0
    for text in expected:
        try:
            position = actual.index(text, position) + 1
        except ValueError:
            pytest.fail(f"{text!r} is missing, or out of order, in {actual!r}")


def by_text(step: Step, text: str) -> Question:
    matches = [q for q in step.questions if q.text == text]
    assert len(matches) == 1, f"{text!r} occurs {len(matches)} times in step {step.id}"
    return matches[0]


# -- kartlaggning ----------------------------------------------------------------------------------


def test_the_full_set_has_the_exercise_steps(kartlaggning: Questionnaire) -> None:
    assert kartlaggning.title == "Kartlägg intervjufasen"
    assert [(s.label, s.title) for s in kartlaggning.steps] == [
        ("Steg 1", "Före intervjun"),
        ("Steg 2", "Under intervjun"),
        ("Steg 3", "Efter intervjun"),
    ]
    assert [s.heading for s in kartlaggning.steps] == [
        "Steg 1: Före intervjun",
        "Steg 2: Under intervjun",
        "Steg 3: Efter intervjun",
    ]
    assert [s.number for s in kartlaggning.steps] == [1, 2, 3]


@pytest.mark.parametrize(
    ("index", "lead", "expected"),
    [(0, STEP_1_LEAD, STEP_1), (1, STEP_2_LEAD, STEP_2), (2, STEP_3_LEAD, STEP_3)],
    ids=["steg1", "steg2", "steg3"],
)
def test_every_exercise_question_is_present_word_for_word_in_order(
    kartlaggning: Questionnaire, index: int, lead: str, expected: list[str]
) -> None:
    step = kartlaggning.steps[index]
    assert step.lead == lead
    assert_in_order(expected, step_texts(step))


def test_the_split_bullet_of_step_3_is_two_questions_in_a_row(kartlaggning: Questionnaire) -> None:
    step = kartlaggning.steps[2]
    texts = [q.text for q in step.questions]
    first, second = STEP_3_SPLIT_BULLET.split("? ", 1)
    position = texts.index(first + "?")
    assert texts[position + 1] == second
    assert f"{texts[position]} {texts[position + 1]}" == STEP_3_SPLIT_BULLET


def test_the_order_check_itself_notices_a_swap() -> None:
    with pytest.raises(pytest.fail.Exception):
        assert_in_order(["b", "a"], ["a", "b"])


@pytest.mark.parametrize("index", [0, 1, 2])
def test_reflection_follow_ups_are_conditional_on_ja(kartlaggning: Questionnaire, index: int) -> None:
    step = kartlaggning.steps[index]
    pairs = [
        ("Finns det moment som du skulle vilja lägga till?", "Vad skulle det vara och med vilket syfte?"),
        (
            "Finns det moment som du skulle vilja utveckla?",
            "Vad ser du att det finns en utvecklingspotential kring och varför?",
        ),
        ("Behöver något steg tas bort?", None),
    ]
    plan_kinds = []
    for yes_no_text, follow_up_text in pairs:
        yes_no = by_text(step, yes_no_text)
        assert yes_no.kind.name == "janej"
        assert yes_no.required
        position = step.questions.index(yes_no)
        follow_up = step.questions[position + 1]
        if follow_up_text is not None:
            assert follow_up.text == follow_up_text
        assert follow_up.condition == Comparison(yes_no.id, "ar", "Ja")
        assert follow_up.kind.name == "atgarder"
        assert follow_up.plan in PLAN_KINDS
        plan_kinds.append(follow_up.plan)
        # Asked only after "Ja".
        assert follow_up.is_active({yes_no.id: Answer("Ja")})
        assert not follow_up.is_active({yes_no.id: Answer("Nej")})
        assert not follow_up.is_active({})
    assert plan_kinds == ["lagga_till", "utveckla", "ta_bort"]


@pytest.mark.parametrize(("index", "when"), [(0, "inför"), (1, "under"), (2, "efter")])
def test_experience_is_a_group_with_customer_and_candidate_answers_and_ratings(
    kartlaggning: Questionnaire, index: int, when: str
) -> None:
    step = kartlaggning.steps[index]
    sentence = (
        "Utifrån perspektivet kund- och kandidatupplevelse, hur påverkas upplevelsen för kunden och "
        f"kandidaten {when} intervjun?"
    )
    members = [q for q in step.questions if q.group is not None and q.group.text == sentence]
    assert [q.kind.name for q in members] == ["langtext", "skala", "langtext", "skala"]
    assert [q.text for q in members if q.kind.name == "langtext"] == ["För kunden", "För kandidaten"]
    # The group's questions are consecutive, at the end of the step.
    assert list(step.questions[-4:]) == members
    for rating in (q for q in members if q.kind.name == "skala"):
        assert (rating.scale_min, rating.scale_max) == (1, 5)
        assert not rating.required
        assert rating.condition is None
    ids = [q.id for q in members]
    assert any("kund" in i for i in ids)
    assert any("kandidat" in i for i in ids)


@pytest.mark.parametrize(
    ("index", "text"),
    [
        (1, "Finns det en tydlig struktur?"),
        (1, "Finns det ett syfte med samtliga delar i intervjun och hur de genomförs?"),
        (2, "Finns det en tydlig rutin?"),
    ],
)
def test_structure_routine_and_purpose_are_ja_delvis_nej_with_comment(
    kartlaggning: Questionnaire, index: int, text: str
) -> None:
    question = by_text(kartlaggning.steps[index], text)
    assert question.kind.name == "val"
    assert question.choices == ("Ja", "Delvis", "Nej")
    assert question.comment


def test_the_preparation_questions_are_free_text(kartlaggning: Questionnaire) -> None:
    step = kartlaggning.steps[0]
    for text in STEP_1[:3]:
        assert by_text(step, text).kind.name == "langtext"
    assert by_text(kartlaggning.steps[1], "Hur genomför du intervjun?").kind.name == "langtext"
    assert by_text(kartlaggning.steps[2], STEP_3[0]).kind.name == "langtext"


# -- metadata (both sets) --------------------------------------------------------------------------


@pytest.fixture(params=["kartlaggning", "snabbformat"])
def any_set(request: pytest.FixtureRequest) -> Questionnaire:
    return request.getfixturevalue(request.param)


def test_metadata_questions(any_set: Questionnaire) -> None:
    metadata = {q.id: q for q in any_set.metadata}
    assert list(metadata) == ["uppdrag", "kund", "roll", "intervjuform", "genomforande", "kollega", "datum"]
    assert metadata["uppdrag"].required
    assert metadata["uppdrag"].kind.name == "text"
    assert [q.id for q in any_set.metadata if q.required] == ["uppdrag"]
    assert metadata["kund"].kind.name == "text"
    assert metadata["roll"].kind.name == "text"
    form = metadata["intervjuform"]
    assert form.kind.name == "flerval"
    assert form.choices == ("Telefonintervju", "Snabbintervju", "Konventionell intervju")
    assert metadata["genomforande"].kind.name == "val"
    assert "Tillsammans med en kollega" in metadata["genomforande"].choices
    assert "Individuellt" in metadata["genomforande"].choices
    colleague = metadata["kollega"]
    assert colleague.condition == Comparison("genomforande", "ar", "Tillsammans med en kollega")
    assert colleague.is_active({"genomforande": Answer("Tillsammans med en kollega")})
    assert not colleague.is_active({"genomforande": Answer("Individuellt")})
    date = metadata["datum"]
    assert date.kind.name == "datum"
    assert date.default == "idag"
    assert date.default_answer() == Answer(dt.date.today().isoformat())


def test_every_id_is_unique_and_conditions_refer_to_earlier_questions(any_set: Questionnaire) -> None:
    seen: list[str] = []
    for question in any_set.all_questions():
        assert question.id not in seen
        for comparison in comparisons(question.condition):
            assert comparison.question_id in seen, f"{question.id} depends on a later question"
        seen.append(question.id)
    step_ids = [s.id for s in any_set.steps]
    assert len(set(step_ids)) == len(step_ids)
    for step in any_set.steps:
        assert all(q.step_id == step.id for q in step.questions)
    assert all(q.step_id is None for q in any_set.metadata)


def test_required_questions_are_the_yes_no_and_ja_delvis_nej_questions(kartlaggning: Questionnaire) -> None:
    required = {q.id for s in kartlaggning.steps for q in s.questions if q.required}
    assert required == {
        f"{step}_{kind}"
        for step in ("fore", "under", "efter")
        for kind in ("lagga_till", "utveckla", "ta_bort")
    } | {"under_struktur", "under_syfte", "efter_rutin"}


# -- snabbformat -----------------------------------------------------------------------------------


def test_quick_format_parts_and_questions_word_for_word(snabbformat: Questionnaire) -> None:
    part_1, part_2 = snabbformat.steps
    assert (part_1.label, part_1.title) == ("Del 1", "Intervjuprocessen från start till slut")
    assert (part_2.label, part_2.title) == ("Del 2", "Reflektera")
    exercise = [q for q in part_1.questions if q.kind.name == "langtext"]
    assert [q.text for q in exercise] == QUICK_PART_1
    # Each of the exercise's questions is followed by the moments it names, for the process map.
    assert [q.kind.name for q in part_1.questions] == ["langtext", "moment"] * len(QUICK_PART_1)
    assert [q.phase for q in part_1.questions if q.kind.name == "moment"] == ["fore", "under", "efter"]
    assert part_2.lead == QUICK_PART_2_LEAD
    assert_in_order(QUICK_PART_2, step_texts(part_2))


def test_quick_format_reflection_has_customer_candidate_and_an_action_plan(
    snabbformat: Questionnaire,
) -> None:
    part_2 = snabbformat.steps[1]
    experience = [q for q in part_2.questions if q.group and q.group.text == QUICK_PART_2[0]]
    assert [q.kind.name for q in experience] == ["langtext", "skala", "langtext", "skala"]
    assert [q.text for q in experience if q.kind.name == "langtext"] == ["För kunden", "För kandidaten"]
    develop = [q for q in part_2.questions if q.group and q.group.text == QUICK_PART_2[1]]
    assert [q.kind.name for q in develop] == ["langtext", "atgarder"]
    assert develop[1].plan == "utveckla"


def test_both_sets_end_with_the_exercise_congratulation(any_set: Questionnaire) -> None:
    assert "Grattis!" in any_set.closing
    assert "Bra jobbat" in any_set.closing
    assert "du har klarat delmomentet!" in any_set.closing


def test_the_description_of_the_quick_format_quotes_the_exercise(snabbformat: Questionnaire) -> None:
    assert "Ont om tid? Att göra något är bättre än att göra inget." in snabbformat.description
