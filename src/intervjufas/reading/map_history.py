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

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from intervjufas.errors import IntervjufasError
from intervjufas.reading.folder import Header, read_headers
from intervjufas.reading.header_index import Progress
from intervjufas.reading.map_tracker import MomentTimeline, Planned, ReportRef, Tracker
from intervjufas.reports.loading import LoadedReport, load_report
from intervjufas.reports.model import PlannedItem, identity, planned_items
from intervjufas.reports.process_map import has_map, mapped_moments, step_phase

DONE = "Genomfört"


@dataclass
class MapReports:
    """What ``read_map_reports`` found: the reports of each author's line of maps (oldest first),
    every report read (where the items that follow-ups close were planned), and what to tell."""

    lines: list[tuple[str, list[LoadedReport]]]
    read: list[LoadedReport]
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
    headers, warnings = read_headers(folder, progress=progress)
    relevant = [(path, header) for path, header in headers if _changes_map(header)]
    fell_back = not everyone and not (author and any(_recorded(header) == author for _, header in relevant))
    by_author = everyone or fell_back

    def line_of(header: Header) -> str | None:
        recorded = _recorded(header)
        return recorded if by_author else (author if recorded in (author, "") else None)

    planners = {key.split("/")[0] for _, h in relevant if line_of(h) is not None for key in _done_keys(h)}
    lines: dict[str, list[Path]] = {}
    wanted: set[Path] = set()
    for path, header in headers:
        planner = str(header.get("id") or "") in planners
        if planner:
            wanted.add(path)  # (its items are needed, whoever made it)
        line = line_of(header)
        if (planner or _changes_map(header)) and line is not None:
            lines.setdefault(line, []).append(path)
            wanted.add(path)
    read: dict[Path, LoadedReport] = {}
    for done, path in enumerate(sorted(wanted), start=1):
        try:
            read[path] = load_report(path, in_folder=True)
        except IntervjufasError as error:
            warnings.append(error.message)
        if loading is not None:
            loading(done, len(wanted))
    found = [
        (name, sorted((read[p] for p in paths if p in read), key=lambda r: r.sort_key))
        for name, paths in lines.items()
    ]
    left_out = 0 if by_author else sum(1 for _, header in relevant if line_of(header) is None)
    return MapReports(
        [(name, reports) for name, reports in found if reports],
        list(read.values()),
        author,
        everyone,
        fell_back and bool(relevant),
        left_out,
        warnings,
    )


def _recorded(header: Header) -> str:
    return str(header.get("forfattare") or "")


def _changes_map(header: Header) -> bool:
    """The report has a map, or its follow-up marks an earlier item done."""
    karta = header.get("karta")
    return (isinstance(karta, int) and karta > 0) or any(True for _ in _done_keys(header))


def _done_keys(header: Header) -> Iterable[str]:
    follow = header.get("uppfoljning")
    if isinstance(follow, dict):
        yield from (str(key) for key, status in follow.items() if status == DONE)


def map_history(found: MapReports) -> MapHistory:
    """The history of every moment, per author, computed from the reports read."""
    items = _planned_index(found.read)
    lineages = []
    for name, reports in found.lines:
        tracker = Tracker()
        for loaded in reports:
            _apply(tracker, loaded, items)
        lineages.append(Lineage(name, tuple(_ref(r) for r in reports), tuple(tracker.timelines())))
    newest_first = sorted(lineages, key=lambda line: max(ref.date for ref in line.reports), reverse=True)
    own_first = sorted(newest_first, key=lambda line: line.author != found.author)
    return MapHistory(tuple(own_first), found.author, found.everyone, found.fell_back, found.left_out)


def _apply(tracker: Tracker, loaded: LoadedReport, items: dict[str, Planned]) -> None:
    """One report in its turn: what its follow-up says is done, its map, then its plan."""
    ref = _ref(loaded)
    done = [
        items[identity(follow_up.key)]
        for follow_up in loaded.report.follow_ups
        if follow_up.status == DONE and identity(follow_up.key) in items
    ]
    tracker.done(ref, done)
    questionnaire = loaded.questionnaire
    if questionnaire is None:
        return
    if has_map(questionnaire):
        phases = mapped_moments(loaded.report, questionnaire)
        if any(phases.values()):
            tracker.map(ref, phases)
    tracker.planned(ref, [_planned(p) for p in planned_items(loaded.report, questionnaire)])


def _planned_index(reports: list[LoadedReport]) -> dict[str, Planned]:
    """Every planned item of the reports read, by identity (the first report that planned it)."""
    index: dict[str, Planned] = {}
    for loaded in sorted(reports, key=lambda r: r.sort_key):
        if loaded.questionnaire is None:
            continue
        for planned in planned_items(loaded.report, loaded.questionnaire):
            index.setdefault(planned.identity, _planned(planned))
    return index


def _planned(planned: PlannedItem) -> Planned:
    phase = planned.phase or step_phase(planned.step.number)
    return Planned(planned.identity, planned.question.plan or "", phase, planned.item)


def _ref(loaded: LoadedReport) -> ReportRef:
    report = loaded.report
    return ReportRef(loaded.path, report.date, report.uppdrag, report.recorded_author)
