"""A cache of something computed from each file of a folder, kept between runs, so that a command
over thousands of reports reads only the files that changed since the last run.

Why: scanning a year of reports (or reading their headers) costs a read and a parse per file;
most files have not changed since the last run. Each value is stored under the file's name with
what identifies that version of the file – its size, inode, modification time and status-change
time (``st_ctime_ns``), all in nanoseconds – and is used only while all four still match.  The
status-change time is what an edit cannot put back: a tool or sync client that keeps a file's
length and restores its modification time (``os.utime``) still moves it.  A file changed within
the last two seconds is not cached (its next change may keep the same time stamps on a coarse
clock), nor is a file that could not be read. Names that no longer exist in the folder are
dropped when the cache is saved.

One file per namespace and folder lives in the user's cache folder (``settings.cache_dir``,
which honours ``XDG_CACHE_HOME``; a private temporary folder when that cannot be trusted), private
to its owner, and is written whole under a lock: two processes at once never tear it, and their
entries are merged.  It is written in the program's sealed ``marshal`` format
(``files.sealed``), which loads an index of 20,000 headers in about half the time JSON takes and
refuses, before loading anything, a file larger than ``MAX_BYTES``, claiming more than
``MAX_ENTRIES`` entries, or not exactly as written; a folder or file another account could have
written is not read at all (with a warning).  A cache file that cannot be read, is corrupt, of
the wrong shape or was made by another version (of the values, or of Python) is silently
rebuilt – whatever went wrong while loading it, MemoryError included; a cache that cannot be
written is silently skipped.  Values must be plain (str, int, float, bool, None, lists, tuples
and dicts of them; each user checks the shape of what it gets back), and must never hold what
should not be copied: the privacy scan stores only masked findings.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import sys
import time
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

from intervjufas.errors import IntervjufasError
from intervjufas.files.atomic import atomic_write_bytes, remove_abandoned_temporaries
from intervjufas.files.private_folders import checked_folder
from intervjufas.files.sealed import read_sealed, sealed_parts
from intervjufas.files.settings import cache_dir

CACHE_FORMAT = 3  # (1: JSON, 2: marshal without a seal or status-change times)
PYTHON = f"{sys.version_info[0]}.{sys.version_info[1]}"
SETTLED_AFTER_NS = 2_000_000_000  # a file changed more recently than this is not cached yet
LOCK_WAIT = 2.0  # seconds to wait for another process's save before skipping ours
MAX_BYTES = 512 * 1024 * 1024  # a cache file larger than this is not read (20,000 maps: ~15 MB)
MAX_ENTRIES = 2_000_000  # nor one that claims more entries
FileKey = tuple[int, int, int, int]  # size, mtime_ns, inode, ctime_ns
_ENTRY_SIZE = 5  # the key's four numbers and the value


@contextlib.contextmanager
def collection_paused(*, keep: bool = False) -> Iterator[None]:
    """No garbage collection while a big cache is parsed or used: the values make no cycles, and
    collecting again and again among hundreds of thousands of new objects costs a good part of the
    time.  With ``keep``, what exists at the end is set aside for good (``gc.freeze``), so that later
    collections do not go through it all again either (it is still freed when no longer used)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if keep:
                gc.freeze()
            gc.enable()


def _file_name(resolved: str) -> str:
    """The name of the cache file of a folder (its resolved path), the same in every namespace."""
    return hashlib.sha256(resolved.encode("utf-8", "surrogatepass")).hexdigest()[:24] + ".cache"


def forget_files(folder: Path, names: Collection[str], *, root: Path | None = None) -> None:
    """Drop what every namespace keeps of these files of the folder – after they were removed or
    anonymised, nothing of what they said should stay behind in a cache.  Best effort: a cache that
    cannot be read or written is left as it is (its entries no longer match any file)."""
    if not names:
        return
    try:
        name = _file_name(str(folder.resolve()))
    except (OSError, RuntimeError):
        return
    for path in sorted((root or cache_dir()).glob(f"*/{name}")):
        if checked_folder(path.parent) is not None:
            with contextlib.suppress(IntervjufasError, OSError):
                _forget_in(path, set(names))


def _load(path: Path) -> dict[str, Any] | None:
    """The document of a cache file: a dict whose entries are a dict of exactly the number sealed
    with it; None for anything else."""
    with collection_paused():
        found = read_sealed(path, max_bytes=MAX_BYTES, max_items=MAX_ENTRIES)
    if found is None:
        return None
    document, count = found
    if type(document) is not dict:
        return None
    entries = document.get("entries")
    if type(entries) is not dict or len(entries) != count:
        return None
    return document


def _store(path: Path, document: dict[str, Any], *, share: bool = True) -> None:
    shared = _shared(document, {}) if share else document
    atomic_write_bytes(path, sealed_parts(shared, len(document["entries"])))  # (not joined: one copy)


def _forget_in(path: Path, names: set[str]) -> None:
    from filelock import FileLock, Timeout

    lock = FileLock(path.with_suffix(".lock"), timeout=LOCK_WAIT, mode=0o600)
    try:
        lock.acquire()
    except Timeout:
        return
    try:
        document = _load(path)
        if document is None:
            path.unlink()  # (unreadable: nothing to keep, and it may still hold the files' values)
            return
        entries = document["entries"]
        if any(name in entries for name in names):
            document["entries"] = {n: e for n, e in entries.items() if n not in names}
            _store(path, document)
    finally:
        lock.release()


