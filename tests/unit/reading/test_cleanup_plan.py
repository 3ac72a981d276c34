"""Which reports ``rensa`` selects: older than the limit by ``datum`` (else the day created), oldest
first, with the open action items that removing them would lose, and one warning per file it
cannot judge. Nothing is changed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from intervjufas.folder.cleanup import anonymise_reports
from intervjufas.model.answers import Answer, Moment
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.reading.cleanup_plan import plan_cleanup
from intervjufas.report.age_limit import AgeLimit
from intervjufas.report.anonymise import ANONYMISED_KEY
from intervjufas.report.model import CONFLICT_KEY, Report
from intervjufas.report.render import render

KARTLAGGNING = builtin_set("kartlaggning")


def names(reports: list) -> list[str]:
    return [report.path.name for report in reports]


def contents(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_reports_older_than_the_limit_oldest_first(reports: Path) -> None:
    before = contents(reports)
    plan = plan_cleanup(reports, AgeLimit(10, "d"), today=dt.date(2024, 3, 1))
    assert plan.cutoff == dt.date(2024, 2, 20)
    assert names(plan.reports) == ["2024-01-15-lagerarbetare-till-nordlager.md"]  # (02-20 is not older)
    assert plan.reports[0].date == dt.date(2024, 1, 15)
    assert plan.reports[0].uppdrag == "Lagerarbetare till Nordlager"
    assert [w.split(":")[0] for w in plan.warnings] == ["2024-03-10-trasig.md"]
    assert contents(reports) == before


def test_the_open_items_that_removing_would_lose(reports: Path) -> None:
    plan = plan_cleanup(reports, AgeLimit(1, "m"), today=dt.date(2024, 4, 1))
    assert names(plan.reports) == [
        "2024-01-15-lagerarbetare-till-nordlager.md",
        "2024-02-20-truckforare-till-nordlager.md",
        "2024-02-28-kundtjanst-till-servicebolaget.md",
    ]
    lost = {(item.source.name, item.moment, item.last_status) for item in plan.lost_items}
    assert lost == {
        # the checklist of 2024-01-15 was followed up as done, so it is not lost
        ("2024-01-15-lagerarbetare-till-nordlager.md", "Tydligare avslut", "Delvis"),
        ("2024-02-20-truckforare-till-nordlager.md", "Tydligare avslut", None),
        ("2024-02-20-truckforare-till-nordlager.md", "Kandidatens frågor", None),
        ("2024-02-20-truckforare-till-nordlager.md", "Utvärdering med kunden", None),
        ("2024-02-28-kundtjanst-till-servicebolaget.md", "Förberedelse av kandidaten", None),
    }


def test_anonymising_loses_no_items_and_passes_over_anonymised_reports(reports: Path) -> None:
    path = reports / "2024-01-15-lagerarbetare-till-nordlager.md"
    assert anonymise_reports([path], dt.date(2024, 2, 1), today=dt.date(2025, 1, 1)).done == [path]
    plan = plan_cleanup(reports, AgeLimit(1, "m"), anonymise=True, today=dt.date(2024, 4, 1))
    assert plan.lost_items == []
    assert names(plan.already_anonymised) == [path.name]
    assert path.name not in names(plan.reports)
    assert len(plan.reports) == 2


def test_a_report_anonymised_under_older_rules_is_anonymised_again(reports_dir: Path) -> None:
    """An earlier version kept the map's notes and names with personal data: such a report is
    planned again, and marked so."""
    report = Report.new(KARTLAGGNING)
    report.answers.update({"uppdrag": Answer("Lager"), "datum": Answer("2024-01-15")})
    report.answers["fore_karta"] = Answer((Moment("Kallelse", (), "Ring Kalle Anka", id="m1kall"),))
    report.extra_header[ANONYMISED_KEY] = "2025-01-01"
    reports_dir.mkdir(parents=True)
    kept_notes = reports_dir / "2024-01-15-lager.md"
    kept_notes.write_text(render(report, KARTLAGGNING), encoding="utf-8")
    named = write(
        reports_dir,
        "2024-01-15-kalle-850412-1230.md",
        datum="2024-01-15",
        created="2024-01-15T10:00",
        **{ANONYMISED_KEY: "2025-01-01"},
    )
    clean = write(reports_dir, "2024-01-16-lager.md", datum="2024-01-16", created="2024-01-16T10:00")
    assert anonymise_reports([clean], dt.date(2024, 2, 1)).done == [clean]
    plan = plan_cleanup(reports_dir, AgeLimit(1, "m"), anonymise=True, today=dt.date(2024, 4, 1))
    assert names(plan.reports) == sorted([kept_notes.name, named.name])
    assert all(old.anonymised_before for old in plan.reports)
    assert names(plan.already_anonymised) == [clean.name]
    done = anonymise_reports([kept_notes, named], plan.cutoff, today=dt.date(2026, 11, 30))
    assert (done.done, done.warnings) == ([kept_notes, named], [])
    assert done.renamed == {named: reports_dir / "2024-01-15-kalle-borttaget.md"}
    text = kept_notes.read_text(encoding="utf-8")
    assert "Kalle Anka" not in text
    assert f"{ANONYMISED_KEY}: '2025-01-01'" in text  # (the day it was first anonymised)


def write(folder: Path, name: str, *, datum: str | None, created: str, **header: object) -> Path:
    report = Report.new(KARTLAGGNING)
    report.created = created
    report.answers["uppdrag"] = Answer("Uppdrag")
    if datum is not None:
        report.answers["datum"] = Answer(datum)
    report.extra_header.update(header)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(render(report, KARTLAGGNING), encoding="utf-8")
    return path


def test_without_datum_the_day_created_counts_and_conflict_copies_are_included(reports_dir: Path) -> None:
    write(reports_dir, "utan-datum.md", datum=None, created="2023-05-01T10:00:00+02:00")
    write(reports_dir, "ny.md", datum="2026-01-01", created="2023-05-01T10:00:00+02:00")
    write(
        reports_dir,
        "kopia.md",
        datum="2023-06-01",
        created="2023-06-01T10:00:00+02:00",
        **{CONFLICT_KEY: "x.md"},
    )
    plan = plan_cleanup(reports_dir, AgeLimit(1, "å"), today=dt.date(2025, 1, 1))
    assert names(plan.reports) == ["utan-datum.md", "kopia.md"]
    assert [r.conflict_copy for r in plan.reports] == [False, True]
    assert plan.warnings == []


def test_a_report_without_any_date_is_left_alone_with_a_warning(reports_dir: Path) -> None:
    path = write(reports_dir, "x.md", datum=None, created="")
    text = path.read_text(encoding="utf-8").replace("skapad: ''", "skapad: okänt")
    path.write_text(text, encoding="utf-8")
    plan = plan_cleanup(reports_dir, AgeLimit(1, "d"))
    assert plan.reports == []
    assert plan.warnings == ["x.md: har inget datum som går att läsa och lämnas orörd"]


def test_a_missing_folder_has_nothing_to_clean(tmp_path: Path) -> None:
    plan = plan_cleanup(tmp_path / "finns-inte", AgeLimit(1, "d"))
    assert (plan.reports, plan.warnings) == ([], [])
