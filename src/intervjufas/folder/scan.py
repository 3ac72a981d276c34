"""Scanning a reports folder: its report files, and the front matter of every report as the folder
commands read it (``read_headers``: one warning per file that cannot be read, a conflict copy
passed over with a word on what to do), kept between runs in the header index.

Why the index: ``lista``, ``plan``, ``trend``, ``jamfor A`` and the follow-up of a new mapping all start from
the front matter of every report, and parsing 20,000 headers takes many seconds while the files
hardly change from one run to the next.  So each header is kept – reduced to what the folder
commands read, as a compact ``FolderHeader`` row – in the per-folder ``FileCache`` (namespace
``rubriker``), under
what identifies that version of the file (size, inode, modification and status-change times).  A
warm run stats the files and loads one index; only files that changed are read again (a new file,
an edited one – also one of the same length whose modification time was put back – one replaced by
another of the same size and time), and a file that is gone is dropped from the index.
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
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from intervjufas.errors import (
    AnswerError,
    UnreadableFile,
    describe_os_error,
    file_error,
)
from intervjufas.folder.customer_text import is_customer_text
from intervjufas.folder.file_cache import FileCache, FileKey, collection_paused, file_key, settled
from intervjufas.folder.folder_listing import recent_keys
from intervjufas.folder.header_row import FolderHeader, row_digest, well_formed
from intervjufas.model.answers import parse_date
from intervjufas.model.questions import as_text

Header = Mapping[str, Any]  # a report's checked front matter, or its compact FolderHeader
Progress = Callable[[int, int], None]  # (headers read so far, headers to read in all)

NAMESPACE = "rubriker"
INDEX_FORMAT = 2  # raise when what is kept of a header changes
_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")


class ScannedFile(NamedTuple):  # (a tuple: 20,000 of them are made in no time)
    """One report file of the folder: its header as the folder commands read it, or the problem."""

    path: Path
    header: FolderHeader | None
    problem: str = ""  # in Swedish, e.g. "huvudet saknar rapportens 'id'"


def report_files(folder: Path) -> list[Path]:
    """The report files of a folder (``*.md``, not hidden, not a kept customer text), sorted by name.  Entries that are not
    ordinary files (a folder, a FIFO or a broken link named ``x.md``) are included, so that reading
    them gives a warning rather than silence."""
    return report_paths(folder, report_names(folder))


def report_names(folder: Path) -> list[str]:
    """The names of ``report_files``, in the same order."""
    try:
        with os.scandir(folder) as entries:
            names = [
                e.name
                for e in entries
                if e.name.endswith(".md") and not e.name.startswith(".") and not is_customer_text(e.name)
            ]
    except FileNotFoundError:
        return []
    except OSError as error:
        raise file_error("Kan inte läsa mappen", folder, error) from None
    # Sorted as the paths would sort (case-insensitively on Windows), but by name: much faster.
    return sorted(names, key=os.path.normcase)


def report_paths(folder: Path, names: list[str]) -> list[Path]:
    """The paths of names in the folder.  A name from the folder is one plain part: pathlib's own
    way to join such a part (which its glob uses) skips parsing it again – a third of the time
    for 20,000 names."""
    child = getattr(folder, "_make_child_relpath", folder.joinpath)
    return [child(name) for name in names]


def index_version() -> str:
    """What a kept header depends on: this format and the program's version (which reads headers)."""
    from intervjufas import __version__

    return f"{INDEX_FORMAT}-{__version__}"


def read_folder_header(path: Path) -> Header:
    """One file's checked front matter, or raise ValueError with a Swedish description."""
    from intervjufas.report.front_matter import HeaderError, check_values, read_front_matter  # (YAML:
    # only once a header is read; listing the files and reading the index need none)

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
    names = report_names(folder)
    paths = report_paths(folder, names)
    base = os.path.join(os.fspath(folder), "")
    listed = recent_keys(base, names)  # (the listing this command just took, if any)
    index = _open_index(folder) if cache and listed is not None and base not in _RECENT else None
    if index is not None and index.is_empty():  # (cold: every header is read now, see ``_cold_keys``)
        keys = _cold_keys(base, names, listed)
    else:
        keys = [_key(base + name) for name in names]
    found: list[FolderHeader | None] = [None] * len(names)
    same_files = True
    if cache:
        found, same_files = _recalled(base, names, keys)
    if index is None and cache and (None in found or not same_files):
        index = _open_index(folder)
    if index is not None:
        get = index.get
        for number, key in enumerate(keys):
            if found[number] is None and key is not None:
                kept = get(names[number], key)
                if kept is not None and well_formed(kept):
                    found[number] = FolderHeader(kept)
    missing = [number for number, header in enumerate(found) if header is None]
    problems = _read_missing([base + names[number] for number in missing], missing, found, progress) if missing else {}
    if index is not None:
        index.put_all(
            (names[number], key, header.row)
            for number in missing
            if (header := found[number]) is not None and (key := keys[number]) is not None
        )
        index.save(names)
    if cache:
        _remember(base, names, keys, found)
    return [
        ScannedFile(path, header, problems.get(number, ""))
        for number, (path, header) in enumerate(zip(paths, found, strict=True))
    ]


