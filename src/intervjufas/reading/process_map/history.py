"""How the process map changed across assignments (``karta --historik``): for each moment, when it
first appeared on a map, when it was renamed or moved, marked to add, develop or remove, when a
follow-up marked such an item done (Genomfört) – which adds, develops or removes it – and when it
left the map.

Each consultant's maps form one line of maps (a map starts from the same author's latest one), so
the history is computed per author: a moment is followed by its id from map to map, and a moment
or an item without an id by its name.  The reports are read by ``read_map_reports`` – the one
function that touches the folder, so that it can be sped up on its own – and the history is
computed from them by ``map_history``, which reads no files.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from intervjufas.folder.file_cache import collection_paused
from intervjufas.reading.process_map.tracker import MomentTimeline, Planned, ReportRef, Tracker

if TYPE_CHECKING:  # (the header scan and the facts are imported when read: a kept snapshot of the
    # changes, ``history_snapshot``, needs only the classes of this module)
    from intervjufas.folder.scan import Header, Progress
    from intervjufas.reading.process_map.facts import MapFacts


@dataclass
class MapReports:
    """What ``read_map_reports`` found: the reports of each author's line of maps (oldest first),
    every report read (where the items that follow-ups close were planned), and what to tell."""

    lines: list[tuple[str, list[MapFacts]]]
    read: list[MapFacts]
    author: str
    everyone: bool
    fell_back: bool = False  # the author has no report with a map here: every author's are shown
    left_out: int = 0  # reports with a map by other authors, not shown
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Lineage:
    """One author's maps over time ("" when the reports do not say who made them)."""

    author: str
    reports: tuple[ReportRef, ...]
    moments: tuple[MomentTimeline, ...]


@dataclass(frozen=True)
class MapHistory:
    lineages: tuple[Lineage, ...]
    author: str
    everyone: bool
    fell_back: bool = False
    left_out: int = 0

    @property
    def empty(self) -> bool:
        return not any(lineage.moments for lineage in self.lineages)


def read_map_reports(
    folder: Path,
    author: str,
    everyone: bool,
    *,
    progress: Progress | None = None,
    loading: Progress | None = None,
) -> MapReports:
    """The reports the history needs, found from the headers: those with a map, those whose
    follow-up marks an item done, and the reports that planned those items – ``author``'s own
    (and those that record no author) unless ``everyone``; every author's when ``author`` has none.
    ``progress`` hears how the headers are read, ``loading`` how many reports are read in full."""
    with collection_paused(keep=True):  # (the headers and facts of thousands of reports make no cycles)
        return _read_map_reports(folder, author, everyone, progress, loading)


def _read_map_reports(
    folder: Path, author: str, everyone: bool, progress: Progress | None, loading: Progress | None
) -> MapReports:
    from intervjufas.reading.process_map.facts import NAMESPACE, own_namespace, read_facts

    plan = plan_map_reports(folder, author, everyone, progress)
    warnings = plan.warnings
    namespace = NAMESPACE if plan.by_author else own_namespace(author)
    kept = read_facts(plan.wanted, folder, warnings, loading=loading, namespace=namespace)
    read = {facts.ref.path: facts for facts in kept}
    found = [
        (name, sorted((read[p] for p in paths if p in read), key=lambda r: r.sort_key))
        for name, paths, _ in plan.lines
    ]
    return MapReports(
        [(name, reports) for name, reports in found if reports],
        list(read.values()),
        author,
        everyone,
        plan.fell_back,
        plan.left_out,
        warnings,
    )


@dataclass
class MapPlan:
    """What the headers say the history needs: each author's line of maps (its reports, and every
    report to read for it – its own and those that planned what its follow-ups did), all of them."""

    author: str
    everyone: bool
    by_author: bool  # a line per author (everyone's, or fallen back to everyone's)
    fell_back: bool
    left_out: int
    warnings: list[str]
    lines: list[tuple[str, list[Path], list[Path]]]  # (name, its reports, the reports to read, sorted)
    wanted: list[Path]  # every report to read, sorted
    done: set[str]  # the items the lines' follow-ups mark done, as their headers say


