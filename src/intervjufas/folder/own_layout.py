"""A report's header row (``FolderHeader``) read straight from the layout the program writes.

Why: a first run over a folder of 20,000 reports reads 20,000 headers.  Read line by line into a
mapping (``report.flat_header``), normalized, checked and encoded into its row, a header cost about
100 µs – most of a cold ``lista``.  The program's renderer writes every header in one layout: the
assignment's facts at the top, one entry a line (a list as ``- item`` lines below its key), then
``intervjufas:`` with its keys in a fixed order, mappings indented by two spaces.  One compiled
regular expression matches that whole layout and picks out what the row holds, in C; Python then
reads only the scalars (through the same cached rules as the flat reader: PyYAML's resolver and
safe constructor) and builds the row.  What a line reads as is remembered by its text (a
customer, an assignment, a status, a rating recur in thousands of headers: 1,400 distinct entries
at the top of 20,000 headers), ids as the program writes them are taken as text in one look at
their block, and a version and date that passed the checks once are not checked again.

Never a guess: whatever the expression does not match exactly – a value folded over two lines, a
comment, a flow list, keys in another order, a key it does not know, a header of format 1 – and
whatever the checks of a folder command would refuse gives None, and the header is read the general
way (``scan.read_folder_header``), which also words every problem.  What it accepts, it reads as
the flat reader reads it, and its row is ``FolderHeader.of`` of the checked header
(``tests/unit/report/test_own_layout.py``, beside the flat reader's tests, proves both with
hypothesis).
"""

from __future__ import annotations

import itertools
import os
import re
import string
import sys
from pathlib import Path
from typing import Any

import yaml

from intervjufas.folder.hand_edits import double_quoted, flow_words, uncommented
from intervjufas.folder.header_row import FolderHeader, code_of, coded, followed_up, interned_items
from intervjufas.report.flat_header import NOT_SIMPLE, simple_value
from intervjufas.report.flat_scalars import NotMine, Resolver
from intervjufas.report.front_matter import READABLE_FORMATS, HeaderError, check_values

__all__ = ["own_row", "read_own_row"]

