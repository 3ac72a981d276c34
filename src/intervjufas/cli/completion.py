"""Completion with Tab in bash, zsh and fish: ``--install-completion`` and ``--show-completion`` in
Swedish, and report names completed wherever a RAPPORT is taken.

The shell asks for completions by running the program with ``_INTERVJUFAS_COMPLETE`` set: Typer's
completion protocol, which Typer answers by itself (``add_completion=True`` registers it).  The two
options are the program's own (Typer's print English): the shell is detected with ``shellingham``,
the script is what the protocol's ``source_SHELL`` instruction prints, and it is installed where
Typer's own option puts it.  Nothing is drawn when the shell asks, and report names are read from
the folder only when a RAPPORT is being completed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from intervjufas.errors import IntervjufasError

COMPLETE_VAR = "_INTERVJUFAS_COMPLETE"
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
DESCRIBED = 30  # report names get a description (date, assignment, customer) when at most this many match
ZSH_LINES = ("fpath+=~/.zfunc; autoload -Uz compinit; compinit", "zstyle ':completion:*' menu select")


def detected_shell() -> str | None:
    """The name of the shell the program runs from (``bash``, ``zsh``…), if it can be told."""
    import shellingham

    try:
        name, _path = shellingham.detect_shell()
    except shellingham.ShellDetectionFailure:
        return None
    return str(name).lower()


def _shell() -> str:
    shell = detected_shell() or ""
    if shell not in SHELLS:
        found = f"Skalet {shell} stöds inte" if shell else "Kan inte avgöra vilket skal du använder"
        raise IntervjufasError(
            f"{found}; kompletteringen finns för bash, zsh och fish. Kör kommandot i ett av dem."
        )
    return shell


def completion_script(shell: str) -> str:
    """The shell's completion script for this program, as the completion protocol gives it."""
    import subprocess

    run = subprocess.run(
        [sys.executable, "-m", "intervjufas"],
        env={**os.environ, COMPLETE_VAR: f"source_{shell}"},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    script = run.stdout.strip()
    if run.returncode != 0 or not script:
        raise IntervjufasError(f"Kan inte skapa skriptet för komplettering i {shell}.")
    return script


def _show(ctx: typer.Context, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    print(completion_script(_shell()))
    raise typer.Exit()


def _install(ctx: typer.Context, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    shell = _shell()
    path = install(shell, completion_script(shell))
    print(f"Komplettering med Tab för {shell} är installerad i {path}.")
    print("Den fungerar i nya terminalfönster (eller när du har startat om skalet).")
    raise typer.Exit()


def install(shell: str, script: str) -> Path:
    """Put ``script`` where ``shell`` reads it (and the line that loads it in its start file)."""
    home = Path.home()
    try:
        if shell == "bash":
            path = home / ".bash_completions" / "intervjufas.sh"
            _add_lines(home / ".bashrc", [f"source '{path}'"])
        elif shell == "zsh":
            path = home / ".zfunc" / "_intervjufas"
            _add_lines(home / ".zshrc", list(ZSH_LINES))
        elif shell == "fish":
            path = home / ".config" / "fish" / "completions" / "intervjufas.fish"
        else:
            return _install_powershell(shell, script)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(script + "\n", encoding="utf-8")
    except OSError as error:
        raise IntervjufasError(f"Kan inte installera kompletteringen: {error.strerror or error}.") from error
    return path


def _add_lines(start_file: Path, lines: list[str]) -> None:
    """Add the lines that ``start_file`` lacks (zsh's menu style only when no zstyle is set)."""
    text = start_file.read_text(encoding="utf-8") if start_file.is_file() else ""
    missing = [line for line in lines if line not in text and not (line.startswith("zstyle") and "zstyle" in text)]
    if missing:
        start_file.parent.mkdir(parents=True, exist_ok=True)
        start_file.write_text(text.rstrip("\n") + "\n" + "\n".join(missing) + "\n", encoding="utf-8")


def _install_powershell(shell: str, script: str) -> Path:
    import subprocess

    subprocess.run([shell, "-Command", "Set-ExecutionPolicy", "Unrestricted", "-Scope", "CurrentUser"], check=False)
    found = subprocess.run(
        [shell, "-NoProfile", "-Command", "echo", "$profile"], capture_output=True, text=True, check=False
    )
    if found.returncode != 0 or not found.stdout.strip():
        raise IntervjufasError(f"Kan inte hitta profilen för {shell}.")
    path = Path(found.stdout.strip())
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as profile:
        profile.write(script + "\n")
    return path


InstallCompletion = Annotated[
    bool,
    typer.Option(
        "--install-completion",
        callback=_install,
        is_eager=True,
        expose_value=False,
        metavar="",
        help="Installera komplettering med Tab för ditt skal (bash, zsh eller fish).",
    ),
]
ShowCompletion = Annotated[
    bool,
    typer.Option(
        "--show-completion",
        callback=_show,
        is_eager=True,
        expose_value=False,
        metavar="",
        help="Visa skriptet för komplettering med Tab, för att kopiera det eller installera det själv.",
    ),
]


def complete_report(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Report names (the file name without .md) in the reports folder that start with what is typed;
    with a description when only a few match."""
    from intervjufas.files.settings import reports_dir
    from intervjufas.folder.finding import completed_reports

    folder = ctx.params.get("katalog")
    try:
        matches = completed_reports(incomplete, reports_dir(Path(folder) if folder else None))
    except (IntervjufasError, OSError):
        return []  # nothing to offer
    if len(matches) > DESCRIBED or os.environ.get(COMPLETE_VAR, "").endswith(
        "bash"
    ):  # (bash shows no descriptions)
        return [(path.stem, "") for path in matches]
    return [(path.stem, _description(path)) for path in matches]


def _description(path: Path) -> str:
    from intervjufas.folder.scan import read_folder_header

    try:
        header = read_folder_header(path)
    except ValueError:
        return ""
    metadata = header.get("metadata") or {}
    parts = [metadata.get("datum"), metadata.get("uppdrag"), metadata.get("kund")]
    from intervjufas.model.safe_text import visible

    return visible(" · ".join(str(part) for part in parts if part)).replace("\n", " ")
