"""How ``lista`` looks: a grid fitted to the terminal, one aligned line per report for pipes, and
JSON for scripts.  Everything reads without colour too: steps are marked with characters."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.console import Console

from intervjufas.model.questionnaire import STATUS_DONE, STATUS_STARTED
from intervjufas.model.safe_text import visible
from intervjufas.views.console import NO_ANSWER
from intervjufas.views.listing_footer import show_count
from intervjufas.views.text_layout import Cell, Grid, Segment, Stack, fit_widths, longest

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


def show_listing(console: Console, listing: Listing, program: str = "intervjufas") -> str | None:
    """Draw the list; into a file or a pipe its plain text, which is returned (for keeping it:
    ``views/listing_kept.py``; None when nothing or something else was written)."""
    by = f" av {listing.author_filter}" if listing.author_filter else ""
    if not listing.reports:
        if by:
            console.print(f"Det finns inga rapporter{by} i {listing.folder}.", markup=False, highlight=False)
            return None
        from intervjufas.views.copy_command import show_command

        lead = f"Det finns inga rapporter i {listing.folder} ännu. Börja en kartläggning med:"
        show_command(console, lead, f"{program} kartlagg")
        return None
    reports = listing.reports
    authors = len(listing.authors) > 1  # a shared folder: say who made each report
    text = None
    if not console.is_terminal:
        text = visible(_listing_lines(reports, authors=authors))
        console.file.write(text)  # (``write_plain``)
    else:
        console.print(_listing_grid(console.width, reports, authors=authors).render(), soft_wrap=True)
    show_count(console, len(reports), listing.author_filter, listing.folder)
    return text


def _memo(make: Callable[[Any], str]) -> Callable[[Any], str]:
    """``make`` once per different value (the same statuses and forms recur in every row)."""
    known: dict[Any, str] = {}

    def get(value: Any) -> str:
        text = known.get(value)
        if text is None:
            text = known[value] = make(value)
        return text

    return get


def _width(text: str) -> int:
    return len(text) if text.isascii() else cell_len(text)


def _listing_lines(reports: list[ListedReport], *, authors: bool = False) -> str:
    """The list for pipes and files: one line per report, columns aligned, nothing folded (easy to
    grep and cut, and fast for tens of thousands of reports)."""
    marks = _memo(lambda statuses: "".join(text for text, _ in step_marks({str(n): status for n, status in enumerate(statuses)})))
    forms = _memo(lambda value: short_forms(value) or NO_ANSWER)
    columns = [
        ["Datum", *(row.datum for row in reports)],
        ["Uppdrag", *(row.uppdrag or NO_ANSWER for row in reports)],
        ["Kund", *(row.kund or NO_ANSWER for row in reports)],
        ["Intervjuform", *(forms(row.intervjuform) for row in reports)],
        ["Steg klara", *(marks(tuple(row.steps.values())) for row in reports)],
        ["Öppna moment", *(str(row.open_items) for row in reports)],
        ["Fil", *(row.file_name for row in reports)],
    ]
    if authors:
        columns.insert(3, ["Författare", *(row.author or NO_ANSWER for row in reports)])
    count_column = len(columns) - 2
    aligned = []
    for index, column in enumerate(columns[:-1]):  # (the last column needs no padding)
        measured = {cell: _width(cell) for cell in set(column)}  # (values recur: each measured once)
        widths = [measured[cell] for cell in column]
        width = max(widths)
        pad = str.rjust if index == count_column else str.ljust
        aligned.append(
            [pad(cell, width + len(cell) - used) for cell, used in zip(column, widths, strict=True)]
        )
    aligned.append(columns[-1])
    return "\n".join("  ".join(cells).rstrip() for cells in zip(*aligned, strict=True)) + "\n"


def _listing_grid(width: int, reports: list[ListedReport], *, authors: bool = False) -> Grid | Stack:
    """The list for a terminal: one line per report with the file in a column when it all fits;
    else the file on a line of its own under each row, the other columns folded at word
    boundaries; and when even the longest words do not fit side by side, one block per report."""
    marks = max(5, *(sum(cell_len(t) for t, _ in step_marks(row.steps)) for row in reports))
    texts = [
        [row.uppdrag or NO_ANSWER for row in reports],
        [row.kund or NO_ANSWER for row in reports],
        [short_forms(row.intervjuform) or NO_ANSWER for row in reports],
    ]
    headings = [7, 4, 12]
    if authors:
        texts.insert(2, [row.author or NO_ANSWER for row in reports])
        headings.insert(2, 10)
    # Datum, Steg klara, Öppna moment, and the gaps between the columns
    fixed = 10 + marks + 6 + 2 * (len(texts) + 2)
    natural = [max(8, longest(column)) for column in texts]
    words = [
        max(heading, longest(column, words=True)) for heading, column in zip(headings, texts, strict=True)
    ]
    heads = _headers(authors)
    file_width = max(cell_len(row.file_name) for row in reports)
    if width - fixed - file_width - 2 >= sum(natural):
        widths = fit_widths(natural, words, width - fixed - file_width - 2)
        grid = Grid([*heads, "Fil"], [10, *widths, marks, 6, file_width], {len(heads) - 1})
        for row in reports:
            grid.add_row([*_listing_cells(row, authors), [[(row.file_name, "")]]])
        return grid
    if width - fixed >= sum(words):
        widths = fit_widths(natural, words, width - fixed, order=[list(range(1, len(texts))), [0]])
        grid = Grid(heads, [10, *widths, marks, 6], {len(heads) - 1})
        for row in reports:
            grid.add_row(_listing_cells(row, authors), below=(row.file_name, "dim"))
        return grid
    stack = Stack(width)
    for row in reports:
        details = [
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
        ]
        if authors:
            details.insert(1, [("Författare: ", "dim"), (row.author or NO_ANSWER, "")])
        stack.add([(row.datum, "bold"), ("  ", ""), (row.uppdrag or NO_ANSWER, "bold")], details)
    return stack


HEADERS = ["Datum", "Uppdrag", "Kund", "Intervjuform", "Steg\nklara", "Öppna\nmoment"]


def _headers(authors: bool) -> list[str]:
    return [*HEADERS[:3], "Författare", *HEADERS[3:]] if authors else HEADERS


def _listing_cells(row: ListedReport, authors: bool = False) -> list[Cell]:
    cells: list[Cell] = [
        [[(row.datum, "")]],
        [[(row.uppdrag or NO_ANSWER, "")]],
        [[(row.kund or NO_ANSWER, "")]],
        [[(short_forms(row.intervjuform) or NO_ANSWER, "")]],
        [step_marks(row.steps)],
        [[(str(row.open_items), "")]],
    ]
    if authors:
        cells.insert(3, [[(row.author or NO_ANSWER, "")]])
    return cells


def listing_data(listing: Listing) -> dict[str, object]:
    """The list for scripts (``lista --json``): one object per report, in the same order as the table."""
    from intervjufas.views.json_vocabulary import FORMAT

    return {"format": FORMAT, "rapporter": list(listing_items(listing))}


def write_listing_json(listing: Listing, stream: IO[str]) -> list[str | list[str]] | None:
    """``lista --json`` written report by report (the text of ``listing_data``; each object made
    from its recurring pieces: see ``views.listing_json``); the pieces written are returned, for
    keeping them (``views.listing_kept``)."""
    from intervjufas.views.listing_json import write_listing_json as write_fast

    return write_fast(listing, stream, listing_items)


def listing_items(listing: Listing) -> Iterator[dict[str, object]]:
    """The object of each report in ``lista --json``, made as it is written."""
    from intervjufas.views.json_vocabulary import STEP_STATUS_CODES, code

    for row in listing.reports:
        yield {
            "fil": row.file_name,
            "sokvag": str(row.path),
            "datum": row.datum,
            "uppdrag": row.uppdrag,
            "kund": row.kund,
            "forfattare": row.author,
            "uppsattning": row.set_id,
            "intervjuform": list(row.intervjuform),
            "stegen": [
                {"steg": number, "id": step_id, "status": code(status, STEP_STATUS_CODES), "status_text": status}
                for number, (step_id, status) in enumerate(row.steps.items(), start=1)
            ],
            "antal_oppna_moment": row.open_items,
        }
