"""Listing benchmark: ``intervjufas lista`` over a folder of 2,000 reports, against
``intervjufas --help`` measured in the same run (target: at most 5 times as long), and
``lista --json`` likewise.  Also prints the peak memory of the listing.

The reports are generated (see report_corpus.py) into a temporary folder, unless --katalog names
an existing folder to list.

Run by hand:  .venv/bin/python benchmarks/bench_lista.py   (--help for the options)
"""

from __future__ import annotations

import argparse
import json
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
    check_output,
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

LIST_TARGET = 5.0
MISSING = (
    "Kommandot 'intervjufas lista' finns inte i den installerade versionen ännu, så listningen kan inte "
    "mätas. Kör skriptet igen när lista finns."
)


def lista_exists(program: Path, env: dict[str, str]) -> bool:
    result = subprocess.run(
        [str(program), "lista", "--help"], env=env, capture_output=True, text=True, check=False
    )
    return result.returncode == 0


def json_entries(text: str) -> int | None:
    """How many reports ``lista --json`` listed: the length of the list (or of the first list in
    an object); None if the shape is not recognized."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise BenchmarkError(f"lista --json skrev inte giltig JSON ({error}).") from None
    if isinstance(data, list):
        return len(data)
    if isinstance(data, dict):
        lists = [value for value in data.values() if isinstance(value, list)]
        return len(lists[0]) if lists else None
    return None


def main(arguments: Sequence[str] | None = None) -> int:
    parser = common_arguments(
        "Mät intervjufas lista (och lista --json) med många rapporter mot intervjufas --help.",
        repetitions=15,
        warmup=2,
    )
    parser.add_argument(
        "--rapporter", type=int, default=2000, metavar="N", help="antal rapporter att skapa (standard 2000)"
    )
    parser.add_argument(
        "--katalog",
        type=Path,
        metavar="MAPP",
        help="lista en befintlig mapp i stället för att skapa rapporter",
    )
    parser.add_argument(
        "--behall",
        action="store_true",
        help="behåll den skapade mappen med rapporter och skriv ut var den ligger",
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
        empty, sets = root / "tom", root / "fragor"
        empty.mkdir()
        sets.mkdir()
        env = isolated_env(empty, sets)
        if not lista_exists(program, env):
            print(MISSING, file=sys.stderr)
            return 1

        print(machine_line())
        print(f"intervjufas: {program}")
        if options.katalog is not None:
            folder = options.katalog.expanduser()
            if not folder.is_dir():
                raise BenchmarkError(f"{folder} är ingen mapp.")
            count = sum(1 for p in folder.iterdir() if p.suffix == ".md")
            print(f"Listar den befintliga mappen {folder} ({count} .md-filer).")
        else:
            folder = root / "rapporter"
            folder.mkdir()
            started = time.perf_counter()
            summary = generate(folder, options.rapporter)
            count = summary.reports
            sets_text = ", ".join(f"{n} {set_id}" for set_id, n in summary.by_set.items())
            print(
                f"Skapade {count} rapporter ({sets_text}; {summary.action_items} moment i utvecklingsplaner, "
                f"{summary.follow_ups} uppföljningar) på {number(time.perf_counter() - started, 1)} s."
            )
        print(
            f"{options.repetitioner} mätrundor efter {options.uppvarmning} uppvärmning(ar); tider är medianer."
        )
        print()

        listing = [str(program), "lista", "--katalog", str(folder)]
        check_output(listing, env)
        listed = json_entries(check_output([*listing, "--json"], env))
        check_output([str(program), "--help"], env, "kartlagg")

        commands = {
            "intervjufas lista": listing,
            "intervjufas lista --json": [*listing, "--json"],
            "intervjufas --help": [str(program), "--help"],
        }
        show = progress_printer(True)
        series = interleaved(
            {name: (lambda argv=argv: run_once(argv, env)) for name, argv in commands.items()},
            options.repetitioner,
            options.uppvarmning,
            show,
        )
        end_progress(show)
        reference = series["intervjufas --help"]
        comparisons = [
            Comparison(
                f"lista, {count} rapporter",
                series["intervjufas lista"],
                "intervjufas --help",
                reference,
                LIST_TARGET,
            ),
            Comparison(
                f"lista --json, {count} rapporter",
                series["intervjufas lista --json"],
                "intervjufas --help",
                reference,
                LIST_TARGET,
            ),
        ]
        print(table(comparisons))
        print()
        print("Mittersta hälften av tiderna (25:e–75:e percentilen):")
        print(spread_lines(list(series.values())))
        print()
        if listed is not None:
            note = "" if listed == count else f" (mappen har {count} rapporter)"
            print(f"lista --json gav {listed} poster{note}.")
        print("Högsta minnesanvändning (största RSS i någon körning):")
        for name in commands:
            rss = series[name].max_rss_kib
            print(f"  {name:<26} {number(rss / 1024) + ' MB' if rss is not None else 'okänd':>10}")
        if options.behall and options.katalog is None:
            print()
            print(f"Rapporterna finns kvar i {folder}")
    finally:
        if not (options.behall and options.katalog is None):
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
