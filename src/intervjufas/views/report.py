"""How ``visa`` shows a report: formatted with Rich in a terminal (through a pager when it is taller
than the screen), as plain text to a pipe or a file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from intervjufas.model.markdown_text import shown
from intervjufas.views.console import print_paged, write_plain

if TYPE_CHECKING:
    from intervjufas.reading.shown_report import ShownReport


def report_renderable(view: ShownReport) -> RenderableType:
    from rich.markdown import Markdown

    parts: list[RenderableType] = [Markdown(f"# {view.title}")]
    if view.facts:
        facts = Table.grid(padding=(0, 2))
        facts.add_column(style="bold", no_wrap=True)
        facts.add_column()
        for label, value in view.facts:
            facts.add_row(Text(label), Text(value))
        parts.append(Padding(facts, (1, 0, 0, 0)))
    parts += [Text(""), Markdown(view.markdown)]
    return Group(*parts)


def report_plain_text(view: ShownReport) -> str:
    """The report as plain text for pipes and files: its Markdown without the program's comments
    and without Markdown's escapes (the answers read exactly as typed), with the facts as aligned
    lines under the title."""
    lines = [f"# {shown(view.title)}", ""]
    width = max((len(label) for label, _ in view.facts), default=0) + 2
    lines += [f"{label + ':':<{width}}{value}" for label, value in view.facts]
    body = "\n".join(shown(line) for line in view.markdown.split("\n"))
    return "\n".join(lines) + "\n\n" + body


def show_report(console: Console, view: ShownReport, *, pager: bool = True, less: str | None = None) -> None:
    """Print the report: formatted in a terminal (through a pager when it is taller than the
    terminal), as plain text otherwise."""
    if not console.is_terminal:
        write_plain(console, report_plain_text(view))
        return
    print_paged(console, report_renderable(view), pager=pager, less=less)
