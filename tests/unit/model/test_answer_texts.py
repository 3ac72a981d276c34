"""answer_texts: which parts of an answer are free text, rewriting them, and finding personal data in
them; and personal_data.redact, which masks or replaces what was found."""

from __future__ import annotations

import datetime as dt

import pytest

from intervjufas.model.answer_texts import (
    ANSWER,
    COMMENT,
    MOMENT,
    WHY,
    FreeText,
    free_texts,
    personal_data_in,
    personal_data_in_answers,
    rewrite_free_texts,
)
from intervjufas.model.answers import ActionItem, Answer
from intervjufas.model.personal_data import kind_noun, redact
from intervjufas.model.question_types.table import TYPES
from intervjufas.model.questions import Question

TODAY = dt.date(2026, 11, 30)
TEXT = Question(id="t", text="T", kind=TYPES["text"])
LONG = Question(id="l", text="L", kind=TYPES["langtext"])
CHOICE = Question(id="c", text="C", kind=TYPES["val"], choices=("Ja", "Delvis", "Nej"), comment=True)
DATE = Question(id="d", text="D", kind=TYPES["datum"])
SCALE = Question(id="s", text="S", kind=TYPES["skala"])
ITEMS = Question(id="a", text="A", kind=TYPES["atgarder"])
MULTI = Question(id="m", text="M", kind=TYPES["flerval"], choices=("Telefon 070-123 45 67", "Annat"))


@pytest.mark.parametrize(
    ("question", "answer", "expected"),
    [
        (TEXT, Answer("Hej"), [FreeText(ANSWER, "Hej")]),
        (LONG, Answer("Rad 1\nRad 2"), [FreeText(ANSWER, "Rad 1\nRad 2")]),
        (LONG, Answer(None), []),
        (CHOICE, Answer("Delvis", "Mallen saknas"), [FreeText(COMMENT, "Mallen saknas")]),
        (CHOICE, Answer("Ja"), []),
        (DATE, Answer("2024-01-15"), []),
        (SCALE, Answer(4), []),
        (MULTI, Answer(("Telefon 070-123 45 67",)), []),  # the question file's choices are not typed
        (
            ITEMS,
            Answer((ActionItem("Checklista", "Inget glöms"), ActionItem("Mall"))),
            [FreeText(MOMENT, "Checklista", 1), FreeText(WHY, "Inget glöms", 1), FreeText(MOMENT, "Mall", 2)],
        ),
    ],
)
def test_free_texts_are_what_a_person_typed(question: Question, answer: Answer, expected: list) -> None:
    assert free_texts(question, answer) == expected


def test_rewriting_touches_only_free_text() -> None:
    upper = lambda piece: piece.text.upper()  # noqa: E731
    assert rewrite_free_texts(TEXT, Answer("hej"), upper) == Answer("HEJ")
    assert rewrite_free_texts(CHOICE, Answer("Delvis", "ibland"), upper) == Answer("Delvis", "IBLAND")
    assert rewrite_free_texts(SCALE, Answer(3), upper) == Answer(3)
    items = Answer((ActionItem("ring", "snabbt"), ActionItem("mejla")))
    assert rewrite_free_texts(ITEMS, items, upper) == Answer(
        (ActionItem("RING", "SNABBT"), ActionItem("MEJLA"))
    )


def test_rewriting_to_nothing_empties_the_answer_and_drops_the_comment() -> None:
    assert rewrite_free_texts(TEXT, Answer("x"), lambda _piece: "") == Answer(None)
    assert rewrite_free_texts(CHOICE, Answer("Ja", "x"), lambda _piece: "") == Answer("Ja")


def test_personal_data_in_each_part_of_an_answer() -> None:
    answer = Answer((ActionItem("Ring 070-123 45 67", "mejla a.b@exempel.se"),))
    kinds = [f.kind for f in personal_data_in(ITEMS, answer, today=TODAY)]
    assert kinds == ["telefon", "e-post"]
    assert [f.kind for f in personal_data_in(CHOICE, Answer("Ja", "pnr 811218-9876"), today=TODAY)] == [
        "personnummer"
    ]
    assert personal_data_in(MULTI, Answer(("Telefon 070-123 45 67",)), today=TODAY) == []


def test_personal_data_in_answers_names_the_question() -> None:
    found = personal_data_in_answers(
        [TEXT, CHOICE, SCALE],
        {"t": Answer("a@b.se"), "c": Answer("Ja", "070-123 45 67"), "s": Answer(5)},
        today=TODAY,
    )
    assert [(f.question_id, f.finding.kind) for f in found] == [("t", "e-post"), ("c", "telefon")]


def test_redact_masks_or_replaces_every_finding() -> None:
    text = "Ring 070-123 45 67 eller mejla anna@exempel.se, pnr 811218-9876."
    assert redact(text, today=TODAY) == "Ring ***-*** 45 67 eller mejla a***@exempel.se, pnr ******-9876."
    assert redact(text, lambda f: f"[{kind_noun(f.kind)}]", today=TODAY) == (
        "Ring [telefonnummer] eller mejla [e-postadress], pnr [personnummer]."
    )
    assert redact("Inget här.") == "Inget här."
