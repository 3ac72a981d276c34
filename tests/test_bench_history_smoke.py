"""The map-history benchmark runs in its quick mode and prints every figure with its target and a
verdict. No timing is asserted."""

from __future__ import annotations

import re

from test_benchmarks_smoke import RATIO, run_script


def test_history_benchmark_runs_and_prints_every_figure() -> None:
    result = run_script("bench_history.py", "--snabb")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Skapade 60 rapporter av 3 författare" in out
    for label, reference, target in (
        ("karta --historik, varm, 60 rapporter", "intervjufas --help", "5,00"),
        ("karta --historik, kall, 60 rapporter", "intervjufas --help", "15,00"),
        (r"karta --historik --alla \(till ett rör\), varm", "karta --historik", "10,00"),
        (r"karta --historik --detaljer \(till ett rör\), varm", "karta --historik", "10,00"),
        (r"karta --historik --alla \(till ett rör\), vyn beräknas", "karta --historik", "10,00"),
    ):
        line = rf"^{label} .* {reference} .* {RATIO}\s+≤ {target}\s+(OK|INTE OK)\s"
        assert re.search(line, out, re.MULTILINE), (label, out)
    assert re.search(r"^karta --historik, varm, vyn beräknas, 60 rapporter .* intervjufas --help .*\(info\)", out, re.MULTILINE), out
    assert "Högsta minnesanvändning (mål ≤ 150 MiB):" in out
    assert len(re.findall(r"^  karta --historik.* MiB  (?:OK|INTE OK) ", out, re.MULTILINE)) == 6, out
