"""Completion with Tab in bash, zsh and fish: Typer's ``--install-completion`` and
``--show-completion`` in Swedish, and report names completed wherever a RAPPORT is taken.

The shell asks for completions by running the program with ``_INTERVJUFAS_COMPLETE`` set (Click's
completion protocol); nothing is drawn then, so the help translations are not loaded, and report
names are read from the folder only when a RAPPORT is being completed.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import typer

from intervjufas.errors import IntervjufasError

COMPLETE_VAR = "_INTERVJUFAS_COMPLETE"
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
DESCRIBED = 30  # report names get a description (date, assignment, customer) when at most this many match
HELP = {
    "install_completion": "Installera komplettering med Tab för ditt skal (bash, zsh eller fish).",
    "show_completion": "Visa skriptet för komplettering med Tab, för att kopiera det eller installera det själv.",
}


def completing() -> bool:
    """True when the shell runs the program to ask for completions (Tab)."""
    return COMPLETE_VAR in os.environ


def swedish_completion_options(params: list[Any]) -> None:
    """Typer's completion options with Swedish help and messages."""
    for param in params:
        if param.name in HELP:
            param.help = HELP[param.name]
            param.metavar = "" if param.is_flag else "SKAL"
            param.callback = _install if param.name == "install_completion" else _show


def _shell(value: Any) -> str:
    """The shell named (when detection is off) or the one the program runs from."""
    if isinstance(value, str) and value:
        shell = str(value)
    else:
        from typer._completion_shared import _get_shell_name

        shell = _get_shell_name() or ""
    if shell not in SHELLS:
        found = f"Skalet {shell} stöds inte" if shell else "Kan inte avgöra vilket skal du använder"
        raise IntervjufasError(
            f"{found}; kompletteringen finns för bash, zsh och fish. Kör kommandot i ett av dem."
        )
    return shell


def _install(ctx: Any, param: Any, value: Any) -> Any:
    if not value or ctx.resilient_parsing:
        return value
    from typer._completion_shared import install

    shell, path = install(shell=_shell(value), prog_name="intervjufas", complete_var=COMPLETE_VAR)
    print(f"Komplettering med Tab för {shell} är installerad i {path}.")
    print("Den fungerar i nya terminalfönster (eller när du har startat om skalet).")
    raise typer.Exit()


def _show(ctx: Any, param: Any, value: Any) -> Any:
    if not value or ctx.resilient_parsing:
        return value
    from typer._completion_shared import get_completion_script

    print(get_completion_script(prog_name="intervjufas", complete_var=COMPLETE_VAR, shell=_shell(value)))
    raise typer.Exit()


def complete_report(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Report names (the file name without .md) in the reports folder that start with what is typed;
    with a description when only a few match."""
    from intervjufas.reports.files import report_files, reports_dir

    folder = ctx.params.get("katalog") if ctx is not None else None
    try:
        files = report_files(reports_dir(Path(folder) if folder else None))
    except (IntervjufasError, OSError):
        return []  # nothing to offer
    matches = [path for path in reversed(files) if path.stem.startswith(incomplete)]  # newest first
    if len(matches) > DESCRIBED or os.environ.get(COMPLETE_VAR, "").endswith(
        "bash"
    ):  # (bash shows no descriptions)
        return [(path.stem, "") for path in matches]
    return [(path.stem, _description(path)) for path in matches]


def _description(path: Path) -> str:
    from intervjufas.reading.folder import read_header_of

    try:
        header = read_header_of(path)
    except ValueError:
        return ""
    metadata = header.get("metadata") or {}
    parts = [metadata.get("datum"), metadata.get("uppdrag"), metadata.get("kund")]
    from intervjufas.model.safe_text import visible

    return visible(" · ".join(str(part) for part in parts if part)).replace("\n", " ")
