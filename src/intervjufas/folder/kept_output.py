"""What a folder command writes into a file or a pipe, kept in its final form for an unchanged
folder listing, so that the command run again lists and stats the folder, loads one file of ready
pieces and writes them – it reads no header and computes nothing.

Why: at 20,000 reports a warm ``lista``, ``plan``, ``granska``, ``trend`` or ``jamfor A`` spent
most of its time deriving and formatting, once more, exactly the text of the run before.

The pieces are made by the view that writes them; this module only keeps and hands back what it
was given, as plain data, and never interprets it.  They are used only for exactly the same
``folder_listing`` (the same files, each with the same key) whose digest covers everything else
the output depends on (the command's options, the width and encoding of the output, the program's
version and name, the question files: the caller's salt), and the kept form's ``version``.

It lives in the ``FileCache`` (one namespace per command and form, sealed, private, silently
rebuilt) with one entry per report that said something in the output – its pieces and their
places in the output (two lists: fewer objects to load; for a single piece its place and the piece
itself), its warnings and their places, and one
value of the report's own (``extras``) – under the report's own name and file key, so that
``rensa`` forgetting a file forgets what it said here too.  Every entry names how many entries
there are and how many pieces in all, so one missing (forgotten, or not kept because the file was
too fresh) makes the whole unused.  Output that belongs to no single report (a total, a trend)
is kept under one report and an empty entry is kept for every other file of the folder
(``every_file``): forgetting any one file then drops it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from intervjufas.folder.file_cache import FileCache, collection_paused
from intervjufas.folder.folder_listing import FolderListing, folder_listing, kept_entries

KEPT_FORMAT = 1  # raise when the layout of an entry changes (the pieces' own: the caller's version)
_COUNT, _TOTAL, _PLACES, _PIECES, _WARNINGS, _EXTRA = range(6)


@dataclass(frozen=True)
class KeptOutput:
    """The pieces in the output's order; for each, the place of its report in the listing; each
    report's own value, by place (reports without one left out); the folder's report names (by
    place) and the warnings, in the order they were given."""

    folder: Path
    names: Sequence[str]
    pieces: list[Any]
    reports: list[int]
    report_pieces: dict[int, Any]
    warnings: list[str]


@dataclass
class Output:
    """What a command wrote, to be kept: the pieces in order, each with the name of the report it
    belongs to, the warnings likewise, and a value per report (``extras``)."""

    pieces: list[Any] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    warned: list[str] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)

    def add(self, owner: str, piece: Any) -> None:
        self.pieces.append(piece)
        self.owners.append(owner)

    def warn_all(self, warnings: Sequence[str]) -> None:
        """Add ``"<file name>: <problem>"`` warnings, each under its file (one that names no file
        of the listing makes the output not kept: ``keep_output``)."""
        for text in warnings:
            self.warnings.append(text)
            self.warned.append(text.split(":", 1)[0])


def listing(folder: Path, *parts: object) -> FolderListing | None:
    """The folder now (``folder_listing``), its digest covering ``parts`` (the command, its options,
    what the output's form depends on), the program's version and the user's question files."""
    from intervjufas import __version__
    from intervjufas.files.settings import question_sets_stamp

    salt = "\0".join(["kept", str(KEPT_FORMAT), __version__, question_sets_stamp(), *map(str, parts)])
    with collection_paused():
        return folder_listing(folder, salt)


def _cache(place: FolderListing, namespace: str, version: str, *, fresh: bool = False) -> FileCache | None:
    try:
        version = f"{KEPT_FORMAT}\0{version}\0{place.digest}"
        return FileCache(namespace, place.folder, version, shared=True, fresh=fresh)
        # (no pass to share equal strings: the pieces hardly repeat; kept anew, what was kept for
        # another listing is not even read)
    except (OSError, RuntimeError):
        return None


# -- reading --------------------------------------------------------------------------------------
def kept_output(place: FolderListing, namespace: str, version: str) -> KeptOutput | None:
    """The pieces kept for exactly this listing (None when there are none, or when one report's
    entry is missing or of another shape)."""
    with collection_paused(keep=True):
        cache = _cache(place, namespace, version)
        if cache is None:
            return None
        try:
            return _decoded(place, cache)
        except (TypeError, ValueError, IndexError, KeyError, AttributeError):
            return None  # (of another shape: made again)


def _decoded(place: FolderListing, cache: FileCache) -> KeptOutput | None:
    entries = None if cache.is_empty() else kept_entries(place, cache)  # (empty: none for this listing)
    if not entries:
        return None
    count, total = len(entries), entries[next(iter(entries))][_TOTAL]
    if type(total) is not int or total < 0:
        return None
    pieces: list[Any] = [None] * total
    reports = [-1] * total
    extras, warned = {}, []
    for number, value in entries.items():  # (one pass: tens of thousands of entries)
        if value[_COUNT] != count or value[_TOTAL] != total:
            return None  # (one of them forgotten, or of another run)
        places = value[_PLACES]
        if type(places) is int:  # (one piece: its place and the piece itself)
            if places < 0 or reports[places] >= 0:
                raise ValueError("position")
            pieces[places], reports[places] = value[_PIECES], number
        else:
            for position, piece in zip(places, value[_PIECES], strict=True):
                if type(position) is not int or position < 0 or reports[position] >= 0:
                    raise ValueError("position")
                pieces[position], reports[position] = piece, number
        if value[_EXTRA] is not None:
            extras[number] = value[_EXTRA]
        if value[_WARNINGS]:
            warned += value[_WARNINGS]
    if -1 in reports:
        return None  # (a place no entry filled)
    warnings = sorted((position, text) for position, text in warned)
    if any(type(text) is not str for _, text in warnings) or [p for p, _ in warnings] != list(range(len(warnings))):
        raise TypeError("warning")
    return KeptOutput(place.folder, place.names, pieces, reports, extras, [text for _, text in warnings])


# -- keeping --------------------------------------------------------------------------------------
def keep_output(
    place: FolderListing, namespace: str, version: str, output: Output, *, every_file: bool = False
) -> bool:
    """Keep ``output`` for exactly this listing; False (nothing kept) when a piece or a warning
    belongs to no file of it, or the cache cannot be made.  With ``every_file``, every file of
    the listing gets an entry, so that forgetting any one of them makes the whole unused."""
    number_of = {name: number for number, name in enumerate(place.names)}
    values: dict[int, list[Any]] = {}

    def entry(name: str) -> list[Any] | None:
        number = number_of.get(name)
        if number is None:
            return None
        return values.setdefault(number, [0, 0, [], [], [], None])

    for position, (owner, text) in enumerate(zip(output.warned, output.warnings, strict=True)):
        value = entry(owner)
        if value is None:
            return False
        value[_WARNINGS].append([position, text])
    for position, (owner, piece) in enumerate(zip(output.owners, output.pieces, strict=True)):
        value = entry(owner)
        if value is None:
            return False
        value[_PLACES].append(position)
        value[_PIECES].append(piece)
    for owner, extra in output.extras.items():
        value = entry(owner)
        if value is None:
            return False
        value[_EXTRA] = extra
    if every_file:
        for name in place.names:
            entry(name)
    cache = _cache(place, namespace, version, fresh=True)
    if cache is None or not values:
        return False
    for number, value in values.items():
        value[_COUNT], value[_TOTAL] = len(values), len(output.pieces)
        if len(value[_PLACES]) == 1:
            value[_PLACES], value[_PIECES] = value[_PLACES][0], value[_PIECES][0]
        cache.put(place.names[number], place.keys[number], value)
    cache.save(place.names)
    return True
