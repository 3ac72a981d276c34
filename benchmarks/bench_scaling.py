"""Scaling benchmark: every command that reads the whole reports folder, at 200, 2,000 and 20,000
reports, warm (the program's cache kept from the run before) and cold (the cache removed before
each run: a new colleague, a new laptop, a cleared cache), and after 1 % of the files changed (as
after a ``git pull``) – time and peak memory, against ``intervjufas --help`` measured interleaved
in the same run, each figure printed with its target (and, for information, a cold ``lista`` with
its header pass in one process and in a pool of every core); the pause after the date in a new
mapping (``kartlagg`` in a pty, as ``bench_pause.py`` measures it) against the same pause in an
empty folder; where a cold header pass over the largest folder spends its time
(``cold_stages.py``); then one table of all sizes (for benchmarks/README.md) and how each command
grows from size to size.

Targets at every size (they matter at 20,000 reports): cold ``lista``, ``plan``,
``trend`` and ``granska`` within 10 times ``--help``; warm ``lista`` within 2.5 times, ``plan``,
``trend``, ``jamfor A``, ``granska`` and ``lista --json`` within 3 times; ``lista`` after 1 % of the
files changed within 1.5 times a warm ``lista``; ``karta --historik`` (the consultant's own map
history, as the first author) within 5 times warm and 15 times cold; the pause after the date at
most 0.3 s; every command's peak memory at most 120 MiB (``karta --historik`` 150 MiB); and
growth no worse than linear (from one size to the next, the time beyond ``--help`` grows at most
by the factor the folder grows).

The folder is made by ``report_corpus`` (three authors in turn, maps, plans, follow-ups that close
most items and leave some open for a while, distinct ids) with 2 % of the headers edited by hand
(a comment, a list in flow style, double quotes), modification times an hour back.

Run by hand:  .venv/bin/python benchmarks/bench_scaling.py   (--help for the options)
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bench_pause import one_pause
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
    table,
    without_cache,
)

AUTHORS = ("Anna Berg", "Jonas Ek", "Sara Lind")
HAND_EDITED = 0.02  # reports whose front matter was edited by hand
CHANGED_SHARE = 0.01  # files changed between two runs (a git pull)
COMMANDS = ("lista", "lista --json", "jamfor A", "plan", "trend", "granska", "karta", "karta --historik")
UNCHANGED = "lista, mellan ändringarna"  # (the warm lista the changed runs are compared with)
WARM_TARGETS = {
    "lista": 2.5,
    "lista --json": 3.0,
    "jamfor A": 3.0,
    "plan": 3.0,
    "trend": 3.0,
    "granska": 3.0,
    "karta --historik": 5.0,
}
COLD_TARGETS = {"lista": 10.0, "plan": 10.0, "trend": 10.0, "granska": 10.0, "karta --historik": 15.0}
CHANGED_TARGET = 1.5  # lista after 1 % changed, against a warm lista
MEMORY_TARGET_MIB = 120
MEMORY_TARGETS_MIB = {"karta --historik": 150}  # (the rest: MEMORY_TARGET_MIB)
HELP = "intervjufas --help"
PAUSE = "pausen efter datumet"  # (kartlagg in a pty: the key press on the date to the next prompt)
PAUSE_EMPTY = "pausen, tom mapp"  # (the same pause in an empty folder: what the pause is compared with)
PAUSE_TARGET_MS = 300
# A cold lista with the header pass forced into one process and into a pool of every core (the
# program itself decides from the cores and the load average: see folder/parallel_files.py).
POOL_AB = {"lista, kall, 1 process": "1", "lista, kall, alla kärnor": str(max(2, os.cpu_count() or 2))}


def count_listed(argv: list[str], env: dict[str, str]) -> int:
    """How many reports ``lista --json`` lists, counted in a process of its own: parsed here, the
    output of 20,000 reports would grow this process, and every command started after it would
    report this process's size as its own peak memory."""
    code = (
        "import json, subprocess, sys; out = subprocess.run(sys.argv[1:], capture_output=True, check=True).stdout; "
        "print(len(json.loads(out)['rapporter']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *argv], env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BenchmarkError(f"lista --json kunde inte köras: {result.stderr[-500:]}")
    return int(result.stdout)


def settle(paths: Sequence[Path]) -> None:
    """The files an hour old, as reports made on earlier days are (so that the cache keeps them)."""
    past = time.time() - 3600
    for path in paths:
        os.utime(path, (past, past))


def changed_runner(
    argv: list[str], env: dict[str, str], files: list[Path], seed: int
) -> Callable[[], Sample]:
    """A run after another 1 % of the files changed (a line added to the body; not timed)."""
    rng = random.Random(seed)
    count = max(1, round(len(files) * CHANGED_SHARE))

    def run() -> Sample:
        chosen = rng.sample(files, count)
        for path in chosen:
            with path.open("a", encoding="utf-8") as handle:
                handle.write("\nEn rad till från en kollega.\n")
        settle(chosen)
        return run_once(argv, env)

    return run


def main(arguments: Sequence[str] | None = None) -> int:
    parser = common_arguments(
        "Mät alla kommandon som läser hela rapportmappen, varma och kalla, vid 200, 2 000 och "
        "20 000 rapporter mot intervjufas --help.",
        repetitions=5,
        warmup=1,
    )
    parser.add_argument(
        "--storlekar",
        default="200,2000,20000",
        metavar="N,N,…",
        help="antal rapporter i mapparna (standard 200,2000,20000)",
    )
    parser.add_argument(
        "--kalla", type=int, default=3, metavar="N", help="mätrundor för kalla körningar (standard 3)"
    )
    parser.add_argument(
        "--betanketid",
        type=float,
        default=1.0,
        metavar="S",
        help="sekunder som en person tar på sig för varje fråga före datumet när pausen mäts (standard 1)",
    )
    parser.add_argument(
        "--mapp",
        type=Path,
        metavar="MAPP",
        help="mät i en befintlig rapportmapp (en storlek) i stället för att skapa mappar; 1 %% av "
        "filerna ändras av mätningen, så använd en kopia",
    )
    options = parser.parse_args(arguments)
    try:
        options.sizes = [int(part) for part in options.storlekar.split(",")]
    except ValueError:
        parser.error("--storlekar ska vara heltal åtskilda med komma")
    if options.snabb:
        options.repetitioner, options.uppvarmning, options.kalla = 2, 1, 1
        options.sizes = [10, 20]
        options.betanketid = min(options.betanketid, 0.2)
    if options.mapp is not None:
        if not options.mapp.is_dir():
            parser.error(f"--mapp: {options.mapp} är ingen mapp")
        options.sizes = [sum(1 for _ in options.mapp.glob("*.md"))]
    check_positive(parser, repetitioner=options.repetitioner, kalla=options.kalla, storlek=min(options.sizes))
    root = Path(tempfile.mkdtemp(prefix="intervjufas-skalning-"))
    try:
        return _run(options, root)
    except BenchmarkError as error:
        print(f"Fel: {error}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _run(options: argparse.Namespace, root: Path) -> int:
    program = program_path()
    print(machine_line())
    print(f"intervjufas: {program}")
    print(
        f"Varma: {options.repetitioner} mätrundor efter {options.uppvarmning} uppvärmning(ar); kalla: "
        f"{options.kalla} mätrundor; tider är medianer."
    )
    results: dict[int, dict[str, Series]] = {}
    for count in dict.fromkeys(options.sizes):
        print()
        results[count] = _measure(program, root, count, options)
    print()
    print(scaling_table(results))
    print()
    print(growth_lines(results))
    return 0


def _measure(program: Path, root: Path, count: int, options: argparse.Namespace) -> dict[str, Series]:
    folder, sets, cache = root / f"rapporter-{count}", root / "fragor", root / f"cache-{count}"
    sets.mkdir(exist_ok=True)
    if options.mapp is not None:
        folder = options.mapp
        print(f"Mäter i {folder} ({count} rapporter).")
    else:
        folder.mkdir()
        started = time.perf_counter()
        summary = corpus_elsewhere(folder, count, authors=list(AUTHORS), hand_edited=HAND_EDITED)
        print(
            f"Skapade {summary['reports']} rapporter av {len(AUTHORS)} författare ({summary['action_items']} "
            f"moment i utvecklingsplaner, {summary['follow_ups']} uppföljningar, {summary['hand_edited']} "
            f"huvuden ändrade för hand) på {number(time.perf_counter() - started, 1)} s."
        )
    files = sorted(folder.glob("*.md"))
    settle(files)
    # (the first author: karta --historik shows the consultant's own reports)
    env = isolated_env(folder, sets, XDG_CACHE_HOME=str(cache), INTERVJUFAS_FORFATTARE=AUTHORS[0])
    argvs = {HELP: [str(program), "--help"]}
    for name in COMMANDS:
        words = name.split()
        argvs[name] = [str(program), *(files[-1].name if word == "A" else word for word in words)]
    listed = count_listed(argvs["lista --json"], env)
    if listed != count:
        raise BenchmarkError(f"lista --json gav {listed} rapporter, inte {count}.")
    show = progress_printer(True)
    cold = {HELP: lambda: run_once(argvs[HELP], env)}
    cold.update(
        {
            f"{name}, kall": without_cache(lambda argv=argvs[name]: run_once(argv, env), cache)
            for name in COMMANDS
        }
    )
    cold.update(
        {
            name: without_cache(lambda e={**env, "INTERVJUFAS_PROCESSER": n}: run_once(argvs["lista"], e), cache)
            for name, n in POOL_AB.items()
        }
    )
    measured_cold = interleaved(cold, options.kalla, 0, show)
    end_progress(show)
    # Warm runs over an unchanged folder first: a change between rounds would make every command
    # that keeps its result for the folder's listing (plan, karta --historik, the open counts)
    # compute it again, so the changed runs are a series of their own, against a plain lista.
    warm = {name: (lambda argv=argv: run_once(argv, env)) for name, argv in argvs.items()}
    measured_warm = interleaved(warm, options.repetitioner, options.uppvarmning, show)
    changed = {
        UNCHANGED: lambda: run_once(argvs["lista"], env),
        "lista, 1 % ändrat": changed_runner(argvs["lista"], env, files, count),
    }
    measured_changed = interleaved(changed, options.repetitioner, 0, show)
    pauses = measure_pauses(program, folder, root / f"tom-{count}", env, cache, options, show)
    end_progress(show)
    series = {
        **measured_warm,
        **measured_changed,
        **pauses,
        **{name: s for name, s in measured_cold.items() if name != HELP},
    }
    series[f"{HELP}, kall"] = measured_cold[HELP]
    _print_figures(series, count)
    if count == max(options.sizes):
        print(cold_stages(folder))
    return series


def measure_pauses(
    program: Path,
    folder: Path,
    empty: Path,
    env: dict[str, str],
    cache: Path,
    options: argparse.Namespace,
    show: Callable[[str], None] | None,
) -> dict[str, Series]:
    """The pause after the date (``bench_pause.one_pause``: kartlagg in a pty, from the key press
    on the date to the next prompt on screen) in the folder and in an empty one, interleaved; then,
    last of all since it removes the cache, the same pause with the cache removed (information)."""
    empty.mkdir(exist_ok=True)
    # (a pty answers no cursor position request: prompt_toolkit is told not to ask, see bench_pause)
    pty_env = dict(env, TERM="xterm-256color", PROMPT_TOOLKIT_NO_CPR="1")
    pty_env.pop("NO_COLOR", None)
    empty_env = dict(pty_env, INTERVJUFAS_KATALOG=str(empty))
    think = options.betanketid
    runners: dict[str, Callable[[], Sample]] = {
        PAUSE_EMPTY: lambda: one_pause(program, empty, empty_env, think),
        PAUSE: lambda: one_pause(program, folder, pty_env, think),
    }
    measured = interleaved(runners, options.repetitioner, options.uppvarmning, show)
    cold = {f"{PAUSE}, kall": without_cache(lambda: one_pause(program, folder, pty_env, think), cache)}
    measured.update(interleaved(cold, options.kalla, 0, show))
    return measured


def cold_stages(folder: Path) -> str:
    """Where a cold header pass over the folder goes, stage by stage (``cold_stages.py``, run in a
    process of its own so that this one stays small)."""
    result = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("cold_stages.py")), str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BenchmarkError(f"cold_stages.py misslyckades: {result.stderr[-500:]}")
    return result.stdout.rstrip("\n")


def _print_figures(series: dict[str, Series], count: int) -> None:
    def compare(name: str, reference: str, target: float | None) -> Comparison:
        return Comparison(f"{name}, {count} rapporter", series[name], reference, series[reference], target)

    rows = [compare(name, HELP, WARM_TARGETS.get(name)) for name in COMMANDS]
    rows += [compare(f"{name}, kall", f"{HELP}, kall", COLD_TARGETS.get(name)) for name in COMMANDS]
    rows += [compare(name, f"{HELP}, kall", None) for name in POOL_AB]
    rows.append(compare("lista, 1 % ändrat", UNCHANGED, CHANGED_TARGET))
    print(table(rows))
    print(
        f"Högsta minnesanvändning (största RSS i någon körning), {count} rapporter (mål ≤ {MEMORY_TARGET_MIB} MiB, "
        f"karta --historik ≤ {MEMORY_TARGETS_MIB['karta --historik']} MiB):"
    )
    for name in [*COMMANDS, *(f"{name}, kall" for name in COMMANDS), *POOL_AB, "lista, 1 % ändrat"]:
        rss = series[name].max_rss_kib
        limit = MEMORY_TARGETS_MIB.get(name.removesuffix(", kall"), MEMORY_TARGET_MIB)
        verdict = "okänd" if rss is None else "OK" if rss <= limit * 1024 else "INTE OK"
        shown = "–" if rss is None else number(rss / 1024)
        print(f"  {name:<26} {shown:>7} MiB  {verdict}")
    empty_ms = series[PAUSE_EMPTY].wall_ms
    print(
        f"Pausen efter datumfrågan i kartlagg (tangenttryck till nästa fråga på skärmen, i en pty), "
        f"{count} rapporter (mål ≤ {PAUSE_TARGET_MS} ms):"
    )
    for name in (PAUSE, PAUSE_EMPTY, f"{PAUSE}, kall"):
        walls = sorted(sample.wall * 1000 for sample in series[name].samples)
        verdict = (
            ("OK" if series[name].wall_ms <= PAUSE_TARGET_MS else "INTE OK")
            if name == PAUSE
            else "(information)"
            if name.endswith("kall")
            else "(jämförelse)"
        )
        print(
            f"  {name:<26} {number(series[name].wall_ms):>8} ms  (min {number(walls[0])}, "
            f"max {number(walls[-1])} ms; {number(series[name].wall_ms - empty_ms)} ms mer än tom mapp)  {verdict}"
        )


def scaling_table(results: dict[int, dict[str, Series]]) -> str:
    """One Markdown table: each command warm and cold, time and peak memory at every size."""
    sizes = sorted(results)
    head = "| Kommando | " + " | ".join(f"{size:,} rapporter".replace(",", " ") for size in sizes) + " |"
    lines = [
        "Skalning (median ms, högsta minne MiB; kvot mot --help i samma körning, pausen mot pausen i en tom mapp):",
        "",
        head,
        "| --- |" + " --- |" * len(sizes),
    ]
    names = [HELP, *COMMANDS, f"{HELP}, kall", *(f"{name}, kall" for name in COMMANDS), "lista, 1 % ändrat"]
    names += [PAUSE_EMPTY, PAUSE, f"{PAUSE}, kall"]
    for name in names:
        cells = []
        for size in sizes:
            found = results[size][name]
            reference = results[size][_reference(name)]
            rss = found.max_rss_kib
            memory = "" if rss is None else f", {number(rss / 1024, 0)} MiB"  # (a pause has none)
            ratio = number(found.wall_ms / reference.wall_ms, 1)
            cells.append(f"{number(found.wall_ms, 0)} ms (×{ratio}){memory}")
        lines.append(f"| `{name}` | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _reference(name: str) -> str:
    """What a figure of the table is compared with: the pause with the pause in an empty folder,
    a cold run with a cold ``--help``, the rest with ``--help``."""
    if name.startswith("pausen"):
        return PAUSE_EMPTY
    return f"{HELP}, kall" if name.endswith("kall") else HELP


MEASURABLE_MS = 1.0
"""CPU time beyond ``--help`` below which a command's growth is not a ratio but noise."""


def growth_lines(results: dict[int, dict[str, Series]]) -> str:
    """How the time beyond ``--help`` grows from each size to the next, against the folder's growth
    (CPU time of the process: the least disturbed by other load)."""
    sizes = sorted(results)
    lines = ["Tillväxt (CPU-tid utöver --help; linjär = som antalet rapporter):"]
    for small, large in itertools.pairwise(sizes):
        factor = large / small
        for name in [*COMMANDS, *(f"{name}, kall" for name in COMMANDS)]:
            help_name = f"{HELP}, kall" if name.endswith("kall") else HELP
            before = results[small][name].cpu_ms - results[small][help_name].cpu_ms
            after = results[large][name].cpu_ms - results[large][help_name].cpu_ms
            target = f"(mål ≤ ×{number(factor, 0)})"
            if before < MEASURABLE_MS:
                # No more than --help at the smaller size: a ratio would only divide noise.
                lines.append(f"  {name:<22} {small} → {large}: – {target}  (inget utöver --help vid {small})")
                continue
            growth = after / before
            verdict = "OK" if growth <= factor else "INTE OK"
            lines.append(f"  {name:<22} {small} → {large}: ×{number(growth, 1)} {target}  {verdict}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
