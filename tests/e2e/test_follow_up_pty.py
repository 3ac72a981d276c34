"""Following up the action plan in a real pseudo-terminal: a new mapping first asks how each open
item of earlier plans went (Genomfört / Delvis / Inte än / Släpp), later mappings ask only the items
still open, and ``--utan-uppfoljning`` skips the follow-up."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from intervjufas.model.answers import Answer

from .conftest import Terminal, front_matter, read_report, report_paths, section, write_answers

Run = Callable[..., Terminal]
FOLLOW_UP = "Uppföljning av tidigare utvecklingsplan"
EARLIER_DATE = "2024-05-02"


def make_earlier_report(run_command: Callable, reports_dir: Path) -> Path:
    """A finished mapping (from an answers file) whose plan has four items in three steps."""
    answers = write_answers(
        reports_dir.parent,
        "tidigare.yaml",
        {
            "uppdrag": "A Lagerarbetare",
            "datum": EARLIER_DATE,
            "fore_lagga_till": "Ja",
            "fore_lagga_till_vad": [
                {"moment": "Välkomstsamtal", "varfor": "Tryggare kandidater"},
                {"moment": "Checklista till kunden", "varfor": "Samma upplägg varje gång"},
            ],
            "fore_utveckla": "Nej",
            "fore_ta_bort": "Nej",
            "under_struktur": "Ja",
            "under_syfte": "Ja",
            "under_lagga_till": "Nej",
            "under_utveckla": "Ja",
            "under_utveckla_vad": [{"moment": "Avslutet", "varfor": "Tydligt nästa steg"}],
            "under_ta_bort": "Nej",
            "efter_rutin": "Delvis",
            "efter_lagga_till": "Nej",
            "efter_utveckla": "Nej",
            "efter_ta_bort": "Ja",
            "efter_ta_bort_vad": [{"moment": "Pappersenkät", "varfor": "Ingen läser den"}],
        },
    )
    made = run_command("kartlagg", "--svar", str(answers))
    assert made.returncode == 0, made.stderr
    [path] = report_paths(reports_dir)
    return path


def start_new_mapping(terminal: Terminal, uppdrag: str) -> None:
    terminal.answer_text("Vilket rekryteringsuppdrag gäller kartläggningen?", uppdrag)
    terminal.answer_text("Vilken kund (arbetsgivare) stöttar du i uppdraget?", "")
    terminal.answer_text("Vilken tjänst eller roll rekryterar kunden till?", "")
    terminal.check("Vilka intervjuformer används?")
    terminal.choose("Gör du kartläggningen individuellt eller tillsammans med en kollega?")
    terminal.answer_text("Datum för kartläggningen")


def stop_at_the_first_step(terminal: Terminal) -> Path:
    """Ctrl-C at the first question of Steg 1; return the saved report."""
    terminal.expect_question("Hur förbereder du kunden?", progress="Steg 1 · fråga 1 av 11")
    terminal.interrupt()
    match = terminal.expect(re.compile(r"Svaren är sparade i (\S+\.md)\."))
    assert terminal.wait_exit() == 130
    return Path(match[1])


@pytest.mark.e2e
def test_open_items_are_followed_up_and_only_the_still_open_ones_come_back(
    run: Run, run_command: Callable, reports_dir: Path
) -> None:
    earlier = make_earlier_report(run_command, reports_dir)
    report_id = front_matter(earlier)["id"]
    # Each item is followed up by its own id, whichever report it is carried to.
    planned = read_report(earlier).answers
    key = {
        item.moment: f"{report_id}/{item.id}"
        for question in ("fore_lagga_till_vad", "under_utveckla_vad", "efter_ta_bort_vad")
        for item in planned[question].value
    }
    assert len(key) == 4 and all(len(k.split("/")[1]) == 8 for k in key.values())

    # Second mapping: after the metadata, a panel lists the four open items by step.
    t = run("kartlagg")
    start_new_mapping(t, "B Truckförare")
    t.expect(FOLLOW_UP)
    t.expect("Du har 4 öppna moment från tidigare rapporter med samma frågeuppsättning.")
    t.expect("Steg 1: Före intervjun")
    t.expect(f"• Välkomstsamtal (lägga till, {EARLIER_DATE})")
    t.expect(f"• Checklista till kunden (lägga till, {EARLIER_DATE})")
    t.expect("Steg 2: Under intervjun")
    t.expect(f"• Avslutet (utveckla, {EARLIER_DATE})")
    t.expect("Steg 3: Efter intervjun")
    t.expect(f"• Pappersenkät (ta bort, {EARLIER_DATE})")

    t.expect("Uppföljning · moment 1 av 4")
    t.expect(f"Från {earlier.name}")
    t.expect("Varför: Tryggare kandidater")
    t.expect_question("Lägga till: Välkomstsamtal – hur gick det?")
    for choice in ("Genomfört", "Delvis", "Inte än", "Släpp"):
        t.expect(choice)
    t.send("1\r")
    t.comment("Görs nu vid varje intervju")
    t.choose_with_comment(
        "Lägga till: Checklista till kunden – hur gick det?", 2, "Halvvägs", progress="moment 2 av 4"
    )
    t.choose_with_comment("Utveckla: Avslutet – hur gick det?", 3, progress="moment 3 av 4")
    t.choose_with_comment(
        "Ta bort: Pappersenkät – hur gick det?", 4, "Kunden vill ha kvar den", progress="moment 4 av 4"
    )
    second = stop_at_the_first_step(t)

    assert front_matter(second)["uppfoljning"] == {
        key["Välkomstsamtal"]: "Genomfört",
        key["Checklista till kunden"]: "Delvis",
        key["Avslutet"]: "Inte än",
        key["Pappersenkät"]: "Släpp",
    }
    follow_ups = {f.key: f for f in read_report(second).follow_ups}
    assert follow_ups[key["Välkomstsamtal"]].answer == Answer("Genomfört", "Görs nu vid varje intervju")
    assert follow_ups[key["Checklista till kunden"]].answer == Answer("Delvis", "Halvvägs")
    assert follow_ups[key["Avslutet"]].answer == Answer("Inte än")
    assert follow_ups[key["Pappersenkät"]].answer == Answer("Släpp", "Kunden vill ha kvar den")
    text = section(second, FOLLOW_UP)
    assert (
        f"### Välkomstsamtal (Steg 1 · lägga till · {EARLIER_DATE})<!-- uppfoljning: {key['Välkomstsamtal']} -->"
        in text
    )
    assert "**Genomfört**" in text
    assert "Görs nu vid varje intervju" in text

    # Third mapping: only what is still open (Delvis, Inte än), with the latest status.
    t = run("kartlagg")
    start_new_mapping(t, "C Kassapersonal")
    t.expect(FOLLOW_UP)
    t.expect("Du har 2 öppna moment från tidigare rapporter med samma frågeuppsättning.")
    t.expect("Uppföljning · moment 1 av 2")
    t.expect("senast: Delvis")
    t.choose_with_comment("Lägga till: Checklista till kunden – hur gick det?", 1, "Klar nu")
    t.expect("Uppföljning · moment 2 av 2")
    t.expect("senast: Inte än")
    t.choose_with_comment("Utveckla: Avslutet – hur gick det?", 3)
    third = stop_at_the_first_step(t)
    for closed in ("Välkomstsamtal", "Pappersenkät"):
        assert closed not in t.output

    assert front_matter(third)["uppfoljning"] == {
        key["Checklista till kunden"]: "Genomfört",
        key["Avslutet"]: "Inte än",
    }
    assert len(report_paths(reports_dir)) == 3


@pytest.mark.e2e
def test_utan_uppfoljning_goes_straight_to_the_steps(
    run: Run, run_command: Callable, reports_dir: Path
) -> None:
    make_earlier_report(run_command, reports_dir)
    t = run("kartlagg", "--utan-uppfoljning")
    start_new_mapping(t, "B Truckförare")
    t.expect("Steg 1: Före intervjun")
    new = stop_at_the_first_step(t)
    assert FOLLOW_UP not in t.output
    assert "hur gick det?" not in t.output
    assert front_matter(new)["uppfoljning"] == {}
    assert FOLLOW_UP not in new.read_text(encoding="utf-8")
