"""The console-script entry point: the app with every command registered."""

from __future__ import annotations

# The modules register their commands when imported; `--help` lists them in this order.
from intervjufas.cli import mapping_cmds, reading_cmds  # noqa: F401

# isort: split
from intervjufas.cli import map_cmds  # noqa: F401

# isort: split
from intervjufas.cli import export_cmds  # noqa: F401

# isort: split
from intervjufas.cli import privacy_cmds  # noqa: F401

# isort: split
from intervjufas.cli import set_cmds  # noqa: F401
from intervjufas.cli.app import app


def main() -> None:
    """Console-script entry point."""
    app()
