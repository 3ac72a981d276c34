"""The open items of a reports folder's action plans, read with as few whole reports as possible:
every open item for ``plan`` (``folder_plan``), and the pool a new session follows up a handful at a
time (``follow_up_pool``: by default the items of the same customer, else of the same question
set, newest first, read a few reports at a time).

``folder_plan``: a folder of 20,000 reports may hold a handful of open items, and reading every
report in full to find them took over a minute.  Each header lists the identities of its report's
planned items (``atgarder``) and the status of every item the report followed up
(``uppfoljning``), so the newest status of every item is known from the headers alone – the newest
report wins, by date, then time of creation, then file name, exactly as when every report is read.
Only the reports that still have an open item, and those that followed one of these items up (for
the item's history and the comment of its latest follow-up), are read in full.  A format 1 header
gives only the number of items, so such a report is read in full whenever it has items that may be
open.  The result is the same as ``state.open_items`` over every report of the folder.

The pool:

The front matter of every report tells which reports still have open items, how many, and how
each item was last followed up; a report is read in full only when its items are about to be asked.
A folder of thousands of reports therefore costs one pass over the headers, and the new report
records only the items that were actually asked.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from intervjufas.errors import IntervjufasError
from intervjufas.reading.plan.plan_facts import PlanReader, ReportPlan, read_plans
from intervjufas.reading.plan.state import (
    FollowUpEntry,
    OpenItem,
    closed,
    follow_up_histories,
    newest_follow_ups,
    newest_statuses,
    open_counts,
    open_items,
)
from intervjufas.report.plan import identity, planned_items

if TYPE_CHECKING:  # (the folder's headers, and reading a report in full, are imported where used:
    # ``folder_plan`` over an unchanged folder needs neither)
    from intervjufas.folder.folder_listing import FolderListing
    from intervjufas.folder.header_row import FolderHeader
    from intervjufas.folder.loading import LoadedReport
    from intervjufas.folder.scan import Progress
    from intervjufas.model.questionnaire import Questionnaire

SCOPES = ("kund", "alla")  # the same customer (else the same question set), or every report
SAME_SET = "från tidigare rapporter med samma frågeuppsättning"
EVERY_REPORT = "från alla tidigare utvecklingsplaner"


class FollowUpPool:
    """The open items in scope, newest report first: ``total`` of them, handed out by ``take``."""

    def __init__(
        self,
        sources: list[Path],
        total: int,
        scope: str,
        *,
        questionnaire: Questionnaire,
        statuses: dict[str, str],
        by_id: dict[str, Path],
        note: str = "",
        folder: Path | None = None,
        reader: PlanReader | None = None,
    ) -> None:
        self.scope = scope  # how the items were chosen, e.g. "för Nordlager AB"
        self.note = note  # said before the first items, e.g. why another scope was chosen
        self.total = total  # open items in scope (from the headers)
        self._sources = list(sources)
        self._questionnaire = questionnaire
        self._statuses = statuses
        self._by_id = by_id
        self._waiting: list[OpenItem] = []
        self._handed = 0
        self._folder = folder
        self._open_now: list[OpenItem] | None = None
        self._reader = reader  # (the kept plan sections, loaded once: ahead, or when first needed)

    def open_now(self) -> list[OpenItem]:
        """Every open item of the folder, whatever the scope (a newly planned item about the same
        moment and kind joins one of them: see ``state.joined_items``); read once."""
        if self._open_now is None:
            self._open_now = folder_plan(self._folder)[0] if self._folder is not None else []
        return self._open_now

    def take(self, count: int) -> list[OpenItem]:
        """The next ``count`` items (fewer at the end), reading only the reports needed for them."""
        while len(self._waiting) < count and self._sources:
            self._waiting += self._items_of([self._sources.pop(0)])
        taken, self._waiting = self._waiting[:count], self._waiting[count:]
        self._handed += len(taken)
        if not self._sources and not self._waiting:
            self.total = self._handed  # all read: exact even if a header promised more (a set not found)
        return taken

    def lookup(self, keys: Iterable[str]) -> dict[str, OpenItem]:
        """The items of some keys (followed up earlier in the same report), wherever they come from
        – closed ones too: the report that closed them may be the one asking."""
        wanted = set(keys)
        paths = {self._by_id[key.split("/", 1)[0]] for key in wanted if key.split("/", 1)[0] in self._by_id}
        asked = {identity(key) for key in wanted}
        statuses = {key: status for key, status in self._statuses.items() if key not in asked}
        return {item.key: item for item in self._items_of(sorted(paths), statuses) if item.key in wanted}

    def _items_of(self, paths: list[Path], statuses: dict[str, str] | None = None) -> list[OpenItem]:
        if not paths:
            return []
        if self._reader is None:
            self._reader = PlanReader(self._folder or paths[0].parent)
        plans = self._reader.read(paths, [], extra=self._questionnaire)
        self._reader.save()
        # (an unreadable report is shown by lista; the follow-ups these reports hold – their
        # marks from ``plan`` too – give the comments)
        reports = list(plans.values())
        return open_items(
            reports,
            statuses=self._statuses if statuses is None else statuses,
            histories=follow_up_histories(reports),
        )


class FolderState(NamedTuple):
    """What the pool needs of the folder whatever the customer: every header, the newest status of
    every item, and the reports with open items, newest first."""

    statuses: dict[str, str]
    counts: dict[str, int]
    candidates: list[tuple[Path, FolderHeader]]
    by_id: dict[str, Path]  # every report's file, by report id


def folder_state(folder: Path) -> FolderState:
    """The customer-independent part of ``follow_up_pool`` (a session may compute it ahead, while
    the first questions are answered: see ``session.follow_up.FollowUpRound.in_folder``)."""
    from intervjufas.folder.scan import read_headers

    headers, _ = read_headers(folder)  # (unreadable files are reported by lista and plan)
    statuses = newest_statuses(headers)
    counts = open_counts(headers, statuses)
    candidates = sorted(
        ((path, header) for path, header in headers if counts.get(header.report_id)),
        key=_newest_first,
        reverse=True,
    )
    return FolderState(statuses, counts, candidates, {header.report_id: path for path, header in headers})


def follow_up_pool(
    folder: Path,
    questionnaire: Questionnaire,
    *,
    exclude_id: str,
    customer: str = "",
    scope: str = "kund",
    state: FolderState | None = None,
    reader: PlanReader | None = None,
) -> FollowUpPool:
    """The open items to follow up in a new report (``exclude_id``) for ``customer``:

    - ``kund``: those of earlier reports for the same customer (``folder.finding.same_customer``:
      case, accents and spacing ignored), else – no customer given, or none of its reports has open
      items – those of the same question set;
    - ``alla``: those of every earlier report.

    ``state`` is the folder as ``folder_state`` read it, and ``reader`` the kept plan sections
    loaded, when they were read ahead."""
    from intervjufas.folder.finding import same_customer

    statuses, counts, every, by_id = state if state is not None else folder_state(folder)
    candidates = [(path, header) for path, header in every if header.report_id != exclude_id]
    chosen, text, note = candidates, EVERY_REPORT, ""
    if scope != "alla":
        wanted = bool(customer.strip())
        named: dict[str, bool] = {}  # (the same customer recurs in thousands of reports: folded once)

        def for_customer(header: FolderHeader) -> bool:
            kund = str(header.fact("kund") or "")
            if kund not in named:
                named[kund] = same_customer(customer, kund)
            return named[kund]

        chosen = [(p, h) for p, h in candidates if for_customer(h)]
        text = f"för {' '.join(customer.split())}"
        if not chosen:
            chosen, text = [(p, h) for p, h in candidates if h.set_id == questionnaire.id], SAME_SET
            note = (
                f"Det finns inga öppna moment för {' '.join(customer.split())}." if wanted and chosen else ""
            )
    return FollowUpPool(
        [path for path, _ in chosen],
        sum(counts[header.report_id] for _, header in chosen),
        text,
        questionnaire=questionnaire,
        statuses=statuses,
        by_id=by_id,
        note=note,
        folder=folder,
        reader=reader,
    )


def _newest_first(entry: tuple[Path, FolderHeader]) -> tuple[str, str, str]:
    path, header = entry
    created = header.created
    return (str(header.fact("datum") or created[:10]), created, path.name)


class KeptSnapshot(NamedTuple):
    """What ``folder_plan`` kept (``plan_snapshot``) when it computed: the listing it kept it for,
    and the customer of each report holding items, by file name – so that ``plan`` keeps its
    output (``plan_output.keep_output``) without listing the folder and loading the snapshot again."""

    place: FolderListing
    customers: dict[str, str]


def folder_plan(
    folder: Path,
    *,
    program: str = "intervjufas",
    progress: Progress | None = None,
    customer: str = "",
    once: bool = False,
    kept: list[KeptSnapshot] | None = None,
) -> tuple[list[OpenItem], list[str]]:
    """Every open item of the folder's action plans (of the reports whose customer ``customer`` names,
    by ``folder.finding.has_words``, when it is given), newest report first, and one warning per
    file that cannot be read.  What it finds is kept until a report of the folder changes
    (``plan_snapshot``): run again over the same folder, it reads none of them.  With ``once`` (a
    command that reads the folder once), the headers are let go before the plans are read, and
    the process does not remember the scan: at 20,000 reports they are most of the memory.  When
    it computed and kept what it found, ``kept`` is given a ``KeptSnapshot``."""
    from intervjufas.reading.plan import plan_snapshot

    place = plan_snapshot.listing(folder)
    found = plan_snapshot.kept(place, program, customer) if place is not None else None
    if found is not None:
        return found
    digest = place.digest if place is not None else None
    del place  # (20,000 names and keys, held through the reading for nothing: listed again to keep)
    statuses, listed, followed, warnings = _header_facts(folder, program, progress, once=once)
    done = closed(statuses)
    reader = PlanReader(folder)  # (the kept plan sections, loaded once for both reads)
    plans = reader.read((path for path, planned in listed if _may_be_open(planned, done)), warnings)
    still_open = {
        planned.identity
        for plan in plans.values()
        for planned in plan.planned
        if planned.identity not in done
    }
    followers = [path for path, keys in followed.items() if path not in plans and not keys.isdisjoint(still_open)]
    plans.update(reader.read(followers, warnings, follow_ups_of=still_open))
    del followed, followers, listed
    reader.save()  # (and let go: what it keeps of each report, before the items are made)
    del reader
    reports = list(plans.values())
    items = open_items(reports, statuses=statuses, histories=follow_up_histories(reports))
    del reports, statuses, done, still_open  # (the last of the headers' memory: free for the saves)
    place = _keep(folder, digest, items, warnings, plans, program) if digest is not None else None
    if place is not None and kept is not None:
        kept.append(KeptSnapshot(place, {item.source.name: plans[item.source].customer for item in items}))
    if customer.strip():
        from intervjufas.folder.finding import has_words

        items = [item for item in items if has_words(customer, plans[item.source].customer)]
    return items, warnings


def _keep(
    folder: Path, digest: str, items: list[OpenItem], warnings: list[str], plans: dict[Path, ReportPlan], program: str
) -> FolderListing | None:
    """Keep what ``folder_plan`` found (``plan_snapshot``) – only when the folder, listed again,
    is exactly the one it was when the snapshot was looked for (nothing changed while it read) –
    and give the listing it was kept for (None: not kept)."""
    from intervjufas.reading.plan import plan_snapshot

    place = plan_snapshot.listing(folder)
    if place is not None and place.digest == digest and plan_snapshot.keep(place, items, warnings, plans, program):
        return place
    return None


def _header_facts(
    folder: Path, program: str, progress: Progress | None, *, once: bool
) -> tuple[dict[str, str], list[tuple[Path, object]], dict[Path, frozenset[str]], list[str]]:
    """What ``folder_plan`` needs of the headers, newest report first: the newest status of every
    item, each report's planned items as its header lists them, the items each report followed up
    or marked (only reports that did), and the warnings."""
    from intervjufas.folder.scan import forget_scan, read_headers, sort_key

    headers, warnings = read_headers(folder, program=program, progress=progress)
    newest_first = sorted(headers, key=lambda entry: sort_key(*entry), reverse=True)
    statuses = newest_statuses(newest_first)
    listed = [(path, header.planned) for path, header in newest_first]
    followed = {
        path: keys
        for path, header in newest_first
        if (keys := frozenset(key for key, _ in header.follow_ups()) | {key for key, _, _ in header.marks()})
    }
    if once:
        forget_scan()
    return statuses, listed, followed, warnings


def _may_be_open(listed: object, closed: set[str]) -> bool:
    """Whether the report may have an item no follow-up has closed: one of the identities its
    header lists, or – in a format 1 header, which gives only their number – any item at all."""
    if isinstance(listed, list):
        return any(str(item) not in closed for item in listed)
    if isinstance(listed, bool):
        return True
    return not isinstance(listed, int) or listed > 0


def open_as_of(loaded: LoadedReport, *, now: bool = False) -> list[OpenItem]:
    """The items planned in the reports ordered before ``loaded`` (its folder's) that are still open
    as of it: only follow-ups of reports ordered at or before it count – its own too – so a report
    never shows what a later one says.  Its map keeps their marks (``karta``).  With ``now`` (the
    latest map, ``karta`` without a RAPPORT), every follow-up counts: the state of today."""
    return map_state(loaded, now=now)[0]


def map_state(loaded: LoadedReport, *, now: bool = False) -> tuple[list[OpenItem], dict[str, str]]:
    """``open_as_of``, and the report's own items closed by then – by a later follow-up or a change
    marked from ``plan`` (with ``now``, by any) – with the status that closed them, by identity."""
    from intervjufas.folder.scan import read_headers, sort_key

    headers, _ = read_headers(loaded.path.parent)
    upto = loaded.sort_key
    statuses = newest_statuses(headers, upto=None if now else upto)
    done = closed(statuses)
    paths = [path for path, header in headers if sort_key(path, header) < upto and _may_be_open(header.planned, done)]
    reports = list(read_plans(paths, loaded.path.parent, []).values())
    histories = follow_up_histories(reports, upto=None if now else upto)
    own: dict[str, str] = {}
    if loaded.questionnaire is not None:
        planned = planned_items(loaded.report, loaded.questionnaire)
        own = {p.identity: statuses[p.identity] for p in planned if p.identity in done}
    return open_items(reports, statuses=statuses, histories=histories), own


def current_follow_ups(folder: Path | None, *reports: Path) -> dict[str, FollowUpEntry]:
    """The newest follow-up of every item (by identity) as things stand now – every report counts
    – from the headers of the reports folder and of the folders the ``reports`` lie in (a report
    given as a path elsewhere is followed up next to it).  What cannot be read is passed over: an
    item nobody is known to have followed up is simply missing (the exports say "Planerad")."""
    from intervjufas.folder.scan import read_headers

    folders: dict[Path, Path] = {}
    for place in ([folder] if folder is not None else []) + [report.parent for report in reports]:
        with contextlib.suppress(OSError, RuntimeError):
            folders.setdefault(place.resolve(), place)
    entries: list[tuple[Path, FolderHeader]] = []
    for place in folders.values():
        with contextlib.suppress(IntervjufasError, OSError):
            entries += read_headers(place)[0]
    return newest_follow_ups(entries)
