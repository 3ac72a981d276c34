"""The state of the action plans across reports: which planned items are still open, the newest
follow-up status of each, and their follow-up history.

An item is known by its identity (see ``report.plan.identity``): an item carried from one report
to the next is the same item, so it is listed once, with every follow-up of it, newest first.
Statuses and counts are computed from reports read in full, from front matter (``…_from_headers``)
and from the compact folder headers (``newest_statuses``, ``statuses_by_created``,
``open_counts``); those twins agree (tests compare them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from intervjufas.model.answers import ActionItem
from intervjufas.report.model import CLOSED_STATUSES
from intervjufas.report.plan import identity, planned_items

if TYPE_CHECKING:  # not imported at run time: `lista` and a session need this module without them
    from intervjufas.folder.header_row import FolderHeader
    from intervjufas.folder.loading import LoadedReport


@dataclass(frozen=True)
class FollowUpEntry:
    """One follow-up of an item: when (the following report's date), the status, the comment."""

    date: str
    status: str
    comment: str = ""


@dataclass(frozen=True)
class OpenItem:
    """An action item from an earlier report that is not yet done or dropped."""

    key: str
    moment: str
    why: str
    step_number: int
    step_label: str
    step_title: str
    kind: str
    source: Path
    source_date: str
    last_status: str | None = None  # the newest follow-up status, if any (Delvis, Inte än)
    last_comment: str = ""
    plan: str = ""  # lagga_till, utveckla or ta_bort
    phase: str | None = None  # the phase of the process map it plans for
    item: ActionItem | None = None
    history: tuple[FollowUpEntry, ...] = field(default=())  # every follow-up so far, newest first

    @property
    def label(self) -> str:
        """The heading of this item in a follow-up section."""
        return f"{self.moment} ({self.step_label} · {self.kind.lower()} · {self.source_date})"

    @property
    def identity(self) -> str:
        return identity(self.key)


def open_items(
    reports: list[LoadedReport],
    *,
    exclude_id: str | None = None,
    statuses: Mapping[str, str] | None = None,
    histories: Mapping[str, tuple[FollowUpEntry, ...]] | None = None,
) -> list[OpenItem]:
    """Every planned item of the reports that no follow-up has closed, newest report first, each
    item once.

    The follow-ups are read from the reports themselves, or taken from ``statuses`` (item identity
    → newest status, e.g. from the front matter of every report) when only some reports are loaded;
    ``histories`` then gives the items' follow-ups (see ``follow_up_histories``), if known."""
    history = histories if histories is not None else {}
    if histories is None and statuses is None:
        history = follow_up_histories(reports)
    items: list[OpenItem] = []
    seen: set[str] = set()
    for loaded in sorted(reports, key=lambda r: r.sort_key, reverse=True):
        if loaded.questionnaire is None or loaded.report.report_id == exclude_id:
            continue
        for planned in planned_items(loaded.report, loaded.questionnaire):
            if planned.identity in seen:
                continue
            seen.add(planned.identity)
            done = history.get(planned.identity, ())
            status = (
                statuses.get(planned.identity) if statuses is not None else (done[0].status if done else None)
            )
            if status in CLOSED_STATUSES:
                continue
            items.append(_open_item(loaded, planned, status, done))
    return items


def _open_item(
    loaded: LoadedReport, planned: Any, status: str | None, done: tuple[FollowUpEntry, ...]
) -> OpenItem:
    return OpenItem(
        key=planned.key,
        moment=planned.item.moment,
        why=planned.item.why,
        step_number=planned.step.number,
        step_label=planned.step.label,
        step_title=planned.step.title,
        kind=planned.kind_label,
        source=loaded.path,
        source_date=loaded.report.date,
        last_status=status,
        last_comment=done[0].comment if done else "",
        plan=planned.question.plan or "",
        phase=planned.phase,
        item=planned.item,
        history=done,
    )


def follow_up_histories(reports: list[LoadedReport]) -> dict[str, tuple[FollowUpEntry, ...]]:
    """Every item's follow-ups in the reports (by identity), newest first."""
    found: dict[str, list[tuple[tuple[str, str, str], FollowUpEntry]]] = {}
    for loaded in reports:
        for follow_up in loaded.report.follow_ups:
            if follow_up.status is None:
                continue
            entry = FollowUpEntry(loaded.report.date, follow_up.status, follow_up.answer.comment)
            found.setdefault(identity(follow_up.key), []).append((loaded.sort_key, entry))
    return {
        key: tuple(e for _, e in sorted(entries, key=lambda pair: pair[0], reverse=True))
        for key, entries in found.items()
    }


def grouped_by_step(items: list[OpenItem]) -> list[tuple[str, list[OpenItem]]]:
    """Items grouped by step (in step order), each group newest first."""
    groups: dict[tuple[int, str], list[OpenItem]] = {}
    for item in items:
        groups.setdefault((item.step_number, f"{item.step_label}: {item.step_title}"), []).append(item)
    return [(title, group) for (_, title), group in sorted(groups.items())]


def statuses_from_headers(headers: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """The newest follow-up status of every followed-up item (by identity), from front matter only."""
    stamps: dict[str, tuple[str, str]] = {}
    for header in headers:
        follow = header.get("uppfoljning")
        if not isinstance(follow, dict):
            continue
        stamp = str(header.get("skapad") or "")
        for raw_key, status in follow.items():
            key = identity(str(raw_key))
            known = stamps.get(key)
            if known is None or stamp > known[0]:
                stamps[key] = (stamp, str(status))
    return {key: status for key, (_, status) in stamps.items()}


def open_count_from_headers(headers: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    """Open items per report id, from front matter only (for fast listing).  Format 2 lists the
    identities of a report's items; format 1 gave their number."""
    statuses = statuses_from_headers(headers)
    closed = {key for key, status in statuses.items() if status in CLOSED_STATUSES}
    counts = {}
    for header in headers:
        report_id = str(header.get("id") or "")
        listed = header.get("atgarder")
        if isinstance(listed, list):
            counts[report_id] = sum(1 for item in listed if str(item) not in closed)
            continue
        total = listed if isinstance(listed, int) else 0
        own = sum(1 for key in closed if key.split("/", 1)[0] == report_id)
        counts[report_id] = max(0, total - own)
    return counts


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
    """``statuses_from_headers`` of folder headers (the newest by ``skapad`` wins), without
    building a mapping per header."""
    from intervjufas.folder.header_row import status_of

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
    """``open_count_from_headers`` of folder headers: open items per report id (the
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