_K = "[A-Za-z0-9_][A-Za-z0-9_./-]*"  # a key as the flat reader reads it simply
_S = "[^\n]+"  # one line's value (read by ``simple_value``, or the row is not made here)
_LAYOUT = re.compile(
    rf"""title:\ (?P<title>{_S})\n
    (?P<top>(?:{_K}:\ {_S}\n|{_K}:\n(?:-\ {_S}\n)+)*?)
    intervjufas:\n
    \ \ format:\ (?P<format>[1-9][0-9]?)\n
    \ \ id:\ (?P<id>{_S})\n
    \ \ fragor:\n
    \ {{4}}id:\ (?P<set_id>{_S})\n
    (?:\ {{4}}version:\ (?P<version>{_S})\n)?
    (?:\ {{4}}hash:\ (?P<hash>{_S})\n)?
    \ \ skapad:\ (?P<created>{_S})\n
    (?:\ \ uppdaterad:\ (?P<updated>{_S})\n)?
    \ \ steg:(?:\ \{{\}}\n|\n(?P<steps>(?:\ {{4}}{_K}:\ {_S}\n)+))
    \ \ atgarder:(?:\ \[\]\n|\n(?P<items>(?:\ \ -\ {_S}\n)+))
    \ \ uppfoljning:(?:\ \{{\}}\n|\n(?P<follow_ups>(?:\ {{4}}{_K}:\ {_S}\n)+))
    (?:\ \ karta:\ (?P<map>{_S})\n)?
    (?:\ \ betyg:\n(?P<ratings>(?:\ {{4}}{_K}:\ {_S}\n)+))?
    """,
    re.VERBOSE,
)
_TOP = re.compile(rf"({_K}):(?: ({_S}))?\n((?:- {_S}\n)*)")
_PAIRS = re.compile(rf" {{4}}({_K}): ({_S})\n")
_ITEMS = re.compile(rf"  - ({_S})\n")
# A follow-up as the program writes it: '<report id>/<item id>: status', the key text (SURE_TEXT)
_FOLLOW_UP = re.compile(rf" {{4}}([0-9a-z]+/([0-9a-z]+)): ({_S})\n")
_RESOLVE = Resolver(False)
_NOT = NOT_SIMPLE
_UNKNOWN = itertools.repeat(_NOT)
_KNOWN_VALUES = _RESOLVE.values  # (the flat reader's caches: cleared, never replaced)
_KNOWN_KEYS = _RESOLVE.keys
_TOKEN = re.compile("[A-Za-z0-9_][A-Za-z0-9_./]*")  # a plain scalar with nothing to check
# Plain scalars that no implicit resolver of YAML 1.1 can type (an int needs digits alone or 0b/0x,
# a float a dot, a time a dash, a bool or null letters alone): the ids the program writes – an
# item's (``18bcfac2``), a follow-up's key (``2c87365f3c92/582475c3``) – are text as written, with
# no look-up and nothing remembered (each is new).  ``test_own_layout`` proves it against PyYAML.
SURE_TEXT = re.compile("[0-9a-z]+(?:/[0-9a-z]+)+|(?!0[bx])[0-9][0-9a-z]*[a-z][0-9a-z]*")
_SURE_TEXT = SURE_TEXT.fullmatch
# The first characters of a plain scalar that PyYAML's resolver table can give a type other than
# text (read from the live table; one for any first character would be under None).
_TABLE = yaml.resolver.Resolver.yaml_implicit_resolvers
_RESOLVED_STARTS = None if None in _TABLE else frozenset(_TABLE)
# Items as the program writes them (``atgarder``): ids that are text as written – sure text, or a
# token whose first character no resolver takes (see ``_new_value``) – one expression for the block.
_PLAIN_FIRST = (
    ""
    if _RESOLVED_STARTS is None
    else "".join(c for c in string.ascii_letters + "_" if c not in _RESOLVED_STARTS)
)
_SURE_ITEMS = re.compile(
    rf"(?:  - (?:{SURE_TEXT.pattern}{f'|[{_PLAIN_FIRST}][A-Za-z0-9_./]*' if _PLAIN_FIRST else ''})\n)+"
).fullmatch
_TOP_ENTRY = re.compile(rf"{_K}:(?: {_S})?\n(?:- {_S}\n)*")  # (one entry at the top, whole)
_PAIR_LINE = re.compile(rf" {{4}}{_K}: {_S}\n")  # (one line of a mapping at four spaces, whole)
_SEEN: dict[str, tuple[Any, Any]] = {}  # a line (or an entry at the top) -> (key, value) as read
_SEEN_SIZE = 20_000
_SCALARS = frozenset((str, int, float, bool, type(None)))
_STEPS_SEEN: dict[str, Any] = {}  # a block of steps -> its coded mapping (``_steps``)
_STATUS_CODES: dict[str, int] = {}  # a follow-up's status as written -> its number in the row
_CHECKED: set[tuple[Any, Any]] = set()  # (version, date) pairs that passed a folder command's checks
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_PLAIN_BYTES = bytes(set(range(256)) - {*range(0x0A), *range(0x0B, 0x20), 0x7F, 0xC2, 0xE2, 0xEF})
_ODD_CHARACTER = re.compile(b"\xc2[\x80-\x9f]|\xe2\x80[\xa8\xa9]|\xef\xbb\xbf|\xef\xbf[\xbe\xbf]")


class _NotHere(Exception):
    """The header is not in the program's own layout, or not as a folder command takes it."""


def read_own_row(path: str | Path) -> FolderHeader | None:
    """The file's header row when its header is in the program's own layout and passes a folder
    command's checks; None when it must be read the general way (or cannot be read: the general
    way says why)."""
    try:  # (never blocks: a FIFO read without a writer gives nothing, and nothing is not a header)
        fd = os.open(path, _READ_FLAGS)
    except OSError:
        return None
    try:
        data = os.read(fd, 4096)
    except OSError:  # (a folder named x.md, …)
        return None
    finally:
        os.close(fd)
    text = header_text(data)
    row = None if text is None else _layout_row(text)
    return None if row is None else FolderHeader(row)


def header_text(data: bytes) -> str | None:
    """The header's text (between the two ``---`` lines) when ``data`` – a file's first bytes –
    holds all of it as the program writes it, in characters the flat reader reads, else None.
    Where it gives a text, it is the text ``front_matter`` passes on."""
    if not data.startswith(b"---\n"):
        return None
    end = data.find(b"\n---\n", 3)
    if end < 0 or data.find(b"\n---", 3, end) >= 0 or data.find(b"\n...", 3, end) >= 0:
        return None  # (no end, or a line before it that might end the header: the general way)
    header = data[4:end]
    odd = header.translate(None, _PLAIN_BYTES)  # (the bytes that may start a character the
    if odd and (odd.translate(None, b"\xc2\xe2\xef") or _ODD_CHARACTER.search(header)):  # flat
        return None  # reader refuses: a control character, a C1 control, a line or paragraph
    try:  # separator, a byte-order mark, a non-character)
        return header.decode("utf-8")
    except UnicodeDecodeError:
        return None


