"""Run intervjufas with storage faults injected: a launcher for the fault-injection tests.

    python tests/faults/inject.py [OPTIONS] -- kartlagg --enkel ...

Everything after ``--`` is the program's command line.  The launcher replaces functions of ``os``
(looked up by name, e.g. ``replace``, ``write``, ``fsync``, ``link``, ``open``, ``mkdir``) with
wrappers that raise ``OSError(errno.X, os.strerror(errno.X))``, then runs
``intervjufas.cli.main.main()`` in this process.

``--fail NAME:ERRNO:WHEN`` (repeatable) says which calls fail:

* ``N``      only the Nth counted call,
* ``N+``     the Nth counted call and every later one (a disk that stays full),
* ``armed``  every counted call made while the file given by ``--arm FILE`` exists, so a test can
             arm the fault at an exact point of a session.

``write`` also covers ``.write()`` on file objects opened through ``open``/``os.fdopen``, since
Python code rarely calls ``os.write`` itself.  ``--only DIR`` counts only calls on paths inside DIR
(for calls on a file descriptor, the path it was opened with); calls on other paths pass through.

``--delay NAME:SECONDS`` sleeps before each counted call of NAME (to widen a window so a signal
lands inside it); with ``--arm`` only while the arm file exists.  ``--log FILE`` appends one line per injected failure (``NAME ERRNO PATH``).
``--wait-for FILE`` makes the program start only once FILE exists (to start two runs at once);
``--ready FILE`` is created when the program is imported and waiting.
"""

from __future__ import annotations

import argparse
import builtins
import errno as errno_module
import io
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

PATH_FUNCTIONS = {
    "open",
    "mkdir",
    "makedirs",
    "rmdir",
    "unlink",
    "remove",
    "stat",
    "lstat",
    "chmod",
    "scandir",
}
TWO_PATH_FUNCTIONS = {"replace", "rename", "link", "symlink"}
FD_FUNCTIONS = {"write", "fsync", "fdatasync", "ftruncate", "close", "fstat", "lseek", "read"}


@dataclass
class Fault:
    name: str
    error: int
    first: int  # 1-based number of the first failing call; 0 with ``armed``
    forever: bool
    armed: bool
    calls: int = 0

    def should_fail(self, arm_file: str | None) -> bool:
        self.calls += 1
        if self.armed:
            return arm_file is not None and os.path.exists(arm_file)
        return self.calls == self.first or (self.forever and self.calls > self.first)


@dataclass
class Injector:
    faults: dict[str, list[Fault]] = field(default_factory=dict)
    delays: dict[str, float] = field(default_factory=dict)
    only: str | None = None
    arm_file: str | None = None
    log_file: str | None = None
    fd_paths: dict[int, str] = field(default_factory=dict)

    def counts(self, path: Any) -> bool:
        if self.only is None:
            return True
        if path is None:
            return False
        try:
            text = os.path.abspath(os.fsdecode(path))
        except (TypeError, ValueError):
            return False
        return text == self.only or text.startswith(self.only + os.sep)

    def check(self, name: str, path: Any) -> None:
        """Called before a real call of ``name`` on ``path``: sleep and/or raise as configured."""
        if not self.counts(path):
            return
        delay = self.delays.get(name)
        if delay and (self.arm_file is None or os.path.exists(self.arm_file)):
            time.sleep(delay)
        for fault in self.faults.get(name, ()):
            if fault.should_fail(self.arm_file):
                self._log(name, fault.error, path)
                raise OSError(fault.error, os.strerror(fault.error), os.fsdecode(path) if path else None)

    def _log(self, name: str, error: int, path: Any) -> None:
        if self.log_file is None:
            return
        shown = os.fsdecode(path) if isinstance(path, str | bytes | os.PathLike) else str(path)
        with builtins.open(self.log_file, "a", encoding="utf-8") as handle:
            handle.write(f"{name} {errno_module.errorcode.get(error, error)} {shown}\n")

    def path_of(self, target: Any) -> Any:
        if isinstance(target, int):
            return self.fd_paths.get(target)
        return target


