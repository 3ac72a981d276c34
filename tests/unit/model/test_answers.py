"""answers: the Answer model and coerce(), which validates raw input for every question type."""

from __future__ import annotations

import datetime as dt

import pytest

from intervjufas.errors import AnswerError
from intervjufas.model.answer_codec import coerce
from intervjufas.model.answers import ActionItem, Answer, Moment, display, involved, one_line, tidy
from intervjufas.model.question_types.table import TYPES
from intervjufas.model.questions import Question


def today() -> str:
    """Today as the program sees it when the test runs (a suite can cross midnight)."""
    return dt.date.today().isoformat()


def question(kind: str, **extra: object) -> Question:
    return Question(id="q", text="Fråga?", kind=TYPES[kind], **extra)  # type: ignore[arg-type]


YES_NO = question("janej")
CHOICE = question("val", choices=("Ja", "Delvis", "Nej"), comment=True)
PLAIN_CHOICE = question("val", choices=("Individuellt", "Tillsammans med en kollega"))
MULTI = question("flerval", choices=("Telefonintervju", "Snabbintervju", "Konventionell intervju"))
SCALE = question("skala", scale_min=1, scale_max=5)
DATE = question("datum")
ITEMS = question("atgarder", plan="lagga_till")


def error_of(q: Question, raw: object) -> str:
    with pytest.raises(AnswerError) as caught:
        coerce(q, raw)
    return str(caught.value)


# -- the model -------------------------------------------------------------------------------------


def test_answer_normalizes_newlines_and_empty_values() -> None:
    assert Answer("a\r\nb\rc").value == "a\nb\nc"
    assert Answer("").value is None
    assert Answer(()).value is None
    assert Answer([]).value is None
    assert Answer(["a", "b"]).value == ("a", "b")
    assert Answer("Ja", "x\r\ny").comment == "x\ny"
    assert Answer(None).is_empty
    assert not Answer(None, "kommentar").is_empty
    assert not Answer(3).is_empty


def test_action_item_is_one_stripped_line() -> None:
    item = ActionItem("  Checklista\r\nför kunden \n", "\nför att\ninget glöms ")
    assert item == ActionItem("Checklista för kunden", "för att inget glöms")
    assert one_line(" a\n b \r\nc ") == "a  b  c"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("text", "text"),
        ("\n\n  \nförsta\n\nandra  \n\n", "första\n\nandra"),
        ("  indraget\n", "  indraget"),
        ("rad\r\nrad", "rad\nrad"),
        ("   \n\t\n", ""),
        ("", ""),
    ],
)
def test_tidy(raw: str, expected: str) -> None:
    assert tidy(raw) == expected


# -- text ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["text", "langtext"])
def test_text_is_tidied_and_empty_is_none(kind: str) -> None:
    q = question(kind)
    assert coerce(q, "\n  \nHej\r\nhopp  \n") == Answer("Hej\nhopp")
    assert coerce(q, "   ") == Answer(None)
    assert coerce(q, None) == Answer(None)
    assert coerce(q, 42) == Answer("42")


def test_text_rejects_structures() -> None:
    assert error_of(question("text"), {"a": 1}) == "svaret ska vara en text"
    assert error_of(question("langtext"), ["a"]) == "svaret ska vara en text"


@pytest.mark.parametrize(
    "kind", ["text", "langtext", "janej", "val", "flerval", "skala", "datum", "atgarder"]
)
@pytest.mark.parametrize("raw", [None, "", "   "])
def test_required_questions_must_be_answered(kind: str, raw: object) -> None:
    q = question(kind, required=True, choices=("A", "B"))
    assert error_of(q, raw) == "frågan är obligatorisk och måste besvaras"
    assert coerce(question(kind, choices=("A", "B")), raw) == Answer(None)


def test_required_multiple_choice_rejects_an_empty_list() -> None:
    assert error_of(question("flerval", choices=("A",), required=True), []) == (
        "frågan är obligatorisk och måste besvaras"
    )


