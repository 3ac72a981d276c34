"""What every fault test needs: an isolated sandbox of folders, the installed program run with
memory and time bounds, report parsing through one function, and the check for debris left in the
reports folder.

Children never inherit the test runner's environment: they get a small, explicit one, so nothing
(colour forcing, an editor, the real reports folder) leaks in.  Every child runs with an address
space limit and a wall-clock limit, so a hostile file can slow a test down but never the machine.
"""

from __future__ import annotations

import os
import re
import resource
import select
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helpers import overlaid
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.report.model import Report
from intervjufas.report.parse import parse, read_header, set_ref

HERE = Path(__file__).resolve().parent
INJECT = HERE / "inject.py"
REPO = HERE.parents[1]
FIXTURE_REPORTS = REPO / "tests" / "fixtures" / "reports"


def _readable(path: Path) -> bool:
    from intervjufas.folder.scan import read_folder_header

    try:
        read_folder_header(path)
    except ValueError:
        return False
    return True


# The fixture reports every reading command shows (the fixtures also hold one broken file).
GOOD_FIXTURES = sorted(p.name for p in FIXTURE_REPORTS.glob("*.md") if _readable(p))

MEMORY_LIMIT = 1024**3  # bytes of address space for every child (a normal run needs under 256 MiB)
PARALLEL = 4  # hostile runs at a time: a bounded worst case of memory in use at once
WALL_TIMEOUT = 20.0  # seconds before a child is killed
QUICK = 10.0  # seconds one hostile file may cost (the goal is well under one; CI is noisy)
UNEXPECTED = ("Traceback", "Ett oväntat fel", "ScalarNode", "SequenceNode", "MappingNode", "tag:yaml.org")
SIGNAL_EXIT = {signal.SIGINT: 130, signal.SIGTERM: 143, signal.SIGHUP: 129}


# -- the sandbox ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sandbox:
    """The folders one test gives the program: reports, own question sets, data, cache, config, home."""

    root: Path

    @property
    def reports(self) -> Path:
        return self.root / "rapporter"

    @property
    def question_sets(self) -> Path:
        return self.root / "egna-fragor"

    @property
    def home(self) -> Path:
        return self.root / "hem"

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def recovery(self) -> Path:
        """Where the program keeps recovery files when a save fails."""
        return self.data / "intervjufas" / "aterstallning"

    def env(self, **extra: str | None) -> dict[str, str]:
        """A complete, minimal environment for the program; ``NAME=None`` leaves a variable out."""
        self.home.mkdir(parents=True, exist_ok=True)
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.home),
            "INTERVJUFAS_KATALOG": str(self.reports),
            "INTERVJUFAS_FRAGOR": str(self.question_sets),
            "XDG_DATA_HOME": str(self.data),
            "XDG_CACHE_HOME": str(self.root / "cache"),
            "XDG_CONFIG_HOME": str(self.root / "config"),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "PYTHONIOENCODING": "utf-8",
            "PYTHONDONTWRITEBYTECODE": "1",
            "INTERVJUFAS_FORFATTARE": "Testare",  # (the first session would ask who the author is)
        }
        if "TZ" in os.environ:
            env["TZ"] = os.environ["TZ"]
        return overlaid(env, extra)


def bounded(then: Callable[[], None] | None = None) -> Callable[[], None]:
    """A ``preexec_fn``: limit the child's address space (and core dumps), give it Ctrl-C as a
    terminal's foreground job has it (a test run started in the background ignores SIGINT, and a
    child would inherit that), then run ``then``."""

    def setup() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        if then is not None:
            then()

    return setup


# -- running the program --------------------------------------------------------------------------


@dataclass(frozen=True)
class Finished:
    """How a run ended: the exit code (-N when a signal N killed it, as ``subprocess`` reports
    it, so a silent death is never mistaken for an exit code 128+N), raw output, and time taken."""

    argv: tuple[str, ...]
    code: int
    stdout: bytes
    stderr: bytes
    elapsed: float
    timed_out: bool = False

    @property
    def out(self) -> str:
        return self.stdout.decode("utf-8", "replace")

    @property
    def err(self) -> str:
        return self.stderr.decode("utf-8", "replace")

    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]

    def describe(self) -> str:
        ending = "KILLED: still running" if self.timed_out else f"exit {self.code}"
        return (
            f"$ {shlex.join(self.argv)}\n{ending} after {self.elapsed:.2f} s\n"
            f"--- stdout (end) ---\n{self.out[-2500:]}\n--- stderr ---\n{self.err[-2500:]}"
        )


