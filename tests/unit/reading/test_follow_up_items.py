"""Finding the open items to follow up when a mapping starts: those of the same customer, else of the
same question set, newest first; only the reports whose items are handed out are read in full, and
how each item was last followed up comes from every report's header."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from intervjufas.folder.header_row import FolderHeader
from intervjufas.folder.loading import load_folder
from intervjufas.model.answers import ActionItem, Answer
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.reading.plan import folder_items
from intervjufas.reading.plan.folder_items import follow_up_pool
from intervjufas.reading.plan.state import newest_statuses, open_items
from intervjufas.report.front_matter import read_front_matter
from intervjufas.report.model import FollowUp, Report
from intervjufas.report.render import render


def write(folder: Path, name: str, report: Report, questionnaire: Questionnaire) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(render(report, questionnaire), encoding="utf-8")
    return path


def make(questionnaire: Questionnaire, uppdrag: str, date: str, **answers: Answer) -> Report:
    report = Report.new(questionnaire)
    report.created = report.updated = f"{date}T09:00:00+01:00"
    report.answers.update({"uppdrag": Answer(uppdrag), "datum": Answer(date), **answers})
    return report


def test_only_reports_with_open_items_are_read_and_closed_items_stay_closed(
    kartlaggning: Questionnaire, reports_dir: Path
) -> None:
    first = make(
        kartlaggning,
        "Lager",
        "2026-01-10",
        fore_lagga_till=Answer("Ja"),
        fore_lagga_till_vad=Answer((ActionItem("Agenda", "Tydlighet"), ActionItem("Checklista"))),
    )
    write(reports_dir, "2026-01-10-lager.md", first, kartlaggning)
    second = make(kartlaggning, "Kontor", "2026-02-10")
    second.follow_ups = [
        FollowUp(f"{first.report_id}/fore_lagga_till_vad/1", "Agenda", Answer("Genomfört", "Klart")),
        FollowUp(f"{first.report_id}/fore_lagga_till_vad/2", "Checklista", Answer("Delvis")),
    ]
    followed = write(reports_dir, "2026-02-10-kontor.md", second, kartlaggning)
    # A report without open items is not read past its header: a broken body does not matter.
    followed.write_text(
        followed.read_text(encoding="utf-8") + "\n### X <!-- fraga: fore_betyg_kund -->\n\nnio\n"
    )

    pool = follow_up_pool(reports_dir, kartlaggning, exclude_id="ny", scope="alla")
    assert pool.total == 1
    items = pool.take(5)
    assert [(i.moment, i.last_status) for i in items] == [("Checklista", "Delvis")]

    # The same answer as reading every report in full.
    loaded, _ = load_folder(reports_dir, kartlaggning)
    assert [i.key for i in open_items(loaded)] == [i.key for i in items]


def test_newest_statuses_take_the_newest_follow_up(
    kartlaggning: Questionnaire, reports_dir: Path
) -> None:
    older = make(kartlaggning, "A", "2026-01-01")
    older.follow_ups = [FollowUp("x/fore_lagga_till_vad/1", "Agenda", Answer("Inte än"))]
    newer = make(kartlaggning, "B", "2026-03-01")
    newer.follow_ups = [FollowUp("x/fore_lagga_till_vad/1", "Agenda", Answer("Släpp", "Behövs inte"))]
    paths = [
        write(reports_dir, "b.md", newer, kartlaggning),
        write(reports_dir, "a.md", older, kartlaggning),
    ]
    headers = [(path, FolderHeader.of(read_front_matter(path, check=True))) for path in paths]
    assert newest_statuses(headers) == {"x/fore_lagga_till_vad/1": "Släpp"}
    # As of the older report, only its own follow-up counts.
    older_key = (older.date, older.created, "a.md")
    assert newest_statuses(headers, upto=older_key) == {"x/fore_lagga_till_vad/1": "Inte än"}


def planned(questionnaire: Questionnaire, uppdrag: str, date: str, kund: str, *moments: str) -> Report:
    return make(
        questionnaire,
        uppdrag,
        date,
        kund=Answer(kund),
        fore_lagga_till=Answer("Ja"),
        fore_lagga_till_vad=Answer(tuple(ActionItem(m, "") for m in moments)),
    )


def quick(questionnaire: Questionnaire, uppdrag: str, date: str, kund: str, moment: str) -> Report:
    report = Report.new(questionnaire)
    report.created = report.updated = f"{date}T09:00:00+01:00"
    report.answers.update(
        {
            "uppdrag": Answer(uppdrag),
            "datum": Answer(date),
            "kund": Answer(kund),
            "snabb_utveckla_vad": Answer((ActionItem(moment),)),
        }
    )
    return report


@pytest.fixture
def folder(kartlaggning: Questionnaire, snabbformat: Questionnaire, reports_dir: Path) -> Path:
    write(
        reports_dir,
        "1.md",
        planned(kartlaggning, "Lager", "2026-01-10", "Nordlager AB", "A1", "A2"),
        kartlaggning,
    )
    write(reports_dir, "2.md", planned(kartlaggning, "Kontor", "2026-02-10", "Kontorab", "B1"), kartlaggning)
    write(
        reports_dir,
        "3.md",
        planned(kartlaggning, "Truck", "2026-03-10", "nordlager  ab", "C1", "C2", "C3"),
        kartlaggning,
    )
    write(reports_dir, "4.md", quick(snabbformat, "Plock", "2026-04-10", "Nordlager AB", "D1"), snabbformat)
    write(reports_dir, "5.md", quick(snabbformat, "Kassa", "2026-05-10", "Butiken", "E1"), snabbformat)
    return reports_dir


def moments(items) -> list[str]:
    return [item.moment for item in items]


def test_the_same_customer_first_newest_first_in_any_question_set(
    kartlaggning: Questionnaire, folder: Path
) -> None:
    pool = follow_up_pool(folder, kartlaggning, exclude_id="ny", customer="NORDLAGER ab")
    assert (pool.scope, pool.note, pool.total) == ("för NORDLAGER ab", "", 6)
    assert moments(pool.take(2)) == ["D1", "C1"]
    assert moments(pool.take(10)) == ["C2", "C3", "A1", "A2"]
    assert pool.take(5) == []


def test_no_customer_or_none_with_open_items_gives_the_same_question_set(
    kartlaggning: Questionnaire, snabbformat: Questionnaire, folder: Path
) -> None:
    unknown = follow_up_pool(folder, snabbformat, exclude_id="ny", customer="Ny kund")
    assert (unknown.scope, unknown.total) == ("från tidigare rapporter med samma frågeuppsättning", 2)
    assert unknown.note == "Det finns inga öppna moment för Ny kund."
    assert moments(unknown.take(5)) == ["E1", "D1"]
    none = follow_up_pool(folder, kartlaggning, exclude_id="ny")
    assert none.note == ""
    assert moments(none.take(10)) == ["C1", "C2", "C3", "B1", "A1", "A2"]


def test_alla_takes_every_report(kartlaggning: Questionnaire, folder: Path) -> None:
    pool = follow_up_pool(folder, kartlaggning, exclude_id="ny", customer="Butiken", scope="alla")
    assert (pool.scope, pool.total) == ("från alla tidigare utvecklingsplaner", 8)
    assert moments(pool.take(3)) == ["E1", "D1", "C1"]


def test_only_the_reports_handed_out_are_read(
    kartlaggning: Questionnaire, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[str] = []
    original = folder_items.load_report
    monkeypatch.setattr(
        folder_items, "load_report", lambda path, q=None: read.append(path.name) or original(path, q)
    )
    pool = follow_up_pool(folder, kartlaggning, exclude_id="ny", customer="Nordlager AB")
    assert read == []
    pool.take(2)
    assert read == ["4.md", "3.md"]


def test_the_new_report_itself_and_earlier_lookups(kartlaggning: Questionnaire, folder: Path) -> None:
    own = read_front_matter(folder / "3.md", check=True)["id"]
    pool = follow_up_pool(folder, kartlaggning, exclude_id=own, customer="Nordlager AB")
    assert pool.total == 3
    key = f"{own}/fore_lagga_till_vad/2"
    assert {k: i.moment for k, i in pool.lookup([key, "okand/x/1"]).items()} == {key: "C2"}


def test_a_report_that_cannot_be_read_only_lowers_the_count(
    kartlaggning: Questionnaire, folder: Path
) -> None:
    path = folder / "1.md"  # made with a question set that is not here: its items cannot be read
    text, count = re.subn(r"(fragor:\n\s+id: )kartlaggning", r"\1okand", path.read_text(encoding="utf-8"))
    assert count == 1
    path.write_text(text, encoding="utf-8")
    pool = follow_up_pool(folder, kartlaggning, exclude_id="ny", customer="Nordlager AB")
    assert pool.total == 6  # (what the headers say)
    assert moments(pool.take(10)) == ["D1", "C1", "C2", "C3"]
    assert pool.total == 4  # (what could be read)
