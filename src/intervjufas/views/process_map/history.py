"""``karta --historik``: each moment's timeline – when it came onto the map, was renamed, planned to
change, changed through a follow-up, and left – as text (stacked, wrapped to the terminal, through
the pager when long), as Markdown, and as data for scripts."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from rich.console import Console
from rich.text import Text

from intervjufas.model.questions import PHASES
from intervjufas.model.safe_text import visible
from intervjufas.views.comparison_markdown import md
from intervjufas.views.console import print_paged
from intervjufas.views.text_layout import Line, StyledLines, wrap_plain, wrap_segments

if TYPE_CHECKING:
    from intervjufas.reading.process_map.history import Lineage, MapHistory
    from intervjufas.reading.process_map.tracker import MapEvent, MomentTimeline

TITLE = "Processkartans historik"
DONE = "uppföljningen: Genomfört"
_WORDS = {
    "appeared": "På kartan för första gången",
    "returned": "Tillbaka på kartan",
    "plan_add": "Planerat att läggas till",
    "plan_develop": "Planerat att utvecklas",
    "plan_remove": "Planerat att tas bort",
    "added": f"Tillagt – {DONE}",
    "removed": f"Borttaget – {DONE}",
    "left": "Inte längre på kartan",
}
_STYLES = {"added": "green", "appeared": "green", "developed": "cyan", "removed": "red", "left": "red"}
KIND_SLUGS = {
    "appeared": "forsta_gangen",
    "returned": "tillbaka",
    "renamed": "nytt_namn",
    "moved": "flyttat",
    "plan_add": "planerat_lagga_till",
    "plan_develop": "planerat_utveckla",
    "plan_remove": "planerat_ta_bort",
    "added": "tillagt",
    "developed": "utvecklat",
    "removed": "borttaget",
    "left": "lamnade_kartan",
}
DATE_WIDTH = 10
NO_AUTHOR = (
    "Du har inte angett något författarnamn, så historiken visar allas kartor, författare för författare "
    '(ange ditt med intervjufas installningar forfattare "Ditt Namn").'
)


def event_text(event: MapEvent) -> str:
    """The event in words, e.g. 'Nytt namn: Kallelse → Kallelse till kandidaterna'."""
    if event.kind == "renamed":
        return f"Nytt namn: {event.before} → {event.after}"
    if event.kind == "moved":
        return f"Flyttat: {PHASES.get(event.before, event.before)} → {PHASES.get(event.after, event.after)}"
    if event.kind == "developed":
        return f"Utvecklat – {DONE}" if event.follow_up else f"Markerat som utvecklat {event.after}".strip()
    text = _WORDS[event.kind]
    return f"{text} (varför: {event.why})" if event.why and event.kind.startswith("plan_") else text


def status_text(moment: MomentTimeline) -> str:
    if moment.on_map:
        return "på kartan nu"
    return "inte längre på kartan" if moment.ever_on_map else "aldrig på kartan"


def lineage_title(lineage: Lineage, history: MapHistory) -> str:
    dates = sorted(ref.date for ref in lineage.reports)
    return maps_title(lineage.author, len(lineage.reports), dates[0], dates[-1], history)


def maps_title(author: str, count: int, first: str, last: str, history: MapHistory) -> str:
    """Whose maps, how many reports, from when to when."""
    span = first if first == last else f"{first} – {last}"
    who = author or "utan angiven författare"
    if not history.everyone and not history.fell_back:
        who = f"dina kartor ({history.author})" if history.author else "kartorna"
    return f"{who[0].upper()}{who[1:]}: {count} {'rapport' if count == 1 else 'rapporter'}, {span}"


def notes(history: MapHistory, folder: Path) -> list[str]:
    """What the reader should know about which reports are in the history."""
    if not history.lineages:
        return [f"Det finns ingen processkarta i {folder} ännu, så det finns ingen historik att visa."]
    found = []
    if history.fell_back and not history.author:
        found.append(NO_AUTHOR)
    elif history.fell_back:
        found.append(
            f"Ingen rapport av dig ({history.author}) har en processkarta här, så historiken visar allas "
            "kartor, författare för författare."
        )
    if history.left_out:
        count = history.left_out
        found.append(
            f"{count} {'rapport' if count == 1 else 'rapporter'} av andra författare är inte med; "
            "--alla tar med dem."
        )
    return found


# -- text -----------------------------------------------------------------------------------------

Row = tuple[int, Line, Line]  # (indent, prefix, text wrapped after it)


def history_rows(history: MapHistory, folder: Path) -> Iterator[Row]:
    """Every line of the full history (``--detaljer``), made one at a time."""
    yield (0, [], [(TITLE, "bold")])
    yield from ((0, [], [(note, "yellow")]) for note in notes(history, folder))
    for lineage in history.lineages:
        yield from ((0, [], []), (0, [], [(lineage_title(lineage, history), "bold")]))
        for phase, moments in _by_phase(lineage):
            yield from ((0, [], []), (0, [], [(PHASES.get(phase, phase), "bold underline")]))
            for moment in moments:
                yield (2, [], [(moment.name, "bold"), (f" ({status_text(moment)})", "dim")])
                for event in moment.events:
                    prefix: Line = [(event.report.date.ljust(DATE_WIDTH) + "  ", "dim")]
                    text = [(event_text(event), _style(event)), (f" · {event.report.path.name}", "dim")]
                    yield (4, prefix, text)


def history_text(history: MapHistory, folder: Path, width: int) -> Text:
    return render_rows(history_rows(history, folder), width)


def _style(event: MapEvent) -> str:
    return "yellow" if event.kind.startswith("plan_") else _STYLES.get(event.kind, "")


def wrapped_rows(rows: Iterable[Row], width: int) -> Iterator[Line]:
    """Each row at its indent: the prefix as it is, the text after it word-wrapped with later
    lines under the start of the text (a hanging indent).  A row that fits is measured once, as a
    whole line (``wrap_segments``), not word by word."""
    for indent, prefix, body in rows:
        hang = indent + sum(len(part) for part, _ in prefix)
        for number, wrapped in enumerate(wrap_segments(body, max(width - hang, 10))):
            yield [(" " * (indent if number == 0 else hang), ""), *(prefix if number == 0 else []), *wrapped]


def render_rows(rows: Iterable[Row], width: int) -> Text:
    """The rows as one string with its styles as spans (for the terminal and its pager)."""
    lines = StyledLines()
    for line in wrapped_rows(rows, width):
        lines.add(line)
    return lines.text()


def stream_rows(file: IO[str], rows: Iterable[Row], width: int) -> None:
    """The rows as plain lines (as ``render_rows`` lays them out), written one by one to a file or
    a pipe – never all in memory – and wrapped per line (``wrap_plain``)."""
    for indent, prefix, body in rows:
        head = "".join(part for part, _ in prefix)
        hang = indent + len(head)
        for number, line in enumerate(wrap_plain("".join(part for part, _ in body), max(width - hang, 10))):
            start = " " * indent + head if number == 0 else " " * hang
            file.write(visible(f"{start}{line}".rstrip()) + "\n")


def _by_phase(lineage: Lineage) -> list[tuple[str, list[MomentTimeline]]]:
    groups: dict[str, list[MomentTimeline]] = {}
    for moment in lineage.moments:
        groups.setdefault(moment.phase, []).append(moment)
    return list(groups.items())


def history_plain_text(history: MapHistory, folder: Path, width: int) -> str:
    out = io.StringIO()
    stream_rows(out, history_rows(history, folder), width)
    return out.getvalue()


def show_rows(
    console: Console, rows: Iterable[Row], *, pager: bool = True, less: str | None = None
) -> None:
    """On a terminal drawn (through the pager when taller than the screen); else streamed."""
    if not console.is_terminal:
        stream_rows(console.file, rows, console.width)
        return
    print_paged(console, render_rows(rows, console.width), pager=pager, less=less)


def show_history(
    console: Console, history: MapHistory, folder: Path, *, pager: bool = True, less: str | None = None
) -> None:
    """The full history (``--detaljer``)."""
    show_rows(console, history_rows(history, folder), pager=pager, less=less)


# -- Markdown and JSON ----------------------------------------------------------------------------


def history_markdown(history: MapHistory, folder: Path) -> str:
    lines = [f"# {TITLE}", ""]
    lines += [f"*{md(note)}*\n" for note in notes(history, folder)]
    for lineage in history.lineages:
        lines += [f"## {md(lineage_title(lineage, history))}", ""]
        for phase, moments in _by_phase(lineage):
            lines += [f"### {md(PHASES.get(phase, phase))}", ""]
            for moment in moments:
                lines += [f"#### {md(moment.name)} ({status_text(moment)})", ""]
                lines += ["| Datum | Händelse | Rapport |", "| --- | --- | --- |"]
                for event in moment.events:
                    lines.append(
                        f"| {event.report.date} | {md(event_text(event))} | `{event.report.path.name}` |"
                    )
                lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def history_data(history: MapHistory) -> dict[str, Any]:
    """``karta --historik --json``."""
    from intervjufas.views.json_vocabulary import FORMAT

    return {
        "format": FORMAT,
        "forfattare": history.author,
        "alla_forfattare": history.everyone or history.fell_back,
        "antal_utelamnade": history.left_out,
        "historik": [
            {
                "forfattare": lineage.author,
                "rapporter": [
                    {
                        "fil": ref.path.name,
                        "sokvag": str(ref.path),
                        "datum": ref.date,
                        "uppdrag": ref.uppdrag,
                        "forfattare": ref.author,
                    }
                    for ref in lineage.reports
                ],
                "moment": [_moment(moment) for moment in lineage.moments],
            }
            for lineage in history.lineages
        ],
    }


def _moment(moment: MomentTimeline) -> dict[str, Any]:
    return {
        "id": moment.moment_id or None,
        "namn": moment.name,
        "fas": moment.phase,
        "pa_kartan": moment.on_map,
        "handelser": [
            {
                "handelse": KIND_SLUGS[event.kind],
                "datum": event.report.date,
                "fil": event.report.path.name,
                "text": event_text(event),
                "fore": event.before,
                "efter": event.after,
                "varfor": event.why,
                "uppfoljning": event.follow_up,
            }
            for event in moment.events
        ],
    }
