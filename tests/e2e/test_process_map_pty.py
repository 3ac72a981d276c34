"""The process map in a real pseudo-terminal, over two assignments in a row: the first maps the
moments of Steg 1–3 and plans to add one, develop one and remove one; the second follows the plan
up as done and starts from the map that made (the moment added, the one removed gone, the one
developed with its date).  Also the plain prompts (``--enkel``) and ``--ny-karta``."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from intervjufas.model.answers import Moment

from .conftest import (
    CTRL_C,
    ENTER,
    TAB,
    Terminal,
    days_around_now,
    front_matter,
    read_report,
    report_paths,
    section,
    write_answers,
)

Run = Callable[..., Terminal]
AUTHOR = {"INTERVJUFAS_FORFATTARE": "Anna Andersson"}
FIRST_DATE = "2024-05-02"


def metadata(t: Terminal, uppdrag: str, datum: str = "") -> None:
    t.answer_text("Vilket rekryteringsuppdrag gäller kartläggningen?", uppdrag)
    t.answer_text("Vilken kund (arbetsgivare) stöttar du i uppdraget?", "Nordlager AB")
    t.answer_text("Vilken tjänst eller roll rekryterar kunden till?", "")
    t.check("Vilka intervjuformer används?", [])
    t.choose("Gör du kartläggningen individuellt eller tillsammans med en kollega?")
    t.answer_text("Datum för kartläggningen", "\x15" + datum if datum else "")  # (Ctrl-U clears today)


def experience(t: Terminal) -> None:
    """The customer's and the candidate's experience of a step: no texts, ratings skipped."""
    t.answer_long("För kunden", "")
    t.choose("Betyg för kundens upplevelse", 6)  # (hoppa över): skipping a rating is chosen
    t.answer_long("För kandidaten", "")
    t.choose("Betyg för kandidatens upplevelse", 6)


def no_changes_then_experience(t: Terminal) -> None:
    """Nothing to add, develop or remove in the step; then its experience questions."""
    t.reflect("Finns det moment som du skulle vilja lägga till?", adds=True)
    t.reflect("Finns det moment som du skulle vilja utveckla?")
    t.reflect("Behöver något steg tas bort?")
    experience(t)


def offered(t: Terminal, question: str, moments: Sequence[tuple[str, str]]) -> None:
    """A map question pre-filled from the earlier map: each (name, whom and when developed) shown
    in the editor's list, and the whole map kept with Enter."""
    t.expect(question)
    for number, (name, shown) in enumerate(moments, start=1):
        t.expect(re.compile(rf"{number}\. {re.escape(name)}\s+{re.escape(shown)}"))
    t.send(ENTER)
    t.expect(f"{len(moments)} moment:")


def first_assignment(t: Terminal) -> None:
    metadata(t, "Lagerarbetare", FIRST_DATE)
    t.expect("Steg 1: Före intervjun")
    for question in (
        "Hur förbereder du kunden?",
        "Hur förbereder du kandidaten?",
        "Hur involverar du dina kollegor?",
    ):
        t.answer_long(question, "")
    t.moments(
        "Vilka moment ingår generellt i din process före intervjuerna?",
        [("Kravprofil med kunden", [1], "En vecka före"), ("Informationsutskick", [2], "")],
    )
    t.expect("Finns det moment som du skulle vilja lägga till?")
    t.send("nVälkomstsamtal" + TAB + "2" + TAB + "Tryggare kandidater" + ENTER + TAB)  # whom: 2 kandidaten
    t.reflect("Finns det moment som du skulle vilja utveckla?")
    t.reflect("Behöver något steg tas bort?")
    experience(t)

    t.expect("Steg 2: Under intervjun")
    t.answer_long("Hur genomför du intervjun?", "")
    t.choose_with_comment("Finns det en tydlig struktur?", 1)
    t.choose_with_comment("Finns det ett syfte med samtliga delar i intervjun och hur de genomförs?", 1)
    t.moments(
        "Vilka moment ingår generellt i din process under intervjuerna?",
        [("Intervjun", [1, 2], ""), ("Avslutet", [2], "")],
    )
    t.reflect("Finns det moment som du skulle vilja lägga till?", adds=True)
    t.reflect(
        "Finns det moment som du skulle vilja utveckla?",
        on_map=[(2, "Avslutet", "Kandidaten ska veta vad som händer sedan")],
    )
    t.reflect("Behöver något steg tas bort?")
    experience(t)

    t.expect("Steg 3: Efter intervjun")
    t.answer_long("Vilka moment genomför du efter en genomförd intervju?", "")
    t.choose_with_comment("Finns det en tydlig rutin?", 1)
    t.moments(
        "Vilka moment ingår generellt i din process efter intervjuerna?",
        [("Återkoppling", [2], "Inom två dagar"), ("Pappersenkät", [2], "")],
    )
    t.reflect("Finns det moment som du skulle vilja lägga till?", adds=True)
    t.reflect("Finns det moment som du skulle vilja utveckla?")
    t.reflect("Behöver något steg tas bort?", on_map=[(2, "Pappersenkät", "Ingen läser den")])
    experience(t)


