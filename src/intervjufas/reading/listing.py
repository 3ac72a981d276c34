"""The list of reports in a folder (``lista``), read from each file's front matter only.

Listing never parses a report's body and never loads a question set: the front matter carries
everything the list shows (metadata, step statuses, the number of action items and follow-up
statuses), which keeps ``lista`` fast with thousands of reports.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from intervjufas.folder.header_row import FolderHeader, header_digest
from intervjufas.folder.scan import Progress, forget_scan, read_headers
from intervjufas.model.safe_text import visible
from intervjufas.reading.plan.kept_counts import kept_open_counts, row_digest


@dataclass(frozen=True, slots=True, eq=False)
class ListedReport:
    """One row of the list.  A row is itself (equal only to itself): the rows of a listing are
    different reports, and ``row in rows`` stays cheap with tens of thousands of them."""

    path: Path
    report_id: str
    set_id: str
    datum: str
    uppdrag: str
    kund: str
    intervjuform: tuple[str, ...]
    steps: dict[str, str] = field(default_factory=dict)  # step id -> status, in the set's order
    open_items: int = 0
    created: str = ""
    author: str = ""  # who made the report ('forfattare'), when it says

    @property
    def file_name(self) -> str:
        return self.path.name

    @property
    def sort_key(self) -> tuple[str, str, str]:
        return (self.datum, self.created, self.path.name)


@dataclass(frozen=True)
class Listing:
    reports: list[ListedReport]
    warnings: list[str]  # "<file name>: <problem>"
    folder: Path
    author_filter: str = ""  # the name given with --av ("" when every report is listed)
    # file name -> ``row_digest`` of its header, for every file read with one (``digests=True``)
    row_digests: dict[str, bytes | None] = field(default_factory=dict)

    @property
    def authors(self) -> list[str]:
        """The different authors of the listed reports (those that name one), as first seen."""
        return list(dict.fromkeys(row.author for row in self.reports if row.author))


class _Rows:
    """Rows made from headers.  The same values recur from report to report (statuses, customers,
    dates, forms), so each is made visible-safe once and shared."""

    def __init__(self, open_counts: dict[str, int]) -> None:
        self.open_counts = open_counts
        self.texts: dict[str, str] = {}
        self.steps: dict[tuple[Any, ...], dict[str, str]] = {}
        self.forms: dict[tuple[Any, ...], tuple[str, ...]] = {}

    def text(self, value: Any) -> str:
        if type(value) is not str:
            return _text(value)
        known = self.texts.get(value)
        if known is None:
            known = self.texts[value] = _text(value)
        return known

    def row(self, path: Path, header: FolderHeader) -> ListedReport:
        created = header.created
        if not created.isprintable() or created != created.strip():
            created = _text(created)
        report_id = header.report_id
        text = self.text
        return ListedReport(
            path,
            report_id,
            header.set_id,
            text(header.fact("datum")) or created[:10],
            text(header.fact("uppdrag")),
            text(header.fact("kund")),
            self._forms(header.fact("intervjuform")),
            self._steps(header),
            self.open_counts.get(report_id, 0),
            created,
            text(header.author),
        )

    def _steps(self, header: FolderHeader) -> dict[str, str]:
        known = None
        try:
            key = header.steps_key()
            known = self.steps.get(key) if key is not None else None
        except TypeError:  # (a hand-edited status that is a list)
            key = None
        if known is None:
            steps = header.steps()
            known = {str(k): self.text(v) for k, v in steps.items()} if isinstance(steps, dict) else {}
            if key is not None:
                self.steps[key] = known
        return known

    def _forms(self, value: Any) -> tuple[str, ...]:
        try:
            key = tuple(value) if isinstance(value, list) else (value,)
            known = self.forms.get(key)
        except TypeError:
            return _forms(value)
        if known is None:
            known = self.forms[key] = _forms(value)
        return known


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(_text(v) for v in value)
    return visible(str(value)).strip()


def _forms(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(_text(v) for v in value if _text(v))
    text = _text(value)
    return tuple(part.strip() for part in text.split(",") if part.strip())


_FOLD = str.maketrans({"æ": "ae", "ø": "o", "ß": "ss", "đ": "d", "ł": "l", "ı": "i"})


def name_words(text: str) -> list[str]:
    """The words of a name as they are matched: lowercase, without accents ('Åsa Ørn' -> asa, orn)."""
    plain = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    return re.findall(r"\w+", plain)


def by_author(author: str, wanted: str) -> bool:
    """Whether a report's author matches the name given with ``--av``: every word given begins a
    word of the author's name, without regard to case or accents ('asa' and 'Åsa L' find 'Åsa
    Lind', 'anna' finds 'Anna-Karin Berg' but not 'Johanna')."""
    words = name_words(author)
    given = name_words(wanted)
    return bool(words) and bool(given) and all(any(w.startswith(g) for w in words) for g in given)


def list_reports(
    folder: Path,
    *,
    program: str = "intervjufas",
    author: str = "",
    progress: Progress | None = None,
    once: bool = False,
    digests: bool = False,
) -> Listing:
    """Every report of the folder, newest first (by metadata datum, then created), with one
    warning per file whose front matter cannot be read; with ``author``, only that author's.
    With ``once`` (a command that reads the folder once), the process forgets the headers as soon
    as the rows are made (``scan.forget_scan``); with ``digests``, the digest of every header
    read (``row_digest``) comes with the listing."""
    headers, warnings = read_headers(folder, program=program, progress=progress)
    found = {path.name: header_digest(header) for path, header in headers}  # (names are unique)
    maker = _Rows(kept_open_counts(folder, headers, list(found.values())))  # (kept while no header changes)
    rows = [maker.row(path, header) for path, header in headers]
    if not digests:
        found = {}
    del headers, maker  # (a big folder: keep only the rows)
    if once:
        forget_scan()
    if author.strip():
        rows = [row for row in rows if by_author(row.author, author)]
    rows.sort(key=lambda row: (row.datum, row.created, row.path.name), reverse=True)
    return Listing(rows, warnings, folder, author.strip(), found)


def same_headers(folder: Path, digests: dict[str, bytes]) -> bool:
    """Whether each named file's header row is still the one of the digest given (read anew)."""
    from intervjufas.folder.scan import read_rows

    base = os.path.join(os.fspath(folder), "")
    rows = read_rows([base + name for name in digests])
    return all(
        type(row) is list and row_digest(row) == digest for row, digest in zip(rows, digests.values(), strict=True)
    )
