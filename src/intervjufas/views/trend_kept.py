"""``trend`` (and ``trend --json``) into a file or a pipe, written from what was kept of it for an
unchanged folder (``folder/kept_output.py``): the same characters as ``views/trend.py`` writes,
without reading a header or a rating.

A trend belongs to no single report: what the general path wrote (``kept_text.Recorder``) is kept
whole under the folder's first file, and an empty entry is kept for every other file, so that
``rensa`` forgetting any report of the folder (whose ratings the trend holds) makes it unused –
the trend is then computed again.  It depends on the output's width and encoding (the tables, and
what they are drawn with), ``--kund``, ``--per``, the minimum count of answers, the program's name,
the folder as named and the answers files kept beside the reports: all of them are in the
listing's digest.  ``--av``, a terminal and colours always take the general path.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from intervjufas.folder.beside_reports import files_beside
from intervjufas.folder.kept_output import Output, listing
from intervjufas.views.console import make_console, show_warnings
from intervjufas.views.kept_text import Keeping, plain_console, text_chunks, write_chunks
from intervjufas.views.output import standard_output

if TYPE_CHECKING:
    from intervjufas.terminal import TerminalFacts

FORM_VERSION = "1"  # raise when what ``views/trend.py`` or ``trend_data`` writes changes
TEXT, JSON = "trendtext", "trendjson"


def keeping_for(
    facts: TerminalFacts, folder: Path, options: tuple[object, ...], *, as_json: bool, program: str
) -> Keeping | None:
    """Where this ``trend``'s output is kept (``options``: everything else the trend depends on);
    None when it is never written from kept pieces or the folder cannot be looked at."""
    if facts.stdout_is_terminal:
        return None
    if as_json:
        form: tuple[object, ...] = ("json", getattr(standard_output(facts), "encoding", None))
    else:
        console = plain_console(facts)
        if console is None:
            return None
        form = ("text", console.width, console.encoding)
    beside = files_beside(folder)
    if beside is None:
        return None
    place = listing(folder, "trend", FORM_VERSION, *form, *options, program, str(folder), beside)
    return None if place is None else Keeping(place, JSON if as_json else TEXT, FORM_VERSION)


def write_kept(facts: TerminalFacts, keeping: Keeping) -> bool:
    """Write the kept output (warnings first, as the general path does); False when there is none
    or it cannot be written so (nothing written then)."""
    kept = keeping.kept()
    chunks = None if kept is None else text_chunks(kept.pieces)
    if kept is None or chunks is None or len(kept.pieces) != 1:
        return False
    show_warnings(make_console(facts, stderr=True), kept.warnings)
    write_chunks(standard_output(facts) if keeping.namespace == JSON else make_console(facts).file, chunks)
    return True


def keep(keeping: Keeping, written: str, warnings: list[str]) -> None:
    """Keep what the general path ``written`` (and its ``warnings``) under the folder's first file,
    with an entry for every other file."""
    names = keeping.place.names
    if not names:
        return
    output = Output([written], [names[0]])
    output.warn_all(warnings)
    keeping.keep(output, every_file=True)
