"""Numbered lists in a report: items (action items, moments of the process map) written as one
numbered line each, with labelled details indented under it and the item's ids in a comment.

    1. **Checklista till kunden**<!-- atgard: 1a2b3c4d, moment: 5e6f7a8b -->
       - Varför: Tydlighet
       - Berör: kunden

Hand-written variants are read too: bullets instead of numbers, no bold, 'Syfte:' for 'Varför:',
details on continuation lines.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from intervjufas.errors import AnswerFormatError
from intervjufas.model.markdown_text import CURRENT, TextCodec

_ITEM = re.compile(r"^(?:\d+[.)]|[-*+])[ \t]+(.*)$")
_DETAIL = re.compile(r"^[ \t]+(?:[-*+][ \t]+)?(?P<label>[^\W\d_][\w ]*?)[ \t]*:[ \t]?(?P<text>.*)$")
_CONTINUATION = re.compile(r"^[ \t]+(\S.*)$")
# The text of an item, then its ids in a comment whose '<' is not escaped.
_IDS = re.compile(r"^(?P<text>(?:[^\\]|\\.)*?)[ \t]*<!--[ \t]*(?P<ids>[^<>]*?)[ \t]*-->[ \t]*$")
_ID_PART = re.compile(r"^([a-z_]+)[ \t]*:[ \t]*([A-Za-z0-9_-]+)$")


@dataclass
class ListItem:
    """One item as read: its text, its ids (e.g. {'atgard': '1a2b3c4d'}) and labelled details."""

    text: str
    ids: dict[str, str] = field(default_factory=dict)
    details: dict[str, str] = field(default_factory=dict)


def write_items(items: list[ListItem], labels: dict[str, str]) -> list[str]:
    """The Markdown lines of the items; ``labels`` names each detail ('why' → 'Varför')."""
    lines = []
    for number, item in enumerate(items, start=1):
        ids = ", ".join(f"{key}: {value}" for key, value in item.ids.items() if value)
        lines.append(f"{number}. **{CURRENT.inline(item.text)}**" + (f"<!-- {ids} -->" if ids else ""))
        for key, label in labels.items():
            value = item.details.get(key, "")
            if value:
                lines.append(f"   - {label}: {CURRENT.inline(value)}")
    return lines


def read_items(lines: list[str], labels: Mapping[str, tuple[str, ...]], text: TextCodec) -> list[ListItem]:
    """Items read back; ``labels`` gives each detail's accepted labels ('why' → ('varför', 'syfte'))."""
    by_label = {label: key for key, names in labels.items() for label in names}
    items: list[ListItem] = []
    target: str | None = None  # None: more text of the item itself
    for offset, line in enumerate(lines):
        if not line.strip():
            continue
        start = _ITEM.match(line)
        detail = _DETAIL.match(line)
        more = _CONTINUATION.match(line)
        if start:
            items.append(_item(start.group(1)))
            target = None
        elif detail and items and detail.group("label").strip().casefold() in by_label:
            target = by_label[detail.group("label").strip().casefold()]
            items[-1].details[target] = detail.group("text")
        elif more and items:
            if target is None:
                items[-1].text += " " + more.group(1)
            else:
                items[-1].details[target] += " " + more.group(1)
        else:
            raise AnswerFormatError(
                offset, "skriv varje moment som en numrerad rad (1. …) med detaljerna indragna under"
            )
    for item in items:
        item.text = text.uninline(_strip_bold(item.text.strip()))
        item.details = {key: text.uninline(value.strip()) for key, value in item.details.items()}
    return [item for item in items if item.text.strip()]


def _item(line: str) -> ListItem:
    match = _IDS.match(line)
    if match is None:
        return ListItem(line)
    ids: dict[str, str] = {}
    for part in match.group("ids").split(","):
        id_match = _ID_PART.match(part.strip())
        if id_match is None:
            return ListItem(line)  # not the program's comment: part of the text
        ids[id_match.group(1)] = id_match.group(2)
    return ListItem(match.group("text"), ids)


def _strip_bold(text: str) -> str:
    if len(text) >= 4 and text.startswith("**") and text.endswith("**"):
        return text[2:-2]
    return text
