"""Survey answers read from CSV: Microsoft Forms and Google Forms exports in the shapes they (and
Excel after them) write, mapped to the form's items; names and contact details never kept; every
bad file one clear Swedish line, every bad cell one line with its row and column."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from feedback_samples import CANDIDATE_ITEMS, FIXTURES, fixture, form_for
from intervjufas.errors import IntervjufasError
from intervjufas.model.answers import Moment
from intervjufas.reading.feedback.columns import PERSONAL, TOOL, normalize
from intervjufas.reading.feedback.csv_import import (
    GOOGLE,
    MICROSOFT,
    SIMPLE_COLUMNS,
    FeedbackImport,
    read_feedback,
    read_feedback_file,
)
from intervjufas.reading.feedback.csv_source import FILE_LIMIT, MAX_ROWS
from intervjufas.reading.feedback.forms import Form
from intervjufas.reading.feedback.problems import MAX_PROBLEMS, column_letter
from intervjufas.reading.feedback.values import REMOVED

FORE = "Hur upplevde du tiden före intervjun – inbjudan, information och förberedelser?"
WHOLE = "Hur upplevde du rekryteringsprocessen som helhet?"


@pytest.fixture(scope="module")
def form() -> Form:
    return form_for("kandidat")


def imported(form: Form, name: str) -> FeedbackImport:
    return read_feedback(fixture(name), name, form)


def refused(form: Form, data: bytes, name: str = "svar.csv") -> str:
    with pytest.raises(IntervjufasError) as raised:
        read_feedback(data, name, form)
    message = raised.value.message
    assert "\n" not in message and message.startswith(name)
    return message


def as_table(result: FeedbackImport) -> list[list[object]]:
    """Each response's answers in the order of ``CANDIDATE_ITEMS`` (None: not answered)."""
    return [[response.get(item) for item in CANDIDATE_ITEMS] for response in result.responses]


def test_a_microsoft_forms_export_saved_as_csv_utf8(form: Form) -> None:
    result = imported(form, "microsoft_forms.csv")
    assert (result.source, result.encoding, result.delimiter) == (MICROSOFT, "UTF-8 med BOM", "komma")
    assert result.problems == ()
    # fmt: off
    assert as_table(result) == [
        [4, 5, 4, 5, 4, 3, 3, 4, 5, "Tydlig information om vart jag skulle gå."],
        [3, 3, None, 4, 5, 2, 2, 3, 4, "Återkopplingen dröjde, jag fick vänta en vecka."],
        [5, 5, 5, 5, None, 4, 4, 5, 5, None],
        [2, 3, 4, 4, 3, 1, 1, 2, 3, "Bra intervju, men jag hörde aldrig av er efteråt.\nSkulle gärna fått ett besked."],
        [4, 4, 4, 3, 4, 3, 4, 4, 4, None],
    ]
    # fmt: on
    assert set(result.dropped(TOOL)) == {"ID", "Start time", "Completion time", "Last modified time"}
    assert set(result.dropped(PERSONAL)) == {"Email", "Name"}
    assert len({response.key for response in result.responses}) == 5


def test_a_microsoft_forms_export_from_a_swedish_excel(form: Form) -> None:
    result = imported(form, "microsoft_forms_semikolon.csv")
    assert (result.source, result.encoding, result.delimiter) == (MICROSOFT, "Windows-1252", "semikolon")
    assert result.problems == ()
    # fmt: off
    assert as_table(result) == [
        [5, 5, 4, 5, 4, 3, 3, 4, 5, "Trevligt bemötande på plats."],  # "Mycket bra" is 5
        [3, 3, None, 4, 5, 2, 2, 3, 4, None],  # "3 – Godtagbart" is 3
        [4, None, 5, 5, None, 4, 4, 5, 5, "Lite rörigt kring tiden; jag fick två olika tider."],  # "-", "Mycket väl"
    ]
    # fmt: on


