"""``status``: the mappings with steps left (and the command that continues each), the open plan
items by customer, where the reports and the latest map are; shown above the short help when the
program is started on a terminal without a command, never to a script."""

from __future__ import annotations

import json
import shlex
from pathlib import Path
from typing import Any

from helpers import run_cli
from intervjufas.terminal import TerminalFacts

ON_A_TERMINAL = TerminalFacts(stdin_is_terminal=True, stdout_is_terminal=True, term="xterm")


def status_json(*args: str) -> Any:
    result = run_cli("status", *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_steps_left_open_items_by_customer_and_where_things_are(reports: Path) -> None:
    data = status_json()
    left = {row["fil"]: row["steg_kvar"] for row in data["kartlaggningar_kvar"]}
    assert left == {
        "2024-03-05-plockare-till-nordlager.md": [2],
        "2024-02-28-kundtjanst-till-servicebolaget.md": [1, 2, 3],
        "2024-02-20-truckforare-till-nordlager.md": [2, 3],
    }
    truck = next(row for row in data["kartlaggningar_kvar"] if row["fil"].startswith("2024-02-20"))
    words = shlex.split(truck["kommando"])
    assert words[1:] == ["kartlagg", "--fortsatt", "2024-02-20-truckforare-till-nordlager", "--steg", "2"]
    snabb = next(row for row in data["kartlaggningar_kvar"] if row["fil"].startswith("2024-03-05"))
    assert shlex.split(snabb["kommando"])[1:3] == ["snabb", "--fortsatt"]
    customers = {row["kund"]: row["antal_oppna_moment"] for row in data["oppna_per_kund"]}
    assert customers == {"nordlager ab": 5, "Servicebolaget": 1}  # (Nordlager's reports as one customer)
    assert data["katalog"] == str(reports) and data["antal_rapporter"] == 4


def test_the_open_items_are_those_of_the_plan_state(reports: Path) -> None:
    marked = run_cli("plan", "--markera", "c3d4e5f6a1b2/fore_utveckla_vad/1", "--status", "genomfort")
    assert marked.exit_code == 0, marked.output
    customers = {row["kund"]: row["antal_oppna_moment"] for row in status_json()["oppna_per_kund"]}
    assert customers == {"nordlager ab": 5}
    lista = json.loads(run_cli("lista", "--json").stdout)["rapporter"]
    assert sum(row["antal_oppna_moment"] for row in lista) == 5


def test_the_text_puts_each_command_on_a_line_of_its_own(reports: Path) -> None:
    result = run_cli("status", columns=40)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "Kartläggningar med steg kvar:" in lines
    continuing = [line.strip() for line in lines if "--fortsatt" in line]
    assert len(continuing) == 3
    for line in continuing:  # a whole command, never wrapped inside a word
        assert shlex.split(line)[1] in ("kartlagg", "snabb")
        assert line.endswith(("--steg 1", "--steg 2"))
    assert "  nordlager ab: 5 öppna moment" in lines
    assert f"Rapporterna: {reports} (4 rapporter)" in lines


def test_the_program_alone_shows_the_status_above_the_help_on_a_terminal(reports: Path) -> None:
    on_terminal = run_cli(facts=ON_A_TERMINAL)
    assert on_terminal.exit_code == 0
    text = on_terminal.stdout
    assert text.index("Kartläggningar med steg kvar:") < text.index("Användning: intervjufas")
    piped = run_cli(facts=TerminalFacts())
    assert piped.exit_code == 0
    assert "Användning: intervjufas" in piped.stdout and "steg kvar" not in piped.stdout


def test_no_reports_folder_yet_gives_the_help_alone(reports_dir: Path) -> None:
    result = run_cli(facts=ON_A_TERMINAL)
    assert result.exit_code == 0
    assert result.stdout.lstrip().startswith("Användning: intervjufas"), result.stdout[:200]
    assert result.stderr == ""
