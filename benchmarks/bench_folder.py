"""Folder benchmark: the commands that read a whole reports folder – ``lista``, ``jamfor A`` (one
report, compared with the earlier one it picks), ``plan`` and ``trend`` – over 20,000 reports with
the header index warm, against ``intervjufas --help`` measured interleaved in the same run
(targets: lista and jamfor at most 4 times as long, plan and trend at most 5 times), the peak
memory of each (at most 120 MiB), and the follow-up look-up of a new mapping – ``follow_up_pool``
and its first handful of items, as the session calls them after the date is answered – timed
inside a fresh program process (at most 0.3 s).  The same at 200 reports, to see that a small
folder is not slowed down.  A cold first run (no index yet) and the map a new mapping starts from
(``latest_map``, looked up once) are shown for information.

The reports are generated (see report_corpus.py) by three authors in turn, their modification
times set an hour back (as reports from earlier days are, so that the index may keep them).

Run by hand:  .venv/bin/python benchmarks/bench_folder.py   (--help for the options)
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
    check_output,
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
)

TARGETS = {"lista": 4.0, "jamfor": 4.0, "plan": 5.0, "trend": 5.0}
MEMORY_TARGET_MIB = 120
LOOKUP_TARGET_S = 0.3
AUTHORS = ("Anna Berg", "Jonas Ek", "Sara Lind")
CUSTOMER = "Nordlager AB"  # (one of report_corpus.CUSTOMERS; not imported: this process stays small)
# The follow-up look-up as a new mapping makes it, timed inside the program's own process.
LOOKUP = r"""
import json, sys, time
from pathlib import Path

from intervjufas.questionsets.catalog import builtin_set
from intervjufas.reading.process_map.start_map import latest_map
from intervjufas.reading.plan.folder_items import follow_up_pool

folder, customer, author, with_map = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4] == "1"
questionnaire = builtin_set("kartlaggning")
wall, cpu = time.perf_counter(), time.process_time()
pool = follow_up_pool(folder, questionnaire, exclude_id="nyrapport", customer=customer)
first = pool.take(5)
found = {"tid": time.perf_counter() - wall, "cpu": time.process_time() - cpu, "moment": pool.total}
if with_map:
    wall = time.perf_counter()
    latest_map(folder, questionnaire, author, "nyrapport")
    found["karta"] = time.perf_counter() - wall
