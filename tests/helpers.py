"""The one way tests run the command-line program in-process (Typer's CliRunner)."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from intervjufas.cli.main import app
from intervjufas.terminal import TerminalFacts

REPO = Path(__file__).resolve().parents[1]
FIXTURE_REPORTS = REPO / "tests" / "fixtures" / "reports"


@dataclass(frozen=True)
class CliResult:
    """What a run printed and how it ended; unpacks as ``code, stdout, stderr``."""

    exit_code: int
    stdout: str
    stderr: str
    output: str
    exception: BaseException | None

    def __iter__(self) -> Iterator[Any]:
        return iter((self.exit_code, self.stdout, self.stderr))

    def __getitem__(self, index: int | slice) -> Any:
        return (self.exit_code, self.stdout, self.stderr)[index]


def run_cli(
    *args: str,
    columns: int | None = None,
    env: Mapping[str, str] | None = None,
    input: str | None = None,
    facts: TerminalFacts | None = None,
    encoding: str = "utf-8",
) -> CliResult:
    """Run ``intervjufas ARGS`` in-process (its output in ``encoding``).  A bug that escapes the
    program's own error handling (anything but its exit) fails the test at once, with its traceback."""
    environment = dict(env or {})
    if columns is not None:
        environment["COLUMNS"] = str(columns)
    result = CliRunner(charset=encoding).invoke(
        app, list(args), prog_name="intervjufas", env=environment, input=input, obj=facts
    )
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert "Traceback" not in result.output
    return CliResult(result.exit_code, result.stdout, result.stderr, result.output, result.exception)


def command(name: str, **defaults: Any) -> Any:
    """``run_cli`` for one command, e.g. ``lista = command("lista", columns=200)``."""
    return partial(run_cli, name, **defaults)


def counting_loads(monkeypatch: Any, module: Any) -> list[str]:
    """The names of the reports ``module`` reads in full (its ``load_report``) from now on."""
    loaded: list[str] = []
    original = module.load_report

    def counting(path: Path, *args: object, **kwargs: object) -> object:
        loaded.append(path.name)
        return original(path, *args, **kwargs)

    monkeypatch.setattr(module, "load_report", counting)
    return loaded


def overlaid(env: dict[str, str], extra: Mapping[str, str | None]) -> dict[str, str]:
    """``env`` with ``extra`` laid over it: a value sets the variable, None removes it."""
    for key, value in extra.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def read_cache(path: Path) -> Any:
    """The document of a cache file as the program sealed it (see ``files.sealed``)."""
    from intervjufas.files.sealed import unseal

    found = unseal(path.read_bytes(), max_items=2**32 - 1)
    assert found is not None, f"{path} is not a sealed cache file"
    return found[0]


def write_cache(path: Path, document: Any) -> None:
    """Write a cache file as the program would, sealed (so that only its contents are wrong)."""
    from intervjufas.files.sealed import seal

    entries = document.get("entries") if isinstance(document, dict) else None
    path.write_bytes(seal(document, len(entries) if isinstance(entries, dict) else 0))


# Ways a kept cache file may be damaged (each must be silently rebuilt), for
# ``pytest.mark.parametrize("damage", CACHE_DAMAGE, ids=CACHE_DAMAGE_IDS)``.
CACHE_DAMAGE = [
    lambda data: b"",
    lambda data: data[: len(data) // 2],
    lambda data: data[:-1] + bytes([data[-1] ^ 1]),
    lambda data: b"\x00" * len(data),
]
CACHE_DAMAGE_IDS = ["empty", "truncated", "one-bit", "zeros"]


# -- kept outputs (a command written again from what it kept for an unchanged folder) -------------
HOUR_AGO = time.time() - 3600  # (files this old are settled: the caches keep what they said)


def settle(folder: Path) -> Path:
    """Every report of ``folder`` an hour old, so that what is kept for them is kept."""
    for path in folder.glob("*.md"):
        os.utime(path, (HOUR_AGO, HOUR_AGO))
    return folder


def fresh_run(name: str, *args: str, **options: Any) -> CliResult:
    """What command ``name`` writes by the general path: run with a cache folder of its own, so
    that nothing kept (output, scan, index) is used."""
    home = Path(os.environ["XDG_CACHE_HOME"])
    other = home.parent / f"{home.name}-fresh"
    shutil.rmtree(other, ignore_errors=True)
    return run_cli(name, *args, env={"XDG_CACHE_HOME": str(other)}, **options)


def kept_output_files(pattern: str) -> list[Path]:
    """The program's cache files of the namespaces ``pattern`` names (a glob, e.g. ``lista*``)."""
    return sorted((Path(os.environ["XDG_CACHE_HOME"]) / "intervjufas").glob(f"{pattern}/*.cache"))


def refusing(monkeypatch: Any, module: Any, name: str, what: str) -> Callable[[], None]:
    """A function that, once called, makes ``module.name`` fail the command with ``what`` (the
    command then ends with its message for an unexpected error, which names the assertion)."""

    def refuse() -> None:
        def failing(*args: object, **kwargs: object) -> None:
            raise AssertionError(what)

        monkeypatch.setattr(module, name, failing)

    return refuse


# -- a report holding personal data (granska) ------------------------------------------------------
PERSONAL_DATA_TEXT = """\
---
format: 1
id: 0123456789ab
---
# Kartlägg intervjufasen: Lager

### Hur förbereder du kunden? <!-- fraga: fore_kunden -->

Vi ringer kandidaten på 070-123 45 67 och mejlar anna.svensson@exempel.se.
Personnummer 811218-9876.
"""


def settled_report(folder: Path, name: str, text: str = PERSONAL_DATA_TEXT) -> Path:
    """A report named ``name`` holding ``text`` in ``folder``, an hour old."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    os.utime(path, (HOUR_AGO, HOUR_AGO))
    return path
