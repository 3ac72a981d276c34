"""The pause after the date: in a new mapping (``kartlagg``) in a real pseudo-terminal, the time
from the key press that answers the date question to the next prompt on the screen – the
follow-up of earlier plans looked up in a folder of 20,000 reports (10 % of them with open items),
against the same pause in an empty folder, measured interleaved (target: at most 0.3 s at 20,000
reports).

The session is driven as a person would: each prompt is answered once the program reads keys (a
full-screen prompt turns bracketed paste on as it first draws, and off as it closes, see
tests/e2e/readiness.py); the clock starts as the Enter on the date is sent and stops when the
next prompt starts drawing.  Then Ctrl-C ends the session and the report it saved is removed, so
every round starts from the same folder.  Before the rounds, ``intervjufas plan`` runs once in the
folder, so that its plan sections are kept as a consultant who uses ``plan`` has them (the
follow-up loads them).

For information it also shows the pause after the first answer, which makes the report's first
save (the save tidies the folder: what killed sessions left behind, from one listing of it).

Run by hand:  .venv/bin/python benchmarks/bench_pause.py   (--help for the options)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchlib import (
    BenchmarkError,
    Sample,
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
)

TARGET_S = 0.3
AUTHORS = ("Anna Berg", "Jonas Ek", "Sara Lind")
CUSTOMER = "Nordlager AB"  # (one of report_corpus.CUSTOMERS)
OPENED, CLOSED = "\x1b[?2004h", "\x1b[?2004l"  # a full-screen prompt opens and closes (readiness.py)
DATE = "Datum för kartläggningen"
TYPED = {"rekryteringsuppdrag": "Mätning av pausen", "Vilken kund": CUSTOMER}
TIMEOUT = 120.0


class Pty:
    """The program in a pseudo-terminal: read its output, answer each prompt once it is open."""

    def __init__(self, argv: Sequence[str], env: dict[str, str], cwd: Path) -> None:
        import pexpect

        self._pexpect = pexpect
        self.child = pexpect.spawn(
            argv[0],
            list(argv[1:]),
            env=env,
            cwd=str(cwd),
            dimensions=(40, 120),
            encoding="utf-8",
            codec_errors="replace",
        )
        self.since = ""  # the output since keys were last sent

    def next_prompt(self) -> str:
        """Read until a prompt is open (the last of the two markers the output holds is OPENED);
        the output since the last keys."""
        deadline = time.monotonic() + TIMEOUT
        while self.since.rfind(OPENED) <= self.since.rfind(CLOSED):
            if time.monotonic() > deadline:
                raise BenchmarkError(f"ingen fråga visades: {self.since[-300:]!r}")
            try:
                self.since += self.child.read_nonblocking(65536, timeout=1.0)
            except self._pexpect.TIMEOUT:
                continue
            except self._pexpect.EOF:
                raise BenchmarkError(f"programmet slutade: {self.since[-500:]!r}") from None
        return self.since

    def send(self, keys: str) -> None:
        self.child.send(keys)
        self.since = ""

    def stop(self) -> None:
        self.child.send("\x03")
        try:
            self.child.expect(self._pexpect.EOF, timeout=TIMEOUT)
        finally:
            self.child.close(force=True)


def one_pause(
    program: Path, folder: Path, env: dict[str, str], think: float = 0.0, first: list[float] | None = None
) -> Sample:
    """One new mapping up to the prompt after the date; the pause, in seconds.  ``think``: the
    seconds a person takes to answer each question before the date (not timed).  ``first`` gets the
    pause after the first answer (the report's first save, which tidies the folder)."""
    before = set(os.listdir(folder))
    terminal = Pty([str(program), "kartlagg"], env, folder.parent)
    answered = 0.0  # (when the last answer was sent)
    try:
        for asked in range(20):
            shown = terminal.next_prompt()
            if asked == 1 and first is not None:
                first.append(time.perf_counter() - answered)
            if DATE in shown:
                break
            typed = next((text for question, text in TYPED.items() if question in shown), "")
            time.sleep(think)  # (a person reads the question and answers it)
            answered = time.perf_counter()
            terminal.send(typed + "\r")
        else:
            raise BenchmarkError("datumfrågan kom aldrig")
        started = time.perf_counter()
        terminal.send("\r")
        terminal.next_prompt()
        pause = time.perf_counter() - started
        terminal.stop()
    finally:
        if terminal.child.isalive():
            terminal.child.close(force=True)
        for name in set(os.listdir(folder)) - before:  # (the report the session saved, its lock)
            with_path = folder / name
            if with_path.is_file():
                with_path.unlink()
    return Sample(pause, 0.0, None)


def generate_elsewhere(folder: Path, count: int, share: float) -> None:
    corpus_elsewhere(folder, count, authors=list(AUTHORS), open_share=share)
    past = time.time() - 3600
    for path in folder.glob("*.md"):
        os.utime(path, (past, past))


def main(arguments: Sequence[str] | None = None) -> int:
    parser = common_arguments(
        "Mät pausen efter datumfrågan i kartlagg (från tangenttrycket till nästa fråga på skärmen) "
        "i en mapp med många rapporter, mot samma paus i en tom mapp.",
        repetitions=7,
        warmup=1,
    )
    parser.add_argument(
        "--rapporter", type=int, default=20000, metavar="N", help="antal rapporter att skapa (standard 20000)"
    )
    parser.add_argument(
        "--mapp",
        type=Path,
        metavar="MAPP",
        help="mät i en befintlig rapportmapp i stället för att skapa en (den lämnas som den var)",
    )
    parser.add_argument(
        "--betanketid",
        type=float,
        default=1.0,
        metavar="S",
        help="sekunder som en person tar på sig för varje fråga före datumet (standard 1; 0 svarar genast)",
    )
    options = parser.parse_args(arguments)
    if options.snabb:
        options.repetitioner, options.uppvarmning = 2, 1
        options.rapporter = min(options.rapporter, 20)
    check_positive(parser, repetitioner=options.repetitioner, rapporter=options.rapporter)
    return run_reported(_run, options)


def _run(options: argparse.Namespace) -> int:
    program = program_path()
    root = Path(tempfile.mkdtemp(prefix="intervjufas-bench-paus-"))
    try:
        print(machine_line())
        print(f"intervjufas: {program}")
        print(
            f"{options.repetitioner} mätrundor efter {options.uppvarmning} uppvärmning(ar); tider är medianer."
        )
        folder = options.mapp
        if folder is None:
            folder = root / "rapporter"
            folder.mkdir()
            started = time.perf_counter()
            generate_elsewhere(folder, options.rapporter, 0.1)
            print(f"Skapade {options.rapporter} rapporter på {number(time.perf_counter() - started, 1)} s.")
        empty, sets = root / "tom", root / "fragor"
        empty.mkdir()
        sets.mkdir()
        count = sum(1 for name in os.listdir(folder) if name.endswith(".md"))
        # (A terminal answers prompt_toolkit's cursor position request at once; a pty here does
        # not, and prompt_toolkit would wait for the answer: it is told not to ask.)
        env = isolated_env(
            folder, sets, XDG_CACHE_HOME=str(root / "cache"), TERM="xterm-256color", PROMPT_TOOLKIT_NO_CPR="1"
        )
        env.pop("NO_COLOR", None)
        empty_env = dict(env, INTERVJUFAS_KATALOG=str(empty))
        # (a consultant who runs plan has thousands of plan sections kept: the follow-up loads them)
        started = time.perf_counter()
        run_once([str(program), "plan"], env)
        print(f"Körde intervjufas plan en gång i mappen ({number(time.perf_counter() - started, 1)} s).")
        _measure(program, folder, empty, env, empty_env, count, options)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


def _measure(
    program: Path,
    folder: Path,
    empty: Path,
    env: dict[str, str],
    empty_env: dict[str, str],
    count: int,
    options: argparse.Namespace,
) -> None:
    first: dict[str, list[float]] = {"tom mapp": [], f"{count} rapporter": []}
    runners: dict[str, Callable[[], Sample]] = {
        "tom mapp": lambda: one_pause(program, empty, empty_env, options.betanketid, first["tom mapp"]),
        f"{count} rapporter": lambda: one_pause(
            program, folder, env, options.betanketid, first[f"{count} rapporter"]
        ),
    }
    show = progress_printer(True)
    series = interleaved(runners, options.repetitioner, options.uppvarmning, show)
    end_progress(show)
    print(
        f"Pausen efter datumfrågan (tangenttryck till nästa fråga på skärmen, i en pty; "
        f"{number(options.betanketid, 1)} s betänketid per fråga före datumet), mål ≤ {number(TARGET_S * 1000, 0)} ms:"
    )
    for name, measured in series.items():
        walls = sorted(sample.wall * 1000 for sample in measured.samples)
        median = statistics.median(walls)
        verdict = ("OK" if median <= TARGET_S * 1000 else "INTE OK") if name != "tom mapp" else "(jämförelse)"
        print(
            f"  {name:<16} {number(median):>8} ms  (min {number(walls[0])}, max {number(walls[-1])} ms)  {verdict}"
        )
    reference = series["tom mapp"].wall_ms
    print(f"  skillnad mot tom mapp: {number(series[f'{count} rapporter'].wall_ms - reference)} ms")
    print("Pausen efter första svaret (rapportens första sparning, som städar mappen), som information:")
    for name, pauses in first.items():
        walls = sorted(pause * 1000 for pause in pauses[options.uppvarmning :])
        print(f"  {name:<16} {number(statistics.median(walls)):>8} ms  (min {number(walls[0])}, max {number(walls[-1])} ms)")


if __name__ == "__main__":
    sys.exit(main())