def command_line(program: str, args: Sequence[str], inject: Sequence[str] | None = None) -> list[str]:
    """The argv for ``intervjufas ARGS``, or through the fault launcher with ``inject`` options."""
    if inject is None:
        return [program, *args]
    return [sys.executable, str(INJECT), *inject, "--", *args]


def run(
    program: str,
    sandbox: Sandbox,
    *args: str,
    input: str | bytes | None = None,
    env: Mapping[str, str | None] | None = None,
    inject: Sequence[str] | None = None,
    timeout: float = WALL_TIMEOUT,
    stdin: Any = None,
    preexec: Callable[[], None] | None = None,
) -> Finished:
    """Run the program to its end with the bounds; a run that outlives ``timeout`` fails the test."""
    argv = command_line(program, args, inject)
    data = input.encode("utf-8") if isinstance(input, str) else input
    started = time.monotonic()
    process = subprocess.Popen(
        argv,
        stdin=subprocess.PIPE if data is not None else (subprocess.DEVNULL if stdin is None else stdin),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=sandbox.env(**dict(env or {})),
        cwd=sandbox.root,
        preexec_fn=bounded(preexec),
    )
    try:
        stdout, stderr = process.communicate(data, timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        stdout, stderr = process.communicate()
        raise AssertionError(
            f"$ {shlex.join(argv)}\ndid not end within {timeout:.0f} s\n--- stdout (end) ---\n"
            f"{stdout.decode('utf-8', 'replace')[-2000:]}\n--- stderr ---\n{stderr.decode('utf-8', 'replace')[-2000:]}"
        ) from None
    return Finished(tuple(argv), process.returncode, stdout, stderr, time.monotonic() - started)


def run_all(
    program: str,
    sandbox: Sandbox,
    commands: Sequence[Sequence[str]],
    *,
    env: Mapping[str, str | None] | None = None,
    timeout: float = QUICK,
) -> list[Finished]:
    """Run several commands in one sandbox at once (see ``run_together``)."""
    return run_together(program, [(sandbox, args) for args in commands], env=env, timeout=timeout)


def run_together(
    program: str,
    runs: Sequence[tuple[Sandbox, Sequence[str]]],
    *,
    env: Mapping[str, str | None] | None = None,
    timeout: float = QUICK,
    parallel: int = PARALLEL,
) -> list[Finished]:
    """Run commands (no stdin), at most ``parallel`` at a time, each bounded; one still running
    ``timeout`` seconds after its start is killed and marked ``timed_out`` rather than failing at
    once, so the caller can report it with the rest.  Everything is started from this thread
    (``preexec_fn`` is not safe with threads) and read with ``select``."""
    waiting = list(enumerate(runs))
    running: dict[int, _Running] = {}
    results: dict[int, Finished] = {}
    while waiting or running:
        while waiting and len(running) < parallel:
            number, (box, args) = waiting.pop(0)
            running[number] = _Running.start(program, box, args, env)
        fds = {fd: job for job in running.values() for fd in job.open_fds}
        ready, _, _ = select.select(list(fds), [], [], 0.05) if fds else ([], [], [])
        for fd in ready:
            fds[fd].read(fd)
        for number, job in list(running.items()):
            if not job.open_fds or time.monotonic() - job.started > timeout:
                results[number] = job.finish()
                del running[number]
    return [results[number] for number in range(len(runs))]


@dataclass
class _Running:
    """One command of ``run_together`` while it runs."""

    argv: tuple[str, ...]
    process: subprocess.Popen[bytes]
    started: float
    buffers: dict[int, bytearray]
    open_fds: set[int]

    @classmethod
    def start(
        cls, program: str, box: Sandbox, args: Sequence[str], env: Mapping[str, str | None] | None
    ) -> _Running:
        argv = (program, *args)
        process = subprocess.Popen(
            list(argv),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=box.env(**dict(env or {})),
            cwd=box.root,
            preexec_fn=bounded(),
        )
        assert process.stdout is not None and process.stderr is not None
        fds = [process.stdout.fileno(), process.stderr.fileno()]
        for fd in fds:
            os.set_blocking(fd, False)
        return cls(argv, process, time.monotonic(), {fd: bytearray() for fd in fds}, set(fds))

    def read(self, fd: int) -> None:
        try:
            chunk = os.read(fd, 65536)
        except BlockingIOError:
            return
        if chunk:
            self.buffers[fd].extend(chunk)
        else:
            self.open_fds.discard(fd)

    def finish(self) -> Finished:
        timed_out = bool(self.open_fds)
        elapsed = time.monotonic() - self.started
        if timed_out:
            self.process.kill()
        code = self.process.wait()
        assert self.process.stdout is not None and self.process.stderr is not None
        out = bytes(self.buffers[self.process.stdout.fileno()])
        err = bytes(self.buffers[self.process.stderr.fileno()])
        self.process.stdout.close()
        self.process.stderr.close()
        return Finished(self.argv, code, out, err, elapsed, timed_out)


def assert_no_crash(result: Finished, context: str = "") -> None:
    """No traceback, no 'unexpected error' line, no parser internals in what the user sees."""
    shown = result.describe()
    message = context if shown in context else f"{context}\n{shown}"
    for marker in UNEXPECTED:
        assert marker not in result.err and marker not in result.out, f"shows {marker!r}\n{message}"


def resume_argv(program: str, command: str, *, plain: bool = True) -> list[str]:
    """A command the program printed, as arguments to run it as printed.  It starts with
    ``intervjufas`` (run as the installed program, which may not be on this test's PATH), the
    program's full path, or ``python -m intervjufas``; ``--enkel`` is added for piped answers."""
    words = shlex.split(command)
    assert words and "intervjufas" in " ".join(words[:3]), f"not an intervjufas command: {command!r}"
    assert "--fortsatt" in words, f"the command does not continue a report: {command!r}"
    if words[0] == "intervjufas":
        words[0] = program
    if plain and "--enkel" not in words:
        words.append("--enkel")
    return words


RESUME_LINE = re.compile(r"Fortsätt med:\n  ([^\n]*?)\s*$", re.MULTILINE)


def printed_resume_command(stderr: str) -> str | None:
    match = RESUME_LINE.search(stderr)
    return match.group(1) if match else None


# -- reports --------------------------------------------------------------------------------------


def set_id_of(text: str, file: str) -> str:
    """The question set a report names in its front matter, read the program's way."""
    header = read_header(text, file)[0]
    return set_ref(header).id


def parse_report(path: Path, set_id: str | None = None) -> Report:
    """THE way the fault tests read a report: strictly, with the program's own parser."""
    text = path.read_text(encoding="utf-8")
    return parse(text, builtin_set(set_id or set_id_of(text, str(path))), file=str(path))


def real_reports(folder: Path) -> list[Path]:
    """The visible ``*.md`` regular files of a folder (what a user would call the reports)."""
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir() if p.suffix == ".md" and not p.name.startswith(".") and p.is_file()
    )


