"""In a real pseudo-terminal, the Markdown formats that once passed a hand-edited name's control
characters straight through (ESC c resets the terminal, ESC ( 0 switches it to line drawing, BEL
rings) write them as visible symbols: nothing the terminal would act on reaches it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from map_samples import ANNA, FIRST, SECOND, write_sample_reports

from .conftest import Terminal

CONTROL = "\x1bc\x1b(0\x07"


@pytest.mark.e2e
@pytest.mark.parametrize(
    "args",
    [
        ("karta", FIRST, "--format", "markdown"),
        ("karta", "--historik", "--alla", "--format", "markdown"),
        ("jamfor", FIRST, SECOND, "--format", "markdown"),
    ],
    ids=["karta", "karta --historik", "jamfor"],
)
def test_markdown_on_a_terminal_shows_control_characters_as_symbols(
    run: Callable[..., Terminal], reports_dir: Path, args: tuple[str, ...]
) -> None:
    write_sample_reports(reports_dir)
    for path in reports_dir.glob("*.md"):
        path.write_text(path.read_text(encoding="utf-8").replace("**Kallelse**", f"**Kallelse{CONTROL}**"))
    t = run(*args, INTERVJUFAS_FORFATTARE=ANNA)
    t.expect("Kallelse␛c␛(0␇")
    assert t.wait_exit() == 0
    for sequence in ("\x1bc", "\x1b(0", "\x07"):
        assert sequence not in t.raw, repr(sequence)
