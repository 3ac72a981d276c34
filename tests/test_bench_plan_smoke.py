"""The plan and pause benchmarks run in their quick mode and print every figure with its verdict,
and the corpus keeps the chosen share of its reports' items open. No timing is asserted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from test_benchmarks_smoke import BENCHMARKS, RATIO, run_script


def test_plan_benchmark_runs_and_prints_every_figure() -> None:
    result = run_script("bench_plan.py", "--snabb", "--andelar", "10,50")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for share in (10, 50):
        label = f"40 rapporter, {share} % med öppna moment"
        assert re.search(
            r"^Skapade 40 rapporter av 3 författare .*: \d+ \(\d+,\d %\) har öppna moment", out, re.MULTILINE
        )
        for name, target in (("plan", "3,00"), ("plan --json", "3,00"), ("plan kall", "10,00")):
            line = (
                rf"^{re.escape(name)}, {label} .* intervjufas --help .* {RATIO}\s+≤ {target}\s+(OK|INTE OK)\s"
            )
            assert re.search(line, out, re.MULTILINE), out
    for name in ("plan", "plan --json", "plan kall"):
        assert re.search(
            rf"^  {re.escape(name)}\s+\d+,\d MiB  \(mål ≤ 120 MiB\)  (OK|INTE OK)$", out, re.MULTILINE
        ), out
    assert "Uppföljningen i en ny kartläggning" in out


def test_plan_benchmark_options_are_checked() -> None:
    result = run_script("bench_plan.py", "--andelar", "10,200")
    assert result.returncode == 2
    assert "--andelar" in result.stderr


@pytest.mark.e2e
def test_pause_benchmark_runs_and_prints_the_pause() -> None:
    result = run_script("bench_pause.py", "--snabb", "--betanketid", "0")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert re.search(r"^  tom mapp\s+\d+,\d ms .*\(jämförelse\)$", out, re.MULTILINE), out
    assert re.search(r"^  20 rapporter\s+\d+,\d ms .*(OK|INTE OK)$", out, re.MULTILINE), out
    first = out.split("Pausen efter första svaret", 1)[-1]
    assert re.search(r"^  20 rapporter\s+\d+,\d ms  \(min \d+,\d, max \d+,\d ms\)$", first, re.MULTILINE), out


def test_the_corpus_keeps_the_chosen_share_of_reports_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    from intervjufas.reading.plan.folder_items import folder_plan
    from report_corpus import generate

    shares = {}
    for share in (0.1, 0.5):
        folder = tmp_path / str(share)
        folder.mkdir()
        generate(folder, 200, authors=("A", "B"), open_share=share)
        items, warnings = folder_plan(folder)
        assert warnings == []
        assert len({item.key for item in items}) == len(items)  # (every item its own id)
        shares[share] = len({item.source for item in items}) / 200
    assert 0.03 < shares[0.1] < 0.2 and 0.35 < shares[0.5] < 0.65
