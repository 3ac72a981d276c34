"""Finding a report the user named: a path, a file name in the reports folder, or a prefix of one."""

from __future__ import annotations

import os
from pathlib import Path

from intervjufas.errors import IntervjufasError
from intervjufas.reports.files import report_files


def find_report(name: str, folder: Path) -> Path:
    """A report named by a path, a file name in the folder, or a unique prefix of one."""
    given = Path(name).expanduser()
    if given.is_file():
        return given
    if os.sep in name or (os.altsep and os.altsep in name):
        raise IntervjufasError(f"Rapporten {name} finns inte.")
    for candidate in (folder / name, folder / f"{name}.md"):
        if candidate.is_file():
            return candidate
    matches = [p for p in report_files(folder) if p.name.startswith(name)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        listed = ", ".join(p.name for p in matches[:8]) + (" …" if len(matches) > 8 else "")
        raise IntervjufasError(
            f"'{name}' passar {len(matches)} rapporter i {folder}: {listed}. Skriv fler tecken."
        )
    raise IntervjufasError(f"Hittar ingen rapport som heter eller börjar med '{name}' (letade i {folder}).")
