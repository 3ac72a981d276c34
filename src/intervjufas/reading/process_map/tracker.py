"""Following the moments of one consultant's process map from report to report (for
``reading.map_history``): each report in turn says which planned items its follow-up marks done,
what its map holds, and what its plan marks – and each moment's timeline gets the events.

A moment is known by its id; a moment or an item without one (a report made before maps, a map
typed by hand) by its name, preferring a moment on the map and in the same phase.  An event that a
follow-up explains (a moment added, developed or removed because an item was done) is told once:
the map change it causes in the same or a later report is not told again.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, NamedTuple

from intervjufas.model.answers import ActionItem, Moment
from intervjufas.model.questions import PHASES

EventKind = Literal[
    "appeared",  # on a map for the first time
    "returned",  # back on the map after leaving it
    "renamed",
    "moved",  # to another phase
    "plan_add",
    "plan_develop",
    "plan_remove",
    "added",  # a follow-up marked the item to add it done
    "developed",  # marked developed: by a follow-up, or with a date on the map
    "removed",  # a follow-up marked the item to remove it done
    "left",  # no longer on the map, without a follow-up saying so
]
_DONE_KINDS: dict[str, EventKind] = {"lagga_till": "added", "utveckla": "developed", "ta_bort": "removed"}
_PLAN_KINDS: dict[str, EventKind] = {
    "lagga_till": "plan_add",
    "utveckla": "plan_develop",
    "ta_bort": "plan_remove",
}


@dataclass(frozen=True, slots=True)
class ReportRef:
    """The report an event comes from."""

    path: Path
    date: str
    uppdrag: str
    author: str = ""


@dataclass(frozen=True, slots=True)
class Planned:
    """An item of a plan: its identity, its kind (lagga_till, utveckla, ta_bort), its phase."""

    identity: str
    plan: str
    phase: str
    item: ActionItem


class MapEvent(NamedTuple):
    """(A named tuple, not a frozen dataclass: a run over thousands of maps makes hundreds of
    thousands of events, and a tuple is made in a third of the time.)"""

    kind: EventKind
    report: ReportRef
    before: str = ""  # the old name, or the old phase's id
    after: str = ""  # the new name, the new phase's id, or the date a moment was marked developed
    why: str = ""  # the item's why, for planned changes and those done through a follow-up
    follow_up: bool = False  # told by a follow-up marked Genomfört


@dataclass(slots=True)
class MomentTimeline:
    """One moment's history: its id (if it has one), its latest name and phase, its events in order."""

    key: str
    moment_id: str
    name: str
    phase: str
    events: list[MapEvent] = field(default_factory=list)
    on_map: bool = False  # on the newest map
    ever_on_map: bool = False
    developed: str = ""
    position: int = 0  # its place on the newest map it was on
    created: int = 0


_NONE_TAKEN: frozenset[str] = frozenset()
MapEntry = tuple[str, str, str, str]  # a moment of a map: (phase, name, id, developed)


