"""Shared code of the benchmark scripts: running commands interleaved, medians and ratios, the
result table, and import-time breakdowns.

The machine may be shared, so every comparison runs its commands in turns (one of each per round,
in a rotating order) after a warm-up, and reports medians: noise then hits both sides alike.
Nothing here asserts a time; the scripts print what they measure.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Sample:
    """One run of one command: wall-clock and CPU seconds, and peak memory (KiB) when known."""

    wall: float
    cpu: float
    max_rss_kib: int | None = None


@dataclass
class Series:
    """All samples of one command."""

    name: str
    samples: list[Sample] = field(default_factory=list)

    @property
    def wall_ms(self) -> float:
        return statistics.median(s.wall for s in self.samples) * 1000

    @property
    def cpu_ms(self) -> float:
        return statistics.median(s.cpu for s in self.samples) * 1000

    @property
    def max_rss_kib(self) -> int | None:
        known = [s.max_rss_kib for s in self.samples if s.max_rss_kib is not None]
        return max(known) if known else None

    @property
    def spread_ms(self) -> tuple[float, float]:
        """The middle half of the wall-clock times (25th and 75th percentile), in ms."""
        walls = sorted(s.wall * 1000 for s in self.samples)
        if len(walls) < 4:
            return walls[0], walls[-1]
        quartiles = statistics.quantiles(walls, n=4)
        return quartiles[0], quartiles[2]


class BenchmarkError(Exception):
    """A command could not be measured (it failed or printed something unexpected)."""



def without_cache(runner: Callable[[], Sample], cache: Path) -> Callable[[], Sample]:
    """A runner that removes the program's cache folder first (a cold run: a new colleague, a new
    computer, a cleared cache; the removal is not timed)."""

    def run() -> Sample:
        shutil.rmtree(cache, ignore_errors=True)
        return runner()

    return run

def corpus_elsewhere(folder: Path, count: int, **options: object) -> dict:
    """``report_corpus.generate(folder, count, **options)`` run in a process of its own (a child's
    peak memory starts at its parent's size on Linux, so the measuring process stays small); its
    summary as a dict.  ``hand_edited=SHARE`` also hand-edits that share of the reports
    (``report_corpus.hand_edit``) and adds how many to the summary."""
    import json

    code = (
        "import dataclasses, json, sys; from pathlib import Path; import report_corpus as r; "
        "f = Path(sys.argv[1]); o = json.loads(sys.argv[3]); h = o.pop('hand_edited', None); "
        "s = dataclasses.asdict(r.generate(f, int(sys.argv[2]), **o)); "
        "s.update({'hand_edited': r.hand_edit(f, h)} if h is not None else {}); print(json.dumps(s))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(folder), str(count), json.dumps(options)],
        cwd=Path(__file__).parent,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BenchmarkError(f"rapporterna kunde inte skapas: {result.stderr[-500:]}")
    summary: dict = json.loads(result.stdout)
    return summary


def run_reported(run: Callable[[argparse.Namespace], int], options: argparse.Namespace) -> int:
    """``run(options)``, with a measurement that failed told as one ``Fel:`` line and exit 1."""
    try:
        return run(options)
    except BenchmarkError as error:
        print(f"Fel: {error}", file=sys.stderr)
        return 1


# -- programs and environment ------------------------------------------------------------------


def program_path(name: str = "intervjufas") -> Path:
    """The installed console script next to the running Python (the virtual environment's)."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return beside
    found = shutil.which(name)
    if found is None:
        raise BenchmarkError(
            f"Hittar inte kommandot {name}. Installera projektet i miljön (pip install -e '.[test]')."
        )
    return Path(found)


def isolated_env(reports: Path, sets: Path, **extra: str) -> dict[str, str]:
    """The environment of every measured command: an empty reports folder and no user sets."""
    env = dict(os.environ)
    env["INTERVJUFAS_KATALOG"] = str(reports)
    env["INTERVJUFAS_FRAGOR"] = str(sets)
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["INTERVJUFAS_FORFATTARE"] = "Mätning"  # (the first session would ask who the author is)
    env.update(extra)
    return env


# -- running ------------------------------------------------------------------------------------


def run_once(argv: Sequence[str], env: dict[str, str]) -> Sample:
    """Run a command to its end with output discarded; its own CPU time and peak memory come
    from wait4, so other processes on the machine do not count."""
    start = time.perf_counter()
    process = subprocess.Popen(
        list(argv), env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stderr.close()
    if process.returncode != 0:
        raise BenchmarkError(
            f"{' '.join(argv)} avslutades med kod {process.returncode}: "
            f"{errors.decode('utf-8', 'replace').strip()[:500]}"
        )
    return Sample(wall, usage.ru_utime + usage.ru_stime, _kib(usage.ru_maxrss))


def _kib(max_rss: int) -> int:
    return max_rss // 1024 if sys.platform == "darwin" else max_rss


def children_cpu() -> float:
    """CPU seconds of all finished children so far (for runs that are not started with run_once)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def check_output(argv: Sequence[str], env: dict[str, str], expect: str = "") -> str:
    """Run once and return stdout; fail clearly if the command fails or ``expect`` is missing."""
    result = subprocess.run(list(argv), env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BenchmarkError(
            f"{' '.join(argv)} avslutades med kod {result.returncode}: {result.stderr.strip()[:500]}"
        )
    if expect and expect not in result.stdout:
        raise BenchmarkError(f"{' '.join(argv)} skrev inte ut {expect!r}: {result.stdout[:300]!r}")
    return result.stdout


def interleaved(
    runners: dict[str, Callable[[], Sample]],
    repetitions: int,
    warmup: int,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Series]:
    """Warm up every runner, then run them in turns: each round runs each once, the order rotating
    from round to round so that no command always goes first."""
    names = list(runners)
    for _ in range(warmup):
        for name in names:
            runners[name]()
    series = {name: Series(name) for name in names}
    for round_number in range(repetitions):
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            series[name].samples.append(runners[name]())
        if progress is not None:
            progress(f"  runda {round_number + 1}/{repetitions}")
    return series


def progress_printer(enabled: bool) -> Callable[[str], None] | None:
    """Overwrite one status line on stderr while measuring (only in a terminal)."""
    if not enabled or not sys.stderr.isatty():
        return None

    def show(text: str) -> None:
        sys.stderr.write("\r" + text.ljust(40))
        sys.stderr.flush()

    return show


def end_progress(printer: Callable[[str], None] | None) -> None:
    if printer is not None:
        sys.stderr.write("\r" + " " * 40 + "\r")
        sys.stderr.flush()


# -- the result table ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    """One line of the table: a measured command against its reference."""

    label: str
    measured: Series
    reference_label: str
    reference: Series
    target: float | None  # the highest acceptable ratio; None: shown for information

    @property
    def ratio(self) -> float:
        return self.measured.wall_ms / self.reference.wall_ms

    @property
    def cpu_ratio(self) -> float:
        return self.measured.cpu_ms / self.reference.cpu_ms if self.reference.cpu_ms else float("nan")

    @property
    def verdict(self) -> str:
        if self.target is None:
            return "(info)"
        return "OK" if self.ratio <= self.target else "INTE OK"


def number(value: float, decimals: int = 1) -> str:
    """A number the Swedish way: decimal comma."""
    return f"{value:.{decimals}f}".replace(".", ",")


def table(comparisons: Sequence[Comparison]) -> str:
    """The comparisons as a plain text table."""
    header = ("Mätning", "Median", "Jämfört med", "Median", "Kvot", "Mål", "Resultat", "Kvot CPU")
    rows = [header]
    for c in comparisons:
        rows.append(
            (
                c.label,
                f"{number(c.measured.wall_ms)} ms",
                c.reference_label,
                f"{number(c.reference.wall_ms)} ms",
                number(c.ratio, 2),
                f"≤ {number(c.target, 2)}" if c.target is not None else "–",
                c.verdict,
                number(c.cpu_ratio, 2),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    right = {1, 3, 4, 7}
    lines = []
    for index, row in enumerate(rows):
        cells = [
            cell.rjust(w) if i in right else cell.ljust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def spread_lines(series: Sequence[Series]) -> str:
    """The middle half of each command's times, to judge the noise."""
    lines = []
    width = max(len(s.name) for s in series)
    for s in series:
        low, high = s.spread_ms
        lines.append(
            f"  {s.name.ljust(width)}  {number(low)}–{number(high)} ms (n = {len(s.samples)}, "
            f"CPU-median {number(s.cpu_ms)} ms)"
        )
    return "\n".join(lines)


# -- import times -------------------------------------------------------------------------------

_IMPORT_LINE = re.compile(r"^import time:\s*(\d+)\s*\|\s*(\d+)\s*\|(\s*)(\S+)")


def parse_importtime(text: str) -> dict[str, float]:
    """Own import time (ms) per module from the stderr of ``python -X importtime``."""
    times: dict[str, float] = {}
    for line in text.splitlines():
        match = _IMPORT_LINE.match(line)
        if match:
            times[match.group(4)] = times.get(match.group(4), 0.0) + int(match.group(1)) / 1000
    return times


def by_package(times: dict[str, float]) -> dict[str, float]:
    """Own import times summed per top-level package."""
    packages: dict[str, float] = {}
    for module, ms in times.items():
        top = module.split(".")[0]
        packages[top] = packages.get(top, 0.0) + ms
    return packages


def median_per_key(runs: Sequence[dict[str, float]]) -> dict[str, float]:
    """The median over runs of each key (missing in a run counts as 0)."""
    keys = {key for run in runs for key in run}
    return {key: statistics.median(run.get(key, 0.0) for run in runs) for key in keys}


def import_profile(
    argv: Sequence[str], env: dict[str, str], runs: int
) -> tuple[dict[str, float], dict[str, float]]:
    """Median own import time per module and per top-level package of a command (``argv[0]`` a
    Python script or console script, run under ``-X importtime``)."""
    modules = []
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, "-X", "importtime", *argv], env=env, capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            raise BenchmarkError(
                f"{' '.join(argv)} avslutades med kod {result.returncode}: {result.stderr[-500:]}"
            )
        modules.append(parse_importtime(result.stderr))
    return median_per_key(modules), median_per_key([by_package(m) for m in modules])


def package_difference(ours: dict[str, float], bare: dict[str, float], top: int) -> str:
    """Packages ordered by how much more import time they cost in ``ours`` than in ``bare``."""
    rows = []
    for name in sorted(
        set(ours) | set(bare), key=lambda n: ours.get(n, 0.0) - bare.get(n, 0.0), reverse=True
    ):
        extra = ours.get(name, 0.0) - bare.get(name, 0.0)
        if len(rows) >= top or extra < 0.2:
            break
        rows.append(
            f"  {name:<28} {number(ours.get(name, 0.0)):>7} ms  (jämförelse {number(bare.get(name, 0.0)):>6} ms,"
            f" +{number(extra)} ms)"
        )
    total_ours, total_bare = sum(ours.values()), sum(bare.values())
    rows.append(f"  {'totalt':<28} {number(total_ours):>7} ms  (jämförelse {number(total_bare):>6} ms)")
    return "\n".join(rows)


def top_modules(modules: dict[str, float], top: int, prefix: str = "") -> str:
    """The modules with the highest own import time (optionally only those starting with prefix)."""
    chosen = sorted(
        ((name, ms) for name, ms in modules.items() if name.startswith(prefix)),
        key=lambda x: x[1],
        reverse=True,
    )
    return "\n".join(f"  {name:<44} {number(ms):>6} ms" for name, ms in chosen[:top])


# -- command line -------------------------------------------------------------------------------


def common_arguments(description: str, repetitions: int, warmup: int) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--repetitioner",
        type=int,
        default=repetitions,
        metavar="N",
        help=f"antal mätrundor per jämförelse (standard {repetitions})",
    )
    parser.add_argument(
        "--uppvarmning",
        type=int,
        default=warmup,
        metavar="N",
        help=f"antal omätta körningar av varje kommando först (standard {warmup})",
    )
    parser.add_argument(
        "--snabb",
        action="store_true",
        help="bara en kontroll att mätningen fungerar: 2 rundor, 1 uppvärmning (siffrorna säger inget)",
    )
    return parser


def check_positive(parser: argparse.ArgumentParser, **values: int) -> None:
    for name, value in values.items():
        if value < 1:
            parser.error(f"--{name} måste vara minst 1")


def machine_line() -> str:
    load = ", ".join(number(x, 2) for x in os.getloadavg()) if hasattr(os, "getloadavg") else "okänd"
    return (
        f"Python {sys.version.split()[0]} ({sys.executable}), {os.cpu_count()} processorkärnor, "
        f"belastning {load}"
    )