def test_a_google_forms_export_with_a_grid_of_moments(form: Form) -> None:
    result = imported(form, "google_forms.csv")
    assert (result.source, result.encoding, result.delimiter) == (GOOGLE, "UTF-8", "komma")
    assert as_table(result)[0] == [4, 5, 4, 5, 4, 3, 3, 4, 5, "Bra, tydligt och trevligt."]
    assert [row[1:3] for row in as_table(result)] == [[5, 4], [3, None], [5, 5], [3, 4]]


def test_personal_data_in_free_text_is_replaced_with_a_warning_for_each(form: Form) -> None:
    result = imported(form, "google_forms.csv")
    assert result.errors == ()
    assert result.lines() == [
        f"google_forms.csv, rad 3, kolumn L ('Vill du berätta något mer? Vad var bra,…'): svaret innehåller "
        f"det som ser ut som ett telefonnummer (***-*** 45 67). Det sparas inte: det byts mot '{REMOVED}'.",
        f"google_forms.csv, rad 5, kolumn L ('Vill du berätta något mer? Vad var bra,…'): svaret innehåller "
        f"det som ser ut som en e-postadress (k***@example.com). Det sparas inte: det byts mot '{REMOVED}'.",
    ]
    texts = [response.get("fritext") for response in result.responses]
    assert texts[1] == f"Jag fick vänta länge på besked, ring gärna {REMOVED} om ni vill veta mer."
    assert texts[3] == f"Skriv till mig på {REMOVED} så berättar jag mer."
    assert "070" not in repr(result.responses) and "example.com" not in repr(result.responses)


def test_excel_unicode_text_is_utf16_with_tabs(form: Form) -> None:
    result = imported(form, "google_forms_unicode.txt")
    assert (result.source, result.encoding, result.delimiter) == (GOOGLE, "UTF-16", "tabb")
    assert [r.get("fore_moment.inf0rm01") for r in result.responses] == [5, None, 4]
    assert [r.get("fritext") for r in result.responses] == ["Allt fungerade.", None, "Tack!"]


def test_utf16_without_a_byte_order_mark(form: Form) -> None:
    text = f"{FORE}\t{WHOLE}\r\n4\t5\r\n"
    for codec in ("utf-16-le", "utf-16-be"):
        result = read_feedback(text.encode(codec), "svar.txt", form)
        assert (result.encoding, [r.answers for r in result.responses]) == (
            "UTF-16",
            [(("fore_betyg", 4), ("helhet_betyg", 5))],
        )


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
def test_semicolons_as_a_swedish_excel_writes_them(form: Form, bom: bytes) -> None:
    text = f'ID;Starttid;"{FORE}";{WHOLE}\r\n1;2024-05-03;4;5\r\n2;2024-05-04;"3";\r\n'
    result = read_feedback(bom + text.encode("utf-8"), "svar.csv", form)
    assert result.delimiter == "semikolon" and result.problems == ()
    assert [r.answers for r in result.responses] == [
        (("fore_betyg", 4), ("helhet_betyg", 5)),
        (("fore_betyg", 3),),
    ]


def test_a_heading_with_commas_does_not_fool_the_separator(form: Form) -> None:
    text = "Vad, tycker, du, om, det, här;Hur upplevde du själva intervjun?\n;4\n"
    result = read_feedback(text.encode(), "svar.csv", form)
    assert result.delimiter == "semikolon"
    assert [r.answers for r in result.responses] == [(("under_betyg", 4),)]


def test_the_simple_format_one_column_per_item_with_a_sep_line(form: Form) -> None:
    result = imported(form, "enkelt_kolumner.csv")
    assert (result.source, result.encoding, result.delimiter) == (SIMPLE_COLUMNS, "Windows-1252", "semikolon")
    assert [r.get("bemotande") for r in result.responses] == [5, 4, 5]
    assert result.responses[2].get("fritext") == "Återkopplingen kom snabbt."


@pytest.mark.parametrize(
    "heading",
    [
        "fore_moment.inf0rm01",
        "FORE_MOMENT.INF0RM01",
        "Hur upplevde du de här delarna inför intervjun? [Information om intervjun]",
        "Hur upplevde du de här delarna inför intervjun?.Information om intervjun",
        "Hur upplevde du de här delarna inför intervjun? - Information om intervjun",
        "information om intervjun",
        "  Information   om intervjun ",
    ],
)
def test_a_moment_column_is_found_by_id_or_text(form: Form, heading: str) -> None:
    result = read_feedback(f'"{heading}"\n4\n'.encode(), "svar.csv", form)
    assert [r.answers for r in result.responses] == [(("fore_moment.inf0rm01", 4),)]