class Tracker:
    """The timelines of one line of maps, built report by report (oldest first)."""

    PHASE_ORDER = tuple(PHASES)

    def __init__(self) -> None:
        self._lines: dict[str, MomentTimeline] = {}
        self._ids: dict[str, str] = {}  # moment id -> key
        self._names: dict[str, list[str]] = {}  # casefolded name -> keys (in the order they were made)
        self._made_as: dict[str, str] = {}  # key -> the casefolded name it was made with
        self._current_names: dict[str, list[str]] = {}  # made-with name -> keys on the newest map
        self._current: dict[str, tuple[str, str]] = {}  # the newest map: key -> (phase, name)
        self._pending: dict[str, set[EventKind]] = {}  # done by a follow-up, not yet seen on a map
        self._planned: set[str] = set()  # items whose plan is already told

    # -- finding a moment -------------------------------------------------------------------------

    def _new(self, moment_id: str, name: str, phase: str) -> str:
        folded = name.casefold()
        key = moment_id or f"{phase}/{folded}"
        while key in self._lines:
            key += "+"
        self._lines[key] = MomentTimeline(key, moment_id, name, phase, created=len(self._lines))
        self._names.setdefault(folded, []).append(key)
        self._made_as[key] = folded
        if moment_id:
            self._ids[moment_id] = key
        return key

    def _by_name(self, folded: str, phase: str, taken: AbstractSet[str], *, on_map_only: bool = False) -> str | None:
        """The moment of that name (a moment on the map first, then one of the same phase, each the
        first made); with ``on_map_only`` only one on the map in that phase.  The few moments on
        the map are looked at first, so that a name many moments had costs no more than a rare one.
        (``folded``: the name casefolded.)"""
        lines = self._lines
        # (the first made of those on the map in that phase, else of those on the map: one pass,
        # no list – thousands of maps ask this of every moment that repeats a name)
        found: str | None = None
        found_here, found_created = False, 0
        current = self._current
        for key in self._current_names.get(folded, ()):
            if key in taken:
                continue
            here = current[key][0] == phase  # (a moment on the map is in the phase it is there in)
            if on_map_only and not here:
                continue
            created = lines[key].created
            if found is None or (here and not found_here) or (here == found_here and created < found_created):
                found, found_here, found_created = key, here, created
        if found is not None or on_map_only:
            return found
        other = None
        for key in self._names.get(folded, ()):
            if key in taken:
                continue
            if lines[key].phase == phase:
                return key
            if other is None:
                other = key
        return other

    def _item_key(self, planned: Planned) -> str:
        """The moment an item is about: by the moment's id, else by name, else a new one.  A new
        moment with its own id is the moment of that name only when one is on the map in its phase
        (a new mapping does not add a moment twice)."""
        item = planned.item
        if item.moment_id and item.moment_id in self._ids:
            return self._ids[item.moment_id]
        adds = bool(item.moment_id) and planned.plan == "lagga_till"
        key = self._by_name(item.moment.casefold(), planned.phase, _NONE_TAKEN, on_map_only=adds)
        if key is None:
            return self._new(item.moment_id, item.moment, planned.phase)
        if item.moment_id:
            self._ids[item.moment_id] = key
        return key

    def _event(self, key: str, event: MapEvent) -> None:
        self._lines[key].events.append(event)

    # -- the reports, in turn -------------------------------------------------------------------

    def done(self, ref: ReportRef, items: list[Planned]) -> None:
        """Items a follow-up in this report marks Genomfört."""
        for planned in items:
            kind = _DONE_KINDS.get(planned.plan)
            if kind is None:
                continue
            key = self._item_key(planned)
            self._event(key, MapEvent(kind, ref, why=planned.item.why, follow_up=True))
            line = self._lines[key]
            on_map = key in self._current
            # (a moment only an older plan named comes onto the next map already developed)
            to_come = (
                not on_map if kind == "added" else on_map or (kind == "developed" and not line.ever_on_map)
            )
            if to_come:  # the map change still to come is told by this event
                self._pending.setdefault(key, set()).add(kind)

    def map(self, ref: ReportRef, phases: dict[str, tuple[Moment, ...]]) -> None:
        """The report's map: what appeared, came back, was renamed, moved, developed or left."""
        self.map_entries(
            ref, [(phase, moment.name, moment.id, moment.developed) for phase, moments in phases.items() for moment in moments]
        )

    def map_entries(self, ref: ReportRef, entries: list[MapEntry]) -> None:
        """``map`` of the map's moments as (phase, name, id, developed), in order: thousands of maps
        pass through here, kept as plain values, so none is made into moments, and a moment
        without a pending change makes no set."""
        placed = self._place(entries)
        current: dict[str, tuple[str, str]] = {}
        lines, pending_of, newest, date = self._lines, self._pending, self._current, ref.date
        for position, (key, (phase, name, _, developed_on)) in enumerate(zip(placed, entries, strict=True)):
            line = lines[key]
            pending = pending_of.get(key)
            before = newest.get(key)
            if before is None:
                if pending and "added" in pending:
                    pending.discard("added")
                else:
                    line.events.append(MapEvent("returned" if line.ever_on_map else "appeared", ref))
            else:
                old_phase, old_name = before
                if old_name != name:
                    line.events.append(MapEvent("renamed", ref, old_name, name))
                if old_phase != phase:
                    line.events.append(MapEvent("moved", ref, old_phase, phase))
            # (a date after the report's own is not told in it: no report shows what comes later)
            developed = developed_on if developed_on <= date else line.developed
            if developed and developed != line.developed:
                if pending and "developed" in pending:
                    pending.discard("developed")
                else:
                    line.events.append(MapEvent("developed", ref, after=developed))
            line.name, line.phase, line.developed, line.position = (name, phase, developed, position)
            line.on_map = line.ever_on_map = True
            current[key] = (phase, name)
        self._current = current
        if current.keys() == newest.keys():  # (the same moments as the map before: most maps)
            return
        for key in [key for key in newest if key not in current]:
            lines[key].on_map = False
            pending = pending_of.get(key)
            if pending and "removed" in pending:
                pending.discard("removed")
            else:
                lines[key].events.append(MapEvent("left", ref))
        names: dict[str, list[str]] = {}
        made_as = self._made_as
        for key in current:
            names.setdefault(made_as[key], []).append(key)
        self._current_names = names

    def _place(self, entries: list[MapEntry]) -> list[str]:
        """Each moment of a map's timeline: by id first, then (moments new to us) by name."""
        keys: list[str | None] = []
        taken: set[str] = set()
        ids = self._ids
        for _, _, moment_id, _ in entries:
            key = ids.get(moment_id) if moment_id else None
            keys.append(key if key not in taken else None)
            if key is not None:
                taken.add(key)
        on_map = self._current_names
        for index, (phase, name, moment_id, _) in enumerate(entries):
            if keys[index] is None:
                # (the one moment of that name on the map, not yet taken – nearly every moment of
                # thousands of maps – is ``_by_name``'s answer, found without it)
                folded = name.casefold()
                same = on_map.get(folded)
                if same is not None and len(same) == 1 and same[0] not in taken:
                    key = same[0]
                else:
                    key = self._by_name(folded, phase, taken) or self._new(moment_id, name, phase)
                if moment_id:
                    ids.setdefault(moment_id, key)
                keys[index] = key
                taken.add(key)
        return keys  # type: ignore[return-value]

    def planned(self, ref: ReportRef, items: list[Planned]) -> None:
        """The report's plan: each item told once, in the first report that plans it."""
        for planned in items:
            kind = _PLAN_KINDS.get(planned.plan)
            if kind is None or planned.identity in self._planned:
                continue
            self._planned.add(planned.identity)
            self._event(self._item_key(planned), MapEvent(kind, ref, why=planned.item.why))

    def timelines(self) -> list[MomentTimeline]:
        """Every moment with a history, phase by phase: those on the newest map in its order, then
        the others in the order they were first told."""
        lines = [line for line in self._lines.values() if line.events]
        order = {phase: index for index, phase in enumerate(self.PHASE_ORDER)}
        return sorted(
            lines,
            key=lambda line: (
                order.get(line.phase, len(order)),
                not line.on_map,
                line.position if line.on_map else line.created,
            ),
        )
