"""The line under ``lista``'s list – how many reports (by whom) in which folder, and what the step
marks mean – on its own, so that ``lista`` written from its kept output (``views/listing_kept.py``)
draws it without loading the list's layout."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import Console


def show_count(console: Console, count: int, author_filter: str, folder: Path) -> None:
    """The line under the list: how many reports (by whom) in which folder, and the step marks."""
    by = f" av {author_filter}" if author_filter else ""
    console.print(
        Text(
            f"{count} {'rapport' if count == 1 else 'rapporter'}{by} i {folder}. "
            "Steg klara: siffra = klart, (siffra) = påbörjat, · = inte påbörjat.",
            style="dim",
        ),
        soft_wrap=not console.is_terminal,
    )
