"""``jamfor`` into a file or a pipe (text, Markdown or JSON on standard output), written from what
was kept of it for an unchanged folder (``folder/kept_output.py``): the same characters and exit
code as the general path, without reading a report.

A comparison belongs to the two reports compared: what the general path wrote is kept under the
later one and an entry with the exit code under the earlier one, so that ``rensa`` forgetting
either makes it unused.  Which reports are compared follows from the arguments as given, the
working folder (a path) and the folder's reports (the earlier report of the same customer; every
item's status): all of them are in the listing's digest, with the format, the width and encoding
of the output and the program's name.  Nothing is kept when a report compared lies outside the
folder; a file given with ``-o``, ``--av``, a terminal and colours always take the general path.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from intervjufas.folder.kept_output import Output, listing
from intervjufas.views.kept_text import Keeping, plain_console, text_chunks, write_chunks
from intervjufas.views.output import standard_output

if TYPE_CHECKING:
    from intervjufas.reading.comparison import Comparison
    from intervjufas.terminal import TerminalFacts

FORM_VERSION = "1"  # raise when what ``views/comparison_*.py`` write changes
NAMESPACE = "jamfor"


def keeping_for(
    facts: TerminalFacts, folder: Path, arguments: tuple[object, ...], chosen: str, program: str
) -> Keeping | None:
    """Where this comparison's output is kept; None when it is never written from kept pieces (a
    terminal, colours) or the folder cannot be looked at."""
    if facts.stdout_is_terminal:
        return None
    form: tuple[object, ...] = (chosen, getattr(standard_output(facts), "encoding", None))
    if chosen == "text":
        console = plain_console(facts)
        if console is None:
            return None
        form = (*form, console.width, console.encoding)
    try:
        working = os.getcwd()
    except OSError:
        return None
    place = listing(folder, "jamfor", FORM_VERSION, *form, *arguments, working, program, str(folder))
    return None if place is None else Keeping(place, NAMESPACE, FORM_VERSION)


def write_kept(facts: TerminalFacts, keeping: Keeping) -> bool | None:
    """Write the kept output; whether the reports differ, or None when there is none or it cannot
    be written so (nothing written then)."""
    kept = keeping.kept()
    chunks = None if kept is None else text_chunks(kept.pieces)
    if kept is None or chunks is None or len(kept.pieces) != 1 or len(kept.report_pieces) != 2:
        return None
    differs = kept.report_pieces.get(kept.reports[0])
    if type(differs) is not bool:
        return None
    write_chunks(standard_output(facts), chunks)
    return differs


def keep(keeping: Keeping, comparison: Comparison, written: str) -> None:
    """Keep what the general path ``written`` under the later report compared, and whether they
    differ under both; nothing when one of them lies outside the folder."""
    a, b = comparison.a.path, comparison.b.path
    if a.parent != keeping.place.folder or b.parent != keeping.place.folder or a.name == b.name:
        return
    output = Output([written], [b.name])
    output.extras[a.name] = output.extras[b.name] = comparison.differs
    keeping.keep(output)
