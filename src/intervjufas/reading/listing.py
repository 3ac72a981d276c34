"""The list of reports in a folder (``lista``), read from each file's front matter only.

Listing never parses a report's body and never loads a question set: the front matter carries
everything the list shows (metadata, step statuses, the number of action items and follow-up
statuses), which keeps ``lista`` fast with thousands of reports.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from intervjufas.model.safe_text import visible
from intervjufas.reading.folder import read_headers
from intervjufas.reports.action_plan import open_count_from_headers


@dataclass(frozen=True)
class ListedReport:
    """One row of the list."""

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


def _row(path: Path, header: dict[str, Any], open_counts: dict[str, int]) -> ListedReport:
    metadata = header.get("metadata") or {}
    steps = header.get("steg")
    created = _text(header.get("skapad"))
    return ListedReport(
        path=path,
        report_id=header["id"],
        set_id=header["fragor"]["id"],
        datum=_text(metadata.get("datum")) or created[:10],
        uppdrag=_text(metadata.get("uppdrag")),
        kund=_text(metadata.get("kund")),
        intervjuform=_forms(metadata.get("intervjuform")),
        steps={str(k): _text(v) for k, v in steps.items()} if isinstance(steps, dict) else {},
        open_items=open_counts.get(header["id"], 0),
        created=created,
    )


def list_reports(folder: Path, *, program: str = "intervjufas") -> Listing:
    """Every report of the folder, newest first (by metadata datum, then created), with one
    warning per file whose front matter cannot be read."""
    headers, warnings = read_headers(folder, program=program)
    open_counts = open_count_from_headers([header for _, header in headers])
    rows = [_row(path, header, open_counts) for path, header in headers]
    rows.sort(key=lambda row: row.sort_key, reverse=True)
    return Listing(rows, warnings, folder)
