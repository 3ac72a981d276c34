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

from collections.abc import Iterable, Mapping
from typing import IO, Any

from intervjufas.views.json_output import json_text

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
        stream.write(separator + json_text(item, encoding).replace("\n", _ITEM_INDENT))
        separator = ",\n    "
        written = True
    stream.write("\n  ]\n}\n" if written else "]\n}\n")


def dumps_list(head: Mapping[str, Any], key: str, items: Iterable[Any]) -> str:
    """The text ``write_json_list`` writes, as one string (for tests and small outputs)."""
    import io

    buffer = io.StringIO()
    write_json_list(head, key, items, buffer)
    return buffer.getvalue()
