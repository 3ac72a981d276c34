"""The map editor and the reflection on the map in a real pseudo-terminal, in a real mapping: the
carried map kept with one key, any field of any moment edited (a renamed moment keeps its identity),
moments added, removed and moved; each edit saved as it is made (a kill after five edits keeps
them); a moment chosen to develop cannot be chosen to remove, and Enter alone chooses nothing; the
same in plain lines (``--enkel``)."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from intervjufas.model.answers import Moment, moments_in

from .conftest import DOWN, ENTER, SPACE, TAB, TIMEOUT, Terminal, read_report, report_paths, write_answers

Run = Callable[..., Terminal]
CTRL_U, ALT_UP, ESC = "\x15", "\x1b\x1b[A", "\x1b"
NO_PLANS = {
    f"{phase}_{plan}": "Nej"
    for phase in ("fore", "under", "efter")
    for plan in ("lagga_till", "utveckla", "ta_bort")
}
FIRST = {
    "uppdrag": "Lager i Borås",
    "kund": "Nordlager AB",
    "datum": "2026-11-02",
    "under_struktur": "Ja",
    "under_syfte": "Ja",
    "efter_rutin": "Ja",
    **NO_PLANS,
    "fore_karta": [
        {"namn": "Genomgång av kravprofilen", "beror": ["kunden"], "notering": "Mall i teamets mapp"},
        {"namn": "Informationsutskick", "beror": ["kandidaten"]},
        {"namn": "Referenstagning", "beror": ["kollegor"]},
    ],
}
QUESTION = "Vilka moment ingår generellt i din process före intervjuerna?"


@pytest.fixture
def first_map(run_command: Callable[..., object], tmp_path: Path, reports_dir: Path) -> tuple[Moment, ...]:
    """A first mapping made from an answers file; its map before the interviews."""
    made = run_command("kartlagg", "--svar", str(write_answers(tmp_path, "svar.yaml", FIRST)))
    assert made.returncode == 0, made.stderr  # type: ignore[attr-defined]
    (path,) = report_paths(reports_dir)
    return moments_in(read_report(path).answers["fore_karta"].value)


def to_the_map(t: Terminal) -> None:
    t.answer_text("Vilket rekryteringsuppdrag gäller kartläggningen?", "Kundtjänst")
    t.answer_text("Vilken kund (arbetsgivare) stöttar du i uppdraget?", "Annat Bolag AB")
    t.answer_text("Vilken tjänst eller roll rekryterar kunden till?", "")
    t.check("Vilka intervjuformer används?", [])
    t.choose("Gör du kartläggningen individuellt eller tillsammans med en kollega?")
    t.answer_text("Datum för kartläggningen", "")
    for question in (
        "Hur förbereder du kunden?",
        "Hur förbereder du kandidaten?",
        "Hur involverar du dina kollegor?",
    ):
        t.answer_long(question, "")
    t.expect(QUESTION)


def new_report(folder: Path, before: Path) -> Path:
    for _ in wait_for("the new report"):
        found = [p for p in report_paths(folder) if p != before]
        if found:
            return found[0]
    raise AssertionError


def saved_with(path: Path, text: str) -> None:
    """Wait until the report on disk holds ``text`` (the program saves it on its own)."""
    for _ in wait_for(f"{text!r} in {path.name}"):
        if text in path.read_text(encoding="utf-8"):
            return


def wait_for(what: str) -> Iterator[None]:
    """Poll a state the program makes, until TIMEOUT (a state, never a fixed time)."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        yield
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.mark.e2e
def test_the_carried_map_is_edited_on_one_screen_and_every_moment_keeps_its_identity(
    run: Run, first_map: tuple[Moment, ...], reports_dir: Path
) -> None:
    (earlier,) = report_paths(reports_dir)
    t = run("kartlagg", "--steg", "1", "--utan-uppfoljning")
    to_the_map(t)
    t.expect("Genomgång av kravprofilen")
    t.expect("Enter Klar")  # the keys are on the screen
    # 1: whom it involves and both notes; 2: a new name; 3: removed; a new moment added; moved up.
    # (The keys go in one stream: the screen redraws only the cells that change, so the test reads
    # the result from what is printed when the editor closes, and from the report.)
    t.send(
        "r"
        + TAB
        + CTRL_U
        + "1,2"
        + TAB
        + "En timme i Borås"
        + TAB
        + CTRL_U
        + "Mall i mappen"
        + ENTER
        + DOWN
        + "r"
        + CTRL_U
        + "Kallelse till kandidaterna"
        + ENTER
        + DOWN
        + "t"
        + "n"
        + "Bokning av intervjuer"
        + TAB
        + "2"
        + ENTER
        + ESC
        + ALT_UP
        + ENTER
    )
    t.expect("3 moment:")
    t.reflect("Finns det moment som du skulle vilja lägga till?", adds=True)
    t.reflect("Finns det moment som du skulle vilja utveckla?")
    t.reflect("Behöver något steg tas bort?")
    t.answer_long("För kunden", "")
    t.choose("Betyg för kundens upplevelse", 3)
    t.answer_long("För kandidaten", "")
    t.choose("Betyg för kandidatens upplevelse", 3)
    assert t.wait_exit() == 0

    moments = moments_in(read_report(new_report(reports_dir, earlier)).answers["fore_karta"].value)
    assert [m.name for m in moments] == [
        "Genomgång av kravprofilen",
        "Bokning av intervjuer",
        "Kallelse till kandidaterna",
    ]
    first, added, renamed = moments
    assert first.id == first_map[0].id and renamed.id == first_map[1].id  # the same moments
    assert added.id not in {m.id for m in first_map}
    assert first.involves == ("kunden", "kandidaten")
    assert (first.note, first.assignment_note) == ("Mall i mappen", "En timme i Borås")
    assert added.involves == ("kandidaten",)


