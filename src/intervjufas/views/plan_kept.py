"""``plan`` into a file or a pipe, and ``plan --json``, written from the pieces kept for an
unchanged folder (``reading/plan/plan_output.py``): the same characters as ``views/plan.py``
writes from the items, without making a single item.

What is kept is made here, by the same functions ``views/plan.py`` uses, and in the order of its
table (``TEXT_FORM``, ``JSON_FORM``):

- the text: per item its stacked lines unwrapped, as one block, with the narrowest width at which
  no line of it is wrapped and the cells of its step label; per report the cells of its name.  At
  a width from there on the block is written as it is; a narrower one wraps the item's lines as
  ``views/plan.py`` does; where the table would fit, nothing is written from the pieces;
- the JSON: per item its text as ``write_plan_json`` writes it, cut where the report's path goes
  (the folder may be named another way than when the pieces were made), for an output in UTF-8.

``prepared_text``/``prepared_json`` check every piece before anything is written and give None
when the pieces cannot be written so (then ``plan`` makes the items as usual).  Raise
``FORM_VERSION`` when what either writes changes.
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len

from intervjufas.views.console import write_plain
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

FORM_VERSION = "1"
CHUNK = 500  # items per write
_NEVER = 1 << 40  # the width of an item whose lines are always wrapped again


class TextForm:
    """The stacked plain text of ``plan`` into a file or a pipe."""

    namespace = "plantext"
    version = FORM_VERSION

    def ordered(self, items: list[OpenItem]) -> list[OpenItem]:
        return plan_order(items)

    def item_piece(self, item: OpenItem) -> list[Any]:
        """[unwrapped width, cells of the step label, block] and, when a line holds a line break
        (the block cannot be split into its lines again), the lines."""
        lines = stack_lines(item, item.source.name)
        widths = [unwrapped_width(line) for line in lines]
        need = _NEVER if None in widths else max(widths[0] or 0, *((width or 0) + 2 for width in widths[1:]))
        piece: list[Any] = [need, cell_len(item.step_label), "\n  ".join(lines) + "\n"]
        if any("\n" in line for line in lines):
            piece.append(list(lines))
        return piece

    def report_piece(self, source: Path) -> int:
        return cell_len(source.name)


class JsonForm:
    """``plan --json``."""

    namespace = "planjson"
    version = FORM_VERSION

    def ordered(self, items: list[OpenItem]) -> list[OpenItem]:
        return plan_order(items)

    def item_piece(self, item: OpenItem) -> list[str] | None:
        """[the item's text up to its path, the rest], as ``write_plan_json`` writes it into UTF-8;
        None when it could not be written so (a value that is not plain, a lone surrogate)."""
        from intervjufas.views.json_output import escaped_controls

        row = item_data(item)
        names = list(row)
        try:
            lines = json_lines(row, ascii_only=False)
        except TypeError:
            return None
        cut = names.index("sokvag")
        head = escaped_controls(
            "    {\n" + "".join(line + ",\n" for line in lines[:cut]) + '      "sokvag": '
        )
        tail = escaped_controls("".join(",\n" + line for line in lines[cut + 1 :]) + "\n    }")
        try:
            (head + tail).encode("utf-8")
        except UnicodeEncodeError:
            return None
        return [head, sys.intern(tail)]  # (a report's items share their tail: kept once)

    def report_piece(self, source: Path) -> None:
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


def prepared_text(console: Console, kept: KeptOutput) -> Iterator[str] | None:
    """The text of the items, a chunk per ``CHUNK`` items (each made as it is written), as
    ``show_plan`` writes it to this console; None when it does not write the stacked plain text
    (a terminal, colours, a width at which the table fits, no items) or a piece is not of its
    shape."""
    if console.is_terminal or console.color_system is not None or not kept.pieces:
        return None
    width = console.width
    steps = files = 0
    for piece in kept.pieces:
        if not (type(piece) is list and 3 <= len(piece) <= 4 and type(piece[0]) is type(piece[1]) is int):
            return None
        if type(piece[2]) is not str or (len(piece) == 4 and not _lines(piece[3])):
            return None
        steps = max(steps, piece[1])
    for number in set(kept.reports):
        cells = kept.report_pieces.get(number)
        if type(cells) is not int:
            return None
        files = max(files, cells)
    if table_fits(width, steps, files):
        return None
    return _text_chunks(kept.pieces, width)


def _text_chunks(pieces: list[Any], width: int) -> Iterator[str]:
    for start in range(0, len(pieces), CHUNK):
        yield "".join(
            [
                piece[2] if piece[0] <= width else _rewrapped(piece, width)
                for piece in pieces[start : start + CHUNK]
            ]
        )


def _lines(value: object) -> bool:
    return type(value) is list and len(value) == 4 and all(type(line) is str for line in value)


def _rewrapped(piece: list[Any], width: int) -> str:
    lines = piece[3] if len(piece) == 4 else piece[2][:-1].split("\n  ")
    return "\n".join(stacked(lines, width)) + "\n"


def write_text(console: Console, chunks: Iterable[str], count: int, program: str) -> None:
    """Write ``prepared_text`` and the count after it, as ``show_plan`` does."""
    for chunk in chunks:
        write_plain(console, chunk)
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
    if not kept.pieces or type(FORMAT) is not int:
        return None
    if not all(
        type(piece) is list and len(piece) == 2 and type(piece[0]) is type(piece[1]) is str
        for piece in kept.pieces
    ):
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
                head + paths[number] + tail
                for (head, tail), number in zip(pieces[start:end], reports[start:end], strict=True)
            ]
        )
    yield "\n  ]\n}\n"
