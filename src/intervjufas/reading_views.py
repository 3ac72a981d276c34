"""How the reading commands look: the report list, a report, a comparison, the open action plan
and the rating trends, as Rich output for the terminal, and as JSON or Markdown for files and
scripts.  Every function here only presents data that the core modules computed.

Everything reads without colour too (NO_COLOR, pipes): diffs are marked ``[-deleted-]`` and
``{+inserted+}`` as in git's word diff, steps and bars use characters, not only colour.
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
from rich.text import Span, Text

if TYPE_CHECKING:
    from intervjufas.action_plan import OpenItem
    from intervjufas.compare import Comparison, DiffLine, PlanItem, Rating, ReportSide
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


Segment = tuple[str, str]  # (text, style)
Cell = list[list[Segment]]  # paragraphs; a paragraph of one segment is wrapped, others are not


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


def fit_widths(
    natural: list[int], minimum: list[int], room: int, order: list[list[int]] | None = None
) -> list[int]:
    """Column widths that fit in ``room``: within each group of ``order`` (all columns by
    default), the widest column is narrowed first, never below its minimum; a later group is
    narrowed only when the earlier ones are at their minimum.  If even the minimums do not fit,
    the table is wider than the room and the terminal wraps it."""
    widths = [max(n, m) for n, m in zip(natural, minimum, strict=True)]
    excess = sum(widths) - room
    for group in order or [list(range(len(widths)))]:
        while excess > 0:
            shrinkable = [i for i in group if widths[i] > minimum[i]]
            if not shrinkable:
                break
            widest = max(widths[i] for i in shrinkable)
            for index in shrinkable:
                if widths[index] == widest and excess > 0:
                    widths[index] -= 1
                    excess -= 1
    return widths


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap; a word longer than the width is cut into pieces."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        while cell_len(word) > width:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:width])
            word = word[width:]
        if not current:
            current = word
        elif cell_len(current) + 1 + cell_len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    if current or not lines:
        lines.append(current)
    return lines


class Grid:
    """A plain table (columns separated by two spaces, a rule under the header) that is laid out
    here rather than by Rich's Table: the report list can have thousands of rows, and this is
    many times faster while looking the same."""

    def __init__(self, headers: list[str], widths: list[int], right: set[int] = frozenset()) -> None:
        self.headers = headers
        self.widths = widths
        self.right = right
        self.rows: list[list[Cell]] = []

    def add_row(self, cells: list[Cell]) -> None:
        self.rows.append(cells)

    def _lines(self, cell: Cell, width: int) -> list[list[Segment]]:
        if len(cell) == 1 and len(cell[0]) == 1 and cell_len(cell[0][0][0]) <= width:
            return [cell[0]]  # the common case: one short piece of text
        lines: list[list[Segment]] = []
        for paragraph in cell:
            if len(paragraph) == 1:
                text, style = paragraph[0]
                lines += [[(line, style)] for line in wrap(text, width)]
            else:
                lines.append(paragraph)
        return lines

    def _emit(self, out: list[str], spans: list[Span], offset: int, cells: list[list[list[Segment]]]) -> int:
        """Append the lines of one row to ``out`` (styles to ``spans``); return the new offset."""
        last = len(self.widths) - 1
        for index in range(max(len(lines) for lines in cells)):
            pieces: list[Segment] = []
            for column, lines in enumerate(cells):
                line = lines[index] if index < len(lines) else []
                used = cell_len(line[0][0]) if len(line) == 1 else sum(cell_len(part) for part, _ in line)
                pad = " " * (self.widths[column] - used)
                if column in self.right:
                    pieces.append((pad, ""))
                    pieces += line
                elif column != last:
                    pieces += line
                    pieces.append((pad, ""))
                else:
                    pieces += line
                if column != last:
                    pieces.append(("  ", ""))
            while pieces and not pieces[-1][0].strip():
                pieces.pop()
            for part, style in pieces:
                if style:
                    spans.append(Span(offset, offset + len(part), style))
                out.append(part)
                offset += len(part)
            out.append("\n")
            offset += 1
        return offset

    def _header(self) -> list[list[list[Segment]]]:
        header = [
            [[(line, "bold")] for part in title.split("\n") for line in wrap(part, width)]
            for title, width in zip(self.headers, self.widths, strict=True)
        ]
        height = max(len(lines) for lines in header)
        return [[[("", "")]] * (height - len(lines)) + lines for lines in header]  # bottom-aligned

    def _rule(self) -> str:
        return "─" * (sum(self.widths) + 2 * (len(self.widths) - 1)) + "\n"

    def render(self) -> Text:
        out: list[str] = []
        spans: list[Span] = []
        offset = self._emit(out, spans, 0, self._header())
        out.append(self._rule())
        offset += len(out[-1])
        for row in self.rows:
            lines = [self._lines(cell, width) for cell, width in zip(row, self.widths, strict=True)]
            offset = self._emit(out, spans, offset, lines)
        return Text("".join(out).rstrip("\n"), spans=spans, no_wrap=True, overflow="ignore")


def _longest(texts: Iterable[str], *, words: bool = False) -> int:
    pieces = (part for text in texts for part in (text.split() if words else [text]))
    return max((cell_len(piece) for piece in pieces), default=0)


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
    natural = [max(8, _longest(column)) for column in texts]
    words = [max(8, _longest(column, words=True)) for column in texts]
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


# -- jamfor: text -------------------------------------------------------------------------------


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
    return [_indent(name, 2), _indent(Text(details or NO_ANSWER, style="dim"), 5)]


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
    """'3 → 4 (+1)', '3 → –' when one side has no rating."""
    a = NO_ANSWER if rating.a is None else str(rating.a)
    b = NO_ANSWER if rating.b is None else str(rating.b)
    change = rating.change
    if change is None:
        return f"{a} → {b}"
    if change == 0:
        return f"{a} → {b} (±0)"
    return f"{a} → {b} ({'+' if change > 0 else '−'}{abs(change)})"


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
            line = Text(f"{difference.label}: ")
            line.append(difference.before or NO_ANSWER, style="red")
            line.append(" → ")
            line.append(difference.after or NO_ANSWER, style="green")
            parts.append(_indent(line, 2))
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


def _plan_line(item: PlanItem, mark: str, style: str) -> RenderableType:
    text = Text(f"{mark} ", style=style)
    text.append(f"{item.step_label} · {item.kind}: ", style="dim")
    text.append(item.moment)
    if item.why:
        text.append(f" – {item.why}")
    return _indent(text, 4)


def comparison_plain_text(comparison: Comparison, width: int = 100) -> str:
    """The text form without colour, for a file."""
    from io import StringIO

    console = Console(file=StringIO(), width=width, color_system=None, highlight=False, emoji=False)
    console.print(comparison_renderable(comparison))
    text = console.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in text.split("\n"))


def show_comparison(console: Console, comparison: Comparison) -> None:
    """In a terminal with colour (when it has colour); otherwise as plain text."""
    if console.is_terminal:
        console.print(comparison_renderable(comparison))
    else:
        console.file.write(comparison_plain_text(comparison, console.width))


# -- jamfor: Markdown ---------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_~\[\]<>|#])")


def md(text: str) -> str:
    """Text with Markdown's special characters escaped (for inline use)."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_quote(text: str) -> list[str]:
    return _md_block([md(line) for line in text.split("\n")])


