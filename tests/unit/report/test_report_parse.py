"""Parsing reports that were edited by hand, and the errors for files that cannot be read."""

from __future__ import annotations

import re

import pytest

from helpers import FIXTURE_REPORTS
from intervjufas.errors import ReportFormatError
from intervjufas.model.answers import ActionItem, Answer
from intervjufas.model.questionnaire import Questionnaire, SetRef
from intervjufas.report.model import FollowUp, RawAnswer, Report
from intervjufas.report.parse import parse
from intervjufas.report.plan import planned_items
from intervjufas.report.render import render

FILE = "rapport.md"


def make_report(questionnaire: Questionnaire) -> Report:
    report = Report(
        "a1b2c3d4e5f6",
        SetRef(questionnaire.id, questionnaire.version, questionnaire.content_hash),
        created="2024-05-01T09:00:00+02:00",
        updated="2024-05-01T09:30:00+02:00",
    )
    report.answers.update(
        {
            "uppdrag": Answer("Lagerarbetare till Nordlager"),
            "kund": Answer("Nordlager AB"),
            "intervjuform": Answer(("Telefonintervju", "Konventionell intervju")),
            "datum": Answer("2024-05-01"),
            "fore_kunden": Answer("Kravprofil och intervjufrågor."),
            "fore_kandidaten": Answer("Information om arbetsplatsen."),
            "fore_lagga_till": Answer("Ja"),
            "fore_lagga_till_vad": Answer((ActionItem("Checklista", "Tydlighet"), ActionItem("Mall"))),
            "fore_utveckla": Answer("Nej"),
            "fore_betyg_kund": Answer(4),
            "under_struktur": Answer("Delvis", "Saknar mall för avslut."),
        }
    )
    return report


@pytest.fixture
def report(kartlaggning: Questionnaire) -> Report:
    return make_report(kartlaggning)


@pytest.fixture
def text(report: Report, kartlaggning: Questionnaire) -> str:
    return render(report, kartlaggning)


