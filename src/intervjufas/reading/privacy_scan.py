"""Scanning report files for personal data (``granska``): personnummer, samordningsnummer, e-mail
addresses and Swedish phone numbers, each with the line of the file it is on.

The whole file is scanned, header and body alike: personal data can hide in the details of the
assignment (``kund``, ``kollega``), in answers, comments and action items, in notes written by
hand between the answers, and in answers kept under ids the question set does not know. The
program's own lines (ids, hashes, time stamps) never have the shape of a finding, and scanning
everything costs less than telling the parts apart.

Findings are only ever kept masked (``******-1234``): that is what is shown, and what the cache
(see ``file_cache``) stores, so a scan never copies personal data anywhere. With the cache, a
second scan of a folder reads only the files that changed.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeGuard

from intervjufas.errors import ReportsFolderMissing, UnreadableFile, describe_os_error
from intervjufas.files.bounded import REPORT_LIMIT, open_regular_status
from intervjufas.files.settings import existing_folder
from intervjufas.folder.customer_text import customer_texts, kept_path
from intervjufas.folder.file_cache import FileCache, FileKey, file_key
from intervjufas.folder.finding import find_reports
from intervjufas.folder.recovery import recovery_dir, recovery_files
from intervjufas.folder.scan import report_files
from intervjufas.folder.survey_answers import answer_files, answers_path
from intervjufas.model.personal_data import KINDS, find_personal_data
from intervjufas.model.personal_data_filter import may_hold_personal_data

NAMESPACE = "granska"
SCAN_FORMAT = 1  # raise when what a scan stores per file changes


@dataclass(frozen=True)
class ReportFinding:
    """One piece of personal data in a report file: where, what kind, and the masked value."""

    path: Path
    line: int
    kind: str
    masked: str


@dataclass
class ScanResult:
    findings: list[ReportFinding] = field(default_factory=list)
    scanned: int = 0  # files scanned (read now, or known unchanged from the cache)
    read: int = 0  # files read now (the others came from the cache)
    warnings: list[str] = field(default_factory=list)  # "<file>: <problem>"
    recovery_files: int = 0  # recovery files among the files scanned (the whole folder's scan)

    @property
    def files_with_findings(self) -> int:
        return len({finding.path for finding in self.findings})


def scan_text(text: str, *, today: dt.date | None = None) -> list[tuple[int, str, str]]:
    """Every piece of personal data in a file's text as (line, kind, masked value)."""
    found = find_personal_data(text, today=today)
    lines, line, offset = [], 1, 0
    for finding in found:
        line += text.count("\n", offset, finding.start)
        offset = finding.start
        lines.append((line, finding.kind, finding.masked))
    return lines


def scan_data(data: bytes, *, today: dt.date | None = None) -> list[tuple[int, str, str]]:
    """``scan_text`` of a file's bytes (as UTF-8, a byte-order mark dropped, bad bytes replaced:
    the numbers are still seen) – without decoding or searching a file in which the pre-filter
    (``personal_data_filter``) shows there is nothing to find."""
    if not may_hold_personal_data(data):
        return []
    return scan_text(data.decode("utf-8-sig", errors="replace"), today=today)


@functools.cache
def scan_version() -> str:
    """What a cached scan depends on: the program's version and the detector's rules."""
    from intervjufas import __version__
    from intervjufas.model.personal_data_rules import rules_digest

    return f"{SCAN_FORMAT}-{__version__}-{(rules_digest() or hashlib.sha256(b'').hexdigest())[:16]}"


def reports_to_scan(names: Sequence[str], folder: Path) -> list[Path]:
    """The files named (a path, a folder of reports, or a report named as every command names one –
    a file name, its start or words from the assignment or the customer, where every report that
    matches is scanned), or without names the reports folder and any recovery files – each with the
    customer texts and survey answers kept beside the reports (``folder.customer_text``,
    ``folder.survey_answers``). A name that is not found is an
    error (IntervjufasError), before anything is scanned."""
    if not names:
        return [*report_files(folder), *customer_texts(folder), *answer_files(folder), *recovery_files()]
    paths: list[Path] = []
    for name in names:
        given = Path(name).expanduser()
        if given.is_dir():
            paths += [*report_files(given), *customer_texts(given), *answer_files(given)]
            continue
        for found in find_reports(name, folder):
            beside = (kept_path(found.path), answers_path(found.path))
            paths += [found.path, *(path for path in beside if path.is_file())]
    return list(dict.fromkeys(paths))


def privacy_scan(names: Sequence[str], folder: Path) -> ScanResult:
    """What ``granska`` finds in the files named – or, without names, in the reports folder and
    the recovery files (the result counts those). Without names, a reports folder that does not
    exist is ReportsFolderMissing – unless there are recovery files, which are then scanned with a
    warning."""
    missing = [] if names else _missing_folder(folder)
    paths = reports_to_scan(names, folder)
    result = scan_reports(paths)
    result.warnings[:0] = missing
    if not names:
        recovery = recovery_dir()
        result.recovery_files = sum(1 for path in paths if path.parent == recovery)
    return result