def second_assignment(t: Terminal, today: str) -> None:
    metadata(t, "Truckförare")
    t.expect("Du har 3 öppna moment för Nordlager AB.")
    for kind, moment in (("Lägga till", "Välkomstsamtal"), ("Utveckla", "Avslutet"), ("Ta bort", "Pappersenkät")):
        t.expect(f"{kind}: {moment}")
    t.send("ggg" + ENTER)  # Genomfört, each on the one screen
    t.expect("Steg 1: Före intervjun")
    for question in (
        "Hur förbereder du kunden?",
        "Hur förbereder du kandidaten?",
        "Hur involverar du dina kollegor?",
    ):
        t.answer_long(question, "")
    offered(
        t,
        "Vilka moment ingår generellt i din process före intervjuerna?",
        [
            ("Kravprofil med kunden", "kunden"),
            ("Informationsutskick", "kandidaten"),
            ("Välkomstsamtal", "kandidaten"),
        ],
    )
    no_changes_then_experience(t)

    t.expect("Steg 2: Under intervjun")
    t.answer_long("Hur genomför du intervjun?", "")
    t.choose_with_comment("Finns det en tydlig struktur?", 1)
    t.choose_with_comment("Finns det ett syfte med samtliga delar i intervjun och hur de genomförs?", 1)
    offered(
        t,
        "Vilka moment ingår generellt i din process under intervjuerna?",
        [("Intervjun", "kunden, kandidaten"), ("Avslutet", f"kandidaten (utvecklat {today})")],
    )
    no_changes_then_experience(t)

    t.expect("Steg 3: Efter intervjun")
    t.answer_long("Vilka moment genomför du efter en genomförd intervju?", "")
    t.choose_with_comment("Finns det en tydlig rutin?", 1)
    offered(
        t,
        "Vilka moment ingår generellt i din process efter intervjuerna?",
        [("Återkoppling", "kandidaten")],
    )
    no_changes_then_experience(t)


@pytest.mark.e2e
def test_two_assignments_in_a_row_carry_the_map_and_what_was_done(run: Run, reports_dir: Path) -> None:
    t = run("kartlagg", **AUTHOR)
    first_assignment(t)
    assert t.wait_exit() == 0
    [first] = report_paths(reports_dir)
    earlier = read_report(first)
    assert front_matter(first)["karta"] == 6
    drawn = section(first, "Processkarta")
    assert "| Före intervjun | Välkomstsamtal | Nytt | kandidaten |   |" in drawn
    assert "| Under intervjun | Avslutet | Utveckla | kandidaten |   |" in drawn
    assert "| Efter intervjun | Pappersenkät | Ta bort | kandidaten |   |" in drawn

    today = sorted(days_around_now())[0]
    t = run("kartlagg", **AUTHOR)
    second_assignment(t, today)
    assert t.wait_exit() == 0
    [second] = [path for path in report_paths(reports_dir) if path != first]
    report = read_report(second)
    assert report.author == "Anna Andersson" and report.date in days_around_now()
    fore, under, efter = (report.answers[f"{phase}_karta"].value for phase in ("fore", "under", "efter"))
    assert fore == (
        Moment("Kravprofil med kunden", ("kunden",), "En vecka före"),
        Moment("Informationsutskick", ("kandidaten",)),
        Moment("Välkomstsamtal", ("kandidaten",)),
    )
    assert under == (
        Moment("Intervjun", ("kunden", "kandidaten")),
        Moment("Avslutet", ("kandidaten",), developed=report.date),
    )
    assert efter == (Moment("Återkoppling", ("kandidaten",), "Inom två dagar"),)
    # The same moments as before, by id: the one added has the id its plan gave it.
    [added] = earlier.answers["fore_lagga_till_vad"].value  # type: ignore[misc]
    before = {
        m.name: m.id for q in ("fore_karta", "under_karta", "efter_karta") for m in earlier.answers[q].value
    }  # type: ignore[union-attr]
    assert [m.id for m in fore] == [
        before["Kravprofil med kunden"],
        before["Informationsutskick"],
        added.moment_id,
    ]  # type: ignore[union-attr]
    assert [m.id for m in under] == [before["Intervjun"], before["Avslutet"]]  # type: ignore[union-attr]

    text = second.read_text(encoding="utf-8")
    assert "2. **Avslutet**<!-- moment: " in text and f"   - Utvecklat: {report.date}\n" in text
    drawn = section(second, "Processkarta")
    assert f"| Under intervjun | Avslutet | Utvecklat {report.date} | kandidaten |   |" in drawn
    assert "| Före intervjun | Välkomstsamtal |   | kandidaten |   |" in drawn
    assert "Pappersenkät" not in drawn
    assert f"utvecklat {report.date}" in drawn  # in the flowchart too
    header = front_matter(second)
    assert header["karta"] == 6 and sorted(header["uppfoljning"].values()) == ["Genomfört"] * 3