print(json.dumps(found))
"""




def settle(folder: Path) -> None:
    """Every report an hour old, as reports made on earlier days are."""
    past = time.time() - 3600
    for path in folder.glob("*.md"):
        os.utime(path, (past, past))


def lookup_once(folder: Path, env: dict[str, str], *, with_map: bool = False) -> dict:
    """One follow-up look-up (and with ``with_map`` the map after it) in a new program process."""
    argv = [sys.executable, "-c", LOOKUP, str(folder), CUSTOMER, AUTHORS[0], "1" if with_map else "0"]
    result = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BenchmarkError(f"uppföljningen kunde inte mätas: {result.stderr[-500:]}")
    return json.loads(result.stdout)


def lookup_runner(folder: Path, env: dict[str, str]) -> Callable[[], Sample]:
    """The look-up as a runner for ``interleaved``, with the peak memory from wait4."""

    def run() -> Sample:
        argv = [sys.executable, "-c", LOOKUP, str(folder), CUSTOMER, AUTHORS[0], "0"]
        process = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert process.stdout is not None and process.stderr is not None
        out, errors = process.stdout.read(), process.stderr.read()
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        process.stdout.close()
        process.stderr.close()
        if process.returncode != 0:
            raise BenchmarkError(
                f"uppföljningen kunde inte mätas: {errors.decode('utf-8', 'replace')[-500:]}"
            )
        found = json.loads(out)
        rss = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
        return Sample(found["tid"], found["cpu"], rss)

    return run


def main(arguments: Sequence[str] | None = None) -> int:
    parser = common_arguments(
        "Mät lista, jamfor, plan, trend och uppföljningen i kartlagg med många rapporter "
        "mot intervjufas --help.",
        repetitions=7,
        warmup=1,
    )
    parser.add_argument(
        "--rapporter", type=int, default=20000, metavar="N", help="antal rapporter att skapa (standard 20000)"
    )
    parser.add_argument(
        "--liten",
        type=int,
        default=200,
        metavar="N",
        help="antal rapporter i den lilla mappen (standard 200)",
    )
    options = parser.parse_args(arguments)
    if options.snabb:
        options.repetitioner, options.uppvarmning = 2, 1
        options.rapporter, options.liten = min(options.rapporter, 20), min(options.liten, 10)
    check_positive(
        parser, repetitioner=options.repetitioner, rapporter=options.rapporter, liten=options.liten
    )
    return run_reported(_run, options)


def _run(options: argparse.Namespace) -> int:
    program = program_path()
    root = Path(tempfile.mkdtemp(prefix="intervjufas-bench-"))
    try:
        print(machine_line())
        print(f"intervjufas: {program}")
        print(
            f"{options.repetitioner} mätrundor efter {options.uppvarmning} uppvärmning(ar); tider är medianer."
        )
        for count in dict.fromkeys((options.rapporter, options.liten)):
            print()
            _measure_folder(program, root, count, options)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


def _measure_folder(program: Path, root: Path, count: int, options: argparse.Namespace) -> None:
    folder, sets = root / f"rapporter-{count}", root / "fragor"
    folder.mkdir()
    sets.mkdir(exist_ok=True)
    started = time.perf_counter()
    summary = corpus_elsewhere(folder, count, authors=list(AUTHORS))
    settle(folder)
    print(
        f"Skapade {summary['reports']} rapporter av {len(AUTHORS)} författare ({summary['action_items']} moment "
        f"i utvecklingsplaner, {summary['follow_ups']} uppföljningar) på "
        f"{number(time.perf_counter() - started, 1)} s."
    )
    env = isolated_env(folder, sets, XDG_CACHE_HOME=str(root / f"cache-{count}"))
    newest = max(path.name for path in folder.glob("*.md"))
    commands = {
        "intervjufas --help": [str(program), "--help"],
        "lista": [str(program), "lista"],
        "jamfor": [str(program), "jamfor", newest],
        "plan": [str(program), "plan"],
        "trend": [str(program), "trend"],
    }
    cold = run_once(commands["lista"], env)  # (fills the index)
    listed = len(json.loads(check_output([*commands["lista"], "--json"], env))["rapporter"])
    if listed != count:
        raise BenchmarkError(f"lista --json gav {listed} rapporter, inte {count}.")
    check_output(commands["jamfor"], env, "Jämför")
    runners = {name: (lambda argv=argv: run_once(argv, env)) for name, argv in commands.items()}
    runners["uppföljning"] = lookup_runner(folder, env)
    show = progress_printer(True)
    series = interleaved(runners, options.repetitioner, options.uppvarmning, show)
    end_progress(show)
    reference = series["intervjufas --help"]
    comparisons = [
        Comparison(f"{name}, {count} rapporter", series[name], "intervjufas --help", reference, target)
        for name, target in TARGETS.items()
    ]
    print(table(comparisons))
    print("Mittersta hälften av tiderna (25:e–75:e percentilen):")
    print(spread_lines([series[name] for name in commands]))
    _print_memory(series, count)
    _print_lookup(series["uppföljning"], folder, env, count)
    print(f"  lista kall (tomt index, en körning)   {number(cold.wall * 1000)} ms (info)")


def _print_memory(series: dict[str, Series], count: int) -> None:
    print(f"Högsta minnesanvändning (största RSS i någon körning), {count} rapporter:")
    for name in ("lista", "jamfor", "plan", "trend", "uppföljning"):
        rss = series[name].max_rss_kib
        if rss is None:
            print(f"  {name:<12} okänd")
            continue
        verdict = "OK" if rss <= MEMORY_TARGET_MIB * 1024 else "INTE OK"
        print(f"  {name:<12} {number(rss / 1024):>7} MiB  (mål ≤ {MEMORY_TARGET_MIB} MiB)  {verdict}")


def _print_lookup(lookups: Series, folder: Path, env: dict[str, str], count: int) -> None:
    median = lookups.wall_ms / 1000
    verdict = "OK" if median <= LOOKUP_TARGET_S else "INTE OK"
    low, high = lookups.spread_ms
    print(
        f"Uppföljningen i en ny kartläggning (follow_up_pool och de första 5 momenten, i programmets "
        f"process), {count} rapporter: {number(median * 1000)} ms (mittersta hälften {number(low)}–"
        f"{number(high)} ms, CPU {number(lookups.cpu_ms)} ms; mål ≤ {number(LOOKUP_TARGET_S * 1000, 0)} ms)  "
        f"{verdict}"
    )
    found = lookup_once(folder, env, with_map=True)
    print(
        f"  kartan att utgå från (latest_map, efter uppföljningen i samma process, författare "
        f"{AUTHORS[0]}): {number(found['karta'] * 1000)} ms (info)"
    )


if __name__ == "__main__":
    sys.exit(main())
