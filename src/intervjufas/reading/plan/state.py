"""The state of the action plans across reports: which planned items are still open, the newest
follow-up status of each, and their follow-up history.

An item is known by its identity (see ``report.plan.identity``): an item carried from one report
to the next is the same item, so it is listed once, with every follow-up of it, newest first.
Statuses and counts come from reports read in full (``follow_up_histories``, ``open_items``) or
from the folder headers alone (``newest_statuses``, ``open_counts``); both order the reports the
same way, by (report date, created, file name), and a test proves they agree.  This module is the
one place the plan's state is computed: ``lista``, ``plan``, ``karta``, ``jamfor``, the follow-up
of a new mapping, ``rensa`` and the exports all read it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from intervjufas.model.answers import ActionItem
from intervjufas.report.model import CLOSED_STATUSES, FollowUp
from intervjufas.report.plan import identity, planned_items

if TYPE_CHECKING:  # not imported at run time: `lista` and a session need this module without them
    from intervjufas.folder.header_row import FolderHeader
    from intervjufas.folder.loading import LoadedReport

PLANNED = "Planerad"  # the status of an item nobody has followed up yet, as the reports show it


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


def follow_up_histories(
    reports: list[LoadedReport], *, upto: SortKey | None = None
) -> dict[str, tuple[FollowUpEntry, ...]]:
    """Every item's follow-ups in the reports (by identity), newest first; with ``upto``, only
    those of reports ordered at or before it (see ``newest_statuses``)."""
    found: dict[str, list[tuple[tuple[str, str, str], FollowUpEntry]]] = {}
    for loaded in reports:
        if upto is not None and loaded.sort_key > upto:
            continue
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


SortKey = tuple[str, str, str]  # (report date, created, file name): where a report comes in time


def newest_statuses(
    entries: Iterable[tuple[Path, FolderHeader]], *, upto: SortKey | None = None
) -> dict[str, str]:
    """The newest follow-up status of every followed-up item (by identity), from the folder
    headers, the reports ordered by (date, created, file name) – the one order every command
    uses.  With ``upto``, only follow-ups of reports ordered at or before it count (the state
    "as of" that report); within one report, the first follow-up of an item counts."""
    return {item: status for item, status, _ in _newest(entries, upto)}


def newest_follow_ups(
    entries: Iterable[tuple[Path, FolderHeader]], *, upto: SortKey | None = None
) -> dict[str, FollowUpEntry]:
    """``newest_statuses`` with the date of the report that followed each item up (the headers
    keep no comment, so that is "")."""
    return {item: FollowUpEntry(key[0], status) for item, status, key in _newest(entries, upto)}


def _newest(
    entries: Iterable[tuple[Path, FolderHeader]], upto: SortKey | None
) -> Iterator[tuple[str, str, SortKey]]:
    """(identity, status, the following report's sort key) of each item's newest follow-up."""
    from intervjufas.folder.scan import sort_key

    keyed = sorted(((sort_key(path, header), header) for path, header in entries), key=lambda e: e[0])
    seen: set[str] = set()
    for key, header in reversed(keyed):
        if upto is not None and key > upto:
            continue
        for item, status in header.follow_ups():  # (by identity)
            if status is not None and item not in seen:
                seen.add(item)
                yield item, str(status), key


def closed(statuses: Mapping[str, str]) -> set[str]:
    """The identities whose newest status closes them (Genomfört, Släpp)."""
    return {key for key, status in statuses.items() if status in CLOSED_STATUSES}


def open_counts(
    entries: Sequence[tuple[Path, FolderHeader]], statuses: Mapping[str, str] | None = None
) -> dict[str, int]:
    """Open items per report id: the items a report plans that no follow-up has closed (the
    statuses of ``newest_statuses`` are computed unless given).  Format 2 headers list the
    identities of a report's items; format 1 gave their number, so its closed items are counted
    by the report they belong to."""
    done = closed(newest_statuses(entries) if statuses is None else statuses)
    owned: dict[str, int] = {}
    counts = {}
    for _, header in entries:
        report_id = header.report_id
        listed = header.planned
        if isinstance(listed, list):
            counts[report_id] = len({str(item) for item in listed} - done)
            continue
        if not owned and done:
            for key in done:
                owner = key.split("/", 1)[0]
                owned[owner] = owned.get(owner, 0) + 1
        total = listed if isinstance(listed, int) and not isinstance(listed, bool) else 0
        counts[report_id] = max(0, total - owned.get(report_id, 0))
    return counts


def joined_items(
    plan: str, items: Sequence[ActionItem], open_now: Iterable[OpenItem], follow_ups: Iterable[FollowUp] = ()
) -> tuple[ActionItem, ...]:
    """One open row per moment and kind: an item of kind ``plan`` about a moment that already has
    an open item of the same kind joins it – it takes that item's id (and its moment's), so every
    command sees one item, followed up as one.  A moment is matched by its id when both have one,
    else by name (case and spacing ignored).  An item the report being written has closed by its
    own ``follow_ups`` is not open any more."""
    done = {identity(f.key) for f in follow_ups if f.status in CLOSED_STATUSES}
    candidates = [
        item
        for item in open_now
        if item.plan == plan and item.item is not None and item.item.id and item.identity not in done
    ]
    joined = []
    for item in items:
        match = next(
            (found.item for found in candidates if found.item and _same_moment(plan, found.item, item)), None
        )
        if match is not None and match.id != item.id:
            item = replace(item, id=match.id, moment_id=match.moment_id or item.moment_id)
        joined.append(item)
    return tuple(joined)


def _same_moment(plan: str, one: ActionItem, other: ActionItem) -> bool:
    """The same moment: by id when both name one (an item to add gets a new moment id, so it is
    matched by name), else by name."""
    if plan != "lagga_till" and one.moment_id and other.moment_id:
        return one.moment_id == other.moment_id
    return " ".join(one.moment.casefold().split()) == " ".join(other.moment.casefold().split())
