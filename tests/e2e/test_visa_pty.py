"""`visa` in a real pseudo-terminal: the report's process map drawn as `karta` draws it (side by
side at 100 columns, one phase under the other at 60), with no Mermaid source and no program
comment – and the same when its output goes to a pipe."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pexpect
import pytest

from map_samples import FIRST, SECOND, write_sample_reports

from .conftest import TIMEOUT, Terminal, program_env

SIDE_BY_SIDE = re.compile(r"^Före intervjun +Under intervjun +Efter intervjun *$", re.MULTILINE)
STACKED = re.compile(r"^Före intervjun *\n\s+Kravprofil *\n", re.MULTILINE)
PROGRAM_TEXT = ("<!--", "-->", "mermaid", "flowchart", "subgraph", "classDef", "```")


@pytest.fixture
def maps(reports_dir: Path) -> Path:
    return write_sample_reports(reports_dir)


@pytest.mark.e2e
@pytest.mark.parametrize(("columns", "side_by_side"), [(100, True), (60, False)])
def test_visa_draws_the_map_in_the_terminal(
    program: str, maps: Path, home_dir: Path, columns: int, side_by_side: bool
) -> None:
    log = io.StringIO()
    child = pexpect.spawn(
        program,
        ["visa", FIRST],
        env=program_env(maps, home_dir, PAGER="false"),
        dimensions=(500, columns),  # taller than the report: no pager
        encoding="utf-8",
        timeout=TIMEOUT,
    )
    child.logfile_read = log
    t = Terminal(child)
    t.expect("Processkarta")
    t.expect(re.compile(r"Teckenförklaring:\s+\+ Nytt · ↗ Utveckla · ✕\s+Ta bort"))
    t.expect("Utvecklingsplan")
    assert t.wait_exit() == 0
    shown = t.output
    for text in PROGRAM_TEXT:
        assert text not in shown, text
    assert "…" not in shown
    assert max(len(line.rstrip()) for line in shown.splitlines()) <= columns
    assert (SIDE_BY_SIDE.search(shown) is not None) is side_by_side
    assert (STACKED.search(shown) is not None) is not side_by_side
    assert "Förberedande samtal" in shown and "Minska nervositeten" in shown
    assert "\x1b[" in log.getvalue()  # drawn with styles in a terminal


@pytest.mark.e2e
@pytest.mark.parametrize("columns", [60, 100])
def test_visa_draws_the_map_into_a_pipe(program: str, maps: Path, home_dir: Path, columns: int) -> None:
    env = program_env(maps, home_dir, COLUMNS=str(columns))
    done = subprocess.run(
        [program, "visa", SECOND], env=env, capture_output=True, text=True, encoding="utf-8", timeout=TIMEOUT
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for text in PROGRAM_TEXT:
        assert text not in out, text
    assert "\x1b[" not in out
    section = out[out.index("## Processkarta\n") : out.index("## Utvecklingsplan")]
    assert section.startswith("## Processkarta\n\nFöre intervjun\n    Genomgång av kravprofilen\n")
    assert "  ✓ Kallelse\n" in section and "  ↗ Intervju\n" in section
    assert max(len(line) for line in section.splitlines()) <= columns
