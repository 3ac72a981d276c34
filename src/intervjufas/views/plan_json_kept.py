"""``plan --json`` written from the pieces kept for an unchanged folder
(``reading/plan/plan_output.py``): the same bytes ``views/plan.py``'s ``write_plan_json`` writes
from the items, without making a single item, and without decoding or encoding the text.

Why: at 20,000 reports of which half hold open items (about 33,000 items, 18 MB of JSON) a warm
``plan --json`` spent most of its own time loading tens of thousands of strings, putting each
item's path into it and encoding the whole text for the output again.

What is kept, per report that holds items, is one piece: the places of its items in the output
and their text as ``write_plan_json`` writes it into UTF-8, already encoded, joined by a byte
0x01, with a NUL where the folder's part of the report's path goes (the folder may be named
another way than when the pieces were made; the report's own name is in the piece).  Neither
byte can be in JSON text as it is written: every control character is escaped.  The output is
made whole from the pieces (every place filled exactly once) before anything is written, and
written straight to the stream's bytes when it is a plain text stream in UTF-8.

Raise ``FORM_VERSION`` when what ``write_plan_json`` writes, or how it is kept here, changes.
"""

from __future__ import annotations

import codecs
import io
import itertools
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from intervjufas.reading.plan.plan_output import KeptOutput
    from intervjufas.reading.plan.state import OpenItem

FORM_VERSION = "4"
CHUNK = 2000  # items per write
_PATH = b"\0"  # where the folder's part of a report's path goes
_NEXT = b"\x01"  # between the items of one report


class JsonForm:
    """``plan --json``: one piece per report (see the module docstring)."""

    namespace = "planjson"
    version = FORM_VERSION

    def ordered(self, items: list[OpenItem]) -> list[OpenItem]:
        from intervjufas.views.plan import plan_order

        return plan_order(items)

    def kept_pieces(self, ordered: list[OpenItem]) -> list[tuple[str, Any]]:
        """(report name, [places of its items, their text]) per report, in the order of its first
        item; the text None when an item could not be written so."""
        places: dict[str, list[int]] = {}
        texts: dict[str, list[bytes | None]] = {}
        for place, item in enumerate(ordered):
            name = item.source.name
            places.setdefault(name, []).append(place)
            texts.setdefault(name, []).append(item_text(item))
        return [
            (name, [places[name], None if None in own else _NEXT.join(own)])  # type: ignore[arg-type]
            for name, own in texts.items()
        ]

    def report_piece(self, source: object, items: list[OpenItem]) -> None:
        return None


JSON_FORM = JsonForm()


def item_text(item: OpenItem) -> bytes | None:
    """The item's text as ``write_plan_json`` writes it into UTF-8, with a NUL where the folder's
    part of its report's path goes; None when it could not be written so (a value that is not
    plain, a lone surrogate)."""
    from intervjufas.views.json_escape import escaped_controls
    from intervjufas.views.plan import item_data, json_lines

    row = item_data(item)
    names = list(row)
    row["sokvag"] = item.source.name  # (its own name: the folder's part goes where the NUL is)
    try:
        lines = json_lines(row, ascii_only=False)
    except TypeError:
        return None
    cut = names.index("sokvag")
    name = lines[cut].split(": ", 1)[1]
    text = escaped_controls(
        "    {\n"
        + "".join(line + ",\n" for line in lines[:cut])
        + '      "sokvag": "\0'
        + name[1:]
        + "".join(",\n" + line for line in lines[cut + 1 :])
        + "\n    }"
    )
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return None


# -- writing --------------------------------------------------------------------------------------
def prepared_json(kept: KeptOutput, stream: Any, *, chosen: bool = False) -> Iterator[bytes] | None:
    """The bytes ``write_plan_json`` writes of the items into ``stream``, in a few large chunks
    (each made as it is written: every piece is checked before); None when the output is not in
    UTF-8, there are no items or a piece is not of its shape.  ``chosen``: some reports were left
    out (``--kund``), so the places of the items need not be every place from the first."""
    from json.encoder import encode_basestring

    from intervjufas.views.json_escape import escaped_controls
    from intervjufas.views.json_vocabulary import FORMAT

    try:
        if codecs.lookup(getattr(stream, "encoding", None) or "utf-8").name != "utf-8":
            return None
    except LookupError:
        return None
    if not kept.pieces or type(FORMAT) is not int:
        return None
    folder = str(kept.folder / "_")[:-1]  # (how the folder begins each report's path, as ``/`` joins them)
    try:
        prefix = escaped_controls(encode_basestring(folder))[1:-1].encode("utf-8")
        texts = _in_order(kept.pieces, chosen)
    except (TypeError, ValueError, IndexError, KeyError, AttributeError, UnicodeEncodeError):
        return None  # (a piece of another shape, a folder whose name is not text)
    if texts is None:
        return None
    return _chunks(texts, prefix, FORMAT)


def _in_order(pieces: list[Any], chosen: bool) -> list[bytes] | None:
    """The items' texts in the output's order; None when a place is missing (unless ``chosen``)
    or taken twice, or a piece's texts are not as many as its places."""
    count = sum(len(places) for places, _ in pieces)
    if 1 + max(max(places) for places, _ in pieces) != count or min(min(places) for places, _ in pieces) < 0:
        return _sorted(pieces) if chosen else None  # (not every place from the first)
    slots: list[bytes | None] = [None] * count
    for places, text in pieces:
        parts = text.split(_NEXT) if type(text) is bytes else ()
        if len(parts) != len(places):
            return None
        for place, part in zip(places, parts, strict=True):
            if slots[place] is not None:
                return None
            slots[place] = part
    return slots  # type: ignore[return-value]  # (as many parts as places, none twice: all filled)


def _sorted(pieces: list[Any]) -> list[bytes] | None:
    """``_in_order`` of pieces that do not fill every place from the first."""
    placed: list[tuple[int, bytes]] = []
    for places, text in pieces:
        parts = text.split(_NEXT) if type(text) is bytes else ()
        if len(parts) != len(places):
            return None
        placed += zip(places, parts, strict=True)
    placed.sort(key=lambda pair: pair[0])
    order = [place for place, _ in placed]
    if order[0] < 0 or any(one >= after for one, after in itertools.pairwise(order)):
        return None
    return [part for _, part in placed]


def _chunks(texts: list[bytes], prefix: bytes, form: int) -> Iterator[bytes]:
    yield f'{{\n  "format": {form},\n  "oppna_moment": [\n'.encode()
    for start in range(0, len(texts), CHUNK):
        if start:
            yield b",\n"
        yield b",\n".join(texts[start : start + CHUNK]).replace(_PATH, prefix)
    yield b"\n  ]\n}\n"


def write_prepared(stream: Any, chunks: Iterator[bytes]) -> None:
    """Write ``prepared_json`` to ``stream``: straight to its bytes when it is a plain text stream
    that writes a line break as it is, else as text."""
    if isinstance(stream, io.TextIOWrapper) and os.linesep == "\n":
        stream.flush()
        for chunk in chunks:
            stream.buffer.write(chunk)
        stream.buffer.flush()
        return
    for chunk in chunks:
        stream.write(chunk.decode("utf-8"))
