"""A question holds its type (``kind``), resolved once by the loader: the entry of the type table
that the question file names, equal by its class whoever made it – the loader, the set cache or a
test – so questions and questionnaires compare as they always did."""

from __future__ import annotations

from dataclasses import replace

import pytest

from intervjufas.model.question_types.table import CHOICE, TEXT, TYPES
from intervjufas.model.questions import Question, QuestionType, Widget
from intervjufas.questionsets.catalog import builtin_text
from intervjufas.questionsets.loader import load_question_set
from intervjufas.questionsets.set_cache import decode, encode

SET = """\
id: litet
version: 1
titel: Litet
metadata:
  - {id: uppdrag, text: Uppdrag?, typ: text}
steg:
  - id: ett
    titel: Ett
    fragor:
      - {id: a, text: A?, typ: langtext}
      - {id: b, text: B?, typ: skala}
      - {id: c, text: C?, typ: val, val: [X, Y]}
"""


def test_the_loader_resolves_each_type_once() -> None:
    questionnaire = load_question_set(SET.encode(), "litet.yaml")
    kinds = {q.id: q.kind for q in questionnaire.all_questions()}
    assert kinds == {"uppdrag": TYPES["text"], "a": TYPES["langtext"], "b": TYPES["skala"], "c": TYPES["val"]}
    assert all(kind is TYPES[kind.name] for kind in kinds.values())


@pytest.mark.parametrize("name", list(TYPES))
def test_a_type_equals_another_of_its_class_and_no_other(name: str) -> None:
    entry = TYPES[name]
    again = type(entry)()
    assert again == entry and hash(again) == hash(entry)
    assert all(entry != other for other_name, other in TYPES.items() if other_name != name)
    assert entry.name == name and isinstance(entry.widget, Widget)


def test_a_subtype_is_not_its_parent() -> None:
    """Ja/nej is made as a choice, but is another type (its own widget and fixed choices)."""
    assert TYPES["janej"] != CHOICE and TYPES["langtext"] != TEXT


@pytest.mark.parametrize("set_id", ["kartlaggning", "snabbformat"])
def test_the_set_cache_gives_back_the_same_kinds(set_id: str) -> None:
    built = load_question_set(builtin_text(set_id), f"{set_id}.yaml")
    rebuilt = decode(encode(built))
    assert rebuilt == built
    assert [q.kind for q in rebuilt.all_questions()] == [q.kind for q in built.all_questions()]
    assert all(q.kind is TYPES[q.kind.name] for q in rebuilt.all_questions())


def test_a_question_of_another_kind_is_another_question() -> None:
    question = Question(id="q", text="Q?", kind=TEXT)
    assert replace(question, kind=TYPES["text"]) == question
    assert replace(question, kind=TYPES["langtext"]) != question


def test_the_cache_takes_types_only_from_the_table() -> None:
    with pytest.raises(KeyError):
        decode(("k", "rebus"))
    assert isinstance(decode(("k", "skala")), QuestionType)