def line_of(text: str, needle: str) -> int:
    """1-based number of the first line that contains ``needle``."""
    for number, line in enumerate(text.split("\n"), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in text")


def block(text: str, question_id: str) -> str:
    """The heading line of a question and its answer, up to the next heading."""
    match = re.search(rf"^#+ [^\n]*<!-- fraga: {question_id} -->\n(?:(?!#).*\n|\n)*", text, re.MULTILINE)
    assert match, question_id
    return match.group(0)


def test_the_rendered_report_parses_back(report: Report, text: str, kartlaggning: Questionnaire) -> None:
    assert parse(text, kartlaggning, file=FILE) == report


def test_reworded_headings_are_read_by_id(report: Report, text: str, kartlaggning: Questionnaire) -> None:
    edited = text.replace(
        "### Hur förbereder du kunden?<!-- fraga: fore_kunden -->", "## Kunden!   <!--fraga:fore_kunden-->"
    )
    assert edited != text
    assert parse(edited, kartlaggning, file=FILE) == report


def test_reordered_blocks_are_read_by_id(report: Report, text: str, kartlaggning: Questionnaire) -> None:
    first, second = block(text, "fore_kunden"), block(text, "fore_kandidaten")
    edited = text.replace(first + second, second + first)
    assert edited != text
    assert parse(edited, kartlaggning, file=FILE) == report
    # Moved to another step entirely: still the same answer.
    moved = text.replace(first, "").replace(
        "## Steg 3: Efter intervjun<!-- steg: efter -->",
        first + "## Steg 3: Efter intervjun<!-- steg: efter -->",
    )
    assert parse(moved, kartlaggning, file=FILE) == report


def test_an_answer_edited_in_the_body_is_read_back(text: str, kartlaggning: Questionnaire) -> None:
    edited = text.replace(
        "Kravprofil och intervjufrågor.", "Kravprofil.\n\nOch ett uppstartsmöte med chefen."
    )
    edited = edited.replace("**4** av 5", "2")
    edited = edited.replace("**Delvis**\n\nSaknar mall för avslut.", "**Ja**\n\nNu finns en mall.")
    parsed = parse(edited, kartlaggning, file=FILE)
    assert parsed.answers["fore_kunden"] == Answer("Kravprofil.\n\nOch ett uppstartsmöte med chefen.")
    assert parsed.answers["fore_betyg_kund"] == Answer(2)
    assert parsed.answers["under_struktur"] == Answer("Ja", "Nu finns en mall.")


def test_a_placeholder_replaced_by_text_becomes_an_answer(
    report: Report, kartlaggning: Questionnaire
) -> None:
    report.answers["fore_kollegor"] = Answer(None)
    text = render(report, kartlaggning)
    heading = "### Hur involverar du dina kollegor?<!-- fraga: fore_kollegor -->\n\n*Inget svar.*"
    assert heading in text
    edited = text.replace(heading, heading.replace("*Inget svar.*", "Vi har ett veckomöte."))
    assert parse(edited, kartlaggning, file=FILE).answers["fore_kollegor"] == Answer("Vi har ett veckomöte.")


def test_a_removed_block_is_an_unanswered_question(text: str, kartlaggning: Questionnaire) -> None:
    edited = text.replace(block(text, "fore_kandidaten"), "")
    assert "fore_kandidaten" not in parse(edited, kartlaggning, file=FILE).answers


def test_metadata_edited_in_the_header_is_read_back(text: str, kartlaggning: Questionnaire) -> None:
    edited = text.replace("kund: Nordlager AB", "kund: Sydlager AB").replace("- Telefonintervju\n", "")
    parsed = parse(edited, kartlaggning, file=FILE)
    assert parsed.answers["kund"] == Answer("Sydlager AB")
    assert parsed.answers["intervjuform"] == Answer(("Konventionell intervju",))


def test_the_derived_parts_are_not_answers(report: Report, text: str, kartlaggning: Questionnaire) -> None:
    """Edits of the plan table, lead texts and the title are ignored: they are rewritten from the set."""
    edited = text.replace("| Checklista | Tydlighet |", "| Något annat | x |")
    edited = edited.replace("*Status: påbörjad*", "*Status: klar*")
    edited = edited.replace("# Kartlägg intervjufasen: Lagerarbetare", "# Annan titel")
    assert parse(edited, kartlaggning, file=FILE) == report
    assert [p.item.moment for p in planned_items(report, kartlaggning)] == ["Checklista", "Mall"]


def test_crlf_files(report: Report, text: str, kartlaggning: Questionnaire) -> None:
    assert parse(text.replace("\n", "\r\n"), kartlaggning, file=FILE) == report
    assert parse(text.replace("\n", "\r"), kartlaggning, file=FILE) == report


def test_unknown_ids_are_kept_and_written_back(
    report: Report, text: str, kartlaggning: Questionnaire
) -> None:
    extra = "### Min egen fråga <!-- fraga: egen_fraga -->\n\nMitt svar\n\n- med en lista\n\n"
    edited = text.replace("## Steg 2: Under intervjun", extra + "## Steg 2: Under intervjun")
    parsed = parse(edited, kartlaggning, file=FILE)
    assert parsed.extra_answers == {"egen_fraga": RawAnswer("Min egen fråga", "Mitt svar\n\n- med en lista")}
    assert parsed.answers == report.answers
    written = render(parsed, kartlaggning)
    assert "### Min egen fråga<!-- fraga: egen_fraga -->" in written
    assert parse(written, kartlaggning, file=FILE) == parsed
    assert render(parse(written, kartlaggning), kartlaggning) == written


def test_extra_front_matter_keys_are_kept(text: str, kartlaggning: Questionnaire) -> None:
    edited = text.replace("  skapad:", "  egen_nyckel:\n    lista: [1, 2]\n  etikett: viktig\n  skapad:", 1)
    edited = edited.replace("kund: Nordlager AB", "kund: Nordlager AB\nansvarig: Eva", 1)
    parsed = parse(edited, kartlaggning, file=FILE)
    assert parsed.extra_header == {"egen_nyckel": {"lista": [1, 2]}, "etikett": "viktig"}
    assert parsed.extra_metadata == {"ansvarig": "Eva"}
    written = render(parsed, kartlaggning)
    assert "etikett: viktig" in written
    assert "ansvarig: Eva" in written
    assert parse(written, kartlaggning, file=FILE) == parsed


def test_stale_caches_in_the_header_are_ignored_and_rewritten(
    report: Report, text: str, kartlaggning: Questionnaire
) -> None:
    edited = text.replace("atgarder: 2", "atgarder: 99").replace("fore: påbörjad", "fore: klar")
    assert edited != text
    parsed = parse(edited, kartlaggning, file=FILE)
    assert parsed == report
    assert render(parsed, kartlaggning) == text


def test_follow_up_status_edited_by_hand(report: Report, kartlaggning: Questionnaire) -> None:
    report.follow_ups = [
        FollowUp("f00f00f00f00/fore_lagga_till_vad/1", "Checklista (Steg 1 · lägga till · 2024-04-01)")
    ]
    text = render(report, kartlaggning)
    assert "<!-- uppfoljning: f00f00f00f00/fore_lagga_till_vad/1 -->\n\n*Inget svar.*" in text
    edited = text.replace(
        "<!-- uppfoljning: f00f00f00f00/fore_lagga_till_vad/1 -->\n\n*Inget svar.*",
        "<!-- uppfoljning: f00f00f00f00/fore_lagga_till_vad/1 -->\n\nGenomfört\n\nKlart i april.",
    )
    parsed = parse(edited, kartlaggning, file=FILE)
    assert parsed.follow_ups[0].status == "Genomfört"
    assert parsed.follow_ups[0].answer.comment == "Klart i april."
    assert "f00f00f00f00/fore_lagga_till_vad/1: Genomfört" in render(parsed, kartlaggning)


# -- answers that do not fit their question --------------------------------------------------------


def test_a_broken_answer_is_an_error_naming_file_and_line_in_strict_mode(
    text: str, kartlaggning: Questionnaire
) -> None:
    edited = text.replace(
        "<!-- fraga: fore_lagga_till -->\n\nSvar: **Ja**", "<!-- fraga: fore_lagga_till -->\n\n**Kanske**"
    )
    assert edited != text
    with pytest.raises(ReportFormatError) as caught:
        parse(edited, kartlaggning, file=FILE)
    line = line_of(edited, "**Kanske**")
    assert caught.value.message.startswith(f"{FILE}:{line}: ")
    assert "går inte att läsa" in caught.value.message
    assert "'Kanske' är inte Ja eller Nej" in caught.value.message


def test_a_broken_answer_further_down_names_its_own_line(text: str, kartlaggning: Questionnaire) -> None:
    edited = text.replace("   - Varför: Tydlighet\n", "   - Varför: Tydlighet\n\nlöst skräp\n")
    with pytest.raises(ReportFormatError) as caught:
        parse(edited, kartlaggning, file=FILE)
    assert caught.value.message.startswith(f"{FILE}:{line_of(edited, 'löst skräp')}: ")


def test_a_broken_answer_is_kept_raw_in_lenient_mode(
    report: Report, text: str, kartlaggning: Questionnaire
) -> None:
    edited = text.replace(
        "<!-- fraga: fore_lagga_till -->\n\nSvar: **Ja**", "<!-- fraga: fore_lagga_till -->\n\n**Kanske**"
    )
    parsed = parse(edited, kartlaggning, file=FILE, strict=False)
    assert "fore_lagga_till" not in parsed.answers
    raw = parsed.extra_answers["fore_lagga_till"]
    assert raw.body == "**Kanske**"
    assert raw.heading == "Finns det moment som du skulle vilja lägga till? (Steg 1)"  # (asked in every step)
    # Everything else is read as usual, and the raw text is written back.
    expected = dict(report.answers)
    expected.pop("fore_lagga_till")
    assert parsed.answers == expected
    assert "**Kanske**" in render(parsed, kartlaggning)


def test_a_bad_metadata_value_names_its_header_line(text: str, kartlaggning: Questionnaire) -> None:
    edited = text.replace("date: 2024-05-01", "date: förra veckan")
    assert edited != text
    with pytest.raises(ReportFormatError) as caught:
        parse(edited, kartlaggning, file=FILE)
    assert caught.value.message.startswith(f"{FILE}:{line_of(edited, 'date: förra veckan')}: datum: ")
    lenient = parse(edited, kartlaggning, file=FILE, strict=False)
    assert lenient.extra_metadata == {"datum": "förra veckan"}
    assert "datum" not in lenient.answers


def test_a_duplicated_id_is_an_error_in_strict_mode(
    report: Report, text: str, kartlaggning: Questionnaire
) -> None:
    copy = block(text, "fore_kunden").replace("Kravprofil och intervjufrågor.", "Kopia")
    edited = text.replace("## Steg 2: Under intervjun", copy + "## Steg 2: Under intervjun")
    with pytest.raises(ReportFormatError) as caught:
        parse(edited, kartlaggning, file=FILE)
    occurrences = [n for n, ln in enumerate(edited.split("\n"), 1) if "<!-- fraga: fore_kunden -->" in ln]
    assert len(occurrences) == 2
    assert (
        caught.value.message
        == f"{FILE}:{occurrences[1]}: id 'fore_kunden' förekommer två gånger i rapporten."
    )
    assert (
        parse(edited, kartlaggning, file=FILE, strict=False).answers["fore_kunden"]
        == report.answers["fore_kunden"]
    )


def test_without_a_question_set_everything_is_kept_raw(text: str) -> None:
    parsed = parse(text, None, file=FILE)
    assert parsed.answers == {}
    assert parsed.extra_metadata["uppdrag"] == "Lagerarbetare till Nordlager"
    assert parsed.extra_answers["fore_kunden"] == RawAnswer(
        "Hur förbereder du kunden?", "Kravprofil och intervjufrågor."
    )


# -- files that are not reports --------------------------------------------------------------------


def format_error(text: str, questionnaire: Questionnaire | None) -> str:
    with pytest.raises(ReportFormatError) as caught:
        parse(text, questionnaire, file=FILE)
    message = caught.value.message
    assert message.endswith(".")
    assert "Traceback" not in message
    return message


def test_missing_front_matter(text: str, kartlaggning: Questionnaire) -> None:
    body = text.split("---\n", 2)[2]
    assert format_error(body, kartlaggning) == (
        f"{FILE}:1: rapporten saknar huvudet (YAML mellan två rader med ---) överst."
    )
    assert format_error("", kartlaggning).startswith(f"{FILE}:1: rapporten saknar huvudet")


def test_unterminated_front_matter(kartlaggning: Questionnaire) -> None:
    assert format_error("---\nformat: 1\nid: x\n", kartlaggning) == (
        f"{FILE}:1: huvudet överst avslutas aldrig med en rad med ---."
    )


def test_bad_yaml_names_the_line(text: str, kartlaggning: Questionnaire) -> None:
    edited = text.replace("kund: Nordlager AB", "kund: [Nordlager AB", 1)
    message = format_error(edited, kartlaggning)
    assert re.match(rf"{FILE}:\d+: huvudet är inte giltig YAML \(", message)
    reported = int(message.split(":")[1])
    assert line_of(edited, "kund: [Nordlager") <= reported <= line_of(edited, "uppdaterad:") + 1

    broken = "---\nformat: 1\nid: x\n  fel: indrag\n---\n"
    assert format_error(broken, kartlaggning).startswith(f"{FILE}:4: huvudet är inte giltig YAML")


def test_header_that_is_not_a_mapping(kartlaggning: Questionnaire) -> None:
    assert format_error("---\n- bara\n- en lista\n---\n", kartlaggning) == (
        f"{FILE}:2: huvudet ska vara nycklar med värden (YAML)."
    )


@pytest.mark.parametrize(("value", "shown"), [("4", "4"), ("'1'", "'1'"), ("null", "None")])
def test_unknown_format(text: str, kartlaggning: Questionnaire, value: str, shown: str) -> None:
    edited = text.replace("  format: 3\n", f"  format: {value}\n", 1)
    assert format_error(edited, kartlaggning) == (
        f"{FILE}:2: okänt rapportformat {shown}; den här versionen läser format 1, 2 och 3."
    )


def test_missing_id_and_question_set(text: str, kartlaggning: Questionnaire) -> None:
    no_id = re.sub(r"^  id: .*\n", "", text, count=1, flags=re.MULTILINE)
    assert format_error(no_id, kartlaggning) == f"{FILE}:2: huvudet saknar rapportens 'id'."
    no_set = re.sub(r"^  fragor:\n(    .*\n)+", "", text, count=1, flags=re.MULTILINE)
    assert format_error(no_set, kartlaggning) == (
        f"{FILE}:2: huvudet saknar 'fragor' med frågeuppsättningens id."
    )


def test_metadata_that_is_not_a_mapping(kartlaggning: Questionnaire) -> None:
    text = (FIXTURE_REPORTS / "2024-01-15-lagerarbetare-till-nordlager.md").read_text(encoding="utf-8")
    assert text.startswith("---\nformat: 1\n")  # a report of format 1, with its facts under 'metadata'
    edited = re.sub(r"^metadata:\n(  .*\n)+", "metadata: [a, b]\n", text, count=1, flags=re.MULTILINE)
    assert format_error(edited, kartlaggning) == (
        f"{FILE}:{line_of(edited, 'metadata:')}: 'metadata' ska vara nycklar med värden."
    )
