"""What the map history's first round over every line reads of each report – its sort key and its
planned items – kept between runs on their own, beside the map facts.

Why: with several lines of maps (``karta --historik --alla``) the history first finds the first
report planning each item a follow-up marks done (``history_lines``), which reads every report of
every line only for these.  Loading each consultant's whole map facts for it (every map of thousands
of reports) took a quarter of the run; the plans alone are a few plain values per report.

They live in the ``FileCache`` namespace ``kartplaner`` beside each ``kartor`` namespace (for one
consultant's ``kartor-<hash>``, ``kartplaner-<hash>``), of the same version as the map facts
(``facts.facts_version``) and under the same rules: used only while the file's size, inode and time
stamps are unchanged; never for a file changed within the last seconds; rebuilt silently when
unreadable; forgotten with the file by ``rensa``.  A report not kept here is read as the map facts
read it (``facts.read_facts``: from their cache, or the report itself) and then kept here, so what
this gives is always what the facts hold.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from intervjufas.files.interned import interned
from intervjufas.folder.file_cache import FileCache, FileKey, file_key
from intervjufas.folder.scan import Progress
from intervjufas.reading.process_map.facts import (
    NAMESPACE,
    encoded_planned,
    facts_version,
    kept_item,
    read_facts,
)
from intervjufas.reading.process_map.tracker import Planned

PREFIX = "kartplaner"
SortKey = tuple[str, str, str]


def planners_namespace(namespace: str) -> str:
    """Where the plans of the map facts kept in ``namespace`` are kept."""
    return PREFIX + namespace.removeprefix(NAMESPACE)


def read_planners(
    paths: list[Path],
    folder: Path,
    warnings: list[str],
    wanted: set[str] | None,
    *,
    loading: Progress | None = None,
    namespace: str = NAMESPACE,
    keys: dict[Path, FileKey] | None = None,
) -> list[tuple[Path, SortKey, list[Planned]]]:
    """Per report of ``paths`` that can be read (in their order), its path, sort key and the items
    it plans of the ``wanted`` identities (every item with None) – what ``read_facts`` (of the map
    facts kept in ``namespace``) gives of them – from this cache where the file has not changed;
    those not kept here are read by ``read_facts`` and kept.  The key of each file found is put in
    ``keys``."""
    cache = _open(folder, namespace)
    keys = {} if keys is None else keys
    found: dict[Path, tuple[SortKey, list[Planned]]] = {}
    missing: list[Path] = []
    for path in paths:
        row = _kept_row(path, cache, keys)
        try:
            found[path] = _planners_of(row, wanted)
        except (TypeError, ValueError, IndexError, AttributeError):  # (not kept, or of no use)
            missing.append(path)
    if loading is not None and found:
        loading(len(found), len(paths))
    if missing:
        offset = len(found)
        told = None if loading is None else (lambda done, _count: loading(offset + done, len(paths)))
        for facts in read_facts(missing, folder, warnings, loading=told, namespace=namespace, keys=keys):
            path = facts.ref.path
            found[path] = (facts.sort_key, [p for p in facts.planned if wanted is None or p.identity in wanted])
            key = keys.get(path)
            if cache is not None and key is not None:
                kept: list[Any] = [list(facts.sort_key), encoded_planned(facts.planned)]
                cache.put(path.name, key, interned(kept))
        if cache is not None:
            cache.save()
    return [(path, *found[path]) for path in paths if path in found]


def _open(folder: Path, namespace: str) -> FileCache | None:
    try:
        return FileCache(planners_namespace(namespace), folder, facts_version(), shared=True)
    except (OSError, RuntimeError):
        return None


def _kept_row(path: Path, cache: FileCache | None, keys: dict[Path, FileKey]) -> Any:
    """A report's sort key and plan as kept (None: not kept); its file's key put in ``keys`` (as
    found there, else as the file is now)."""
    key = keys.get(path)
    if key is None:
        try:
            key = file_key(os.stat(path))
        except OSError:
            return None
        keys[path] = key
    return cache.get(path.name, key) if cache is not None else None


def _planners_of(row: list[Any], wanted: set[str] | None) -> tuple[SortKey, list[Planned]]:
    """A kept row's sort key and its planned items of the ``wanted`` identities, made as the map
    facts make them (the others not made)."""
    sort_key, planned = row
    a, b, c = sort_key
    items = []
    for entry in planned:
        if wanted is None or entry[0] in wanted:
            ident, plan, phase, moment, why, item_id, moment_id, inv = entry
            items.append(Planned(ident, plan, phase, kept_item(moment, why, item_id, moment_id, inv)))
    return (a, b, c), items
