"""Finding reports by what a user types: a path, a file name, the start of a file name, or words
from the assignment, customer or date – case and accents ignored, every word required."""

from __future__ import annotations

from pathlib import Path

import pytest

from intervjufas.errors import IntervjufasError, ReportsFolderMissing
from intervjufas.folder.finding import find_reports, folded, has_words, same_customer, the_report

FIRST = "2024-01-15-lagerarbetare-till-nordlager.md"
SECOND = "2024-02-20-truckforare-till-nordlager.md"
CRLF = "2024-02-28-kundtjanst-till-servicebolaget.md"
QUICK = "2024-03-05-plockare-till-nordlager.md"
BROKEN = "2024-03-10-trasig.md"


def names(found) -> list[str]:
    return [report.path.name for report in found]


def test_folding() -> None:
    assert folded("Truckförare till NORDLAGER, AB") == "truckforare till nordlager ab"
    assert folded("Ærø – Kärnkraft & Öl") == "aero karnkraft ol"
    assert folded("  ") == ""


def test_a_path_or_a_file_name_is_that_report(reports: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "kopia.md"
    elsewhere.write_text((reports / FIRST).read_text(encoding="utf-8"), encoding="utf-8")
    assert names(find_reports(str(elsewhere), reports)) == ["kopia.md"]
    assert names(find_reports(FIRST, reports)) == [FIRST]
    assert names(find_reports(FIRST[:-3], reports)) == [FIRST]


def test_the_start_of_a_file_name_newest_first_with_what_tells_them_apart(reports: Path) -> None:
    found = find_reports("2024-02", reports)
    assert names(found) == [CRLF, SECOND]
    assert found[0].label == f"2024-02-28  Kundtjänst till Servicebolaget · Servicebolaget  ({CRLF})"
    assert names(find_reports("2024-03", reports)) == [BROKEN, QUICK]  # a broken file by its name
    assert find_reports("2024-03-10", reports)[0].label == f"2024-03-10  ({BROKEN})"


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("lager", [QUICK, SECOND, FIRST]),  # Nordlager and Lagerarbetare
        ("lagerarbetare", [FIRST]),
        ("NORDLAGER ab", [QUICK, SECOND, FIRST]),  # the customer, any case
        ("truckför", [SECOND]),
        ("truckfor", [SECOND]),  # without the accent
        ("kundtjänst servicebolaget", [CRLF]),
        ("nordlager 2024-02", [SECOND]),  # with the start of the date
        ("2024-01 nordlager", [FIRST]),
        ("nordlager 2023", []),
        ("plockare, nordlager", [QUICK]),
    ],
)
def test_words_from_the_assignment_customer_or_date(reports: Path, words: str, expected: list[str]) -> None:
    if not expected:
        with pytest.raises(IntervjufasError):
            find_reports(words, reports)
        return
    assert names(find_reports(words, reports)) == expected


def test_every_word_must_match(reports: Path) -> None:
    with pytest.raises(IntervjufasError) as caught:
        find_reports("lager servicebolaget", reports)
    assert caught.value.message == (
        "Hittar ingen rapport som heter eller börjar med 'lager servicebolaget', eller har orden i uppdraget, "
        f"kunden eller datumet (letade i {reports})."
    )


def test_a_missing_path_and_an_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(IntervjufasError, match=r"Rapporten saknas/x\.md finns inte\."):
        find_reports("saknas/x.md", tmp_path)
    with pytest.raises(ReportsFolderMissing, match=r"Rapportmappen .*finns-inte finns inte"):
        find_reports("lager", tmp_path / "finns-inte")
    with pytest.raises(ReportsFolderMissing):
        the_report("2024", tmp_path / "finns-inte")
    with pytest.raises(IntervjufasError, match="Hittar ingen rapport"):
        find_reports("   ", tmp_path)


@pytest.mark.parametrize(
    ("given", "customer", "matches"),
    [
        ("nordlager", "Nordlager AB", True),
        ("NORDLÄGER ab", "Nordlager AB", True),
        ("lager", "Nordlager AB", True),
        ("ab nordlager", "Nordlager AB", True),
        ("nordlager logistik", "Nordlager AB", False),
        ("åhlens", "Ahlens", True),
        ("ahlens", "Åhléns", True),
        ("", "Nordlager AB", False),
        ("  ", "Nordlager AB", False),
        ("nordlager", "", False),
    ],
)
def test_the_one_rule_for_words(given: str, customer: str, matches: bool) -> None:
    assert has_words(given, customer) is matches


def test_the_same_customer_is_the_same_name_whatever_its_case_accents_or_spacing() -> None:
    assert same_customer("Nordlager AB", "nordlager  ab")
    assert same_customer("Nordlager, AB", "NORDLAGER AB")
    assert same_customer("Åhléns", "ahlens")
    assert not same_customer("Nordlager", "Nordlager AB")
    assert not same_customer("", "")
