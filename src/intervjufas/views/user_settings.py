"""Drawing the settings (``installningar``): each setting's value, what it means, where the value
comes from and what goes before the file; and what was saved."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from intervjufas.views.copy_command import show_command

if TYPE_CHECKING:
    from rich.console import Console

Found = Any  # a ``files.user_settings.Found``: setting (key, label, choices, flag, env), value, source


def _print(console: Console, text: str = "") -> None:
    console.print(text, markup=False, highlight=False, soft_wrap=True)


def _before_file(found: Found) -> str:
    setting = found.setting
    parts = [f"flaggan {setting.flag}"] if setting.flag else []
    parts += [f"${setting.env}"] if setting.env else []
    return f" Går före filen: {' och '.join(parts)}." if parts else ""


def show_settings(console: Console, settings: Sequence[Found], path: Path, program: str) -> None:
    """``katalog = …`` and, below it, what it means and where the value comes from."""
    missing = "" if path.exists() else " (filen finns inte ännu)"
    _print(console, f"Inställningsfilen: {path}{missing}")
    for found in settings:
        _print(console)
        _print(console, f"{found.setting.key} = {found.value}")
        _print(console, f"  {found.setting.label}. Från: {found.source}.{_before_file(found)}")
        if found.setting.choices:
            _print(console, f"  Val: {', '.join(found.setting.choices)}.")
    _print(console)
    show_command(console, "Ändra en inställning med:", f"{program} installningar NAMN VÄRDE")


def show_saved(
    console: Console, errors: Console, found: Found, saved: str | None, path: Path, *, from_file: bool
) -> None:
    """What the file now says (``saved``; None: the setting was taken out of it), and – when an
    environment variable goes before the file (not ``from_file``) – that it does."""
    key = found.setting.key
    if saved is None:
        _print(console, f"{key} är borttagen ur {path}; nu gäller {found.value} (från: {found.source}).")
        return
    _print(console, f"{key} = {saved} är sparad i {path}.")
    if not from_file:
        _print(errors, f"Varning: Just nu går {found.source} före inställningsfilen, så värdet är {found.value}.")
