"""What ``folder_plan`` found in a reports folder – every open item, with its history, and the
warnings – kept until any report of the folder changes, so that ``plan`` run again over an unchanged
folder reads neither the header index, nor the kept plan sections, nor any report.

Why: at 20,000 reports of which a tenth (or half) still hold open items, even from the caches
``plan`` loaded 20,000 headers, derived the newest status of every item from them and decoded the
plan sections of thousands of reports on every run.  What it shows depends on every report of the
folder and on nothing else, so the snapshot is used only while the folder holds exactly the same
files, each with the same size, times and inode (``file_cache.file_key``), and the program and the
user's question files are the same (``plan_facts.plans_version``).  Listing the folder and one
``stat`` per file cost a fraction of loading the index.

The state is still computed in one place (``state.open_items``, via ``folder_plan``); this module
only keeps its result.  It lives in the ``FileCache`` namespace ``planlaget`` (sealed, private,
silently rebuilt when it cannot be read), whose version is a digest of the listing.  It holds one
entry per report that said something of the result – the report's open items (and its customer,
for ``--kund``), the follow-ups of open items it gave, its warnings – under the report's own name
and file key (its items and follow-ups each as one ``marshal`` text: at half of 20,000 reports
holding items, 33,000 rows as lists, and the cache's copy of them while it is saved, were the
largest part of a cold ``plan``'s memory), so that ``rensa`` forgetting a file (``file_cache.forget_files``) forgets what it said
here too.  An item's history refers to follow-ups by their report's place in the listing.  Every
entry names how many there are: a snapshot missing one is not used.  No snapshot is kept while a
report was changed within the last seconds (``file_cache.settled``), nor when a warning belongs to
no report.
"""

from __future__ import annotations

import marshal
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from intervjufas.files.kept_values import kept_text
from intervjufas.folder.file_cache import FileCache, collection_paused, settled
from intervjufas.folder.folder_listing import FolderListing, folder_listing, kept_entries

if TYPE_CHECKING:
    from intervjufas.reading.plan.plan_facts import ReportPlan
    from intervjufas.reading.plan.state import FollowUpEntry, OpenItem

NAMESPACE = "planlaget"
SNAPSHOT_FORMAT = 2  # raise when what is kept changes (1: items and follow-ups as lists)


Listing = FolderListing  # (the folder's report files now, and the digest the snapshot is kept under)


def listing(folder: Path) -> Listing | None:
    """The folder now; None when it cannot be listed or a file cannot be looked at (``folder_plan``
    then computes, and warns, as it does without a snapshot)."""
    from intervjufas.reading.plan.plan_facts import plans_version

    with collection_paused():
        return folder_listing(folder, f"{NAMESPACE}\0{SNAPSHOT_FORMAT}\0{plans_version()}")


def _cache(place: Listing) -> FileCache | None:
    try:  # (its texts are interned where they recur – customers, program – and the rest packed)
        return FileCache(NAMESPACE, place.folder, place.digest, shared=True)
    except (OSError, RuntimeError):
        return None


# -- reading --------------------------------------------------------------------------------------
def kept(
    place: Listing, program: str, customer: str = "", *, customers: dict[str, str] | None = None
) -> tuple[list[OpenItem], list[str]] | None:
    """The items (of the reports whose customer ``customer`` names, when given) and warnings kept
    for exactly this listing, in the order ``folder_plan`` gives them; None when there are none, or
    when there are warnings that name another ``program`` (the command they suggest).  ``customers``
    is filled with the customer of every report that holds kept items, by file name."""
    with collection_paused(keep=True):  # (what is loaded and made is set aside: no collection
        # goes through it all once collecting starts again)
        cache = _cache(place)
        if cache is None:
            return None
        try:
            return _decoded(place, cache, program, customer, {} if customers is None else customers)
        except (TypeError, ValueError, IndexError, KeyError, AttributeError):
            return None  # (of another shape: computed again)


def _decoded(
    place: Listing, cache: FileCache, program: str, customer: str, customers: dict[str, str]
) -> tuple[list[OpenItem], list[str]] | None:
    from intervjufas.reading.plan.state import FollowUpEntry

    entries = _entries(place, cache, program)
    if entries is None:
        return None
    given: dict[int, list[FollowUpEntry]] = {
        number: [
            FollowUpEntry(kept_text(date), kept_text(status), kept_text(comment))
            for date, status, comment in _unpacked(value[4])
        ]
        for number, value in entries.items()
    }
    sources = sorted((value[1], number) for number, value in entries.items() if value[1] >= 0)
    wanted = None
    if customer.strip():
        from intervjufas.folder.finding import has_words

        wanted = {number for _, number in sources if has_words(customer, kept_text(entries[number][2]))}
    items: list[OpenItem] = []
    for _, number in sources:
        if wanted is None or number in wanted:
            path = place.folder / place.names[number]
            items += _items(_unpacked(entries[number][3]), path, given)
            customers[place.names[number]] = kept_text(entries[number][2])
    warnings = sorted((position, kept_text(text)) for value in entries.values() for position, text in value[5])
    return items, [text for _, text in warnings]


def _entries(place: Listing, cache: FileCache, program: str) -> dict[int, Any] | None:
    """The entry of each report that has one, by its place in the listing; None when there are
    none, one is missing, or a warning names another ``program``."""
    entries = kept_entries(place, cache)
    if not entries or any(value[0] != len(entries) for value in entries.values()):
        return None  # (none kept for this listing, or one of them forgotten)
    if any(value[5] and value[6] != program for value in entries.values()):
        return None
    return entries