def plan_map_reports(folder: Path, author: str, everyone: bool, progress: Progress | None = None) -> MapPlan:
    """The lines of maps and the reports to read, found from the headers alone."""
    from intervjufas.folder.scan import forget_scan, read_headers

    headers, warnings = read_headers(folder, progress=progress)
    seen = _seen_all(headers)  # (each header's values read once)
    del headers  # (20,000 headers are tens of megabytes: not kept while the facts are read,
    forget_scan()  # nor in the scan's memory of the folder – the history looks at it once)
    relevant = [report for report in seen if report.changes]
    fell_back = not everyone and not (author and any(report.recorded == author for report in relevant))
    by_author = everyone or fell_back

    def line_of(recorded: str) -> str | None:
        return recorded if by_author else (author if recorded in (author, "") else None)

    planners_of: dict[str, set[str]] = {}  # line -> ids of the reports that planned its done items
    for r in relevant:
        line = line_of(r.recorded)
        if line is not None:
            planners_of.setdefault(line, set()).update(key.split("/")[0] for key in r.done)
    planners = set().union(*planners_of.values())
    lines: dict[str, list[Path]] = {}
    by_id: dict[str, list[Path]] = {}
    for report in seen:
        planner = report.id in planners
        if planner:
            by_id.setdefault(report.id, []).append(report.path)  # (its items are needed, whoever made it)
        line = line_of(report.recorded)
        if (planner or report.changes) and line is not None:
            lines.setdefault(line, []).append(report.path)
    left_out = 0 if by_author else sum(1 for report in relevant if line_of(report.recorded) is None)
    to_read = [
        (name, paths, _sorted({*paths, *(p for i in planners_of.get(name, ()) for p in by_id.get(i, ()))}))
        for name, paths in lines.items()
    ]
    wanted = _sorted({path for _, _, some in to_read for path in some} | {p for ps in by_id.values() for p in ps})
    done = {key for r in relevant if line_of(r.recorded) is not None for key in r.done}
    return MapPlan(
        author, everyone, by_author, fell_back and bool(relevant), left_out, warnings, to_read, wanted, done
    )


def _sorted(paths: Iterable[Path]) -> list[Path]:
    """Paths of the one folder sorted as ``sorted`` sorts them, by name (``os.path.normcase``: as
    the paths compare), without comparing thousands of paths part by part."""
    return sorted(paths, key=lambda path: os.path.normcase(path.name))


class _Seen(NamedTuple):
    """What the history needs from a report's header."""

    path: Path
    id: str
    recorded: str  # its author ("" when it does not say)
    changes: bool  # it has a map, or its follow-up marks an earlier item done
    done: list[str]  # the items its follow-up marks done


def _seen_all(headers: Sequence[tuple[Path, Header]]) -> list[_Seen]:
    """What the history needs of each header: of a header row (nearly all of them) read straight
    from its row, the follow-ups without a mapping made of them (20,000 headers: a third of the time
    spent on the headers once they are loaded); of any other header as it reads."""
    from intervjufas.folder.header_row import FolderHeader, status_of
    from intervjufas.reading.process_map.facts import DONE

    seen: list[_Seen] = []
    for path, header in headers:
        if type(header) is not FolderHeader:
            seen.append(_seen(path, header))
            continue
        coded = header.coded_follow_ups()
        done = [str(key) for key, status in coded.items() if status_of(status) == DONE] if coded else []
        karta = header.get("karta")
        changes = (isinstance(karta, int) and karta > 0) or bool(done)
        seen.append(_Seen(path, str(header.get("id") or ""), _recorded(header), changes, done))
    return seen


def _seen(path: Path, header: Header) -> _Seen:
    done = list(_done_keys(header))
    karta = header.get("karta")
    changes = (isinstance(karta, int) and karta > 0) or bool(done)
    return _Seen(path, str(header.get("id") or ""), _recorded(header), changes, done)


def _recorded(header: Header) -> str:
    return str(header.get("forfattare") or "")


def _done_keys(header: Header) -> Iterable[str]:
    from intervjufas.reading.process_map.facts import DONE

    follow = header.get("uppfoljning")
    if isinstance(follow, dict):
        yield from (str(key) for key, status in follow.items() if status == DONE)


def map_history(found: MapReports) -> MapHistory:
    """The history of every moment, per author, computed from the reports read.  (No garbage
    collection meanwhile: the timelines make no cycles, and collecting again and again among the
    facts of thousands of reports took a third of the time.)"""
    with collection_paused(keep=True):
        items = planned_index(found.read)
        lineages = []
        for name, reports in found.lines:
            tracker = Tracker()
            for loaded in reports:
                apply_report(tracker, loaded, items)
            lineages.append(Lineage(name, tuple(r.ref for r in reports), tuple(tracker.timelines())))
    newest_first = sorted(lineages, key=lambda line: max(ref.date for ref in line.reports), reverse=True)
    own_first = sorted(newest_first, key=lambda line: line.author != found.author)
    return MapHistory(tuple(own_first), found.author, found.everyone, found.fell_back, found.left_out)


def apply_report(tracker: Tracker, facts: MapFacts, items: dict[str, Planned]) -> None:
    """One report in its turn: what its follow-up says is done, its map, then its plan."""
    tracker.done(facts.ref, [items[key] for key in facts.done if key in items])
    if not facts.known_set:
        return
    entries = facts.map_entries
    if entries:
        tracker.map_entries(facts.ref, entries)
    tracker.planned(facts.ref, list(facts.planned))


def planned_index(reports: list[MapFacts]) -> dict[str, Planned]:
    """Every planned item of the reports read, by identity (the first report that planned it)."""
    index: dict[str, Planned] = {}
    for facts in sorted(reports, key=lambda r: r.sort_key):
        for planned in facts.planned:
            index.setdefault(planned.identity, planned)
    return index
