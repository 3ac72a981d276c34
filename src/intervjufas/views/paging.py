"""Printing something long in a terminal through the pager, as ``visa`` does: only when it is
taller than the screen, with ``less`` run as FRX unless the user has set ``$LESS`` (``pager_less``)."""

from __future__ import annotations

import os

from rich.console import Console, RenderableType


def pager_less(less: str | None) -> str:
    """The options ``less`` runs with: FRX when the user has not set $LESS – F prints what fits on
    one screen and quits, R shows the colours, X leaves the report on the screen after quitting –
    else the user's own, with R added so that the colours are not shown as codes."""
    if less is None:
        return "FRX"
    return less if "R" in less else f"{less} -R".strip()


def print_paged(
    console: Console, renderable: RenderableType, *, pager: bool = True, less: str | None = None
) -> None:
    """Print ``renderable``; through the pager when ``pager`` and it is taller than the terminal."""
    if pager:
        height = len(console.render_lines(renderable, console.options, pad=False))
        if height > console.height:
            previous = os.environ.get("LESS")
            os.environ["LESS"] = pager_less(less)  # (read by the pager the console starts)
            try:
                with console.pager(styles=True):
                    console.print(renderable)
            finally:
                if previous is None:
                    os.environ.pop("LESS", None)
                else:
                    os.environ["LESS"] = previous
            return
    console.print(renderable)
