"""``intervjufas snabb`` in a real pseudo-terminal: the quick format (Del 1 and Del 2), and writing a
multi-line answer in the user's own editor with Ctrl-O."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from intervjufas.model.answers import ActionItem, Answer, Moment
from intervjufas.questionsets.catalog import builtin_set

from .conftest import CTRL_O, Terminal, days_around_now, front_matter, only_report, read_report, section

SNABBFORMAT = builtin_set("snabbformat")
DEL1, DEL2 = SNABBFORMAT.steps

Run = Callable[..., Terminal]


@pytest.mark.e2e
def test_a_whole_quick_format_with_an_action_item(run: Run, reports_dir: Path) -> None:
    t = run("snabb")
    t.expect("Om uppdraget")
    metadata = t.answer_questions(
        SNABBFORMAT.metadata,
        {
            "uppdrag": "Kock till Restaurang Hamnen",
            "kund": "Restaurang Hamnen",
            "roll": "Kock",
            "intervjuform": ("Snabbintervju",),
            "genomforande": "Individuellt",
        },
    )
    t.expect("Del 1: Intervjuprocessen från start till slut")
    t.answer_long(
        "Förbered inför en intervju med deltagare kopplat till ett uppdrag",
        "Gick igenom menyn med kunden.\nRingde kandidaterna dagen innan.",
        progress="Del 1 · fråga 1 av 6",
    )
    t.moments("Vilka moment ingår när du förbereder?", [("Genomgång av menyn", [1], "")])
    t.answer_long("Genomför intervjun", "Provlagning i köket.")
    t.moments("Vilka moment ingår när du genomför intervjun?", [("Provlagning", [2], "I köket")])
    t.answer_long("Följ upp efter intervjun", "Besked samma vecka.")
    t.moments("Vilka moment ingår när du följer upp?", [])
    t.expect("Del 2: Reflektera")
    t.expect("Upplevelsen genom intervjuprocessen")
    t.answer_long("För kunden", "Fick se kandidaterna arbeta.", progress="Del 2 · fråga 1 av 6")
    t.choose("Betyg för kundens upplevelse", 5)
    t.answer_long("För kandidaten", "")
    t.choose("Betyg för kandidatens upplevelse", 6)  # (hoppa över)
    t.expect("Vad fungerar bra och vad vill du utveckla?")
    t.answer_long("Det här fungerar bra", "Provlagningen.")
    # The moments of the whole map are offered to pick from; one more is typed in.
    t.action_items(
        "Det här vill du utveckla",
        [("Tydligare schema för dagen", "Kandidaterna vet vad som väntar")],
        on_map=[(2, "Provlagning", "Mer tid vid spisen")],
    )

    path = only_report(reports_dir)
    t.expect(f"Rapporten är sparad i {path}")
    t.expect("Grattis! Bra jobbat")
    assert t.wait_exit() == 0
    assert "Steg 1" not in t.output  # the quick format has parts, not the three steps

    header = front_matter(path)
    assert header["fragor"]["id"] == "snabbformat"
    assert header["steg"] == {"processen": "klar", "reflektera": "klar"}
    assert len(header["atgarder"]) == 2
    assert header["karta"] == 2
    assert str(header["metadata"]["datum"]) in days_around_now()

    report = read_report(path, "snabbformat")
    for key, answer in metadata.items():
        if key != "datum":
            assert report.answers[key] == answer, key
    assert report.answers["forbered"] == Answer(
        "Gick igenom menyn med kunden.\nRingde kandidaterna dagen innan."
    )
    assert report.answers["snabb_betyg_kund"] == Answer(5)
    assert report.answers["snabb_upplevelse_kandidat"] == Answer(None)
    assert report.answers["snabb_betyg_kandidat"] == Answer(None)
    assert report.answers["snabb_utveckla_vad"] == Answer(
        (
            ActionItem("Provlagning", "Mer tid vid spisen"),
            ActionItem("Tydligare schema för dagen", "Kandidaterna vet vad som väntar"),
        )
    )
    assert report.answers["genomfor_moment"] == Answer((Moment("Provlagning", ("kandidaten",), "I köket"),))
    text = path.read_text(encoding="utf-8")
    assert "## Del 1: Intervjuprocessen från start till slut<!-- steg: processen -->" in text
    assert "## Del 2: Reflektera<!-- steg: reflektera -->" in text
    plan = section(path, "Utvecklingsplan")
    assert "| Del 2 | Utveckla | Tydligare schema för dagen | Kandidaterna vet vad som väntar |" in plan
    process_map = section(path, "Processkarta")
    assert "| Under intervjun | Provlagning | Utveckla | kandidaten | I köket |" in process_map


@pytest.mark.e2e
def test_ctrl_o_opens_the_editor_and_its_text_becomes_the_answer(
    run: Run, reports_dir: Path, tmp_path: Path
) -> None:
    # A stand-in editor: keeps what was typed and adds two lines, as a person would in an editor.
    editor = tmp_path / "redigera.sh"
    editor.write_text(
        '#!/bin/sh\ntyped=$(cat "$1")\nprintf \'%s\\nSkrivet i editorn.\\nÄnnu en rad.\\n\' "$typed" > "$1"\n',
        encoding="utf-8",
    )
    editor.chmod(editor.stat().st_mode | stat.S_IXUSR)

    t = run("snabb", EDITOR=str(editor))
    t.answer_text("Vilket rekryteringsuppdrag gäller kartläggningen?", "Städare till Skolan")
    t.answer_text("Vilken kund (arbetsgivare) stöttar du i uppdraget?", "")
    t.answer_text("Vilken tjänst eller roll rekryterar kunden till?", "")
    t.check("Vilka intervjuformer används?")
    t.choose("Gör du kartläggningen individuellt eller tillsammans med en kollega?")
    t.answer_text("Datum för kartläggningen")
    t.expect_question("Förbered inför en intervju med deltagare kopplat till ett uppdrag")
    t.expect("Ctrl-O öppnar din editor")  # the prompt tells how
    t.send("Påbörjat här" + CTRL_O)
    # The editor's text is submitted as the answer; the next question follows.
    t.expect_question("Vilka moment ingår när du förbereder?", progress="Del 1 · fråga 2 av 6")
    t.interrupt()
    t.expect("Avbrutet. Svaren är sparade i")
    assert t.wait_exit() == 130

    report = read_report(only_report(reports_dir), "snabbformat")
    assert report.answers["forbered"] == Answer("Påbörjat här\nSkrivet i editorn.\nÄnnu en rad.")
    assert "genomfor" not in report.answers
