"""Finding the open items to follow up when a mapping starts: only the reports that still have open
items are read in full, and how each item was last followed up comes from every report's header."""

from __future__ import annotations

from pathlib import Path

from intervjufas.model.answers import ActionItem, Answer
from intervjufas.model.questions import Questionnaire
from intervjufas.reading.folder import load_folder
from intervjufas.reading.follow_up import follow_up_items
from intervjufas.reports.action_plan import open_items, statuses_from_headers
from intervjufas.reports.front_matter import read_front_matter
from intervjufas.reports.model import FollowUp, Report
from intervjufas.reports.render import render


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

    items = follow_up_items(reports_dir, kartlaggning, exclude_id="ny")
    assert [(i.moment, i.last_status) for i in items] == [("Checklista", "Delvis")]

    # The same answer as reading every report in full.
    loaded, _ = load_folder(reports_dir, kartlaggning)
    assert [i.key for i in open_items(loaded)] == [i.key for i in items]


def test_statuses_from_headers_take_the_newest_follow_up(
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
    headers = [read_front_matter(path, check=True) for path in paths]
    assert statuses_from_headers(headers) == {"x/fore_lagga_till_vad/1": "Släpp"}
