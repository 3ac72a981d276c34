"""How a comparison (``jamfor``) looks in a terminal and as plain text.

Everything reads without colour too (NO_COLOR, pipes): diffs are marked ``[-deleted-]`` and
``{+inserted+}`` as in git's word diff.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from intervjufas.views.console import NO_ANSWER, plain_console, write_plain

if TYPE_CHECKING:
    from intervjufas.reading.comparison import Comparison, PlanItem, Rating, ReportSide
    from intervjufas.reading.process_map.map_comparison import MapComparison
    from intervjufas.reading.word_diff import DiffLine


def diff_text(lines: list[DiffLine]) -> Text:
    """A word diff with git's markers, coloured when the console has colour."""
    text = Text()
    for number, line in enumerate(lines):
        if number:
            text.append("\n")
        for op, part in line:
            if op == "delete":
                text.append(f"[-{part}-]", style="red")
            elif op == "insert":
                text.append(f"{{+{part}+}}", style="green")
            else:
                text.append(part)
    return text


def _indent(renderable: RenderableType, level: int) -> Padding:
    return Padding(renderable, (0, 0, 0, level), expand=False)


def _side_lines(side: ReportSide) -> list[RenderableType]:
    details = " · ".join(part for part in (side.datum, side.uppdrag, side.kund) if part)
    name = Text(f"{side.name}: ", style="bold")
    name.append(side.path.name)
    lines: list[RenderableType] = [_indent(name, 2), _indent(Text(details or NO_ANSWER, style="dim"), 5)]
    if side.author:
        lines.append(_indent(Text(f"Författare: {side.author}", style="dim"), 5))
    return lines


def set_note(comparison: Comparison) -> str:
    a, b = comparison.a, comparison.b
    unknown = [side for side in (a, b) if not side.set_known]
    if unknown:
        if len(unknown) == 2 and a.set_id == b.set_id:
            names = a.set_id
        else:
            names = " och ".join(f"{side.set_id} ({side.name})" for side in unknown)
        return (
            f"Frågeuppsättningen {names} finns inte här, så svaren jämförs per fråge-id med rubrikerna "
            "i filen. Lägg frågefilen i mappen för egna frågeuppsättningar för en fullständig jämförelse."
        )
    if comparison.same_set:
        return ""
    if a.set_id == b.set_id:
        return (
            f"Rapporterna har olika versioner av frågeuppsättningen {a.set_id} (A: version {a.set_version}, "
            f"B: version {b.set_version}). Svaren jämförs per fråge-id."
        )
    return (
        f"Rapporterna har olika frågeuppsättningar (A: {a.set_id}, B: {b.set_id}). "
        "Svaren jämförs per fråge-id."
    )


def unknown_note(sides: tuple[str, ...]) -> str:
    if not sides:
        return ""
    return f"finns inte i frågeuppsättningen för {' och '.join(sides)}"


def rating_change(rating: Rating) -> str:
    """'3 → 4 (+1)'; '3 (inget betyg i B)' when one side has no rating."""
    if rating.a is None or rating.b is None:
        if rating.a is None and rating.b is None:
            return "inget betyg i A eller B"
        return f"{rating.a} (inget betyg i B)" if rating.b is None else f"{rating.b} (inget betyg i A)"
    a, b = str(rating.a), str(rating.b)
    change = rating.change
    if change is None:
        return f"{a} → {b}"
    if change == 0:
        return f"{a} → {b} (±0)"
    return f"{a} → {b} ({'+' if change > 0 else '−'}{abs(change)})"


def _metadata_line(label: str, before: str, after: str) -> Text:
    """'Kund: Nordlager → Nordlager AB'; 'Kund: Nordlager AB (saknas i A)' when one side is empty."""
    line = Text(f"{label}: ")
    if before and after:
        line.append(before, style="red")
        line.append(" → ")
        line.append(after, style="green")
    elif before or after:
        line.append(before or after, style="red" if before else "green")
        line.append(f" (saknas i {'B' if before else 'A'})", style="dim")
    else:
        line.append(NO_ANSWER)
    return line


def _rating_style(rating: Rating) -> str:
    change = rating.change
    if change is None or change == 0:
        return ""
    return "green" if change > 0 else "red"


def _answer_heading(kind: str, label: str, unknown_to: tuple[str, ...]) -> RenderableType:
    heading = Text(f"{kind}: ", style="bold")
    heading.append(label)
    note = unknown_note(unknown_to)
    if note:
        heading.append(f" ({note})", style="dim")
    return _indent(heading, 2)


