"""The process map ``karta`` shows: one report's map with what it plans marked, and the report it
comes from – or, when no report is named, the newest map in the reports folder (the same
consultant's by preference, as a new mapping starts from it).

A report made before maps existed has no map of its own; it is shown with the moments its plan
names (as ``report.process_map.report_map.moments_from_items`` carries them forward), marked as planned.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from intervjufas.errors import IntervjufasError
from intervjufas.folder.loading import LoadedReport, load_report
from intervjufas.folder.scan import Header, read_headers, sort_key
from intervjufas.model.answers import ActionItem, Moment
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.model.questions import PHASES
from intervjufas.reading.plan.state import OpenItem
from intervjufas.report.model import Report
from intervjufas.report.plan import planned_items
from intervjufas.report.process_map.mermaid import State
from intervjufas.report.process_map.report_map import (
    MappedMoment,
    ProcessMap,
    has_map,
    moments_from_items,
    process_map,
    step_phase,
)

Origin = Literal["map", "plan", "none"]
EMPTY_MAP = ProcessMap(tuple((phase, ()) for phase in PHASES))
_PLAN_STATES: dict[str, State] = {"lagga_till": "new", "utveckla": "develop", "ta_bort": "remove"}


@dataclass(frozen=True)
class ShownMap:
    """A map to show: ``origin`` says where it comes from – the report's own map, the moments its
    plan names (a report made before maps existed), or nothing (``none``: the map is empty)."""

    drawn: ProcessMap
    origin: Origin
    loaded: LoadedReport | None = None  # None: no report in the folder has a map
    latest: bool = False  # chosen as the newest map in the folder (no report was named)
    someone_else: bool = False  # latest, but the author has no map of their own: another's
    folder: Path | None = None

    @property
    def report(self) -> Report | None:
        return self.loaded.report if self.loaded is not None else None

    @property
    def author(self) -> str:
        return self.report.recorded_author if self.report is not None else ""

    def fact(self, key: str) -> str:
        """A detail of the assignment ("" when there is no report or no answer)."""
        report = self.report
        if report is None:
            return ""
        if key == "datum":
            return report.date
        return report.detail(key)


def shown_map_of(path: Path) -> ShownMap:
    """The map of the report at ``path``."""
    return shown_map_from(load_report(path))


def shown_map_from(loaded: LoadedReport, *, latest: bool = False, someone_else: bool = False) -> ShownMap:
    """A loaded report's map (the moments its plan names when its question set maps no process)."""
    questionnaire = loaded.questionnaire
    if questionnaire is None:
        ref = loaded.report.question_set
        raise IntervjufasError(
            f"{loaded.path.name} är gjord med frågeuppsättningen {ref.id} (version {ref.version}), som "
            "inte finns här, så processkartan kan inte läsas. Lägg frågefilen i mappen för egna "
            "frågeuppsättningar."
        )
    origin: Origin = "map" if has_map(questionnaire) else "plan"
    drawn = (
        process_map(loaded.report, questionnaire)
        if origin == "map"
        else plan_map(loaded.report, questionnaire)
    )
    if origin == "map":
        from intervjufas.reading.plan.folder_items import map_state

        still_open, closed_own = map_state(loaded, now=latest)
        drawn = with_open_marks(without_closed(drawn, loaded, closed_own), still_open)
    return ShownMap(
        drawn,
        "none" if drawn.empty else origin,
        loaded,
        latest=latest,
        someone_else=someone_else,
        folder=loaded.path.parent,
    )


def without_closed(drawn: ProcessMap, loaded: LoadedReport, closed_own: dict[str, str]) -> ProcessMap:
    """The map without the marks of the report's own items that are closed by now (followed up
    later, or marked from ``plan``): a moment to add leaves the map (done, it is on the next map a
    mapping starts from), a moment to develop or remove takes the mark of another of its own items
    still open, else becomes a plain moment."""
    if not closed_own or loaded.questionnaire is None:
        return drawn
    own = [
        (p.item, _PLAN_STATES.get(p.question.plan or ""), p.identity in closed_own)
        for p in planned_items(loaded.report, loaded.questionnaire)
    ]
    phases = []
    for phase, moments in drawn.phases:
        shown = []
        for mapped in moments:
            about = [(item, state, done) for item, state, done in own if _is_about(item, mapped)]
            if not any(done and state == mapped.state for _, state, done in about):
                shown.append(mapped)
                continue
            still = next(((i, st) for i, st, done in about if not done and st in ("develop", "remove")), None)
            if still is not None and mapped.state != "new":
                shown.append(replace(mapped, state=still[1], why=still[0].why))
            elif mapped.state != "new":
                shown.append(replace(mapped, state="kept", why=""))
        phases.append((phase, tuple(shown)))
    return ProcessMap(tuple(phases))


def _is_about(item: ActionItem, mapped: MappedMoment) -> bool:
    if item.moment_id and mapped.moment.id:
        return item.moment_id == mapped.moment.id
    return _same_name(item.moment, mapped.moment.name)


