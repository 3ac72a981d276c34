"""The map's changes (the default view of ``karta --historik``) kept until any report of the folder
changes, so that the history run again over an unchanged folder reads neither the header index, nor
the kept map facts, nor any report, and follows no moment from map to map again.

Why: at 20,000 reports with 6,000+ by one consultant, even from the caches the history loaded every
header and the facts of thousands of reports and ran them all through the tracker on every run, to
show a screen or two.  What it shows depends on the reports of the folder, the question files, the
program, the consultant's name and ``--alla``, and on nothing else, so the snapshot is used only
while the folder holds exactly the same files, each with the same size, times and inode, and the
rest is the same (``folder_listing.folder_listing``, whose digest is the cache's version).

It lives in the ``FileCache`` namespace ``kartlaget-<hash of the author and --alla>`` (sealed,
private, silently rebuilt when it cannot be read).  It holds one entry per report that said
something shown – a moment and its changes go with the report of its newest change, a consultant's
line (name, how many reports, from when to when) with its newest report, a warning with the report
it names – under the report's own name and file key, so that ``rensa`` forgetting a file
(``file_cache.forget_files``) forgets what it said here too.  Every entry names how many there are:
a snapshot missing one is not used.  No snapshot is kept while a report was changed within the last
seconds (``file_cache.settled``), nor when a warning belongs to no report.  The changes are still
derived in one place (``history_changes.change_history``); this module only keeps the result.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from intervjufas.files.kept_values import kept_flag, kept_number, kept_text
from intervjufas.folder.file_cache import FileCache, collection_paused
from intervjufas.folder.folder_listing import FolderListing, folder_listing, kept_entries
from intervjufas.reading.process_map.history import Lineage, MapHistory
from intervjufas.reading.process_map.history_changes import (
    CHANGE_OF,
    Change,
    ChangeHistory,
    LineageChanges,
    MomentChanges,
)
from intervjufas.reading.process_map.tracker import MapEvent, ReportRef

if TYPE_CHECKING:
    from intervjufas.folder.scan import Progress

NAMESPACE = "kartlaget"
SNAPSHOT_FORMAT = 1  # raise when what is kept, or how the changes are derived, changes


def kept_or_computed(
    folder: Path,
    author: str,
    everyone: bool,
    *,
    progress: Progress | None = None,
    loading: Progress | None = None,
) -> tuple[ChangeHistory, list[str]]:
    """The changes of ``author``'s maps (every author's with ``everyone``) and the warnings: as kept
    for this very folder, else computed (``progress`` and ``loading`` hear how) and kept."""
    place = folder_listing(folder, _salt(author, everyone))
    cache = _cache(place, author, everyone) if place is not None else None
    if place is not None and cache is not None:
        found = kept(place, cache)
        if found is not None:
            return found
    from intervjufas.reading.process_map.history_lines import changes_by_line

    listed = None if place is None else dict(zip(place.names, place.keys, strict=True))  # (found just now)
    changes, warnings = changes_by_line(folder, author, everyone, progress=progress, loading=loading, listed=listed)
    if place is not None and cache is not None:
        keep(place, cache, changes, warnings)
    return changes, warnings


def _salt(author: str, everyone: bool) -> str:
    from intervjufas import __version__
    from intervjufas.files.settings import question_sets_stamp

    return f"{NAMESPACE}\0{SNAPSHOT_FORMAT}\0{__version__}\0{question_sets_stamp()}\0{author}\0{int(everyone)}"


def _cache(place: FolderListing, author: str, everyone: bool) -> FileCache | None:
    whose = hashlib.sha256(f"{author}\0{int(everyone)}".encode("utf-8", "surrogatepass")).hexdigest()[:12]
    try:
        return FileCache(f"{NAMESPACE}-{whose}", place.folder, place.digest)
    except (OSError, RuntimeError):
        return None


# -- reading --------------------------------------------------------------------------------------
def kept(place: FolderListing, cache: FileCache) -> tuple[ChangeHistory, list[str]] | None:
    """The changes and warnings kept for exactly this listing; None when there are none (or not
    all of them, or of another shape)."""
    entries = list(kept_entries(place, cache).values())
    if not entries:
        return None
    with collection_paused():
        try:
            return _decoded(place.folder, entries)
        except (TypeError, ValueError, IndexError, KeyError, AttributeError):
            return None  # (of another shape, or one of them forgotten: computed again)


def _decoded(folder: Path, entries: list[Any]) -> tuple[ChangeHistory, list[str]]:
    if any(value[0] != len(entries) for value in entries):
        raise ValueError("an entry is missing")
    metas = [value[1] for value in entries if value[1]]
    if len(metas) != 1:
        raise ValueError("not one history")
    author, everyone, fell_back, left_out, authors = metas[0]
    lines = {}
    for value in entries:
        for index, line_author, reports, first, last, line_left_out, count in value[2]:
            lines[kept_number(index)] = (kept_text(line_author), kept_number(reports), kept_text(first), kept_text(last), kept_number(line_left_out), kept_number(count))
    moments: dict[int, list[tuple[int, MomentChanges]]] = {}
    for value in entries:
        for index, position, moment in value[3]:
            moments.setdefault(kept_number(index), []).append((kept_number(position), _moment(folder, moment)))
    lineages = []
    for index in range(len(authors)):
        line_author, reports, first, last, line_left_out, count = lines[index]
        shown = [moment for _, moment in sorted(moments.pop(index, []), key=lambda pair: pair[0])]
        if len(shown) != count:
            raise ValueError("a moment is missing")
        lineages.append(LineageChanges(line_author, reports, first, last, tuple(shown), line_left_out))
    if moments or len(lines) != len(authors):
        raise ValueError("a line too many")
    history = MapHistory(
        tuple(Lineage(kept_text(name), (), ()) for name in authors),  # (the summary needs only who)
        kept_text(author),
        kept_flag(everyone),
        kept_flag(fell_back),
        kept_number(left_out),
    )
    warnings = sorted((kept_number(position), kept_text(text)) for value in entries for position, text in value[4])
    return ChangeHistory(history, tuple(lineages)), [text for _, text in warnings]


def _moment(folder: Path, kept: list[Any]) -> MomentChanges:
    moment_id, name, phase, on_map, changes = kept
    made = []
    for kind, last, first, times in changes:
        if kind not in CHANGE_OF.values():
            raise ValueError("kind")
        made.append(Change(kind, _event(folder, last), _event(folder, first), kept_number(times)))
    return MomentChanges(kept_text(moment_id), kept_text(name), kept_text(phase), kept_flag(on_map), tuple(made))


def _event(folder: Path, kept: list[Any]) -> MapEvent:
    kind, name, date, before, after, follow_up = kept
    if kind not in CHANGE_OF:
        raise ValueError("kind")
    return MapEvent(kind, ReportRef(folder / kept_text(name), kept_text(date), ""), kept_text(before), kept_text(after), "", kept_flag(follow_up))





# -- keeping --------------------------------------------------------------------------------------
def keep(place: FolderListing, cache: FileCache, changes: ChangeHistory, warnings: list[str]) -> None:
    """Keep the changes computed for this listing – when every report has settled, every report
    shown is one of it and every warning names one."""
    history = changes.history
    if not history.lineages or not place.settled:
        return
    number_of = {name: number for number, name in enumerate(place.names)}
    values: dict[int, list[Any]] = {}

    def entry(path: Path) -> list[Any]:
        number = number_of.get(path.name)
        if number is None or path.parent != place.folder:
            raise LookupError(path.name)
        return values.setdefault(number, [0, None, [], [], []])

    try:
        _entries(place.folder, changes, warnings, entry)
    except LookupError:
        return  # (a report not in the listing, or a warning of none: not kept)
    for number, value in values.items():
        value[0] = len(values)
        cache.put(place.names[number], place.keys[number], value)
    cache.save(place.names)


def _entries(
    folder: Path, changes: ChangeHistory, warnings: list[str], entry: Callable[[Path], list[Any]]
) -> None:
    history = changes.history
    for index, (lineage, line) in enumerate(zip(history.lineages, changes.lineages, strict=True)):
        newest = entry(lineage.reports[-1].path)
        if index == 0:
            authors = [one.author for one in history.lineages]
            newest[1] = [history.author, history.everyone, history.fell_back, history.left_out, authors]
        newest[2].append(
            [index, line.author, line.reports, line.first_date, line.last_date, line.left_out, len(line.moments)]
        )
        for position, moment in enumerate(line.moments):
            kept_moment = [
                moment.moment_id,
                moment.name,
                moment.phase,
                moment.on_map,
                [[c.kind, _kept_event(c.last, entry), _kept_event(c.first, entry), c.times] for c in moment.changes],
            ]
            entry(moment.latest.report.path)[3].append([index, position, kept_moment])
    for position, text in enumerate(warnings):
        entry(folder / text.split(":", 1)[0])[4].append([position, text])


def _kept_event(event: MapEvent, entry: Callable[[Path], list[Any]]) -> list[Any]:
    entry(event.report.path)  # (a report of the listing: raises LookupError otherwise)
    return [event.kind, event.report.path.name, event.report.date, event.before, event.after, event.follow_up]