def own_row(text: str) -> list[Any] | None:
    """``FolderHeader.of`` of the checked header that the header's text (the lines between the
    two ``---``, joined) gives, or None when the text is not in the program's own layout."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # (a lone surrogate)
        return None
    return None if header_text(b"---\n" + data + b"\n---\n") != text else _layout_row(text)


def _layout_row(text: str) -> list[Any] | None:
    """The row of a header's text that ``header_text`` gave.  (No document marker, no text too
    long for the flat reader, can pass here: every line starts as the layout says, and the text
    came from a file's first 4,096 bytes.)"""
    found = _LAYOUT.fullmatch(text + "\n")
    if found is None:
        return None
    try:
        return _row(found)
    except (_NotHere, NotMine):  # (NotMine: a scalar PyYAML types but cannot build, e.g. 0b_)
        return None


def _row(found: re.Match[str]) -> list[Any]:
    group = found.group
    top = _top(group("top"))
    if "intervjufas" in top:  # (the program's keys twice: the later ones count)
        raise _NotHere
    # (every value is read, those the row does not keep too: what the flat reader refuses, this
    # reader refuses)
    form, report_id, set_id, version, hash_, created, _, _, size = _values(
        group("format", "id", "set_id", "version", "hash", "created", "updated", "title", "map"),
    )
    if form not in READABLE_FORMATS or not isinstance(report_id, str) or not report_id:
        raise _NotHere
    if not isinstance(set_id, str):
        raise _NotHere
    datum = top["date"] if "date" in top else top.get("datum")
    _check(version, datum)
    author = top.get("forfattare")
    if author is None:
        author = top.get("author")
        author = author[0] if type(author) is tuple and len(author) == 1 else author
    ratings = group("ratings")
    return [
        form,
        report_id,
        set_id,
        version,
        sys.intern(hash_) if type(hash_) is str else hash_,  # (the set's hash: one in memory)
        created,
        _own(datum),
        _own(top.get("uppdrag")),
        _own(top.get("kund")),
        _own(top.get("intervjuform")),
        _steps(group("steps")),
        interned_items(_items(group("items"))),
        _follow_ups(group("follow_ups")),
        None if ratings is None else _pairs(ratings),
        _own(author),
        size,
        None,
        None,
    ]


def _steps(block: str | None) -> Any:
    """``steg`` coded, one mapping for every header with the same steps (a few combinations in a
    whole folder: 20,000 mappings were some 4.5 MB).  It can be shared: ``FolderHeader`` never
    hands it out (``steps()`` decodes a new one), and ``marshal`` writes it once in the index."""
    if block is None:
        return {}
    found = _STEPS_SEEN.get(block)
    if found is None:
        if len(_STEPS_SEEN) >= _SEEN_SIZE:
            _STEPS_SEEN.clear()
        found = _STEPS_SEEN[block] = coded(_pairs(block))
    return found


def _check(version: Any, datum: Any) -> None:
    """A folder command's checks of the version and the date (``check_values``); a pair that
    passed once (dates recur) is not checked again."""
    try:
        if (version, datum) in _CHECKED:
            return
    except TypeError:  # (a value that cannot be remembered: checked each time)
        pass
    try:
        check_values({"fragor": {"version": version}, "metadata": {"datum": datum}})
    except HeaderError:
        raise _NotHere from None
    if type(datum) in (str, type(None)) and type(version) in (int, type(None)):
        if len(_CHECKED) >= _SEEN_SIZE:
            _CHECKED.clear()
        _CHECKED.add((version, datum))


def _top(block: str) -> dict[str, Any]:
    """The entries at the top, as the flat reader makes them (a later key replaces an earlier).
    An entry read before (the same text: its key, its value, its list) is not read again."""
    entries = _TOP_ENTRY.findall(block)
    pairs: list[Any] = list(map(_SEEN.get, entries))
    if None in pairs:
        for at, pair in enumerate(pairs):
            if pair is None:
                pairs[at] = _seen(entries[at], _top_entry(entries[at]))
    return dict(pairs)


def _top_entry(entry: str) -> tuple[Any, Any]:
    """One entry at the top: a key with its value on its line, or with its list below."""
    key, raw, below = _TOP.fullmatch(entry).groups()  # type: ignore[union-attr]
    name = _names([key])[0]
    if raw:
        try:
            return name, _values([raw])[0]
        except _NotHere:
            return name, _hand_written(raw)
    # (a key without a value on its line: the expression lets it through only with its list below)
    return name, tuple(_values(below[2:-1].split("\n- ")))


def _hand_written(raw: str) -> Any:
    """A value at the top as a hand edit commonly writes it (``hand_edits``), read as YAML reads
    it (a flow list kept as a tuple, as a list below its key is); else ``_NotHere``."""
    bare = uncommented(raw)
    if bare is not raw:
        try:
            return _values([bare])[0]
        except _NotHere:
            pass
    text = double_quoted(bare)
    if text is not None:
        return text
    words = flow_words(bare)
    if words is None:
        raise _NotHere
    return tuple(_values(words))


