"""Who a "Berör" word is: a role on the customer's side ("lagerchefen", "rekryterande chef", "HR")
counts as the customer – its moments and changes reach the customer version, its words stay as
written – while only a word written as a person's name (or the assignment's colleague) is a
colleague, left out and replaced by "en kollega"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from export_samples import consultant_report, write_and_load
from intervjufas.model.answers import ActionItem, Answer, Moment
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.reading.export.audience import (
    colleague_names,
    is_customer_role,
    looks_like_name,
    meets_customer,
)
from intervjufas.reading.export.document import Document, build_document
from intervjufas.reading.export.versions import customer_version
from intervjufas.report.model import Report

ROLES = (
    "lagerchefen", "Lagerchefen", "chef", "chefen", "rekryterande chef", "Rekryterande chef", "HR",
    "hr", "HR-ansvarig", "ledningen", "teamledare", "handledaren", "arbetsgivaren", "kundens VD",
    "Platschefen", "anställande chef", "personalavdelningen",
)  # fmt: skip
NAMES = ("Ahmed", "Kalle", "Anna Berg", "Anna-Karin", "Åsa")
NEITHER = ("teamet", "konsulten", "rekryteraren", "kollegor", "IT")


@pytest.mark.parametrize("word", ROLES)
def test_a_role_on_the_customer_s_side_is_the_customer_and_no_name(word: str) -> None:
    assert is_customer_role(word) and not looks_like_name(word)
    assert meets_customer((word,)) and meets_customer(("kollegor", word))


@pytest.mark.parametrize("word", NAMES)
def test_a_capitalised_first_name_is_a_colleague_s_name(word: str) -> None:
    assert looks_like_name(word) and not is_customer_role(word)
    assert not meets_customer((word,))


@pytest.mark.parametrize("word", NEITHER)
def test_other_words_are_the_consultant_s_side_but_no_name(word: str) -> None:
    assert not is_customer_role(word) and not looks_like_name(word)
    assert not meets_customer((word,))


def _with_roles(questionnaire: Questionnaire, colleague: str = "Kalle") -> Report:
    """The issue's report with a moment for the warehouse manager, one for the recruiting manager
    and HR, one for a colleague by name, and a change to develop the warehouse manager's moment."""
    report = consultant_report(questionnaire)
    earlier = report.answers["fore_karta"].value
    assert isinstance(earlier, tuple)
    report.answers["fore_karta"] = Answer(
        (
            *earlier,
            Moment(
                "Avstämning med lagerchefen",
                ("lagerchefen",),
                id="m6a2b3c4",
                assignment_note="Lagerchefen ringer upp",
            ),
            Moment("Intervju med rekryterande chef", ("rekryterande chef", "HR"), id="m7a2b3c4"),
            Moment("Lunch med Kalle", (colleague,), "Kalle bokar bord", id="m8a2b3c4"),
        )
    )
    report.answers["fore_utveckla"] = Answer("Ja")
    report.answers["fore_utveckla_vad"] = Answer(
        (
            ActionItem(
                "Avstämning med lagerchefen", "Lagerchefen vill höra av sig tidigare", moment_id="m6a2b3c4"
            ),
        )
    )
    return report


def _customer(report: Report, questionnaire: Questionnaire, folder: Path, *, notes: bool = False) -> Document:
    loaded = write_and_load(folder, report, questionnaire)
    return customer_version(build_document(loaded, author="x"), notes=notes)


def test_a_role_s_moments_and_changes_reach_the_customer_as_written(
    kartlaggning: Questionnaire, tmp_path: Path
) -> None:
    customer = _customer(_with_roles(kartlaggning), kartlaggning, tmp_path, notes=True)
    assert customer.process_map is not None
    labels = [m.label for phase in customer.process_map for m in phase.nodes]
    assert "Avstämning med lagerchefen" in labels and "Intervju med rekryterande chef" in labels
    assert [m.note for phase in customer.process_map for m in phase.nodes if m.label.startswith("Avst")] == [
        "Lagerchefen ringer upp"
    ]
    [change] = [row for row in customer.plan if row.moment == "Avstämning med lagerchefen"]
    assert change.why == "Lagerchefen vill höra av sig tidigare"
    text = repr(customer)
    assert "Lagerchefen och jag intervjuar tillsammans." in text  # the answer keeps its role too
    assert "en kollega" not in text.replace("En kollega tar referenser", "").casefold()


def test_a_colleague_s_name_under_berör_is_left_out_and_hidden(
    kartlaggning: Questionnaire, tmp_path: Path
) -> None:
    report = _with_roles(kartlaggning)
    loaded = write_and_load(tmp_path, report, kartlaggning)
    names = colleague_names(loaded.report)
    assert "Kalle" in names and "Ahmed" in names and "Anna Berg" in names and "Anna" in names
    assert not {"lagerchefen", "rekryterande chef", "HR", "kunden", "kollegor"} & set(names)
    customer = customer_version(build_document(loaded, author="x"), notes=True)
    text = repr(customer)
    assert not re.search(r"\b(Kalle|Ahmed)\b", text) and "Lunch med" not in text  # ("Kallelse" stays)


def test_a_name_an_older_report_wrote_in_lower_case_is_still_hidden(
    kartlaggning: Questionnaire, tmp_path: Path
) -> None:
    report = _with_roles(kartlaggning, colleague="kalle")  # older reports kept every word in lower case
    loaded = write_and_load(tmp_path, report, kartlaggning)
    assert "kalle" in colleague_names(loaded.report)  # its note writes "Kalle"
    assert "teamet" not in colleague_names(loaded.report)
    customer = customer_version(build_document(loaded, author="x"), notes=True)
    assert not re.search(r"\bkalle\b", repr(customer), re.IGNORECASE)