def _section_title(title: str) -> list[RenderableType]:
    return [Text(""), Text(title, style="bold underline")]


def comparison_renderable(comparison: Comparison) -> RenderableType:
    parts: list[RenderableType] = [Text("Jämförelse av två rapporter", style="bold")]
    parts += _side_lines(comparison.a) + _side_lines(comparison.b)
    note = set_note(comparison)
    if note:
        parts.append(Text(note, style="yellow"))
    if not comparison.differs:
        parts += [Text(""), Text(f"Inga skillnader ({comparison.compared} svar jämförda).")]
        return Group(*parts)
    if comparison.metadata:
        parts += _section_title("Uppgifter om uppdraget")
        for difference in comparison.metadata:
            parts.append(_indent(_metadata_line(difference.label, difference.before, difference.after), 2))
    if comparison.maps is not None:
        parts += _map_part(comparison.maps)
    for section in comparison.sections:
        if section.empty:
            continue
        parts += _section_title(section.title)
        for changed in section.changed:
            parts.append(_answer_heading("Ändrat", changed.label, changed.unknown_to))
            parts.append(_indent(diff_text(changed.diff), 4))
        for entry in [*section.only_a, *section.only_b]:
            parts.append(_answer_heading(f"Bara i {entry.side}", entry.label, entry.unknown_to))
            parts.append(_indent(Text(entry.text), 4))
    if any(r.differs for r in comparison.ratings):
        parts += _section_title("Betyg (A → B)")
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), pad_edge=False)
        table.add_column(no_wrap=True)
        table.add_column()
        table.add_column(no_wrap=True)
        for rating in comparison.ratings:
            table.add_row(
                rating.step_label, rating.label, Text(rating_change(rating), style=_rating_style(rating))
            )
        parts.append(_indent(table, 2))
    if comparison.items_added or comparison.items_dropped:
        parts += _section_title("Utvecklingsplan")
        for title, items, mark, style in (
            ("Nya moment i B", comparison.items_added, "+", "green"),
            ("Moment som bara finns i A", comparison.items_dropped, "−", "red"),
        ):
            if items:
                parts.append(_indent(Text(f"{title}:", style="bold"), 2))
                parts += [_plan_line(item, mark, style) for item in items]
    parts += [Text(""), Text(f"Oförändrade svar: {comparison.unchanged} av {comparison.compared} jämförda.")]
    return Group(*parts)


def _map_part(maps: MapComparison) -> list[RenderableType]:
    """The two process maps moment by moment (before the answers)."""
    from intervjufas.views.process_map.map_comparison import (
        STYLES,
        TITLE,
        by_phase,
        change_text,
        map_comparison_summary,
        mark,
    )

    parts = _section_title(f"{TITLE} (A → B)")
    for phase, changes in by_phase(maps):
        parts.append(_indent(Text(phase, style="bold"), 2))
        for change in changes:
            line = Text(f"{mark(change)} {change_text(change)}", style=STYLES.get(change.kind, ""))
            parts.append(_indent(line, 4))
    return [*parts, _indent(Text(map_comparison_summary(maps), style="dim"), 2)]


def _plan_line(item: PlanItem, mark: str, style: str) -> RenderableType:
    text = Text(f"{mark} ", style=style)
    text.append(f"{item.step_label} · {item.kind}: ", style="dim")
    text.append(item.moment)
    if item.why:
        text.append(f" – {item.why}")
    text.append(f" [{item_status(item)}]", style="dim")
    return _indent(text, 4)


def item_status(item: PlanItem) -> str:
    """An item's current status: its newest follow-up and its date, or "Planerad"."""
    from intervjufas.reading.plan.state import PLANNED

    return f"{item.latest.status} {item.latest.date}".strip() if item.latest else PLANNED


def comparison_plain_text(comparison: Comparison, width: int = 100) -> str:
    """The text form without colour, for a file."""
    from io import StringIO

    console = plain_console(StringIO(), width)
    console.print(comparison_renderable(comparison))
    text = console.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in text.split("\n"))


def show_comparison(console: Console, comparison: Comparison) -> None:
    """In a terminal with colour (when it has colour); otherwise as plain text."""
    if console.is_terminal:
        console.print(comparison_renderable(comparison))
    else:
        write_plain(console, comparison_plain_text(comparison, console.width))