@pytest.mark.e2e
def test_plain_prompts_map_and_pick_moments(run: Run, reports_dir: Path) -> None:
    t = run("kartlagg", "--enkel", "--steg", "1", "--utan-uppfoljning")
    for answer in ("Lagerarbetare", "Nordlager AB", "", "", "1", FIRST_DATE):
        t.expect(re.compile(r"(Svar|Skriv|Datum)[^\n]*: $", re.MULTILINE))
        t.send(answer + "\r")
    for _ in range(3):
        t.expect("> ")
        t.send("\r")
    t.expect("Vilka moment ingår generellt i din process före intervjuerna?")
    t.expect("Kartan är tom.")
    t.answer_text("Kommando (Enter = klar, ? = hjälp): ", "+ Kravprofil ; 1 ; ; Med chefen")
    t.answer_text("Kommando (Enter = klar, ? = hjälp): ", "+ Informationsutskick ; 2,3")
    t.answer_text("Kommando (Enter = klar, ? = hjälp): ", "")
    t.answer_text("Moment (Enter = klar): ", "")  # nothing to add
    t.expect("Momenten på din processkarta:\n  1) Kravprofil\n  2) Informationsutskick\n")
    t.answer_text("Skriv numren på de moment du vill utveckla, t.ex. 1,3 (Enter = inga): ", "2")
    t.answer_text("Varför – Informationsutskick? ", "Kortare text")
    t.answer_text("Moment (Enter = klar): ", "")
    t.answer_text("Skriv numren på de moment du vill ta bort, t.ex. 1,3 (Enter = inga): ", "")
    t.answer_text("Moment (Enter = klar): ", "")
    for _ in range(2):
        t.answer_text("> ", "")
        t.answer_text("Enter för att hoppa över: ", "")
    t.expect("Bra jobbat – Steg 1 är klart.")
    assert t.wait_exit() == 0
    [path] = report_paths(reports_dir)
    report = read_report(path)
    moments = report.answers["fore_karta"].value
    assert moments == (
        Moment("Kravprofil", ("kunden",), "Med chefen"),
        Moment("Informationsutskick", ("kandidaten", "kollegor")),
    )
    [item] = report.answers["fore_utveckla_vad"].value  # type: ignore[misc]
    assert (item.moment, item.why, item.moment_id) == ("Informationsutskick", "Kortare text", moments[1].id)  # type: ignore[index, union-attr]
    assert "| Före intervjun | Informationsutskick | Utveckla | kandidaten, kollegor |   |" in section(
        path, "Processkarta"
    )


@pytest.mark.e2e
def test_ny_karta_starts_blank(run: Run, run_command: Callable, reports_dir: Path, tmp_path: Path) -> None:
    answers = write_answers(
        tmp_path,
        "tidigare.yaml",
        {
            "uppdrag": "Tidigare",
            "fore_karta": ["Kravprofil"],
            "fore_lagga_till": "nej",
            "fore_utveckla": "nej",
            "fore_ta_bort": "nej",
        },
    )
    assert run_command("kartlagg", "--steg", "1", "--svar", str(answers)).returncode == 0
    t = run("kartlagg", "--ny-karta", "--steg", "1")
    metadata(t, "Nytt")
    for question in (
        "Hur förbereder du kunden?",
        "Hur förbereder du kandidaten?",
        "Hur involverar du dina kollegor?",
    ):
        t.answer_long(question, "")
    t.expect("Vilka moment ingår generellt i din process före intervjuerna?")
    t.expect("Kartan är tom: skriv det första momentet.")  # (nothing carried)
    t.send("Telefonintervju" + TAB + "2" + ENTER + ENTER)
    t.expect("Finns det moment som du skulle vilja lägga till?")
    t.send(CTRL_C)
    assert t.wait_exit() == 130
    assert "Kravprofil" not in t.output
    [path] = [p for p in report_paths(reports_dir) if "nytt" in p.name]
    assert read_report(path).answers["fore_karta"].value == (Moment("Telefonintervju", ("kandidaten",)),)
