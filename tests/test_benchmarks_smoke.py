"""The benchmark scripts run and print their ratios (in their quick mode), and the report folder
the listing benchmark generates is made of valid reports.  No timing is asserted anywhere."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from intervjufas.questionsets.catalog import builtin_set
from intervjufas.report.front_matter import read_front_matter
from intervjufas.report.parse import parse
from intervjufas.report.plan import planned_items
from intervjufas.report.render import render

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
RATIO = r"\d+,\d\d"  # a ratio as the scripts print it (decimal comma)


def run_script(name: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(BENCHMARKS / name), *arguments],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def load_module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def has_lista() -> bool:
    from intervjufas.cli.app import COMMANDS

    return "lista" in COMMANDS


@pytest.mark.e2e
def test_startup_benchmark_runs_and_prints_its_ratios() -> None:
    result = run_script("bench_startup.py", "--snabb")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Kvot" in out and "Mål" in out
    assert re.search(rf"^intervjufas --help .* {RATIO}\s+≤ 1,15\s+(OK|INTE OK)\s", out, re.MULTILINE), out
    assert re.search(rf"^intervjufas --version .* {RATIO}\s+–\s+\(info\)", out, re.MULTILINE), out
    assert re.search(rf"^första frågan, kartlagg .* {RATIO}\s+≤ 1,00\s+(OK|INTE OK)\s", out, re.MULTILINE), (
        out
    )
    assert re.search(rf"^första frågan, första start .* {RATIO}\s+–\s+\(info\)", out, re.MULTILINE), out
    for name in ("kartlagg", "lista", "jamfor", "fragor"):
        line = rf"^intervjufas {name} --help .* intervjufas --help .* {RATIO}\s+≤ 1,10\s+(OK|INTE OK)\s"
        assert re.search(line, out, re.MULTILINE), out
    assert re.search(r"^Referensprogrammets fraga importerar pydantic .*: (ja|nej)$", out, re.MULTILINE), out
    assert "Importtid per paket för --help" in out
    assert "Importtid per paket fram till första frågan" in out


def test_startup_benchmark_without_a_terminal_part() -> None:
    result = run_script(
        "bench_startup.py",
        "--repetitioner",
        "1",
        "--uppvarmning",
        "0",
        "--utan-pty",
        "--importkorningar",
        "0",
    )
    assert result.returncode == 0, result.stderr
    assert re.search(rf"^intervjufas --help .* {RATIO}\s+≤ 1,15", result.stdout, re.MULTILINE)
    assert "första frågan" not in result.stdout
    assert "Importtid" not in result.stdout


def test_lista_benchmark_runs_and_prints_its_ratios() -> None:
    result = run_script("bench_lista.py", "--snabb")
    if not has_lista():
        assert result.returncode == 1
        assert "'intervjufas lista' finns inte" in result.stderr
        return
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Skapade 20 rapporter" in out
    assert re.search(rf"^lista, 20 rapporter .* {RATIO}\s+≤ 5,00\s+(OK|INTE OK)\s", out, re.MULTILINE), out
    assert re.search(rf"^lista --json, 20 rapporter .* {RATIO}\s+≤ 5,00", out, re.MULTILINE), out
    assert "lista --json gav 20 poster." in out
    assert re.search(r"intervjufas lista\s+\d+,\d MB", out)


def test_benchmark_options_are_checked() -> None:
    result = run_script("bench_lista.py", "--repetitioner", "0")
    assert result.returncode == 2
    assert "--repetitioner måste vara minst 1" in result.stderr


def test_generated_reports_are_valid_varied_and_reproducible(tmp_path: Path) -> None:
    corpus = load_module("report_corpus")
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    summary = corpus.generate(first, 60, seed=7)
    corpus.generate(second, 60, seed=7)

    files = sorted(first.glob("*.md"))
    assert len(files) == summary.reports == 60
    assert [p.name for p in files] == sorted(p.name for p in second.glob("*.md"))
    assert all(p.read_text(encoding="utf-8") == (second / p.name).read_text(encoding="utf-8") for p in files)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d-[a-z0-9-]+\.md", p.name) for p in files)

    sets, customers, statuses, items, follow_ups = set(), set(), set(), 0, 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        header = read_front_matter(path, check=True)
        questionnaire = builtin_set(header["fragor"]["id"])
        report = parse(text, questionnaire, file=path.name)  # strict: every answer must fit
        assert render(report, questionnaire) == text
        assert path.name.startswith(report.date)
        assert len(header["atgarder"]) == len(planned_items(report, questionnaire))
        sets.add(questionnaire.id)
        customers.add(report.text("kund"))
        statuses.update(header["steg"].values())
        items += len(header["atgarder"])
        follow_ups += len(report.follow_ups)
    assert sets == {"kartlaggning", "snabbformat"}
    assert len(customers) > 5
    assert {"klar", "påbörjad"} <= statuses
    assert items == summary.action_items > 0
    assert follow_ups == summary.follow_ups > 0


def test_export_benchmark_runs_and_prints_its_ratios() -> None:
    result = run_script("bench_export.py", "--snabb")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert re.search(
        rf"^exportera, vanlig rapport, html .* {RATIO}\s+≤ 2,00\s+(OK|INTE OK)\s", out, re.MULTILINE
    ), out
    assert re.search(
        rf"^exportera, vanlig rapport, docx .* {RATIO}\s+≤ 3,00\s+(OK|INTE OK)\s", out, re.MULTILINE
    ), out
    assert re.search(
        rf"^exportera, lång rapport \(400 stycken\), docx .* {RATIO}\s+–\s+\(info\)", out, re.MULTILINE
    )
    assert re.search(
        r"^  vanlig rapport, docx\s+\d+,\d ms  \((inget förlopp|förloppet visas)\)$", out, re.MULTILINE
    )


def test_scaling_benchmark_runs_and_prints_every_figure_with_its_target() -> None:
    result = run_script("bench_scaling.py", "--snabb")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for size in (10, 20):
        assert f"Skapade {size} rapporter av 3 författare" in out
        assert re.search(
            rf"^lista, {size} rapporter .* {RATIO}\s+≤ 2,50\s+(OK|INTE OK)\s", out, re.MULTILINE
        ), out
        assert re.search(rf"^granska, kall, {size} rapporter .* {RATIO}\s+≤ 10,00\s", out, re.MULTILINE), out
        assert re.search(rf"^lista, 1 % ändrat, {size} rapporter .* {RATIO}\s+≤ 1,50\s", out, re.MULTILINE), (
            out
        )
        assert re.search(
            rf"^karta --historik, kall, {size} rapporter .* {RATIO}\s+≤ 15,00\s", out, re.MULTILINE
        ), out
        assert re.search(rf"^Pausen efter datumfrågan i kartlagg .*, {size} rapporter \(mål ≤ 300 ms\):$", out, re.MULTILINE)
        assert re.search(r"^  pausen efter datumet\s+\d+,\d ms  \(min .*  (OK|INTE OK)$", out, re.MULTILINE), out
    assert "| Kommando | 10 rapporter | 20 rapporter |" in out
    assert re.search(r"^\| `pausen efter datumet, kall` \| \d+ ms \(×\d+,\d\) \|", out, re.MULTILINE), out
    assert re.search(r"^\| `plan, kall` \| \d+ ms \(×\d+,\d\), \d+ MiB \|", out, re.MULTILINE), out
    assert re.search(
        r"^  lista, kall\s+10 → 20: (×\d+,\d \(mål ≤ ×2\)  (OK|INTE OK)|– \(mål ≤ ×2\)  \(inget utöver --help vid 10\))$",
        out,
        re.MULTILINE,
    ), out


def test_the_scaling_benchmark_measures_an_existing_folder(tmp_path: Path) -> None:
    load_module("report_corpus").generate(tmp_path, 12, seed=5)
    result = run_script("bench_scaling.py", "--snabb", "--mapp", str(tmp_path))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert f"Mäter i {tmp_path} (12 rapporter)." in out and "Skapade" not in out
    assert re.search(rf"^lista, kall, 12 rapporter .* {RATIO}\s+≤ 10,00\s", out, re.MULTILINE), out
    assert "| Kommando | 12 rapporter |" in out


def test_hand_edited_reports_are_read_as_the_safe_reader_reads_them(tmp_path: Path) -> None:
    corpus = load_module("report_corpus")
    corpus.generate(tmp_path, 40, seed=3)
    before = {path.name: read_front_matter(path, check=True) for path in tmp_path.glob("*.md")}
    assert corpus.hand_edit(tmp_path, 0.5, seed=3) > 5
    after = {path.name: read_front_matter(path, check=True) for path in tmp_path.glob("*.md")}
    assert after == before  # (a comment, a flow list and quotes change how it is written, not what)


def test_growth_is_no_ratio_where_a_command_costs_no_more_than_help() -> None:
    """At a few reports a command can cost no more CPU than ``--help``: dividing by that noise
    once gave ``×inf`` and a false ``INTE OK``."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        scaling = load_module("bench_scaling")
        benchlib = load_module("benchlib")
    finally:
        sys.path.remove(str(BENCHMARKS))

    def series(cpu_ms: float) -> object:
        return benchlib.Series("x", [benchlib.Sample(wall=cpu_ms / 1000, cpu=cpu_ms / 1000)])

    def at(size: int, extra_ms: float) -> dict[str, object]:
        row: dict[str, object] = {scaling.HELP: series(100), f"{scaling.HELP}, kall": series(100)}
        for name in scaling.COMMANDS:
            row[name] = series(100 + extra_ms)
            row[f"{name}, kall"] = series(100 + extra_ms)
        return row

    lines = scaling.growth_lines({10: at(10, -3), 20: at(20, 40)}).splitlines()
    assert "  lista, kall            10 → 20: – (mål ≤ ×2)  (inget utöver --help vid 10)" in lines
    assert not any("inf" in line or "INTE OK" in line for line in lines)
    lines = scaling.growth_lines({10: at(10, 20), 20: at(20, 50)}).splitlines()
    assert "  lista, kall            10 → 20: ×2,5 (mål ≤ ×2)  INTE OK" in lines
    lines = scaling.growth_lines({10: at(10, 20), 20: at(20, 30)}).splitlines()
    assert "  plan                   10 → 20: ×1,5 (mål ≤ ×2)  OK" in lines