_WORD_END = re.compile(r"\w+$")
_WORD_START = re.compile(r"^\w+")


def _widen(line: DiffLine) -> DiffLine:
    """Markdown's ``**`` and ``~~`` do not open or close next to a letter when the marked text
    starts or ends with punctuation (``word**, more**``).  Such a change is widened to the
    whole adjacent word: ``~~word~~**word, more**``."""
    parts = [list(part) for part in line]
    index = 0
    while index < len(parts):
        if parts[index][0] == "equal":
            index += 1
            continue
        end = index
        while end < len(parts) and parts[end][0] != "equal":
            end += 1
        run = parts[index:end]
        before = parts[index - 1] if index > 0 else None
        after = parts[end] if end < len(parts) else None
        word = _WORD_END.search(before[1]) if before else None
        if before and word and any(not text[0].isalnum() for _, text in run):
            before[1] = before[1][: word.start()]
            for part in run:
                part[1] = word.group() + part[1]
            for op in ("delete", "insert"):
                if all(part[0] != op for part in run):
                    run.insert(0 if op == "delete" else len(run), [op, word.group()])
        word = _WORD_START.search(after[1]) if after else None
        if after and word and any(not text[-1].isalnum() for _, text in run):
            after[1] = after[1][word.end() :]
            for part in run:
                part[1] = part[1] + word.group()
            for op in ("delete", "insert"):
                if all(part[0] != op for part in run):
                    run.insert(0 if op == "delete" else len(run), [op, word.group()])
        parts[index:end] = run
        index += len(run)
    return [(op, text) for op, text in parts if text]  # type: ignore[misc]


