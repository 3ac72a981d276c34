"""Odd streams and terminals: a closed stdin, Latin-1 and cp1252 output encodings, a reader that
stops after one line (``| head -1``), ``TERM=dumb``, ``NO_COLOR=1`` and a 20-column window.  The
program ends quietly with a sensible code, replaces what it cannot encode, and never crashes.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess

import pytest

from e2e.conftest import Terminal
from intervjufas.model.answers import Answer

from .feeder import spawn_terminal
from .helpers import (
    FIXTURE_REPORTS,
    GOOD_FIXTURES,
    Sandbox,
    assert_no_crash,
    bounded,
    fill_with_fixtures,
    parse_report,
    real_reports,
    run,
)
from .knobs import tally

TRUCK = "2024-02-20-truckforare-till-nordlager.md"
LATIN1 = {"LANG": "sv_SE.ISO-8859-1", "LC_ALL": "sv_SE.ISO-8859-1", "PYTHONIOENCODING": "latin-1"}
CP1252 = {"PYTHONIOENCODING": "cp1252"}
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def close_stdin() -> None:
    os.close(0)


@pytest.mark.parametrize("args", [("kartlagg", "--enkel"), ("snabb", "--enkel"), ("kartlagg",)], ids=" ".join)
def test_a_closed_stdin_ends_with_one_line_and_writes_nothing(
    program: str, sandbox: Sandbox, args: tuple[str, ...]
) -> None:
    result = run(program, sandbox, *args, preexec=close_stdin, timeout=10)
    tally("odd streams")
    where = result.describe()
    assert_no_crash(result)
    assert result.code in (1, 130), where
    assert len(result.err_lines()) == 1, where
    assert "sparade i" not in result.err and "Fortsätt med" not in result.err, where
    assert not real_reports(sandbox.reports), where


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("lista",), "Truckförare"),
        (("plan",), "öppna moment"),
        (("trend",), "Månad"),
        (("visa", TRUCK, "--ingen-pager"), "Kartlägg intervjufasen: Truckförare"),
    ],
    ids=["lista", "plan", "trend", "visa"],
)
def test_a_latin_1_locale_gets_latin_1_output_with_unencodable_characters_replaced(
    program: str, sandbox: Sandbox, args: tuple[str, ...], expected: str
) -> None:
    fill_with_fixtures(sandbox.reports)
    result = run(program, sandbox, *args, env={**LATIN1, "COLUMNS": "200"}, timeout=10)
    tally("odd streams")
    where = result.describe()
    assert (result.code, result.stderr) == (0, b""), where
    assert_no_crash(result, where)
    assert expected.encode("latin-1") in result.stdout, f"expected {expected!r} encoded as Latin-1\n{where}"
    assert expected.encode("utf-8") not in result.stdout, f"the output is UTF-8, not Latin-1\n{where}"


@pytest.mark.parametrize(
    ("args", "expected"),
    [(("trend",), "Månad"), (("jamfor", TRUCK), "Jämförelse av två rapporter")],
    ids=["trend", "jamfor"],
)
def test_cp1252_output_replaces_what_it_cannot_encode_and_never_crashes(
    program: str, sandbox: Sandbox, args: tuple[str, ...], expected: str
) -> None:
    fill_with_fixtures(sandbox.reports)
    result = run(program, sandbox, *args, env={**CP1252, "COLUMNS": "200"}, timeout=10)
    tally("odd streams")
    where = result.describe()
    assert (result.code, result.stderr) == (0, b""), where
    assert_no_crash(result, where)
    assert expected.encode("cp1252") in result.stdout, where


@pytest.fixture
def many_reports(sandbox: Sandbox) -> Sandbox:
    """A reports folder with a few hundred reports: far more output than a pipe holds."""
    sandbox.reports.mkdir(parents=True)
    for number in range(150):
        for name in GOOD_FIXTURES:
            (sandbox.reports / f"{name[:-3]}-{number}.md").write_bytes((FIXTURE_REPORTS / name).read_bytes())
    return sandbox


@pytest.mark.parametrize("args", [("lista",), ("plan",), ("fragor", "--visa", "kartlaggning")], ids=" ".join)
def test_a_reader_that_stops_after_one_line_ends_the_program_quietly(
    program: str, many_reports: Sandbox, args: tuple[str, ...]
) -> None:
    """The equivalent of ``intervjufas lista | head -1``."""
    process = subprocess.Popen(
        [program, *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=many_reports.env(COLUMNS="200"),
        cwd=many_reports.root,
        preexec_fn=bounded(),
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    try:
        stderr = process.stderr.read()
        code = process.wait(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
    tally("odd streams")
    where = f"$ intervjufas {' '.join(args)} | head -1\nfirst line {first!r}\nexit {code}\nstderr: {stderr.decode(errors='replace')}"
    assert first, where
    assert code in (0, 141, -signal.SIGPIPE), where
    assert stderr == b"", where


def done_with_the_plan(t: Terminal, args: tuple[str, ...]) -> None:
    """``plan`` in a terminal offers to follow an item up once it has listed them: Enter on the
    pre-selected "Klar" ends it."""
    if args == ("plan",):
        t.ready()
        t.send("\r")


def sgr_colours(raw: str) -> list[str]:
    """The SGR sequences in raw output that set a foreground or background colour."""
    found = []
    for match in SGR.finditer(raw):
        params = [int(p) for p in match.group(1).split(";") if p.isdigit()]
        if any(30 <= p <= 38 or 40 <= p <= 48 or 90 <= p <= 97 or 100 <= p <= 107 for p in params):
            found.append(match.group(0))
    return found


@pytest.mark.parametrize("args", [("lista",), ("trend",), ("jamfor", TRUCK), ("plan",)], ids=" ".join)
def test_no_color_in_a_terminal_means_no_colour_codes(
    program: str, sandbox: Sandbox, args: tuple[str, ...]
) -> None:
    fill_with_fixtures(sandbox.reports)
    t = spawn_terminal(program, sandbox, *args, env={"NO_COLOR": "1"})
    done_with_the_plan(t, args)
    code = t.wait_exit(timeout=15)
    tally("odd terminals")
    assert code == 0, t.output[-2000:]
    assert not sgr_colours(t.raw), f"colour codes despite NO_COLOR: {sgr_colours(t.raw)[:5]}"


@pytest.mark.parametrize("args", [("lista",), ("trend",), ("visa", TRUCK, "--ingen-pager")], ids=" ".join)
def test_term_dumb_in_a_terminal_means_no_escape_codes(
    program: str, sandbox: Sandbox, args: tuple[str, ...]
) -> None:
    fill_with_fixtures(sandbox.reports)
    t = spawn_terminal(program, sandbox, *args, env={"TERM": "dumb"})
    code = t.wait_exit(timeout=15)
    tally("odd terminals")
    assert code == 0, t.output[-2000:]
    assert "\x1b" not in t.raw, f"escape codes on a dumb terminal: {t.raw[:300]!r}"


@pytest.mark.parametrize(
    "args",
    [("lista",), ("plan",), ("trend",), ("jamfor", TRUCK), ("visa", TRUCK, "--ingen-pager")],
    ids=" ".join,
)
def test_a_twenty_column_window_still_shows_everything_without_crashing(
    program: str, sandbox: Sandbox, args: tuple[str, ...]
) -> None:
    fill_with_fixtures(sandbox.reports)
    t = spawn_terminal(program, sandbox, *args, columns=20, env={"COLUMNS": "20"})
    done_with_the_plan(t, args)
    code = t.wait_exit(timeout=15)
    piped = run(program, sandbox, *args, env={"COLUMNS": "20"}, timeout=15)
    tally("odd terminals", 2)
    for output, ended in ((t.output, code), (piped.out + piped.err, piped.code)):
        assert ended == 0, output[-2000:]
        assert output.strip(), "nothing shown"
        for marker in ("Traceback", "Ett oväntat fel"):
            assert marker not in output, output[-2000:]


def test_a_twenty_column_window_keeps_the_first_answer_of_a_session(program: str, sandbox: Sandbox) -> None:
    t = spawn_terminal(program, sandbox, "snabb", "--utan-uppfoljning", columns=20, env={"COLUMNS": "20"})
    t.expect("1 av 6", timeout=10)  # the progress line, wrapped or not
    t.send("Smal terminal\r")  # (once the question's prompt reads keys)
    t.expect("2 av 6", timeout=10)
    t.interrupt()  # at the second question's prompt
    code = t.wait_exit(timeout=15)
    tally("odd terminals")
    assert code == 130, t.output[-2000:]
    (path,) = real_reports(sandbox.reports)
    assert parse_report(path).answers["uppdrag"] == Answer("Smal terminal")
