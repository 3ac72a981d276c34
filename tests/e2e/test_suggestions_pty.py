"""Colleagues' moments offered during a mapping, in a real pseudo-terminal: after the consultant's
own map of a phase (closed in its editor), the team's moments it lacks are offered ("Kollegor i mappen har också: …") and
those picked join the map; ``--utan-forslag`` (or the environment's setting) offers nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from intervjufas.model.answers import Moment
from team_samples import write_team_reports

from .conftest import ENTER, Terminal, read_report, report_paths
from .test_process_map_pty import experience, metadata

Run = Callable[..., Terminal]
ERIK = {"INTERVJUFAS_FORFATTARE": "Erik", "INTERVJUFAS_UTAN_FORSLAG": None}
OFFER = "Kollegor i mappen har också: Kallelse (3 av 6), Referenser (1 av 6)"  # (5 colleagues and Erik)


def step_one(t: Terminal, *, offered: bool) -> None:
    metadata(t, "Lager", "2024-05-02")
    t.expect("Steg 1: Före intervjun")
    for question in ("Hur förbereder du kunden?", "Hur förbereder du kandidaten?", "Hur involverar du dina kollegor?"):
        t.answer_long(question, "")
    t.moments("Vilka moment ingår generellt i din process före intervjuerna?", [("Kravprofil", [1], "")])
    if offered:
        t.check(OFFER, [1])  # Kallelse
        t.expect("Finns det moment som du skulle vilja lägga till?")
        t.expect("2. Kallelse · kunden, kandidaten")  # on the map the reflections show
        t.send(ENTER)  # (nothing added: Nej)
    else:
        t.reflect("Finns det moment som du skulle vilja lägga till?", adds=True)
    t.reflect("Finns det moment som du skulle vilja utveckla?")
    t.reflect("Behöver något steg tas bort?")
    experience(t)


def new_report(folder: Path, before: set[Path]) -> Path:
    (path,) = set(report_paths(folder)) - before
    return path


def test_a_colleagues_moment_picked_after_the_map_joins_it(run: Run, reports_dir: Path) -> None:
    write_team_reports(reports_dir)
    before = set(report_paths(reports_dir))
    t = run("kartlagg", "--steg", "1", "--ny-karta", "--utan-uppfoljning", **ERIK)
    step_one(t, offered=True)
    assert t.wait_exit() == 0
    report = read_report(new_report(reports_dir, before))
    moments = report.answers["fore_karta"].value
    assert isinstance(moments, tuple) and all(isinstance(m, Moment) for m in moments)
    assert [(m.name, m.involves) for m in moments] == [("Kravprofil", ("kunden",)), ("Kallelse", ("kunden", "kandidaten"))]
    assert "HEMLIGT" not in t.output


def test_without_suggestions_nothing_is_offered(run: Run, reports_dir: Path) -> None:
    write_team_reports(reports_dir)
    t = run("kartlagg", "--steg", "1", "--ny-karta", "--utan-uppfoljning", "--utan-forslag", **ERIK)
    step_one(t, offered=False)
    assert t.wait_exit() == 0
    assert "Kollegor i mappen" not in t.output
