"""How ``visa`` shows a report: formatted with Rich in a terminal (through a pager when it is taller
than the screen), as plain text to a pipe or a file.  Either way the process map is drawn as
``karta`` draws it (side by side or one phase under the other, by the width), and no Mermaid
source or program comment is shown; a terminal's tables wrap at spaces (``report_tables``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from intervjufas.model.markdown_text import shown
from intervjufas.views.console import write_plain
from intervjufas.views.paging import print_paged
from intervjufas.views.process_map_view import map_plain_text, map_renderable
from intervjufas.views.report_tables import split_tables, table_text

if TYPE_CHECKING:
    from intervjufas.reading.shown_report import ReportView


def report_renderable(view: ReportView, width: int = 80) -> RenderableType:
    """The report for a terminal ``width`` columns wide."""
    from rich.markdown import Markdown

    parts: list[RenderableType] = [Markdown(f"# {view.title}")]
    if view.facts:
        facts = Table.grid(padding=(0, 2))
        facts.add_column(style="bold", no_wrap=True)
        facts.add_column()
        for label, value in view.facts:
            facts.add_row(Text(label), Text(value))
        parts.append(Padding(facts, (1, 0, 0, 0)))
    for part in view.parts:
        if not isinstance(part, str):
            parts += [Text(""), map_renderable(part, width, heading=False)]
            continue
        for piece in split_tables(part):
            parts += [Text(""), Markdown(piece) if isinstance(piece, str) else table_text(piece, width)]
    return Group(*parts)


def report_plain_text(view: ReportView, width: int = 80) -> str:
    """The report as plain text for pipes and files: its Markdown without the program's comments
    and without Markdown's escapes (the answers read exactly as typed; a table keeps one line per
    row), with the facts as aligned lines under the title and the map drawn ``width`` wide."""
    lines = [f"# {shown(view.title)}", ""]
    label_width = max((len(label) for label, _ in view.facts), default=0) + 2
    lines += [f"{label + ':':<{label_width}}{value}" for label, value in view.facts]
    body = [
        "\n".join(shown(line) for line in part.split("\n"))
        if isinstance(part, str)
        else map_plain_text(part, width, heading=False)
        for part in view.parts
    ]
    return "\n".join(lines) + "\n\n" + "\n".join(text.rstrip("\n") + "\n" for text in body)


def show_report(console: Console, view: ReportView, *, pager: bool = True, less: str | None = None) -> None:
    """Print the report: formatted in a terminal (through a pager when it is taller than the
    terminal), as plain text otherwise."""
    if not console.is_terminal:
        write_plain(console, report_plain_text(view, console.width))
        return
    print_paged(console, report_renderable(view, console.width), pager=pager, less=less)
