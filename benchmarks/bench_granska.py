"""Privacy-scan benchmark: ``intervjufas granska`` over a folder of 20,000 reports, cold (an empty
cache each run) and warm (the cache from the run before), against ``intervjufas --help`` and
``intervjufas lista`` measured interleaved in the same run. Targets: a warm scan about as fast as
listing the folder (at most 1.5 times ``lista``), and a cold scan within 10 times ``--help`` (a
first run on a folder, as in ``bench_scaling.py``).

The reports are generated (see report_corpus.py) into a temporary folder, their modification times
set an hour back (as reports from earlier days are), and one in a hundred gets a hand-written note
with a phone number: the scan must find exactly those, which also shows that the other reports –
the program's own text – give no false findings.

Run by hand:  .venv/bin/python benchmarks/bench_granska.py   (--help for the options)
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
from collections.abc import Sequence
from pathlib import Path

from benchlib import (
    BenchmarkError,
    Comparison,
    Sample,
    check_positive,
    common_arguments,
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
from report_corpus import generate

WARM_TARGET = 1.5  # times lista
COLD_TARGET = 10.0  # times --help
NOTE = "\nRing kandidaten på 070-123 45 67 om något ändras.\n"
PLANTED_EVERY = 100


def plant_and_settle(folder: Path) -> int:
    """Add a phone number to every hundredth report; set every report's time an hour back."""
    planted = 0
    past = time.time() - 3600
    for number_, path in enumerate(sorted(folder.glob("*.md"))):
        if number_ % PLANTED_EVERY == 0:
            with open(path, "a", encoding="utf-8") as handle:
                handle.write(NOTE)
            planted += 1
        os.utime(path, (past, past))
    return planted


def scan_json(program: Path, folder: Path, env: dict[str, str]) -> dict:
    """``granska --json`` once (exit 1 means: something was found)."""
    result = subprocess.run(
        [str(program), "granska", "--katalog", str(folder), "--json"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode not in (0, 1):
        raise BenchmarkError(f"granska avslutades med kod {result.returncode}: {result.stderr.strip()[:500]}")
    return json.loads(result.stdout)


def main(arguments: Sequence[str] | None = None) -> int:
    parser = common_arguments(
        "Mät intervjufas granska (kall och varm) med många rapporter mot intervjufas --help och lista.",
        repetitions=7,
        warmup=1,
    )
    parser.add_argument(
        "--rapporter", type=int, default=20000, metavar="N", help="antal rapporter att skapa (standard 20000)"
    )
    options = parser.parse_args(arguments)
    if options.snabb:
        options.repetitioner, options.uppvarmning, options.rapporter = 2, 1, min(options.rapporter, 20)
    check_positive(parser, repetitioner=options.repetitioner, rapporter=options.rapporter)
    return run_reported(_run, options)


def _run(options: argparse.Namespace) -> int:
    program = program_path()
    root = Path(tempfile.mkdtemp(prefix="intervjufas-bench-"))
    try:
        folder, sets = root / "rapporter", root / "fragor"
        folder.mkdir()
        sets.mkdir()
        warm_env = isolated_env(folder, sets, XDG_CACHE_HOME=str(root / "cache"))
        print(machine_line())
        print(f"intervjufas: {program}")
        started = time.perf_counter()
        summary = generate(folder, options.rapporter)
        planted = plant_and_settle(folder)
        print(
            f"Skapade {summary.reports} rapporter på {number(time.perf_counter() - started, 1)} s; "
            f"{planted} av dem har ett telefonnummer i en anteckning."
        )
        found = scan_json(program, folder, warm_env)  # also fills the warm cache
        print(
            f"granska hittade {len(found['fynd'])} fynd i {found['antal_rapporter_med_fynd']} av "
            f"{found['antal_genomsokta']} rapporter (väntat: {planted} i {planted})."
        )
        if (len(found["fynd"]), found["antal_rapporter_med_fynd"]) != (planted, planted):
            raise BenchmarkError("granska hittade inte exakt de inlagda telefonnumren.")
        print(
            f"{options.repetitioner} mätrundor efter {options.uppvarmning} uppvärmning(ar); tider är medianer."
        )
        print()
        series = _measure(program, folder, root, warm_env, options)
        reference, listing = series["intervjufas --help"], series["intervjufas lista"]
        count = summary.reports
        comparisons = [
            Comparison(
                f"granska varm, {count} rapporter",
                series["granska varm"],
                "intervjufas lista",
                listing,
                WARM_TARGET,
            ),
            Comparison(
                f"granska varm, {count} rapporter",
                series["granska varm"],
                "intervjufas --help",
                reference,
                None,
            ),
            Comparison(
                f"granska kall, {count} rapporter",
                series["granska kall"],
                "intervjufas --help",
                reference,
                COLD_TARGET,
            ),
            Comparison(f"lista, {count} rapporter", listing, "intervjufas --help", reference, None),
        ]
        print(table(comparisons))
        print()
        print("Mittersta hälften av tiderna (25:e–75:e percentilen):")
        print(spread_lines(list(series.values())))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


def _measure(
    program: Path, folder: Path, root: Path, warm_env: dict[str, str], options: argparse.Namespace
) -> dict:
    scan = [str(program), "granska", "--katalog", str(folder)]
    caches = iter(range(10**6))

    def cold() -> Sample:  # a new, empty cache folder every run
        cache = root / f"kall-{next(caches)}"
        try:
            return _scan_once(scan, {**warm_env, "XDG_CACHE_HOME": str(cache)})
        finally:
            shutil.rmtree(cache, ignore_errors=True)

    runners = {
        "intervjufas --help": lambda: run_once([str(program), "--help"], warm_env),
        "intervjufas lista": lambda: run_once([str(program), "lista", "--katalog", str(folder)], warm_env),
        "granska varm": lambda: _scan_once(scan, warm_env),
        "granska kall": cold,
    }
    show = progress_printer(True)
    series = interleaved(runners, options.repetitioner, options.uppvarmning, show)
    end_progress(show)
    return series


def _scan_once(argv: list[str], env: dict[str, str]) -> Sample:
    """One run of granska, as ``run_once`` measures it – except that exit code 1 (something was
    found, as here) is not a failure."""
    start = time.perf_counter()
    process = subprocess.Popen(
        argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise BenchmarkError(
            f"{' '.join(argv)} avslutades med kod {code}: {errors.decode('utf-8', 'replace').strip()[:500]}"
        )
    max_rss = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
    return Sample(wall, usage.ru_utime + usage.ru_stime, max_rss)


if __name__ == "__main__":
    sys.exit(main())
