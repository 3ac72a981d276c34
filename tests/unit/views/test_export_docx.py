"""The Word export, reopened with python-docx: Word's own Title and Heading styles at the right levels,
every answer with its line breaks, the plan and the map as real tables with a repeating header
row, the document properties, A4 and Swedish."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from docx.table import _Cell

from export_samples import (
    CUSTOMER_ITEM,
    FOLLOW_UP_COMMENT,
    HOSTILE,
    MULTI_LINE,
    REFLECTION,
    big_map,
    expected_outline,
    expected_paragraphs,
    full_report,
    sample_map,
    write_and_load,
)
from helpers import FIXTURE_REPORTS
from intervjufas.folder.loading import load_report
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.reading.export.document import Document, build_document, clean
from intervjufas.reading.export.versions import customer_version
from intervjufas.views.export_docx import MERGE_ROWS, export_docx

LEVELS = {"Title": 0, "Heading 1": 1, "Heading 2": 2, "Heading 3": 3}


def reopen(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def outline(doc: Any) -> list[tuple[int, str]]:
    return [(LEVELS[p.style.name], p.text) for p in doc.paragraphs if p.style.name in LEVELS]


def body(doc: Any) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name not in LEVELS]


def cells(table: Any) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def repeats_header(table: Any) -> bool:
    properties = table.rows[0]._tr.trPr
    return properties is not None and properties.find(qn("w:tblHeader")) is not None


@pytest.fixture
def full(kartlaggning: Questionnaire, tmp_path: Path) -> Document:
    loaded = write_and_load(tmp_path, full_report(kartlaggning), kartlaggning)
    return build_document(loaded, author="Anna Berg", process_map=sample_map())


def test_headings_use_word_s_own_styles_at_their_levels(full: Document) -> None:
    doc = reopen(export_docx(full))
    assert outline(doc) == expected_outline(full)
    assert doc.paragraphs[0].style.name == "Title"
    assert sum(1 for p in doc.paragraphs if p.style.name == "Title") == 1
    steps = [p for p in doc.paragraphs if p.style.name == "Heading 1" and p.text.startswith("Steg ")]
    assert len(steps) == 3 and all(p.paragraph_format.page_break_before for p in steps)


def test_every_answer_is_there_with_its_line_breaks(full: Document) -> None:
    doc = reopen(export_docx(full))
    shown = body(doc)
    for paragraph in expected_paragraphs(full):
        assert paragraph in shown, paragraph
    first, second = MULTI_LINE.split("\n\n")
    index = shown.index(first)
    assert shown[index + 1] == second
    breaks = doc.paragraphs[[p.text for p in doc.paragraphs].index(first)]._p.xpath(".//w:br")
    assert len(breaks) == 1  # a real Word line break, not a new paragraph
    assert clean(HOSTILE) in shown
    chosen = next(p for p in doc.paragraphs if p.text == "Delvis")
    assert all(run.bold for run in chosen.runs)
    items = [p for p in doc.paragraphs if p.style.name == "List Bullet"]
    item = next(p for p in items if p.text.startswith(CUSTOMER_ITEM[0]))
    assert item.text == "\nVarför: ".join(CUSTOMER_ITEM) and item.runs[0].bold


def test_the_details_plan_and_map_are_real_tables(full: Document) -> None:
    doc = reopen(export_docx(full))
    facts, process_map, plan = doc.tables  # the map stands before the steps, the plan after them
    assert cells(facts) == [[f.label, f.value] for f in full.facts]
    assert not repeats_header(facts)
    assert cells(plan) == [list(full.plan_header), *(list(row) for row in full.plan_cells)]
    assert repeats_header(plan) and all(
        run.bold for cell in plan.rows[0].cells for run in cell.paragraphs[0].runs
    )
    assert cells(process_map)[0] == ["Fas", "Moment", "Förändring", "Berör", "Notering"]
    assert cells(process_map)[1] == ["Före intervjun", "Kravprofil med kunden", "", "kunden", "Tar en timme"]
    assert cells(process_map)[2][2] == "Nytt"
    # a phase's cell spans its moments (three before the interview, then two, then one)
    assert process_map.cell(1, 0)._tc is process_map.cell(3, 0)._tc is not process_map.cell(4, 0)._tc
    assert (
        process_map.cell(4, 0).text == "Under intervjun" and process_map.cell(6, 0).text == "Efter intervjun"
    )
    assert len(process_map.rows) == 1 + sum(len(p.nodes) for p in full.process_map or ())


def test_document_properties_page_and_language(full: Document) -> None:
    doc = reopen(export_docx(full))
    properties = doc.core_properties
    assert properties.title == full.title
    assert properties.author == properties.last_modified_by == "Anna Berg"
    assert properties.created == dt.datetime(2026, 3, 2, 8, 15, tzinfo=dt.UTC)  # 09:15 +01:00
    assert properties.modified == dt.datetime(2026, 3, 4, 15, 40, tzinfo=dt.UTC)
    assert properties.language == "sv-SE"
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # A4
    language = doc.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    assert language.get(qn("w:val")) == "sv-SE"


def test_long_properties_are_cut_to_what_word_keeps(full: Document) -> None:
    from dataclasses import replace

    long = replace(full, title="Uppdrag " * 60, author="x" * 300)
    properties = reopen(export_docx(long)).core_properties
    assert len(properties.title) == 255 and len(properties.author) == 255


def test_the_customer_version_leaves_out_what_is_not_for_the_employer(full: Document) -> None:
    customer = customer_version(full)
    doc = reopen(export_docx(customer))
    assert outline(doc) == expected_outline(customer)
    text = "\n".join(body(doc) + [c for t in doc.tables for row in cells(t) for c in row])
    shown = body(doc)
    for paragraph in expected_paragraphs(customer):
        assert paragraph in shown
    for left_out in (
        REFLECTION,
        FOLLOW_UP_COMMENT,
        "Strukturen varierar.",
        "4 av 5",
        "Anna Berg",
        "Tar en timme",
    ):
        assert left_out not in text, left_out
    _, process_map, plan = doc.tables
    assert cells(plan) == [
        ["Del av processen", "Förändring", "Moment", "Varför", "Status"],
        ["Före intervjun", "Nytt moment", *CUSTOMER_ITEM, "Planerad"],
    ]
    assert cells(process_map)[0] == ["Del av processen", "Moment"]  # no changes, no Berör, no notes
    assert all(len(row) == 2 for row in cells(process_map))
    with_notes = reopen(export_docx(customer_version(full, notes=True))).tables[1]
    assert cells(with_notes)[0] == ["Del av processen", "Moment", "Kommentar"]
    assert ["Före intervjun", "Kravprofil med kunden", "Tar en timme"] in cells(with_notes)
    assert not any(p.paragraph_format.page_break_before for p in doc.paragraphs)
    assert doc.core_properties.title == customer.title


def test_progress_is_told_every_part(full: Document) -> None:
    told: list[str] = []
    export_docx(full, told.append)
    assert told == [full.facts_title, *(s.heading for s in full.sections), full.plan_title]


@pytest.mark.parametrize(
    "name", sorted(p.name for p in FIXTURE_REPORTS.glob("*.md") if "trasig" not in p.name)
)
@pytest.mark.parametrize("customer", [False, True], ids=["hel", "kundversion"])
def test_every_fixture_report_exports_to_a_word_document(name: str, customer: bool) -> None:
    document = build_document(load_report(FIXTURE_REPORTS / name), author="x")
    if customer:
        document = customer_version(document)
    doc = reopen(export_docx(document))
    assert outline(doc) == expected_outline(document)
    shown = body(doc)
    assert all(p in shown for p in expected_paragraphs(document))


@pytest.mark.parametrize("count", [600, 2000, 5000])
def test_a_phase_of_thousands_of_moments_is_one_whole_table(
    kartlaggning: Questionnaire, tmp_path: Path, count: int
) -> None:
    """No recursion however long a phase is: the phase's cell is merged down at most MERGE_ROWS
    rows at a time (named again, "(forts.)", on the next), and every moment has its row."""
    loaded = write_and_load(tmp_path, full_report(kartlaggning), kartlaggning)
    document = build_document(loaded, author="Anna Berg", process_map=big_map(count))
    doc = reopen(export_docx(document))
    table = doc.tables[1]
    rows = list(table.rows)  # python-docx makes the list anew for every index
    assert len(rows) == 1 + count + 1
    before = document.process_map[0].nodes if document.process_map else ()
    for number, (row, moment) in enumerate(zip(rows[1 : count + 1], before, strict=True)):
        first, *others = row._tr.tc_lst  # the cells as written (python-docx's row.cells climbs merges)
        assert [_Cell(tc, table).text for tc in others] == [moment.label, "", moment.involves[0], moment.note]
        if number % MERGE_ROWS == 0:
            title = "Före intervjun" if number == 0 else "Före intervjun (forts.)"
            assert first.vMerge == "restart" and _Cell(first, table).text == title
        else:
            assert first.vMerge == "continue" and _Cell(first, table).text == ""
    # python-docx itself reads the merged cells as one: each part of the phase shows its title
    for number in (1, MERGE_ROWS, MERGE_ROWS + 1, count):
        title = "Före intervjun" if number <= MERGE_ROWS else "Före intervjun (forts.)"
        assert rows[number].cells[0].text == title
    assert [cell.text for cell in rows[-1].cells] == ["Under intervjun", "Intervju", "Nytt", "kandidaten", ""]
    assert rows[-1]._tr.tc_lst[0].vMerge is None
    customer = reopen(export_docx(customer_version(document)))
    assert all(len(row.cells) == 5 for row in customer.tables[1].rows)  # (the plan, with its status)