@pytest.mark.parametrize(
    "heading",
    [
        FORE,
        FORE.upper(),
        FORE.replace("?", "").replace("–", "-"),
        f"  {FORE.replace(' ', '   ')}",
        f"1. {FORE}",
        "fore_betyg",
        "Hur upplevde du tiden fore intervjun inbjudan information och forberedelser",
    ],
)
def test_a_question_column_is_found_despite_case_spacing_punctuation_and_numbering(
    form: Form, heading: str
) -> None:
    result = read_feedback(f'"{heading}"\n2\n'.encode(), "svar.csv", form)
    assert [r.answers for r in result.responses] == [(("fore_betyg", 2),)]


def test_extra_columns_each_give_one_warning_and_are_not_read(form: Form) -> None:
    result = imported(form, "extra_kolumner.csv")
    assert result.errors == ()
    assert result.lines() == [
        "extra_kolumner.csv, rad 1, kolumn D ('Email'): kolumnen innehåller namn eller kontaktuppgifter; den "
        "läses inte och sparas inte. Ställ in enkäten så att den inte samlar in namn nästa gång.",
        "extra_kolumner.csv, rad 1, kolumn E ('Name'): kolumnen innehåller namn eller kontaktuppgifter; den "
        "läses inte och sparas inte. Ställ in enkäten så att den inte samlar in namn nästa gång.",
        "extra_kolumner.csv, rad 1, kolumn G ('Vilken avdelning söker du till?'): kolumnen hör inte till "
        "enkäten och läses inte.",
        "extra_kolumner.csv, rad 1, kolumn I ('Hur upplevde du intervjun?'): kolumnen hör inte till enkäten "
        "och läses inte – menade du 'Hur upplevde du själva intervjun?'?",
        "extra_kolumner.csv, rad 1, kolumn J: kolumnen har ingen rubrik; det som står i den läses inte.",
    ]
    assert [r.answers for r in result.responses] == [
        (("fore_betyg", 4), ("helhet_betyg", 4)),
        (("fore_betyg", 3), ("helhet_betyg", 3)),
        (("fore_betyg", 5), ("helhet_betyg", 5)),
    ]
    kept = repr(result.responses)
    assert "Anna" not in kept and "Svensson" not in kept and "example.com" not in kept and "Lager" not in kept


def test_values_off_the_scale_are_errors_with_their_row_and_column(form: Form) -> None:
    result = imported(form, "utanfor_skalan.csv")
    fore, whole = (
        "('Hur upplevde du tiden före intervjun –…')",
        "('Hur upplevde du rekryteringsprocessen s…')",
    )
    assert result.lines() == [
        f"utanfor_skalan.csv, rad 2, kolumn B {fore}: 7 ligger utanför skalan 1–5.",
        f"utanfor_skalan.csv, rad 2, kolumn D {whole}: 'bra' är ingen siffra mellan 1 och 5.",
        f"utanfor_skalan.csv, rad 3, kolumn B {fore}: 0 ligger utanför skalan 1–5.",
        f"utanfor_skalan.csv, rad 3, kolumn D {whole}: '4,5' är ingen siffra mellan 1 och 5.",
    ]
    assert len(result.errors) == 4


def test_personal_data_in_a_rating_is_not_repeated_in_the_message(form: Form) -> None:
    result = read_feedback(b"fore_betyg\n070-123 45 67\n", "svar.csv", form)
    assert result.lines() == [
        "svar.csv, rad 2, kolumn A ('fore_betyg'): värdet innehåller det som ser ut som ett telefonnummer "
        "(***-*** 45 67). Det är ingen siffra mellan 1 och 5."
    ]


