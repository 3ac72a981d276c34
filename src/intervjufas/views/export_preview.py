"""The customer version shown in the terminal (``exportera --kundversion --forhandsgranska``): its
Markdown drawn by Rich, through the pager when it is taller than the screen (as ``visa``); to a
pipe or a file, the Markdown as it is – the text ``--redigera`` would open."""

from __future__ import annotations

from rich.console import Console

from intervjufas.views.console import print_paged, write_plain


def show_customer_text(
    console: Console, markdown: str, *, pager: bool = True, less: str | None = None
) -> None:
    if not console.is_terminal:
        write_plain(console, markdown)
        return
    from rich.markdown import Markdown

    print_paged(console, Markdown(markdown), pager=pager, less=less)
