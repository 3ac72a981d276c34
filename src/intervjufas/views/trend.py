"""How ``trend`` shows ratings over time: a table per question set with the mean per period, a bar
in eighths of a character and a sparkline of the development."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from intervjufas.views.console import decimal, print_trimmed

if TYPE_CHECKING:
    from intervjufas.reading.trend import Series, SetTrend


_BLOCKS = " ▏▎▍▌▋▊▉█"
_SPARKS = "▁▂▃▄▅▆▇█"
BAR_WIDTH = 10
SPARK_PERIODS = 24  # the line of development shows at most the latest 24 periods
MIN_PERIODS = 2  # a development needs ratings from two periods at least
PLURAL = {"månad": "månader", "kvartal": "kvartal"}
ONE = {"månad": "en månad", "kvartal": "ett kvartal"}


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


def show_trends(console: Console, trends: list[SetTrend], *, customer: str | None, per: str) -> None:
    if not trends:
        who = f" för kunden {customer}" if customer else ""
        console.print(
            f"Det finns inga betyg{who} att visa ännu. Betygen (1–5) för kundens och kandidatens "
            "upplevelse ges i varje steg av intervjufas kartlagg.",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
        return
    period_name = "kvartal" if per == "kvartal" else "månad"
    sparklines = tables = False
    for number, trend in enumerate(trends):
        if number:
            console.print()
        count = trend.reports
        heading = Text(f"{trend.title}", style="bold")
        heading.append(
            f"  ({count} {'rapport' if count == 1 else 'rapporter'}{f', kund: {customer}' if customer else ''})",
            style="dim",
        )
        console.print(heading)
        if len(trend.periods) < MIN_PERIODS:
            _too_little(console, trend, period_name)
            continue
        sparklines = tables = True
        table = _trend_table(trend, period_name)
        unbounded = console.options.update_width(10_000)  # (a measurement is capped at the width given)
        if console.measure(table, options=unbounded).maximum <= console.width:
            print_trimmed(console, table)
        else:
            console.print(_trend_stack(trend), soft_wrap=True)
    if not tables:
        return
    note = f"Medel = medelbetyget (1–5) per {period_name}; Rapporter = antal rapporter bakom medelvärdet."
    if sparklines:
        note += f" Raden under varje betyg visar utvecklingen, ett tecken per {period_name} (· = inga betyg)."
    if any(series.survey for trend in trends for series in trend.series):
        note += (
            " \"Enligt kandidaterna/kunden\" = medel av svaren på enkäterna (enkat), med antalet svar;"
            f" en {period_name} med för få svar visas inte."
        )
    if per != "kvartal" and any(len(trend.periods) > 12 for trend in trends):
        note += " Med --per kvartal blir tabellen kortare."
    console.print(Text(note, style="dim"))


def _too_little(console: Console, trend: SetTrend, period_name: str) -> None:
    """One period is no development: say what is needed, and the means so far (no lone bars)."""
    needs = (
        f"Betygen kommer bara från {ONE[period_name]} ({trend.periods[0]}) ännu; utvecklingen visas när det "
        f"finns betyg från minst {MIN_PERIODS} {PLURAL[period_name]}. Medelbetygen hittills:"
    )
    console.print(needs, markup=False, highlight=False)
    for series in trend.series:
        for point in series.points:
            reports = f"{point.count} {'rapport' if point.count == 1 else 'rapporter'}"
            if series.survey:  # (the customer's or candidates' own answers: how many answered)
                reports = f"{point.respondents} svar"
            console.print(f"  {series.label}: {decimal(point.mean)} ({reports})", markup=False, highlight=False)


def _labels(trend: SetTrend, series: Series) -> list[Text]:
    """The series' name, and under it its line of development when there is more than one period."""
    labels = [Text(series.label)]
    if len(trend.periods) > 1:
        shown = trend.periods[-SPARK_PERIODS:]
        more = "…" if len(trend.periods) > SPARK_PERIODS else ""
        labels.append(Text(more + sparkline(series, shown), style="cyan"))
    return labels


def _trend_table(trend: SetTrend, period_name: str) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, header_style="bold")
    table.add_column("Betyg", no_wrap=True)
    table.add_column(period_name.capitalize(), no_wrap=True)
    table.add_column("Medel", no_wrap=True, justify="right")
    table.add_column("", no_wrap=True, min_width=BAR_WIDTH)
    table.add_column("Rapporter", justify="right", no_wrap=True)
    for series in trend.series:
        labels = _labels(trend, series)
        for index in range(max(len(series.points), len(labels))):
            label = labels[index] if index < len(labels) else ""
            if index >= len(series.points):
                table.add_row(label, "", "", "", "")
                continue
            point = series.points[index]
            bar_text = Text(bar(point.mean, series.scale_max), style="cyan")
            count = f"{point.respondents} svar" if series.survey else str(point.count)
            table.add_row(label, point.period, decimal(point.mean), bar_text, count)
        table.add_section()
    return table


def _trend_stack(trend: SetTrend) -> Text:
    """For a narrow terminal: each rating's name (and line of development), then one line per
    period: the period, the mean, the bar and the number of reports."""
    text = Text()
    for series in trend.series:
        labels = _labels(trend, series)
        text.append(series.label, style="bold")
        if len(labels) > 1:
            text.append("  ")
            text.append_text(labels[1])
        text.append("\n")
        for point in series.points:
            reports = f"{point.count} {'rapport' if point.count == 1 else 'rapporter'}"
            reports = f"{point.respondents} svar" if series.survey else reports
            text.append(f"  {point.period:<7}  {decimal(point.mean):>4}  ")
            text.append(f"{bar(point.mean, series.scale_max):<{BAR_WIDTH}}", style="cyan")
            text.append(f"  {reports}\n")
    text.rstrip()
    return text