def with_open_marks(drawn: ProcessMap, still_open: list[OpenItem]) -> ProcessMap:
    """A map with the marks of earlier items still open as of its report: a moment to develop or
    remove keeps its mark (found by its id, else by name in its phase), a moment to add not yet on
    the map is shown as new.  What the report itself marks stays as it is."""
    phases = {phase: list(moments) for phase, moments in drawn.phases}
    for item in still_open:
        state = _PLAN_STATES.get(item.plan)
        if state is None or item.item is None:
            continue
        phase = item.phase or step_phase(item.step_number)
        found = _marked(phases, item.item, phase, state)
        if not found and state == "new" and phase in phases:
            moment = Moment(item.item.moment, item.item.involves, id=item.item.moment_id)
            phases[phase].append(MappedMoment(moment, phase, "new", item.item.why))
    return ProcessMap(tuple((phase, tuple(moments)) for phase, moments in phases.items()))


def _marked(phases: dict[str, list[MappedMoment]], item: ActionItem, phase: str, state: State) -> bool:
    """Mark the moment ``item`` is about (unmarked ones only); whether it is on the map.  A moment
    is found by its id; by name in the item's phase when either has none, or for a moment to add
    (its id is new until the moment is on a map)."""
    for listed in phases.values():
        for index, shown in enumerate(listed):
            moment = shown.moment
            by_id = bool(item.moment_id and moment.id) and moment.id == item.moment_id
            named = shown.phase == phase and _same_name(moment.name, item.moment)
            if by_id or (named and (state == "new" or not (item.moment_id and moment.id))):
                if shown.state in ("kept", "developed") and state != "new":
                    listed[index] = replace(shown, state=state, why=item.why)
                return True
    return False


def _same_name(one: str, other: str) -> bool:
    return " ".join(one.casefold().split()) == " ".join(other.casefold().split())


def plan_map(report: Report, questionnaire: Questionnaire) -> ProcessMap:
    """The map of a report made before maps existed: the moments its plan names
    (``moments_from_items``, the first map a new mapping is offered), each marked with what the
    plan wants – new, develop or remove.  Those moments have no ids yet (a new mapping gives them)."""
    marks: dict[tuple[str, str], tuple[State, str]] = {}
    for planned in planned_items(report, questionnaire):
        state = _PLAN_STATES.get(planned.question.plan or "")
        phase = planned.phase or step_phase(planned.step.number)
        if state is not None:
            marks.setdefault((phase, planned.item.moment.casefold()), (state, planned.item.why))
    phases = []
    for phase, moments in moments_from_items(report, questionnaire).items():
        shown = []
        for moment in moments:
            state, why = marks.get((phase, moment.name.casefold()), ("kept", ""))
            shown.append(MappedMoment(replace(moment, id=""), phase, state, why))
        phases.append((phase, tuple(shown)))
    return ProcessMap(tuple(phases))


def latest_shown_map(folder: Path, *, everyone: bool) -> tuple[ShownMap, list[str]]:
    """What ``karta`` shows without a RAPPORT: the latest map, the user's own first (the author a
    new report of theirs records) – or the newest of anyone's with ``everyone`` (``--alla``)."""
    from intervjufas.files.settings import author_name

    return latest_shown_map_by(folder, "" if everyone else author_name())


def latest_shown_map_by(folder: Path, author: str) -> tuple[ShownMap, list[str]]:
    """The map a new mapping by ``author`` would start from (as ``start_map.latest_map``
    finds it): the newest report with a map – ``author``'s own first, every author's when
    ``author`` is empty – else the moments the newest plan names; and one warning per file that
    cannot be read.  Only the headers are read until a report with a map is found."""
    headers, warnings = read_headers(folder)
    newest_first = sorted(headers, key=lambda entry: sort_key(*entry), reverse=True)
    preferred = sorted(newest_first, key=lambda entry: not (author and entry[1].get("forfattare") == author))
    with_map = [e for e in preferred if isinstance(e[1].get("karta"), int) and e[1]["karta"] > 0]
    with_items = [e for e in preferred if e[1].get("atgarder")]
    tried: set[Path] = set()
    for path, header in [*with_map, *with_items]:
        if path in tried:
            continue
        tried.add(path)
        found = _try(path, warnings, _someone_else(header, author))
        if found is not None and _has_moments(found):
            return found, warnings
    return ShownMap(EMPTY_MAP, "none", latest=True, folder=folder), warnings


def _has_moments(view: ShownMap) -> bool:
    """The map has moments to start from (not only the new ones its plan adds): otherwise, as for
    a map emptied by hand after its header counted it, the next report is tried."""
    return any(moment.state != "new" for moment in view.drawn.moments) or view.origin == "plan"


def _someone_else(header: Header, author: str) -> bool:
    """The report records an author, and not ``author``."""
    recorded = str(header.get("forfattare") or "")
    return bool(author and recorded and recorded != author)


def _try(path: Path, warnings: list[str], someone_else: bool) -> ShownMap | None:
    """The map of one report of the folder, or None (and a warning) when it cannot be read."""
    try:
        loaded = load_report(path, in_folder=True)
        return shown_map_from(loaded, latest=True, someone_else=someone_else)
    except IntervjufasError as error:
        warnings.append(
            error.message if error.message.startswith(path.name) else f"{path.name}: {error.message}"
        )
        return None
