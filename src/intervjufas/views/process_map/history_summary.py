"""The default view of ``karta --historik``: how the consultant's map changed, moment by moment –
each kind of change (added, developed, removed, renamed, moved) once, on its newest date with its
report and how often it happened – as text (a screen or two) and as Markdown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rich.console import Console

from intervjufas.model.questions import PHASES
from intervjufas.reading.process_map.history_changes import (
    Change,
    ChangeHistory,
    LineageChanges,
    MomentChanges,
)
from intervjufas.views.comparison_markdown import md
from intervjufas.views.process_map.history import DATE_WIDTH, DONE, TITLE, Row, maps_title, notes, show_rows

DETAIL_NOTE = "Varje karta i detalj, med planerade ändringar: --detaljer."
_WORDS = {"added": "Tillagt", "developed": "Utvecklat", "removed": "Borttaget"}
_STYLES = {"added": "green", "developed": "cyan", "removed": "red"}


def change_text(change: Change) -> str:
    """The change in words, e.g. 'Borttaget (3 gånger sedan 2024-02-03)'."""
    last = change.last
    if change.kind == "renamed":
        text = f"Nytt namn: {last.before} → {last.after}"
    elif change.kind == "moved":
        text = f"Flyttat: {PHASES.get(last.before, last.before)} → {PHASES.get(last.after, last.after)}"
    else:
        text = _WORDS[change.kind] + (f" – {DONE}" if last.follow_up else "")
    if change.times > 1:
        text += f" ({change.times} gånger sedan {change.first.report.date})"
    return text


def moment_status(moment: MomentChanges) -> str:
    if moment.on_map:
        return "på kartan nu"
    return "inte längre på kartan" if any(c.kind == "removed" for c in moment.changes) else "inte på kartan"


def left_out_text(line: LineageChanges) -> str:
    return f"{line.left_out} moment till, med äldre ändringar, visas med --detaljer."


def _title(line: LineageChanges, changes: ChangeHistory) -> str:
    return maps_title(line.author, line.reports, line.first_date, line.last_date, changes.history)


def summary_rows(changes: ChangeHistory, folder: Path) -> Iterator[Row]:
    yield (0, [], [(TITLE, "bold")])
    found = notes(changes.history, folder)
    yield from ((0, [], [(note, "yellow")]) for note in found)
    if changes.history.lineages:
        yield (0, [], [(DETAIL_NOTE, "dim")])
    for line in changes.lineages:
        yield from ((0, [], []), (0, [], [(_title(line, changes), "bold")]))
        if not line.moments:
            yield (0, [], [("Inga ändringar av kartan ännu.", "dim")])
        for phase, moments in _by_phase(line.moments):
            yield from ((0, [], []), (0, [], [(PHASES.get(phase, phase), "bold underline")]))
            for moment in moments:
                yield (2, [], [(moment.name, "bold"), (f" ({moment_status(moment)})", "dim")])
                for change in moment.changes:
                    prefix = [(change.last.report.date.ljust(DATE_WIDTH) + "  ", "dim")]
                    text = [
                        (change_text(change), _STYLES.get(change.kind, "")),
                        (f" · {change.last.report.path.name}", "dim"),
                    ]
                    yield (4, prefix, text)
        if line.left_out:
            yield from ((0, [], []), (0, [], [(left_out_text(line), "dim")]))


def _by_phase(moments: tuple[MomentChanges, ...]) -> list[tuple[str, list[MomentChanges]]]:
    groups: dict[str, list[MomentChanges]] = {}
    for moment in moments:
        groups.setdefault(moment.phase, []).append(moment)
    return list(groups.items())


def show_summary(
    console: Console, changes: ChangeHistory, folder: Path, *, pager: bool = True, less: str | None = None
) -> None:
    show_rows(console, summary_rows(changes, folder), pager=pager, less=less)


def summary_markdown(changes: ChangeHistory, folder: Path) -> str:
    """A heading per consultant and per phase, and a table of the changes (Moment, Datum, Ändring,
    Rapport)."""
    lines = [f"# {TITLE}", ""]
    lines += [f"*{md(note)}*\n" for note in notes(changes.history, folder)]
    if changes.history.lineages:
        lines += [f"*{md(DETAIL_NOTE)}*", ""]
    for line in changes.lineages:
        lines += [f"## {md(_title(line, changes))}", ""]
        for phase, moments in _by_phase(line.moments):
            lines += [f"### {md(PHASES.get(phase, phase))}", ""]
            lines += ["| Moment | Datum | Ändring | Rapport |", "| --- | --- | --- | --- |"]
            for moment in moments:
                name = f"{md(moment.name)} ({moment_status(moment)})"
                for change in moment.changes:
                    lines.append(
                        f"| {name} | {change.last.report.date} | {md(change_text(change))} "
                        f"| `{change.last.report.path.name}` |"
                    )
                    name = ""
            lines.append("")
        if line.left_out:
            lines += [f"*{md(left_out_text(line))}*", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