def _missing_folder(folder: Path) -> list[str]:
    """Nothing when the reports folder exists; a warning when it does not but there are recovery
    files to scan; else ReportsFolderMissing."""
    try:
        existing_folder(folder)
    except ReportsFolderMissing as missing:
        if not recovery_files():
            raise
        return [f"{missing.message} Bara återställningsfilerna granskas."]
    return []


def scan_reports(
    paths: Sequence[Path], *, use_cache: bool = True, today: dt.date | None = None
) -> ScanResult:
    """Scan the files, folder by folder, reading only those the cache does not know as they are
    (many of them in a pool of processes when the machine has a core to spare: see
    ``folder.parallel_files``)."""
    result = ScanResult()
    by_folder: dict[Path, list[Path]] = {}
    for path in paths:
        by_folder.setdefault(path.parent, []).append(path)
    for folder, group in by_folder.items():
        # (``shared``: the values share their strings already – a kind is one of KINDS, and a file
        # with nothing found holds the one empty list – so the cache is written without a pass)
        cache = FileCache(NAMESPACE, folder, scan_version(), shared=True) if use_cache else None
        _scan_group(group, cache, result, today)
        if cache is not None:
            cache.save()
    return result


_NOTHING: list[tuple[int, str, str]] = []  # (no findings: one list for every such file, never changed)

# What is known of one file: its findings, a problem (in Swedish), or (None) that it must be read.
_Known = list[tuple[int, str, str]] | str | None


def _scan_group(group: list[Path], cache: FileCache | None, result: ScanResult, today: dt.date | None) -> None:
    """Scan the files of one folder into ``result``, in their order: those the cache knows as they
    are from the cache, the others read and searched (``scan_files``) and put in the cache."""
    if cache is None or cache.is_empty():
        known: list[_Known] = [None] * len(group)  # (every file is read: no status taken first)
    else:
        known = [_cached(path, cache) for path in group]
    missing = [number for number, entry in enumerate(known) if entry is None]
    if missing:
        from intervjufas.folder.parallel_files import map_chunks

        scanned = map_chunks(functools.partial(scan_files, today=today), [os.fspath(group[n]) for n in missing])
        for number, outcome in zip(missing, scanned, strict=True):
            if isinstance(outcome, str):
                known[number] = outcome
                continue
            key, found = outcome
            known[number] = found or _NOTHING  # (one list in the cache, written once)
            result.read += 1
            if cache is not None:
                cache.put(group[number].name, key, known[number])
    for path, entry in zip(group, known, strict=True):
        if isinstance(entry, str):
            result.warnings.append(f"{path}: kan inte läsas ({entry})")
        elif entry is not None:
            result.scanned += 1
            result.findings += [ReportFinding(path, line, kind, masked) for line, kind, masked in entry]


def _cached(path: Path, cache: FileCache | None) -> _Known:
    """The file's findings if the cache knows it as it is; its problem if it cannot be seen; else None."""
    try:
        status = os.stat(path)
    except OSError as error:
        return describe_os_error(error)
    found = cache.get(path.name, file_key(status)) if cache is not None else None
    return found if _well_formed(found) else None


def scan_files(
    paths: list[str], *, today: dt.date | None = None
) -> list[tuple[FileKey, list[tuple[int, str, str]]] | str]:
    """Each file's key and findings (only ever masked), or its problem in Swedish. (A worker of
    the scan runs this: it takes and gives plain values.)"""
    outcomes: list[tuple[FileKey, list[tuple[int, str, str]]] | str] = []
    for name in paths:
        try:
            key, data = _read(name)
        except UnreadableFile as error:
            outcomes.append(error.reason)
            continue
        outcomes.append((key, scan_data(data, today=today)))
    return outcomes


def _well_formed(found: object) -> TypeGuard[list[tuple[int, str, str]]]:
    """Whether a cached value is a list of (line, kind, masked value) – anything else is scanned anew."""
    return isinstance(found, list) and all(
        isinstance(entry, (list, tuple))
        and len(entry) == 3
        and isinstance(entry[0], int)
        and entry[1] in KINDS
        and isinstance(entry[2], str)
        for entry in found
    )


def _read(path: Path | str) -> tuple[FileKey, bytes]:
    """The file's key and bytes: one ``fstat`` (that it is an ordinary file, and its key) and one
    read for the whole file (and one more that sees its end)."""
    fd, status = open_regular_status(path)
    try:
        data = _read_whole(fd, status.st_size)
    except OSError as error:
        raise UnreadableFile("Kan inte läsa", Path(path), describe_os_error(error)) from None
    finally:
        os.close(fd)
    if len(data) > REPORT_LIMIT:
        raise UnreadableFile("Kan inte läsa", Path(path), f"filen är större än {REPORT_LIMIT // 2**20} MB")
    return file_key(status), data


def _read_whole(fd: int, size: int) -> bytes:
    """Up to REPORT_LIMIT + 1 bytes: as much as the file holds and one byte more (asking for the
    limit itself would allocate 16 MB for every file), and on to the limit if it grew meanwhile."""
    want = min(size, REPORT_LIMIT) + 1
    chunks, got = [], 0
    while got < want:
        chunk = os.read(fd, want - got)
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
        if got == want < REPORT_LIMIT + 1:
            want = REPORT_LIMIT + 1  # (a file that grew meanwhile)
    return b"".join(chunks)