def _shared(value: Any, strings: dict[str, str]) -> Any:
    """``value`` with equal strings made one object: ``marshal`` then writes each once and refers
    to it, so the file is smaller and what it loads shares them (an id, a status or a customer
    recurs in thousands of entries)."""
    kind = type(value)
    if kind is str:
        return strings.setdefault(value, value)
    if kind is list:
        return [_shared(item, strings) for item in value]
    if kind is tuple:
        return tuple(_shared(item, strings) for item in value)
    if kind is dict:
        return {_shared(key, strings): _shared(item, strings) for key, item in value.items()}
    return value


def file_key(status: os.stat_result) -> FileKey:
    """What identifies one version of a file (the status-change time cannot be set back)."""
    return (status.st_size, status.st_mtime_ns, status.st_ino, status.st_ctime_ns)


def settled(key: FileKey, now_ns: int | None = None) -> bool:
    """Whether the file's modification time is old enough for its key to be trusted: a file written
    again within one tick of a coarse clock keeps its time stamps.  (Its status-change time is in
    the key but not waited for: it cannot be set back, so a file whose time was put back is cached
    at once, and any later change but one within the same tick of the clock is seen.)"""
    now_ns = time.time_ns() if now_ns is None else now_ns
    return now_ns - key[1] >= SETTLED_AFTER_NS


class FileCache:
    """The cached values of one namespace (e.g. ``granska``) for the files of one folder.

    ``version`` names how the values were computed; a cache of another version is not used."""

    def __init__(
        self,
        namespace: str,
        folder: Path,
        version: str,
        *,
        root: Path | None = None,
        shared: bool = False,
        fresh: bool = False,
    ) -> None:
        self.namespace = namespace
        self.shared = shared  # the values already share their equal strings: no pass to share them
        self.fresh = fresh  # nothing on disk is read: the entries put replace the file whole
        self.folder = folder
        self.version = version
        resolved = str(folder.resolve())
        self.path = (root or cache_dir()) / namespace / _file_name(resolved)
        self._resolved = resolved
        self._read_from: FileKey | None = None  # the cache file as it was when its entries were read
        self._entries: dict[str, tuple[Any, ...]] = {} if fresh else self._read()
        self._changed = False

    # -- values -----------------------------------------------------------------------------------
    def is_empty(self) -> bool:
        """Whether no entry was read or put (of any file, present or not)."""
        return not self._entries

    def get(self, name: str, key: FileKey) -> Any | None:
        """The value stored for this version of the file ``name``, or None."""
        entry = self._entries.get(name)
        if type(entry) is not tuple or len(entry) != _ENTRY_SIZE or entry[:4] != key:
            return None  # (unknown, of another version of the file, or of the wrong shape)
        return entry[4]

    def put(self, name: str, key: FileKey, value: Any, *, now_ns: int | None = None) -> None:
        """Store the value computed from this version of ``name`` (unless the file is too fresh)."""
        if not settled(key, now_ns):
            return
        self._entries[name] = (*key, value)
        self._changed = True

    # -- the file ---------------------------------------------------------------------------------
    def _read(self) -> dict[str, tuple[Any, ...]]:
        """The entries on disk; empty when there are none, they are corrupt, of another version, or
        in a folder that cannot be trusted.  (Each entry's shape is checked when it is used: ``get``.)"""
        if checked_folder(self.path.parent) is None:
            return {}
        before = self._file_key()
        document = _load(self.path)
        if document is None:
            return {}
        if (document.get("format"), document.get("python"), document.get("version")) != (
            CACHE_FORMAT,
            PYTHON,
            self.version,
        ):
            return {}
        entries: dict[str, tuple[Any, ...]] = document["entries"]  # (checked entry by entry in ``get``)
        self._read_from = before if before is not None and before == self._file_key() else None
        return entries

    def _file_key(self) -> FileKey | None:
        try:
            return file_key(os.stat(self.path))
        except OSError:
            return None

    def save(self, present: Collection[str] | None = None) -> None:
        """Write the cache, keeping only names that are ``present`` in the folder (listed anew when
        not given). Merged with what another process saved meanwhile; skipped when it cannot be done."""
        if present is None:
            try:
                present = os.listdir(self.folder)
            except OSError:
                return
        present = set(present)
        gone = [name for name in self._entries if name not in present]
        if not self._changed and not gone:
            return
        if checked_folder(self.path.parent, create=True) is None:
            return
        with contextlib.suppress(IntervjufasError, OSError):
            self._save_locked(present)
            self._changed = False

    def _save_locked(self, present: Collection[str]) -> None:
        from filelock import FileLock, Timeout

        lock = FileLock(self.path.with_suffix(".lock"), timeout=LOCK_WAIT, mode=0o600)
        try:
            lock.acquire()
        except Timeout:
            return  # another process is saving; our entries are computed again next time
        try:
            if self.fresh or (self._read_from is not None and self._read_from == self._file_key()):
                merged = {}  # (no one saved since this cache was read: its entries are all there is)
            else:
                merged = {n: e for n, e in self._read().items() if n in present}
            merged.update((n, e) for n, e in self._entries.items() if n in present)
            self._entries = merged
            document = {
                "format": CACHE_FORMAT,
                "python": PYTHON,
                "namespace": self.namespace,
                "version": self.version,
                "folder": self._resolved,
                "entries": merged,
            }
            _store(self.path, document, share=not self.shared)
            self._read_from = self._file_key()
            with contextlib.suppress(OSError):  # (the JSON file of an earlier version)
                self.path.with_suffix(".json").unlink()
            remove_abandoned_temporaries(self.path.parent)
        finally:
            lock.release()
