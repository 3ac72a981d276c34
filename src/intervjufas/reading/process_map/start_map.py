"""The process map a new session starts from: the latest map in the reports folder (the same
consultant's, where reports record who made them), or the map of a report the user names – changed
by what the follow-up of earlier plans says is done (``carried_map``).

A session imports this module before its first question, so the folder is read (and PyYAML
loaded) only when a map is looked for: inside ``latest_map``."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from intervjufas.errors import IntervjufasError
from intervjufas.model.answers import ActionItem, Moment, new_id
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.model.questions import PHASES
from intervjufas.report.process_map.report_map import has_map, mapped_moments, moments_from_items

if TYPE_CHECKING:
    from intervjufas.folder.loading import LoadedReport


@dataclass(frozen=True)
class StartMap:
    """The map a new session starts from – its moments by phase – and the report it comes from (to
    say so; none for a map that is no report's)."""

    phases: dict[str, tuple[Moment, ...]]
    source: Path | None = None
    author: str = ""


def latest_map(folder: Path, questionnaire: Questionnaire, author: str, exclude_id: str) -> StartMap:
    """The newest map in the folder – by preference one the same author made – else, when no
    report has a map yet, the moments named in the newest plan (the author's own first, too).

    A report that cannot be read, whose set is not known, or whose map turns out empty (moments
    deleted by hand after its header counted them) is passed over for the next one."""
    from intervjufas.folder.loading import load_report
    from intervjufas.folder.scan import read_headers, sort_key

    headers, _ = read_headers(folder)
    newest_first = sorted(headers, key=lambda entry: sort_key(*entry), reverse=True)
    # A report started already (saved in the folder) starts from the maps ordered before it: a
    # mapping dated earlier than a planned one never carries what the later one says.
    own = [sort_key(p, h) for p, h in headers if h.report_id == exclude_id]
    candidates = [
        (p, h) for p, h in newest_first if h.report_id != exclude_id and (not own or sort_key(p, h) < own[0])
    ]
    # The author's own first (a stable sort: each group stays newest first).
    preferred = sorted(candidates, key=lambda entry: not (author and entry[1].author == author))
    with_map = [p for p, h in preferred if h.map_size > 0]
    with_items = [p for p, h in preferred if h.planned]
    for path in dict.fromkeys([*with_map, *with_items]):  # (each read once)
        with contextlib.suppress(IntervjufasError):
            loaded = load_report(path, questionnaire)
            found = map_of(loaded)
            if any(found.values()):
                return StartMap(found, path, loaded.report.author)
    return StartMap({})


def map_of(loaded: LoadedReport) -> dict[str, tuple[Moment, ...]]:
    """A report's map; for a report made before maps existed, the moments its plan names."""
    if loaded.questionnaire is None:
        return {}
    if has_map(loaded.questionnaire):
        return mapped_moments(loaded.report, loaded.questionnaire)
    return moments_from_items(loaded.report, loaded.questionnaire)


def carried_map(
    base: dict[str, tuple[Moment, ...]], done: Sequence[tuple[str, str | None, ActionItem]], date: str
) -> dict[str, tuple[Moment, ...]]:
    """The map a new mapping starts from: an earlier map, changed by what the follow-up says is
    done – ``done`` holds (plan kind, phase, item) of the items marked Genomfört: a moment to add
    joins its phase, one to remove leaves the map, one to develop is marked developed on ``date``.
    A note about the earlier assignment (``assignment_note``) stays in its report: never carried."""
    phases = {phase: [replace(m, assignment_note="") for m in base.get(phase, ())] for phase in PHASES}
    for kind, phase, item in done:
        if kind == "lagga_till" and phase in phases:
            present = {moment.id for moments in phases.values() for moment in moments if moment.id}
            named = {moment.name.casefold() for moment in phases[phase]}
            if item.moment_id not in present and item.moment.casefold() not in named:
                phases[phase].append(Moment(item.moment, item.involves, id=item.moment_id or new_id()))
        elif kind == "ta_bort":
            for listed in phases.values():
                listed[:] = [m for m in listed if not _same(m, item)]
        elif kind == "utveckla":
            for listed in phases.values():
                listed[:] = [replace(m, developed=date) if _same(m, item) else m for m in listed]
    return {phase: tuple(moments) for phase, moments in phases.items()}


def _same(moment: Moment, item: ActionItem) -> bool:
    """The item is about this moment: by id, or (items written without one) by name."""
    if item.moment_id:
        return moment.id == item.moment_id
    return moment.name.casefold() == item.moment.casefold()
