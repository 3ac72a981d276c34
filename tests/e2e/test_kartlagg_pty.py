"""``intervjufas kartlagg`` in a real pseudo-terminal: a whole mapping, stopping and resuming,
single steps, starting from an earlier report, and the refusal to run without a terminal."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from intervjufas.model.answers import ActionItem, Answer, Moment
from intervjufas.questionsets.catalog import builtin_set

from .conftest import (
    ENTER,
    TAB,
    Terminal,
    as_program,
    days_around_now,
    front_matter,
    only_report,
    read_report,
    report_paths,
    section,
    write_answers,
)

KARTLAGGNING = builtin_set("kartlaggning")
STEP1, STEP2, STEP3 = KARTLAGGNING.steps
RESUME = re.compile(r"Avbrutet\. Svaren är sparade i (\S+\.md)\. Fortsätt med:\n  (intervjufas kartlagg [^\n]+)")

Run = Callable[..., Terminal]


def answer_metadata(terminal: Terminal, uppdrag: str) -> None:
    """Name the assignment and accept the other metadata defaults."""
    terminal.answer_text("Vilket rekryteringsuppdrag gäller kartläggningen?", uppdrag)
    terminal.answer_text("Vilken kund (arbetsgivare) stöttar du i uppdraget?", "Kund AB")
    terminal.answer_text("Vilken tjänst eller roll rekryterar kunden till?", "")
    terminal.check("Vilka intervjuformer används?", [])
    terminal.choose("Gör du kartläggningen individuellt eller tillsammans med en kollega?")
    terminal.answer_text("Datum för kartläggningen", "")


@pytest.mark.e2e
def test_a_whole_mapping_is_saved_step_by_step(run: Run, reports_dir: Path) -> None:
    t = run("kartlagg")
    t.expect("Om uppdraget")
    t.answer_text(
        "Vilket rekryteringsuppdrag gäller kartläggningen?",
        "Lagerarbetare till Nordlager",
        progress="Om uppdraget · fråga 1 av 6",
    )
    t.answer_text("Vilken kund (arbetsgivare) stöttar du i uppdraget?", "Nordlager AB")
    t.answer_text("Vilken tjänst eller roll rekryterar kunden till?", "Lagerarbetare")
    t.check("Vilka intervjuformer används?", [1, 3])
    t.expect("Telefonintervju, Konventionell intervju")  # the choices are echoed once chosen
    t.choose("Gör du kartläggningen individuellt eller tillsammans med en kollega?", 2)
    # Choosing a colleague adds a question, and the count follows.
    t.answer_text(
        "Vilken kollega gör du kartläggningen med?", "Kim Berg", progress="Om uppdraget · fråga 5 av 6 · följdfråga"
    )
    t.answer_text("Datum för kartläggningen", "", progress="Om uppdraget · fråga 6 av 6")

    # Steg 1: multi-line answers, one left empty, Ja with action items, Nej, a rating and a skip.
    t.expect("Steg 1: Före intervjun")
    t.answer_long(
        "Hur förbereder du kunden?",
        "Vi går igenom kravprofilen.\nVi bestämmer vem som leder intervjun.",
        progress="Steg 1 · fråga 1 av 11",
    )
    t.answer_long("Hur förbereder du kandidaten?", "Skickar information om arbetsplatsen.")
    t.answer_long("Hur involverar du dina kollegor?", "")
    # The moments of the process before the interviews, whom each involves, a note.
    t.moments(
        "Vilka moment ingår generellt i din process före intervjuerna?",
        [("Kravprofil", [1], "Med chefen"), ("Informationsutskick", [2, 3], "")],
    )
    t.expect("Reflektion")
    # The step's reflections are answered on one screen with the map, each with its yes/no question
    # (one question in the count), in order.
    t.expect("Steg 1 · Reflektion på kartan")
    start = t.pos
    t.expect("fråga 5 av 11 · Finns det moment som du skulle vilja lägga till?")
    t.expect("fråga 6 av 11 · Finns det moment som du skulle vilja utveckla?")
    t.expect("fråga 7 av 11 · Behöver något steg tas bort?")
    t.pos = start  # (each is answered below, in order)
    t.reflect(
        "Finns det moment som du skulle vilja lägga till?",
        [
            ("Välkomstsamtal med kandidaten", "Tryggare kandidater"),
            ("Checklista till kunden", "Samma upplägg"),
        ],
        adds=True,
    )
    t.reflect("Finns det moment som du skulle vilja utveckla?")  # Enter alone chooses nothing: Nej
    t.reflect("Behöver något steg tas bort?")
    t.expect("Kund- och kandidatupplevelse")
    t.answer_long("För kunden", "Kunden känner sig förberedd.")
    t.expect_question("Betyg för kundens upplevelse")
    t.expect("(välj med siffra eller piltangenter, sedan Enter)")
    t.send(ENTER)  # Enter alone chooses nothing on a rating: neither a number nor "(hoppa över)"
    t.send("4" + ENTER)
    t.expect("? Betyg för kundens upplevelse 4 av 5")  # one form: "N av 5", with a label when it has one
    t.answer_long("För kandidaten", "Mindre nervositet.")
    t.choose("Betyg för kandidatens upplevelse", 6)  # skipping is chosen: "(hoppa över)" comes last
    t.expect("? Betyg för kandidatens upplevelse (hoppa över)")

    # Steg 2: Ja/Delvis/Nej with comments, Nej to adding, Ja to developing.
    t.expect("Steg 2: Under intervjun")
    t.answer_long("Hur genomför du intervjun?", "Strukturerad intervju med samma frågor till alla.")
    t.choose_with_comment("Finns det en tydlig struktur?", 2, "Mallen används inte alltid")
    t.choose_with_comment("Finns det ett syfte med samtliga delar i intervjun och hur de genomförs?", 1)
    t.moments(
        "Vilka moment ingår generellt i din process under intervjuerna?",
        [("Presentation", [], ""), ("Avslutet av intervjun", [2], "")],
    )
    t.reflect("Finns det moment som du skulle vilja lägga till?")
    # What to develop is marked on the map of this phase.
    t.reflect(
        "Finns det moment som du skulle vilja utveckla?",
        on_map=[(2, "Avslutet av intervjun", "Kandidaten ska veta vad som händer sedan")],
    )
    t.reflect("Behöver något steg tas bort?")
    t.answer_long("För kunden", "")
    t.choose("Betyg för kundens upplevelse", 6)  # the digit of "(hoppa över)"
    t.answer_long("För kandidaten", "")
    t.choose("Betyg för kandidatens upplevelse", 3)

    # Steg 3
    t.expect("Steg 3: Efter intervjun")
    t.answer_long("Vilka moment genomför du efter en genomförd intervju?", "Återkoppling till alla.")
    t.choose_with_comment("Finns det en tydlig rutin?", 3, "Ingen fast rutin")
    t.moments("Vilka moment ingår generellt i din process efter intervjuerna?", [])  # none mapped
    t.reflect(
        "Finns det moment som du skulle vilja lägga till?",
        [("Återkoppling inom två dagar", "Bättre kandidatupplevelse")],
        adds=True,
    )
    t.reflect("Finns det moment som du skulle vilja utveckla?")
    t.reflect("Behöver något steg tas bort?", [("Pappersenkät", "Ingen läser den")])
    t.answer_long("För kunden", "Snabbt besked.")
    t.choose("Betyg för kundens upplevelse", 5)
    t.answer_long("För kandidaten", "Vet var de står.")
    t.choose("Betyg för kandidatens upplevelse", 4)

    path = only_report(reports_dir)
    t.expect(f"Rapporten är sparad i {path}")
    t.expect("Grattis! Bra jobbat")
    assert t.wait_exit() == 0

    # What was not asked: Nej closes its follow-up question.
    output = t.output
    # (the reflection's question is on its screen with the yes/no question, word for word)
    assert (
        "Finns det moment som du skulle vilja lägga till? Vad skulle det vara och med vilket syfte?"
        in output
    )
    assert "Traceback" not in output

    header = front_matter(path)
    assert header["steg"] == {"fore": "klar", "under": "klar", "efter": "klar"}
    assert len(header["atgarder"]) == 5
    assert header["karta"] == 4
    metadata = header["metadata"]
    assert metadata["uppdrag"] == "Lagerarbetare till Nordlager"
    assert metadata["intervjuform"] == ["Telefonintervju", "Konventionell intervju"]
    assert metadata["genomforande"] == "Tillsammans med en kollega"
    assert metadata["kollega"] == "Kim Berg"
    assert str(metadata["datum"]) in days_around_now()

    report = read_report(path)
    answers = report.answers
    assert answers["fore_kunden"] == Answer(
        "Vi går igenom kravprofilen.\nVi bestämmer vem som leder intervjun."
    )
    assert answers["fore_kollegor"] == Answer(None)  # answered, left empty
    assert answers["fore_lagga_till_vad"].value == (
        ActionItem("Välkomstsamtal med kandidaten", "Tryggare kandidater"),
        ActionItem("Checklista till kunden", "Samma upplägg"),
    )
    assert answers["fore_karta"].value == (
        Moment("Kravprofil", ("kunden",), "Med chefen"),  # (a note about the process)
        Moment("Informationsutskick", ("kandidaten", "kollegor")),
    )
    mapped = {m.name: m.id for m in answers["under_karta"].value}
    developed = answers["under_utveckla_vad"].value
    assert developed == (ActionItem("Avslutet av intervjun", "Kandidaten ska veta vad som händer sedan"),)
    assert developed[0].moment_id == mapped["Avslutet av intervjun"]  # the very moment on the map
    assert "efter_karta" in answers and answers["efter_karta"] == Answer(None)
    assert answers["fore_utveckla"] == Answer("Nej")
    assert "fore_utveckla_vad" not in answers
    assert answers["fore_betyg_kund"] == Answer(4)
    assert answers["fore_betyg_kandidat"] == Answer(None)  # skipped
    assert answers["under_struktur"] == Answer("Delvis", "Mallen används inte alltid")
    assert answers["under_syfte"] == Answer("Ja")
    assert "under_lagga_till_vad" not in answers
    assert answers["under_betyg_kund"] == Answer(None)
    assert answers["under_betyg_kandidat"] == Answer(3)
    assert answers["efter_rutin"] == Answer("Nej", "Ingen fast rutin")
    assert answers["efter_ta_bort_vad"].value == (ActionItem("Pappersenkät", "Ingen läser den"),)

    plan = section(path, "Utvecklingsplan")
    assert "| Steg 1 | Lägga till | Välkomstsamtal med kandidaten | Tryggare kandidater |" in plan
    assert "| Steg 2 | Utveckla | Avslutet av intervjun | Kandidaten ska veta vad som händer sedan |" in plan
    assert "| Steg 3 | Ta bort | Pappersenkät | Ingen läser den |" in plan
    process_map = section(path, "Processkarta")
    assert "| Före intervjun | Kravprofil |   | kunden | Med chefen |" in process_map
    assert "| Under intervjun | Avslutet av intervjun | Utveckla | kandidaten |   |" in process_map
    assert "| Efter intervjun | Återkoppling inom två dagar | Nytt |   |   |" in process_map
    assert "flowchart" in process_map


@pytest.mark.e2e
def test_ctrl_c_saves_and_the_printed_command_resumes_at_the_first_unanswered_question(
    run: Run, program: str, reports_dir: Path
) -> None:
    t = run("kartlagg")
    answer_metadata(t, "Säljare till Kontorsvaror")
    t.answer_long("Hur förbereder du kunden?", "Kravprofil och frågor.")
    t.answer_long("Hur förbereder du kandidaten?", "Ett samtal innan.")
    t.expect_question("Hur involverar du dina kollegor?", progress="Steg 1 · fråga 3 av 11")
    t.interrupt()
    match = t.expect(RESUME)
    assert t.wait_exit() == 130
    assert "Traceback" not in t.output

    path = only_report(reports_dir)
    assert match[1] == str(path)
    assert match[2] == f"intervjufas kartlagg --fortsatt {path}"
    saved = read_report(path)
    assert saved.answers["fore_kunden"] == Answer("Kravprofil och frågor.")
    assert saved.answers["fore_kandidaten"] == Answer("Ett samtal innan.")
    assert "fore_kollegor" not in saved.answers
    assert front_matter(path)["steg"] == {"fore": "påbörjad", "under": "ej påbörjad", "efter": "ej påbörjad"}

    # Exactly the printed command continues where the user stopped.
    resumed = run(*as_program(match[2], program)[1:])
    note = f"Fortsätter {path.name} (Säljare till Kontorsvaror): Steg 1 påbörjad, Steg 2 ej påbörjad, Steg 3 ej påbörjad."
    resumed.expect(re.compile(r"\s+".join(map(re.escape, note.split()))))  # folded to the terminal's width
    resumed.expect_question("Hur involverar du dina kollegor?", progress="Steg 1 · fråga 3 av 11")
    for earlier in ("Om uppdraget", "Vilket rekryteringsuppdrag", "Hur förbereder du kunden?"):
        assert earlier not in resumed.output
    resumed.send("Vi fördelar intervjuerna.\x1b\r")
    rest_of_step1 = [
        q for q in STEP1.questions if q.id not in ("fore_kunden", "fore_kandidaten", "fore_kollegor")
    ]
    expected = resumed.answer_questions(
        rest_of_step1, {"fore_ta_bort": "Ja", "fore_ta_bort_vad": [("Dubbla kallelser", "Förvirrar")]}
    )
    expected |= resumed.answer_questions(STEP2.questions)
    expected |= resumed.answer_questions(STEP3.questions, {"efter_betyg_kund": None})
    resumed.expect("Grattis! Bra jobbat")
    assert resumed.wait_exit() == 0
    for earlier in (
        "Vilket rekryteringsuppdrag",
        "Hur förbereder du kunden?",
        "Hur förbereder du kandidaten?",
    ):
        assert earlier not in resumed.output

    assert report_paths(reports_dir) == [path]
    assert front_matter(path)["steg"] == {"fore": "klar", "under": "klar", "efter": "klar"}
    final = read_report(path)
    assert final.report_id == saved.report_id
    assert final.answers["fore_kunden"] == Answer("Kravprofil och frågor.")
    assert final.answers["fore_kollegor"] == Answer("Vi fördelar intervjuerna.")
    for key, answer in expected.items():
        assert final.answers[key] == answer, key
    assert "| Steg 1 | Ta bort | Dubbla kallelser | Förvirrar |" in section(path, "Utvecklingsplan")


@pytest.mark.e2e
def test_ctrl_c_in_a_comment_keeps_the_choice_and_the_half_typed_comment(run: Run, reports_dir: Path) -> None:
    t = run("kartlagg", "--steg", "2")
    answer_metadata(t, "Kock till Restaurangen")
    t.answer_long("Hur genomför du intervjun?", "Med samma frågor till alla.")
    t.expect_question("Finns det en tydlig struktur?")
    t.expect("Tab väljer och kommenterar")
    t.send("2" + TAB)  # Delvis, with a comment
    t.expect("Kommentar (valfritt):")
    t.send("Halvskriven kommen")
    t.interrupt()
    t.expect(RESUME)
    assert t.wait_exit() == 130
    saved = read_report(only_report(reports_dir))
    assert "under_struktur" not in saved.answers  # unfinished: asked again when the report is continued
    assert saved.drafts["under_struktur"] == Answer("Delvis", "Halvskriven kommen")
    assert "under_syfte" not in saved.answers


@pytest.mark.e2e
def test_one_step_at_a_time_with_steg_and_fortsatt(run: Run, program: str, reports_dir: Path) -> None:
    t = run("kartlagg", "--steg", "1")
    answer_metadata(t, "Undersköterska till Vården")
    step1 = t.answer_questions(STEP1.questions)
    t.expect("Kvar att göra: Steg 2: Under intervjun, Steg 3: Efter intervjun.")
    match = t.expect(re.compile(r"Fortsätt med Steg 2 när det passar:\n  (intervjufas kartlagg [^\n]+)"))
    assert t.wait_exit() == 0
    assert "Hur genomför du intervjun?" not in t.output
    assert "Grattis" not in t.output

    path = only_report(reports_dir)
    assert match[1] == f"intervjufas kartlagg --fortsatt {path} --steg 2"
    assert front_matter(path)["steg"] == {"fore": "klar", "under": "ej påbörjad", "efter": "ej påbörjad"}

    later = run(*as_program(match[1], program)[1:])
    later.expect("Steg 2: Under intervjun")
    step2 = later.answer_questions(STEP2.questions, {"under_struktur": ("Delvis", "Ibland")})
    later.expect("Kvar att göra: Steg 3: Efter intervjun.")
    assert later.wait_exit() == 0
    assert "Vilket rekryteringsuppdrag" not in later.output
    assert "Hur förbereder du kunden?" not in later.output
    assert "Vilka moment genomför du efter en genomförd intervju?" not in later.output

    assert front_matter(path)["steg"] == {"fore": "klar", "under": "klar", "efter": "ej påbörjad"}
    report = read_report(path)
    for key, answer in (step1 | step2).items():
        assert report.answers[key] == answer, key


@pytest.mark.e2e
def test_utga_fran_offers_every_earlier_answer_as_the_default(
    run: Run, run_command: Callable, reports_dir: Path
) -> None:
    reports_dir.mkdir(parents=True)
    answers_file = write_answers(
        reports_dir.parent,
        "svar.yaml",
        {
            "uppdrag": "Chaufför till Åkeriet",
            "kund": "Åkeriet",
            "roll": "Chaufför C-körkort",
            "intervjuform": ["Telefonintervju", "Snabbintervju"],
            "genomforande": "Tillsammans med en kollega",
            "kollega": "Sam",
            "datum": "2024-03-01",
            "fore_kunden": "Rad ett\nRad två",
            "fore_kandidaten": "Kandidaten får en karta.",
            "fore_lagga_till": "Ja",
            "fore_lagga_till_vad": [
                {"moment": "Provkörning", "varfor": "Se körvana"},
                {"moment": "Visning av bilen", "varfor": "Trygghet"},
            ],
            "fore_utveckla": "Nej",
            "fore_ta_bort": "Nej",
            "fore_betyg_kund": 4,
            "under_genomfor": "I lastbilen.",
            "under_struktur": {"svar": "Delvis", "kommentar": "Saknar mall"},
            "under_syfte": "Ja",
            "under_lagga_till": "Nej",
            "under_utveckla": "Nej",
            "under_ta_bort": "Nej",
            "under_betyg_kandidat": 2,
            "efter_moment": "Besked inom en vecka.",
            "efter_rutin": "Ja",
            "efter_lagga_till": "Nej",
            "efter_utveckla": "Ja",
            "efter_utveckla_vad": [{"moment": "Snabbare besked", "varfor": "Kandidaterna väntar"}],
            "efter_ta_bort": "Nej",
        },
    )
    made = run_command("kartlagg", "--svar", str(answers_file))
    assert made.returncode == 0, made.stderr
    earlier_path = only_report(reports_dir)
    earlier = read_report(earlier_path)

    def accept_all_defaults(terminal: Terminal, change: dict[str, str] | None = None) -> None:
        """Press Enter (Esc-Enter for multi-line) everywhere, and keep every offered action item."""
        change = change or {}
        answered: dict[str, Answer] = {}
        ids = {question.id for question in KARTLAGGNING.all_questions()}
        for question in KARTLAGGNING.all_questions():
            if not question.is_active(answered):
                continue
            answered[question.id] = earlier.answers.get(question.id, Answer(None))
            if question.kind.name == "atgarder":
                continue  # (answered on the map with the yes/no question before it)
            if question.kind.name == "janej" and question.id + "_vad" in ids:
                terminal.reflect(question.text)  # Enter keeps the earlier items (none: Nej)
            elif question.kind.name == "langtext":
                terminal.answer_long(question.text)
            elif question.kind.name == "moment":  # nothing mapped earlier: an empty list is offered
                terminal.moments(question.text, [])
            elif question.kind.name in ("janej", "val", "skala"):
                terminal.expect_question(question.text)
                terminal.send(change.get(question.id, "\r"))
                if question.comment and answered[question.id].comment:  # (the earlier comment offered)
                    terminal.comment()
            elif question.kind.name == "flerval":
                terminal.check(question.text)
            else:
                terminal.answer_text(question.text)

    t = run("kartlagg", "--utga-fran", earlier_path.name, "--utan-uppfoljning")
    accept_all_defaults(t)
    t.expect("Grattis! Bra jobbat")
    assert t.wait_exit() == 0
    copy_path = next(p for p in report_paths(reports_dir) if p != earlier_path)
    # A report of its own, named by its own date (never over the earlier one).
    assert copy_path.name.startswith(f"{read_report(copy_path).answers['datum'].value}-chauffor-till-akeriet")
    copy = read_report(copy_path)
    assert copy.report_id != earlier.report_id
    assert str(copy.answers["datum"].value) in days_around_now()
    assert {k: v for k, v in copy.answers.items() if k != "datum"} == {
        k: v for k, v in earlier.answers.items() if k != "datum"
    }

    # Change one answer (Delvis → Nej, keeping its comment); only that one differs.
    t = run("kartlagg", "--utga-fran", earlier_path.name, "--utan-uppfoljning")
    accept_all_defaults(t, change={"under_struktur": "3\r"})
    t.expect("Grattis! Bra jobbat")
    assert t.wait_exit() == 0
    changed_path = next(p for p in report_paths(reports_dir) if p not in (earlier_path, copy_path))
    changed = read_report(changed_path)
    differing = {
        k
        for k in earlier.answers.keys() | changed.answers.keys()
        if earlier.answers.get(k) != changed.answers.get(k)
    }
    assert differing == {"datum", "under_struktur"}
    assert changed.answers["under_struktur"] == Answer("Nej", "Saknar mall")


@pytest.mark.e2e
def test_without_a_terminal_it_stops_with_one_swedish_line(run_command: Callable, reports_dir: Path) -> None:
    result = run_command("kartlagg")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Fel: ")
    assert "--svar" in lines[0]
    assert "Traceback" not in result.stderr + result.stdout
    assert not reports_dir.exists() or report_paths(reports_dir) == []


@pytest.mark.e2e
def test_invalid_answers_get_a_swedish_message_and_the_prompt_stays(run: Run, reports_dir: Path) -> None:
    t = run("kartlagg")
    t.answer_text("Vilket rekryteringsuppdrag gäller kartläggningen?", "   ")
    t.expect("Frågan måste besvaras.")
    t.send("\x15Ekonomiassistent\r")  # Ctrl-U clears the line
    t.answer_text("Vilken kund (arbetsgivare) stöttar du i uppdraget?", "")
    t.answer_text("Vilken tjänst eller roll rekryterar kunden till?", "")
    t.check("Vilka intervjuformer används?")
    t.choose("Gör du kartläggningen individuellt eller tillsammans med en kollega?")
    t.expect_question("Datum för kartläggningen")
    t.send("\x1531/12\r")
    t.expect("'31/12' är inte ett datum på formen ÅÅÅÅ-MM-DD.")
    t.send("\x152025-01-31\r")
    t.expect_question("Hur förbereder du kunden?", progress="Steg 1 · fråga 1 av 11")
    t.interrupt()
    t.expect("Avbrutet. Svaren är sparade i")
    assert t.wait_exit() == 130

    path = only_report(reports_dir)
    assert path.name.endswith("-ekonomiassistent.md")
    metadata = front_matter(path)["metadata"]
    assert metadata["uppdrag"] == "Ekonomiassistent"
    assert str(metadata["datum"]) == "2025-01-31"


@pytest.mark.e2e
def test_ctrl_c_before_the_assignment_has_a_name_keeps_the_text_in_a_recovery_file(
    run: Run, program: str, reports_dir: Path
) -> None:
    t = run("kartlagg")
    t.expect_question("Vilket rekryteringsuppdrag gäller kartläggningen?")
    t.send("Halvskrivet")
    t.interrupt()
    match = t.expect(
        re.compile(
            r"rapporten skapades inte; det du hann skriva\s+finns i (\S+\.md)\. Fortsätt med:\n  ([^\n]+)"
        )
    )
    assert t.wait_exit() == 130
    assert "Traceback" not in t.output
    assert not reports_dir.exists() or report_paths(reports_dir) == []
    recovery = Path(match[1])
    assert "aterstallning" in recovery.parts
    assert read_report(recovery).drafts["uppdrag"] == Answer("Halvskrivet")

    resumed = run(*as_program(match[2], program)[1:], "--utan-uppfoljning")
    resumed.expect_question("Vilket rekryteringsuppdrag gäller kartläggningen?")
    resumed.expect("Halvskrivet")  # offered for editing
    resumed.send(" uppdrag\r")
    resumed.expect("Vilken kund")
    resumed.interrupt()
    assert resumed.wait_exit() == 130
    report = only_report(reports_dir)
    assert read_report(report).answers["uppdrag"] == Answer("Halvskrivet uppdrag")
    assert not recovery.exists()  # its answers are back in the reports folder
