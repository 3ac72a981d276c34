"""The program's own CSV format for survey answers: one row per answer or one column per item,
written and read back exactly (hypothesis), and no bytes at all that make the importer fail with
anything but one Swedish line."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feedback_samples import fixture, form_for
from intervjufas.errors import IntervjufasError
from intervjufas.reading.feedback.csv_import import SIMPLE_COLUMNS, SIMPLE_ROWS, FeedbackImport, read_feedback
from intervjufas.reading.feedback.csv_source import encoded_twice
from intervjufas.reading.feedback.forms import SCALE, Form
from intervjufas.reading.feedback.problems import Problem
from intervjufas.reading.feedback.simple_format import is_long, write_columns, write_long
from intervjufas.reading.feedback.values import Cell, Response, cell_value

FORM = form_for("kandidat")


def read(text: str, form: Form = FORM, encoding: str = "utf-8") -> FeedbackImport:
    return read_feedback(text.encode(encoding), "svar.csv", form)


def test_one_row_per_answer_grouped_by_respondent() -> None:
    result = read_feedback(fixture("enkelt_rader.csv"), "enkelt_rader.csv", FORM)
    assert (result.source, result.problems) == (SIMPLE_ROWS, ())
    assert [r.answers for r in result.responses] == [
        (
            ("fore_betyg", 4),
            ("fore_moment.inf0rm01", 5),
            ("helhet_betyg", 4),
            ("fritext", "Bra samtal, tydliga frågor."),
        ),
        (("fore_betyg", 3), ("helhet_betyg", 3)),
        (("fore_betyg", 5), ("under_betyg", 5), ("helhet_betyg", 5), ("fritext", "Kort och bra.")),
    ]


def test_without_a_respondent_column_an_id_that_comes_again_starts_the_next() -> None:
    result = read("fraga_id;svar\nfore_betyg;4\nhelhet_betyg;5\nfore_betyg;2\nfritext;Bra\nfore_betyg;3\n")
    assert [r.answers for r in result.responses] == [
        (("fore_betyg", 4), ("helhet_betyg", 5)),
        (("fore_betyg", 2), ("fritext", "Bra")),
        (("fore_betyg", 3),),
    ]


def test_the_columns_may_come_in_any_order_and_spelling() -> None:
    result = read("Svar,Fråga_ID,Svarande\n4,fore_betyg,a\n5,FORE_BETYG,b\n3,helhet_betyg,a\n")
    assert [r.answers for r in result.responses] == [
        (("fore_betyg", 4), ("helhet_betyg", 3)),
        (("fore_betyg", 5),),
    ]


def test_an_unknown_id_and_a_second_answer_are_errors_with_their_row() -> None:
    result = read(
        "svarande,fraga_id,svar\n1,fore_betyget,4\n1,helhet_betyg,4\n1,helhet_betyg,5\n1,under_betyg,8\n"
    )
    assert result.lines() == [
        "svar.csv, rad 2, kolumn B ('fraga_id'): okänt fråge-id 'fore_betyget' (enkätens id är t.ex. "
        "fore_betyg, fore_moment.inf0rm01, fore_moment.pam00001).",
        "svar.csv, rad 4, kolumn B ('fraga_id'): svarande '1' har redan ett svar på 'helhet_betyg'.",
        "svar.csv, rad 5, kolumn C ('svar'): 8 ligger utanför skalan 1–5.",
    ]


def test_a_key_written_by_the_program_is_read_back() -> None:
    written = write_long([Response((("fore_betyg", 4),), "abc123"), Response((("fore_betyg", 2),))])
    assert written.splitlines()[0] == "svarande,fraga_id,svar,nyckel"
    assert [r.key for r in read(written).responses] == ["abc123", ""]


def test_a_text_that_a_spreadsheet_would_run_is_written_after_an_apostrophe() -> None:
    answers = [Response((("fritext", '=HYPERLINK("x")'),)), Response((("fritext", "'citerad'"),))]
    written = write_long(answers)
    assert "'=HYPERLINK" in written and "''citerad'" in written
    assert [r.answers for r in read(written).responses] == [r.answers for r in answers]


def test_the_empty_sheet_to_fill_in_by_hand_names_every_item() -> None:
    sheet = write_columns(FORM)
    assert sheet == ",".join(item.id for item in FORM.items()) + "\r\n"
    assert is_long(["fraga_id", "svar"]) and not is_long(sheet.strip().split(","))
    assert read(sheet + "4,,,,,,,,,Bra\r\n").source == SIMPLE_COLUMNS


# -- round trips ----------------------------------------------------------------------------------

_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\n\t;,\"'=+-@"),
    min_size=1,
    max_size=40,
)


def _kept(item_kind: str, value: int | str) -> bool:
    """Whether the importer keeps a value as it is (a free text as tidied, with something in it)."""
    if item_kind == SCALE:
        return True
    item = FORM.item("fritext")
    assert item is not None and isinstance(value, str)
    found: list[Problem] = []
    return cell_value(item, value, Cell(2, 1), found) == value and not found and not encoded_twice(value)


@st.composite
def responses(draw: st.DrawFn) -> list[Response]:
    made = []
    for _ in range(draw(st.integers(1, 6))):
        answers = []
        for item in FORM.items():
            if not draw(st.booleans()):
                continue
            value: int | str = draw(st.integers(1, 5)) if item.kind == SCALE else draw(_TEXT)
            if _kept(item.kind, value):
                answers.append((item.id, value))
        if answers:
            made.append(Response(tuple(answers)))
    return made


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(responses(), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
def test_one_row_per_answer_reads_back_what_was_written(made: list[Response], encoding: str) -> None:
    text = write_long(made)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    if encoding == "cp1252" and _valid_utf8(data):
        data = text.encode("utf-8")  # (Windows-1252 bytes that are also UTF-8 are read as UTF-8)
    result = read_feedback(data, "svar.csv", FORM)
    assert result.problems == ()
    assert [r.answers for r in result.responses] == [r.answers for r in made]


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(responses(), st.sampled_from([",", ";", "\t"]))
def test_one_column_per_item_reads_back_what_was_written(made: list[Response], delimiter: str) -> None:
    text = write_columns(FORM, made)
    if delimiter != ",":
        import csv
        import io

        rows = list(csv.reader(io.StringIO(text, newline="")))
        out = io.StringIO()
        csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
        text = out.getvalue()
    result = read(text)
    assert result.errors == ()
    assert [r.answers for r in result.responses] == [r.answers for r in made]


# -- any bytes ------------------------------------------------------------------------------------

_CSV_BITS = st.sampled_from(
    ["fore_betyg", "fraga_id", "svar", "svarande", "fritext", "ID", "Name", "Timestamp", "sep=;", '"', '""',
     ",", ";", "\t", "\n", "\r\n", "\r", "4", "9", "-", "Mycket bra", "a@b.se", "070-123 45 67", "\x00", "Ã¤",
     "Information om intervjun", "Hur upplevde du själva intervjun?"]
)  # fmt: skip


def _never_fails_otherwise(data: bytes) -> None:
    try:
        result = read_feedback(data, "svar.csv", FORM)
    except IntervjufasError as error:
        assert error.message.startswith("svar.csv") and "\n" not in error.message
        return
    assert all("\n" not in line and line.startswith("svar.csv") for line in result.lines())
    for response in result.responses:
        assert response.answers
        for item_id, value in response.answers:
            item = FORM.item(item_id)
            assert item is not None
            assert isinstance(value, int) if item.kind == SCALE else isinstance(value, str)


@given(st.binary(max_size=600))
def test_no_bytes_make_the_importer_fail_otherwise(data: bytes) -> None:
    _never_fails_otherwise(data)


@given(
    st.lists(_CSV_BITS, max_size=60).map("".join),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"]),
)
def test_no_csv_like_text_makes_the_importer_fail_otherwise(text: str, encoding: str) -> None:
    _never_fails_otherwise(
        text.encode(encoding, errors="replace") if encoding != "utf-16-le" else codecs.encode(text, encoding)
    )


def test_a_bom_of_every_kind_is_read() -> None:
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
                       (codecs.BOM_UTF32_LE, "utf-32-le")):  # fmt: skip
        result = read_feedback(bom + "fore_betyg\n4\n".encode(codec), "svar.csv", FORM)
        assert [r.answers for r in result.responses] == [(("fore_betyg", 4),)], codec


@pytest.mark.parametrize("value", ["", " ", "-", "–", "Vet ej", "ej aktuellt", "N/A"])
def test_what_a_tool_writes_for_no_answer_is_no_answer(value: str) -> None:
    assert read(f'fore_betyg,fritext\n"{value}","{value}"\n5,\n').responses[0].answers == (("fore_betyg", 5),)
