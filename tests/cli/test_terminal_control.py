"""Control characters from hand-edited files never reach a terminal, in any format of any command:
ESC c (reset), ESC ( 0 (line drawing), BEL, a C1 CSI and DEL in a moment's name, in the assignment
(written as YAML escapes in the front matter) and in a user's question file. On a terminal every
format shows them as symbols (␛ ␇); into a pipe Markdown keeps the report's exact text and JSON
the exact data."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from helpers import run_cli
from intervjufas.terminal import TerminalFacts
from map_samples import ANNA, FIRST, SECOND, write_sample_reports

CONTROL = "\x1bc\x1b(0\x07\x9b2J\x7f"
SHOWN = "␛c␛(0␇"  # how the start of CONTROL looks once made visible
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # what a terminal acts on (tab and newline are text)
TERMINAL = TerminalFacts(stdin_is_terminal=True, stdout_is_terminal=True, stderr_is_terminal=True)
PIPE = TerminalFacts()
QUESTION_FILE = """\
id: fientlig
version: 1
titel: "Fientlig\\ec\\e(0\\a"
metadata:
  - id: uppdrag
    text: "Uppdrag\\ec\\a"
    typ: text
    obligatorisk: true
steg:
  - id: fore
    etikett: Steg 1
    titel: "Före\\ec"
    fragor:
      - id: fraga
        text: "Fråga\\ec\\e(0\\a"
        typ: langtext
"""

# Every command that writes a format, with every format it has; MARKDOWN holds the three that once
# passed the characters straight through (they must show the name neutralised).
COMMANDS: list[tuple[str, ...]] = [
    ("lista",),
    ("lista", "--json"),
    ("visa", FIRST, "--ingen-pager"),
    ("jamfor", FIRST, SECOND),
    ("jamfor", FIRST, SECOND, "--json"),
    ("plan",),
    ("plan", "--json"),
    ("trend",),
    ("trend", "--json"),
    ("karta", FIRST),
    ("karta", FIRST, "--format", "mermaid"),
    ("karta", FIRST, "--format", "json"),
    ("karta", FIRST, "--json"),
    ("karta", "--historik", "--alla"),
    ("karta", "--historik", "--alla", "--format", "json"),
    ("granska",),
    ("granska", "--json"),
    ("fragor",),
    ("fragor", "--json"),
    ("fragor", "--visa", "fientlig"),
    ("fragor", "--visa", "fientlig", "--json"),
    ("fragor", "--yaml", "fientlig"),
    ("fragor", "--schema"),
]
MARKDOWN: list[tuple[str, ...]] = [
    ("jamfor", FIRST, SECOND, "--format", "markdown"),
    ("karta", FIRST, "--format", "markdown"),
    ("karta", "--historik", "--alla", "--format", "markdown"),
]


@pytest.fixture
def hostile(reports_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Anna's reports, hand-edited: a moment named with control characters, and an assignment whose
    name holds them as YAML escapes; and a question file of the user's with them too."""
    monkeypatch.setenv("INTERVJUFAS_FORFATTARE", ANNA)
    write_sample_reports(reports_dir)
    for path in reports_dir.glob("*.md"):
        text = path.read_text(encoding="utf-8")
        text = text.replace("**Kallelse**", f"**Kallelse{CONTROL}**")
        text = text.replace("uppdrag: Lager\n", 'uppdrag: "Lager\\ec\\e(0\\a"\n')
        path.write_text(text, encoding="utf-8")
    sets = tmp_path / "egna-fragor"
    sets.mkdir(exist_ok=True)
    (sets / "fientlig.yaml").write_text(QUESTION_FILE, encoding="utf-8")
    return reports_dir


def raw_controls(text: str) -> list[str]:
    return sorted(set(RAW.findall(text)))


def strings_in(data: Any) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for value in data.values() for s in strings_in(value)]
    if isinstance(data, list):
        return [s for value in data for s in strings_in(value)]
    return []


@pytest.mark.parametrize("args", COMMANDS + MARKDOWN, ids=" ".join)
def test_no_format_lets_a_control_character_reach_a_terminal(hostile: Path, args: tuple[str, ...]) -> None:
    result = run_cli(*args, columns=200, facts=TERMINAL)
    assert result.exit_code in (0, 1), result.output  # granska finds nothing to flag: 0; plan, 1 …
    assert raw_controls(result.stdout) == [], args
    assert raw_controls(result.stderr) == [], args
    assert result.stdout.strip(), args


@pytest.mark.parametrize("args", MARKDOWN, ids=" ".join)
def test_markdown_shows_the_name_neutralised_on_a_terminal_and_exact_in_a_pipe(
    hostile: Path, args: tuple[str, ...]
) -> None:
    shown = run_cli(*args, columns=200, facts=TERMINAL)
    assert shown.exit_code == 0, shown.output
    assert f"Kallelse{SHOWN}" in shown.stdout
    piped = run_cli(*args, columns=200, facts=PIPE)
    assert piped.exit_code == 0, piped.output
    assert f"Kallelse{CONTROL}" in piped.stdout  # `> karta.md` keeps the report's text


@pytest.mark.parametrize(
    "args",
    [args for args in COMMANDS if "--json" in args or "json" in args],
    ids=" ".join,
)
def test_json_is_the_exact_data_and_safe_on_a_terminal(hostile: Path, args: tuple[str, ...]) -> None:
    shown = run_cli(*args, columns=200, facts=TERMINAL)
    piped = run_cli(*args, columns=200, facts=PIPE)
    assert shown.stdout == piped.stdout and raw_controls(piped.stdout) == []
    data = json.loads(piped.stdout)
    assert json.loads(shown.stdout) == data


def test_json_escapes_the_c1_controls_json_dumps_leaves_raw(hostile: Path) -> None:
    result = run_cli("karta", FIRST, "--json", facts=PIPE)
    assert "\\u009b2J\\u007f" in result.stdout
    names = [s for s in strings_in(json.loads(result.stdout)) if s.startswith("Kallelse")]
    assert names and all(name == f"Kallelse{CONTROL}" for name in names)


def test_validera_shows_a_question_file_s_control_characters_as_symbols(
    hostile: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "trasig.yaml"
    bad.write_text(QUESTION_FILE.replace("typ: langtext", 'typ: "okänd\\e[2J\\a"'), encoding="utf-8")
    result = run_cli("validera", str(bad), facts=TERMINAL)
    assert result.exit_code == 1
    assert raw_controls(result.stdout) == [] and "␛[2J␇" in result.stdout