def _md_diff(lines: list[DiffLine]) -> list[str]:
    out = []
    for line in lines:
        pieces = []
        for op, part in _widen(line):
            if op == "delete":
                pieces.append(f"~~{md(part)}~~")
            elif op == "insert":
                pieces.append(f"**{md(part)}**")
            else:
                pieces.append(md(part))
        out.append("".join(pieces))
    return _md_block(out)


def _md_block(lines: list[str]) -> list[str]:
    """Lines as a block quote that keeps its line breaks (a backslash at the end of a line)."""
    quoted = []
    for number, line in enumerate(lines):
        if not line.strip():
            quoted.append(">")
            continue
        following = lines[number + 1] if number + 1 < len(lines) else ""
        quoted.append(f"> {line}\\" if following.strip() else f"> {line}")
    return quoted


def _md_side(side: ReportSide) -> str:
    details = ", ".join(md(part) for part in (side.datum, side.uppdrag, side.kund) if part)
    return f"- **{side.name}:** {details or NO_ANSWER} (`{side.path.name}`)"


def comparison_markdown(comparison: Comparison) -> str:
    lines = ["# Jämförelse av två rapporter", "", _md_side(comparison.a), _md_side(comparison.b), ""]
    note = set_note(comparison)
    if note:
        lines += [f"*{md(note)}*", ""]
    if not comparison.differs:
        lines += [f"Inga skillnader ({comparison.compared} svar jämförda).", ""]
        return "\n".join(lines)
    if comparison.metadata:
        lines += ["## Uppgifter om uppdraget", "", "| Uppgift | A | B |", "| --- | --- | --- |"]
        for difference in comparison.metadata:
            lines.append(
                f"| {md(difference.label)} | {md(difference.before) or NO_ANSWER} | {md(difference.after) or NO_ANSWER} |"
            )
        lines.append("")
    for section in comparison.sections:
        if section.empty:
            continue
        lines += [f"## {md(section.title)}", ""]
        for changed in section.changed:
            note = unknown_note(changed.unknown_to)
            lines += [f"### Ändrat: {md(changed.label)}", ""]
            if note:
                lines += [f"*Id:t {md(changed.question_id)} {note}.*", ""]
            lines += [*_md_diff(changed.diff), ""]
        for entry in [*section.only_a, *section.only_b]:
            note = unknown_note(entry.unknown_to)
            lines += [f"### Bara i {entry.side}: {md(entry.label)}", ""]
            if note:
                lines += [f"*Id:t {md(entry.question_id)} {note}.*", ""]
            lines += [*_md_quote(entry.text), ""]
    if any(r.differs for r in comparison.ratings):
        lines += [
            "## Betyg",
            "",
            "| Steg | Betyg för | A | B | Förändring |",
            "| --- | --- | --- | --- | --- |",
        ]
        for rating in comparison.ratings:
            a = NO_ANSWER if rating.a is None else str(rating.a)
            b = NO_ANSWER if rating.b is None else str(rating.b)
            change = rating.change
            shown = (
                NO_ANSWER if change is None else ("±0" if change == 0 else f"{change:+d}".replace("-", "−"))
            )
            lines.append(f"| {md(rating.step_label)} | {md(rating.label)} | {a} | {b} | {shown} |")
        lines.append("")
    if comparison.items_added or comparison.items_dropped:
        lines += ["## Utvecklingsplan", ""]
        for title, items in (
            ("Nya moment i B", comparison.items_added),
            ("Moment som bara finns i A", comparison.items_dropped),
        ):
            if items:
                lines += [f"### {title}", "", "| Steg | Typ | Moment | Varför |", "| --- | --- | --- | --- |"]
                for item in items:
                    lines.append(
                        f"| {md(item.step_label)} | {md(item.kind)} | {md(item.moment)} | {md(item.why)} |"
                    )
                lines.append("")
    lines += [f"*Oförändrade svar: {comparison.unchanged} av {comparison.compared} jämförda.*", ""]
    return "\n".join(lines)


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
