"""The survey answers kept beside a report: written whole and read back, merged without taking a
response twice, refused while a session holds the report, anonymised to their ratings, and a file
that is not as the program writes it said in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intervjufas.errors import IntervjufasError, ReportInUseError
from intervjufas.files.locking import ReportLock
from intervjufas.folder.survey_answers import (
    SCALE,
    TEXT,
    StoredForm,
    StoredItem,
    StoredResponse,
    add_answers,
    anonymise_answers,
    answers_path,
    answers_to_anonymise,
    is_answers_file,
    read_answers,
    remove_answers,
    write_answers,
)

ITEMS = (
    StoredItem("fore_betyg", "Hur upplevde du tiden före intervjun?", SCALE, "fore", "fore"),
    StoredItem("fore_moment.inf0rm01", "Information om intervjun", SCALE, "fore", "fore", "inf0rm01"),
    StoredItem("fritext", "Vill du berätta något mer?", TEXT, "helhet"),
)


def form(*responses: StoredResponse, items: tuple[StoredItem, ...] = ITEMS) -> StoredForm:
    return StoredForm("kandidat", "enkat_kandidat", 1, items, responses)


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "2024-05-01-lager.md"
    path.write_text("---\n---\n", encoding="utf-8")
    return path


def test_the_file_is_beside_the_report_and_no_report(report: Path) -> None:
    assert answers_path(report) == report.with_name("2024-05-01-lager.enkatsvar.json")
    assert is_answers_file(answers_path(report).name) and not is_answers_file(report.name)
    assert read_answers(report) == {}


@given(st.lists(st.tuples(st.integers(1, 5), st.text(min_size=1).filter(str.strip), st.text(max_size=8)), max_size=5))
def test_what_is_written_is_read_back(tmp_path_factory: pytest.TempPathFactory, made: list[tuple[int, str, str]]) -> None:
    report = tmp_path_factory.mktemp("r") / "r.md"
    kept = form(*(StoredResponse((("fore_betyg", n), ("fritext", text)), key) for n, text, key in made))
    write_answers(report, {"kandidat": kept})
    assert read_answers(report) == {"kandidat": kept}


def test_an_import_adds_only_responses_not_kept_yet(report: Path) -> None:
    first = form(StoredResponse((("fore_betyg", 4),), "a"), StoredResponse((("fore_betyg", 3),), "b"))
    added = add_answers(report, first)
    assert (added.added, added.already, added.total) == (2, 0, 2)
    again = form(StoredResponse((("fore_betyg", 4),), "a"), StoredResponse((("fore_betyg", 5),), "c"))
    added = add_answers(report, again)
    assert (added.added, added.already, added.total) == (1, 1, 3)
    assert not ReportLock(report).path.exists()  # (the lock is given back)


def test_a_question_no_longer_asked_stays_with_its_answers(report: Path) -> None:
    add_answers(report, form(StoredResponse((("fore_moment.inf0rm01", 5),), "a")))
    add_answers(report, form(StoredResponse((("fore_betyg", 4),), "b"), items=ITEMS[:1]))
    kept = read_answers(report)["kandidat"]
    assert [item.id for item in kept.items] == ["fore_betyg", "fore_moment.inf0rm01", "fritext"]


def test_a_report_in_a_session_is_not_written_to(report: Path) -> None:
    lock = ReportLock(report)
    lock.acquire()
    try:
        with pytest.raises(ReportInUseError):
            add_answers(report, form(StoredResponse((("fore_betyg", 4),))))
    finally:
        lock.release()
    assert not answers_path(report).exists()


def test_anonymising_keeps_the_ratings_beside_the_new_name(report: Path) -> None:
    add_answers(report, form(StoredResponse((("fore_betyg", 4), ("fritext", "Bra, tack")), "a")))
    assert answers_to_anonymise(report)
    renamed = report.with_name("2024-05-01-anonym.md")
    anonymise_answers(report, renamed)
    assert not answers_path(report).exists()
    kept = read_answers(renamed)["kandidat"]
    assert kept.responses == (StoredResponse((("fore_betyg", 4),), ""),)
    assert TEXT not in {item.kind for item in kept.items}
    assert not answers_to_anonymise(renamed)


def test_an_unreadable_file_is_removed_when_anonymising(report: Path) -> None:
    answers_path(report).write_text("inte json", encoding="utf-8")
    assert answers_to_anonymise(report)
    anonymise_answers(report)
    assert not answers_path(report).exists()


@pytest.mark.parametrize(
    "text",
    ["inte json", "[]", '{"enkater": {}}', '{"enkater": [{"for": "kandidat"}]}', '{"enkater": [{"for": 1, "fragor": [], "svar": []}]}'],
)
def test_a_file_not_as_written_is_one_line(report: Path, text: str) -> None:
    answers_path(report).write_text(text, encoding="utf-8")
    with pytest.raises(IntervjufasError) as error:
        read_answers(report)
    assert error.value.message == (
        f"{answers_path(report)} är ingen fil med enkätsvar som programmet kan läsa; flytta den åt sidan och "
        "importera svaren igen."
    )


def test_a_hand_edit_cannot_slip_in_an_answer_of_the_wrong_kind(report: Path) -> None:
    write_answers(report, {"kandidat": form()})
    data = json.loads(answers_path(report).read_text(encoding="utf-8"))
    data["enkater"][0]["svar"] = [{"nyckel": "", "svar": {"fore_betyg": "fem", "fritext": 3, "okand": 1, "fore_moment.inf0rm01": 2}}]
    answers_path(report).write_text(json.dumps(data), encoding="utf-8")
    assert read_answers(report)["kandidat"].responses == (StoredResponse((("fore_moment.inf0rm01", 2),), ""),)


def test_removing(report: Path) -> None:
    write_answers(report, {"kandidat": form()})
    remove_answers(report)
    remove_answers(report)  # (none: nothing to do)
    assert not answers_path(report).exists()
