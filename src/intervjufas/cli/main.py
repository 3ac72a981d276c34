"""The console-script entry point: the app with every command registered."""

from __future__ import annotations

from intervjufas.cli import mapping_cmds, privacy_cmds, reading_cmds, set_cmds  # noqa: F401 - they register commands
from intervjufas.cli.app import app


def main() -> None:
    """Console-script entry point."""
    app()
