"""``lista`` and ``lista --json`` into a file or a pipe, written from what was kept of them for an
unchanged folder (``folder/kept_output.py``): the same characters as ``views/listing.py`` writes,
without reading a header or making a row.

What is kept is what the general path wrote, cut per report: the text's heading line (under the
first report) and one line per report; the JSON's opening (under the first report), each report's
object, and its end (under the last).  The text does not depend on the width (nothing is folded
into a file or a pipe), the JSON depends on the output's encoding (what it escapes): that, the
folder as it was named, ``--av`` and the program's name are in the listing's digest.  A terminal
or colours always take the general path.

It is kept by name (``kept_output.by_name``), every file with an entry holding the digest of its
header row (``reading.plan.kept_counts.row_digest``).  What ``lista`` writes depends on the folder's file
names and header rows alone (the open items of every report too), so after some files changed
(a ``git pull``, a sync) the changed files' headers are read again, and when each is the row it
was (a change to the body), the kept output is written and kept again under the new keys – no
other header is read and no row made.  Any other change takes the general path.

Each report's line of the text is kept as the bytes the output stream makes of it (its encoding
and error handler are in the digest; ``kept_output`` packs them); the JSON's objects stay lists of
shared strings (packed, 20,000 of them would take 20 MB instead of 11.5, and a cold run's save
would peak about 25 MiB higher) and are encoded as they are joined.  The kept output is written as
one ``bytes`` to the stream's buffer, and no console is made for the JSON unless there is a
warning to show.  A stream without a buffer,
or a system whose text streams translate newlines, gets the same bytes decoded.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from intervjufas.folder.kept_output import Output, scoped_listing
from intervjufas.views.kept_text import Keeping, plain_console

if TYPE_CHECKING:
    from intervjufas.folder.kept_output import ByName, KeptOutput
    from intervjufas.reading.listing import Listing
    from intervjufas.terminal import TerminalFacts

FORM_VERSION = "3"  # raise when what ``views/listing.py`` writes into a file or a pipe changes
TEXT, JSON = "listatext", "listajson"


def keeping_for(facts: TerminalFacts, folder: Path, author: str, as_json: bool, program: str) -> Keeping | None:
    """Where this ``lista``'s output is kept; None when it is never written from kept pieces (a
    terminal, colours) or the folder cannot be listed."""
    if facts.stdout_is_terminal:
        return None
    if as_json:
        parts: tuple[object, ...] = ("json", *_coding(sys.stdout))
    elif plain_console(facts) is None:
        return None
    else:
        parts = ("text", *_coding(sys.stdout))
    place, scope = scoped_listing(folder, "lista", FORM_VERSION, program, author.strip(), str(folder), *parts)
    return None if place is None else Keeping(place, JSON if as_json else TEXT, FORM_VERSION, scope)


def write_kept(facts: TerminalFacts, keeping: Keeping, author: str) -> bool:
    """Write the kept output (warnings first, as the general path does) – after some files
    changed, when each changed file's header row is the one it had, and then keep it under the
    files' new keys; False when there is none or it cannot be written so (nothing written then)."""
    found = keeping.by_name()
    kept = None if found is None else found.decoded(keeping.place)  # (a file added: None)
    if found is None or kept is None or (found.changed and not _same_rows(keeping, found)):
        return False
    if not _write(facts, keeping, kept, author):
        return False
    if found.changed:
        keeping.rekeep(found)
    return True


def _same_rows(keeping: Keeping, found: ByName) -> bool:
    """Whether every changed file had a header row, and has the same one now."""
    from intervjufas.reading.listing import same_headers

    digests = {}
    for number in found.changed:
        digest = found.extra(number)
        if type(digest) is not bytes:
            return False
        digests[keeping.place.names[number]] = digest
    return same_headers(keeping.place.folder, digests)


def _write(facts: TerminalFacts, keeping: Keeping, kept: KeptOutput, author: str) -> bool:
    from intervjufas.views.console import make_console, show_warnings

    stream = sys.stdout  # (what ``standard_output`` and the console write to, off a terminal)
    encoding, errors = _coding(stream)
    data = joined(kept.pieces, packer(encoding, errors))
    buffer: Any = getattr(stream, "buffer", None) if os.linesep == "\n" else None
    try:  # (a stream without a buffer, or one that translates newlines, gets the same text)
        text = None if data is None or buffer is not None else data.decode(encoding, errors)
    except (UnicodeError, LookupError):
        return False
    if data is None:
        return False
    if kept.warnings:
        show_warnings(make_console(facts, stderr=True), kept.warnings)
    if text is None:
        stream.flush()  # (what the stream holds goes first)
        buffer.write(data)
    else:
        stream.write(text)
    if keeping.namespace == TEXT:
        from intervjufas.views.listing_footer import show_count

        show_count(make_console(facts), len(kept.pieces) - 1, author.strip(), keeping.place.folder)
    return True


def _coding(stream: Any) -> tuple[str, str]:
    """The encoding and error handler of ``stream`` (what the bytes of its text depend on)."""
    return str(getattr(stream, "encoding", None) or "utf-8"), str(getattr(stream, "errors", None) or "strict")


def packer(encoding: str, errors: str) -> Callable[[Any], bytes | None]:
    """A kept piece – a text, or a list of texts to be joined – as the bytes a stream with this
    encoding and error handler writes of it; None for anything else, or a text it cannot encode."""

    def pack(piece: Any) -> bytes | None:
        kind = type(piece)
        if kind is not str and kind is not list:
            return None
        try:
            return str(piece if kind is str else "".join(piece)).encode(encoding, errors)
        except (UnicodeError, LookupError, TypeError):  # (TypeError: a part that is not a str)
            return None

    return pack


def joined(pieces: Sequence[Any], pack: Callable[[Any], bytes | None]) -> bytes | None:
    """The kept pieces – packed bytes (or a view of them), or pieces ``pack`` packs – as one bytes;
    None when one of them is neither (or there are none)."""
    parts = []
    for piece in pieces:
        kind = type(piece)
        if kind is not memoryview and kind is not bytes:
            piece = pack(piece)
            if piece is None:
                return None
        parts.append(piece)
    return b"".join(parts) if parts else None


def output_of(found: Listing, written: str | list[str | list[str]] | None) -> Output | None:
    """What the general path ``written`` of ``found`` (``show_listing``'s text, or the pieces of
    ``write_listing_json``), cut per report, to be kept; None when it wrote something else."""
    names = [row.file_name for row in found.reports]
    if written is None or not names:
        return None
    pieces: list[str | list[str]]
    if isinstance(written, str):
        pieces = list(written.splitlines(keepends=True))
        if len(pieces) != len(names) + 1 or written.count("\n") != len(pieces):
            return None  # (a line broken inside)
        owners = [names[0], *names]
    else:
        if len(written) != len(names) + 2:
            return None
        pieces, owners = written, [names[0], *names, names[-1]]
    # (the text packed; the JSON's pieces share their recurring strings, which packing would copy:
    # 11.5 MB kept instead of 20 MB, and a cold run's peak about 25 MiB lower)
    text = isinstance(written, str)
    output = Output(list(pieces), owners, packer=packer(*_coding(sys.stdout)) if text else None)
    output.warn_all(found.warnings)
    output.extras.update(found.row_digests)
    return output
