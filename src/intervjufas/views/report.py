"""How ``visa`` shows a report: formatted with Rich in a terminal (through a pager when it is taller
than the screen), as plain text to a pipe or a file.  Either way the process map is drawn as
``karta`` draws it (side by side or one phase under the other, by the width), and no Mermaid
source or program comment is shown; a terminal's tables wrap at spaces (``report_tables``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from intervjufas.model.markdown_text import shown
from intervjufas.views.console import print_paged, write_plain
from intervjufas.views.process_map.shown_map import map_plain_text, map_renderable
from intervjufas.views.report_tables import split_tables, table_text
from intervjufas.views.text_layout import Stack, longest

if TYPE_CHECKING:
    from intervjufas.reading.shown_report import ShownReport


def report_renderable(view: ShownReport, width: int = 80) -> RenderableType:
    """The report for a terminal ``width`` columns wide."""
    from rich.markdown import Markdown

    parts: list[RenderableType] = [Text(shown(view.title), style="bold", justify="center")]
    if view.facts:
        parts.append(Padding(_facts(view.facts, width), (1, 0, 0, 0)))
    for part in view.parts:
        if not isinstance(part, str):
            parts += [Text(""), map_renderable(part, width, heading=False)]
            continue
        for piece in split_tables(part):
            parts += [Text(""), Markdown(piece) if isinstance(piece, str) else table_text(piece, width)]
    return Group(*parts)


def _facts(facts: list[tuple[str, str]], width: int) -> RenderableType:
    """The facts as two columns, or – when a value's longest word would not fit beside the
    labels – each label over its value."""
    labels = max(cell_len(label) for label, _ in facts)
    if labels + 2 + longest((value for _, value in facts), words=True) > width:
        stack = Stack(width)
        for label, value in facts:
            stack.add([(label, "bold")], [[(value, "")]])
        return stack.render()
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    for label, value in facts:
        grid.add_row(Text(label), Text(value))
    return grid


def report_plain_text(view: ShownReport, width: int = 80) -> str:
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


def show_report(console: Console, view: ShownReport, *, pager: bool = True, less: str | None = None) -> None:
    """Print the report: formatted in a terminal (through a pager when it is taller than the
    terminal), as plain text otherwise."""
    if not console.is_terminal:
        write_plain(console, report_plain_text(view, console.width))
        return
    print_paged(console, report_renderable(view, console.width), pager=pager, less=less)