def the_report(folder: Path) -> Path | None:
    """The one report of a session's folder (None when there is none); more than one fails."""
    found = real_reports(folder)
    assert len(found) <= 1, f"expected at most one report, found {[p.name for p in found]}"
    return found[0] if found else None


def body_section(path: Path, question_id: str) -> str | None:
    """The Markdown under a question's heading (up to the next heading); None without the heading."""
    text = path.read_text(encoding="utf-8")
    marker = re.search(rf"^#+ .*<!--\s*fraga:\s*{re.escape(question_id)}\s*-->.*$", text, re.MULTILINE)
    if marker is None:
        return None
    rest = text[marker.end() :]
    following = re.search(r"^#", rest, re.MULTILINE)
    return rest[: following.start()] if following else rest


# -- debris ---------------------------------------------------------------------------------------


def snapshot(folder: Path) -> set[str]:
    return set(os.listdir(folder)) if folder.is_dir() else set()


def debris(folder: Path, before: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """What a run left behind that is not a report: new hidden entries, temp or lock files, and
    empty ``.md`` files."""
    found = []
    for name in snapshot(folder) - set(before):
        path = folder / name
        if name.startswith(".") or name.endswith((".tmp", ".lock")):
            found.append(name)
        elif name.endswith(".md") and path.is_file() and path.stat().st_size == 0:
            found.append(f"{name} (0 bytes)")
    return sorted(found)


def fill_with_fixtures(folder: Path) -> list[str]:
    """Copy the readable fixture reports into ``folder``; return their names."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in GOOD_FIXTURES:
        (folder / name).write_bytes((FIXTURE_REPORTS / name).read_bytes())
    return list(GOOD_FIXTURES)