# -- janej -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ja", "Ja"),
        ("Ja", "Ja"),
        ("JA", "Ja"),
        ("j", "Ja"),
        (" J ", "Ja"),
        ("yes", "Ja"),
        (True, "Ja"),
        ("nej", "Nej"),
        ("Nej", "Nej"),
        ("n", "Nej"),
        ("NO", "Nej"),
        (False, "Nej"),
    ],
)
def test_yes_no(raw: object, expected: str) -> None:
    assert coerce(YES_NO, raw) == Answer(expected)


@pytest.mark.parametrize("raw", ["kanske", "jaa", "0", 1])
def test_yes_no_rejects_other_words(raw: object) -> None:
    assert error_of(YES_NO, raw) == f"'{raw}' är inte Ja eller Nej"


# -- val -------------------------------------------------------------------------------------------


def test_choice_matches_case_insensitively_and_returns_the_canonical_spelling() -> None:
    assert coerce(PLAIN_CHOICE, "tillsammans med en KOLLEGA ") == Answer("Tillsammans med en kollega")
    assert coerce(CHOICE, "delvis") == Answer("Delvis")


def test_choice_rejects_unknown_values_and_lists_the_choices() -> None:
    assert error_of(CHOICE, "Kanske") == "'Kanske' är inte ett av valen (Ja, Delvis, Nej)"


def test_choice_with_comment_in_dict_form() -> None:
    assert coerce(CHOICE, {"svar": "ja", "kommentar": "Bra\r\nstruktur"}) == Answer("Ja", "Bra\nstruktur")
    assert coerce(CHOICE, {"svar": "Nej"}) == Answer("Nej")


def test_comment_dict_rejects_unknown_keys_and_a_comment_without_answer() -> None:
    assert error_of(CHOICE, {"svar": "Ja", "kommentarer": "x"}) == (
        "okänd nyckel 'kommentarer' (tillåtna: svar, kommentar)"
    )
    assert error_of(CHOICE, {"kommentar": "bara kommentar"}) == "en kommentar kräver också ett svar"


def test_dict_form_is_only_for_questions_with_comments() -> None:
    assert error_of(PLAIN_CHOICE, {"svar": "Individuellt"}) == "svaret ska vara en text"


# -- flerval ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Telefonintervju", ("Telefonintervju",)),
        ("konventionell intervju, telefonintervju", ("Telefonintervju", "Konventionell intervju")),
        ("Snabbintervju ,Telefonintervju,", ("Telefonintervju", "Snabbintervju")),
        (["Snabbintervju", "Telefonintervju"], ("Telefonintervju", "Snabbintervju")),
        (["Snabbintervju", "snabbintervju"], ("Snabbintervju",)),
        (("Konventionell intervju",), ("Konventionell intervju",)),
    ],
)
def test_multiple_choice_from_list_or_comma_text_in_choice_order(raw: object, expected: tuple) -> None:
    assert coerce(MULTI, raw) == Answer(expected)


def test_multiple_choice_empty_is_none() -> None:
    assert coerce(MULTI, []) == Answer(None)
    assert coerce(MULTI, ["", "  "]) == Answer(None)


def test_multiple_choice_rejects_unknown_and_non_lists() -> None:
    assert error_of(MULTI, "Telefonintervju, Videointervju") == (
        "'Videointervju' är inte ett av valen (Telefonintervju, Snabbintervju, Konventionell intervju)"
    )
    assert error_of(MULTI, 5) == "ange en lista med val"
    assert error_of(MULTI, {"a": "b"}) == "ange en lista med val"


# -- skala -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "expected"), [(1, 1), ("5", 5), (" 3 ", 3), ("4\n", 4)])
def test_scale_accepts_numbers_in_range(raw: object, expected: int) -> None:
    assert coerce(SCALE, raw) == Answer(expected)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (0, "0 ligger utanför skalan 1–5"),
        ("6", "6 ligger utanför skalan 1–5"),
        (-1, "-1 ligger utanför skalan 1–5"),
        ("tre", "'tre' är inte en siffra mellan 1 och 5"),
        ("3.5", "'3.5' är inte en siffra mellan 1 och 5"),
        (True, "ange en siffra"),
    ],
)
def test_scale_rejects_other_values(raw: object, message: str) -> None:
    assert error_of(SCALE, raw) == message


