"""What the map history needs from one report, kept between runs: ``karta --historik`` reads in
full only the reports that changed since it last ran.

Why: the history follows every moment through all of a consultant's maps, so it needs the map, the
plan and the follow-ups of every report that has them – thousands of reports in a team's folder of
years, at about 4 ms each to read and parse in full.  The few facts it uses (``MapFacts``) are kept
per file in the ``FileCache`` (namespace ``kartor``), under the same rules as the header index:
used only while the file's size, inode and time stamps are unchanged; never for a file changed in the
last two seconds; rebuilt silently when corrupt.  The facts also depend on the question sets the
reports are read with (a step's phase, a question's plan), so the cache's version names this
program's version and the user's own question files (their names, sizes and times).
"""

from __future__ import annotations

import contextlib
import os
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, cast

from intervjufas.errors import IntervjufasError
from intervjufas.files.interned import interned
from intervjufas.folder.file_cache import FileCache, FileKey, collection_paused, file_key
from intervjufas.folder.loading import LoadedReport
from intervjufas.folder.parallel_files import map_chunks, pool_size
from intervjufas.folder.partial_loading import load_parts
from intervjufas.folder.pooled_reads import keep_sent
from intervjufas.folder.scan import Progress
from intervjufas.model.answers import ActionItem, Moment
from intervjufas.reading.process_map.tracker import MapEntry, Planned, ReportRef
from intervjufas.report.plan import identity, planned_items
from intervjufas.report.process_map.report_map import has_map, mapped_moments, step_phase

NAMESPACE = "kartor"
FACTS_FORMAT = 2  # raise when what is kept of a report changes
DONE = "Genomfört"


@dataclass(frozen=True, slots=True)
class MapFacts:
    """One report as the history sees it."""

    ref: ReportRef
    sort_key: tuple[str, str, str]
    done: tuple[str, ...]  # identities of the items its follow-up marks Genomfört
    # its map as kept, {phase: [[name, involves, note, id, developed], …]} (None: its set has no map,
    # or is unknown): made into moments only when asked for (``phases``), one report at a time, so
    # that thousands of reports' maps are not all held as objects at once
    kept_map: dict[str, list[list[Any]]] | None
    planned: tuple[Planned, ...]  # its plan (empty when its set is unknown)
    known_set: bool = True

    @property
    def phases(self) -> dict[str, tuple[Moment, ...]] | None:
        """Its map: the moments of each phase (made anew each time)."""
        if self.kept_map is None:
            return None
        return {str(phase): tuple(map(_moment, kept)) for phase, kept in self.kept_map.items()}


    @property
    def map_entries(self) -> list[MapEntry]:
        """Its map's moments as the tracker follows them, (phase, name, id, developed) in order,
        straight from the kept values (no moment made)."""
        if self.kept_map is None:
            return []
        return [(str(phase), kept[0], kept[3], kept[4]) for phase, moments in self.kept_map.items() for kept in moments]


def _moment(kept: list[Any]) -> Moment:
    """A kept moment: its values were made by ``Moment`` (one trimmed line each) before they were
    kept, and a kept map read back is checked to be text on one line (``_check_map``), so they are
    not made again
    – a warm run over thousands of reports would spend most of its time doing it."""
    name, involves, note, moment_id, developed = kept
    made = object.__new__(Moment)
    made.__dict__.update(
        name=name, involves=tuple(involves), note=note, id=moment_id, developed=developed, assignment_note=""
    )
    return made


def facts_of(loaded: LoadedReport) -> MapFacts:
    report, questionnaire = loaded.report, loaded.questionnaire
    ref = ReportRef(loaded.path, report.date, report.uppdrag, report.recorded_author)
    done = tuple(identity(f.key) for f in report.follow_ups if f.status == DONE)
    if questionnaire is None:
        return MapFacts(ref, loaded.sort_key, done, None, (), known_set=False)
    phases = mapped_moments(report, questionnaire) if has_map(questionnaire) else None
    planned = tuple(
        Planned(p.identity, p.question.plan or "", p.phase or step_phase(p.step.number), p.item)
        for p in planned_items(report, questionnaire)
    )
    return MapFacts(ref, loaded.sort_key, done, _kept_map(phases), planned)


