"""Startup benchmarks of intervjufas, each against a bare Typer program measured in the same run.

1. ``intervjufas --help`` against the ``--help`` of a bare two-command Typer program (target: at
   most 1.15 times as long); ``python -m intervjufas --help`` and ``--version`` for information.
2. The time until the first question of ``intervjufas kartlagg`` is drawn in a pseudo-terminal,
   against a bare Typer program that prints a Rich panel and draws one Questionary prompt (target:
   at most 1.3 times as long).

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
    spread_lines,
    table,
    top_modules,
)

HELP_TARGET = 1.15
PROMPT_TARGET = 1.3
PTY_SIZE = (40, 120)
PROMPT_TIMEOUT = 60  # seconds; only a guard against a hung program, never a measured limit


def first_question() -> str:
    """The text of the first question ``kartlagg`` asks in an empty folder (the assignment)."""
    from intervjufas.questionsets.catalog import builtin_set

    return builtin_set("kartlaggning").metadata[0].text


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

    try:
        return _run(options)
    except BenchmarkError as error:
        print(f"Fel: {error}", file=sys.stderr)
        return 1


def _run(options: argparse.Namespace) -> int:
    repetitions, warmup, import_runs = options.repetitioner, options.uppvarmning, options.importkorningar
    program = program_path()
    python = sys.executable
    show = progress_printer(True)
    question = first_question()

    with tempfile.TemporaryDirectory(prefix="intervjufas-bench-") as temporary:
        root = Path(temporary)
        reports, sets = root / "rapporter", root / "fragor"
        reports.mkdir()
        sets.mkdir()
        bare_help, bare_prompt = write_bare_apps(root)
        env = isolated_env(reports, sets)

        print(machine_line())
        print(f"intervjufas: {program}")
        print(f"{repetitions} mätrundor efter {warmup} uppvärmning(ar); tider är medianer av väggklocktid.")
        print()

        # Fail clearly (not with a timing) if a command does not do what is measured.
        check_output([str(program), "--help"], env, "kartlagg")
        check_output([python, "-m", "intervjufas", "--help"], env, "kartlagg")
        check_output([python, str(bare_help), "--help"], env, "forsta")
        check_output([str(program), "--version"], env, "intervjufas ")
        check_output([python, str(bare_help), "--version"], env, "referens ")

        commands = {
            "intervjufas --help": [str(program), "--help"],
            "python -m intervjufas --help": [python, "-m", "intervjufas", "--help"],
            "referens --help": [python, str(bare_help), "--help"],
            "intervjufas --version": [str(program), "--version"],
            "referens --version": [python, str(bare_help), "--version"],
        }
        series = interleaved(
            {name: (lambda argv=argv: run_once(argv, env)) for name, argv in commands.items()},
            repetitions,
            warmup,
            show,
        )
        end_progress(show)
        reference = series["referens --help"]
        comparisons = [
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
        measured = list(series.values())

        if not options.utan_pty:
            tty_env = {**env, "TERM": "xterm-256color"}
            tty_env.pop("NO_COLOR", None)
            ours = [str(program), "kartlagg"]
            bare = [python, str(bare_prompt), "fraga"]
            prompts = interleaved(
                {
                    "intervjufas kartlagg": lambda: first_prompt(ours, question, tty_env, root),
                    "referens fraga": lambda: first_prompt(bare, BARE_PROMPT_QUESTION, tty_env, root),
                },
                repetitions,
                warmup,
                show,
            )
            end_progress(show)
            if any(reports.iterdir()):
                raise BenchmarkError(f"kartlagg lämnade filer efter sig i {reports}; mätningen är inte ren.")
            comparisons.append(
                Comparison(
                    "första frågan, kartlagg",
                    prompts["intervjufas kartlagg"],
                    "referens fraga",
                    prompts["referens fraga"],
                    PROMPT_TARGET,
                )
            )
            measured += list(prompts.values())

        print(table(comparisons))
        print()
        print("Mittersta hälften av tiderna (25:e–75:e percentilen):")
        print(spread_lines(measured))

        if import_runs > 0:
            print()
            print(f"Importtid per paket för --help (median av {import_runs} körningar med -X importtime):")
            ours_modules, ours_packages = import_profile([str(program), "--help"], env, import_runs)
            _, bare_packages = import_profile([str(bare_help), "--help"], env, import_runs)
            print(package_difference(ours_packages, bare_packages, top=10))
            print()
            print("Egna moduler i --help:")
            print(top_modules(ours_modules, 8, prefix="intervjufas") or "  (inga)")
            print()
            print("Moduler med längst egen importtid i --help:")
            print(top_modules(ours_modules, 12))
            if not options.utan_pty:
                print()
                print(f"Importtid per paket fram till första frågan (median av {import_runs} körningar):")
                ours_prompt = prompt_import_profile(
                    [str(program), "kartlagg"], question, tty_env, root, import_runs
                )
                bare_prompt_modules = prompt_import_profile(
                    [python, str(bare_prompt), "fraga"], BARE_PROMPT_QUESTION, tty_env, root, import_runs
                )
                print(package_difference(by_package(ours_prompt), by_package(bare_prompt_modules), top=10))
                print()
                print("Egna moduler fram till första frågan:")
                print(top_modules(ours_prompt, 12, prefix="intervjufas") or "  (inga)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
