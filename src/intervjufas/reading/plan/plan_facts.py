"""The parsed plan section of one report – its planned items and its follow-ups of earlier items –
kept between runs, so that ``plan`` and the follow-up of a new mapping read in full only the
reports that changed since they last ran.

Why: ``plan`` read 2,000 of 20,000 reports in full on every run (117 times ``--help``).  What the plan's
state needs of a report is small: each planned item (its key, step, kind, plan, phase and the item
itself, i.e. ``report.plan.planned_items`` without the question-set objects) and each follow-up
(``report.model.FollowUp``), with the report's date, time of creation and customer.  That is a
``ReportPlan``; ``reading/plan/state.py`` computes the state from these alone, whether they were
made from a report read just now (``report_plan``) or taken from the cache (``read_plans``).

The cache is a cache: the ``FileCache`` namespace ``planer``, each value (one ``marshal`` text,
``packed``) keyed by the file's size, mtime_ns, inode and ctime_ns, sealed (``files/sealed.py``),
and rebuilt on any failure; a value of the wrong shape is computed again from the report.  A report
read only for its follow-ups of open items (``read_plans(..., follow_ups_of=...)``) is kept without
its own plan: its entry serves only such a read.  Its version names this format, the program's
version and the user's question files.  Nothing in it decides what code runs or where it writes.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import threading
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from intervjufas.errors import IntervjufasError
from intervjufas.files.kept_values import kept_number, kept_text
from intervjufas.folder.file_cache import FileCache, FileKey, collection_paused, file_key
from intervjufas.folder.parallel_files import map_chunks, pool_size
from intervjufas.folder.pooled_reads import keep_sent
from intervjufas.model.answers import ActionItem, Answer
from intervjufas.reading.plan.kept_action import kept_action
from intervjufas.report.model import FollowUp, PlanMark
from intervjufas.report.plan import identity, planned_items

if TYPE_CHECKING:
    from intervjufas.folder.loading import LoadedReport
    from intervjufas.model.questionnaire import Questionnaire

NAMESPACE = "planer"
FACTS_FORMAT = 4  # raise when what is kept of a report changes


@dataclass(frozen=True, slots=True)
class PlanRow:
    """One planned item of a report: ``report.plan.PlannedItem`` with the step and question it
    belongs to as the values the plan shows."""

    key: str
    step_number: int
    step_label: str
    step_title: str
    kind_label: str
    plan: str  # lagga_till, utveckla or ta_bort
    phase: str | None
    item: ActionItem

    @property
    def identity(self) -> str:
        return identity(self.key)


@dataclass(frozen=True, slots=True)
class ReportPlan:
    """The parsed plan section of one report, and what orders and names the report."""

    path: Path
    report_id: str
    date: str
    created: str
    customer: str
    known_set: bool  # False: the set it was made with is unknown, so its items are not known
    planned: tuple[PlanRow, ...]
    follow_ups: tuple[FollowUp, ...]
    marks: tuple[PlanMark, ...] = ()  # its items' changes marked from ``plan``

    @property
    def sort_key(self) -> tuple[str, str, str]:
        return (self.date, self.created, self.path.name)


def report_plan(loaded: LoadedReport) -> ReportPlan:
    """The plan section of a report read in full."""
    report, questionnaire = loaded.report, loaded.questionnaire
    rows: tuple[PlanRow, ...] = ()
    if questionnaire is not None:
        rows = tuple(
            PlanRow(
                p.key,
                p.step.number,
                p.step.label,
                p.step.title,
                p.kind_label,
                p.question.plan or "",
                p.phase,
                p.item,
            )
            for p in planned_items(report, questionnaire)
        )
    return ReportPlan(
        loaded.path,
        report.report_id,
        report.date,
        report.created,
        report.detail("kund"),
        questionnaire is not None,
        rows,
        tuple(report.follow_ups),
        tuple(report.marks),
    )


def read_plans(
    paths: Iterable[Path],
    folder: Path,
    warnings: list[str],
    *,
    extra: Questionnaire | None = None,
    follow_ups_of: Collection[str] | None = None,
) -> dict[Path, ReportPlan]:
    """The plan section of each report (one that cannot be read is passed over with a warning),
    from the cache where the file has not changed.  With ``extra`` (a session's own set), a report
    whose set is not otherwise known is read with it.  With ``follow_ups_of`` (item identities),
    only the report's follow-ups of these items are given, and no planned item: what a report that
    only followed an open item up adds to its history (thousands of such reports follow up items
    long closed)."""
    reader = PlanReader(folder)
    found = reader.read(paths, warnings, extra=extra, follow_ups_of=follow_ups_of)
    reader.save()
    return found


class PlanReader:
    """``read_plans`` for a caller that reads a few reports at a time (the follow-up pool): the
    cache is loaded once, and saved when asked."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._cache: FileCache | bool | None = False  # (False: not opened yet)
        self._changed = False  # a report was read in full

    def load(self) -> None:
        """Load the kept plan sections now (a session does it ahead, while a question is answered:
        after a ``plan``, they are thousands)."""
        self._opened()

    def _opened(self) -> FileCache | None:
        if self._cache is False:
            self._cache = _open_cache(self._folder)
        return self._cache  # type: ignore[return-value]

    def read(
        self,
        paths: Iterable[Path],
        warnings: list[str],
        *,
        extra: Questionnaire | None = None,
        follow_ups_of: Collection[str] | None = None,
    ) -> dict[Path, ReportPlan]:
        cache = self._opened()
        found: dict[Path, ReportPlan] = {}
        wanted = list(paths)
        # (no collection while thousands of plans are made; a handful is not worth a pause)
        with collection_paused() if len(wanted) > 100 else contextlib.nullcontext():
            if extra is None and pool_size(len(wanted)) > 1 and threading.current_thread() is threading.main_thread():
                found, read = _pooled(wanted, cache, warnings, follow_ups_of)
                self._changed = self._changed or read
                return found
            for path in wanted:
                plan, kept = _one(path, cache, warnings, extra, follow_ups_of)
                self._changed = self._changed or not kept
                if plan is not None:
                    found[path] = plan
        return found

    def save(self) -> None:
        """Keep what was read in full (nothing to do when every plan came from the cache)."""
        if isinstance(self._cache, FileCache) and self._changed:
            self._cache.save()
            self._changed = False


def _pooled(
    wanted: list[Path], cache: FileCache | None, warnings: list[str], follow_ups_of: Collection[str] | None
) -> tuple[dict[Path, ReportPlan], bool]:
    """``read``'s plans (none of a session's own set) and whether any report was read: those not
    kept are read in a pool of processes when they are many and a core is spare – each worker
    reads and cuts its reports and sends back what the cache keeps (``read_encoded``), which this
    process keeps and decodes – else here, one by one."""
    found: dict[Path, ReportPlan] = {}
    missing: dict[Path, FileKey | None] = {}
    for path in wanted:
        plan, key = _kept_plan(path, cache, None, follow_ups_of)
        if plan is not None:
            found[path] = plan
        else:
            missing[path] = key
    processes = pool_size(len(missing))
    whole = follow_ups_of is None
    sent = map_chunks(read_encoded, [(str(path), whole) for path in missing], processes=processes)
    found |= keep_sent(
        missing,
        sent,
        cache,
        warnings,
        lambda path, kept: decoded(path, kept, follow_ups_of),
        lambda path: _one(path, None, warnings, None, follow_ups_of)[0],
    )
    return {path: found[path] for path in wanted if path in found}, bool(missing)


def read_encoded(items: list[tuple[str, bool]]) -> list[tuple[str | None, bytes | None]]:
    """A worker's part of ``_pooled``: each report (its path as text, and whether it is read
    ``whole``) as ``packed`` keeps it, or the Swedish line that says why it cannot be read."""
    found: list[tuple[str | None, bytes | None]] = []
    for text, whole in items:
        try:
            plan = report_plan(load_report(Path(text), None, in_folder=True, plans=whole))
        except IntervjufasError as error:
            found.append((error.message, None))
            continue
        found.append((None, packed(plan if whole else replace(plan, planned=()), whole=whole)))
    return found


def _kept_plan(
    path: Path, cache: FileCache | None, extra: Questionnaire | None, follow_ups_of: Collection[str] | None
) -> tuple[ReportPlan | None, FileKey | None]:
    """The plan of a report as kept (None: not kept, or of no use), and its file's key."""
    key = None
    if cache is not None:
        with contextlib.suppress(OSError):
            key = file_key(os.stat(path))
        kept = cache.get(path.name, key) if key is not None else None
        if kept is not None:
            with contextlib.suppress(TypeError, ValueError, IndexError, AttributeError):
                plan = decoded(path, kept, follow_ups_of)
                if plan.known_set or extra is None:
                    return plan, key
    return None, key


def _one(
    path: Path,
    cache: FileCache | None,
    warnings: list[str],
    extra: Questionnaire | None,
    follow_ups_of: Collection[str] | None = None,
) -> tuple[ReportPlan | None, bool]:
    """The plan section of one report, and whether it came from the cache."""
    plan, key = _kept_plan(path, cache, extra, follow_ups_of)
    if plan is not None:
        return plan, True
    whole = follow_ups_of is None  # (else its follow-ups and marks alone: see the module's doc)
    try:
        loaded = load_report(path, extra, in_folder=True, plans=whole)
    except IntervjufasError as error:
        warnings.append(error.message)
        return None, False
    plan = report_plan(loaded)
    if not whole:
        plan = replace(plan, planned=())
    if cache is not None and key is not None and (extra is None or plan.known_set):
        cache.put(path.name, key, packed(plan, whole=whole))  # (one text: see ``packed``)
    if follow_ups_of is not None:
        plan = replace(
            plan,
            planned=(),
            follow_ups=tuple(f for f in plan.follow_ups if identity(f.key) in follow_ups_of),
            marks=tuple(m for m in plan.marks if identity(m.key) in follow_ups_of),
        )
    return plan, False


def load_report(
    path: Path, extra: Questionnaire | None, *, in_folder: bool, plans: bool = True
) -> LoadedReport:
    """The report read for its plan: only its plan (without ``plans``, none), follow-ups and
    marks, the whole report only when it is unusual (``folder.partial_loading``; ``report_plan``
    gives the same for both).  Imported only when a report is read (the parser is not needed when
    every plan is kept)."""
    from intervjufas.folder.partial_loading import load_parts

    return load_parts(path, extra, in_folder=in_folder, plans=plans)


def _open_cache(folder: Path) -> FileCache | None:
    try:
        return FileCache(NAMESPACE, folder, plans_version(), shared=True)  # (values: ``packed``)
    except (OSError, RuntimeError):
        return None


def plans_version() -> str:
    """This format, the program's version, and the user's own question files as they are now."""
    from intervjufas import __version__
    from intervjufas.files.settings import question_sets_stamp

    return f"{FACTS_FORMAT}-{__version__}-{question_sets_stamp()}"


# -- kept as plain values --------------------------------------------------------------------------
def encoded(plan: ReportPlan, *, whole: bool = True) -> list[Any]:
    """``plan`` as plain values, each text interned as ``files.interned`` interns it (made so in
    one pass: a walk over the made value cost a plan of a few items some 70 µs); not ``whole``:
    read for its follow-ups and marks alone."""
    t = _text
    rows = [
        [
            t(row.key),
            row.step_number,
            t(row.step_label),
            t(row.step_title),
            t(row.kind_label),
            t(row.plan),
            t(row.phase),
            [t(item.moment), t(item.why), t(item.id), t(item.moment_id), [t(each) for each in item.involves]],
        ]
        for row in plan.planned
        for item in (row.item,)
    ]
    follow_ups = [[t(f.key), t(f.label), t(f.answer.value), t(f.answer.comment)] for f in plan.follow_ups]
    marks = [
        [t(m.key), t(m.time), t(m.label), t(m.answer.value), t(m.answer.comment), t(m.into)] for m in plan.marks
    ]
    return [
        t(plan.report_id),
        t(plan.date),
        t(plan.created),
        t(plan.customer),
        plan.known_set,
        rows,
        follow_ups,
        marks,
        whole,
    ]


def packed(plan: ReportPlan, *, whole: bool = True) -> bytes:
    """``encoded`` as one ``marshal`` text: what the cache keeps, and a worker sends, of a report
    (the cache's 175,000 lists at 10,000 plans, held beside the plans until saved, were most of a
    cold ``plan``'s memory); its texts, interned by ``encoded``, come back interned."""
    return marshal.dumps(encoded(plan, whole=whole))


def _text(value: Any) -> Any:
    return sys.intern(value) if type(value) is str else value


def decoded(path: Path, value: bytes | list[Any], follow_ups_of: Collection[str] | None = None) -> ReportPlan:
    """The plan kept as ``packed`` (or ``encoded``) made it; TypeError or ValueError for anything
    of another shape.  With ``follow_ups_of``, only what ``read_plans`` says of it; ValueError
    without, for a plan kept without its planned items."""
    if type(value) is bytes:  # (of the sealed cache or a worker: see ``files.sealed``)
        with contextlib.suppress(EOFError):
            value = marshal.loads(value)
    if type(value) is not list:
        raise ValueError("value")
    report_id, date, created, customer, known_set, rows, follow_ups, marks, whole = value
    if type(whole) is not bool or type(known_set) is not bool or (follow_ups_of is None and not whole):
        raise ValueError("whole")
    if follow_ups_of is not None:
        rows = ()
        follow_ups = [entry for entry in follow_ups if identity(kept_text(entry[0])) in follow_ups_of]
        marks = [entry for entry in marks if identity(kept_text(entry[0])) in follow_ups_of]
    planned = tuple(
        PlanRow(
            kept_text(key),
            kept_number(number),
            kept_text(label),
            kept_text(title),
            kept_text(kind),
            kept_text(plan),
            None if phase is None else kept_text(phase),
            kept_action(moment, why, item_id, moment_id, inv),  # (made as it was kept: not normalised again)
        )
        for key, number, label, title, kind, plan, phase, (moment, why, item_id, moment_id, inv) in rows
    )
    followed = tuple(
        FollowUp(kept_text(key), kept_text(label), Answer(_status(status), kept_text(comment)))
        for key, label, status, comment in follow_ups
    )
    marked = tuple(
        PlanMark(kept_text(key), kept_text(time), kept_text(label), Answer(_status(status), kept_text(comment)), kept_text(into))
        for key, time, label, status, comment, into in marks
    )
    return ReportPlan(
        path, kept_text(report_id), kept_text(date), kept_text(created), kept_text(customer), known_set, planned, followed, marked
    )


def _status(status: Any) -> str | None:
    return None if status is None else kept_text(status)