def _kept_map(phases: dict[str, tuple[Moment, ...]] | None) -> dict[str, list[list[Any]]] | None:
    if phases is None:
        return None
    return {
        phase: [[m.name, list(m.involves), m.note, m.id, m.developed] for m in moments]
        for phase, moments in phases.items()
    }


def read_facts(
    paths: list[Path],
    folder: Path,
    warnings: list[str],
    *,
    loading: Progress | None = None,
    namespace: str = NAMESPACE,
    keys: dict[Path, FileKey] | None = None,
) -> list[MapFacts]:
    """The facts of each report (those that cannot be read are passed over with a warning), from
    the cache (``namespace``) where the file has not changed – its key as in ``keys`` where that
    holds it (as ``planners.read_planners`` found it earlier in the same run), else as the file is now."""
    cache = _open_cache(folder, namespace)
    found: list[MapFacts] = []
    with collection_paused():
        if pool_size(len(paths)) > 1 and threading.current_thread() is threading.main_thread():
            found = _pooled(paths, cache, warnings, loading, keys)  # (many to read, a core to spare)
        else:
            for done, path in enumerate(paths, start=1):
                facts = _one(path, cache, warnings, keys)
                if facts is not None:
                    found.append(facts)
                if loading is not None:
                    loading(done, len(paths))
    if cache is not None:
        cache.save()
    return found


def _pooled(
    paths: list[Path],
    cache: FileCache | None,
    warnings: list[str],
    loading: Progress | None,
    keys: dict[Path, FileKey] | None,
) -> list[MapFacts]:
    """``read_facts``'s facts when the reports not kept may be read in a pool of processes (many,
    and a core spare): each worker reads and cuts its reports and sends back what the cache keeps
    (``read_encoded``), which this process keeps and decodes."""
    found: dict[Path, MapFacts] = {}
    missing: dict[Path, FileKey | None] = {}
    for path in paths:
        facts, key = _kept_facts(path, cache, keys)
        if facts is not None:
            found[path] = facts
        else:
            missing[path] = key
    kept_count, total = len(found), len(paths)
    if loading is not None and kept_count:
        loading(kept_count, total)
    told = None if loading is None else (lambda done, _count: loading(kept_count + done, total))
    sent = map_chunks(read_encoded, [str(path) for path in missing], progress=told, processes=pool_size(len(missing)))
    found |= keep_sent(missing, sent, cache, warnings, _decoded, lambda path: _one(path, None, warnings))
    return [found[path] for path in paths if path in found]


def read_encoded(paths: list[str]) -> list[tuple[str | None, list[Any] | None]]:
    """A worker's part of ``_pooled``: each report (its path as text) as ``_encoded`` keeps its
    facts, or the Swedish line that says why it cannot be read."""
    found: list[tuple[str | None, list[Any] | None]] = []
    for text in paths:
        try:
            found.append((None, _encoded(facts_of(load_report(Path(text), in_folder=True)))))
        except IntervjufasError as error:
            found.append((error.message, None))
    return found


def _kept_facts(
    path: Path, cache: FileCache | None, keys: dict[Path, FileKey] | None = None
) -> tuple[MapFacts | None, FileKey | None]:
    """The facts of a report as kept (None: not kept, or of no use), and its file's key (as in
    ``keys`` where that holds it)."""
    key = None
    if cache is not None:
        key = keys.get(path) if keys is not None else None
        if key is None:
            with contextlib.suppress(OSError):
                key = file_key(os.stat(path))
        kept = cache.get(path.name, key) if key is not None else None
        if kept is not None:
            with contextlib.suppress(TypeError, ValueError, IndexError, AttributeError):
                return _decoded(path, kept), key
    return None, key


def _one(
    path: Path, cache: FileCache | None, warnings: list[str], keys: dict[Path, FileKey] | None = None
) -> MapFacts | None:
    facts, key = _kept_facts(path, cache, keys)
    if facts is not None:
        return facts
    try:
        facts = facts_of(load_report(path, in_folder=True))
    except IntervjufasError as error:
        warnings.append(error.message)
        return None
    if cache is not None and key is not None:
        kept = cast("list[Any]", interned(_encoded(facts)))  # (shared as put: see ``_open_cache``)
        cache.put(path.name, key, kept)
        facts = replace(facts, kept_map=kept[5])  # (its map held once, as the cache holds it)
    return facts


