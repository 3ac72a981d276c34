"""Each command's parameters read once while Typer builds the command line.

Typer 0.29 reads a command function's parameters (``typer.utils.get_params_from_function``:
``inspect.signature`` and ``typing.get_type_hints``, which evaluate every annotation) three times
per command while it builds the click commands – for all thirteen commands on every start, also
for ``--help``.  The result depends only on the function, and Typer only reads it, so ``install()``
keeps it per function.
"""

from __future__ import annotations

import functools


def install() -> None:
    """Keep what Typer reads of a function's parameters (once; only on a Typer that reads them so)."""
    from typer import main, utils

    original = getattr(utils, "get_params_from_function", None)
    if original is None or hasattr(original, "cache_info"):
        return
    kept = functools.lru_cache(maxsize=None)(original)
    utils.get_params_from_function = kept  # type: ignore[assignment]
    if getattr(main, "get_params_from_function", None) is original:
        main.get_params_from_function = kept  # type: ignore[assignment]
