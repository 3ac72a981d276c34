"""The map's changes (the default view of ``karta --historik``, and its ``--alla``) computed one
consultant's line of maps at a time: the facts of one line are read (from that consultant's own
cache, ``facts.own_namespace``), followed from map to map, reduced to the moments shown
(``history_changes.lineage_changes``) and dropped before the next line is read – so that memory
holds one line's facts and timelines, never every author's at once.

The answer is the one ``history.map_history`` gives with every line read at once.  There, an item
a follow-up marks done is the one planned by the first report of *all* those read that planned it
– with ``--alla`` often a colleague's report, in another line.  So with more than one line, the
lines are first read once only to find the first planner of each item their headers say is done
(only those items are kept, not the maps); a follow-up that marks another item done (a header not
saying what its report says) makes them be read again for every item planned.  With one line, its
own reports hold every planner.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from intervjufas.folder.file_cache import collection_paused
from intervjufas.reading.process_map.history import (
    Lineage,
    MapHistory,
    MapPlan,
    apply_report,
    plan_map_reports,
)
from intervjufas.reading.process_map.history_changes import (
    MOST_MOMENTS,
    ChangeHistory,
    LineageChanges,
    lineage_changes,
)
from intervjufas.reading.process_map.tracker import Planned, ReportRef, Tracker

if TYPE_CHECKING:
    from intervjufas.folder.file_cache import FileKey
    from intervjufas.folder.scan import Progress
    from intervjufas.reading.process_map.facts import MapFacts

SortKey = tuple[str, str, str]


Index = dict[str, Planned]  # item identity -> the item as the first report planning it planned it


class _Line:
    """One line's changes and its newest report."""

    def __init__(self, changes: LineageChanges, newest: ReportRef) -> None:
        self.changes, self.newest = changes, newest


def changes_by_line(
    folder: Path,
    author: str,
    everyone: bool,
    *,
    progress: Progress | None = None,
    loading: Progress | None = None,
    most: int = MOST_MOMENTS,
    listed: Mapping[str, FileKey] | None = None,
) -> tuple[ChangeHistory, list[str]]:
    """The changes of ``author``'s maps (every author's with ``everyone``, or when ``author`` has
    none) and the warnings, as ``change_history(map_history(read_map_reports(...)))`` gives them.
    ``listed``: each report file's key by its name, as the caller has just found them (so that no
    file is looked at again to find it)."""
    with collection_paused(keep=True):  # (the facts of thousands of reports make no cycles)
        plan = plan_map_reports(folder, author, everyone, progress)
        several = len(plan.lines) > 1
        reader = _Reader(folder, plan, loading, rounds=2 if several else 1, listed=listed)
        index = _first_planners(reader, plan, plan.done) if several else None
        lines: list[_Line] = []
        for name, paths, wanted in plan.lines:
            facts = reader.read(name, paths if several else wanted)
            if index is not None and any(key not in plan.done for one in facts for key in one.done):
                index = _first_planners(reader, plan, None)
            found = _line(name, paths, facts, index, most)  # (which empties ``facts``)
            if found is not None:
                lines.append(found)
    return _ordered(plan, lines), plan.warnings + reader.warnings()


def _first_planners(reader: _Reader, plan: MapPlan, wanted: set[str] | None) -> Index:
    """The first report (of all the lines) planning each item – of the ``wanted`` ones, or all."""
    firsts: dict[str, SortKey] = {}
    index: Index = {}
    for name, paths, _ in plan.lines:
        for _, sort_key, planned_items in reader.planners(name, paths, wanted):
            for planned in planned_items:  # (of the wanted identities only)
                identity = planned.identity
                if identity not in firsts or sort_key < firsts[identity]:
                    firsts[identity] = sort_key
                    index[identity] = planned
    return index


