"""Personal data in a real pseudo-terminal: the warning and the choice in the full interface and in
``--enkel``, rewriting with the typed answer offered again, keeping, Ctrl-C at the choice (a
masked unfinished answer), and ``rensa`` asking before it deletes."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import CTRL_C, ENTER, SUBMIT_MULTILINE, Terminal, only_report, read_report

Run = Callable[..., Terminal]
PHONE_ANSWER = "Jag ringer kandidaten på 070-123 45 67 dagen innan."
WARNING = "Svaret innehåller det som ser ut som ett telefonnummer (***-*** 45 67)."
PROGRESS = "Rapporten behöver inga personuppgifter – beskriv processen, inte personerna."
CTRL_U = "\x15"  # deletes the line before the cursor


def answer_metadata(t: Terminal) -> None:
    t.answer_text("Vilket rekryteringsuppdrag gäller kartläggningen?", "Lager till Nordlager")
    t.answer_text("Vilken kund (arbetsgivare) stöttar du i uppdraget?", "Nordlager AB")
    t.answer_text("Vilken tjänst eller roll rekryterar kunden till?", "")
    t.check("Vilka intervjuformer används?", [])
    t.choose("Gör du kartläggningen individuellt eller tillsammans med en kollega?")
    t.answer_text("Datum för kartläggningen", "")


def stop_at_the_next_question(t: Terminal) -> None:
    t.expect("Hur förbereder du kandidaten?")
    t.interrupt()
    t.expect("Avbrutet.")
    assert t.wait_exit() == 130


@pytest.mark.e2e
def test_the_warning_and_a_rewrite_in_the_full_interface(run: Run, reports_dir: Path) -> None:
    t = run("kartlagg", "--steg", "1")
    answer_metadata(t)
    t.answer_long("Hur förbereder du kunden?", PHONE_ANSWER)
    t.expect(WARNING)
    t.expect(PROGRESS)
    t.expect("Vad vill du göra med svaret?")
    t.expect("1) Skriv om svaret")
    t.expect("2) Behåll svaret som det är")
    t.send(ENTER)  # the default: rewrite
    t.expect("Hur förbereder du kunden?")
    t.expect(PHONE_ANSWER)  # offered again, ready to edit
    t.send(CTRL_U + "Jag ringer kandidaten dagen innan." + SUBMIT_MULTILINE)
    stop_at_the_next_question(t)
    path = only_report(reports_dir)
    assert read_report(path).answers["fore_kunden"].value == "Jag ringer kandidaten dagen innan."
    assert "070-123" not in path.read_text(encoding="utf-8")


@pytest.mark.e2e
def test_keeping_the_answer_as_it_is(run: Run, reports_dir: Path) -> None:
    t = run("kartlagg", "--steg", "1")
    answer_metadata(t)
    t.answer_long("Hur förbereder du kunden?", PHONE_ANSWER)
    t.choose("Vad vill du göra med svaret?", 2)
    stop_at_the_next_question(t)
    assert read_report(only_report(reports_dir)).answers["fore_kunden"].value == PHONE_ANSWER


@pytest.mark.e2e
def test_ctrl_c_at_the_choice_keeps_a_masked_unfinished_answer(run: Run, reports_dir: Path) -> None:
    t = run("kartlagg", "--steg", "1")
    answer_metadata(t)
    t.answer_long("Hur förbereder du kunden?", PHONE_ANSWER)
    t.expect("2) Behåll svaret som det är")
    t.send(CTRL_C)
    t.expect(re.compile(r"Avbrutet\. Svaren är sparade i \S+\.md\."))
    assert t.wait_exit() == 130
    path = only_report(reports_dir)
    report = read_report(path)
    assert "fore_kunden" not in report.answers
    assert report.drafts["fore_kunden"].value == "Jag ringer kandidaten på ***-*** 45 67 dagen innan."
    assert "070-123" not in path.read_text(encoding="utf-8")


def line(t: Terminal, prompt: str, answer: str) -> None:
    t.expect(prompt)
    t.send(answer + ENTER)


@pytest.mark.e2e
def test_the_warning_and_a_rewrite_in_plain_mode(run: Run, reports_dir: Path) -> None:
    t = run("kartlagg", "--enkel", "--steg", "1")
    line(t, "Svar (måste besvaras): ", "Lager till Nordlager")
    line(t, "Svar, eller Enter för att hoppa över: ", "")
    line(t, "Svar, eller Enter för att hoppa över: ", "")
    line(t, "Skriv numren, t.ex. 1,3, eller Enter för att hoppa över: ", "")
    line(t, "[standard: Individuellt]: ", "")
    line(t, "Datum, ÅÅÅÅ-MM-DD", "")
    t.expect("Hur förbereder du kunden?")
    line(t, "> ", "Vi mejlar anna.svensson@exempel.se.")
    line(t, "> ", "")
    t.expect("Svaret innehåller det som ser ut som en e-postadress (a***@exempel.se).\n")
    t.expect(
        f"{PROGRESS}\nVad vill du göra med svaret?\n  1) Skriv om svaret\n  2) Behåll svaret som det är\n"
    )
    line(t, "Skriv numret (måste besvaras) [standard: Skriv om svaret]: ", "1")
    t.expect("Föreslaget svar:\n  Vi mejlar anna.svensson@exempel.se.\n")
    line(t, "> ", "Vi mejlar kandidaten.")
    line(t, "> ", "")
    t.expect("Hur förbereder du kandidaten?")
    t.interrupt()
    assert t.wait_exit() == 130
    assert "\x1b" not in t.raw
    assert read_report(only_report(reports_dir)).answers["fore_kunden"].value == "Vi mejlar kandidaten."


@pytest.mark.e2e
def test_rensa_asks_on_a_terminal_before_it_deletes(run: Run, reports: Path) -> None:
    t = run("rensa", "--aldre-an", "1d")
    t.expect("Utvecklingsplanen förlorar 6 öppna moment")
    t.expect("Ta bort 4 rapporter för gott?")
    t.expect("1) Nej, ändra ingenting")
    t.expect("2) Ja, ta bort 4 rapporter")
    t.send("2" + ENTER)
    t.expect("4 rapporter togs bort.")
    assert t.wait_exit() == 0
    assert sorted(p.name for p in reports.glob("*.md")) == ["2024-03-10-trasig.md"]


@pytest.mark.e2e
def test_rensa_on_a_terminal_keeps_everything_by_default(run: Run, reports: Path) -> None:
    before = sorted(p.name for p in reports.glob("*.md"))
    t = run("rensa", "--aldre-an", "1d", "--anonymisera")
    t.expect("Anonymisera 4 rapporter?")
    t.send(ENTER)
    t.expect("Ingenting har ändrats.")
    assert t.wait_exit() == 0
    t = run("rensa", "--aldre-an", "1d")
    t.expect("Ta bort 4 rapporter för gott?")
    t.send(CTRL_C)
    t.expect("Avbrutet. Ingenting har ändrats.")
    assert t.wait_exit() == 130
    assert sorted(p.name for p in reports.glob("*.md")) == before
    assert "Borttaget vid anonymisering" not in (reports / before[0]).read_text(encoding="utf-8")
