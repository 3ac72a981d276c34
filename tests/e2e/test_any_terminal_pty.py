"""In a real pseudo-terminal: the menu when a report name matches several reports, prompts and hints
wrapped at spaces in a narrow terminal, the pager that leaves a long report on the screen, and the
follow-up a handful at a time with the choice to see more."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pexpect
import pytest

from helpers import FIXTURE_REPORTS

from .conftest import DOWN, ENTER, TIMEOUT, Terminal, front_matter, program_env, write_answers
from .readiness import PAGER_PROMPT

Run = Callable[..., Terminal]


@pytest.fixture
def fixture_reports(reports_dir: Path) -> Path:
    shutil.copytree(FIXTURE_REPORTS, reports_dir)
    return reports_dir


def spawn(
    program: str, args: list[str], reports_dir: Path, home: Path, size: tuple[int, int], **env: str | None
) -> tuple[pexpect.spawn, io.StringIO]:
    log = io.StringIO()
    child = pexpect.spawn(
        program,
        args,
        env=program_env(reports_dir, home, **env),
        dimensions=size,
        encoding="utf-8",
        timeout=TIMEOUT,
    )
    child.logfile_read = log
    return child, log


@pytest.mark.e2e
def test_a_menu_when_words_match_several_reports(run: Run, fixture_reports: Path) -> None:
    t = run("visa", "nordlager", "--ingen-pager")
    t.expect("'nordlager' passar 3 rapporter.")
    t.expect("Vilken rapport menar du?")
    t.expect("2024-03-05  Plockare till Nordlager · nordlager ab  (2024-03-05-plockare-till-nordlager.md)")
    t.send(DOWN + ENTER)  # the second: the newest but one
    t.expect("Kartlägg intervjufasen: Truckförare till Nordlager")
    assert t.wait_exit() == 0


def to_the_fifth_question(t: Terminal) -> None:
    """A new mapping's first four questions answered: the menu "individuellt eller tillsammans" is next."""
    t.expect("Rapporten sparas i")
    t.answer_text("Vilket rekryteringsuppdrag gäller kartläggningen?", "Lager")
    t.answer_text("Vilken kund", "")
    t.answer_text("Vilken tjänst", "")
    t.check("Vilka intervjuformer används?")


@pytest.mark.e2e
def test_prompts_are_wrapped_at_spaces_in_a_narrow_terminal(
    program: str, reports_dir: Path, home_dir: Path
) -> None:
    child, _ = spawn(program, ["kartlagg"], reports_dir, home_dir, (40, 60))
    t = Terminal(child)
    try:
        to_the_fifth_question(t)
        t.expect(
            "? Gör du kartläggningen individuellt eller tillsammans med\n  en kollega? (piltangenter eller siffra, Enter väljer)"
        )
        t.send(ENTER)
        # The answered line too is broken at a space, not "Individue/llt".
        t.expect("? Gör du kartläggningen individuellt eller tillsammans med")
        t.expect("\nen kollega? Individuellt\n")
        t.answer_text("Datum för kartläggningen")
        t.expect("? Hur förbereder du kunden?")
        t.expect("(Enter ger ny rad · Esc och sedan Enter sparar · Ctrl-O\n  öppnar din editor)")
    finally:
        child.terminate(force=True)


@pytest.mark.e2e
def test_an_answer_that_does_not_fit_after_its_question_starts_a_line(
    program: str, reports_dir: Path, home_dir: Path
) -> None:
    """At 80 columns the question fits on one line and its answer does not: the answer is put on
    the next line whole (prompt_toolkit would have broken it "Individue/llt")."""
    child, _ = spawn(program, ["kartlagg"], reports_dir, home_dir, (40, 80))
    t = Terminal(child)
    try:
        to_the_fifth_question(t)
        t.expect("1) Individuellt")
        t.send(ENTER)
        t.expect("? Gör du kartläggningen individuellt eller tillsammans med en kollega?")
        t.expect("\nIndividuellt\n")
        t.expect("Datum för kartläggningen")
    finally:
        child.terminate(force=True)


@pytest.mark.e2e
@pytest.mark.parametrize(("less", "alternate_screen"), [(None, False), ("R", True)])
def test_the_pager_leaves_a_long_report_on_the_screen(
    program: str, fixture_reports: Path, home_dir: Path, less: str | None, alternate_screen: bool
) -> None:
    """Without $LESS, less runs as with FRX: no alternate screen, so the report stays when it quits;
    the user's own $LESS is respected."""
    if shutil.which("less") is None:
        pytest.skip("less is not installed")
    child, _ = spawn(
        program, ["visa", "2024-01-15"], fixture_reports, home_dir, (15, 80), PAGER="less", LESS=less
    )
    t = Terminal(child)
    t.expect("Före intervjun")
    t.expect(PAGER_PROMPT)
    t.send("q", at_prompt=False)
    assert t.wait_exit() == 0
    assert ("\x1b[?1049h" in t.raw) is alternate_screen


@pytest.mark.e2e
def test_a_short_report_is_printed_without_the_pager(
    program: str, fixture_reports: Path, home_dir: Path
) -> None:
    child, _ = spawn(program, ["visa", "2024-01-15"], fixture_reports, home_dir, (200, 120), PAGER="false")
    child.expect_exact("Kartlägg intervjufasen: Lagerarbetare till Nordlager")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


@pytest.mark.e2e
def test_the_follow_up_a_handful_at_a_time(run: Run, run_command: Callable, reports_dir: Path) -> None:
    answers = write_answers(
        reports_dir.parent,
        "tidigare.yaml",
        {
            "uppdrag": "Lager",
            "kund": "Nordlager AB",
            "datum": "2024-05-02",
            "fore_kunden": "Kravprofil",
            "fore_lagga_till": "Ja",
            "fore_lagga_till_vad": [{"moment": f"Moment {n}", "varfor": "Bättre"} for n in range(1, 8)],
            "fore_utveckla": "Nej",
            "fore_ta_bort": "Nej",
        },
    )
    assert run_command("kartlagg", "--steg", "1", "--svar", str(answers)).returncode == 0
    t = run("kartlagg", "--steg", "1")
    t.answer_text("Vilket rekryteringsuppdrag gäller kartläggningen?", "Truck")
    t.answer_text("Vilken kund (arbetsgivare) stöttar du i uppdraget?", "nordlager ab")
    t.answer_text("Vilken tjänst eller roll rekryterar kunden till?", "")
    t.check("Vilka intervjuformer används?")
    t.choose("Gör du kartläggningen individuellt eller tillsammans med en kollega?")
    t.answer_text("Datum för kartläggningen")
    t.expect("Uppföljning · moment 1–5 av 7")
    t.expect("5 av 7 öppna moment för nordlager ab (de nyaste först).")
    t.expect("Lägga till: Moment 5")
    t.expect("2 öppna moment till: f visar dem, annars kommer de nästa gång.")
    t.send("ggggg" + ENTER)  # Genomfört for each of the five; the other two come next time
    t.expect_question("Hur förbereder du kunden?", progress="Steg 1 · fråga 1 av 11")
    t.interrupt()
    assert t.wait_exit() == 130
    new = next(p for p in reports_dir.glob("*truck*.md"))
    assert list(front_matter(new)["uppfoljning"].values()) == ["Genomfört"] * 5
