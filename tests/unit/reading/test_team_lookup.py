"""The team's map read ahead and brought up to date with the session's own report
(``team_lookup``) is the team's map a look-up at that moment gives (``team_map``): a new report, an
earlier or a later one of a consultant with a map, a continued report whose map changed, one
without an author."""

from __future__ import annotations

from pathlib import Path

import pytest

from intervjufas.questionsets.catalog import builtin_set
from intervjufas.reading.process_map.team_lookup import team_ahead, team_map_now
from intervjufas.reading.process_map.team_map import team_map
from intervjufas.report.render import render
from team_samples import _report, write_team_reports

OWN = {
    "a new consultant": ("2024-05-02-erik.md", "erik1", "2024-05-02", "Erik"),
    "an earlier report of a consultant with a later map": ("2024-01-01-dan.md", "dan0", "2024-01-01", "Dan"),
    "a later report of a consultant": ("2024-06-01-dan.md", "dan2", "2024-06-01", "Dan"),
    "a continued report, its map changed": ("2024-03-02-bo.md", "bo1", "2024-03-02", "Bo"),
    "a report without an author": ("2024-06-02-utan.md", "nob2", "2024-06-02", ""),
}


@pytest.mark.parametrize("case", OWN)
def test_the_team_read_ahead_and_brought_up_to_date_is_the_team_of_now(reports_dir: Path, case: str) -> None:
    write_team_reports(reports_dir)
    ahead = team_ahead(reports_dir)
    name, report_id, date, author = OWN[case]
    own = _report(report_id, date, author, {"fore": ("Kravprofil", "Eget moment"), "efter": ("Återkoppling",)})
    (reports_dir / name).write_text(render(own, builtin_set("kartlaggning")), encoding="utf-8")
    now = team_map(reports_dir, experience=False)
    brought = team_map_now(ahead, reports_dir / name)
    assert brought.phases == now.phases
    assert (brought.authors, brought.unnamed) == (now.authors, now.unnamed)


def test_without_an_own_report_the_team_is_as_read_ahead(reports_dir: Path) -> None:
    write_team_reports(reports_dir)
    now = team_map(reports_dir, experience=False)
    brought = team_map_now(team_ahead(reports_dir), None)
    assert (brought.phases, brought.authors, brought.unnamed) == (now.phases, now.authors, now.unnamed)
