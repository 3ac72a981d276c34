"""Following up the action plan in a real pseudo-terminal: a new mapping first asks how each open
item of earlier plans went (Genomfört / Delvis / Inte än / Släpp), later mappings ask only the items
still open, and ``--utan-uppfoljning`` skips the follow-up."""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from intervjufas.model.answers import Answer

from .conftest import Terminal, front_matter, read_report, report_paths, section, write_answers

Run = Callable[..., Terminal]
FOLLOW_UP = "Uppföljning av tidigare utvecklingsplan"
EARLIER_DATE = "2024-05-02"
COMMENT = "Görs nu vid varje intervju"
UP = "\x1b[A"


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

    # Second mapping: after the metadata, one screen holds the four open items by step, each
    # named with its kind, with the keys shown.
    t = run("kartlagg")
    start_new_mapping(t, "B Truckförare")
    t.expect(f"{FOLLOW_UP} · Uppföljning · moment 1–4 av 4")
    t.expect("Du har 4 öppna moment från tidigare rapporter med samma frågeuppsättning.")
    t.expect("Status med en tangent: g Genomfört, d Delvis, i Inte än, s Släpp.")
    t.expect("Steg 1: Före intervjun")
    t.expect("1. Lägga till: Välkomstsamtal")
    t.expect(f"Från {earlier.name}")
    t.expect("Varför: Tryggare kandidater")
    t.expect("2. Lägga till: Checklista till kunden")
    t.expect("Steg 2: Under intervjun")
    t.expect("3. Utveckla: Avslutet")
    t.expect("Steg 3: Efter intervjun")
    t.expect("4. Ta bort: Pappersenkät")
    for letter, word in (("g", "Genomfört"), ("d", "Delvis"), ("i", "Inte än"), ("s", "Släpp"), ("k", "Kommentar")):
        t.expect(re.compile(rf"\b{letter} {word}\b"))  # the key bar
    # A comment before the status, a status (each moves on to the next item), a digit, a status
    # taken back with x and set again.
    t.send(f"k{COMMENT}\rg")
    t.send("kHalvvägs\rd3")  # Delvis for the second, Inte än (by its digit) for the third
    t.send(f"{UP}xi")
    t.send("kKunden vill ha kvar den\rs\r")
    t.expect("Lägga till: Välkomstsamtal – Genomfört · Görs nu vid varje intervju")
    t.expect("Ta bort: Pappersenkät – Släpp · Kunden vill ha kvar den")
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
    t.expect("1. Lägga till: Checklista till kunden")
    t.expect("senast: Delvis")
    t.expect("2. Utveckla: Avslutet")
    t.expect("senast: Inte än")
    t.send("kKlar nu\rgi\r")
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


@pytest.mark.e2e
def test_the_follow_up_screen_saves_each_status_and_ctrl_c_keeps_them(
    run: Run, run_command: Callable, reports_dir: Path
) -> None:
    make_earlier_report(run_command, reports_dir)
    t = run("kartlagg")
    start_new_mapping(t, "B Truckförare")
    t.expect("4. Ta bort: Pappersenkät")
    t.send(f"gd{UP}x")  # Genomfört for the first; Delvis for the second, then taken back
    new = next(p for p in report_paths(reports_dir) if "truck" in p.name)
    for _ in range(300):  # (each status is saved as it is set: wait for the file to say so)
        follow_ups = {f.label.split(" (")[0]: f.status for f in read_report(new).follow_ups}
        if follow_ups.get("Välkomstsamtal") == "Genomfört" and "Delvis" not in follow_ups.values():
            break
        time.sleep(0.1)
    else:
        pytest.fail(f"the statuses were not saved: {follow_ups}")
    t.interrupt()
    assert t.wait_exit() == 130
    kept = {f.label.split(" (")[0]: f.status for f in read_report(new).follow_ups}
    assert kept["Välkomstsamtal"] == "Genomfört"
    assert {kept[label] for label in kept if label != "Välkomstsamtal"} == {None}  # asked when continued

    # Skipped on the screen: an item left without a status is not recorded and comes back.
    t = run("kartlagg", "--fortsatt", new.name)
    t.choose_with_comment("Lägga till: Checklista till kunden – hur gick det?", 2)
    t.choose_with_comment("Utveckla: Avslutet – hur gick det?", 3)
    t.choose_with_comment("Ta bort: Pappersenkät – hur gick det?", 4)
    stop_at_the_first_step(t)
    t = run("kartlagg")
    start_new_mapping(t, "C Kassapersonal")
    t.expect("Du har 2 öppna moment")
    t.send("\r")  # nothing set: both come back next time
    third = stop_at_the_first_step(t)
    assert read_report(third).follow_ups == []