def test_rows_are_counted_as_a_spreadsheet_shows_them(form: Form) -> None:
    text = f'fritext,{WHOLE}\n"två\nrader",4\n,,\n"tre\nrader\nhär",9\n'
    result = read_feedback(text.encode(), "svar.csv", form)
    assert [(p.row, p.column) for p in result.errors] == [(4, 2)]


def test_two_columns_for_one_item_are_an_error(form: Form) -> None:
    text = f'fore_betyg,"{FORE}",{WHOLE}\n3,4,5\n'
    result = read_feedback(text.encode(), "svar.csv", form)
    assert result.lines() == [
        "svar.csv, rad 1, kolumn B ('Hur upplevde du tiden före intervjun –…'): kolumnerna A och B gäller "
        "båda frågan 'fore_betyg'; ta bort den ena."
    ]
    assert [r.answers for r in result.responses] == [(("fore_betyg", 3), ("helhet_betyg", 5))]


def test_a_moment_named_alike_in_two_phases_needs_its_question_or_id() -> None:
    call = Moment("Telefonsamtal", ("kandidaten",), id="samtal01")
    again = Moment("Telefonsamtal", ("kandidaten",), id="samtal02")
    form = form_for("kandidat", {"fore": (call,), "efter": (again,)})
    result = read_feedback(b"Telefonsamtal,fore_betyg\n4,5\n", "svar.csv", form)
    said = (
        "svar.csv, rad 1, kolumn A ('Telefonsamtal'): rubriken passar flera frågor (fore_moment.samtal01, "
        "efter_moment.samtal02); skriv frågans id som rubrik."
    )
    assert result.lines() == [said]
    assert refused(form, b"Telefonsamtal\n4\n") == said
    grid = "Hur upplevde du de här delarna efter intervjun? [Telefonsamtal]"
    assert [r.answers for r in read_feedback(f'"{grid}"\n4\n'.encode(), "svar.csv", form).responses] == [
        (("efter_moment.samtal02", 4),)
    ]


def test_problems_are_counted_past_the_first_fifty(form: Form) -> None:
    text = "fore_betyg\n" + "9\n" * 80
    result = read_feedback(text.encode(), "svar.csv", form)
    lines = result.lines()
    assert len(lines) == MAX_PROBLEMS + 1
    assert lines[-1] == f"svar.csv: och 30 problem till (de första {MAX_PROBLEMS} visas)."


def test_a_value_beside_the_header_is_a_warning(form: Form) -> None:
    result = read_feedback(b"fore_betyg\n4,5\n", "svar.csv", form)
    assert result.lines() == [
        "svar.csv, rad 2: raden har ett värde i kolumn B, som saknar rubrik; det läses inte."
    ]
    assert [r.answers for r in result.responses] == [(("fore_betyg", 4),)]


def test_a_hundred_thousand_rows_is_one_line(form: Form) -> None:
    data = b"fore_betyg,fritext\n" + b"4,Bra och tydligt\n" * 100_000
    message = refused(form, data, "stor.csv")
    assert message == (
        f"stor.csv har fler än {MAX_ROWS:,} svarsrader; en enkät i ett uppdrag har sällan fler än några hundra – "
        "kontrollera att det är rätt fil, eller dela upp den.".replace(",", " ", 1)
    )


def test_a_file_over_the_size_limit_is_one_line(form: Form) -> None:
    assert (
        refused(form, b"a" * (FILE_LIMIT + 1))
        == "svar.csv är större än 16 MB; en enkäts svar är mycket mindre."
    )


def test_a_file_too_large_on_disk_is_refused_before_it_is_read(form: Form, tmp_path: Path) -> None:
    path = tmp_path / "stor.csv"
    with path.open("wb") as handle:
        handle.truncate(FILE_LIMIT + 10)
    with pytest.raises(IntervjufasError, match="filen är större än 16 MB"):
        read_feedback_file(path, form)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(form: Form, tmp_path: Path) -> None:
    path = tmp_path / "svar.csv"
    os.mkfifo(path)
    with pytest.raises(IntervjufasError) as raised:
        read_feedback_file(path, form)
    assert raised.value.message == f"Kan inte läsa svarsfilen {path}: det är ingen vanlig fil."


