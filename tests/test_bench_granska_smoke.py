"""The privacy-scan benchmark runs in its quick mode, finds exactly the phone numbers it planted,
and prints its ratios. No timing is asserted."""

from __future__ import annotations

import re

from test_benchmarks_smoke import RATIO, run_script


def test_granska_benchmark_runs_and_prints_its_ratios() -> None:
    result = run_script("bench_granska.py", "--snabb")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Skapade 20 rapporter" in out
    assert "granska hittade 1 fynd i 1 av 20 rapporter (väntat: 1 i 1)." in out
    assert re.search(
        rf"^granska varm, 20 rapporter .* intervjufas lista .* {RATIO}\s+≤ 1,50\s+(OK|INTE OK)", out, re.M
    )
    assert re.search(
        rf"^granska kall, 20 rapporter .* intervjufas --help .* {RATIO}\s+≤ 10,00\s+(OK|INTE OK)", out, re.M
    )


def test_granska_benchmark_options_are_checked() -> None:
    result = run_script("bench_granska.py", "--rapporter", "0")
    assert result.returncode == 2
    assert "--rapporter måste vara minst 1" in result.stderr