def _seen(line: str, pair: tuple[Any, Any]) -> tuple[Any, Any]:
    """Remember what a line (or an entry at the top) reads as: its text recurs in many headers
    (a customer, an assignment, a status, a rating), and reading it again gives the same pair.
    Only an immutable value is remembered (a list below a key as a tuple: each row gets a list of
    its own), so that no two rows ever share a list or a mapping (``[]``, ``{}``)."""
    value = pair[1]
    if type(value) in _SCALARS or (type(value) is tuple and all(type(v) in _SCALARS for v in value)):
        if len(_SEEN) >= _SEEN_SIZE:
            _SEEN.clear()
        _SEEN[line] = pair
    return pair


def _own(value: Any) -> Any:
    """A value of the top for a row: a list (kept as a tuple) as a list of the row's own."""
    return list(value) if type(value) is tuple else value


def _values(raws: tuple[Any, ...] | list[Any]) -> list[Any]:
    """Scalars as the flat reader reads them (None for a value that is not there)."""
    found = list(map(_KNOWN_VALUES.get, raws, _UNKNOWN))
    if _NOT in found:
        for at, value in enumerate(found):
            if value is _NOT:
                found[at] = _new_value(raws[at])
    return found


def _new_value(raw: str | None) -> Any:
    """A scalar not read before: what ``simple_value`` gives, more directly where its checks
    cannot fail (a quoted text without a quote inside, a plain scalar of letters and digits)."""
    if raw is None:
        return None
    first = raw[0]
    if first == "'" and len(raw) > 1 and raw[-1] == "'" and "'" not in raw[1:-1]:
        return raw[1:-1]  # (ids, times: seldom read twice, so not remembered)
    if _TOKEN.fullmatch(raw):
        if _SURE_TEXT(raw):
            return raw
        plain_text = _RESOLVED_STARTS is not None and first not in _RESOLVED_STARTS
        value = raw if plain_text else _RESOLVE(raw)
        _RESOLVE.remember(_KNOWN_VALUES, raw, value)
        return value
    value = simple_value(raw, _RESOLVE)
    if value is _NOT:
        raise _NotHere
    return value


def _names(keys: list[str]) -> list[Any]:
    """Keys (each matched as a simple key by the expressions) as the flat reader reads them."""
    found = list(map(_KNOWN_KEYS.get, keys, _UNKNOWN))
    if _NOT in found:
        for at, name in enumerate(found):
            if name is _NOT:
                key = keys[at]
                if _SURE_TEXT(key):
                    found[at] = key
                    continue
                found[at] = name = _RESOLVE.key(_RESOLVE(key))
                _RESOLVE.remember(_KNOWN_KEYS, key, name)
    return found


def _pairs(block: str | None) -> dict[Any, Any]:
    """A mapping at four spaces (``{}`` when the layout wrote it so)."""
    if block is None:
        return {}
    lines = _PAIR_LINE.findall(block)
    pairs: list[Any] = list(map(_SEEN.get, lines))
    if None in pairs:
        for at, pair in enumerate(pairs):
            if pair is None:
                key, raw = _PAIRS.fullmatch(lines[at]).groups()  # type: ignore[union-attr]
                pairs[at] = _seen(lines[at], (_names([key])[0], _values([raw])[0]))
    return dict(pairs)


def _items(block: str | None) -> list[Any]:
    """``atgarder``: ids as the program writes them are text as written (no look-up each)."""
    if block is None:
        return []
    if _SURE_ITEMS(block):
        return _ITEMS.findall(block)
    return _values(_ITEMS.findall(block))


def _follow_ups(block: str | None) -> Any:
    """``uppfoljning`` by item identity; keys as the program writes them give theirs directly."""
    if block is None:
        return {}
    pairs = _FOLLOW_UP.findall(block)
    if len(pairs) != block.count("\n"):  # (a key of another form: read as any mapping)
        return followed_up(_pairs(block))
    by_key = {key: (item, raw) for key, item, raw in pairs}  # (a key twice: the later counts)
    coded: dict[str, Any] = {}
    for item, raw in by_key.values():
        status = _STATUS_CODES.get(raw, _NOT)
        if status is _NOT:  # (every status is read, of an item followed up twice too)
            status = code_of(_values([raw])[0])
            if type(status) is int and len(_STATUS_CODES) < _SEEN_SIZE:
                _STATUS_CODES[raw] = status  # (a status the row keeps as its number)
        if item not in coded:  # (of two keys of one item, the first counts)
            coded[sys.intern(item)] = status
    return coded
