"""The team's map a mapping session offers colleagues' moments from, read ahead and brought up to
date with the session's own report at the offer.

Why: a session offers the team's moments right after the consultant closes a phase's map
(``session/suggestions.py``).  Looking the team's map up there (``team_map``) is a pass over every
header of the folder – in a folder of 20,000 reports a stat of every file and a sort of the maps
by time, 0.2–0.5 s on a loaded machine – just when the consultant waits for the next screen.  So
the folder is read ahead once per session (``TeamAhead``: every consultant's latest map, chosen as
``team_map`` chooses them, read while the consultant answers the questions before the first map),
and at the offer only the session's own report is read again (``team_map_now``): its map was just
saved, and it is its author's latest map unless another of theirs has a later date – the choice
``team_map`` makes.  What colleagues save meanwhile is counted by the next session.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from intervjufas.errors import IntervjufasError
from intervjufas.folder.header_row import FolderHeader
from intervjufas.folder.scan import read_folder_header, sort_key
from intervjufas.folder.team_vocabulary import Vocabulary, read_vocabulary
from intervjufas.model.answers import Moment
from intervjufas.reading.process_map.team_map import (
    TeamMap,
    counted_author,
    latest_entries,
    maps_of,
    team_map_of,
)

Maps = dict[str, dict[str, tuple[Moment, ...]]]  # author -> phase -> moments


@dataclass(frozen=True)
class TeamAhead:
    """Every consultant's latest map as the folder held them when it was read."""

    folder: Path
    chosen: dict[str, tuple[Path, FolderHeader]]  # author -> their latest map's report and header
    maps: Maps
    vocabulary: Vocabulary
    warnings: tuple[str, ...]


def team_ahead(folder: Path) -> TeamAhead:
    """The folder's latest maps, read now (names only: no answers file is read)."""
    vocabulary, warnings = read_vocabulary(folder)
    chosen = latest_entries(folder, vocabulary, warnings)
    maps = maps_of({author: path for author, (path, _) in chosen.items()}, folder, warnings)
    return TeamAhead(folder, chosen, maps, vocabulary, tuple(warnings))


def team_map_now(ahead: TeamAhead, report: Path | None) -> TeamMap:
    """The team's map of ``ahead`` with ``report`` (the session's own, saved since) as it is now."""
    maps, warnings = dict(ahead.maps), list(ahead.warnings)
    if report is not None:
        _with_own(ahead, report, maps, warnings)
    return team_map_of(maps, ahead.vocabulary, ahead.folder, tuple(warnings))


def _with_own(ahead: TeamAhead, report: Path, maps: Maps, warnings: list[str]) -> None:
    """Put the own report's map where ``team_map`` would: as its author's latest map unless
    another report of theirs is later."""
    for name, (path, _) in ahead.chosen.items():
        if path == report:  # (a report continued: its map as read ahead is no longer its map)
            maps.pop(name, None)
    try:
        header = FolderHeader.of(read_folder_header(report))
    except (ValueError, OSError):
        return  # (unreadable now: the next command over the folder says so)
    author = counted_author(report, header, ahead.vocabulary)
    if author is None:
        return
    earlier = ahead.chosen.get(author)
    if earlier is not None and earlier[0] != report and sort_key(*earlier) > sort_key(report, header):
        return
    own = _map(report, warnings)
    if own is not None:
        maps[author] = own


def _map(report: Path, warnings: list[str]) -> dict[str, tuple[Moment, ...]] | None:
    from intervjufas.folder.loading import load_report
    from intervjufas.reading.process_map.facts import facts_of

    try:
        return facts_of(load_report(report, in_folder=True)).phases
    except IntervjufasError as error:
        warnings.append(error.message)
        return None
