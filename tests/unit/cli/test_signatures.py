"""Typer reads each command's parameters once while it builds the command line, and the commands
it builds are the same as when it reads them every time."""

from __future__ import annotations

from typing import Any

import typer.main
import typer.utils

from intervjufas.cli.main import app


def described(command: Any) -> list[tuple[str, list[tuple[Any, ...]]]]:
    """Each subcommand with its parameters: name, options, type, default, whether required."""
    return [
        (name, [(type(p).__name__, p.name, tuple(p.opts), repr(p.default), p.required) for p in sub.params])
        for name, sub in sorted(command.commands.items())
    ]


def test_each_function_is_read_once() -> None:
    kept = typer.utils.get_params_from_function
    assert hasattr(kept, "cache_info") and typer.main.get_params_from_function is kept
    kept.cache_clear()
    typer.main.get_command(app)
    info = kept.cache_info()
    assert info.misses == info.currsize >= len(app.registered_commands)  # (each read once)
    assert info.hits >= info.misses  # (Typer asks two or three times per function)


def test_the_commands_are_those_typer_builds_on_its_own(monkeypatch: Any) -> None:
    fast = described(typer.main.get_command(app))
    original = typer.utils.get_params_from_function.__wrapped__
    monkeypatch.setattr(typer.utils, "get_params_from_function", original)
    monkeypatch.setattr(typer.main, "get_params_from_function", original)
    assert described(typer.main.get_command(app)) == fast
    assert len(fast) == 13
