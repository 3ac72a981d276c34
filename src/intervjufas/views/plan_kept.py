"""``plan`` into a file or a pipe, and ``plan --json``, written from the pieces kept for an
unchanged folder (``reading/plan/plan_output.py``): the same characters as ``views/plan.py``
writes from the items, without making a single item.

What is kept is made here, by the same functions ``views/plan.py`` uses, and in the order of its
table (``TEXT_FORM``, ``JSON_FORM``):

- the text: per item its stacked lines unwrapped, as one block made visible (``write_plain``),
  with the narrowest width at which no line of it is wrapped; per report the cells of its name and
  of its widest step label.  At a width from there on the block is written as it is; a narrower
  one wraps the item's lines as ``views/plan.py`` does; where the table would fit, nothing is
  written from the pieces;
- the JSON: per item its text as ``write_plan_json`` writes it, with a NUL where the report's path
  goes (the folder may be named another way than when the pieces were made), for UTF-8 output.

``prepared_text``/``prepared_json`` check every piece before anything is written and give None
when the pieces cannot be written so (then ``plan`` makes the items as usual).  Raise
``FORM_VERSION`` when what either writes changes.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len

from intervjufas.model.safe_text import visible
from intervjufas.views.plan import (
    item_data,
    json_lines,
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


class JsonForm:
    """``plan --json``."""

    namespace = "planjson"
    version = FORM_VERSION

    def ordered(self, items: list[OpenItem]) -> list[OpenItem]:
        return plan_order(items)

    def item_piece(self, item: OpenItem) -> str | None:
        """The item's text as ``write_plan_json`` writes it into UTF-8, with a NUL character where
        its report's path goes (a NUL is never written raw in JSON); None when it could not be
        written so (a value that is not plain, a lone surrogate)."""
        from intervjufas.views.json_output import escaped_controls

        row = item_data(item)
        names = list(row)
        try:
            lines = json_lines(row, ascii_only=False)
        except TypeError:
            return None
        cut = names.index("sokvag")
        text = escaped_controls(
            "    {\n"
            + "".join(line + ",\n" for line in lines[:cut])
            + '      "sokvag": \0'
            + "".join(",\n" + line for line in lines[cut + 1 :])
            + "\n    }"
        )
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return None
        return text

    def report_piece(self, source: Path, items: list[OpenItem]) -> None:
        return None


TEXT_FORM = TextForm()
JSON_FORM = JsonForm()


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


def prepared_json(kept: KeptOutput, stream: Any) -> Iterator[str] | None:
    """The text ``write_plan_json`` writes of the items into ``stream``, in a few large pieces
    (each made as it is written); None when the output is not in UTF-8, there are no items or a
    piece is not of its shape."""
    from json.encoder import encode_basestring

    from intervjufas.views.json_output import escaped_controls
    from intervjufas.views.json_vocabulary import FORMAT

    try:
        if codecs.lookup(getattr(stream, "encoding", None) or "utf-8").name != "utf-8":
            return None
    except LookupError:
        return None
    if not kept.pieces or type(FORMAT) is not int or set(map(type, kept.pieces)) != {str}:
        return None
    folder = str(kept.folder / "_")[:-1]  # (how the folder begins each report's path, as ``/`` joins them)
    paths = {}
    for number in set(kept.reports):
        path = escaped_controls(encode_basestring(folder + kept.names[number]))
        try:
            path.encode("utf-8")
        except UnicodeEncodeError:
            return None
        paths[number] = path
    return _json_chunks(kept, paths, FORMAT)


def _json_chunks(kept: KeptOutput, paths: dict[int, str], form: int) -> Iterator[str]:
    yield f'{{\n  "format": {form},\n  "oppna_moment": [\n'
    pieces, reports = kept.pieces, kept.reports
    for start in range(0, len(pieces), CHUNK):
        end = start + CHUNK
        yield ("" if start == 0 else ",\n") + ",\n".join(
            [
                piece.replace("\0", paths[number], 1)
                for piece, number in zip(pieces[start:end], reports[start:end], strict=True)
            ]
        )
    yield "\n  ]\n}\n"
