"""A cache of something computed from each file of a folder, kept between runs, so that a command
over thousands of reports reads only the files that changed since the last run.

Why: scanning a year of reports (or reading their headers) costs a read and a parse per file;
most files have not changed since the last run. Each value is stored under the file's name with
what identifies that version of the file (size, modification time in nanoseconds, inode), and is
used only while all three still match. A file modified within the last two seconds is not cached
(its next change may keep the same time stamp on a coarse clock), nor is a file that could not be
read. Names that no longer exist in the folder are dropped when the cache is saved.

One file per namespace and folder lives in the user's cache folder (``platformdirs.user_cache_dir``,
which honours ``XDG_CACHE_HOME``), private to its owner, and is written whole under a lock: two
processes at once never tear it, and their entries are merged. It is written with ``marshal``
(the standard library's own serialisation of plain values), which loads an index of 20,000 headers
in about half the time JSON takes; the file is the user's own, in a private folder, and is only
ever read as data (a file that does not load, or holds values of the wrong shape, is not used). A
cache file that cannot be read, is corrupt or was made by another version (of the values, or of
Python) is silently rebuilt; a cache that cannot be written is silently skipped. Values must be
plain (str, int, float, bool, None, lists, tuples and dicts of them), and must never hold what
should not be copied: the privacy scan stores only masked findings.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import marshal
import os
import sys
import time
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

from intervjufas.errors import IntervjufasError
from intervjufas.reports.atomic import atomic_write_bytes, ensure_dir, remove_abandoned_temporaries

CACHE_FORMAT = 2  # (1: JSON)
PYTHON = f"{sys.version_info[0]}.{sys.version_info[1]}"
SETTLED_AFTER_NS = 2_000_000_000  # a file changed more recently than this is not cached yet
LOCK_WAIT = 2.0  # seconds to wait for another process's save before skipping ours
FileKey = tuple[int, int, int]  # size, mtime_ns, inode


def cache_root() -> Path:
    """The program's folder in the user's cache folder (``~/.cache/intervjufas`` on Linux)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("intervjufas", appauthor=False))


@contextlib.contextmanager
def collection_paused(*, keep: bool = False) -> Iterator[None]:
    """No garbage collection while a big cache is parsed or used: JSON makes no cycles, and
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
    for path in sorted((root or cache_root()).glob(f"*/{name}")):
        with contextlib.suppress(IntervjufasError, OSError):
            _forget_in(path, set(names))


def _forget_in(path: Path, names: set[str]) -> None:
    from filelock import FileLock, Timeout

    lock = FileLock(path.with_suffix(".lock"), timeout=LOCK_WAIT, mode=0o600)
    try:
        lock.acquire()
    except Timeout:
        return
    try:
        try:
            with open(path, "rb") as handle:
                document = marshal.loads(handle.read())
        except (ValueError, EOFError, TypeError):
            document = None
        if type(document) is not dict or type(document.get("entries")) is not dict:
            path.unlink()  # (unreadable: nothing to keep, and it may still hold the files' values)
            return
        entries = document["entries"]
        if any(name in entries for name in names):
            document["entries"] = {n: e for n, e in entries.items() if n not in names}
            atomic_write_bytes(path, marshal.dumps(_shared(document, {})))
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
    """What identifies one version of a file."""
    return (status.st_size, status.st_mtime_ns, status.st_ino)


class FileCache:
    """The cached values of one namespace (e.g. ``granska``) for the files of one folder.

    ``version`` names how the values were computed; a cache of another version is not used."""

    def __init__(self, namespace: str, folder: Path, version: str, *, root: Path | None = None) -> None:
        self.namespace = namespace
        self.folder = folder
        self.version = version
        resolved = str(folder.resolve())
        self.path = (root or cache_root()) / namespace / _file_name(resolved)
        self._resolved = resolved
        self._entries: dict[str, tuple[Any, ...]] = self._read()
        self._changed = False

    # -- values -----------------------------------------------------------------------------------
    def get(self, name: str, key: FileKey) -> Any | None:
        """The value stored for this version of the file ``name``, or None."""
        entry = self._entries.get(name)
        if type(entry) is not tuple or len(entry) != 4 or entry[:3] != key:
            return None  # (unknown, of another version of the file, or of the wrong shape)
        return entry[3]

    def put(self, name: str, key: FileKey, value: Any, *, now_ns: int | None = None) -> None:
        """Store the value computed from this version of ``name`` (unless the file is too fresh)."""
        now_ns = time.time_ns() if now_ns is None else now_ns
        if now_ns - key[1] < SETTLED_AFTER_NS:
            return
        self._entries[name] = (*key, value)
        self._changed = True

    # -- the file ---------------------------------------------------------------------------------
    def _read(self) -> dict[str, tuple[Any, ...]]:
        """The entries on disk; empty when there are none, they are corrupt or of another version.
        (Each entry's shape is checked when it is used: ``get``.)"""
        try:
            with open(self.path, "rb") as handle, collection_paused():
                data = marshal.loads(handle.read())
        except (OSError, ValueError, EOFError, TypeError):
            return {}
        if type(data) is not dict or (data.get("format"), data.get("python"), data.get("version")) != (
            CACHE_FORMAT,
            PYTHON,
            self.version,
        ):
            return {}
        entries = data.get("entries")
        return entries if type(entries) is dict else {}

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
        with contextlib.suppress(IntervjufasError, OSError):
            ensure_dir(self.path.parent)
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
            atomic_write_bytes(self.path, marshal.dumps(_shared(document, {})))
            with contextlib.suppress(OSError):  # (the JSON file of an earlier version)
                self.path.with_suffix(".json").unlink()
            remove_abandoned_temporaries(self.path.parent)
        finally:
            lock.release()
