"""Colleagues' moments offered during a mapping, in a real pseudo-terminal: after the consultant's
own map of a phase (closed in its editor), the team's moments it lacks are offered ("Kollegor i mappen
har också: …"), and one key sends each to the map (k), to the plan as a moment to add (p) or past it
(h); ``--utan-forslag`` (or the environment's setting) offers nothing."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from intervjufas.model.answers import ActionItem, Moment
from team_samples import write_team_reports

from .conftest import ENTER, Terminal, read_report, report_paths
from .test_process_map_pty import experience, metadata

Run = Callable[..., Terminal]
ERIK = {"INTERVJUFAS_FORFATTARE": "Erik", "INTERVJUFAS_UTAN_FORSLAG": None}
OFFER = "Kollegor i mappen har också: Kallelse (3 av 6), Referenser (1 av 6)"  # (5 colleagues and Erik)
KEYS = "k på kartan · p i planen · h hoppa över"


def step_one(t: Terminal, *, offered: bool) -> None:
    metadata(t, "Lager", "2024-05-02")
    t.expect("Steg 1: Före intervjun")
    for question in ("Hur förbereder du kunden?", "Hur förbereder du kandidaten?", "Hur involverar du dina kollegor?"):
        t.answer_long(question, "")
    t.moments("Vilka moment ingår generellt i din process före intervjuerna?", [("Kravprofil", [1], "")])
    if offered:
        t.expect(OFFER)
        t.expect(KEYS)
        t.send("k")  # Kallelse to the map (the pointer moves on to Referenser)
        t.expect("[kartan] Kallelse")
        t.send(ENTER)  # (Referenser skipped)
        t.expect("Kallelse (3 av 6) → kartan")
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


def test_a_colleagues_moment_sent_to_the_plan_is_a_moment_to_add(run: Run, reports_dir: Path) -> None:
    write_team_reports(reports_dir)
    before = set(report_paths(reports_dir))
    t = run("kartlagg", "--steg", "1", "--ny-karta", "--utan-uppfoljning", **ERIK)
    metadata(t, "Lager", "2024-05-02")
    t.expect("Steg 1: Före intervjun")
    for question in ("Hur förbereder du kunden?", "Hur förbereder du kandidaten?", "Hur involverar du dina kollegor?"):
        t.answer_long(question, "")
    t.moments("Vilka moment ingår generellt i din process före intervjuerna?", [("Kravprofil", [1], "")])
    t.expect(OFFER)
    t.expect(KEYS)
    t.send("h")  # Kallelse skipped
    t.send("p")  # Referenser to the plan
    t.expect("[planen] Referenser")
    t.send(ENTER)
    t.expect("Referenser (1 av 6) → planen")
    # The reflection "lägga till" comes next with the moment in it, for a purpose or more moments.
    t.expect("Finns det moment som du skulle vilja lägga till?")
    t.expect("Referenser")
    t.send(ENTER)
    t.reflect("Finns det moment som du skulle vilja utveckla?")
    t.reflect("Behöver något steg tas bort?")
    experience(t)
    assert t.wait_exit() == 0
    report = read_report(new_report(reports_dir, before))
    assert [m.name for m in report.answers["fore_karta"].value] == ["Kravprofil"]
    assert report.answers["fore_lagga_till"].value == "Ja"
    assert report.answers["fore_lagga_till_vad"].value == (ActionItem("Referenser", involves=("kunden",)),)
    assert not report.drafts


def line(t: Terminal, prompt: str, answer: str) -> None:
    t.expect(prompt)
    t.send(answer + ENTER)


def test_in_plain_lines_one_letter_per_moment_sends_it_to_the_map_or_the_plan(run: Run, reports_dir: Path) -> None:
    write_team_reports(reports_dir)
    before = set(report_paths(reports_dir))
    t = run("kartlagg", "--enkel", "--steg", "1", "--ny-karta", "--utan-uppfoljning", **ERIK)
    line(t, "Svar (måste besvaras): ", "Lager")
    for _ in range(2):
        line(t, "Svar, eller Enter för att hoppa över: ", "")
    line(t, "Skriv numren, t.ex. 1,3, eller Enter för att hoppa över: ", "")
    line(t, "[standard: Individuellt]: ", "")
    line(t, "Datum, ÅÅÅÅ-MM-DD, eller - för inget svar [standard: ", "2024-05-02")
    for _ in range(3):
        line(t, "> ", "")
    line(t, "Kommando (Enter = klar, ? = hjälp): ", "+ Kravprofil ; 1")
    line(t, "Kommando (Enter = klar, ? = hjälp): ", "")
    t.expect(OFFER)
    t.expect("  1) Kallelse (3 av 6)\n  2) Referenser (1 av 6)\n")
    t.expect("Skriv numret och k för kartan, p för utvecklingsplanen, t.ex. 1k 2p")
    line(t, "Var ska momenten hamna? Enter hoppar över alla: ", "1x")
    t.expect("Ogiltigt svar: skriv numret och k eller p eller h, t.ex. 1k. Försök igen.")
    line(t, "Var ska momenten hamna? Enter hoppar över alla: ", "1k 2p")
    # The reflection "lägga till" shows the moment put in the plan; Enter keeps it.
    t.expect("Finns det moment som du skulle vilja lägga till?")
    t.expect("Referenser")
    line(t, "Moment (Enter = klar): ", "")
    line(t, "Skriv numren på de moment du vill utveckla, t.ex. 1,3 (Enter = inga): ", "")
    line(t, "Moment (Enter = klar): ", "")
    line(t, "Skriv numren på de moment du vill ta bort, t.ex. 1,3 (Enter = inga): ", "")
    line(t, "Moment (Enter = klar): ", "")
    for _ in range(2):
        line(t, "> ", "")
        line(t, "Skriv en siffra 1–5, eller Enter för att hoppa över: ", "")
    assert t.wait_exit() == 0
    report = read_report(new_report(reports_dir, before))
    assert [(m.name, m.involves) for m in report.answers["fore_karta"].value] == [
        ("Kravprofil", ("kunden",)),
        ("Kallelse", ("kunden", "kandidaten")),
    ]
    assert report.answers["fore_lagga_till_vad"].value == (ActionItem("Referenser", involves=("kunden",)),)


def test_an_answers_file_is_never_offered_colleagues_moments(
    run_command: Callable[..., subprocess.CompletedProcess], reports_dir: Path, tmp_path: Path
) -> None:
    write_team_reports(reports_dir)
    before = set(report_paths(reports_dir))
    answers = tmp_path / "svar.yaml"
    answers.write_text(
        "uppdrag: Lager\nfore_karta:\n  - namn: Kravprofil\nfore_lagga_till: Nej\nfore_utveckla: Nej\nfore_ta_bort: Nej\n",
        encoding="utf-8",
    )
    result = run_command("kartlagg", "--svar", str(answers), "--steg", "1", "--ny-karta", **ERIK)
    assert result.returncode == 0, result.stderr
    assert "Kollegor i mappen" not in result.stdout
    report = read_report(new_report(reports_dir, before))
    assert [m.name for m in report.answers["fore_karta"].value] == ["Kravprofil"]
    assert "fore_lagga_till_vad" not in report.answers and not report.drafts
