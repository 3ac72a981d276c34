"""Export benchmark: ``intervjufas exportera`` of an ordinary report to HTML and Word (whole and as
the customer version), against ``intervjufas --help`` measured in the same run (targets: HTML at
most 2 times as long, Word at most 3 times), and, for information, a very long report and a report
whose map has 5,000 moments in one phase.

It also times the export itself in this process – reading the report, building the document,
drawing it and writing the file, which is what the progress bar's delay is measured against – so
that the delay (``views.progress.EXPORT_DELAY``) can be checked: an ordinary report must stay well
under it, and a very long one goes over it.

Run by hand:  .venv/bin/python benchmarks/bench_export.py   (--help for the options)
"""

from __future__ import annotations

import argparse
import shutil
import statistics
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

HTML_TARGET = 2.0
DOCX_TARGET = 3.0
LONG_ANSWERS = ("fore_kunden", "fore_kandidaten", "under_genomfor", "efter_moment")


def ordinary_report(folder: Path) -> Path:
    """The largest full mapping among a few generated reports: every step answered."""
    generate(folder, 12, seed=11)
    full = [p for p in folder.glob("*.md") if "id: kartlaggning" in p.read_text(encoding="utf-8")]
    if not full:
        raise BenchmarkError("Inga rapporter med hela kartläggningen skapades.")
    return max(full, key=lambda p: p.stat().st_size)


