"""Colleagues' moments a consultant does not have: what a mapping offers after the consultant's own
map of a phase ("Kollegor i mappen har också: Referenstagning (3 av 5) …").

The source is the team's map (``team_map``: every consultant's latest map, names grouped as the team
decided), so a suggestion carries only a moment's name, how many have it and whom it involves.  A
moment the consultant already has – under any name the team groups with it – is not suggested, nor
one only the consultant has; the most common come first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from intervjufas.reading.process_map.team_map import TeamMap
from intervjufas.reading.process_map.team_names import name_groups

MAX_SUGGESTIONS = 8


@dataclass(frozen=True)
class Suggestion:
    name: str
    count: int  # consultants whose latest map has it
    of: int  # consultants counted in all
    involves: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{self.name} ({self.count} av {self.of})"


def suggestions(team: TeamMap, phase: str, own: Iterable[str], author: str) -> list[Suggestion]:
    """The team's moments of ``phase`` that ``own`` (the names on the consultant's map) lacks."""
    moments = dict(team.phases).get(phase, ())
    own = list(own)
    names = {*own, *(name for moment in moments for name in moment.names)}
    groups = name_groups(names, team.vocabulary)
    mine = {groups[name] for name in own}
    found = []
    for moment in moments:
        if any(groups[name] in mine for name in moment.names):
            continue
        if not moment.unnamed and set(moment.authors) <= {author}:
            continue  # (only the consultant's own, from an earlier map)
        found.append(Suggestion(moment.name, moment.count, team.consultants, moment.involves))
    return found[:MAX_SUGGESTIONS]
