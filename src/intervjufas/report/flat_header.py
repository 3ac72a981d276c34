"""A fast reader of the front matter the program writes itself, for reading thousands of headers.

Why: a report's header is YAML written by PyYAML's emitter (``report/render.py``): block mappings
and sequences, plain or quoted scalars, ``[]`` and ``{}`` – no anchors, tags, comments, flow
collections or block scalars.  Parsing it with the safe YAML reader builds a node per value, checks
the node tree's bounds and tags, and only then makes plain values: some 400 µs a header, most of
the time of a first run over 20,000 reports.  This reader reads that subset line by line and makes
the plain values directly.

It returns exactly what the safe reading returns – ``plain_value`` of the composed tree (dates as
the text they were written as, keys as text), or with ``constructed`` what ``yaml.load`` with the
safe loader returns (dates as dates, keys as YAML reads them) – or None: "not mine, use safe
YAML".  None comes for anything it does not fully understand (an anchor, alias, tag, comment,
block scalar, flow collection other than ``[]``/``{}``, a tab, a character YAML refuses, odd
indentation, a document marker, a header that is not one block mapping at the left margin, a
resolved type other than str/null/bool/int/float/timestamp), and for anything beyond the bounds
of the safe reader (size, nesting, number of values) – so every error and warning still comes
from the safe reader, worded as before.  Plain scalars are resolved by PyYAML's own implicit
resolver table and built by its safe constructor, so the types are PyYAML's by construction.
"""

from __future__ import annotations

import re
from typing import Any

from intervjufas.report.flat_blocks import BlockReader
from intervjufas.report.flat_scalars import INDICATORS, MAX_DEPTH, NotMine, Resolver, Unclosed

__all__ = ["MAX_CHARS", "MAX_DEPTH", "read_flat_header"]

# A header this long might hold more than the 100,000 values the safe reader allows (every value
# takes at least half a character here), so it is left to that reader; the program writes headers
# of one or two kilobytes.
MAX_CHARS = 50_000

# Anything but a line break and the characters YAML 1.1 prints without escaping; also the tab, the
# carriage return and the other line breaks (NEL, LS, PS) and the byte-order mark, which the
# emitter never writes as themselves.
_UNSAFE = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_MARKER = re.compile(r"\n(?:---|\.\.\.)(?:[ \n]|$)")  # a document start or end (after the first line)


def read_flat_header(text: str, *, constructed: bool = False) -> dict[str, Any] | None:
    """The header's value as the safe reader gives it (``constructed``: as ``yaml.load`` gives
    it), or None when the text is not the simple YAML the program writes."""
    if (
        len(text) >= MAX_CHARS
        or _UNSAFE.search(text) is not None
        or _MARKER.search(text) is not None
        or (text[:3] in ("---", "...") and text[3:4] in ("", " ", "\n"))
    ):
        return None
    resolve = Resolver(constructed)
    try:
        found = _simple_lines(text.split("\n"), resolve)
        return BlockReader(text, resolve).document() if found is None else found
    except (NotMine, Unclosed, RecursionError):
        return None


# The lines the program writes nearly always: ``key: value``, ``key:`` (a collection follows, or
# null) and ``- value``, with a simple key and a single-line value (plain, single-quoted, [] or {}).
_KEY = re.compile("[A-Za-z0-9_][A-Za-z0-9_./-]*")
_NOT_SIMPLE = object()


def _simple_lines(lines: list[str], resolve: Resolver) -> dict[Any, Any] | None:
    """The header when every line is one of the simple lines, else None (for ``BlockReader``)."""
    root: dict[Any, Any] = {}
    col = 0
    collection: Any = root  # the innermost open collection (a dict or a list), and its column
    outer: list[tuple[int, Any]] = []  # the collections around it
    waiting: tuple[dict[Any, Any], Any, int] | None = None  # a key whose value may follow below
    keys, values, depth = resolve.keys, resolve.values, MAX_DEPTH
    for line in lines:
        content = line.lstrip(" ")
        if not content:
            continue
        at = len(line) - len(content)
        item = content[0] == "-"
        key = ""
        if item:
            if content[1:2] != " ":
                return None
            raw: str | None = content[2:]
        else:
            key, colon, raw = content.partition(": ")
            if not colon:
                if content[-1] != ":":
                    return None
                key, raw = content[:-1], None
        if waiting is not None:
            owner, name, above = waiting
            waiting = None
            if at > above or (item and at == above):
                outer.append((col, collection))
                col = at
                collection = owner[name] = [] if item else {}
                if len(outer) > depth:
                    return None
        while at < col:
            col, collection = outer.pop()
        if at != col:
            return None
        value = None if raw is None else values.get(raw, _NOT_SIMPLE)
        if value is _NOT_SIMPLE and (value := _simple_value(raw, resolve)) is _NOT_SIMPLE:  # type: ignore[arg-type]
            return None
        if item:
            if type(collection) is not list:
                return None
            collection.append(value)
            continue
        if type(collection) is list:  # (the end of a sequence at its key's column)
            col, collection = outer.pop()
            if col != at or type(collection) is not dict:
                return None
        name = keys.get(key, _NOT_SIMPLE)
        if name is _NOT_SIMPLE and (name := _simple_key(key, resolve)) is _NOT_SIMPLE:
            return None
        collection[name] = value
        if raw is None:
            waiting = (collection, name, at)
    return root or None  # (no line at all: not a mapping)


def _simple_key(text: str, resolve: Resolver) -> Any:
    if _KEY.fullmatch(text) is None:
        return _NOT_SIMPLE
    key = resolve.key(resolve(text))
    resolve.remember(resolve.keys, text, key)
    return key


def _simple_value(text: str, resolve: Resolver) -> Any:
    """A single-line value written as the emitter writes one (``_NOT_SIMPLE`` otherwise)."""
    if not text:
        return _NOT_SIMPLE
    first = text[0]
    if first == "'":
        inner = text[1:-1]
        if len(text) < 2 or text[-1] != "'" or "'" in inner.replace("''", ""):
            return _NOT_SIMPLE
        value: Any = inner.replace("''", "'")
    elif text == "[]" or text == "{}":
        return [] if first == "[" else {}  # (new each time: never remembered)
    elif (
        first in INDICATORS
        or first == " "
        or (first in "-?:" and text[1:2] in ("", " "))
        or ": " in text
        or " #" in text
        or text[-1] in " :"
    ):
        return _NOT_SIMPLE
    else:
        value = resolve(text)
    resolve.remember(resolve.values, text, value)
    return value


# For ``folder.own_layout``, which reads the scalars of the program's own layout by the same rules.
NOT_SIMPLE = _NOT_SIMPLE
simple_value = _simple_value
