"""The report files of a folder as they are now – their names, the file key of each, and a digest of
both and of what a result computed from them depends on – so that a result computed from the whole
folder can be kept and used again only while the folder holds exactly the same files, each with the
same size, times and inode (``file_cache.file_key``).

Why: a command over 20,000 reports that shows something small (a consultant's map changes) spends
nearly all its time loading caches and deriving the result again; listing the folder and one
``stat`` per file cost a fraction of that.  The names are every ``.md`` file not hidden (every report
``scan.report_names`` takes, and maybe a text more: a change to it only makes the result unused).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from intervjufas.folder.file_cache import FileCache, FileKey, file_key, settled

LISTING_FORMAT = 2  # raise when what the digest covers changes
REUSED_WITHIN_NS = 2_000_000_000  # how long the header pass that follows may take a listing's keys
# The last listing's names and keys, and when it was taken, by folder: the header pass of the same
# command takes the keys from here instead of looking at every file once more (``recent_keys``).
_RECENT: dict[str, tuple[list[str], list[FileKey], int]] = {}


@dataclass(frozen=True)
class FolderListing:
    """The folder's report files now: names (sorted as ``scan.report_names`` sorts them), the key of
    each, and the digest of both and of the caller's ``salt``."""

    folder: Path
    names: list[str]
    keys: list[FileKey]
    digest: str

    @property
    def settled(self) -> bool:
        """Every file old enough for its key to be trusted (``file_cache.settled``)."""
        return all(settled(key) for key in self.keys)


def folder_listing(folder: Path, salt: str) -> FolderListing | None:
    """The folder now, its digest covering ``salt`` (what else the result depends on: the program's
    version, the question files, the options); None when it cannot be listed or a file cannot be
    looked at (the caller then computes as it would without a kept result)."""
    try:
        with os.scandir(folder) as entries:
            names = sorted(
                (e.name for e in entries if e.name.endswith(".md") and e.name[:1] != "."),
                key=os.path.normcase,
            )
        base = os.path.join(os.fspath(folder), "")
        keys = [file_key(os.stat(base + name)) for name in names]
    except (OSError, ValueError):
        return None
    _RECENT.clear()  # (one folder at a time)
    _RECENT[base] = (names, keys, time.monotonic_ns())
    digest = hashlib.sha256(f"{LISTING_FORMAT}\0{salt}\n".encode("utf-8", "surrogatepass"))
    digest.update(marshal.dumps((names, keys), 2))  # (version 2: no references, equal data equal bytes)
    return FolderListing(folder, names, keys, digest.hexdigest())


def recent_keys(base: str, names: list[str]) -> list[FileKey | None] | None:
    """The keys of the named files (in the folder ``base``, ending in a separator) as the listing
    just taken of that folder found them – once, and only within ``REUSED_WITHIN_NS`` of it; None
    when there is none (a name it did not list has None).  Why: a command lists the folder for its
    kept result, then reads the headers, and 20,000 files need not be looked at twice within it.
    A key taken before a file is read is as good as one taken just before: a file changed after
    it has a newer key next time, and is read again then."""
    found = _RECENT.pop(base, None)
    if found is None or time.monotonic_ns() - found[2] > REUSED_WITHIN_NS:
        return None
    listed, keys, _ = found
    if listed == names:
        return list(keys)
    by_name = dict(zip(listed, keys, strict=True))
    return [by_name.get(name) for name in names]


def kept_entries(place: FolderListing, cache: FileCache) -> dict[int, Any]:
    """The value ``cache`` keeps for each file of the listing under its present key, by the file's
    place in the listing (files with none left out): the entries of a result kept per report."""
    get = cache.get
    entries = {}
    for number, (name, key) in enumerate(zip(place.names, place.keys, strict=True)):
        value = get(name, key)
        if value is not None:
            entries[number] = value
    return entries
