"""The customer version keeps the assignment, the process before, during and after, and the planned
changes that concern the customer – and nothing of the consultant's reflection, ratings or
follow-ups."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from export_samples import (
    CANDIDATE_ITEM,
    CUSTOMER_ITEM,
    FOLLOW_UP_COMMENT,
    HOSTILE,
    MULTI_LINE,
    REFLECTION,
    full_report,
    sample_map,
    write_and_load,
)
from helpers import FIXTURE_REPORTS
from intervjufas.folder.loading import load_report
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.reading.export.document import (
    Document,
    Entry,
    PlanRow,
    RatingContent,
    TextContent,
    build_document,
    clean,
)
from intervjufas.reading.export.versions import concerns_customer, customer_version, has_process


@pytest.fixture
def full(kartlaggning: Questionnaire, tmp_path: Path) -> Document:
    return build_document(
        write_and_load(tmp_path, full_report(kartlaggning), kartlaggning),
        author="anna",
        process_map=sample_map(),
    )


@pytest.fixture
def customer(full: Document) -> Document:
    return customer_version(full, notes=True)  # (with the answers, which the report's map leaves out)


def test_title_intro_and_the_assignment(customer: Document) -> None:
    assert customer.customer is True
    assert customer.title == "Intervjuprocessen: Lagerarbetare till Nordlager"
    assert customer.intro.startswith("Här beskriver vi hur intervjuprocessen i uppdraget går till")
    assert "förändringar" in customer.intro  # the plan has something for the customer
    assert customer.facts_title == "Om uppdraget"
    assert [(f.label, f.value) for f in customer.facts] == [
        ("Uppdrag", "Lagerarbetare till Nordlager"),
        ("Arbetsgivare", "Nordlager AB"),
        ("Tjänst", "Lagerarbetare"),
        ("Intervjuform", "Telefonintervju, Konventionell intervju"),
        ("Datum", "2026-03-02"),
    ]  # not how the mapping was made, nor the colleague's name


def test_the_process_before_during_and_after_under_the_customer_headings(customer: Document) -> None:
    assert [s.heading for s in customer.sections] == ["Före intervjun", "Under intervjun", "Efter intervjun"]
    assert all(not s.lead for s in customer.sections)  # the leads are questions to the consultant
    shown = [
        (s.heading, b.title, [e.content for e in b.entries]) for s in customer.sections for b in s.blocks
    ]
    assert shown == [
        ("Före intervjun", "Så förbereder vi er inför intervjuerna", [TextContent(MULTI_LINE)]),
        (
            "Före intervjun",
            "Så förbereder vi kandidaterna",
            [TextContent(clean(HOSTILE))],
        ),
        ("Under intervjun", "Så genomförs intervjuerna", [TextContent("Kunden leder intervjun.")]),
        (
            "Efter intervjun",
            "Så följer vi upp efter intervjuerna",
            [TextContent("Återkoppling inom en vecka.")],
        ),
    ]
    assert all(not e.heading for s in customer.sections for e in s.entries)


def test_nothing_of_the_consultant_s_own_is_left(full: Document) -> None:
    customer = customer_version(full)
    text = repr(customer)
    for left_out in (
        REFLECTION,
        FOLLOW_UP_COMMENT,
        "Strukturen varierar.",
        "Vi delar upp kandidaterna.",
        "Anna Berg",
        "Kunden vill prova video.",
        "Tar en timme",
        "Intern anteckning",
        MULTI_LINE,  # the answers too: the report has a map
        "Reflektion",
        "Betyg",
    ):
        assert left_out not in text, left_out
    assert not any(isinstance(e.content, RatingContent) for s in customer.sections for e in s.entries)
    assert customer.follow_ups == () and customer.other == ()
    assert full.follow_ups and full.other  # (they were there to leave out)


def test_ratings_stay_out_even_when_a_question_file_marks_them(full: Document) -> None:
    rating = Entry("x", "Betyg", RatingContent(5, 5), customer_heading="Betyget", rating=True)
    section = full.sections[0]
    marked = replace(
        full,
        sections=(replace(section, blocks=(*section.blocks, replace(section.blocks[0], entries=(rating,)))),),
    )
    assert "Betyget" not in repr(customer_version(marked))


def test_only_planned_changes_that_concern_the_customer(customer: Document) -> None:
    assert customer.plan_title == "Planerade förändringar"
    assert customer.plan_header == ("Del av processen", "Förändring", "Moment", "Varför", "Status")
    assert customer.plan_cells == [("Före intervjun", "Nytt moment", *CUSTOMER_ITEM, "Planerad")]
    assert CANDIDATE_ITEM[0] not in repr(customer)  # (not on the map: whom it involves is not said)


@pytest.mark.parametrize(
    ("moment", "why", "involves", "concerns"),
    [
        ("Checklista till KUNDEN", "", None, True),
        ("Möte", "Arbetsgivaren vill veta mer", None, True),
        ("Tydligare avslut", "Kandidaten ska veta mer", None, False),
        ("Tydligare avslut", "", ("kunden", "kandidaten"), True),
        ("Tydligare avslut", "", ("kandidaten",), True),
        ("Bättre kallelse", "", ("Deltagaren",), True),
        ("Checklista till arbetsgivaren", "", (), False),
        ("Checklista till kunden", "", ("kollegor",), False),  # what the map says wins over the words
    ],
)
def test_what_concerns_the_customer(
    moment: str, why: str, involves: tuple[str, ...] | None, concerns: bool
) -> None:
    assert (
        concerns_customer(PlanRow("Steg 1", "Före", "lagga_till", "Lägga till", moment, why, involves))
        is concerns
    )


def test_the_map_keeps_the_moments_of_the_customer_and_the_candidate(full: Document) -> None:
    customer = customer_version(full)
    assert customer.map_title == "Så går intervjuprocessen till"
    assert customer.process_map is not None
    kept = [
        (p.title, [(m.label, m.involves, m.state, m.note) for m in p.nodes]) for p in customer.process_map
    ]
    assert kept == [
        ("Före intervjun", [("Kravprofil med kunden", (), "kept", "")]),  # the new moment is a change
        ("Under intervjun", [(customer.process_map[1].nodes[0].label, (), "kept", "")]),
        ("Efter intervjun", [("Återkoppling", (), "kept", "")]),
    ]
    assert "Dubbelbokning" not in repr(customer) and "Planering i teamet" not in repr(customer)
    assert customer.process_map[1].nodes[0].label != HOSTILE  # made safe when the document was built
    with_notes = customer_version(full, notes=True).process_map
    assert with_notes is not None and with_notes[0].nodes[0].note == "Tar en timme"


def test_a_map_with_nothing_for_the_customer_is_left_out(full: Document) -> None:
    internal = replace(full, process_map=(replace(sample_map()[0], nodes=sample_map()[0].nodes[2:]),))
    assert customer_version(internal).process_map is None


def test_a_report_with_nothing_marked_has_no_process(full: Document) -> None:
    unmarked = replace(
        full,
        sections=tuple(
            replace(
                s,
                blocks=tuple(
                    replace(b, entries=tuple(replace(e, customer_heading="") for e in b.entries))
                    for b in s.blocks
                ),
            )
            for s in full.sections
        ),
        process_map=None,
        plan=(),
    )
    version = customer_version(unmarked)
    assert not has_process(version)
    assert version.sections == ()
    assert "förändringar" not in version.intro
    assert has_process(customer_version(full))


def test_the_quick_format_has_one_part_with_three_headings() -> None:
    document = build_document(
        load_report(FIXTURE_REPORTS / "2024-03-05-plockare-till-nordlager.md"), author="x"
    )
    version = customer_version(document)
    assert [s.heading for s in version.sections] == ["Intervjuprocessen från start till slut"]
    assert [b.title for b in version.sections[0].blocks] == [
        "Så förbereder vi intervjuerna",
        "Så genomförs intervjuerna",
        "Så följer vi upp efter intervjuerna",
    ]
    assert version.plan == ()  # "Tydligare avslut" does not concern the customer
    assert "Snabb återkoppling." not in repr(version)  # "Det här fungerar bra" is reflection


@pytest.mark.parametrize(
    ("status", "said"),
    [
        (None, "Planerad"),
        ("Genomfört", "Genomförd 2026-12-20"),
        ("Delvis", "Delvis genomförd 2026-12-20"),
        ("Inte än", "Inte genomförd än (2026-12-20)"),
        ("Släpp", "Slopad 2026-12-20"),
    ],
)
def test_an_item_s_status_in_plain_words(status: str | None, said: str) -> None:
    from intervjufas.reading.export.versions import customer_status

    row = PlanRow("Steg 1", "Före", "lagga_till", "Lägga till", "Kund", "", status=status)
    assert customer_status(replace(row, status_date="2026-12-20" if status else "")) == said


@pytest.mark.parametrize(
    ("status", "date", "words"),
    [
        (None, "", None),
        ("Genomfört", "2026-12-20", "*Genomförd 2026-12-20.*"),
        ("Inte än", "2026-12-21", "*Inte genomförd än (2026-12-21).*"),
        ("Släpp", "2026-12-22", "*Slopad 2026-12-22.*"),
    ],
)
def test_the_customer_text_says_a_followed_up_change_s_status(
    status: str | None, date: str, words: str | None
) -> None:
    """The Markdown customer text (shown, edited and kept) words the status as the table does;
    a change nobody has followed up yet is simply planned, and says nothing more."""
    from intervjufas.reading.export.customer_markdown import change_text
    from intervjufas.reading.export.versions import customer_status

    row = PlanRow(
        "Steg 1",
        "Före intervjun",
        "utveckla",
        "Utveckla",
        "Kallelse",
        "Tydligare",
        status=status,
        status_date=date,
    )
    row = replace(row, status_label=customer_status(row))
    text = change_text(row)
    assert text.startswith("- **Kallelse** – ")
    if words is None:
        assert text.endswith("Tydligare.")
    else:
        assert text.endswith(f"Tydligare. {words}")
