"""What a mapping costs a consultant, counted in a real pseudo-terminal: the prompts answered (every
Enter that answers a question, saves a form or confirms a screen), the keys pressed and the
characters typed, for a first full ``kartlagg`` (4 moments per phase, each with whom it involves
and a note, and 6 plan items) and for a second mapping a few weeks later that keeps the whole map
and follows up 5 items.  The figures are printed (``pytest -s``) and kept as test properties;
``benchmarks/README.md`` records them."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from intervjufas.model.answers import moments_in
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.report.parse import parse
from intervjufas.report.plan import planned_items

from .conftest import ENTER, Terminal

Run = Callable[..., Terminal]
# One key: an escape sequence (an arrow), Esc, or one character.
_KEY = re.compile(r"\x1b\[[0-9;]*[A-Za-z~]|\x1b|.", re.DOTALL)
# Per phase: (moment, positions of whom it involves: 1 kunden, 2 kandidaten, 3 kollegor, note).
MAPS: dict[str, list[tuple[str, list[int], str]]] = {
    "fore": [
        ("Genomgång av kravprofilen", [1], "Ta med mallen"),
        ("Informationsutskick till kandidaten", [2], "En vecka före"),
        ("Intervjufrågor tas fram", [1, 3], ""),
        ("Bokning av intervjuer", [2], ""),
    ],
    "under": [
        ("Välkomnande och presentation", [2], ""),
        ("Strukturerade frågor", [1, 2], "Samma ordning för alla"),
        ("Kandidatens frågor", [2], ""),
        ("Avslut och nästa steg", [2], ""),
    ],
    "efter": [
        ("Bedömning med kunden", [1], "Samma dag"),
        ("Referenstagning", [3], ""),
        ("Besked till kandidaterna", [2], ""),
        ("Uppföljning med kunden", [1], ""),
    ],
}
FIRST_LIMIT, SECOND_LIMIT = 60, 35  # the aims: at most this many prompts


class Counted:
    """The terminal with every key sent to it counted."""

    def __init__(self, terminal: Terminal) -> None:
        self.terminal = terminal
        self.prompts = self.keys = 0
        send = terminal.send

        def counted(keys: str, *, at_prompt: bool = True) -> None:
            self.prompts += keys.count(ENTER)
            self.keys += len(_KEY.findall(keys))
            send(keys, at_prompt=at_prompt)

        terminal.send = counted  # type: ignore[method-assign]


def _metadata(t: Terminal, assignment: str, customer: str) -> None:
    t.answer_text("Vilket rekryteringsuppdrag gäller kartläggningen?", assignment)
    t.answer_text("Vilken kund (arbetsgivare) stöttar du i uppdraget?", customer)
    t.answer_text("Vilken tjänst eller roll rekryterar kunden till?", "Lagerarbetare")
    t.check("Vilka intervjuformer används?", [1])
    t.choose("Gör du kartläggningen individuellt eller tillsammans med en kollega?", 1)
    t.answer_text("Datum för kartläggningen", "")


def _experience(t: Terminal) -> None:
    t.answer_long("För kunden", "Tydligt")
    t.choose("Betyg för kundens upplevelse", 4)
    t.answer_long("För kandidaten", "Tryggt")
    t.choose("Betyg för kandidatens upplevelse", 4)


def _first(t: Terminal) -> None:
    _metadata(t, "Lager i Borås", "Nordlager AB")
    t.answer_long("Hur förbereder du kunden?", "Kravprofil")
    t.answer_long("Hur förbereder du kandidaten?", "Information")
    t.answer_long("Hur involverar du dina kollegor?", "Avstämning")
    t.moments("Vilka moment ingår generellt i din process före intervjuerna?", MAPS["fore"])
    t.reflect(
        "Finns det moment som du skulle vilja lägga till?",
        [("Checklista till kunden", "Samma upplägg")],
        adds=True,
    )
    t.reflect(
        "Finns det moment som du skulle vilja utveckla?", on_map=[(2, "Informationsutskick", "Mer info")]
    )
    t.reflect("Behöver något steg tas bort?")
    _experience(t)
    t.answer_long("Hur genomför du intervjun?", "Strukturerat")
    t.choose_with_comment("Finns det en tydlig struktur?", 1)
    t.choose_with_comment("Finns det ett syfte med samtliga delar i intervjun och hur de genomförs?", 1)
    t.moments("Vilka moment ingår generellt i din process under intervjuerna?", MAPS["under"])
    t.reflect("Finns det moment som du skulle vilja lägga till?", adds=True)
    t.reflect(
        "Finns det moment som du skulle vilja utveckla?",
        on_map=[(2, "Strukturerade frågor", "Fler följdfrågor")],
    )
    t.reflect("Behöver något steg tas bort?", on_map=[(3, "Kandidatens frågor", "Tas i avslutet")])
    _experience(t)
    t.answer_long("Vilka moment genomför du efter en genomförd intervju?", "Återkoppling")
    t.choose_with_comment("Finns det en tydlig rutin?", 1)
    t.moments("Vilka moment ingår generellt i din process efter intervjuerna?", MAPS["efter"])
    t.reflect(
        "Finns det moment som du skulle vilja lägga till?",
        [("Återkoppling inom två dagar", "Snabbare")],
        adds=True,
    )
    t.reflect("Finns det moment som du skulle vilja utveckla?")
    t.reflect("Behöver något steg tas bort?", on_map=[(2, "Referenstagning", "Kunden gör den")])
    _experience(t)


def _second(t: Terminal) -> None:
    _metadata(t, "Kundtjänst i Jönköping", "Annat Bolag AB")
    # The five newest on one screen: a status key each (Genomfört, Inte än, ...), then Enter; the
    # sixth comes back next time.
    t.expect("Uppföljning · moment 1–5 av 6")
    t.expect("1 öppna moment till")
    t.send("gigig" + ENTER)
    t.answer_long("Hur förbereder du kunden?", "Kravprofil")
    t.answer_long("Hur förbereder du kandidaten?", "Information")
    t.answer_long("Hur involverar du dina kollegor?", "Avstämning")
    t.moments("Vilka moment ingår generellt i din process före intervjuerna?", [], carried=True)
    for question in ("lägga till?", "utveckla?"):
        t.reflect(f"Finns det moment som du skulle vilja {question}")
    t.reflect("Behöver något steg tas bort?")
    _experience(t)
    t.answer_long("Hur genomför du intervjun?", "Strukturerat")
    t.choose_with_comment("Finns det en tydlig struktur?", 1)
    t.choose_with_comment("Finns det ett syfte med samtliga delar i intervjun och hur de genomförs?", 1)
    t.moments("Vilka moment ingår generellt i din process under intervjuerna?", [], carried=True)
    for question in ("lägga till?", "utveckla?"):
        t.reflect(f"Finns det moment som du skulle vilja {question}")
    t.reflect("Behöver något steg tas bort?")
    _experience(t)
    t.answer_long("Vilka moment genomför du efter en genomförd intervju?", "Återkoppling")
    t.choose_with_comment("Finns det en tydlig rutin?", 1)
    t.moments("Vilka moment ingår generellt i din process efter intervjuerna?", [], carried=True)
    for question in ("lägga till?", "utveckla?"):
        t.reflect(f"Finns det moment som du skulle vilja {question}")
    t.reflect("Behöver något steg tas bort?")
    _experience(t)


def _report(folder: Path, assignment: str) -> Any:
    (path,) = [p for p in folder.glob("*.md") if assignment in p.read_text(encoding="utf-8")]
    return parse(path.read_text(encoding="utf-8"), builtin_set("kartlaggning"))


@pytest.mark.e2e
def test_a_first_and_a_second_mapping_take_the_prompts_counted_here(
    run: Run, reports_dir: Path, record_property: Callable[[str, object], None]
) -> None:
    first = Counted(run("kartlagg"))
    _first(first.terminal)
    first.terminal.expect("Grattis! Bra jobbat")
    assert first.terminal.wait_exit() == 0
    report = _report(reports_dir, "Lager i Borås")
    mapped = [moments_in(report.answers[f"{phase}_karta"].value) for phase in MAPS]
    assert [[m.name for m in moments] for moments in mapped] == [[n for n, _, _ in MAPS[p]] for p in MAPS]
    assert len(planned_items(report, builtin_set("kartlaggning"))) == 6

    second = Counted(run("kartlagg"))
    _second(second.terminal)
    second.terminal.expect("Grattis! Bra jobbat")
    assert second.terminal.wait_exit() == 0
    kept = _report(reports_dir, "Kundtjänst i Jönköping")
    for phase, moments in zip(MAPS, mapped, strict=True):  # the whole map kept, each moment itself
        carried = moments_in(kept.answers[f"{phase}_karta"].value)
        assert {m.id for m in moments} <= {m.id for m in carried}
    assert len(kept.follow_ups) == 5

    for name, counted in (("first", first), ("second", second)):
        record_property(f"{name}_prompts", counted.prompts)
        record_property(f"{name}_keys", counted.keys)
        print(f"{name} mapping: {counted.prompts} prompts, {counted.keys} keys")
    assert first.prompts <= FIRST_LIMIT
    assert second.prompts <= SECOND_LIMIT
