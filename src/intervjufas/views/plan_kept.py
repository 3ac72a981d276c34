"""``plan`` into a file or a pipe, written from the pieces kept for an unchanged folder
(``reading/plan/plan_output.py``): the same characters as ``views/plan.py`` writes from the
items, without making a single item.  (``plan --json``: ``views/plan_json_kept.py``.)

What is kept is made here, by the same functions ``views/plan.py`` uses, and in the order of its
table (``TEXT_FORM``): per item its stacked lines unwrapped, as one block made visible
(``write_plain``), with the narrowest width at which no line of it is wrapped; per report the
cells of its name and of its widest step label.  At a width from there on the block is written as
it is; a narrower one wraps the item's lines as ``views/plan.py`` does; where the table would
fit, nothing is written from the pieces.

``prepared_text`` checks every piece before anything is written and gives None when the pieces
cannot be written so (then ``plan`` makes the items as usual).  Raise ``FORM_VERSION`` when what
it writes changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len

from intervjufas.model.safe_text import visible
from intervjufas.views.plan import (
    plan_order,
    show_count,
    stack_lines,
    stacked,
    table_fits,
    unwrapped_width,
)

if TYPE_CHECKING:
    from rich.console import Console

    from intervjufas.reading.plan.plan_output import KeptOutput
    from intervjufas.reading.plan.state import OpenItem

FORM_VERSION = "3"
CHUNK = 500  # items per write
_NEVER = 1 << 40  # the width of an item whose lines are always wrapped again


class TextForm:
    """The stacked plain text of ``plan`` into a file or a pipe."""

    namespace = "plantext"
    version = FORM_VERSION

    def ordered(self, items: list[OpenItem]) -> list[OpenItem]:
        return plan_order(items)

    def kept_pieces(self, ordered: list[OpenItem]) -> list[tuple[str, Any]]:
        """A piece per item (``item_piece``), with its report's name."""
        return [(item.source.name, self.item_piece(item)) for item in ordered]

    def item_piece(self, item: OpenItem) -> list[Any]:
        """[unwrapped width, block – its control characters already made visible, as
        ``write_plain`` makes them] and, when the block cannot be split into the lines as they are
        wrapped again (a line holds a line break or a control character), the lines."""
        lines = stack_lines(item, item.source.name)
        widths = [unwrapped_width(line) for line in lines]
        need = _NEVER if None in widths else max(widths[0] or 0, *((width or 0) + 2 for width in widths[1:]))
        block = "\n  ".join(lines) + "\n"
        piece: list[Any] = [need, visible(block)]
        if piece[1] != block or any("\n" in line for line in lines):
            piece.append(list(lines))
        return piece

    def report_piece(self, source: Path, items: list[OpenItem]) -> list[int]:
        """[cells of the report's name, of its items' widest step label] (whether the table fits)."""
        return [cell_len(source.name), max(cell_len(item.step_label) for item in items)]


TEXT_FORM = TextForm()


# -- writing --------------------------------------------------------------------------------------
def writes_stacked_text(console: Console, items: list[OpenItem]) -> bool:
    """Whether ``show_plan`` writes these items to this console as the stacked plain text (the only
    text ``TEXT_FORM``'s pieces are written as: worth keeping only then)."""
    return (
        bool(items)
        and not (console.is_terminal or console.color_system is not None)
        and not table_fits(
            console.width,
            max(cell_len(label) for label in {item.step_label for item in items}),
            max(cell_len(source.name) for source in {item.source for item in items}),
        )
    )


def prepared_text(console: Console, kept: KeptOutput) -> list[str] | None:
    """The text of the items, a chunk per ``CHUNK`` items, as ``show_plan`` writes it to this
    console; None when it does not write the stacked plain text (a terminal, colours, a width at
    which the table fits, no items) or a piece is not of its shape.  (Made whole before anything is
    written, in one pass over the pieces: each one checked is one more pass over tens of thousands
    of objects spread over the memory.)"""
    if console.is_terminal or console.color_system is not None or not kept.pieces:
        return None
    width = console.width
    steps = files = 0
    for number in set(kept.reports):
        cells = kept.report_pieces.get(number)
        if not (type(cells) is list and len(cells) == 2 and type(cells[0]) is type(cells[1]) is int):
            return None
        files, steps = max(files, cells[0]), max(steps, cells[1])
    if table_fits(width, steps, files):
        return None
    pieces = kept.pieces
    try:
        blocks = [piece[1] if piece[0] <= width else _rewrapped(piece, width) for piece in pieces]
        return ["".join(blocks[start : start + CHUNK]) for start in range(0, len(blocks), CHUNK)]
    except (TypeError, ValueError, IndexError, KeyError, AttributeError):
        return None  # (a piece of another shape: a block not text, a width not a number, …)


def _rewrapped(piece: list[Any], width: int) -> str:
    """The block of a piece narrower than its lines, wrapped as ``views/plan.py`` wraps them."""
    lines = piece[2] if len(piece) == 3 else piece[1][:-1].split("\n  ")
    if type(lines) is not list or len(lines) != 4 or not all(type(line) is str for line in lines):
        raise TypeError("lines")
    return visible("\n".join(stacked(lines, width)) + "\n")


def write_text(console: Console, chunks: Iterable[str], count: int, program: str) -> None:
    """Write ``prepared_text`` and the count after it, as ``show_plan`` does (``write_plain``
    without its pass over the text: every block was made visible when it was kept, and every
    block wrapped again as it is made)."""
    for chunk in chunks:
        console.file.write(chunk)
    show_count(console, count, program)
