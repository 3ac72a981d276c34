"""What changed on a consultant's map, moment by moment (the default view of ``karta --historik``):
each moment's changes – added, developed, removed, renamed, moved to another phase – with the
newest time each happened, its report, and how often, so that years of maps fit on a screen or two.

Derived from the timelines of ``history.map_history`` (which come from the kept map facts); plans
are not changes of the map and are left to the full history.  A moment keeps its identity through
renames, so a renamed moment is one moment with a "renamed" change.  ``most`` bounds the moments
shown per consultant: every moment on the newest map, then those with the newest changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from intervjufas.reading.process_map.history import Lineage, MapHistory
from intervjufas.reading.process_map.tracker import EventKind, MapEvent, MomentTimeline

ChangeKind = Literal["added", "developed", "removed", "renamed", "moved"]
CHANGE_OF: dict[EventKind, ChangeKind] = {
    "appeared": "added",
    "returned": "added",
    "added": "added",
    "developed": "developed",
    "removed": "removed",
    "left": "removed",
    "renamed": "renamed",
    "moved": "moved",
}
MOST_MOMENTS = 15  # per consultant: about two screens with a few changes each


@dataclass(frozen=True, slots=True)
class Change:
    """One kind of change of a moment: its newest event, its first, and how many there were."""

    kind: ChangeKind
    last: MapEvent
    first: MapEvent
    times: int


@dataclass(frozen=True, slots=True)
class MomentChanges:
    moment_id: str
    name: str  # its newest name
    phase: str
    on_map: bool  # on the newest map
    changes: tuple[Change, ...]  # oldest newest event first

    @property
    def latest(self) -> MapEvent:
        return self.changes[-1].last


@dataclass(frozen=True, slots=True)
class LineageChanges:
    """One consultant's maps: how many reports, from when to when, and the moments shown."""

    author: str
    reports: int
    first_date: str
    last_date: str
    moments: tuple[MomentChanges, ...]  # by phase, those on the newest map first (as the timelines)
    left_out: int = 0  # moments with older changes, not shown


@dataclass(frozen=True, slots=True)
class ChangeHistory:
    history: MapHistory  # (who, which authors, what was left out)
    lineages: tuple[LineageChanges, ...]

    @property
    def empty(self) -> bool:
        return not any(line.moments for line in self.lineages)


def moment_changes(timeline: MomentTimeline) -> MomentChanges | None:
    """The moment's changes, one per kind, or None when nothing changed it (only plans)."""
    found: dict[ChangeKind, list[MapEvent]] = {}
    order: dict[ChangeKind, int] = {}
    for number, event in enumerate(timeline.events):
        kind = CHANGE_OF.get(event.kind)
        if kind is not None:
            found.setdefault(kind, []).append(event)
            order[kind] = number
    if not found:
        return None
    changes = tuple(
        Change(kind, events[-1], events[0], len(events))
        for kind, events in sorted(found.items(), key=lambda pair: order[pair[0]])
    )
    return MomentChanges(timeline.moment_id, timeline.name, timeline.phase, timeline.on_map, changes)


def lineage_changes(lineage: Lineage, most: int = MOST_MOMENTS) -> LineageChanges:
    """The moments worth showing: every one on the newest map, then the newest changes, ``most``
    in all (more when the map itself has more).  Only the moments shown are made into their
    changes: tens of thousands of moments a line has had are each looked at for their newest change
    alone (what ``MomentChanges.latest`` would be)."""
    changed = [(timeline, latest) for timeline in lineage.moments if (latest := _latest_change(timeline)) is not None]
    on_map = sum(1 for timeline, _ in changed if timeline.on_map)
    others = sorted(
        (index for index, (timeline, _) in enumerate(changed) if not timeline.on_map),
        key=lambda index: _recency(changed[index][1]),
        reverse=True,
    )
    shown = {index for index, (timeline, _) in enumerate(changed) if timeline.on_map}
    shown.update(others[: max(most - on_map, 0)])
    dates = [ref.date for ref in lineage.reports]
    moments = (moment_changes(timeline) for index, (timeline, _) in enumerate(changed) if index in shown)
    return LineageChanges(
        lineage.author,
        len(lineage.reports),
        min(dates, default=""),
        max(dates, default=""),
        tuple(moment for moment in moments if moment is not None),
        len(changed) - len(shown),
    )


def _latest_change(timeline: MomentTimeline) -> MapEvent | None:
    """The newest of the moment's events that is a change of the map (None: only plans)."""
    for event in reversed(timeline.events):
        if event.kind in CHANGE_OF:
            return event
    return None


def _recency(latest: MapEvent) -> tuple[str, str]:
    return latest.report.date, latest.report.path.name


def change_history(history: MapHistory, most: int = MOST_MOMENTS) -> ChangeHistory:
    """Every consultant's changes (the history's own first), each bounded by ``most`` moments."""
    return ChangeHistory(history, tuple(lineage_changes(lineage, most) for lineage in history.lineages))