def _wrap(injector: Injector, name: str, real: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        first = args[0] if args else kwargs.get("path", kwargs.get("src", kwargs.get("fd")))
        if name in TWO_PATH_FUNCTIONS and len(args) > 1:
            counted = first if injector.counts(first) else args[1]
        else:
            counted = injector.path_of(first) if name in FD_FUNCTIONS else first
        injector.check(name, counted)
        result = real(*args, **kwargs)
        if name == "open" and isinstance(result, int):
            injector.fd_paths[result] = os.path.abspath(os.fsdecode(first))
        if name == "close" and args:
            injector.fd_paths.pop(args[0], None)
        return result

    wrapper.__name__ = getattr(real, "__name__", name)
    return wrapper


class _FailingWrites:
    """A file object whose ``write`` goes through the injector (for the ``write`` fault)."""

    def __init__(self, inner: Any, injector: Injector, path: Any) -> None:
        self._inner, self._injector, self._path = inner, injector, path

    def write(self, data: Any) -> Any:
        self._injector.check("write", self._path)
        return self._inner.write(data)

    def __enter__(self) -> _FailingWrites:
        self._inner.__enter__()
        return self

    def __exit__(self, *exc: Any) -> Any:
        return self._inner.__exit__(*exc)

    def __iter__(self) -> Any:
        return iter(self._inner)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def _wrap_io_open(injector: Injector, real: Callable[..., Any]) -> Callable[..., Any]:
    def opener(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real(file, mode, *args, **kwargs)
        writing = any(flag in mode for flag in "wax+")
        path = injector.path_of(file) if isinstance(file, int) else file
        if writing and injector.counts(path):
            return _FailingWrites(handle, injector, path)
        return handle

    return opener


def _parse_fault(text: str) -> Fault:
    try:
        name, error_name, when = text.split(":")
    except ValueError:
        raise SystemExit(f"inject.py: --fail wants NAME:ERRNO:WHEN, got {text!r}") from None
    error = getattr(errno_module, error_name.upper(), None)
    if not isinstance(error, int):
        raise SystemExit(f"inject.py: unknown errno {error_name!r}")
    if when == "armed":
        return Fault(name, error, 0, True, True)
    forever = when.endswith("+")
    return Fault(name, error, int(when.rstrip("+")), forever, False)


def install(injector: Injector) -> None:
    names = set(injector.faults) | set(injector.delays) | {"open", "close"}
    for name in sorted(names):
        real = getattr(os, name, None)
        if real is None:
            raise SystemExit(f"inject.py: os.{name} does not exist")
        setattr(os, name, _wrap(injector, name, real))
    if "write" in injector.faults or "write" in injector.delays:
        wrapped = _wrap_io_open(injector, io.open)
        io.open = wrapped  # type: ignore[assignment]
        builtins.open = wrapped


def main(argv: list[str] | None = None) -> None:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if "--" not in arguments:
        raise SystemExit("inject.py: put the program's arguments after --")
    split = arguments.index("--")
    own, program = arguments[:split], arguments[split + 1 :]
    parser = argparse.ArgumentParser(prog="inject.py")
    parser.add_argument("--fail", action="append", default=[])
    parser.add_argument("--delay", action="append", default=[])
    parser.add_argument("--only")
    parser.add_argument("--arm")
    parser.add_argument("--log")
    parser.add_argument("--wait-for")
    parser.add_argument("--ready")
    options = parser.parse_args(own)

    injector = Injector(
        only=os.path.abspath(options.only) if options.only else None,
        arm_file=options.arm,
        log_file=options.log,
    )
    for text in options.fail:
        fault = _parse_fault(text)
        injector.faults.setdefault(fault.name, []).append(fault)
    for text in options.delay:
        name, _, seconds = text.partition(":")
        injector.delays[name] = float(seconds)

    from intervjufas.cli.main import main as program_main  # imported before the start line

    if options.ready:
        with builtins.open(options.ready, "w", encoding="utf-8"):
            pass
    if options.wait_for:
        while not os.path.exists(options.wait_for):
            time.sleep(0.0005)
    install(injector)
    sys.argv = [_installed_program(), *program]  # as if started as the console script
    program_main()


def _installed_program() -> str:
    """The ``intervjufas`` script next to this Python, else the bare name."""
    import shutil

    return shutil.which("intervjufas", path=os.path.dirname(sys.executable)) or "intervjufas"


if __name__ == "__main__":
    main()
