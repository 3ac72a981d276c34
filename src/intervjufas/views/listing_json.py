"""``lista --json`` written fast: the text of each report's object made from pieces that recur.

Why: the general item writer (``json_stream``) lays out every value of every object again; at
20,000 reports that was most of a warm ``lista --json``.  A report's object always has the same
keys, and its forms and steps recur from report to report (a few dozen different ones), so the
text of those two lists is laid out once per different value and each object is joined from its
own strings.  The text is exactly what ``json_stream.write_json_list`` writes for
``listing.listing_items`` (a test compares the two); an object the output's encoding cannot hold
is written by the general path, with escapes.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import IO

from intervjufas.reading.listing import ListedReport, Listing
from intervjufas.views.json_output import _RAW_CONTROLS, json_text
from intervjufas.views.json_stream import _pretty, _string, write_json_list
from intervjufas.views.json_vocabulary import FORMAT, STEP_STATUS_CODES, code

_ITEM = "\n    "  # (an object of the top-level list)
_KEY = _ITEM + "  "  # (a key of that object)


Items = Callable[[Listing], Iterator[dict[str, object]]]  # (``views.listing.listing_items``)


def write_listing_json(listing: Listing, stream: IO[str], items: Items) -> list[str | list[str]] | None:
    """``{"format": …, "rapporter": [...]}`` as ``json_stream.write_json_list`` writes the objects
    ``items`` gives, report by report; the pieces written are returned (the opening, the parts of
    each report's object – its recurring lists shared, not copied – and the end: for keeping them,
    ``views/listing_kept.py``; None when there are no reports)."""
    encoding = getattr(stream, "encoding", None)
    if not listing.reports:
        write_json_list({"format": FORMAT}, "rapporter", items(listing), stream)
        return None
    opening = json_text({"format": FORMAT, "rapporter": []}, encoding)
    written: list[str | list[str]] = [opening[: -len("]\n}")]]
    stream.write(opening[: -len("]\n}")])
    text = _Texts(encoding or "utf-8", items)
    separator = _ITEM
    for row in listing.reports:
        parts = text.parts(row)
        parts[0] = separator + parts[0]
        stream.write("".join(parts))
        written.append(parts)
        separator = "," + _ITEM
    written.append("\n  ]\n}\n")
    stream.write("\n  ]\n}\n")
    return written


class _Texts:
    """The text of each report's object, the recurring lists laid out once."""

    def __init__(self, encoding: str, items: Items) -> None:
        self.encoding = encoding
        self.items = items
        self.forms: Callable[[tuple[str, ...]], str] = functools.cache(
            lambda forms: _escaped(_pretty(list(forms), _KEY))
        )
        self.steps: Callable[[tuple[tuple[str, str], ...]], str] = functools.cache(
            lambda steps: _escaped(_pretty(_steps(steps), _KEY))
        )

    def parts(self, row: ListedReport) -> list[str]:
        """The text of the report's object, in parts whose joining is the text: its own values, its
        forms, the key of its steps, its steps and its count (the lists and the key are the same
        objects from report to report)."""
        forms, steps = self.forms(row.intervjuform), self.steps(tuple(row.steps.items()))
        try:
            head = (
                f'{{{_KEY}"fil": {_string(row.file_name)},{_KEY}"sokvag": {_string(str(row.path))},'
                f'{_KEY}"datum": {_string(row.datum)},{_KEY}"uppdrag": {_string(row.uppdrag)},'
                f'{_KEY}"kund": {_string(row.kund)},{_KEY}"forfattare": {_string(row.author)},'
                f'{_KEY}"uppsattning": {_string(row.set_id)},{_KEY}"intervjuform": '
            )
            tail = f',{_KEY}"antal_oppna_moment": {int.__repr__(row.open_items)}{_ITEM}}}'
            for part in (head, forms, steps):
                part.encode(self.encoding)
        except (UnicodeEncodeError, LookupError):  # (the general path: with escapes)
            only = Listing([row], [], row.path.parent)
            return [json_text(next(self.items(only)), self.encoding).replace("\n", _ITEM)]
        return [_escaped(head), forms, _STEPS_KEY, steps, tail]


_STEPS_KEY = f',{_KEY}"stegen": '


def _escaped(text: str) -> str:
    return _RAW_CONTROLS.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def _steps(steps: tuple[tuple[str, str], ...]) -> list[dict[str, object]]:
    return [
        {"steg": number, "id": step_id, "status": code(status, STEP_STATUS_CODES), "status_text": status}
        for number, (step_id, status) in enumerate(steps, start=1)
    ]

