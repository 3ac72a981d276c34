"""The console-script entry point: the program's app (its commands are loaded when one runs)."""

from __future__ import annotations

import gc

# The program allocates its long-lived objects at start (modules, the question set, the prompt's
# widgets: about 93,000 objects that the collector tracks until the first question of kartlagg is
# drawn) and makes little cyclic garbage after. Every collection of the young generation before the
# first question would walk objects that all survive – about 2 ms per 10,000, some 20 ms in all –
# so the first threshold is set well above what the start allocates: no collection runs before the
# first question, and after it reference cycles are still collected, in larger batches.
gc.set_threshold(200_000, 50, 50)

from intervjufas.cli.app import app  # noqa: E402  (after the collector is set)

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point."""
    app()
