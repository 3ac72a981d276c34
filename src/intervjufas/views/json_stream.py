"""JSON for scripts written item by item: a document whose last key holds a long list (``lista
--json`` at 20,000 reports) is written one item at a time, so that neither the whole document's
objects nor its text are ever in memory at once.

Why: the standard encoder builds the indented text of the whole document as one list of small
pieces before writing a character; for 20,000 reports that took more than 200 MB.  The text
written here is exactly what ``json_output.write_json`` writes for the same document when the
output's encoding holds every character; an item with a character the encoding lacks is written
with escapes (``\\u2192``), the same data.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import IO, Any

from intervjufas.views.json_output import _RAW_CONTROLS, json_text

_ITEM_INDENT = "\n    "  # (an item of a list under the document's top level: two levels of two spaces)


def write_json_list(head: Mapping[str, Any], key: str, items: Iterable[Any], stream: IO[str]) -> None:
    """Write ``{**head, key: [*items]}`` as indented JSON (and a newline) to ``stream``, an item at
    a time."""
    encoding = getattr(stream, "encoding", None)
    opening = json_text({**head, key: []}, encoding)
    if not opening.endswith(" []\n}"):  # (json.dumps's layout; a key the encoding lacks is escaped)
        raise ValueError("the list must be the document's last key")
    stream.write(opening[: -len("]\n}")])
    separator = "\n    "
    written = False
    for item in items:
        stream.write(separator + _item_text(item, encoding))
        separator = ",\n    "
        written = True
    stream.write("\n  ]\n}\n" if written else "]\n}\n")


def _item_text(item: Any, encoding: str | None) -> str:
    """One item's text as ``json_text`` gives it, indented as an item of the top-level list."""
    try:
        text = _pretty(item, _ITEM_INDENT)
        text.encode(encoding or "utf-8")
    except (_Other, UnicodeEncodeError, LookupError):
        return json_text(item, encoding).replace("\n", _ITEM_INDENT)
    return _RAW_CONTROLS.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


class _Other(Exception):
    """A value ``_pretty`` does not write as the standard encoder does (a float, a key that is no text)."""


def _pretty(value: Any, indent: str) -> str:
    """``value`` as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it, each line after
    the first starting with ``indent`` (a line break and spaces) – the texts and numbers written
    by the C encoder, the layout here (the standard encoder writes an indented document in Python,
    piece by piece, at a third of the speed)."""
    kind = type(value)
    if kind is str:
        return _string(value)
    if kind is dict:
        if not value:
            return "{}"
        inner = indent + "  "
        parts = []
        for key, item in value.items():
            if type(key) is not str:
                raise _Other
            parts.append(f"{_string(key)}: {_pretty(item, inner)}")
        return "{" + inner + ("," + inner).join(parts) + indent + "}"
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        inner = indent + "  "
        return "[" + inner + ("," + inner).join(_pretty(item, inner) for item in value) + indent + "]"
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return int.__repr__(value)
    raise _Other


_string = json.encoder.encode_basestring  # (the C function when the C accelerator is there)


def dumps_list(head: Mapping[str, Any], key: str, items: Iterable[Any]) -> str:
    """The text ``write_json_list`` writes, as one string (for tests and small outputs)."""
    import io

    buffer = io.StringIO()
    write_json_list(head, key, items, buffer)
    return buffer.getvalue()
