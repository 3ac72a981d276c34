"""The reading commands read well in any terminal: at 40, 60, 80 and 200 columns (no word split, no
line wider than the terminal, nothing cut off with …), without colour (NO_COLOR), in a dumb
terminal (TERM=dumb: no escape codes at all), and with output in an encoding that lacks some
characters (Windows cp1252, Latin-1, ASCII): look-alikes instead, never a crash."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from helpers import run_cli

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
COMMANDS = [["lista"], ["plan"], ["trend"], ["jamfor", "2024-02-20"]]
WORDS = {  # words each command shows, that must never be split over two lines
    "lista": ["Servicebolaget", "Lagerarbetare", "Konventionell", "Truckförare", "2024-02-28", "nordlager"],
    "plan": ["Förberedelse", "Kandidaterna", "Utvärdering", "2024-02-28", "Senaste"],
    "trend": ["Kandidaten", "Kartlägg", "snabbformat", "2024-02"],
    "jamfor": ["Lagerarbetare", "Truckförare", "intervjufrågorna", "Kandidatens", "Oförändrade"],
}


def in_terminal(args: list[str], columns: int, **env: str) -> str:
    """What a command shows in a terminal of ``columns`` (Rich told it is one), escape codes removed."""
    result = run_cli(*args, columns=columns, env={"TTY_COMPATIBLE": "1", "NO_COLOR": "1", **env})
    assert result.exit_code == 0, result.output
    return ANSI.sub("", result.stdout)


@pytest.mark.parametrize("columns", [40, 60, 80, 200])
@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: args[0])
def test_every_width(reports: Path, args: list[str], columns: int) -> None:
    output = in_terminal(args, columns)
    lines = output.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= columns
    assert "…" not in output  # nothing cut off
    tokens = set(output.split())
    for word in WORDS[args[0]]:
        assert any(word in token for token in tokens), (word, columns)


def test_narrow_layouts_are_stacked(reports: Path) -> None:
    lista = in_terminal(["lista"], 60)
    assert "  Kund: Servicebolaget · Intervjuform: Snabb" in lista
    plan = in_terminal(["plan"], 60)
    assert "Steg 1 · Utveckla: Förberedelse av kandidaten" in plan
    assert "  Senaste status: Delvis – Gjort i hälften av intervjuerna." in plan
    trend = in_terminal(["trend"], 60)
    assert re.search(r"^  2024-02 +4,0  █+ +2 rapporter$", trend, re.MULTILINE), trend
    wide = in_terminal(["trend"], 200)
    assert "Medel" in wide and "Rapporter" in wide


@pytest.mark.parametrize(
    "args", [*COMMANDS, ["visa", "2024-02-20", "--ingen-pager"], ["fragor"]], ids=lambda a: a[0]
)
def test_a_dumb_terminal_gets_no_escape_codes(reports: Path, args: list[str]) -> None:
    result = run_cli(*args, columns=80, env={"TTY_COMPATIBLE": "1", "TERM": "dumb"})
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout


@pytest.mark.parametrize("args", [*COMMANDS, ["visa", "2024-02-20", "--ingen-pager"]], ids=lambda a: a[0])
def test_no_color_means_no_colour(reports: Path, args: list[str]) -> None:
    result = run_cli(
        *args, columns=80, env={"TTY_COMPATIBLE": "1", "NO_COLOR": "1", "TERM": "xterm-256color"}
    )
    assert result.exit_code == 0, result.output
    colours = re.findall(r"\x1b\[([0-9;]*)m", result.stdout)
    assert not [codes for codes in colours if re.search(r"(^|;)(3[0-9]|4[0-9]|9[0-7]|38|48)(;|$)", codes)]


ENCODINGS = ["cp1252", "latin-1", "ascii"]
ALL_COMMANDS = [
    *COMMANDS,
    ["visa", "2024-02-20"],
    ["fragor"],
    ["fragor", "--visa", "snabbformat"],
    ["lista", "--json"],
    ["plan", "--json"],
    ["trend", "--json"],
    ["jamfor", "2024-02-20", "--json"],
    ["fragor", "--json"],
    ["jamfor", "saknas"],
    ["visa", "lager"],
]


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("args", ALL_COMMANDS, ids=lambda args: "-".join(args))
def test_output_in_a_narrow_encoding_never_crashes(reports: Path, args: list[str], encoding: str) -> None:
    result = run_cli(*args, columns=80, encoding=encoding)  # (a bug would raise here)
    assert (result.exit_code == 1) == (args[-1] in ("saknas", "lager")), result.output
    if args[-1] == "--json":
        json.loads(result.stdout)  # valid, and exact: what the encoding lacks is escaped


@pytest.mark.parametrize(
    "args", [["trend"], ["jamfor", "2024-02-20"], ["lista", "--json"]], ids=lambda a: a[0]
)
def test_the_installed_program_with_windows_output(program: str, reports: Path, args: list[str]) -> None:
    """Output redirected on Windows, as Python sees it: a cp1252 stream that refuses what it lacks."""
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "COLUMNS": "80"}
    run = subprocess.run(
        [program, *args], capture_output=True, env=env, stdin=subprocess.DEVNULL, timeout=60, check=False
    )
    assert run.returncode == 0, run.stderr.decode("cp1252")
    assert b"Traceback" not in run.stderr


def test_look_alikes_for_what_the_encoding_lacks(program: str, reports: Path) -> None:
    def shown(encoding: str, *args: str) -> str:
        env = {**os.environ, "PYTHONIOENCODING": encoding, "COLUMNS": "100"}
        run = subprocess.run([program, *args], capture_output=True, env=env, timeout=60, check=False)
        return run.stdout.decode(encoding)

    trend = shown("cp1252", "trend")
    assert "████" not in trend and "######" in trend  # bars
    assert "Kartlägg" in trend  # (cp1252 has the Swedish letters)
    jamfor = shown("latin-1", "jamfor", "2024-02-20")
    assert "Lagerarbetare till Nordlager -> Truckförare till Nordlager" in jamfor
    ascii_list = shown("ascii", "lista")
    assert "Kundtjanst till Servicebolaget" in ascii_list  # å, ä, ö without their accents
    data = json.loads(shown("ascii", "jamfor", "2024-02-20", "--json"))
    assert data["rapport_b"]["uppdrag"] == "Truckförare till Nordlager"  # escaped, not changed


def test_the_session_names_the_reports_folder_first(reports_dir: Path) -> None:
    result = run_cli("snabb", "--enkel", input="")
    assert result.stdout.startswith(f"Rapporten sparas i {reports_dir} efter varje svar.\n")