def test_scale_honours_its_own_bounds() -> None:
    wide = question("skala", scale_min=0, scale_max=10)
    assert coerce(wide, "0") == Answer(0)
    assert coerce(wide, "10") == Answer(10)
    assert error_of(wide, 11) == "11 ligger utanför skalan 0–10"


# -- datum -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["idag", "i dag", "IDAG", " Idag "])
def test_date_today(raw: str) -> None:
    assert coerce(DATE, raw) == Answer(today())


def test_date_iso_and_date_objects() -> None:
    assert coerce(DATE, "2024-02-29") == Answer("2024-02-29")
    assert coerce(DATE, " 2025-01-07 ") == Answer("2025-01-07")
    assert coerce(DATE, dt.date(2023, 5, 17)) == Answer("2023-05-17")


@pytest.mark.parametrize("raw", ["2023-02-29", "2024-13-01", "igår", "17/5 2023"])
def test_date_rejects_non_dates(raw: str) -> None:
    assert error_of(DATE, raw) == f"'{raw}' är inte ett datum på formen ÅÅÅÅ-MM-DD"


# -- atgarder --------------------------------------------------------------------------------------


def test_action_items_from_strings_and_dicts() -> None:
    assert coerce(ITEMS, "Checklista") == Answer((ActionItem("Checklista"),))
    assert coerce(ITEMS, {"moment": "Checklista", "varfor": "Tydlighet"}) == Answer(
        (ActionItem("Checklista", "Tydlighet"),)
    )
    assert coerce(ITEMS, ["Mall", {"moment": "Återkoppling\ninom två dagar", "varfor": None}]) == Answer(
        (ActionItem("Mall"), ActionItem("Återkoppling inom två dagar"))
    )


def test_action_items_empty_is_none() -> None:
    assert coerce(ITEMS, []) == Answer(None)
    assert coerce(ITEMS, "") == Answer(None)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            {"moment": "x", "varför": "y"},
            "okänd nyckel 'varför' i ett moment (tillåtna: moment, varfor, beror)",
        ),
        ({"varfor": "bara varför"}, "ett moment saknar text"),
        (["bra", "  "], "ett moment saknar text"),
        (7, "ange en lista med moment (moment och varfor)"),
        ([["nästlad"]], "varje moment ska vara en text eller ha nycklarna moment, varfor och beror"),
        ([{"moment": ["a"]}], "svaret ska vara en text"),
    ],
)
def test_action_items_reject_bad_shapes(raw: object, message: str) -> None:
    assert error_of(ITEMS, raw) == message


# -- display ---------------------------------------------------------------------------------------


def test_display() -> None:
    assert display(None) == ""
    assert display("text") == "text"
    assert display(4) == "4"
    assert display(4, scale_max=5) == "4 av 5"
    assert display(("Telefonintervju", "Snabbintervju")) == "Telefonintervju, Snabbintervju"
    assert (
        display((ActionItem("Checklista", "Tydlighet"), ActionItem("Mall")))
        == "Checklista (varför: Tydlighet); Mall"
    )


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Kollegor, Kunden", ("kunden", "kollegor")),  # the program's words: its spelling, its order
        ("Ahmed, lagerchefen, HR", ("Ahmed", "lagerchefen", "HR")),  # other words as typed
        (["Ahmed", "ahmed", "AHMED ", "kunden"], ("kunden", "Ahmed")),  # each once, as first typed
        ("rekryterande chef; Anna Berg", ("rekryterande chef", "Anna Berg")),
    ],
)
def test_whom_something_involves_keeps_the_case_of_a_name(typed: object, expected: tuple[str, ...]) -> None:
    assert involved(typed) == expected
    assert involved(involved(typed)) == expected
    assert Moment("Referenser", typed if isinstance(typed, str) else tuple(typed)).involves == expected
