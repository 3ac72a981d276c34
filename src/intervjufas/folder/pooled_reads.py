"""What worker processes read for a facts cache, kept and decoded in this process: ``keep_sent``.

Why: a cold ``plan`` and a cold ``karta --historik`` hand the reports their caches do not know to a
pool (``parallel_files.map_chunks``); each worker sends back, per report, either the plain value
the cache keeps or the Swedish line saying what is wrong with the file.  Both then do the same:
keep each value once (interned, shared with the cache as it is put), decode it into their facts,
and read a report again here, in full, when its value cannot be decoded – one home for that loop.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from intervjufas.files.interned import interned
from intervjufas.folder.file_cache import FileCache, FileKey

Facts = TypeVar("Facts")
Sent = tuple[str | None, Any]  # (the problem with the file, or None; the value, or None)


def keep_sent(
    missing: dict[Path, FileKey | None],
    sent: list[Sent],
    cache: FileCache | None,
    warnings: list[str],
    decode: Callable[[Path, Any], Facts],
    again: Callable[[Path], Facts | None],
) -> dict[Path, Facts]:
    """The facts of each report in ``missing`` (its file key taken before it was read) from what
    was ``sent`` for it, in the same order: a problem becomes a warning, a value is kept in
    ``cache`` under that key and decoded; one that cannot be decoded is read ``again`` here.  Each
    sent value is let go as soon as it is kept, so that it is held once."""
    found: dict[Path, Facts] = {}
    for at, (path, key) in enumerate(missing.items()):
        (message, value), sent[at] = sent[at], (None, None)
        if value is None:
            warnings.append(message or "")
            continue
        kept: Any = interned(value)
        if cache is not None and key is not None:
            cache.put(path.name, key, kept)  # (the cache is opened shared: it keeps this very value)
        try:
            found[path] = decode(path, kept)
        except (TypeError, ValueError, IndexError, AttributeError):  # (a value no cache would take)
            if (facts := again(path)) is not None:
                found[path] = facts
    return found
