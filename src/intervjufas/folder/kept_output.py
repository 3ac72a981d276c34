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

An output kept ``by_name`` (``lista``: every file has an entry) is versioned by what it depends on
besides the files (the ``scope``: the caller's salt) and each entry holds its file's key itself, so
that after some files changed the entries of the others can still be read (``by_name``): a command
that can tell that a changed file's part is what it was re-keeps them (``rekeep``) instead of
making the whole output again.

An entry kept by name with one piece and no warning may be *packed* (``Output.packer``: the
caller's bytes of the piece, e.g. as its output stream encodes it): one ``bytes`` of the file's key,
the counts, the piece's place, the file's own value (bytes) and the packed piece.  Tens of
thousands of such entries load and are checked several times faster than lists of values and
texts, and the caller writes the pieces without making or encoding a string.  A packed entry's
piece comes back as a ``memoryview`` of its bytes, and its own value only through
``ByName.extra`` (not in ``KeptOutput.report_pieces``).
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from intervjufas.folder.file_cache import FileCache, FileKey, collection_paused, settled
from intervjufas.folder.folder_listing import FolderListing, folder_listing, kept_entries

KEPT_FORMAT = 1  # raise when the layout of an entry changes (the pieces' own: the caller's version)
_COUNT, _TOTAL, _PLACES, _PIECES, _WARNINGS, _EXTRA, _KEY = range(7)
_NO_FILE: FileKey = (0, 0, 0, 0)  # (an entry kept by name: its file's key is in the entry)
RENAMED = "omnycklat-"  # (before the namespace: the files of an output kept by name that changed since)
RENAMED_SHARE = 20  # (those are kept beside the whole while they are at most this part of the folder)
_PACKED_KEY = struct.Struct("<4Q")  # a packed entry: its file's key, then
_PACKED_PLACE = struct.Struct("<IIII")  # the count of entries, of pieces, the piece's place and length, then
_PACKED_HEAD = _PACKED_KEY.size + _PACKED_PLACE.size  # one byte: n, n bytes of its own value, the piece


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
    packer: Callable[[Any], bytes | None] | None = None  # (kept by name: a piece as bytes; keeping empties pieces)

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
    return scoped_listing(folder, *parts)[0]


def scoped_listing(folder: Path, *parts: object) -> tuple[FolderListing | None, str]:
    """``listing``, and the digest of what it covers besides the files (the scope of an output
    kept ``by_name``)."""
    from intervjufas import __version__
    from intervjufas.files.settings import question_sets_stamp

    salt = "\0".join(["kept", str(KEPT_FORMAT), __version__, question_sets_stamp(), *map(str, parts)])
    scope = hashlib.sha256(salt.encode("utf-8", "surrogatepass")).hexdigest()
    with collection_paused():
        return folder_listing(folder, salt), scope


def _cache(
    place: FolderListing, namespace: str, version: str, *, fresh: bool = False, scope: str | None = None
) -> FileCache | None:
    try:
        version = f"{KEPT_FORMAT}\0{version}\0{place.digest if scope is None else 'by name ' + scope}"
        return FileCache(namespace, place.folder, version, shared=True, fresh=fresh)
        # (no pass to share equal strings: the pieces hardly repeat; kept anew, what was kept for
        # another listing is not even read)
    except (OSError, RuntimeError):
        return None


# -- reading --------------------------------------------------------------------------------------
def kept_output(
    place: FolderListing, namespace: str, version: str, *, scope: str | None = None
) -> KeptOutput | None:
    """The pieces kept for exactly this listing (None when there are none, or when one report's
    entry is missing or of another shape); with ``scope``, as kept ``by_name``."""
    if scope is not None:
        found = by_name(place, namespace, version, scope)
        return None if found is None or found.changed else found.decoded(place)
    with collection_paused(keep=True):
        cache = _cache(place, namespace, version)
        if cache is None or cache.is_empty():  # (empty: none for this listing)
            return None
        try:
            entries = kept_entries(place, cache)
            return _decoded(place, entries) if entries else None
        except (TypeError, ValueError, IndexError, KeyError, AttributeError):
            return None  # (of another shape: made again)


@dataclass(frozen=True)
class ByName:
    """The entries of an output kept ``by_name``, by the place of their file in the listing (files
    without one left out); the places of the files whose key is neither the one kept nor one the
    re-keyed files vouch for (``changed``), and of those it vouches for (``moved``)."""

    values: dict[int, Any]  # (a list of values, or packed bytes)
    changed: list[int]
    moved: list[int] = field(default_factory=list)

    def extra(self, number: int) -> Any:
        """The value of its own kept for the file at ``number``."""
        value = self.values[number]
        if type(value) is bytes:
            return value[_PACKED_HEAD + 1 : _PACKED_HEAD + 1 + value[_PACKED_HEAD]]
        return value[_EXTRA]

    def decoded(self, place: FolderListing) -> KeptOutput | None:
        """The output they make (for files that changed: as kept for them); None when a file has
        no entry or they are of another shape."""
        if len(self.values) != len(place.names):
            return None
        try:
            return _decoded(place, self.values)
        except (TypeError, ValueError, IndexError, KeyError, AttributeError):
            return None


def by_name(place: FolderListing, namespace: str, version: str, scope: str) -> ByName | None:
    """Every entry kept ``by_name`` for the files of the listing, whatever their keys now."""
    with collection_paused(keep=True):
        cache = _cache(place, namespace, version, scope=scope)
        if cache is None or cache.is_empty():
            return None
        return _by_name(place, cache, _cache(place, RENAMED + namespace, version, scope=scope))


def _by_name(place: FolderListing, cache: FileCache, renamed: FileCache | None) -> ByName | None:
    get, pack_key = cache.get, _PACKED_KEY.pack
    vouched = None if renamed is None or renamed.is_empty() else renamed.get
    values, changed, moved = {}, [], []
    for number, (name, key) in enumerate(zip(place.names, place.keys, strict=True)):
        value = get(name, _NO_FILE)
        if value is None:
            continue
        kind = type(value)
        if kind is bytes and len(value) > _PACKED_HEAD:
            values[number] = value
            if value.startswith(pack_key(*key)):
                continue
        elif kind is not list or len(value) != _KEY + 1:
            return None
        else:
            values[number] = value
            if value[_KEY] == key:
                continue
        pair = None if vouched is None else vouched(name, _NO_FILE)
        if type(pair) is list and pair == [_kept_key(value), key]:
            moved.append(number)
        else:
            changed.append(number)
    return ByName(values, changed, moved)


def _kept_key(value: Any) -> Any:
    """The file key an entry kept by name holds."""
    return _PACKED_KEY.unpack_from(value) if type(value) is bytes else value[_KEY]


def rekeep(place: FolderListing, namespace: str, version: str, scope: str, found: ByName) -> bool:
    """Keep the entries ``found`` for the files' present keys (the caller has made sure that what
    each changed file says is what it said): while the files whose key is not the kept one are at
    most a ``RENAMED_SHARE``-th of the folder, as pairs of the kept key and the present one in a
    namespace of their own (the whole is not written again for a few files); else the whole anew."""
    if len(found.values) != len(place.names):
        return False
    numbers = [*found.moved, *found.changed]
    whole = len(numbers) * RENAMED_SHARE > len(place.names)
    cache = _cache(place, namespace if whole else RENAMED + namespace, version, fresh=True, scope=scope)
    if cache is None:
        return False
    names, keys = place.names, place.keys
    for number in numbers:  # (a file too fresh to trust its key keeps the kept one: read again next time)
        value = found.values[number]
        if settled(keys[number]) and not whole:
            cache.put(names[number], _NO_FILE, [_kept_key(value), keys[number]])
        elif settled(keys[number]) and type(value) is bytes:
            found.values[number] = _PACKED_KEY.pack(*keys[number]) + value[_PACKED_KEY.size :]
        elif settled(keys[number]):
            value[_KEY] = keys[number]
    if whole:
        for number, value in found.values.items():
            cache.put(names[number], _NO_FILE, value)
    with collection_paused():
        cache.save(names)
    return True


def _decoded(place: FolderListing, entries: dict[int, Any]) -> KeptOutput | None:
    first = entries[next(iter(entries))]
    count = len(entries)
    total = _PACKED_PLACE.unpack_from(first, _PACKED_KEY.size)[1] if type(first) is bytes else first[_TOTAL]
    if type(total) is not int or total < 0:
        return None
    pieces: list[Any] = [None] * total
    reports = [-1] * total
    extras, warned = {}, []
    unpack, at, head = _PACKED_PLACE.unpack_from, _PACKED_KEY.size, _PACKED_HEAD
    for number, value in entries.items():  # (one pass: tens of thousands of entries)
        if type(value) is bytes:  # (packed: one piece, no warning)
            entry_count, entry_total, position, length = unpack(value, at)
            end = head + 1 + value[head]
            if entry_count != count or entry_total != total:
                return None
            if reports[position] >= 0 or end + length != len(value):
                raise ValueError("position")
            pieces[position], reports[position] = memoryview(value)[end:], number  # (not copied)
            continue
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
    place: FolderListing,
    namespace: str,
    version: str,
    output: Output,
    *,
    every_file: bool = False,
    scope: str | None = None,
) -> bool:
    """Keep ``output`` for exactly this listing; False (nothing kept) when a piece or a warning
    belongs to no file of it, or the cache cannot be made.  With ``every_file``, every file of
    the listing gets an entry, so that forgetting any one of them makes the whole unused; with
    ``scope``, every file gets one, kept ``by_name``."""
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
    if every_file or scope is not None:
        for name in place.names:
            entry(name)
    cache = _cache(place, namespace, version, fresh=True, scope=scope)
    if cache is None or not values:
        return False
    total = len(output.pieces)
    if output.packer is not None:
        output.pieces.clear()  # (the entries hold them: each piece packed is let go)
    _put(cache, place, values, total, by_name=scope is not None, packer=output.packer)
    cache.save(place.names)
    return True


def _put(
    cache: FileCache,
    place: FolderListing,
    values: dict[int, list[Any]],
    total: int,
    *,
    by_name: bool,
    packer: Callable[[Any], bytes | None] | None,
) -> None:
    """Put each entry in the cache, under its file's key (by name: in the entry, packed when it can be)."""
    for number, value in values.items():
        value[_COUNT], value[_TOTAL] = len(values), total
        if len(value[_PLACES]) == 1:
            value[_PLACES], value[_PIECES] = value[_PLACES][0], value[_PIECES][0]
        key = place.keys[number]
        if not by_name:
            cache.put(place.names[number], key, value)
        elif settled(key):  # (by name: a file too fresh to trust its key keeps no entry)
            packed = None if packer is None else _packed(value, key, packer)
            cache.put(place.names[number], _NO_FILE, [*value, key] if packed is None else packed)
            if packed is not None:
                value[_PIECES] = None


def _packed(value: list[Any], key: FileKey, packer: Callable[[Any], bytes | None]) -> bytes | None:
    """The entry ``value`` of the file with ``key`` packed (one bytes); None when it holds more
    than one piece, a warning, a value of its own that is not a short bytes, or a piece ``packer``
    cannot pack."""
    extra = value[_EXTRA]
    if type(value[_PLACES]) is not int or value[_WARNINGS] or type(extra) is not bytes or len(extra) > 255:
        return None
    piece = packer(value[_PIECES])
    if piece is None:
        return None
    counts = _PACKED_PLACE.pack(value[_COUNT], value[_TOTAL], value[_PLACES], len(piece))
    return b"".join((_PACKED_KEY.pack(*key), counts, bytes((len(extra),)), extra, piece))
