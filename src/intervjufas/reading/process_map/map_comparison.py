"""Comparing the process maps of two reports (``jamfor``) moment by moment, as data: moments added
or removed, renamed, moved to another phase, marked (to add, develop or remove), developed, and
changed in whom they involve or their note.

Moments are paired by id (a map carried from report to report keeps them), then – for moments
typed without one – by name within a phase, then by name in any phase (a moment that moved).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from intervjufas.folder.loading import LoadedReport
from intervjufas.report.process_map.report_map import MappedMoment, ProcessMap, has_map, process_map

ChangeKind = Literal["added", "removed", "renamed", "moved", "marked", "developed", "involves", "note"]


@dataclass(frozen=True)
class MomentChange:
    """One difference between the maps: ``before`` and ``after`` hold what changed (a name, a
    phase id, a state, a date, whom it involves, the note)."""

    kind: ChangeKind
    phase: str  # B's phase (A's for a moment only A has)
    name: str  # B's name (A's for a moment only A has)
    moment_id: str = ""
    before: str = ""
    after: str = ""


@dataclass(frozen=True)
class MapComparison:
    a_moments: int
    b_moments: int
    changes: tuple[MomentChange, ...]
    unchanged: int  # moments on both maps without a difference

    @property
    def one_sided(self) -> str | None:
        """'A' or 'B' when only that report has a map (then the moments are not listed)."""
        if not self.a_moments:
            return "B"
        return "A" if not self.b_moments else None

    @property
    def differs(self) -> bool:
        return bool(self.changes) or self.one_sided is not None


def map_of_report(loaded: LoadedReport) -> ProcessMap | None:
    """The report's own map with its marks (None when its question set maps no process)."""
    if loaded.questionnaire is None or not has_map(loaded.questionnaire):
        return None
    return process_map(loaded.report, loaded.questionnaire)


def compare_maps(a: LoadedReport, b: LoadedReport) -> MapComparison | None:
    """The two maps compared; None when neither report has a map."""
    map_a, map_b = map_of_report(a), map_of_report(b)
    moments_a = map_a.moments if map_a is not None else []
    moments_b = map_b.moments if map_b is not None else []
    if not moments_a and not moments_b:
        return None
    if not moments_a or not moments_b:
        return MapComparison(len(moments_a), len(moments_b), (), 0)
    pairs, only_b, only_a = _pair(moments_a, moments_b)
    changes: list[MomentChange] = []
    unchanged = 0
    for old, new in pairs:
        found = _differences(old, new)
        changes += found
        unchanged += not found
    changes += [MomentChange("added", m.phase, m.moment.name, m.moment.id, after=m.state) for m in only_b]
    changes += [MomentChange("removed", m.phase, m.moment.name, m.moment.id, before=m.state) for m in only_a]
    order = {phase: index for index, (phase, _) in enumerate(map_b.phases)}  # type: ignore[union-attr]
    changes.sort(key=lambda change: order.get(change.phase, len(order)))  # (stable: B's order within)
    return MapComparison(len(moments_a), len(moments_b), tuple(changes), unchanged)


def _pair(
    moments_a: list[MappedMoment], moments_b: list[MappedMoment]
) -> tuple[list[tuple[MappedMoment, MappedMoment]], list[MappedMoment], list[MappedMoment]]:
    """Pairs (in B's order), the moments only B has, those only A has."""
    free = list(moments_a)
    matched: dict[int, MappedMoment] = {}
    rules = (
        lambda old, new: bool(new.moment.id) and old.moment.id == new.moment.id,
        lambda old, new: old.phase == new.phase and _same_name(old, new),
        _same_name,
    )
    for rule in rules:
        for index, new in enumerate(moments_b):
            if index in matched:
                continue
            found = next((old for old in free if rule(old, new)), None)
            if found is not None:
                matched[index] = found
                free.remove(found)
    pairs = [(matched[index], new) for index, new in enumerate(moments_b) if index in matched]
    only_b = [new for index, new in enumerate(moments_b) if index not in matched]
    return pairs, only_b, free


def _same_name(old: MappedMoment, new: MappedMoment) -> bool:
    return old.moment.name.casefold().strip() == new.moment.name.casefold().strip()


def _differences(old: MappedMoment, new: MappedMoment) -> list[MomentChange]:
    def change(kind: ChangeKind, before: str, after: str) -> MomentChange:
        return MomentChange(kind, new.phase, new.moment.name, new.moment.id, before, after)

    found = []
    if old.moment.name != new.moment.name:
        found.append(change("renamed", old.moment.name, new.moment.name))
    if old.phase != new.phase:
        found.append(change("moved", old.phase, new.phase))
    planned = ("new", "develop", "remove")
    mark_a = old.state if old.state in planned else "kept"
    mark_b = new.state if new.state in planned else "kept"
    developed = bool(new.moment.developed) and new.moment.developed != old.moment.developed
    if mark_a == "new" and mark_b != "new":  # planned in A, on the map in B
        found.append(change("added", old.state, new.state))
    elif mark_a != mark_b and not (developed and (mark_a, mark_b) == ("develop", "kept")):
        found.append(change("marked", mark_a, mark_b))  # (to develop in A, developed in B: said below)
    if developed:
        found.append(change("developed", old.moment.developed, new.moment.developed))
    if _folded(old.moment.involves) != _folded(new.moment.involves):  # (older reports wrote lower case)
        found.append(change("involves", ", ".join(old.moment.involves), ", ".join(new.moment.involves)))
    if old.moment.note != new.moment.note:
        found.append(change("note", old.moment.note, new.moment.note))
    return found


def _folded(involves: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name.casefold() for name in involves)
