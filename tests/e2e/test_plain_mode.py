"""``--enkel``: plain line-by-line prompts in a real pseudo-terminal (with ``--enkel`` and with
TERM=dumb), and answers piped in one line per prompt: numbered choices, "1,3", j/n, multi-line
answers ended by an empty line, "?" for help, no escape codes at all, Ctrl-C and resume."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from intervjufas.model.answers import ActionItem, Answer, Moment

from .conftest import (
    ENTER,
    TIMEOUT,
    Terminal,
    as_program,
    days_around_now,
    front_matter,
    only_report,
    program_env,
    read_report,
)

Run = Callable[..., Terminal]
RESUME = re.compile(r"Avbrutet\. Svaren är sparade i (\S+\.md)\. Fortsätt med:\n  (intervjufas \S+ [^\n]+)")


def line(t: Terminal, prompt: str, answer: str) -> None:
    """Wait for a prompt and type one line."""
    t.expect(prompt)
    t.send(answer + ENTER)


def answer_metadata_plainly(t: Terminal, uppdrag: str) -> None:
    t.expect("== Om uppdraget ==")
    t.expect("Om uppdraget · fråga 1 av 6")
    t.expect("Vilket rekryteringsuppdrag gäller kartläggningen?\n(Skriv ? för hjälp.)\n")
    line(t, "Svar (måste besvaras): ", "?")
    t.expect('Hjälp: Ett kort namn, t.ex. "Lagerarbetare till Nordlager".')
    line(t, "Svar (måste besvaras): ", uppdrag)
    line(
        t,
        "Vilken kund (arbetsgivare) stöttar du i uppdraget?\nSvar, eller Enter för att hoppa över: ",
        "Nordlager AB",
    )
    line(t, "Svar, eller Enter för att hoppa över: ", "")
    t.expect("Vilka intervjuformer används?")
    t.expect("  1) Telefonintervju\n  2) Snabbintervju\n  3) Konventionell intervju\n")
    line(t, "Skriv numren, t.ex. 1,3, eller Enter för att hoppa över: ", "1,3")
    t.expect("  1) Individuellt\n  2) Tillsammans med en kollega\n")
    line(t, "Skriv numret, eller - för inget svar [standard: Individuellt]: ", "7")
    t.expect("Ogiltigt svar: välj ett nummer mellan 1 och 2. Försök igen.")
    line(t, "[standard: Individuellt]: ", "2")
    t.expect("Om uppdraget · fråga 5 av 6 · följdfråga")  # the colleague question appears
    line(t, "Vilken kollega gör du kartläggningen med?\nSvar, eller Enter för att hoppa över: ", "Kim Berg")
    line(t, "Datum, ÅÅÅÅ-MM-DD, eller - för inget svar [standard: ", "")


@pytest.mark.e2e
def test_a_step_in_plain_mode_in_a_terminal(run: Run, reports_dir: Path) -> None:
    t = run("kartlagg", "--enkel", "--steg", "1")
    answer_metadata_plainly(t, "Lagerarbetare till Nordlager")

    t.expect(
        "== Steg 1: Före intervjun ==\nVilka förberedelser genomför du innan intervjuerna ska genomföras?"
    )
    t.expect("Steg 1 · fråga 1 av 11\nHur förbereder du kunden?\n(Skriv ? för hjälp.)\n")
    t.expect("Skriv ditt svar, en eller flera rader. Avsluta med en tom rad.")
    line(t, "> ", "?")
    t.expect("Hjälp: T.ex. kravprofil, intervjufrågor")
    line(t, "> ", "Vi går igenom kravprofilen.")
    line(t, "> ", "Vi bestämmer vem som leder.")
    line(t, "> ", "")
    t.expect("Hur förbereder du kandidaten?")
    line(t, "> ", "Skickar information.")
    line(t, "> ", "")
    t.expect("Hur involverar du dina kollegor?")
    line(t, "> ", "")
    t.expect("Vilka moment ingår generellt i din process före intervjuerna?")
    # The map in plain lines: "+ namn ; berör ; notering för uppdraget ; notering om processen".
    t.expect("Kartan är tom. Skriv + och momentets namn")
    line(t, "Kommando (Enter = klar, ? = hjälp): ", "+ Kravprofil ; 1,4")
    t.expect("Skriv 1–3 (1 kunden, 2 kandidaten, 3 kollegor) eller ett namn. Skriv ? för hjälp.")
    line(t, "Kommando (Enter = klar, ? = hjälp): ", "+ Kravprofil ; 1 3 ; ; Med chefen")
    t.expect("Lade till 1. Kravprofil (kunden, kollegor).")
    line(t, "Kommando (Enter = klar, ? = hjälp): ", "")

    t.expect("Reflektion\nNär du förberett dig inför en kommande intervju, reflektera över följande:")
    # Each reflection with its yes/no question, on the map: choosing nothing answers Nej.
    t.expect("Finns det moment som du skulle vilja lägga till?\nVad skulle det vara och med vilket syfte?")
    t.expect("Din karta: Kravprofil")
    line(t, "Moment (Enter = klar): ", "Välkomstsamtal ; 2 ; Tryggare kandidater")
    t.expect("Lade till Välkomstsamtal.")
    line(t, "Moment (Enter = klar): ", "")
    t.expect("Finns det moment som du skulle vilja utveckla?")
    line(t, "Skriv numren på de moment du vill utveckla, t.ex. 1,3 (Enter = inga): ", "4")
    t.expect("Skriv nummer mellan 1 och 1, t.ex. 1,3. Försök igen.")
    line(t, "Skriv numren på de moment du vill utveckla, t.ex. 1,3 (Enter = inga): ", "")
    line(t, "Moment (Enter = klar): ", "")
    t.expect("Behöver något steg tas bort?")
    line(t, "Skriv numren på de moment du vill ta bort, t.ex. 1,3 (Enter = inga): ", "")
    line(t, "Moment (Enter = klar): ", "")

    t.expect("Kund- och kandidatupplevelse")
    t.expect("För kunden")
    line(t, "> ", "Kunden vet vad som händer.")
    line(t, "> ", "")
    t.expect("Betyg för kundens upplevelse")
    t.expect("Skala 1–5: 1 = Mycket dålig, 3 = Godtagbar, 5 = Mycket bra\n")
    line(t, "Skriv en siffra 1–5, eller Enter för att hoppa över: ", "4")
    t.expect("För kandidaten")
    line(t, "> ", "")
    line(t, "Skriv en siffra 1–5, eller Enter för att hoppa över: ", "")

    t.expect("Rapporten är sparad i")
    assert t.wait_exit() == 0
    assert "\x1b" not in t._raw, "plain mode must not write escape codes"

    report = read_report(only_report(reports_dir))
    answers = report.answers
    assert answers["intervjuform"] == Answer(("Telefonintervju", "Konventionell intervju"))
    assert answers["genomforande"] == Answer("Tillsammans med en kollega")
    assert answers["kollega"] == Answer("Kim Berg")
    assert answers["datum"].value in days_around_now()
    assert answers["fore_kunden"] == Answer("Vi går igenom kravprofilen.\nVi bestämmer vem som leder.")
    assert answers["fore_kollegor"] == Answer(None)
    assert answers["fore_lagga_till"] == Answer("Ja")
    assert answers["fore_karta"] == Answer((Moment("Kravprofil", ("kunden", "kollegor"), "Med chefen"),))
    assert answers["fore_lagga_till_vad"] == Answer(
        (ActionItem("Välkomstsamtal", "Tryggare kandidater", involves=("kandidaten",)),)
    )
    assert answers["fore_utveckla"] == Answer("Nej")
    assert answers["fore_ta_bort"] == Answer("Nej")
    assert "fore_utveckla_vad" not in answers
    assert answers["fore_betyg_kund"] == Answer(4)
    assert answers["fore_betyg_kandidat"] == Answer(None)
    assert front_matter(only_report(reports_dir))["steg"]["fore"] == "klar"


@pytest.mark.e2e
def test_term_dumb_chooses_plain_mode_by_itself(run: Run, reports_dir: Path) -> None:
    t = run("snabb", TERM="dumb")
    t.expect("== Om uppdraget ==")
    line(t, "Svar (måste besvaras): ", "Kundtjänst till Servicebolaget")
    line(t, "Svar, eller Enter för att hoppa över: ", "")
    line(t, "Svar, eller Enter för att hoppa över: ", "")
    line(t, "Skriv numren, t.ex. 1,3, eller Enter för att hoppa över: ", "2 3")
    line(t, "[standard: Individuellt]: ", "")
    line(t, "Datum, ÅÅÅÅ-MM-DD", "2024-03-01")
    t.expect("== Del 1: Intervjuprocessen från start till slut ==")
    line(t, "> ", "Förberedde kunden.")
    t.interrupt()  # at the prompt for the next line, once it is there
    match = t.expect(RESUME)
    assert t.wait_exit() == 130
    assert "\x1b" not in t._raw

    report = read_report(only_report(reports_dir), "snabbformat")
    assert report.answers["intervjuform"] == Answer(("Snabbintervju", "Konventionell intervju"))
    assert report.answers["genomforande"] == Answer("Individuellt")
    assert report.answers["datum"] == Answer("2024-03-01")
    assert "forbered" not in report.answers  # the interrupted answer was not finished
    assert match[2] == f"intervjufas snabb --fortsatt {only_report(reports_dir)}"


@pytest.mark.e2e
def test_ctrl_c_saves_and_the_resume_command_keeps_plain_mode(
    run: Run, program: str, reports_dir: Path
) -> None:
    t = run("snabb", "--enkel")
    line(t, "Svar (måste besvaras): ", "Plockare till Nordlager")
    # Ctrl-C waits for the next prompt: sent earlier, it would throw the typed line away unread.
    t.interrupt()
    t.expect("Svar, eller Enter för att hoppa över: ^C\n")  # the message starts on a line of its own
    match = t.expect(RESUME)
    assert t.wait_exit() == 130
    assert match[1] == str(only_report(reports_dir))
    assert match[2].endswith(" --enkel")

    resumed = run(*as_program(match[2], program)[1:])
    resumed.expect("Om uppdraget · fråga 2 av 6\nVilken kund (arbetsgivare) stöttar du i uppdraget?")
    line(resumed, "Svar, eller Enter för att hoppa över: ", "Nordlager AB")
    line(resumed, "Svar, eller Enter för att hoppa över: ", "")
    line(resumed, "Skriv numren", "")
    line(resumed, "[standard: Individuellt]: ", "")
    line(resumed, "Datum, ÅÅÅÅ-MM-DD", "")
    for _ in range(3):  # Del 1: a text and the moments of each phase (none)
        line(resumed, "> ", "")
        line(resumed, "Kommando (Enter = klar, ? = hjälp): ", "")
    for _ in range(2):  # Del 2: customer text and rating, candidate text and rating
        line(resumed, "> ", "")
        line(resumed, "Skriv en siffra 1–5", "5")
    line(resumed, "> ", "Tydliga tider.")
    line(resumed, "> ", "")
    line(resumed, "Moment 1: ", "Ring upp samma dag")
    line(resumed, "Varför / med vilket syfte? ", "Snabbare besked")
    line(resumed, "Moment 2: ", "")
    resumed.expect("Grattis! Bra jobbat – du har klarat delmomentet!")
    assert resumed.wait_exit() == 0
    assert "\x1b" not in resumed._raw

    report = read_report(only_report(reports_dir), "snabbformat")
    assert report.answers["uppdrag"] == Answer("Plockare till Nordlager")
    assert report.answers["kund"] == Answer("Nordlager AB")
    assert report.answers["snabb_betyg_kandidat"] == Answer(5)
    assert report.answers["snabb_utveckla_vad"] == Answer(
        (ActionItem("Ring upp samma dag", "Snabbare besked"),)
    )


# -- answers from a pipe --------------------------------------------------------------------------

QUICK_ANSWERS = [
    "Truckförare till Nordlager",  # uppdrag
    "Nordlager AB",  # kund
    "Truckförare",  # roll
    "1, 3",  # intervjuform
    "2",  # genomforande: Tillsammans med en kollega
    "Kim Berg",  # kollega
    "2024-02-20",  # datum
    "Skickade agenda.",  # forbered: two lines, then the empty line that ends the answer
    "Bokade rum.",
    "",
    "+ Agenda till kunden ; 1",  # forbered_moment: one moment, involving the customer, no note
    "",
    "",  # genomfor: empty
    "",  # genomfor_moment: none
    "Ringde alla.",  # folj_upp
    "",
    "+ Återkoppling ; 2 ; ; Samma dag",  # folj_upp_moment, with a note about the process
    "",
    "Bra.",  # snabb_upplevelse_kund
    "",
    "4",  # snabb_betyg_kund
    "",  # snabb_upplevelse_kandidat: empty
    "",  # snabb_betyg_kandidat: skipped
    "Tydlig agenda.",  # snabb_fungerar_bra
    "",
    "2",  # snabb_utveckla_vad: the second moment on the map
    "Kandidaterna väntar",
    "Tydligare agenda",  # and one not on the map
    "Kunden vill veta mer",
    "",
]


def pipe(
    program: str, reports_dir: Path, home: Path, lines: list[str], *args: str
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [program, "snabb", "--enkel", *args],
        input="".join(f"{text}\n" for text in lines),
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=program_env(reports_dir, home),
        timeout=TIMEOUT * 2,
        check=False,
    )


@pytest.mark.e2e
def test_answers_piped_in_complete_the_session(program: str, reports_dir: Path, home_dir: Path) -> None:
    result = pipe(program, reports_dir, home_dir, QUICK_ANSWERS)
    assert (result.returncode, result.stderr) == (0, "")
    assert "\x1b" not in result.stdout
    # Each answer is echoed after its prompt, so the output reads as a transcript.
    assert "Skriv numren, t.ex. 1,3, eller Enter för att hoppa över: 1, 3\n" in result.stdout
    assert "> Skickade agenda.\n> Bokade rum.\n> \n" in result.stdout
    assert "Grattis! Bra jobbat – du har klarat delmomentet!" in result.stdout

    path = only_report(reports_dir)
    answers = read_report(path, "snabbformat").answers
    assert answers["intervjuform"] == Answer(("Telefonintervju", "Konventionell intervju"))
    assert answers["kollega"] == Answer("Kim Berg")
    assert answers["datum"] == Answer("2024-02-20")
    assert answers["forbered"] == Answer("Skickade agenda.\nBokade rum.")
    assert answers["genomfor"] == Answer(None)
    assert answers["snabb_betyg_kund"] == Answer(4)
    assert answers["snabb_betyg_kandidat"] == Answer(None)
    assert answers["forbered_moment"] == Answer((Moment("Agenda till kunden", ("kunden",)),))
    assert answers["genomfor_moment"] == Answer(None)
    (mapped,) = answers["folj_upp_moment"].value
    assert mapped == Moment("Återkoppling", ("kandidaten",), "Samma dag")
    picked, typed = answers["snabb_utveckla_vad"].value
    assert (picked, typed) == (
        ActionItem("Återkoppling", "Kandidaterna väntar"),
        ActionItem("Tydligare agenda", "Kunden vill veta mer"),
    )
    assert picked.moment_id == mapped.id and not typed.moment_id
    assert "Momenten på din processkarta:\n  1) Agenda till kunden\n  2) Återkoppling\n" in result.stdout
    assert front_matter(path)["steg"] == {"processen": "klar", "reflektera": "klar"}


@pytest.mark.e2e
def test_a_pipe_that_ends_early_saves_what_was_answered(
    program: str, reports_dir: Path, home_dir: Path
) -> None:
    result = pipe(program, reports_dir, home_dir, QUICK_ANSWERS[:9])  # ends inside a multi-line answer
    assert result.returncode == 130
    path = only_report(reports_dir)
    assert result.stderr == (
        f"Indata tog slut innan alla frågor var besvarade. Svaren är sparade i {path}. "
        f"Fortsätt med:\n  intervjufas snabb --fortsatt {path} --enkel\n"
    )
    answers = read_report(path, "snabbformat").answers
    assert answers["datum"] == Answer("2024-02-20")
    assert "forbered" not in answers

    # The rest comes through another pipe, with the printed command.
    rest = pipe(program, reports_dir, home_dir, QUICK_ANSWERS[7:], "--fortsatt", str(path))
    assert (rest.returncode, rest.stderr) == (0, "")
    assert read_report(path, "snabbformat").answers["forbered"] == Answer("Skickade agenda.\nBokade rum.")
    assert len(list(reports_dir.glob("*.md"))) == 1


@pytest.mark.e2e
def test_a_wrong_piped_answer_is_explained_and_the_next_line_is_used(
    program: str, reports_dir: Path, home_dir: Path
) -> None:
    wrong = [*QUICK_ANSWERS[:3], "1,9", *QUICK_ANSWERS[3:6], "31/12", *QUICK_ANSWERS[6:]]
    result = pipe(program, reports_dir, home_dir, wrong)
    assert result.returncode == 0, result.stderr
    assert "Ogiltigt svar: välj ett nummer mellan 1 och 3. Försök igen." in result.stdout
    assert "Ogiltigt svar: '31/12' är inte ett datum på formen ÅÅÅÅ-MM-DD. Försök igen." in result.stdout
    answers = read_report(only_report(reports_dir), "snabbformat").answers
    assert answers["intervjuform"] == Answer(("Telefonintervju", "Konventionell intervju"))
    assert answers["datum"] == Answer("2024-02-20")