@pytest.mark.e2e
def test_the_screen_and_plain_lines_record_the_same_follow_up(
    run: Run, run_command: Callable, reports_dir: Path, tmp_path: Path
) -> None:
    """The same statuses and comments, set on the screen and typed with --enkel, give the same
    follow-up section, byte for byte."""
    earlier = make_earlier_report(run_command, reports_dir)
    plain_dir = tmp_path / "enkel"
    plain_dir.mkdir()
    shutil.copy2(earlier, plain_dir / earlier.name)
    given = [("1", "g", "Görs nu"), ("2", "d", ""), ("3", "i", ""), ("4", "s", "Kunden vill ha kvar den")]

    t = run("kartlagg")
    start_new_mapping(t, "B Truckförare")
    t.expect("4. Ta bort: Pappersenkät")
    t.send("".join((f"k{comment}\r" if comment else "") + key for _, key, comment in given) + "\r")
    on_screen = stop_at_the_first_step(t)

    p = run("kartlagg", "--enkel", INTERVJUFAS_KATALOG=str(plain_dir))
    for question in (
        "Vilket rekryteringsuppdrag gäller kartläggningen?",
        "Vilken kund (arbetsgivare) stöttar du i uppdraget?",
        "Vilken tjänst eller roll rekryterar kunden till?",
        "Vilka intervjuformer används?",
        "Gör du kartläggningen individuellt eller tillsammans med en kollega?",
        "Datum för kartläggningen",
    ):
        p.expect(question)
        p.send(("B Truckförare" if question.startswith("Vilket") else "") + "\r")
    for number, _, comment in given:
        p.expect("– hur gick det?")
        p.send(number + "\r")
        p.expect("Kommentar (valfritt):")
        p.send(comment + "\r")
    p.expect("Hur förbereder du kunden?")
    p.interrupt()
    assert p.wait_exit() == 130
    (in_lines,) = [path for path in report_paths(plain_dir) if path.name != earlier.name]
    assert section(in_lines, FOLLOW_UP) == section(on_screen, FOLLOW_UP)
    assert front_matter(in_lines)["uppfoljning"] == front_matter(on_screen)["uppfoljning"]


@pytest.mark.e2e
def test_a_comment_without_a_status_is_not_dropped_without_a_word(
    run: Run, run_command: Callable, reports_dir: Path
) -> None:
    make_earlier_report(run_command, reports_dir)
    t = run("kartlagg")
    start_new_mapping(t, "B Truckförare")
    t.expect(f"{FOLLOW_UP} · Uppföljning · moment 1–4 av 4")
    t.send("kSkrivet men utan status\r")
    t.expect("Kommentaren sparas när du väljer en status.")
    t.send("\r")  # the first Enter says the comment would be lost, and keeps the screen open
    t.expect("Kommentaren till Välkomstsamtal sparas bara med en status")
    t.send("g\r")  # a status keeps it
    t.expect("Lägga till: Välkomstsamtal – Genomfört · Skrivet men utan status")
    second = stop_at_the_first_step(t)
    [follow_up] = read_report(second).follow_ups
    assert "Välkomstsamtal" in follow_up.label
    assert follow_up.answer == Answer("Genomfört", "Skrivet men utan status")
