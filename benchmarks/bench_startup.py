"""Startup benchmarks of intervjufas, each against a bare Typer program measured in the same run.

1. ``intervjufas --help`` against the ``--help`` of a bare two-command Typer program (target: at
   most 1.15 times as long); ``python -m intervjufas --help`` and ``--version`` for information.
2. Every subcommand's ``--help`` against ``intervjufas --help`` (target: at most 1.1 times as long):
   a subcommand must not pay for more than the top-level help does.
3. The time until the first question of ``intervjufas kartlagg`` is drawn in a pseudo-terminal,
   against a bare Typer program that prints a Rich panel and draws one Questionary prompt (target:
   at most as long); the same without the cache of built-in question sets (a first
   start) for information.

Absolute times are printed beside every ratio: the bare programs run on the same Typer, and
whether that Typer imports pydantic (0.29 does, for every command that is given a value – the
reference's `fraga` and intervjufas's commands alike, not for a help screen) moves them by ~80 ms.

Then, for information, where the import time goes: per top-level package, ours against the bare
program, for ``--help`` and for the start of ``kartlagg``.

Run by hand:  .venv/bin/python benchmarks/bench_startup.py   (--help for the options)
"""

from __future__ import annotations

import argparse
import shlex
import signal
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bare_apps import BARE_PROMPT_QUESTION, write_bare_apps
from benchlib import (
    BenchmarkError,
    Comparison,
    Sample,
    by_package,
    check_output,
    check_positive,
    children_cpu,
    common_arguments,
    end_progress,
    import_profile,
    interleaved,
    isolated_env,
    machine_line,
    median_per_key,
    package_difference,
    parse_importtime,
    program_path,
    progress_printer,
    run_once,
    run_reported,
    spread_lines,
    table,
    top_modules,
    without_cache,
)

HELP_TARGET = 1.15
SUBCOMMAND_HELP_TARGET = 1.1
PROMPT_TARGET = 1.0
PTY_SIZE = (40, 120)
PROMPT_TIMEOUT = 60  # seconds; only a guard against a hung program, never a measured limit


def first_question() -> str:
    """The text of the first question ``kartlagg`` asks in an empty folder (the assignment)."""
    from intervjufas.questionsets.catalog import builtin_set

    return builtin_set("kartlaggning").metadata[0].text


def subcommands() -> list[str]:
    """The program's commands, as its ``--help`` lists them."""
    from intervjufas.cli.app import COMMANDS

    return list(COMMANDS)


def imports_pydantic(argv: Sequence[str], env: dict[str, str]) -> bool:
    """Whether a command (a Python script or console script) imports pydantic."""
    import subprocess

    run = subprocess.run(
        [sys.executable, "-X", "importtime", *argv], env=env, capture_output=True, text=True, check=False
    )
    return any(line.split("|")[-1].strip() == "pydantic" for line in run.stderr.splitlines() if "|" in line)




def first_prompt(argv: Sequence[str], text: str, env: dict[str, str], cwd: Path) -> Sample:
    """Start ``argv`` in a pseudo-terminal and time until ``text`` (the first question) is drawn;
    then kill the program."""
    import pexpect

    cpu_before = children_cpu()
    start = time.perf_counter()
    child = pexpect.spawn(
        argv[0],
        list(argv[1:]),
        env=env,
        cwd=str(cwd),
        dimensions=PTY_SIZE,
        encoding="utf-8",
        codec_errors="replace",
        timeout=PROMPT_TIMEOUT,
    )
    try:
        child.expect_exact(text)
        wall = time.perf_counter() - start
    except (pexpect.TIMEOUT, pexpect.EOF):
        shown = (child.before or "")[-600:]
        raise BenchmarkError(
            f"{' '.join(argv)} visade aldrig frågan {text!r}. Utskriften slutade med: {shown!r}"
        ) from None
    finally:
        _stop(child)
    return Sample(wall, children_cpu() - cpu_before)


def _stop(child: Any) -> None:
    child.ptyproc.delayafterclose = 0
    if child.isalive():
        child.kill(signal.SIGKILL)
        child.wait()
    child.close(force=True)


