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
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from intervjufas.folder.kept_output import Output, scoped_listing
from intervjufas.views.console import show_warnings
from intervjufas.views.kept_text import Keeping, plain_console, text_chunks, write_chunks

if TYPE_CHECKING:
    from intervjufas.folder.kept_output import ByName, KeptOutput
    from intervjufas.reading.listing import Listing
    from intervjufas.terminal import TerminalFacts

FORM_VERSION = "2"  # raise when what ``views/listing.py`` writes into a file or a pipe changes
TEXT, JSON = "listatext", "listajson"


def keeping_for(facts: TerminalFacts, folder: Path, author: str, as_json: bool, program: str) -> Keeping | None:
    """Where this ``lista``'s output is kept; None when it is never written from kept pieces (a
    terminal, colours) or the folder cannot be listed."""
    if facts.stdout_is_terminal:
        return None
    if as_json:
        from intervjufas.views.output import standard_output

        parts: tuple[object, ...] = ("json", getattr(standard_output(facts), "encoding", None))
    elif plain_console(facts) is None:
        return None
    else:
        parts = ("text",)
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
    from intervjufas.views.console import make_console

    chunks = text_chunks(kept.pieces)
    if chunks is None:
        return False
    show_warnings(make_console(facts, stderr=True), kept.warnings)
    if keeping.namespace == JSON:
        from intervjufas.views.output import standard_output

        write_chunks(standard_output(facts), chunks)
        return True
    from intervjufas.views.listing_footer import show_count

    console = make_console(facts)
    write_chunks(console.file, chunks)
    show_count(console, len(kept.pieces) - 1, author.strip(), keeping.place.folder)
    return True


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
    output = Output(list(pieces), owners)
    output.warn_all(found.warnings)
    output.extras.update(found.row_digests)
    return output
