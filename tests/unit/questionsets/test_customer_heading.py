"""The question key ``kundrubrik``: which answers the customer version shows, and under which
heading.  It is read and checked like every key, the schema knows it, it never changes the set's
checksum (reports made before it still continue), and the built-in sets mark exactly the answers
meant for the employer."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from helpers import FIXTURE_REPORTS, REPO
from intervjufas.files.bounded import read_text
from intervjufas.files.safe_yaml import compose, plain_value
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.questionsets.catalog import builtin_set, earlier_builtin_sets
from intervjufas.questionsets.loader import read_question_set
from intervjufas.questionsets.schema import question_set_schema
from intervjufas.report.parse import parse
from intervjufas.session.mapping import _check_set

VALIDATOR = jsonschema.Draft202012Validator(question_set_schema())
HEAD = """\
id: prov
version: 1
titel: Prov
metadata:
  - {id: uppdrag, text: Uppdrag?, typ: text, kundrubrik: Uppdrag}
steg:
  - id: ett
    titel: Ett
    fragor:
"""

CUSTOMER_QUESTIONS = {
    "kartlaggning": {
        "uppdrag": "Uppdrag",
        "kund": "Arbetsgivare",
        "roll": "Tjänst",
        "intervjuform": "Intervjuform",
        "datum": "Datum",
        "fore_kunden": "Så förbereder vi er inför intervjuerna",
        "fore_kandidaten": "Så förbereder vi kandidaterna",
        "under_genomfor": "Så genomförs intervjuerna",
        "efter_moment": "Så följer vi upp efter intervjuerna",
    },
    "snabbformat": {
        "uppdrag": "Uppdrag",
        "kund": "Arbetsgivare",
        "roll": "Tjänst",
        "intervjuform": "Intervjuform",
        "datum": "Datum",
        "forbered": "Så förbereder vi intervjuerna",
        "genomfor": "Så genomförs intervjuerna",
        "folj_upp": "Så följer vi upp efter intervjuerna",
    },
}


def errors(text: str) -> list[str]:
    _, diagnostics = read_question_set(text.encode("utf-8"), "fil.yaml")
    return [d.message for d in diagnostics if d.is_error]


def schema_accepts(text: str) -> bool:
    root = compose(text, "fil.yaml")
    return VALIDATOR.is_valid(plain_value(root))


def built(text: str) -> Questionnaire:
    questionnaire, diagnostics = read_question_set(text.encode("utf-8"), "fil.yaml")
    assert questionnaire is not None, [d.format() for d in diagnostics]
    return questionnaire


@pytest.mark.parametrize("set_id", CUSTOMER_QUESTIONS)
def test_the_built_in_sets_mark_only_what_the_employer_should_read(set_id: str) -> None:
    questionnaire = builtin_set(set_id)
    marked = {q.id: q.customer_heading for q in questionnaire.all_questions() if q.customer_heading}
    assert marked == CUSTOMER_QUESTIONS[set_id]
    for question in questionnaire.all_questions():
        if not question.customer_heading:
            continue
        assert not question.kind.is_rating
        assert question.plan is None
        assert question.group is None  # no reflection or experience group is shown
        assert question.id not in ("genomforande", "kollega")  # how the mapping was made


def test_a_heading_is_read_for_step_and_metadata_questions() -> None:
    questionnaire = built(HEAD + "      - {id: a, text: A?, typ: langtext, kundrubrik: '  Så gör vi  '}\n")
    assert questionnaire.question("a").customer_heading == "Så gör vi"
    assert questionnaire.question("uppdrag").customer_heading == "Uppdrag"
    unmarked = built(HEAD + "      - {id: a, text: A?, typ: langtext}\n")
    assert unmarked.question("a").customer_heading == ""


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("      - {id: a, text: A, typ: text, kundrubrik: '  '}\n", "'kundrubrik' får inte vara tom"),
        (
            '      - {id: a, text: A, typ: text, kundrubrik: "Två\\nrader"}\n',
            "'kundrubrik' ska stå på en rad",
        ),
        ("      - {id: a, text: A, typ: text, kundrubrik: [A]}\n", "'kundrubrik' ska vara en text"),
        ("      - {id: a, text: A, typ: skala, kundrubrik: Betyget}\n", "kundversionen visar inga betyg"),
    ],
    ids=["empty", "two-lines", "list", "on-a-rating"],
)
def test_a_bad_heading_is_an_error_that_the_schema_sees_too(line: str, message: str) -> None:
    text = HEAD + line
    assert any(message in m for m in errors(text)), errors(text)
    assert not schema_accepts(text)


def test_valid_headings_pass_the_schema() -> None:
    text = HEAD + "      - {id: a, text: A, typ: val, val: [X, Y], kommentar: true, kundrubrik: 2024}\n"
    assert errors(text) == []
    assert schema_accepts(text)


def test_the_heading_does_not_change_the_checksum() -> None:
    plain = HEAD.replace(", kundrubrik: Uppdrag", "") + (
        "      - grupp: g\n        rubrik: G\n        fragor:\n          - {id: a, text: A, typ: langtext}\n"
    )
    marked = HEAD + (
        "      - grupp: g\n        rubrik: G\n        fragor:\n"
        "          - {id: a, text: A, typ: langtext, kundrubrik: Så gör vi}\n"
    )
    reworded = marked.replace("Så gör vi", "Så här gör vi")
    asked_differently = marked.replace("text: A,", "text: B,")
    hashes = [built(text).content_hash for text in (plain, marked, reworded, asked_differently)]
    assert hashes[0] == hashes[1] == hashes[2]
    assert hashes[3] != hashes[0]


@pytest.mark.parametrize(
    "name", sorted(p.name for p in FIXTURE_REPORTS.glob("*.md") if "trasig" not in p.name)
)
def test_reports_made_before_the_headings_still_continue(name: str) -> None:
    path = FIXTURE_REPORTS / name
    text = read_text(path)
    set_id = "snabbformat" if "fragor:\n  id: snabbformat" in text.replace("\r\n", "\n") else "kartlaggning"
    # Made with version 1 of the built-in set, which is kept – now with the headings – for them.
    (questionnaire,) = [q for q in earlier_builtin_sets(set_id) if q.version == 1]
    assert any(q.customer_heading for q in questionnaire.all_questions())
    report = parse(text, questionnaire, file=name)
    _check_set(report, path, questionnaire, options=None)  # type: ignore[arg-type]  # raises if refused


def test_the_readme_documents_the_key() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "| `kundrubrik` |" in readme


def test_the_shipped_sets_keep_their_checksums_from_before_the_key() -> None:
    """The checksums the fixture reports (made with version 1, before ``kundrubrik`` existed)
    carry; the key is in the kept version 1 too, and does not change it."""
    earlier = {q.id: q for s in ("kartlaggning", "snabbformat") for q in earlier_builtin_sets(s)}
    assert earlier["kartlaggning"].content_hash == "a0921495f113b1e6"
    assert earlier["snabbformat"].content_hash == "a6bd02cc6b3405f9"
    assert all(any(q.customer_heading for q in s.all_questions()) for s in earlier.values())


def test_the_key_is_in_the_example_file_too() -> None:
    example = Path(REPO / "docs" / "exempel-telefonintervju.yaml").read_text(encoding="utf-8")
    questionnaire = built(example)
    assert any(q.customer_heading for q in questionnaire.all_questions())
