"""The open items per report (``state.open_counts``) kept between runs, so that a warm ``lista``
over a folder whose headers have not changed loads them instead of deciding every followed-up
item's newest status again (66,000 items at 20,000 reports: a good share of a warm ``lista``).

The counts are a function of the headers alone (each report's file name, date, created time, id,
planned items, follow-ups and marks) and of the program that decides them, so they are kept under
a digest of exactly that: every header row as the index keeps it, with its file name, and the
program's version.  Any change to any header makes another digest, and the counts are computed
again (by ``state.open_counts``, still the one place statuses are decided) and kept anew.  A header
holding a value the digest cannot take (a hand-written date YAML read as a date) is simply never
kept.  The cache is the program's own ``FileCache`` (namespace ``oppna``: private, sealed, silently
rebuilt when damaged); it holds one number per report file, no text of a report.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from intervjufas.folder.file_cache import FileCache, FileKey
from intervjufas.folder.header_row import FolderHeader, header_digest, row_digest
from intervjufas.reading.plan.state import open_counts

__all__ = ["headers_digest", "kept_open_counts", "row_digest"]

NAMESPACE = "oppna"
KEPT_FORMAT = 2  # raise when what is kept, or what the counts depend on, changes
_NO_FILE: FileKey = (0, 0, 0, 0)  # (an entry holds no file's key: the digest of all is the version)


def kept_open_counts(
    folder: Path, headers: Sequence[tuple[Path, FolderHeader]], digests: Sequence[bytes | None] | None = None
) -> dict[str, int]:
    """``state.open_counts(headers)``: as kept for exactly these headers, else computed and kept.
    Each report file has its own entry (its report's count), so that ``rensa`` forgetting a file
    forgets it here too (and leaves counts that are not used: the digest no longer matches).
    ``digests`` are the headers' ``row_digest``s, when the caller has them."""
    digest = headers_digest(headers, digests)
    cache = _cache(folder, digest) if digest is not None else None
    if cache is not None:
        found = _kept(cache, headers)
        if found is not None:
            return found
    counts = open_counts(headers)
    if cache is not None:
        names = [path.name for path, _ in headers]  # (a path's name is made anew each time it is asked)
        cache.put_all(
            (name, _NO_FILE, counts.get(header.report_id, 0)) for name, (_, header) in zip(names, headers, strict=True)
        )
        cache.save(names)
    return counts


def _kept(cache: FileCache, headers: Sequence[tuple[Path, FolderHeader]]) -> dict[str, int] | None:
    """The counts kept for every report (in the order ``open_counts`` gives them); None when one is
    missing or not a number."""
    get = cache.get
    counts = {}
    for path, header in headers:
        count = get(path.name, _NO_FILE)
        if type(count) is not int:
            return None
        counts[header.report_id] = count
    return counts


def headers_digest(
    headers: Sequence[tuple[Path, FolderHeader]], digests: Sequence[bytes | None] | None = None
) -> str | None:
    """A digest of every header row (its ``row_digest``: given, or made here) with its file name
    and of the program's version; None when a row holds a value that cannot be written exactly
    (then nothing is kept)."""
    from intervjufas import __version__

    if digests is None:
        digests = [header_digest(header) for _, header in headers]
    digest = hashlib.blake2b(f"{NAMESPACE}\0{KEPT_FORMAT}\0{__version__}\n".encode(), digest_size=32)
    for (path, _), row in zip(headers, digests, strict=True):
        if row is None:
            return None
        digest.update(path.name.encode("utf-8", "surrogatepass") + b"\0" + row)
    return digest.hexdigest()


def _cache(folder: Path, digest: str) -> FileCache | None:
    try:
        return FileCache(NAMESPACE, folder, digest, shared=True)  # (numbers by file name: no text to share)
    except (OSError, RuntimeError):  # (a folder that cannot be resolved: computed, not kept)
        return None