def _cold_keys(base: str, names: list[str], listed: Any) -> list[FileKey | None]:
    """The files' keys as the listing this command just took found them (a name it did not list is
    looked at now).  Only for a cold pass – no index entry, no header remembered in this process –
    where every header is read after its key was taken: a key older than the file's header then
    only means that the file is read again next time, never that an old header is used."""
    return [key if key is not None else _key(base + name) for name, key in zip(names, listed, strict=True)]


def _read_missing(
    paths: list[str], missing: list[int], found: list[FolderHeader | None], progress: Progress | None
) -> dict[int, str]:
    """Read the headers of the files at ``missing`` (their ``paths``) into ``found``; their
    problems by number.
    Many files are read in a pool of processes when the machine has cores to spare
    (``parallel_files``); each gives back its row or its problem."""
    from intervjufas.folder.parallel_files import map_chunks

    problems: dict[int, str] = {}
    rows = map_chunks(read_digested_rows, paths, progress=progress)
    for number, row in zip(missing, rows, strict=True):
        if isinstance(row, str):
            problems[number] = row
        else:
            found[number] = FolderHeader(*row)
    return problems


def read_digested_rows(paths: list[str]) -> list[tuple[list[Any], bytes | None] | str]:
    """``read_rows`` with each row's ``row_digest`` made beside it (in the worker, where it is read:
    ``lista`` and the open counts need every row's digest)."""
    return [row if isinstance(row, str) else (row, row_digest(row)) for row in read_rows(paths)]


def read_rows(paths: list[str]) -> list[list[Any] | str]:
    """Each file's header row, or its problem in Swedish.  A header in the layout the program
    writes is read straight into its row (``own_layout``), any other the general way.  (A worker
    of the header pass runs this: it takes and gives plain values.)"""
    from intervjufas.folder.own_layout import read_own_row  # (YAML's resolver: only once a header
    # is read; listing the files and reading the index need none)

    rows: list[list[Any] | str] = []
    for name in paths:
        try:
            header = read_own_row(name)  # (a path as text: no Path made for the usual header)
            rows.append((header if header is not None else FolderHeader.of(read_folder_header(Path(name)))).row)
        except ValueError as error:
            rows.append(str(error))
    return rows


# The last scan of a folder in this process, so that a session that looks at the folder twice
# (the follow-up, then the map to start from) loads the index only once: the names, each file's
# key and its header – used under the same rules as the index: only while a file's key is
# unchanged, and never for a file changed just before it was read.
_RECENT: dict[str, tuple[list[str], list[FileKey | None], list[FolderHeader | None]]] = {}


def _recalled(
    base: str, names: list[str], keys: list[FileKey | None]
) -> tuple[list[FolderHeader | None], bool]:
    """The headers the last scan of this folder found for files that have not changed since, and
    whether the folder holds the same names."""
    recent = _RECENT.get(base)
    if recent is None:
        return [None] * len(names), False
    old_names, old_keys, old_found = recent
    same = old_names == names
    if same:
        pairs: Any = zip(old_keys, old_found, strict=True)
    else:
        by_name = dict(zip(old_names, zip(old_keys, old_found, strict=True), strict=True))
        pairs = (by_name.get(name, (None, None)) for name in names)
    found = [
        header if key is not None and old == key else None
        for (old, header), key in zip(pairs, keys, strict=True)
    ]
    return found, same


def _remember(base: str, names: list[str], keys: list[FileKey | None], found: list[Any]) -> None:
    now = time.time_ns()
    kept = [
        header if key is not None and header is not None and settled(key, now) else None
        for key, header in zip(keys, found, strict=True)
    ]
    _RECENT.clear()  # (one folder at a time: the memory of a big folder is not kept twice)
    _RECENT[base] = (names, keys, kept)


def forget_scan() -> None:
    """Drop the memory of the last scan: after ``rensa`` removed or anonymised files, nothing of
    what they said stays in this process either."""
    _RECENT.clear()


def _open_index(folder: Path) -> FileCache | None:
    try:
        return FileCache(NAMESPACE, folder, index_version(), shared=True)
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


def read_headers(
    folder: Path,
    *,
    program: str = "intervjufas",
    progress: Progress | None = None,
    cache: bool = True,
) -> tuple[list[tuple[Path, FolderHeader]], list[str]]:
    """The front matter of every report in the folder as commands over the whole folder read it
    (a ``FolderHeader``: the program's keys and the main details of the assignment), and one
    warning per unreadable file (``program`` starts the commands the warnings suggest).

    Headers come from the folder's header index where the files have not changed; ``progress``
    hears how many of the others have been read."""
    headers: list[tuple[Path, FolderHeader]] = []
    warnings: list[str] = []
    for scanned in scan_headers(folder, progress=progress, cache=cache):
        path, header = scanned.path, scanned.header
        if header is None:
            warnings.append(f"{path.name}: {scanned.problem}")
            continue
        conflict = header.conflict_of
        if conflict:
            warnings.append(conflict_warning(path, conflict, program))
        else:
            headers.append((path, header))
    return headers, warnings


def conflict_warning(path: Path, original: object, program: str = "intervjufas") -> str:
    """A conflict copy is passed over by commands that read the whole folder; say what to do."""
    import shlex

    command = f"{program} {shlex.join(['jamfor', str(original), path.name])}"
    return (
        f"{path.name}: en konfliktkopia av {original}, som inte räknas med här. Jämför dem med "
        f"'{command}', för över det du vill behålla och ta sedan bort kopian"
    )