def prompt_import_profile(
    argv: Sequence[str], text: str, env: dict[str, str], cwd: Path, runs: int
) -> dict[str, float]:
    """Median own import time per module until the first question is drawn (stderr of
    ``PYTHONPROFILEIMPORTTIME`` goes to a file, the terminal shows the prompt as usual)."""
    profiles = []
    for number in range(runs):
        log = cwd / f"importtid-{number}.txt"
        command = ["/bin/sh", "-c", f"exec {shlex.join(argv)} 2>{shlex.quote(str(log))}"]
        first_prompt(command, text, {**env, "PYTHONPROFILEIMPORTTIME": "1"}, cwd)
        profiles.append(parse_importtime(log.read_text(encoding="utf-8", errors="replace")))
    return median_per_key(profiles)


def main(arguments: Sequence[str] | None = None) -> int:
    parser = common_arguments(
        "Mät starttiden för intervjufas --help, --version och första frågan i kartlagg mot ett minimalt "
        "Typer-program.",
        repetitions=40,
        warmup=3,
    )
    parser.add_argument(
        "--importkorningar",
        type=int,
        default=5,
        metavar="N",
        help="antal körningar med -X importtime för importtiderna (standard 5; 0 hoppar över dem)",
    )
    parser.add_argument(
        "--utan-pty", action="store_true", help="hoppa över mätningen av första frågan i en pseudoterminal"
    )
    options = parser.parse_args(arguments)
    if options.snabb:
        options.repetitioner, options.uppvarmning, options.importkorningar = (
            2,
            1,
            min(options.importkorningar, 1),
        )
    check_positive(parser, repetitioner=options.repetitioner)

    return run_reported(_run, options)


def _run(options: argparse.Namespace) -> int:
    program = program_path()
    with tempfile.TemporaryDirectory(prefix="intervjufas-bench-") as temporary:
        root = Path(temporary)
        reports, sets, cache = root / "rapporter", root / "fragor", root / "cache"
        reports.mkdir()
        sets.mkdir()
        bare_help, bare_prompt = write_bare_apps(root)
        # An own cache folder: the built-in question sets are cached there by the warm-up runs.
        env = isolated_env(reports, sets, XDG_CACHE_HOME=str(cache))
        print(machine_line())
        print(f"intervjufas: {program}")
        print(
            f"{options.repetitioner} mätrundor efter {options.uppvarmning} uppvärmning(ar); "
            "tider är medianer av väggklocktid."
        )
        print()
        bench = _Bench(options, program, env, root)
        comparisons = bench.help_comparisons(bare_help) + bench.subcommand_comparisons()
        if not options.utan_pty:
            comparisons += bench.prompt_comparisons(bare_prompt, cache)
            if any(reports.iterdir()):
                raise BenchmarkError(f"kartlagg lämnade filer efter sig i {reports}; mätningen är inte ren.")
        print(table(comparisons))
        print()
        print("Mittersta hälften av tiderna (25:e–75:e percentilen):")
        print(spread_lines(bench.measured))
        print()
        for label, argv in (
            ("Referensprogrammets --help", [str(bare_help), "--help"]),
            ("Referensprogrammets fraga", [str(bare_prompt), "fraga", "--help"]),
            ("intervjufas --help", [str(program), "--help"]),
            ("intervjufas kartlagg --help", [str(program), "kartlagg", "--help"]),
            ("intervjufas kartlagg", [str(program), "kartlagg"]),
        ):
            answer = "ja" if imports_pydantic(argv, env) else "nej"
            print(f"{label} importerar pydantic (den här Typer-versionen): {answer}")
        if options.importkorningar > 0:
            bench.import_breakdown(bare_help, bare_prompt)
    return 0


