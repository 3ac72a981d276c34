"""The front matter of every report in a folder, kept between runs: the header index.

Why: ``lista``, ``plan``, ``trend``, ``jamfor A`` and the follow-up of a new mapping all start from
the front matter of every report, and parsing 20,000 headers takes many seconds while the files
hardly change from one run to the next.  So each header is kept – reduced to what the folder
commands read, as a compact ``FolderHeader`` row – in the per-folder ``FileCache`` (namespace
``rubriker``), under
what identifies that version of the file (size, modification time, inode).  A warm run stats the
files and loads one index; only files that changed are read again (a new file, an edited one, one
replaced by another of the same size and time), and a file that is gone is dropped from the index.
The cache's own rules apply: private to its owner, written whole under a lock with two writers'
entries merged, silently rebuilt when corrupt, and nothing kept of a file changed in the last two
seconds.  A file whose header cannot be read is never kept: its warning comes on every run.

The scan tells a ``progress`` callback how many headers it has read of those it must read, so that
the command-line layer can show a bar when a first run over a big folder takes a while.
"""

from __future__ import annotations

import functools
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from intervjufas.errors import AnswerError, describe_os_error
from intervjufas.model.answers import parse_date
from intervjufas.model.type_base import as_text
from intervjufas.questionsets.sources import UnreadableFile
from intervjufas.reading.file_cache import (
    SETTLED_AFTER_NS,
    FileCache,
    FileKey,
    collection_paused,
    file_key,
)
from intervjufas.reading.folder_header import FolderHeader, well_formed
from intervjufas.reports.files import report_files
from intervjufas.reports.front_matter import HeaderError, check_values, read_front_matter

Header = dict[str, Any]
Progress = Callable[[int, int], None]  # (headers read so far, headers to read in all)

NAMESPACE = "rubriker"
INDEX_FORMAT = 1  # raise when what is kept of a header changes
_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")


@dataclass(frozen=True)
class ScannedFile:
    """One report file of the folder: its header as the folder commands read it, or the problem."""

    path: Path
    header: FolderHeader | None
    problem: str = ""  # in Swedish, e.g. "huvudet saknar rapportens 'id'"


def index_version() -> str:
    """What a kept header depends on: this format and the program's version (which reads headers)."""
    from intervjufas import __version__

    return f"{INDEX_FORMAT}-{__version__}"


def read_folder_header(path: Path) -> Header:
    """One file's checked front matter, or raise ValueError with a Swedish description."""
    try:
        header = read_front_matter(path, check=True)
        check_values(header)
        return header
    except HeaderError as error:
        raise ValueError(error.short()) from None
    except UnreadableFile as error:
        raise ValueError(f"kan inte läsas ({error.reason})") from None
    except OSError as error:
        raise ValueError(f"kan inte läsas ({describe_os_error(error)})") from None
    except UnicodeDecodeError:
        raise ValueError("är inte en UTF-8-textfil") from None


def scan_headers(folder: Path, *, progress: Progress | None = None, cache: bool = True) -> list[ScannedFile]:
    """Every report file of the folder in name order, with its header (from the index when the
    file has not changed) or its problem.  ``cache=False`` reads every header and keeps nothing."""
    with collection_paused(keep=True):  # (20,000 headers: see file_cache.collection_paused)
        return _scan(folder, progress, cache)


def _scan(folder: Path, progress: Progress | None, cache: bool) -> list[ScannedFile]:
    paths = report_files(folder)
    base = os.path.join(os.fspath(folder), "")
    keys = [_key(base + path.name) for path in paths]
    recent = _RECENT.get(base, {}) if cache else {}
    found = [_known(recent.get(path.name), key) for path, key in zip(paths, keys, strict=True)]
    index = _open_index(folder) if cache and (None in found or len(recent) != len(paths)) else None
    if index is not None:
        for number, (path, key) in enumerate(zip(paths, keys, strict=True)):
            if found[number] is None and key is not None:
                kept = index.get(path.name, key)
                found[number] = FolderHeader(kept) if well_formed(kept) else None
    missing = [number for number, header in enumerate(found) if header is None]
    scanned: dict[int, ScannedFile] = {}
    for done, number in enumerate(missing, start=1):
        path, key = paths[number], keys[number]
        try:
            header = FolderHeader.of(read_folder_header(path))
        except ValueError as error:
            scanned[number] = ScannedFile(path, None, str(error))
        else:
            found[number] = header
            if index is not None and key is not None:
                index.put(path.name, key, header.row)
        if progress is not None:
            progress(done, len(missing))
    if index is not None:
        index.save({path.name for path in paths})
    if cache:
        _remember(base, paths, keys, found)
    return [scanned.get(number) or ScannedFile(path, found[number]) for number, path in enumerate(paths)]


# The last scan of each folder in this process, so that a session that looks at the folder twice
# (the follow-up, then the map to start from) loads the index only once; used under the same rules
# as the index: only while a file's key is unchanged, and never for a file changed just now.
_RECENT: dict[str, dict[str, tuple[FileKey, FolderHeader]]] = {}


def _known(entry: tuple[FileKey, FolderHeader] | None, key: FileKey | None) -> FolderHeader | None:
    return entry[1] if entry is not None and key is not None and entry[0] == key else None


def _remember(base: str, paths: list[Path], keys: list[FileKey | None], found: list[Any]) -> None:
    settled_before = time.time_ns() - SETTLED_AFTER_NS
    _RECENT.clear()  # (one folder at a time: the memory of a big folder is not kept twice)
    _RECENT[base] = {
        path.name: (key, header)
        for path, key, header in zip(paths, keys, found, strict=True)
        if key is not None and header is not None and key[1] <= settled_before
    }


def _open_index(folder: Path) -> FileCache | None:
    try:
        return FileCache(NAMESPACE, folder, index_version())
    except (OSError, RuntimeError):  # (a folder that cannot be resolved: read without the index)
        return None


def _key(path: str) -> FileKey | None:
    """What identifies the file's present version – taken before it is read, so that a change
    while it is read leaves an older key with the newer header, which is then simply read again."""
    try:
        return file_key(os.stat(path))
    except (OSError, ValueError):
        return None


def header_date(header: FolderHeader) -> str:
    """The report's date as reading it in full gives it (``Report.date``): the assignment's date
    as an ISO date, else the day it was created."""
    raw = header.fact("datum")
    if type(raw) is str:
        return _iso_date(raw) or header.created[:10]
    try:
        date = "" if raw is None else parse_date(as_text(raw))
    except AnswerError:
        date = ""
    return date or header.created[:10]


@functools.lru_cache(maxsize=4096)
def _iso_date(raw: str) -> str:
    """A date as written, as an ISO date ('' when it is none): dates recur, so each is read once."""
    if _ISO_DATE.fullmatch(raw):
        return raw
    try:
        return parse_date(raw)
    except AnswerError:
        return ""


def sort_key(path: Path, header: FolderHeader) -> tuple[str, str, str]:
    """Where a report comes in time, as ``LoadedReport.sort_key``: date, created, file name."""
    return (header_date(header), header.created, path.name)
