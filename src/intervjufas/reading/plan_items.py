"""The open items of every action plan in a reports folder (``plan``), found from the front matter.

Why: a folder of 20,000 reports may hold a handful of open items, and reading every report in full
to find them took over a minute.  Each header lists the identities of its report's planned items
(``atgarder``) and the status of every item the report followed up (``uppfoljning``), so the
newest status of every item is known from the headers alone – the newest report wins, by date,
then time of creation, then file name, exactly as when every report is read.  Only the reports
that still have an open item, and those that followed one of these items up (for the item's
history and the comment of its latest follow-up), are read in full.  A format 1 header gives only
the number of items, so such a report is read in full whenever it has items that may be open.
The result is the same as ``open_items`` over every report of the folder.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from intervjufas.errors import IntervjufasError
from intervjufas.reading.folder import read_headers
from intervjufas.reading.folder_header import FolderHeader, status_of
from intervjufas.reading.header_index import Progress, sort_key
from intervjufas.reports.action_plan import OpenItem, follow_up_histories, open_items
from intervjufas.reports.model import CLOSED_STATUSES, planned_items

if TYPE_CHECKING:
    from intervjufas.reports.loading import LoadedReport


def folder_plan(
    folder: Path, *, program: str = "intervjufas", progress: Progress | None = None
) -> tuple[list[OpenItem], list[str]]:
    """Every open item of the folder's action plans, newest report first, and one warning per file
    that cannot be read."""
    headers, warnings = read_headers(folder, program=program, progress=progress)
    newest_first = sorted(headers, key=lambda entry: sort_key(*entry), reverse=True)
    statuses = newest_statuses(newest_first)
    closed = {key for key, status in statuses.items() if status in CLOSED_STATUSES}
    loaded: dict[Path, LoadedReport] = {}
    _load((path for path, header in newest_first if _may_be_open(header, closed)), loaded, warnings)
    still_open = {
        planned.identity
        for report in loaded.values()
        if report.questionnaire is not None
        for planned in planned_items(report.report, report.questionnaire)
        if planned.identity not in closed
    }
    followers = (
        path
        for path, header in newest_first
        if any(key in still_open for key, _ in header.follow_ups()) and path not in loaded
    )
    _load(followers, loaded, warnings)
    reports = sorted(loaded.values(), key=lambda report: report.sort_key, reverse=True)
    return open_items(reports, statuses=statuses, histories=follow_up_histories(reports)), warnings


def newest_statuses(newest_first: list[tuple[Path, FolderHeader]]) -> dict[str, str]:
    """The newest follow-up status of every followed-up item (by identity), from the headers of
    the reports newest first (within one report, the first follow-up of an item counts)."""
    statuses: dict[str, str] = {}
    for _, header in newest_first:
        for key, status in header.follow_ups():  # (by identity)
            if status is not None and key not in statuses:
                statuses[key] = str(status)
    return statuses


def statuses_by_created(headers: Iterable[FolderHeader]) -> dict[str, str]:
    """``action_plan.statuses_from_headers`` of folder headers (the newest by ``skapad`` wins),
    without building a mapping per header."""
    stamps: dict[str, str] = {}
    newest: dict[str, Any] = {}
    for header in headers:
        coded = header.coded_follow_ups()
        if not coded:
            continue
        stamp = header.created
        for key, kept in coded.items():  # (by identity)
            known = stamps.get(key)
            if known is None or stamp > known:
                stamps[key] = stamp
                newest[key] = kept
    return {key: str(status_of(kept)) for key, kept in newest.items()}


def open_counts(headers: list[FolderHeader], statuses: dict[str, str] | None = None) -> dict[str, int]:
    """``action_plan.open_count_from_headers`` of folder headers: open items per report id (the
    statuses by ``skapad`` are computed unless given)."""
    if statuses is None:
        statuses = statuses_by_created(headers)
    closed = {key for key, status in statuses.items() if status in CLOSED_STATUSES}
    owned: dict[str, int] = {}
    counts = {}
    for header in headers:
        report_id = header.report_id
        listed = header.planned
        if isinstance(listed, list):
            counts[report_id] = sum(1 for item in listed if str(item) not in closed)
            continue
        if not owned and closed:  # (format 1: closed items are counted by the report they belong to)
            for key in closed:
                owner = key.split("/", 1)[0]
                owned[owner] = owned.get(owner, 0) + 1
        total = listed if isinstance(listed, int) else 0
        counts[report_id] = max(0, total - owned.get(report_id, 0))
    return counts


def _may_be_open(header: FolderHeader, closed: set[str]) -> bool:
    """Whether the report may have an item no follow-up has closed: one of the identities its
    header lists, or – in a format 1 header, which gives only their number – any item at all."""
    listed = header.planned
    if isinstance(listed, list):
        return any(str(item) not in closed for item in listed)
    if isinstance(listed, bool):
        return True
    return not isinstance(listed, int) or listed > 0


def _load(paths: Iterable[Path], loaded: dict[Path, LoadedReport], warnings: list[str]) -> None:
    from intervjufas.reports.loading import load_report

    for path in paths:
        try:
            loaded[path] = load_report(path, in_folder=True)
        except IntervjufasError as error:
            warnings.append(error.message)
