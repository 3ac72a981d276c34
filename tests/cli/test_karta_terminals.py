"""`karta` and `karta --historik` read well in any terminal: at 60, 80 and 200 columns (words never
split, nothing wider than the terminal, stacked when narrow and side by side when wide), without
colour, in a dumb terminal, piped, and in an output encoding that lacks some characters."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers import run_cli
from map_samples import ANNA, write_sample_reports

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
COMMANDS = [["karta", "2024-01-15"], ["karta", "--historik", "--alla"], ["karta", "--historik", "--alla", "--detaljer"]]
WORDS = ["Förberedande", "Dubbelbokning", "Återkoppling", "nervositeten", "2024-01-15-lager.md"]


@pytest.fixture
def maps(reports_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("INTERVJUFAS_FORFATTARE", ANNA)
    return write_sample_reports(reports_dir)


def in_terminal(args: list[str], columns: int, **env: str) -> str:
    """What the command shows in a terminal of ``columns`` (tall enough for no pager)."""
    result = run_cli(*args, columns=columns, env={"TTY_COMPATIBLE": "1", "LINES": "500", **env})
    assert result.exit_code == 0, result.output
    return ANSI.sub("", result.stdout)


@pytest.mark.parametrize("columns", [40, 60, 80, 200])
@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: "-".join(args))
def test_every_width(maps: Path, args: list[str], columns: int) -> None:
    output = in_terminal(args, columns, NO_COLOR="1")
    assert max(len(line.rstrip()) for line in output.splitlines()) <= columns
    assert "…" not in output
    tokens = set(output.split())
    changes_only = args == ["karta", "--historik", "--alla"]  # (no plans, so no "why")
    for word in [word for word in WORDS if not (changes_only and word == "nervositeten")]:
        assert any(word in token for token in tokens), (word, columns)


def test_stacked_when_narrow_and_side_by_side_when_wide(maps: Path) -> None:
    narrow = in_terminal(["karta", "2024-01-15"], 80)
    assert "\nFöre intervjun\n    Kravprofil\n" in narrow
    wide = in_terminal(["karta", "2024-01-15"], 200)
    assert re.search(r"^Före intervjun +Under intervjun +Efter intervjun *$", wide, re.MULTILINE)
    assert re.search(r"^  Kravprofil +Intervju +Återkoppling *$", wide, re.MULTILINE)


def test_colour_in_a_terminal_unless_no_color(maps: Path) -> None:
    coloured = run_cli(
        "karta",
        "2024-01-15",
        columns=200,
        env={"TTY_COMPATIBLE": "1", "LINES": "500", "TERM": "xterm-256color"},
    )
    assert re.search(r"\x1b\[[0-9;]*3[0-9]m", coloured.stdout)
    plain = run_cli(
        "karta",
        "2024-01-15",
        columns=200,
        env={"TTY_COMPATIBLE": "1", "LINES": "500", "NO_COLOR": "1", "TERM": "xterm-256color"},
    )
    colours = re.findall(r"\x1b\[([0-9;]*)m", plain.stdout)
    assert not [codes for codes in colours if re.search(r"(^|;)(3[0-9]|4[0-9]|9[0-7]|38|48)(;|$)", codes)]
    assert "↗ Kallelse" in ANSI.sub("", plain.stdout)  # the marks stay: they are symbols, not colours


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: "-".join(args))
def test_a_dumb_terminal_and_a_pipe_get_no_escape_codes(maps: Path, args: list[str]) -> None:
    dumb = run_cli(*args, columns=80, env={"TTY_COMPATIBLE": "1", "LINES": "500", "TERM": "dumb"})
    assert dumb.exit_code == 0 and "\x1b" not in dumb.stdout
    piped = run_cli(*args, columns=80)
    assert piped.exit_code == 0 and "\x1b" not in piped.stdout
    assert not any(line.endswith(" ") for line in piped.stdout.splitlines())


ALL = [
    *COMMANDS,
    ["karta"],
    ["karta", "--format", "markdown"],
    ["karta", "--format", "mermaid"],
    ["karta", "--json"],
    ["karta", "--historik", "--format", "markdown"],
    ["karta", "--historik", "--json"],
]


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "ascii"])
@pytest.mark.parametrize("args", ALL, ids=lambda args: "-".join(args))
def test_output_in_a_narrow_encoding_never_crashes(maps: Path, args: list[str], encoding: str) -> None:
    result = run_cli(*args, columns=80, encoding=encoding)  # (a bug would raise here)
    assert result.exit_code == 0, result.output
    if args[-1] == "--json":
        json.loads(result.stdout)


def test_look_alikes_for_the_marks(program: str, maps: Path) -> None:
    import os
    import subprocess

    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "COLUMNS": "80"}
    run = subprocess.run(
        [program, "karta", "2024-01-15"], capture_output=True, env=env, timeout=60, check=False
    )
    text = run.stdout.decode("cp1252")
    assert run.returncode == 0, run.stderr
    assert "  ^ Kallelse\n" in text and "  x Dubbelbokning\n" in text and "  + Förberedande samtal\n" in text
    assert "Teckenförklaring: + Nytt · ^ Utveckla · x Ta bort" in text  # (cp1252 has the dot)