@pytest.mark.e2e
def test_enter_keeps_the_whole_map_and_a_kill_after_five_edits_keeps_them(
    run: Run, first_map: tuple[Moment, ...], reports_dir: Path
) -> None:
    (earlier,) = report_paths(reports_dir)
    t = run("kartlagg", "--steg", "1", "--utan-uppfoljning")
    to_the_map(t)
    t.expect("Referenstagning")
    t.send("".join("n" + f"Moment {number}" + ENTER + ESC for number in range(1, 6)))  # five edits
    path = new_report(reports_dir, earlier)
    saved_with(path, "Moment 5")  # each edit is saved as it is made
    t.child.kill(signal.SIGKILL)
    t.child.wait()
    kept = read_report(path)
    moments = moments_in(kept.drafts["fore_karta"].value)  # kept as the unfinished answer
    assert [m.name for m in moments] == [m.name for m in first_map] + [f"Moment {n}" for n in range(1, 6)]
    assert [m.id for m in moments[:3]] == [m.id for m in first_map]

    resumed = run("kartlagg", "--fortsatt", path.name)
    resumed.expect(QUESTION)
    resumed.expect("Moment 5")  # offered as it was left
    resumed.send(ENTER)  # kept whole with one key
    resumed.expect("8 moment:")
    resumed.interrupt()


@pytest.mark.e2e
def test_a_moment_chosen_to_develop_cannot_be_removed_and_enter_alone_chooses_nothing(
    run: Run, first_map: tuple[Moment, ...], reports_dir: Path
) -> None:
    (earlier,) = report_paths(reports_dir)
    t = run("kartlagg", "--steg", "1", "--utan-uppfoljning")
    to_the_map(t)
    t.expect("Referenstagning")
    t.send(ENTER)
    # The phase's three reflections are on one screen, in order; Tab goes to the next one.
    t.reflect("Finns det moment som du skulle vilja lägga till?", adds=True)
    t.expect("Finns det moment som du skulle vilja utveckla?")
    t.expect("Behöver något steg tas bort?")
    t.expect("Tab Nästa fråga")
    t.send(DOWN + SPACE + "vTydligare mejl" + ENTER + TAB)
    t.expect("valt att utveckla")  # shown as taken on the map of the next question
    # Space on the moment chosen to develop is refused; Enter confirms all three, and the question
    # with nothing marked chooses nothing.
    t.send(DOWN + SPACE)
    t.expect("redan valt att utveckla")
    t.send(ENTER)
    t.answer_long("För kunden", "")
    t.choose("Betyg för kundens upplevelse", 3)
    t.answer_long("För kandidaten", "")
    t.choose("Betyg för kandidatens upplevelse", 3)
    assert t.wait_exit() == 0
    answers = read_report(new_report(reports_dir, earlier)).answers
    (developed,) = answers["fore_utveckla_vad"].value  # type: ignore[misc]
    assert developed.moment_id == first_map[1].id and developed.why == "Tydligare mejl"
    assert answers["fore_utveckla"].value == "Ja"
    assert answers["fore_ta_bort"].value == "Nej" and "fore_ta_bort_vad" not in answers
    assert answers["fore_lagga_till"].value == "Nej"


