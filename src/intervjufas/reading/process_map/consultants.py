"""Two consultants side by side (``jamfor --av A --av B``): their latest maps moment by moment –
only in A's, only in B's, and in both with a difference in whom they involve – with names grouped
as in every team view (``team_names.name_groups``).  Like the team's map it takes nothing but moment
names and whom they involve from the reports."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from intervjufas.errors import IntervjufasError
from intervjufas.folder.team_vocabulary import read_vocabulary
from intervjufas.model.answers import Moment
from intervjufas.model.questions import PHASES
from intervjufas.reading.process_map.team_map import UNNAMED, latest_maps
from intervjufas.reading.process_map.team_names import name_groups


@dataclass(frozen=True)
class BothDiffer:
    name_a: str
    name_b: str
    involves_a: tuple[str, ...]
    involves_b: tuple[str, ...]


@dataclass(frozen=True)
class PhaseSideBySide:
    phase: str
    only_a: tuple[str, ...]
    only_b: tuple[str, ...]
    differ: tuple[BothDiffer, ...]
    same: tuple[str, ...]


@dataclass(frozen=True)
class SideBySide:
    author_a: str
    author_b: str
    phases: tuple[PhaseSideBySide, ...]
    warnings: tuple[str, ...]

    @property
    def differs(self) -> bool:
        return any(p.only_a or p.only_b or p.differ for p in self.phases)


def _author(maps: dict[str, dict[str, tuple[Moment, ...]]], wanted: str) -> str:
    found = next((a for a in maps if a != UNNAMED and a.casefold() == " ".join(wanted.split()).casefold()), None)
    if found is None:
        known = ", ".join(sorted((a for a in maps if a != UNNAMED), key=str.casefold)) or "ingen"
        raise IntervjufasError(f"Ingen karta av '{wanted}' i rapportmappen. Konsulter med en karta: {known}.")
    return found


def side_by_side(folder: Path, a: str, b: str) -> SideBySide:
    vocabulary, warnings = read_vocabulary(folder)
    maps = latest_maps(folder, vocabulary, warnings)
    author_a, author_b = _author(maps, a), _author(maps, b)
    phases = []
    for phase in PHASES:
        mine, theirs = maps[author_a].get(phase, ()), maps[author_b].get(phase, ())
        groups = name_groups({m.name for m in (*mine, *theirs)}, vocabulary)
        by_group_b = {groups[m.name]: m for m in theirs}
        only_a, differ, same = [], [], []
        for moment in mine:
            group = groups[moment.name]
            other = by_group_b.get(group)
            if other is None:
                only_a.append(moment.name)
                continue
            if set(moment.involves) != set(other.involves):
                differ.append(BothDiffer(moment.name, other.name, moment.involves, other.involves))
            else:
                same.append(moment.name)
        in_a = {groups[m.name] for m in mine}
        only_b = [m.name for m in theirs if groups[m.name] not in in_a]
        phases.append(PhaseSideBySide(phase, tuple(only_a), tuple(only_b), tuple(differ), tuple(same)))
    return SideBySide(author_a, author_b, tuple(phases), tuple(warnings))
