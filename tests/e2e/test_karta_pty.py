"""`karta` in a real pseudo-terminal: the phases side by side in a wide terminal and stacked in a
narrow one, in colour, and a map taller than the screen through the pager (which leaves it on the
screen when it quits)."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pexpect
import pytest

from map_samples import ANNA, write_sample_reports

from .conftest import TIMEOUT, Terminal, program_env
from .readiness import PAGER_PROMPT


def spawn(
    program: str, args: list[str], reports: Path, home: Path, size: tuple[int, int], **env: str | None
) -> tuple[pexpect.spawn, io.StringIO]:
    log = io.StringIO()
    child = pexpect.spawn(
        program,
        args,
        env=program_env(reports, home, INTERVJUFAS_FORFATTARE=ANNA, **env),
        dimensions=size,
        encoding="utf-8",
        timeout=TIMEOUT,
    )
    child.logfile_read = log
    return child, log


@pytest.fixture
def maps(reports_dir: Path) -> Path:
    return write_sample_reports(reports_dir)


@pytest.mark.e2e
@pytest.mark.parametrize(("columns", "side_by_side"), [(120, True), (60, False)])
def test_the_map_fits_the_terminal(
    program: str, maps: Path, home_dir: Path, columns: int, side_by_side: bool
) -> None:
    child, log = spawn(program, ["karta"], maps, home_dir, (60, columns), PAGER="false")
    t = Terminal(child)
    t.expect("Processkarta: Plock")
    assert t.wait_exit() == 0
    lines = t.output.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= columns
    header = re.search(r"^Före intervjun +Under intervjun +Efter intervjun", t.output, re.MULTILINE)
    assert (header is not None) is side_by_side
    assert "Den senaste kartan i rapportmappen: 2024-03-05-plock.md" in t.output
    assert "✓" in t.output and "Utvecklat 2024-03-05" in t.output
    assert "\x1b[" in log.getvalue()  # drawn with styles in a terminal


@pytest.mark.e2e
def test_a_tall_map_goes_through_the_pager_and_stays_on_the_screen(
    program: str, maps: Path, home_dir: Path
) -> None:
    if shutil.which("less") is None:
        pytest.skip("less is not installed")
    child, log = spawn(program, ["karta", "2024-01-15"], maps, home_dir, (12, 70), PAGER="less", LESS=None)
    t = Terminal(child)
    t.expect("Processkarta: Lager")
    t.expect(PAGER_PROMPT)
    t.send("q", at_prompt=False)
    assert t.wait_exit() == 0
    assert "Teckenförklaring" not in t.output  # the last line: never shown, as less quit on the first page
    assert "\x1b[?1049h" not in log.getvalue()  # less -FRX: no alternate screen


@pytest.mark.e2e
def test_no_pager_when_asked(program: str, maps: Path, home_dir: Path) -> None:
    child, _ = spawn(
        program, ["karta", "2024-01-15", "--ingen-pager"], maps, home_dir, (12, 70), PAGER="false"
    )
    t = Terminal(child)
    t.expect("Teckenförklaring: + Nytt · ↗ Utveckla · ✕ Ta bort")
    assert t.wait_exit() == 0
