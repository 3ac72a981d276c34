"""The folder benchmark runs in its quick mode and prints its ratios, memory and follow-up figures
for both folder sizes, with a verdict for each target. No timing is asserted."""

from __future__ import annotations

import re

from test_benchmarks_smoke import RATIO, run_script


def test_folder_benchmark_runs_and_prints_every_figure() -> None:
    result = run_script("bench_folder.py", "--snabb")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for count in (20, 10):
        assert f"Skapade {count} rapporter av 3 författare" in out
        for name, target in (("lista", "4,00"), ("jamfor", "4,00"), ("plan", "5,00"), ("trend", "5,00")):
            line = (
                rf"^{name}, {count} rapporter .* intervjufas --help .* {RATIO}\s+≤ {target}\s+(OK|INTE OK)\s"
            )
            assert re.search(line, out, re.MULTILINE), out
        assert re.search(
            rf"^Uppföljningen i en ny kartläggning .*, {count} rapporter: \d+,\d ms .*mål ≤ 300 ms\)\s+(OK|INTE OK)$",
            out,
            re.MULTILINE,
        ), out
    for name in ("lista", "jamfor", "plan", "trend", "uppföljning"):
        assert re.search(rf"^  {name}\s+\d+,\d MiB  \(mål ≤ 120 MiB\)  (OK|INTE OK)$", out, re.MULTILINE), out
    assert "kartan att utgå från (latest_map" in out
    assert "lista kall (tomt index, en körning)" in out


def test_folder_benchmark_options_are_checked() -> None:
    result = run_script("bench_folder.py", "--rapporter", "0")
    assert result.returncode == 2
    assert "--rapporter måste vara minst 1" in result.stderr
