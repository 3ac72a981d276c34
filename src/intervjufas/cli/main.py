"""The console-script entry point: the program's app (its commands are loaded when one runs)."""

from __future__ import annotations

import gc

# The program allocates its long-lived objects at start (modules, the question set, the prompt's
# widgets) and makes little cyclic garbage after: collecting the young generation every 700
# allocations spends tens of milliseconds before the first question on objects that all survive.
# A larger first threshold keeps the collector's work in proportion; reference cycles are still
# collected.
gc.set_threshold(10_000, 50, 50)

from intervjufas.cli.app import app  # noqa: E402  (after the collector is set)

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point."""
    app()