@pytest.mark.e2e
def test_ctrl_c_on_the_reflection_screen_keeps_what_was_chosen(
    run: Run, first_map: tuple[Moment, ...], reports_dir: Path
) -> None:
    (earlier,) = report_paths(reports_dir)
    t = run("kartlagg", "--steg", "1", "--utan-uppfoljning")
    to_the_map(t)
    t.expect("Referenstagning")
    t.send(ENTER)
    t.expect("Behöver något steg tas bort?")
    t.send(TAB + DOWN + SPACE + "vTydligare mejl" + ENTER)  # the second question: develop moment 2
    path = new_report(reports_dir, earlier)
    saved_with(path, "Tydligare mejl")  # saved as it is made
    t.interrupt()
    assert t.wait_exit() == 130
    report = read_report(path)
    assert report.answers["fore_utveckla"].value == "Ja"
    (developed,) = report.drafts["fore_utveckla_vad"].value  # type: ignore[misc]
    assert developed.moment_id == first_map[1].id and developed.why == "Tydligare mejl"
    assert "fore_lagga_till" not in report.answers and "fore_ta_bort" not in report.answers


@pytest.mark.e2e
def test_plain_lines_edit_the_map_and_reflect_on_it(
    run: Run, first_map: tuple[Moment, ...], reports_dir: Path
) -> None:
    (earlier,) = report_paths(reports_dir)
    t = run("kartlagg", "--enkel", "--steg", "1", "--utan-uppfoljning")

    def line(prompt: str, text: str) -> None:
        t.expect(prompt)
        t.send(text + ENTER)

    line("Vilket rekryteringsuppdrag gäller kartläggningen?", "Kundtjänst")
    line("Vilken kund (arbetsgivare) stöttar du i uppdraget?", "Annat Bolag AB")
    line("Vilken tjänst eller roll rekryterar kunden till?", "")
    line("Vilka intervjuformer används?", "")
    line("Gör du kartläggningen individuellt eller tillsammans med en kollega?", "")
    line("Datum för kartläggningen", "")
    for question in (
        "Hur förbereder du kunden?",
        "Hur förbereder du kandidaten?",
        "Hur involverar du dina kollegor?",
    ):
        line(question, "")
    t.expect(QUESTION)
    t.expect("1. Genomgång av kravprofilen (kunden)")
    for command in (
        "b 1 1,2",
        "n 1 En timme i Borås",
        "r 2 Kallelse till kandidaterna",
        "t 3",
        "+ Bokning ; 2",
        "f 3 2",
    ):
        line("Kommando (Enter = klar, ? = hjälp):", command)
    line("Kommando (Enter = klar, ? = hjälp):", "")
    line("Moment (Enter = klar):", "")  # nothing to add
    t.expect("Finns det moment som du skulle vilja utveckla?")  # the questions as written, in order
    t.expect("Vad ser du att det finns en utvecklingspotential kring och varför?")
    line("Skriv numren på de moment du vill utveckla", "3")
    line("Varför – Kallelse till kandidaterna?", "Tydligare")
    line("Moment (Enter = klar):", "")
    line("Skriv numren på de moment du vill ta bort", "3")  # taken by the reflection before
    t.expect("redan valt att utveckla")
    line("Skriv numren på de moment du vill ta bort", "")
    line("Moment (Enter = klar):", "")
    for question in (
        "För kunden",
        "Betyg för kundens upplevelse",
        "För kandidaten",
        "Betyg för kandidatens upplevelse",
    ):
        line(question, "3" if question.startswith("Betyg") else "")
    assert t.wait_exit() == 0
    answers = read_report(new_report(reports_dir, earlier)).answers
    moments = moments_in(answers["fore_karta"].value)
    assert [m.name for m in moments] == ["Genomgång av kravprofilen", "Bokning", "Kallelse till kandidaterna"]
    assert (
        moments[0].involves == ("kunden", "kandidaten") and moments[0].assignment_note == "En timme i Borås"
    )
    assert moments[2].id == first_map[1].id
    assert answers["fore_utveckla"].value == "Ja" and answers["fore_ta_bort"].value == "Nej"
