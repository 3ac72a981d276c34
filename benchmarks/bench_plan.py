"""Plan benchmark: ``plan`` and ``plan --json`` over a team folder in which a chosen share of the
reports still hold open action items (10 % and 50 % by default; every item with its own id), warm
and cold, against ``intervjufas --help`` measured interleaved in the same run, with the peak
memory of every run (targets: warm at most 3 times ``--help``, cold at most 10 times, at most
120 MiB), and the follow-up look-up of a new mapping (``follow_up_pool`` and its first handful of
items, timed inside a fresh program process).

Cold means the program's cache folder removed before the run (a new colleague, a new laptop): the
header index and the kept plan sections are built again.  The reports are generated (see
report_corpus.py, ``open_share``) by three authors in turn, their modification times set an hour
back (as reports from earlier days are, so that the caches may keep them).

Run by hand:  .venv/bin/python benchmarks/bench_plan.py   (--help for the options)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchlib import (
    BenchmarkError,
    Comparison,
    Sample,
    Series,
    check_positive,
    common_arguments,
    corpus_elsewhere,
    end_progress,
    interleaved,
    isolated_env,
    machine_line,
    number,
    program_path,
    progress_printer,
    run_once,
    run_reported,
    spread_lines,
    table,
    without_cache,
)

WARM_TARGET = 3.0
COLD_TARGET = 10.0
MEMORY_TARGET_MIB = 120
AUTHORS = ("Anna Berg", "Jonas Ek", "Sara Lind")
CUSTOMER = "Nordlager AB"  # (one of report_corpus.CUSTOMERS; not imported: this process stays small)
LOOKUP = r"""
import json, sys, time
from pathlib import Path

from intervjufas.questionsets.catalog import builtin_set
from intervjufas.reading.plan.folder_items import follow_up_pool

folder, customer = Path(sys.argv[1]), sys.argv[2]
questionnaire = builtin_set("kartlaggning")
wall, cpu = time.perf_counter(), time.process_time()
pool = follow_up_pool(folder, questionnaire, exclude_id="nyrapport", customer=customer)
first = pool.take(5)
joined = pool.open_now()
print(json.dumps({"tid": time.perf_counter() - wall, "cpu": time.process_time() - cpu, "moment": pool.total}))
"""




COUNT = r"""
import json, subprocess, sys

done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
if done.returncode != 0:
    sys.exit(done.stderr[-500:] or f"kod {done.returncode}")