def load_report(path: Path, *, in_folder: bool) -> LoadedReport:
    """The report read for its facts: only its map, plan, follow-ups and marks, the whole report
    only when it is unusual (``folder.partial_loading``; ``facts_of`` gives the same for both)."""
    return load_parts(path, in_folder=in_folder, maps=True)


def own_namespace(author: str) -> str:
    """Where one consultant's history keeps the facts it reads (their reports and the reports that
    planned what they followed up): a run for one consultant then loads only those, not the
    facts of every author's reports."""
    import hashlib

    return f"{NAMESPACE}-{hashlib.sha256(author.encode('utf-8', 'surrogatepass')).hexdigest()[:12]}"


def _open_cache(folder: Path, namespace: str = NAMESPACE) -> FileCache | None:
    try:
        # (its entries are interned as they are put, so its save needs no pass to share them)
        return FileCache(namespace, folder, facts_version(), shared=True)
    except (OSError, RuntimeError):
        return None


def facts_version() -> str:
    """This format, the program's version, and the user's own question files as they are now."""
    from intervjufas import __version__
    from intervjufas.files.settings import question_sets_stamp

    return f"{FACTS_FORMAT}-{__version__}-{question_sets_stamp()}"


# -- kept as plain values --------------------------------------------------------------------------
def encoded_planned(planned: tuple[Planned, ...]) -> list[list[Any]]:
    """A report's plan as the caches keep it: [identity, plan, phase, moment, why, id, moment id,
    [whom it involves]] per item."""
    return [
        [p.identity, p.plan, p.phase, p.item.moment, p.item.why, p.item.id, p.item.moment_id, list(p.item.involves)]
        for p in planned
    ]


def _encoded(facts: MapFacts) -> list[Any]:
    ref = facts.ref
    planned = encoded_planned(facts.planned)
    return [
        ref.date,
        ref.uppdrag,
        ref.author,
        list(facts.sort_key),
        list(facts.done),
        facts.kept_map,
        planned,
        facts.known_set,
    ]


def _decoded(path: Path, row: list[Any]) -> MapFacts:
    date, uppdrag, author, sort_key, done, phases, planned, known_set = row
    if phases is not None:
        _check_map(phases)
    items = tuple(
        Planned(ident, plan, phase, kept_item(moment, why, item_id, moment_id, inv))
        for ident, plan, phase, moment, why, item_id, moment_id, inv in planned
    )
    a, b, c = sort_key
    return MapFacts(
        ReportRef(path, date, uppdrag, author),
        (a, b, c),
        tuple(str(key) for key in done),
        phases,
        items,
        bool(known_set),
    )


def _check_map(phases: Any) -> None:
    """A kept map read back is of the shape ``_kept_map`` writes, all of it text on one line (a
    wrong one makes the report be read again).  (``str.join`` refuses anything but text.)"""
    if type(phases) is not dict:
        raise TypeError("kept map is not a dict")
    texts: list[str] = []
    for kept in phases.values():
        for name, involves, note, moment_id, developed in kept:
            if type(involves) is not list:
                raise TypeError("kept moment of the wrong shape")
            texts += (name, note, moment_id, developed, *involves)
    if not "".join(texts).isprintable():
        raise TypeError("kept moment of the wrong shape")


def kept_item(moment: Any, why: Any, item_id: Any, moment_id: Any, inv: Any) -> ActionItem:
    """A kept item.  Its values were made by ``ActionItem`` (which trims them to one line and orders
    whom it involves) before they were kept, so values that are already so are not made again – a
    recomputed history makes tens of thousands of items; anything else (a cache written by hand)
    goes through the class as read from a report."""
    involves = tuple(inv)
    if (
        type(moment) is str
        and type(why) is str
        and type(item_id) is str
        and type(moment_id) is str
        and moment == moment.strip()
        and why == why.strip()
        and item_id == item_id.strip()
        and moment_id == moment_id.strip()
        and (moment + why + item_id + moment_id).isprintable()
        and (not involves or all(type(name) is str for name in involves))
    ):
        made = object.__new__(ActionItem)
        made.__dict__.update(moment=moment, why=why, id=item_id, moment_id=moment_id, involves=involves)
        return made
    return ActionItem(moment=moment, why=why, id=item_id, moment_id=moment_id, involves=involves)