def long_report(folder: Path, paragraphs: int) -> Path:
    """A report whose four customer answers have ``paragraphs`` paragraphs in all."""
    from intervjufas.model.answers import Answer
    from intervjufas.questionsets.catalog import builtin_set
    from intervjufas.report.model import Report
    from intervjufas.report.render import render

    questionnaire = builtin_set("kartlaggning")
    report = Report.new(questionnaire)
    report.answers["uppdrag"] = Answer("Ett mycket långt uppdrag")
    each = max(paragraphs // len(LONG_ANSWERS), 1)
    text = "\n\n".join(
        f"Stycke {n}: så här går det till, steg för steg, med kunden och kandidaten." for n in range(each)
    )
    for question_id in LONG_ANSWERS:
        report.answers[question_id] = Answer(text)
    path = folder / "lang-rapport.md"
    path.write_text(render(report, questionnaire), encoding="utf-8")
    return path


def big_map_report(folder: Path, moments: int) -> Path:
    """A report whose map has ``moments`` moments before the interview (and a few in the others)."""
    from intervjufas.model.answers import Answer, Moment
    from intervjufas.questionsets.catalog import builtin_set
    from intervjufas.report.model import Report
    from intervjufas.report.render import render

    questionnaire = builtin_set("kartlaggning")
    report = Report.new(questionnaire)
    report.answers["uppdrag"] = Answer("Ett uppdrag med en mycket stor karta")
    report.answers["fore_karta"] = Answer(
        tuple(
            Moment(f"Moment {n} med kunden", ("kunden",), f"Notering {n}", id=f"m{n}") for n in range(moments)
        )
    )
    report.answers["under_karta"] = Answer((Moment("Intervju", ("kandidaten",), id="u1"),))
    path = folder / "stor-karta.md"
    path.write_text(render(report, questionnaire), encoding="utf-8")
    return path


def in_process_ms(report: Path, kind: str, target: Path, rounds: int) -> float:
    """Median time of one export in this process, from reading the report to the written file."""
    from intervjufas.files.atomic import atomic_write_bytes
    from intervjufas.folder.loading import load_report
    from intervjufas.reading.export.document import build_document
    from intervjufas.views.export_docx import export_docx
    from intervjufas.views.export_html import export_html

    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        document = build_document(load_report(report), author="bänk")
        data = export_docx(document) if kind == "docx" else export_html(document).encode("utf-8")
        atomic_write_bytes(target, data)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main(arguments: Sequence[str] | None = None) -> int:
    parser = common_arguments(
        "Mät intervjufas exportera (HTML och Word) mot intervjufas --help.", repetitions=15, warmup=2
    )
    parser._option_string_actions[
        "--snabb"
    ].help = "bara en kontroll att mätningen fungerar: 1 runda, ingen uppvärmning, 400 stycken (siffrorna säger inget)"
    parser.add_argument(
        "--stycken",
        type=int,
        default=16000,
        metavar="N",
        help="antal stycken i den långa rapporten (standard 16000)",
    )
    parser.add_argument(
        "--moment",
        type=int,
        default=5000,
        metavar="N",
        help="antal moment i en fas i rapporten med en stor karta (standard 5000)",
    )
    options = parser.parse_args(arguments)
    if options.snabb:
        options.repetitioner, options.uppvarmning, options.stycken = 1, 0, min(options.stycken, 400)
        options.moment = min(options.moment, 600)
    check_positive(parser, repetitioner=options.repetitioner, stycken=options.stycken, moment=options.moment)
    return run_reported(_run, options)


def _run(options: argparse.Namespace) -> int:
    from intervjufas.views.progress import EXPORT_DELAY as DELAY

    program = program_path()
    root = Path(tempfile.mkdtemp(prefix="intervjufas-bench-export-"))
    try:
        reports, sets, out = root / "rapporter", root / "fragor", root / "ut"
        for folder in (reports, sets, out):
            folder.mkdir()
        env = isolated_env(reports, sets)
        ordinary = ordinary_report(reports)
        long = long_report(reports, options.stycken)
        big_map = big_map_report(reports, options.moment)
        print(machine_line())
        print(f"intervjufas: {program}")
        print(f"Vanlig rapport: {ordinary.name} ({number(ordinary.stat().st_size / 1024)} kB).")
        print(f"Lång rapport: {options.stycken} stycken ({number(long.stat().st_size / 1024)} kB).")
        print(f"Stor karta: {options.moment} moment i en fas ({number(big_map.stat().st_size / 1024)} kB).")
        print(
            f"{options.repetitioner} mätrundor efter {options.uppvarmning} uppvärmning(ar); tider är medianer."
        )
        print()

        def export(report: Path, kind: str, *extra: str) -> list[str]:
            return [
                str(program),
                "exportera",
                str(report),
                "--format",
                kind,
                "-o",
                str(out / f"ut.{kind}"),
                *extra,
            ]

        commands = {
            "intervjufas --help": [str(program), "--help"],
            "html": export(ordinary, "html"),
            "docx": export(ordinary, "docx"),
            "docx --kundversion": export(ordinary, "docx", "--kundversion"),
            "lång docx": export(long, "docx"),
            "stor karta docx": export(big_map, "docx"),
        }
        for argv in commands.values():
            check_output(argv, env)
        show = progress_printer(True)
        series = interleaved(
            {name: (lambda argv=argv: run_once(argv, env)) for name, argv in commands.items()},
            options.repetitioner,
            options.uppvarmning,
            show,
        )
        end_progress(show)
        reference = series["intervjufas --help"]
        rows = [
            ("exportera, vanlig rapport, html", "html", HTML_TARGET),
            ("exportera, vanlig rapport, docx", "docx", DOCX_TARGET),
            ("exportera, vanlig rapport, docx --kundversion", "docx --kundversion", DOCX_TARGET),
            (f"exportera, lång rapport ({options.stycken} stycken), docx", "lång docx", None),
            (f"exportera, stor karta ({options.moment} moment i en fas), docx", "stor karta docx", None),
        ]
        print(
            table(
                [
                    Comparison(label, series[key], "intervjufas --help", reference, target)
                    for label, key, target in rows
                ]
            )
        )
        print()
        print("Mittersta hälften av tiderna (25:e–75:e percentilen):")
        print(spread_lines(list(series.values())))
        print()
        rounds = max(options.repetitioner // 3, 1)
        print(
            f"Själva exporten i processen (läsa, bygga, rita, skriva; median av {rounds}) mot förloppets fördröjning {number(DELAY * 1000, 0)} ms:"
        )
        for label, report, kind in (
            ("vanlig rapport, html", ordinary, "html"),
            ("vanlig rapport, docx", ordinary, "docx"),
            ("lång rapport, docx", long, "docx"),
            ("stor karta, html", big_map, "html"),
            ("stor karta, docx", big_map, "docx"),
        ):
            ms = in_process_ms(report, kind, out / f"process.{kind}", rounds)
            verdict = "förloppet visas" if ms >= DELAY * 1000 else "inget förlopp"
            print(f"  {label:<24} {number(ms):>9} ms  ({verdict})")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
