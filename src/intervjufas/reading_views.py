"""How the reading commands look: the report list, a report, the open action plan and the rating
trends, as Rich output for the terminal and as plain text or JSON for pipes and scripts.  Every
function here only presents data that the core modules computed (comparisons: comparison_views).

Everything reads without colour too (NO_COLOR, pipes): steps and bars use characters, not only
colour.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from intervjufas.text_grid import Cell, Grid, Segment, fit_widths, longest

if TYPE_CHECKING:
    from intervjufas.action_plan import OpenItem
    from intervjufas.listing import ListedReport, Listing
    from intervjufas.trend import Series, SetTrend
    from intervjufas.viewing import ReportView

NO_ANSWER = "–"
STEP_DONE, STEP_STARTED = "klar", "påbörjad"


def show_warnings(console: Console, warnings: Iterable[str]) -> None:
    """One line per problem on the error console: ``Varning: <file>: <problem>``."""
    for warning in warnings:
        console.print(f"Varning: {warning}", markup=False, highlight=False, soft_wrap=True)


def print_trimmed(console: Console, renderable: RenderableType) -> None:
    """Print; to a file or a pipe without the spaces Rich pads table lines with."""
    if console.is_terminal:
        console.print(renderable)
        return
    with console.capture() as captured:
        console.print(renderable)
    console.file.write("\n".join(line.rstrip() for line in captured.get().split("\n")))


def _decimal(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


# -- lista --------------------------------------------------------------------------------------


def step_marks(steps: dict[str, str]) -> list[Segment]:
    """'1 2 (3)': the numbers of the finished steps, a started step in brackets, '·' for not started."""
    segments: list[Segment] = []
    for number, status in enumerate(steps.values(), start=1):
        if number > 1:
            segments.append((" ", ""))
        if status == STEP_DONE:
            segments.append((str(number), "green"))
        elif status == STEP_STARTED:
            segments.append((f"({number})", "yellow"))
        else:
            segments.append(("·", "dim"))
    return segments


def short_forms(forms: Iterable[str]) -> str:
    """'Telefon, Konventionell' for 'Telefonintervju, Konventionell intervju' (the column says it)."""
    shown = []
    for form in forms:
        short = re.sub(r"\s*intervju$", "", form, flags=re.IGNORECASE).strip()
        shown.append(short or form)
    return ", ".join(shown)


def show_listing(console: Console, listing: Listing) -> None:
    if not listing.reports:
        console.print(
            f"Det finns inga rapporter i {listing.folder} ännu. Börja en kartläggning med: intervjufas kartlagg",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
        return
    reports = listing.reports
    if not console.is_terminal:
        console.file.write(_listing_lines(reports))
    else:
        console.print(_listing_grid(console.width, reports).render(), soft_wrap=True)
    count = len(reports)
    console.print(
        Text(
            f"{count} {'rapport' if count == 1 else 'rapporter'} i {listing.folder}. "
            "Steg klara: siffra = klart, (siffra) = påbörjat, · = inte påbörjat.",
            style="dim",
        ),
        soft_wrap=not console.is_terminal,
    )


def _listing_lines(reports: list[ListedReport]) -> str:
    """The list for pipes and files: one line per report, columns aligned, nothing folded (easy to
    grep and cut, and fast for thousands of reports)."""
    header = ["Datum", "Uppdrag", "Kund", "Intervjuform", "Steg klara", "Öppna moment", "Fil"]
    rows = [
        [
            row.datum,
            row.uppdrag or NO_ANSWER,
            row.kund or NO_ANSWER,
            short_forms(row.intervjuform) or NO_ANSWER,
            "".join(text for text, _ in step_marks(row.steps)),
            str(row.open_items),
            row.file_name,
        ]
        for row in reports
    ]
    widths = [max(cell_len(cell) for cell in column) for column in zip(header, *rows, strict=True)]
    lines = []
    for cells in [header, *rows]:
        parts = [
            cell.rjust(width + len(cell) - cell_len(cell))
            if index == 5
            else cell.ljust(width + len(cell) - cell_len(cell))
            for index, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines) + "\n"


def _listing_grid(width: int, reports: list[ListedReport]) -> Grid:
    """The list for a terminal: folded to its width, the file under the assignment when narrow."""
    marks = max(5, *(sum(cell_len(t) for t, _ in step_marks(row.steps)) for row in reports))
    fixed = 10 + marks + 6  # Datum, Steg klara, Öppna moment
    texts = [
        [row.uppdrag or NO_ANSWER for row in reports],
        [row.kund or NO_ANSWER for row in reports],
        [short_forms(row.intervjuform) or NO_ANSWER for row in reports],
    ]
    natural = [max(8, longest(column)) for column in texts]
    words = [max(8, longest(column, words=True)) for column in texts]
    file_width = max(cell_len(row.file_name) for row in reports)
    # The file name gets a column of its own when everything fits on one line; otherwise it goes
    # under the assignment's name.
    wide = width - fixed - file_width - 2 * 6 >= sum(natural)
    if wide:
        widths = fit_widths(natural, words, width - fixed - file_width - 2 * 6)
    else:
        room = width - fixed - 2 * 5
        natural[0] = max(natural[0], file_width)
        # Whole words where there is room (a long file name is folded first), then narrower
        # columns; in a very narrow terminal words are folded rather than the lines overflowing.
        for caps in ((16, 16, 13), (16, 12, 13)):
            minimum = [min(cap, word) for cap, word in zip(caps, words, strict=True)]
            minimum[0] = max(minimum[0], 20)
            if sum(minimum) <= room:
                break
        else:
            minimum = [12, 6, 12]  # (12: the header Intervjuform)
        widths = fit_widths(natural, minimum, room, order=[[1, 2], [0]])
    headers = ["Datum", "Uppdrag" if wide else "Uppdrag och fil", "Kund", "Intervjuform", "Steg\nklara"]
    headers.append("Öppna\nmoment")
    grid = Grid(
        headers + (["Fil"] if wide else []), [10, *widths, marks, 6] + ([file_width] if wide else []), {5}
    )
    for row in reports:
        grid.add_row(_listing_cells(row, wide))
    return grid


def _listing_cells(row: ListedReport, wide: bool) -> list[Cell]:
    uppdrag: Cell = [[(row.uppdrag or NO_ANSWER, "")]]
    if not wide:
        uppdrag.append([(row.file_name, "dim")])
    cells: list[Cell] = [
        [[(row.datum, "")]],
        uppdrag,
        [[(row.kund or NO_ANSWER, "")]],
        [[(short_forms(row.intervjuform) or NO_ANSWER, "")]],
        [step_marks(row.steps)],
        [[(str(row.open_items), "")]],
    ]
    if wide:
        cells.append([[(row.file_name, "")]])
    return cells


# -- visa ---------------------------------------------------------------------------------------


def report_renderable(view: ReportView) -> RenderableType:
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


def report_plain_text(view: ReportView) -> str:
    """The report as plain text for pipes and files: its Markdown without the program's comments,
    with the facts as aligned lines under the title."""
    lines = [f"# {view.title}", ""]
    width = max((len(label) for label, _ in view.facts), default=0) + 2
    lines += [f"{label + ':':<{width}}{value}" for label, value in view.facts]
    return "\n".join(lines) + "\n\n" + view.markdown


def show_report(console: Console, view: ReportView, *, pager: bool = True) -> None:
    """Print the report: formatted in a terminal (through a pager when it is taller than the
    terminal), as plain text otherwise."""
    if not console.is_terminal:
        console.file.write(report_plain_text(view))
        return
    renderable = report_renderable(view)
    if pager:
        height = len(console.render_lines(renderable, console.options, pad=False))
        if height > console.height:
            less = os.environ.get("LESS", "")
            if "R" not in less:
                os.environ["LESS"] = f"{less} -R".strip()  # let less show the colours
            with console.pager(styles=True):
                console.print(renderable)
            return
    console.print(renderable)


# -- plan ---------------------------------------------------------------------------------------


def _plan_order(items: list[OpenItem]) -> list[OpenItem]:
    """By step ('Del 1', 'Steg 1', …), newest report first within a step (the core's order)."""
    return sorted(items, key=lambda item: (item.step_label.rsplit(" ", 1)[0], item.step_number))


def _status_text(item: OpenItem) -> Text:
    status = Text(item.last_status or NO_ANSWER, style="yellow" if item.last_status else "dim")
    if item.last_comment:
        status.append(f" – {item.last_comment}", style="")
    return status


def show_plan(console: Console, items: list[OpenItem], folder: object) -> None:
    if not items:
        console.print(
            f"Inga öppna moment i utvecklingsplanerna i {folder}. Bra jobbat!",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
        return
    items = _plan_order(items)
    steps = max(4, *(cell_len(item.step_label) for item in items))
    kinds = max(3, *(cell_len(item.kind) for item in items))
    files = max(cell_len(item.source.name) for item in items)
    moments = max(8, *(cell_len(item.moment) for item in items))
    whys = max(8, *(cell_len(item.why or NO_ANSWER) for item in items))
    statuses = max(14, *(_status_text(item).cell_len for item in items))
    # Every column side by side when the text columns get at least a readable width; otherwise
    # the type, the reason and the report go into the moment's cell, one per line.
    wide_room = console.width - steps - kinds - files - 10 - 2 * 6
    wide = wide_room >= 20 + 20 + 14
    table = Table(
        box=box.SIMPLE_HEAD, padding=(0, 1, 0, 0), pad_edge=False, show_edge=False, header_style="bold"
    )
    table.add_column("Steg", no_wrap=True, width=steps)
    if wide:
        moment_width, why_width, status_width = fit_widths([moments, whys, statuses], [20, 20, 14], wide_room)
        table.add_column("Typ", no_wrap=True, width=kinds)
        table.add_column("Moment", width=moment_width)
        table.add_column("Varför", width=why_width)
        table.add_column("Senaste status", width=status_width)
        table.add_column("Rapport", no_wrap=True, width=files)
    else:
        narrow_moments = max(moments + kinds + 2, whys + 8, files)
        moment_width, status_width = fit_widths(
            [narrow_moments, statuses], [min(narrow_moments, 42), 14], console.width - steps - 10 - 2 * 3
        )
        table.add_column("Moment, varför och rapport", width=moment_width)
        table.add_column("Senaste status", width=status_width)
    table.add_column("Datum", no_wrap=True, width=10)
    for item in items:
        if wide:
            table.add_row(
                item.step_label,
                item.kind,
                Text(item.moment),
                Text(item.why or NO_ANSWER),
                _status_text(item),
                item.source.name,
                item.source_date,
            )
            continue
        cell = Text(f"{item.kind}: ", style="bold")
        cell.append(item.moment)
        cell.append(f"\nVarför: {item.why or NO_ANSWER}")
        cell.append(f"\n{item.source.name}", style="dim")
        cell.overflow = "fold"
        table.add_row(item.step_label, cell, _status_text(item), item.source_date)
    print_trimmed(console, table)
    count = len(items)
    console.print(
        Text(
            f"{count} {'öppet moment' if count == 1 else 'öppna moment'}. "
            "De följs upp nästa gång du kör intervjufas kartlagg.",
            style="dim",
        )
    )


def plan_json(items: list[OpenItem]) -> str:
    data = [
        {
            "steg": item.step_label,
            "steg_titel": item.step_title,
            "typ": item.kind,
            "moment": item.moment,
            "varfor": item.why,
            "senaste_status": item.last_status,
            "kommentar": item.last_comment,
            "rapport": item.source.name,
            "sokvag": str(item.source),
            "datum": item.source_date,
            "nyckel": item.key,
        }
        for item in _plan_order(items)
    ]
    return json.dumps(data, ensure_ascii=False, indent=2)


# -- trend --------------------------------------------------------------------------------------

_BLOCKS = " ▏▎▍▌▋▊▉█"
_SPARKS = "▁▂▃▄▅▆▇█"
BAR_WIDTH = 10
SPARK_PERIODS = 24  # the line of development shows at most the latest 24 periods


def bar(value: float, scale_max: int, width: int = BAR_WIDTH) -> str:
    """A horizontal bar in eighths of a character: a full bar is ``scale_max``."""
    eighths = round(max(0.0, min(value / scale_max, 1.0)) * width * 8)
    full, rest = divmod(eighths, 8)
    return "█" * full + (_BLOCKS[rest] if rest else "")


def sparkline(series: Series, periods: Iterable[str]) -> str:
    """One character per period: the height of the mean within the scale, '·' without ratings."""
    span = max(series.scale_max - series.scale_min, 1)
    chars = []
    for period in periods:
        point = series.at(period)
        if point is None:
            chars.append("·")
            continue
        position = (point.mean - series.scale_min) / span
        chars.append(_SPARKS[max(0, min(len(_SPARKS) - 1, round(position * (len(_SPARKS) - 1))))])
    return "".join(chars)


def show_trends(console: Console, trends: list[SetTrend], *, kund: str | None, per: str) -> None:
    if not trends:
        who = f" för kunden {kund}" if kund else ""
        console.print(
            f"Det finns inga betyg{who} att visa ännu. Betygen (1–5) för kundens och kandidatens "
            "upplevelse ges i varje steg av intervjufas kartlagg.",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
        return
    period_name = "kvartal" if per == "kvartal" else "månad"
    sparklines = False
    for number, trend in enumerate(trends):
        if number:
            console.print()
        count = trend.reports
        heading = Text(f"{trend.title}", style="bold")
        heading.append(
            f"  ({count} {'rapport' if count == 1 else 'rapporter'}{f', kund: {kund}' if kund else ''})",
            style="dim",
        )
        console.print(heading)
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, header_style="bold")
        table.add_column("Betyg", no_wrap=True)
        table.add_column(period_name.capitalize(), no_wrap=True)
        table.add_column("Medel", no_wrap=True, justify="right")
        table.add_column("", no_wrap=True, min_width=BAR_WIDTH)
        table.add_column("Rapporter", justify="right", no_wrap=True)
        with_spark = len(trend.periods) > 1
        sparklines = sparklines or with_spark
        for series in trend.series:
            labels: list[Text] = [Text(series.label)]
            if with_spark:
                shown = trend.periods[-SPARK_PERIODS:]
                more = "…" if len(trend.periods) > SPARK_PERIODS else ""
                labels.append(Text(more + sparkline(series, shown), style="cyan"))
            rows = max(len(series.points), len(labels))
            for index in range(rows):
                label = labels[index] if index < len(labels) else ""
                if index >= len(series.points):
                    table.add_row(label, "", "", "", "")
                    continue
                point = series.points[index]
                table.add_row(
                    label,
                    point.period,
                    _decimal(point.mean),
                    Text(bar(point.mean, series.scale_max), style="cyan"),
                    str(point.count),
                )
            table.add_section()
        print_trimmed(console, table)
    note = f"Medel = medelbetyget (1–5) per {period_name}; Rapporter = antal rapporter bakom medelvärdet."
    if sparklines:
        note += f" Raden under varje betyg visar utvecklingen, ett tecken per {period_name} (· = inga betyg)."
    if per != "kvartal" and any(len(trend.periods) > 12 for trend in trends):
        note += " Med --per kvartal blir tabellen kortare."
    console.print(Text(note, style="dim"))
