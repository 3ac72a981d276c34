"""Arranging the team's vocabulary on a terminal (``karta --team --ordna``), in a real
pseudo-terminal: the team's moment names are offered to mark, what is marked is written to the
vocabulary file as ``--sla-ihop`` and ``--dela`` write it, and the team's map groups by it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from intervjufas.folder.team_vocabulary import read_vocabulary
from intervjufas.reading.process_map.team_map import team_map
from team_samples import write_team_reports

from .conftest import Terminal

Run = Callable[..., Terminal]
MENU = "Vad vill du ändra i teamets ordlista?"
# The names as the team's map offers them: phase by phase, the most common first.
NAMES = ["Kravprofil", "Kallelse", "Referenser", "Referenstagning", "Ringa dagen innan"]


def test_names_marked_on_the_terminal_are_joined_and_split_in_the_vocabulary(run: Run, reports_dir: Path) -> None:
    write_team_reports(reports_dir)
    t = run("karta", "--team", "--ordna")
    t.choose(MENU, 1)  # join
    t.expect("Vilka namn är samma moment? Markera två eller fler.")
    for name in NAMES:
        t.expect(name)
    t.expect("Återkoppling till kandidat (= Återkoppling till varje kandidat)")
    t.check("Återkoppling till kund", [NAMES.index("Referenser") + 1, NAMES.index("Referenstagning") + 1])
    t.expect("'Referenser' och 'Referenstagning' räknas nu som samma moment.")
    t.choose(MENU, 2)  # split: only names grouped with others are offered
    t.expect("Vilka namn ska räknas för sig?")
    t.expect("Referenser (= Referenstagning)")
    t.check("Återkoppling till varje kandidat (= Återkoppling till kandidat)", [4])
    t.expect("'Återkoppling till varje kandidat' slås inte längre ihop med andra namn.")
    t.choose(MENU, 3)
    t.expect("Ordlistan är ")
    assert t.wait_exit() == 0
    vocabulary, warnings = read_vocabulary(reports_dir)
    assert not warnings
    assert vocabulary.merged == (("Referenser", "Referenstagning"),)
    assert vocabulary.split == ("Återkoppling till varje kandidat",)
    team = team_map(reports_dir, experience=False)
    grouped = {moment.names for _, moments in team.phases for moment in moments}
    assert ("Referenser", "Referenstagning") in grouped
    assert ("Återkoppling till kandidat",) in grouped and ("Återkoppling till varje kandidat",) in grouped


def test_marking_fewer_than_two_names_changes_nothing(run: Run, reports_dir: Path) -> None:
    write_team_reports(reports_dir)
    t = run("karta", "--team", "--ordna")
    t.choose(MENU, 1)
    t.check("Vilka namn är samma moment? Markera två eller fler.", [1])
    t.expect("Markera minst två namn för att slå ihop dem – inget ändrades.")
    t.choose(MENU, 3)
    assert t.wait_exit() == 0
    assert not (reports_dir / "intervjufas-ordlista.yaml").exists()