class _Bench:
    """The measurements of one run, sharing its options, program, environment and folder."""

    def __init__(self, options: argparse.Namespace, program: Path, env: dict[str, str], root: Path) -> None:
        self.options, self.program, self.env, self.root = options, program, env, root
        self.show = progress_printer(True)
        self.measured: list[Any] = []
        self.tty_env = {**env, "TERM": "xterm-256color"}
        self.tty_env.pop("NO_COLOR", None)

    def _interleaved(self, runners: dict[str, Any]) -> dict[str, Any]:
        series = interleaved(runners, self.options.repetitioner, self.options.uppvarmning, self.show)
        end_progress(self.show)
        self.measured += list(series.values())
        return series

    def help_comparisons(self, bare_help: Path) -> list[Comparison]:
        program, python, env = str(self.program), sys.executable, self.env
        # Fail clearly (not with a timing) if a command does not do what is measured.
        check_output([program, "--help"], env, "kartlagg")
        check_output([python, "-m", "intervjufas", "--help"], env, "kartlagg")
        check_output([python, str(bare_help), "--help"], env, "forsta")
        check_output([program, "--version"], env, "intervjufas ")
        check_output([python, str(bare_help), "--version"], env, "referens ")
        commands = {
            "intervjufas --help": [program, "--help"],
            "python -m intervjufas --help": [python, "-m", "intervjufas", "--help"],
            "referens --help": [python, str(bare_help), "--help"],
            "intervjufas --version": [program, "--version"],
            "referens --version": [python, str(bare_help), "--version"],
        }
        series = self._interleaved(
            {name: (lambda a=argv: run_once(a, env)) for name, argv in commands.items()}
        )
        reference = series["referens --help"]
        return [
            Comparison(
                "intervjufas --help", series["intervjufas --help"], "referens --help", reference, HELP_TARGET
            ),
            Comparison(
                "python -m intervjufas --help",
                series["python -m intervjufas --help"],
                "referens --help",
                reference,
                None,
            ),
            Comparison(
                "intervjufas --version",
                series["intervjufas --version"],
                "referens --version",
                series["referens --version"],
                None,
            ),
        ]

    def subcommand_comparisons(self) -> list[Comparison]:
        """Each subcommand's --help against the top-level --help, measured in the same rounds."""
        program, env = str(self.program), self.env
        commands = {"intervjufas --help": [program, "--help"]}
        for name in subcommands():
            check_output([program, name, "--help"], env, name)
            commands[f"intervjufas {name} --help"] = [program, name, "--help"]
        series = self._interleaved(
            {label: (lambda a=argv: run_once(a, env)) for label, argv in commands.items()}
        )
        top = series.pop("intervjufas --help")
        top.name = "intervjufas --help (igen)"
        return [
            Comparison(label, measured, "intervjufas --help", top, SUBCOMMAND_HELP_TARGET)
            for label, measured in series.items()
        ]

    def prompt_comparisons(self, bare_prompt: Path, cache: Path) -> list[Comparison]:
        question, root, env = first_question(), self.root, self.tty_env
        ours = [str(self.program), "kartlagg"]
        bare = [sys.executable, str(bare_prompt), "fraga"]
        prompts = self._interleaved(
            {
                "intervjufas kartlagg": lambda: first_prompt(ours, question, env, root),
                "referens fraga": lambda: first_prompt(bare, BARE_PROMPT_QUESTION, env, root),
                "kartlagg utan cache": without_cache(lambda: first_prompt(ours, question, env, root), cache),
            }
        )
        reference = prompts["referens fraga"]
        return [
            Comparison(
                "första frågan, kartlagg",
                prompts["intervjufas kartlagg"],
                "referens fraga",
                reference,
                PROMPT_TARGET,
            ),
            Comparison(
                "första frågan, första start",
                prompts["kartlagg utan cache"],
                "referens fraga",
                reference,
                None,
            ),
        ]

    def import_breakdown(self, bare_help: Path, bare_prompt: Path) -> None:
        runs, env, program = self.options.importkorningar, self.env, str(self.program)
        print()
        print(f"Importtid per paket för --help (median av {runs} körningar med -X importtime):")
        ours_modules, ours_packages = import_profile([program, "--help"], env, runs)
        _, bare_packages = import_profile([str(bare_help), "--help"], env, runs)
        print(package_difference(ours_packages, bare_packages, top=10))
        print()
        print("Egna moduler i --help:")
        print(top_modules(ours_modules, 8, prefix="intervjufas") or "  (inga)")
        print()
        print("Moduler med längst egen importtid i --help:")
        print(top_modules(ours_modules, 12))
        if self.options.utan_pty:
            return
        question = first_question()
        print()
        print(f"Importtid per paket fram till första frågan (median av {runs} körningar):")
        ours_prompt = prompt_import_profile([program, "kartlagg"], question, self.tty_env, self.root, runs)
        bare_prompt_modules = prompt_import_profile(
            [sys.executable, str(bare_prompt), "fraga"], BARE_PROMPT_QUESTION, self.tty_env, self.root, runs
        )
        print(package_difference(by_package(ours_prompt), by_package(bare_prompt_modules), top=10))
        print()
        print("Egna moduler fram till första frågan:")
        print(top_modules(ours_prompt, 12, prefix="intervjufas") or "  (inga)")


if __name__ == "__main__":
    sys.exit(main())