def _line(name: str, paths: list[Path], facts: list[MapFacts], index: Index | None, most: int) -> _Line | None:
    """One line followed from map to map (None when none of its reports could be read), its items
    found in ``index`` (or, without one, among ``facts``).  ``facts`` is emptied, and each report's
    facts are let go once followed: the timelines grow as the facts go."""
    ordered = sorted(facts, key=lambda one: one.sort_key)
    facts.clear()
    if index is None:
        index = {}
        for one in ordered:
            for planned in one.planned:
                index.setdefault(planned.identity, planned)
    own = set(paths)
    reports = [one for one in ordered if one.ref.path in own]
    del ordered
    if not reports:
        return None
    refs = tuple(one.ref for one in reports)
    reports.reverse()
    tracker = Tracker()
    while reports:
        apply_report(tracker, reports.pop(), index)
    del index
    lineage = Lineage(name, refs, tuple(tracker.timelines()))
    return _Line(lineage_changes(lineage, most), refs[-1])


def _ordered(plan: MapPlan, lines: list[_Line]) -> ChangeHistory:
    """The lines as ``map_history`` orders them: the newest first, the author's own before all."""
    newest_first = sorted(lines, key=lambda line: line.changes.last_date, reverse=True)
    own_first = sorted(newest_first, key=lambda line: line.changes.author != plan.author)
    history = MapHistory(
        tuple(Lineage(line.changes.author, (line.newest,), ()) for line in own_first),  # (who, and the newest)
        plan.author,
        plan.everyone,
        plan.fell_back,
        plan.left_out,
    )
    return ChangeHistory(history, tuple(line.changes for line in own_first))


class _Reader:
    """Reads the facts of a line's reports from that consultant's cache, telling ``loading`` how many
    of all the lines' reports are read, and keeping one warning per report that cannot be read."""

    def __init__(
        self, folder: Path, plan: MapPlan, loading: Progress | None, *, rounds: int, listed: Mapping[str, FileKey] | None
    ) -> None:
        self.folder, self.loading = folder, loading
        self.total = rounds * sum(len(paths if rounds > 1 else wanted) for _, paths, wanted in plan.lines)
        self.done = 0
        self.failed: dict[Path, str] = {}
        # (what the first round leaves the second: each file's key as found, so that no file is
        # looked up twice; each let go once read again)
        self.keys: dict[Path, FileKey] = {}
        self.listed: Mapping[str, FileKey] = {} if listed is None else listed  # (by file name)

    def read(self, name: str, wanted: list[Path]) -> list[MapFacts]:
        from intervjufas.reading.process_map.facts import own_namespace, read_facts

        offset, loading = self.done, self.loading
        told = None if loading is None else (lambda done, _total: loading(offset + done, max(self.total, offset + done)))
        warnings: list[str] = []
        listed = self.listed
        keys = {
            path: key for path in wanted if (key := self.keys.pop(path, None) or listed.get(path.name)) is not None
        }
        found = read_facts(wanted, self.folder, warnings, loading=told, namespace=own_namespace(name), keys=keys)
        del keys
        self.done += len(wanted)
        read = {one.ref.path for one in found}
        for path, warning in zip([path for path in wanted if path not in read], warnings, strict=False):
            self.failed.setdefault(path, warning)
        return found

    def planners(
        self, name: str, wanted_paths: list[Path], wanted: set[str] | None
    ) -> list[tuple[Path, SortKey, list[Planned]]]:
        """What ``read`` would give of the reports for finding the first planners of the ``wanted``
        items (``facts.read_planners``): their sort keys and those items alone."""
        from intervjufas.reading.process_map.facts import own_namespace
        from intervjufas.reading.process_map.planners import read_planners

        offset, loading = self.done, self.loading
        told = None if loading is None else (lambda done, _total: loading(offset + done, max(self.total, offset + done)))
        warnings: list[str] = []
        listed = self.listed
        for path in wanted_paths:
            if path not in self.keys and (key := listed.get(path.name)) is not None:
                self.keys[path] = key
        found = read_planners(
            wanted_paths, self.folder, warnings, wanted, loading=told, namespace=own_namespace(name), keys=self.keys
        )
        self.done += len(wanted_paths)
        if warnings:  # (which reports could not be read: as ``read`` finds them)
            read = {path for path, _, _ in found}
            for path, warning in zip([path for path in wanted_paths if path not in read], warnings, strict=False):
                self.failed.setdefault(path, warning)
        return found

    def warnings(self) -> list[str]:
        """One per report that could not be read, in the order of their paths (as one read of them
        all gives them)."""
        return [self.failed[path] for path in sorted(self.failed)]