def test_a_file_is_read_from_disk(form: Form) -> None:
    result = read_feedback_file(FIXTURES / "microsoft_forms.csv", form)
    assert len(result.responses) == 5 and result.file.endswith("microsoft_forms.csv")


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (
            b"PK\x03\x04\x14\x00\x06\x00",
            "svar.csv är en Excel-arbetsbok (.xlsx) eller ett zip-arkiv, inte CSV",
        ),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "svar.csv är en äldre Excel-arbetsbok (.xls), inte CSV"),
        (b"%PDF-1.7\n", "svar.csv är en PDF-fil, inte CSV"),
        (
            b"fore_betyg\n\x00\x01\x02\x03\x00\x00\x00\x00",
            "svar.csv innehåller nolltecken och är ingen textfil",
        ),
        (
            b"fore_betyg\n\x81\x8d\x8f\x90\x9d\n",
            "svar.csv, rad 2: filen går inte att läsa som Windows-1252 (byte 12)",
        ),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "svar.csv, rad 1: filen går inte att läsa som UTF-16 (byte 3)"),
        (b"", "svar.csv är tom: den har ingen rubrikrad med frågorna."),
        (b"sep=;\r\n", "svar.csv är tom: den har ingen rubrikrad med frågorna."),
        (b" , ,\n4,5\n", "svar.csv, rad 1: rubrikraden är tom; den ska ha en kolumn per fråga."),
        (b"Namn,E-post\nAnna,anna@example.com\n", "svar.csv: ingen kolumn hör till enkäten 'Hur upplevde du"),
        (b'fore_betyg\n"' + b"x" * 200_000 + b'"\n', "svar.csv, rad 2: en cell är längre än 131 072 tecken"),
        (
            b",".join([b"a"] * 1001) + b"\n",
            "svar.csv, rad 1: raden har fler än 1000 kolumner; högst 1000 läses.",
        ),
    ],
)
def test_a_bad_file_is_one_clear_line(form: Form, data: bytes, said: str) -> None:
    assert refused(form, data).startswith(said)


@pytest.mark.parametrize(
    "data",
    [
        b"," * 5_000_000,  # millions of empty cells in the header
        b"fore_betyg\n" + (b"," * 3_000 + b'"\n"') * 200,  # one record over many lines, kept open by quotes
    ],
    ids=["header", "record-over-lines"],
)
def test_a_record_of_countless_cells_is_refused_before_it_is_built(form: Form, data: bytes) -> None:
    assert refused(form, data).endswith("raden har fler än 1000 kolumner; högst 1000 läses.")


def test_text_converted_to_utf8_twice_is_one_line(form: Form) -> None:
    message = refused(form, fixture("dubbelkodad.csv"), "dubbelkodad.csv")
    assert message == (
        "dubbelkodad.csv, rad 1: texten har kodats om två gånger ('Ã¶' där det ska stå 'ö'); hämta svaren på "
        "nytt ur enkätverktyget."
    )


def test_the_same_response_has_the_same_key_in_two_exports(form: Form) -> None:
    first = imported(form, "microsoft_forms.csv")
    again = imported(form, "extra_kolumner.csv")  # (responses 1–3 of the same form, other columns)
    assert [r.key for r in again.responses] == [r.key for r in first.responses[:3]]
    assert all(len(r.key) == 16 and set(r.key) <= set("0123456789abcdef") for r in first.responses)


def test_no_key_without_a_response_number_or_time(form: Form) -> None:
    assert {r.key for r in imported(form, "enkelt_kolumner.csv").responses} == {""}


def test_column_letters_go_on_past_z() -> None:
    assert [column_letter(n) for n in (1, 26, 27, 52, 53, 702, 703)] == [
        "A",
        "Z",
        "AA",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
    ]


def test_headings_compare_without_case_accents_punctuation_and_numbering() -> None:
    assert normalize("  3) Hur  upplevde du  Före-intervjun? ") == "hur upplevde du fore intervjun"
    assert normalize("E-postadress") == normalize("e postadress") == "e postadress"
    assert normalize("Tidstämpel") == "tidstampel"