listed = json.loads(done.stdout)["oppna_moment"]
print(json.dumps([len({item["fil"] for item in listed}), len(listed)]))
"""


def settle(folder: Path) -> None:
    """Every report an hour old, as reports made on earlier days are."""
    past = time.time() - 3600
    for path in folder.glob("*.md"):
        os.utime(path, (past, past))




def counted(argv: list[str], env: dict[str, str]) -> tuple[int, int]:
    """The reports with open items and the open items ``plan --json`` lists, counted in a process
    of its own: tens of megabytes of JSON parsed here would stay in this process, and every command
    measured after it would start as a copy of it (its peak memory counts the pages it had before
    the program replaced it)."""
    result = subprocess.run([sys.executable, "-c", COUNT, *argv], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BenchmarkError(f"{' '.join(argv)} kunde inte räknas: {result.stderr.strip()[-500:]}")
    holding, items = json.loads(result.stdout)
    return int(holding), int(items)


def lookup_runner(folder: Path, env: dict[str, str]) -> Callable[[], Sample]:
    """The follow-up look-up in a new program process, timed inside it, with the peak memory."""

    def run() -> Sample:
        argv = [sys.executable, "-c", LOOKUP, str(folder), CUSTOMER]
        result = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise BenchmarkError(f"uppföljningen kunde inte mätas: {result.stderr[-500:]}")
        found = json.loads(result.stdout)
        return Sample(found["tid"], found["cpu"], None)

    return run


def main(arguments: Sequence[str] | None = None) -> int:
    parser = common_arguments(
        "Mät plan (varm och kall) i en mapp där en vald andel av rapporterna har öppna moment, "
        "mot intervjufas --help.",
        repetitions=7,
        warmup=1,
    )
    parser.add_argument(
        "--rapporter", type=int, default=20000, metavar="N", help="antal rapporter att skapa (standard 20000)"
    )
    parser.add_argument(
        "--andelar",
        default="10,50",
        metavar="P,P",
        help="andelar av rapporterna med öppna moment, i procent (standard 10,50)",
    )
    parser.add_argument(
        "--kalla",
        type=int,
        default=3,
        metavar="N",
        help="antal kalla körningar av plan (standard 3; 0 mäter bara varma)",
    )
    parser.add_argument(
        "--mapp",
        type=Path,
        metavar="MAPP",
        help="mät i en befintlig rapportmapp i stället för att skapa dem (den ändras inte)",
    )
    options = parser.parse_args(arguments)
    if options.snabb:
        options.repetitioner, options.uppvarmning, options.kalla = 2, 1, 1
        options.rapporter = min(options.rapporter, 40)
    try:
        options.andelar = [int(part) for part in options.andelar.split(",") if part.strip()]
    except ValueError:
        parser.error("--andelar ska vara procenttal skilda med komma, t.ex. 10,50")
    if not options.andelar or any(not 0 <= share <= 100 for share in options.andelar):
        parser.error("--andelar ska vara procenttal mellan 0 och 100")
    check_positive(parser, repetitioner=options.repetitioner, rapporter=options.rapporter)
    if options.kalla < 0:
        parser.error("--kalla får inte vara negativt")
    return run_reported(_run, options)


def _run(options: argparse.Namespace) -> int:
    program = program_path()
    root = Path(tempfile.mkdtemp(prefix="intervjufas-bench-plan-"))
    try:
        print(machine_line())
        print(f"intervjufas: {program}")
        print(
            f"{options.repetitioner} mätrundor efter {options.uppvarmning} uppvärmning(ar), "
            f"{options.kalla} kalla körningar; tider är medianer."
        )
        if options.mapp is not None:
            print()
            _measure_share(program, root, options.rapporter, None, options)
        for share in options.andelar if options.mapp is None else ():
            print()
            _measure_share(program, root, options.rapporter, share, options)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


def _measure_share(
    program: Path, root: Path, count: int, share: int | None, options: argparse.Namespace
) -> None:
    """``share`` None: the existing folder ``options.mapp``."""
    folder, sets, cache = root / f"rapporter-{share}", root / "fragor", root / f"cache-{share}"
    sets.mkdir(exist_ok=True)
    started = time.perf_counter()
    if share is None:
        folder = options.mapp
        count = sum(1 for name in os.listdir(folder) if name.endswith(".md"))
        summary = {}
    else:
        folder.mkdir()
        summary = corpus_elsewhere(folder, count, authors=list(AUTHORS), open_share=share / 100)
        settle(folder)
    env = isolated_env(folder, sets, XDG_CACHE_HOME=str(cache))
    plan = [str(program), "plan"]
    holding, items = counted([*plan, "--json"], env)
    found = f"{holding} ({number(100 * holding / count, 1)} %) har öppna moment, {items} öppna moment"
    if share is None:
        print(f"Mappen {folder}: {count} rapporter, {found}.")
    else:
        print(
            f"Skapade {summary['reports']} rapporter av {len(AUTHORS)} författare på "
            f"{number(time.perf_counter() - started, 1)} s: {found} (alla med egna id), "
            f"{summary['action_items']} moment i utvecklingsplaner, {summary['follow_ups']} uppföljningar."
        )
    warm = {
        "intervjufas --help": [str(program), "--help"],
        "plan": plan,
        "plan --json": [*plan, "--json"],
    }
    runners = {name: (lambda argv=argv: run_once(argv, env)) for name, argv in warm.items()}
    runners["uppföljning"] = lookup_runner(folder, env)
    show = progress_printer(True)
    series = interleaved(runners, options.repetitioner, options.uppvarmning, show)
    colds = (
        interleaved(
            {
                "intervjufas --help": runners["intervjufas --help"],
                "plan kall": without_cache(lambda: run_once(plan, env), cache),
            },
            options.kalla,
            0,
            show,
        )
        if options.kalla
        else {}
    )
    end_progress(show)
    label = f"{count} rapporter, {share if share is not None else round(100 * holding / count)} % med öppna moment"
    reference = series["intervjufas --help"]
    rows = [
        Comparison(f"plan, {label}", series["plan"], "intervjufas --help", reference, WARM_TARGET),
        Comparison(f"plan --json, {label}", series["plan --json"], "intervjufas --help", reference, WARM_TARGET),
    ]
    if colds:
        rows.append(
            Comparison(
                f"plan kall, {label}",
                colds["plan kall"],
                "intervjufas --help",
                colds["intervjufas --help"],
                COLD_TARGET,
            )
        )
    print(table(rows))
    print("Mittersta hälften av tiderna (25:e–75:e percentilen):")
    cold = [colds["plan kall"]] if colds else []
    print(spread_lines([*(series[name] for name in warm), *cold]))
    _print_memory([series["plan"], series["plan --json"], *cold])
    lookups = series["uppföljning"]
    low, high = lookups.spread_ms
    print(
        f"Uppföljningen i en ny kartläggning (follow_up_pool, de första 5 momenten och alla öppna moment, "
        f"i programmets process): {number(lookups.wall_ms)} ms (mittersta hälften {number(low)}–{number(high)} ms, "
        f"CPU {number(lookups.cpu_ms)} ms) (info)"
    )


def _print_memory(measured: list[Series]) -> None:
    print("Högsta minnesanvändning (största RSS i någon körning):")
    for series in measured:
        rss = series.max_rss_kib
        if rss is None:
            print(f"  {series.name:<12} okänd")
            continue
        verdict = "OK" if rss <= MEMORY_TARGET_MIB * 1024 else "INTE OK"
        print(f"  {series.name:<12} {number(rss / 1024):>7} MiB  (mål ≤ {MEMORY_TARGET_MIB} MiB)  {verdict}")


if __name__ == "__main__":
    sys.exit(main())