def kept_customers(place: Listing, program: str) -> dict[str, str] | None:
    """The customer of every report that holds kept items, by file name, without making the items
    (None when ``kept`` would give nothing)."""
    with collection_paused(keep=True):
        cache = _cache(place)
        try:
            entries = _entries(place, cache, program) if cache is not None else None
            if entries is None:
                return None
            return {
                place.names[number]: kept_text(value[2]) for number, value in entries.items() if value[1] >= 0
            }
        except (TypeError, ValueError, IndexError, KeyError, AttributeError):
            return None


def _unpacked(packed: Any) -> Any:
    """A report's items or follow-ups as ``keep`` packed them (TypeError or ValueError for anything
    else; what it gives is of the sealed cache, as ``keep`` wrote it, and its shape still checked)."""
    if type(packed) is not bytes:
        raise TypeError("packed")
    try:
        return marshal.loads(packed)
    except EOFError:
        raise ValueError("packed") from None


def _items(rows: list[Any], path: Path, given: Mapping[int, list[FollowUpEntry]]) -> list[OpenItem]:
    """The open items kept of one report (TypeError or ValueError for a row of another shape)."""
    from intervjufas.model.answers import ActionItem
    from intervjufas.reading.plan.state import OpenItem

    made = []
    new_action = ActionItem.__new__
    for key, step_number, step_label, step_title, kind, date, status, plan, phase, fields, history in rows:
        moment, why, item_id, moment_id, involves = fields
        if not (
            str is type(key) is type(step_label) is type(step_title) is type(kind) is type(date) is type(plan)
            and str is type(moment) is type(why) is type(item_id) is type(moment_id)
            and type(step_number) is int
            and (status is None or type(status) is str)
            and (phase is None or type(phase) is str)
            and all(type(name) is str for name in involves)
        ):
            raise TypeError("row")
        done = tuple([given[number][position] for number, position in history])
        # (each ``ActionItem`` was made, and its text normalised, when it was kept: not again)
        action = new_action(ActionItem)
        action.__dict__.update(
            moment=moment, why=why, id=item_id, moment_id=moment_id, involves=tuple(involves)
        )
        comment = done[0].comment if done and done[0].status == status else ""
        made.append(
            OpenItem(
                key,
                moment,
                why,
                step_number,
                step_label,
                step_title,
                kind,
                path,
                date,
                status,
                comment,
                plan,
                phase,
                action,
                done,
            )
        )
    return made



# -- keeping --------------------------------------------------------------------------------------
def keep(
    place: Listing,
    items: list[OpenItem],
    warnings: list[str],
    plans: Mapping[Path, ReportPlan],
    program: str,
) -> bool:
    """Keep what ``folder_plan`` computed for this listing (every item, no ``--kund`` filter) – when
    every report has settled and every warning belongs to a report of it (False: not kept)."""
    if not all(settled(key) for key in place.keys):
        return False
    number_of = {name: number for number, name in enumerate(place.names)}
    values: dict[int, list[Any]] = {}

    def entry(number: int) -> list[Any]:
        return values.setdefault(number, [0, -1, "", [], [], [], program])

    for position, text in enumerate(warnings):
        number = number_of.get(text.split(":", 1)[0])
        if number is None:
            return False
        entry(number)[5].append([position, text])
    origins = _origins(plans, number_of, entry, {item.identity for item in items})
    sources = 0
    held: dict[int, list[OpenItem]] = {}
    for item in items:
        number = number_of.get(item.source.name)
        plan = plans.get(item.source)
        if number is None or plan is None or item.source.parent != place.folder or item.item is None:
            return False
        value = entry(number)
        if value[1] < 0:
            value[1], value[2], sources = sources, sys.intern(plan.customer), sources + 1
        held.setdefault(number, []).append(item)
    for number, own in held.items():  # (one report's rows at a time, packed at once)
        rows = [_row(item, [origins.get((item.identity, given)) for given in item.history]) for item in own]
        if any(None in row[-1] for row in rows):
            return False
        values[number][3] = marshal.dumps(rows)
    del held, origins
    cache = _cache(place)
    if cache is None:
        return False
    for number, value in values.items():
        value[0] = len(values)
        if type(value[3]) is not bytes:
            value[3] = marshal.dumps(value[3])
        value[4] = marshal.dumps(value[4])
        cache.put(place.names[number], place.keys[number], value)
    cache.save(place.names)
    return True


def _origins(
    plans: Mapping[Path, ReportPlan], number_of: Mapping[str, int], entry: Any, wanted: set[str]
) -> dict[tuple[str, FollowUpEntry], list[int]]:
    """Where each follow-up of a ``wanted`` item comes from: (item identity, follow-up) -> [its
    report's place, position in its entry], as ``state.follow_up_histories`` makes them from each
    report alone."""
    from intervjufas.reading.plan.state import follow_up_histories

    found: dict[tuple[str, FollowUpEntry], list[int]] = {}
    for path, plan in plans.items():
        number = number_of.get(path.name)
        if number is None:
            continue
        for identity, given in follow_up_histories([plan]).items():
            for one in given if identity in wanted else ():
                if (identity, one) not in found:
                    kept = entry(number)[4]
                    found[(identity, one)] = [number, len(kept)]
                    kept.append([one.date, one.status, one.comment])
    return found


def _row(item: OpenItem, history: list[Any]) -> list[Any]:
    action = item.item
    assert action is not None
    return [
        item.key,
        item.step_number,
        item.step_label,
        item.step_title,
        item.kind,
        item.source_date,
        item.last_status,
        item.plan,
        item.phase,
        [action.moment, action.why, action.id, action.moment_id, list(action.involves)],
        history,
    ]
