"""The console-script entry point: the program's app (its commands are loaded when one runs)."""

from __future__ import annotations

from intervjufas.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point."""
    app()
