"""``granska`` of the whole reports folder into a file or a pipe, written from what was kept of it
for an unchanged folder (``folder/kept_output.py``): the same characters and exit code as the
general path, without a single file read or searched.

What is kept is what the general path wrote, cut per report: each finding's line (or its object in
the JSON) under the report it was found in, and the summary (and the JSON's opening and end) under
the folder's first file, with the exit code.  The output names the files as seen from the working
folder, counts the answers files and recovery files scanned with the reports, and follows the
detector's rules: the working folder, the folder as named, the names and keys of those other
files, the detector's rules (``model.personal_data_rules``), the program's name and the output's encoding are in the
listing's digest.  Nothing is kept when a finding lies outside the folder's reports (an answers
file, a recovery file) or a file could not be read; a terminal or colours always take the general
path.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path
from typing import TYPE_CHECKING

from intervjufas.folder.beside_reports import files_beside
from intervjufas.folder.kept_output import Output, listing
from intervjufas.views.kept_text import Keeping, plain_console, text_chunks, write_chunks

if TYPE_CHECKING:
    from intervjufas.reading.privacy_scan import ScanResult
    from intervjufas.terminal import TerminalFacts

FORM_VERSION = "1"  # raise when what ``views/privacy_scan.py`` writes changes
TEXT, JSON = "granskatext", "granskajson"
_JSON_HEAD, _JSON_FINDING, _JSON_TAIL = 5, 8, 2  # lines of ``scan_json``: its opening, a finding, its end


def keeping_for(facts: TerminalFacts, folder: Path, as_json: bool) -> Keeping | None:
    """Where this ``granska``'s output is kept; None when it is never written from kept pieces (a
    terminal, colours) or the folder and the files scanned beside it cannot be looked at."""
    from intervjufas.views.output import standard_output

    if facts.stdout_is_terminal or (not as_json and plain_console(facts) is None):
        return None
    beside = files_beside(folder, recovery=True)
    if beside is None:
        return None
    try:
        working = os.getcwd()
    except OSError:
        return None
    encoding = getattr(standard_output(facts), "encoding", None)
    from intervjufas.model.personal_data_rules import rules_digest

    rules = rules_digest()
    if rules is None:
        return None
    parts = (FORM_VERSION, as_json, encoding, working, str(folder), rules, beside)
    place = listing(folder, "granska", *parts)
    return None if place is None else Keeping(place, JSON if as_json else TEXT, FORM_VERSION)


def write_kept(facts: TerminalFacts, keeping: Keeping) -> int | None:
    """Write the kept output; its exit code, or None when there is none or it cannot be written so
    (nothing written then)."""
    kept = keeping.kept()
    chunks = None if kept is None else text_chunks(kept.pieces)
    code = None if kept is None else kept.report_pieces.get(0)
    if kept is None or chunks is None or type(code) is not int or kept.warnings:
        return None
    if keeping.namespace == JSON:
        from intervjufas.views.output import standard_output

        write_chunks(standard_output(facts), chunks)
    else:
        from intervjufas.views.console import make_console

        write_chunks(make_console(facts, soft_wrap=True).file, chunks)
    return code


def output_of(keeping: Keeping, result: ScanResult, written: str, code: int) -> Output | None:
    """What the general path ``written`` (every finding's line and the summary, or the JSON),
    cut per report, to be kept with the exit ``code``; None when it cannot be."""
    names = keeping.place.names
    owners = []
    for finding in result.findings:
        if finding.path.parent != keeping.place.folder:
            return None  # (an answers file, a recovery file: not the folder's own report)
        owners.append(finding.path.name)
    if result.warnings or not names:
        return None
    lines = written.split("\n")
    pieces: list[str] | None
    if keeping.namespace == TEXT:
        if len(lines) != len(owners) + 2 or lines[-1]:
            return None  # (a line broken inside)
        pieces = [line + "\n" for line in lines[:-1]]
        owners.append(names[0])
    elif not owners:
        pieces, owners = [written], [names[0]]
    else:
        pieces = _json_pieces(lines, len(owners))
        owners = [names[0], *owners, names[0]]
    if pieces is None or "".join(pieces) != written:
        return None
    output = Output(pieces, owners)
    output.extras[names[0]] = code
    return output


def _json_pieces(lines: list[str], count: int) -> list[str] | None:
    """The JSON's opening, each finding's object, its end – each with its line breaks."""
    if len(lines) != _JSON_HEAD + _JSON_FINDING * count + _JSON_TAIL + 1 or lines[-1]:
        return None
    cuts = [0, *range(_JSON_HEAD, _JSON_HEAD + _JSON_FINDING * count + 1, _JSON_FINDING), len(lines) - 1]
    return ["".join(line + "\n" for line in lines[start:end]) for start, end in itertools.pairwise(cuts)]
