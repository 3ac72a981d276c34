"""Scalars of the program's own front matter, for the fast header reader (``report.flat_header``):
plain scalars resolved and built exactly as PyYAML does, and quoted scalars folded as YAML folds
them.

Why a module of its own: these are the rules where a hand-written reader could most easily differ
from PyYAML, so they are kept together – plain scalars go through PyYAML's own implicit resolver
table and safe constructor (the types are PyYAML's by construction), quoted ones follow PyYAML's
scanner (escapes, a line break folded to a space, a blank line to a newline, the spaces around a
break dropped).  Whatever they do not read exactly raises ``NotMine``: the safe reader must.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

MAX_DEPTH = 60  # nested collections (the safe reader refuses more than 64 levels)
INDICATORS = frozenset(",[]{}#&*!|>'\"%@`")  # a plain scalar cannot start with these
_STD = "tag:yaml.org,2002:"
_STR, _NULL, _BOOL, _INT, _FLOAT, _TIME = (
    _STD + name for name in ("str", "null", "bool", "int", "float", "timestamp")
)
_RESOLVERS = yaml.resolver.Resolver.yaml_implicit_resolvers
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_BUILD = {
    _INT: _CONSTRUCTOR.construct_yaml_int,
    _FLOAT: _CONSTRUCTOR.construct_yaml_float,
    _TIME: _CONSTRUCTOR.construct_yaml_timestamp,
}
_ESCAPES = {
    "0": "\0", "a": "\x07", "b": "\x08", "t": "\t", "n": "\n", "v": "\x0b", "f": "\x0c",
    "r": "\r", "e": "\x1b", " ": " ", '"': '"', "\\": "\\", "N": "\x85", "_": "\xa0",
    "L": "\u2028", "P": "\u2029",
}  # fmt: skip
_HEX_DIGITS = {"x": 2, "u": 4, "U": 8}
_HEX = re.compile("[0-9A-Fa-f]+")
_DOUBLE_STOPS = re.compile('["\\\\\\n]')
_SINGLE_STOPS = re.compile("['\\n]")
_CACHE_SIZE = 20_000  # plain scalars remembered (ids, statuses and keys recur in every header)


class NotMine(Exception):
    """The text holds something the fast reader does not read: the safe reader must."""


class Unclosed(Exception):
    """A quoted scalar does not end on the line it was read from."""


class Resolver:
    """Plain scalars as PyYAML resolves and constructs them – as text where the safe reader keeps
    text (timestamps), unless ``constructed`` – remembered, since ids, statuses and keys recur."""

    def __init__(self, constructed: bool) -> None:
        self.constructed = constructed
        self.cache, self.keys, self.values = _CACHES[constructed]

    def __call__(self, text: str) -> Any:
        cache = self.cache
        found = cache.get(text, cache)
        if found is not cache:
            return found
        tag = _tag(text)
        if tag == _STR:
            value: Any = text
        elif tag == _NULL:
            value = None
        elif tag == _BOOL:
            value = _CONSTRUCTOR.bool_values[text.lower()]
        elif tag in _BUILD and (tag != _TIME or self.constructed):
            try:
                value = _BUILD[tag](yaml.ScalarNode(tag, text))
            except Exception:  # (what the safe reader then says, it says itself)
                raise NotMine from None
        elif tag == _TIME:
            value = text
        else:
            raise NotMine  # (a merge key, '=', or a type someone added)
        self.remember(cache, text, value)
        return value

    @staticmethod
    def remember(cache: dict[str, Any], text: str, value: Any) -> None:
        if len(cache) >= _CACHE_SIZE:
            cache.clear()
        cache[text] = value

    def key(self, value: Any) -> Any:
        """A mapping key: as text for the safe reader (``str`` of its value), as it is otherwise."""
        return value if self.constructed else str(value)


# Plain scalars, keys and single-line values already read: for the safe reader's values, and for
# ``yaml.load``'s (only immutable values are kept, so a header never shares a list or dict).
_CACHES: dict[bool, tuple[dict[str, Any], dict[str, Any], dict[str, Any]]] = {
    False: ({}, {}, {}),
    True: ({}, {}, {}),
}


def _tag(text: str) -> str:
    """The tag PyYAML's resolver gives a plain scalar (``Resolver.resolve`` for a plain scalar, read
    from its live table: by the first character, then the resolvers for any character)."""
    for resolvers in (_RESOLVERS.get(text[0] if text else ""), _RESOLVERS.get(None)):
        for tag, pattern in resolvers or ():
            if pattern.match(text):
                return str(tag)
    return _STR


def plain_start(text: str) -> bool:
    """Whether a plain scalar may start so (in a block collection)."""
    first = text[0]
    if first in "-?:":
        return len(text) > 1 and text[1] != " "
    return first not in INDICATORS


def quoted(text: str, start: int, double: bool, block: int) -> tuple[str, int]:
    """The quoted scalar at ``text[start]`` and the index after its closing quote, folded as YAML
    folds it (spaces before a line break dropped, a break a space, each blank line a newline);
    continuation lines must be indented past column ``block`` (-1: the text is one line, and
    Unclosed is raised when it ends first)."""
    stops = _DOUBLE_STOPS if double else _SINGLE_STOPS
    chunks: list[str] = []
    i = start + 1
    while True:
        found = stops.search(text, i)
        if found is None:
            raise Unclosed
        at = found.start()
        ch = text[at]
        if ch == "\n":
            chunks.append(text[i:at].rstrip(" "))  # (escaped spaces are chunks of their own)
            i, breaks = _breaks(text, at + 1, block)
            chunks.append("\n" * breaks if breaks else " ")
            continue
        chunks.append(text[i:at])
        if ch == "\\":
            i = _escape(text, at, chunks, block)
        elif not double and text[at + 1 : at + 2] == "'":
            chunks.append("'")
            i = at + 2
        else:
            return "".join(chunks), at + 1


def _escape(text: str, at: int, chunks: list[str], block: int) -> int:
    """One escape of a double-quoted scalar at ``text[at]`` (a backslash); where reading goes on."""
    code = text[at + 1 : at + 2]
    if code in _ESCAPES:
        chunks.append(_ESCAPES[code])
        return at + 2
    if code in _HEX_DIGITS:
        digits = text[at + 2 : at + 2 + _HEX_DIGITS[code]]
        if len(digits) != _HEX_DIGITS[code] or not _HEX.fullmatch(digits):
            raise NotMine
        point = int(digits, 16)
        if 0xD800 <= point <= 0xDFFF or point > 0x10FFFF:
            raise NotMine
        chunks.append(chr(point))
        return at + 2 + len(digits)
    if code == "\n":  # an escaped line break: the lines are joined without a space
        i, breaks = _breaks(text, at + 2, block)
        chunks.append("\n" * breaks)
        return i
    if not code:
        raise Unclosed
    raise NotMine


def _breaks(text: str, i: int, block: int) -> tuple[int, int]:
    """After a line break inside a quoted scalar: skip blank lines (counted) and the next line's
    indentation, which must reach past column ``block``."""
    if block < 0:
        raise Unclosed  # (reading one line only)
    breaks = 0
    end = len(text)
    while True:
        line_start = i
        while i < end and text[i] == " ":
            i += 1
        if i == end:
            raise NotMine  # (the header ends inside the scalar)
        if text[i] != "\n":
            if i - line_start <= block:
                raise NotMine
            return i, breaks
        breaks += 1
        i += 1
