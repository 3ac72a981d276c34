"""The team benchmark runs in its quick mode and prints its ratio and the in-process pause before the
suggestions, with a verdict for each target, and its figures for information. No timing is asserted."""

from __future__ import annotations

import re

from test_benchmarks_smoke import RATIO, run_script


def test_team_benchmark_runs_and_prints_every_figure() -> None:
    result = run_script("bench_team.py", "--snabb")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Skapade 60 rapporter av 30 författare" in out
    line = rf"^karta --team, 60 rapporter .* intervjufas --help .* {RATIO}\s+≤ 5,00\s+(OK|INTE OK)\s"
    assert re.search(line, out, re.MULTILINE), out
    assert re.search(r"^Förslagen efter en fas karta i programmets process .*mål ≤ 200 ms\)\s+(OK|INTE OK)$", out, re.MULTILINE), out
    assert "teamets karta läst i förväg, i bakgrunden" in out
    assert "hela uppslaget vid förslaget, utan läsning i förväg" in out
    assert "karta --team kall (tomt index, en körning)" in out
