"""How ``lista`` looks: a grid fitted to the terminal, one aligned line per report for pipes, and
JSON for scripts.  Everything reads without colour too: steps are marked with characters."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from intervjufas.model.questions import STATUS_DONE, STATUS_STARTED
from intervjufas.views.common import NO_ANSWER
from intervjufas.views.console import write_plain
from intervjufas.views.stacked import Stack
from intervjufas.views.text_grid import Cell, Grid, Segment, fit_widths, longest

if TYPE_CHECKING:
    from intervjufas.reading.listing import ListedReport, Listing


def step_marks(steps: dict[str, str]) -> list[Segment]:
    """'1 2 (3)': the numbers of the finished steps, a started step in brackets, '·' for not started."""
    segments: list[Segment] = []
    for number, status in enumerate(steps.values(), start=1):
        if number > 1:
            segments.append((" ", ""))
        if status == STATUS_DONE:
            segments.append((str(number), "green"))
        elif status == STATUS_STARTED:
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


def show_listing(console: Console, listing: Listing, program: str = "intervjufas") -> None:
    if not listing.reports:
        console.print(
            f"Det finns inga rapporter i {listing.folder} ännu. Börja en kartläggning med: {program} kartlagg",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
        return
    reports = listing.reports
    if not console.is_terminal:
        write_plain(console, _listing_lines(reports))
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


def _listing_grid(width: int, reports: list[ListedReport]) -> Grid | Stack:
    """The list for a terminal: one line per report with the file in a column when it all fits;
    else the file on a line of its own under each row, the other columns folded at word
    boundaries; and when even the longest words do not fit side by side, one block per report."""
    marks = max(5, *(sum(cell_len(t) for t, _ in step_marks(row.steps)) for row in reports))
    fixed = 10 + marks + 6 + 2 * 5  # Datum, Steg klara, Öppna moment, and the gaps between six columns
    texts = [
        [row.uppdrag or NO_ANSWER for row in reports],
        [row.kund or NO_ANSWER for row in reports],
        [short_forms(row.intervjuform) or NO_ANSWER for row in reports],
    ]
    natural = [max(8, longest(column)) for column in texts]
    words = [
        max(heading, longest(column, words=True)) for heading, column in zip((7, 4, 12), texts, strict=True)
    ]
    file_width = max(cell_len(row.file_name) for row in reports)
    if width - fixed - file_width - 2 >= sum(natural):
        widths = fit_widths(natural, words, width - fixed - file_width - 2)
        grid = Grid([*HEADERS, "Fil"], [10, *widths, marks, 6, file_width], {5})
        for row in reports:
            grid.add_row([*_listing_cells(row), [[(row.file_name, "")]]])
        return grid
    if width - fixed >= sum(words):
        widths = fit_widths(natural, words, width - fixed, order=[[1, 2], [0]])
        grid = Grid(HEADERS, [10, *widths, marks, 6], {5})
        for row in reports:
            grid.add_row(_listing_cells(row), below=(row.file_name, "dim"))
        return grid
    stack = Stack(width)
    for row in reports:
        stack.add(
            [(row.datum, "bold"), ("  ", ""), (row.uppdrag or NO_ANSWER, "bold")],
            [
                [
                    ("Kund: ", "dim"),
                    (row.kund or NO_ANSWER, ""),
                    (" · Intervjuform: ", "dim"),
                    (short_forms(row.intervjuform) or NO_ANSWER, ""),
                ],
                [
                    ("Öppna moment: ", "dim"),
                    (str(row.open_items), ""),
                    (" · Steg klara: ", "dim"),
                    *step_marks(row.steps),
                ],
                [(row.file_name, "dim")],
            ],
        )
    return stack


HEADERS = ["Datum", "Uppdrag", "Kund", "Intervjuform", "Steg\nklara", "Öppna\nmoment"]


def _listing_cells(row: ListedReport) -> list[Cell]:
    return [
        [[(row.datum, "")]],
        [[(row.uppdrag or NO_ANSWER, "")]],
        [[(row.kund or NO_ANSWER, "")]],
        [[(short_forms(row.intervjuform) or NO_ANSWER, "")]],
        [step_marks(row.steps)],
        [[(str(row.open_items), "")]],
    ]


def listing_data(listing: Listing) -> list[dict[str, object]]:
    """The list for scripts: one object per report, in the same order as the table."""
    return [
        {
            "datum": row.datum,
            "uppdrag": row.uppdrag,
            "kund": row.kund,
            "intervjuform": list(row.intervjuform),
            "steg": row.steps,
            "oppna_moment": row.open_items,
            "fil": row.file_name,
            "sokvag": str(row.path),
            "fragor": row.set_id,
        }
        for row in listing.reports
    ]
