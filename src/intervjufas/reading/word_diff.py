"""A word-level diff of two texts, as lines of (operation, text) parts, for comparing answers."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Literal

Op = Literal["equal", "delete", "insert"]
DiffPart = tuple[Op, str]
DiffLine = list[DiffPart]


def _words(text: str) -> list[tuple[str, str]]:
    """(word or punctuation, the whitespace after it) pairs; leading whitespace is dropped."""
    return re.findall(r"(\w+|[^\w\s]+)(\s*)", text)


def _joined(pairs: list[tuple[str, str]]) -> str:
    text = "".join(word + space for word, space in pairs)
    return text.rstrip()


def _inline_diff(before: str, after: str) -> list[DiffLine]:
    old, new = _words(before), _words(after)
    matcher = SequenceMatcher(None, [w for w, _ in old], [w for w, _ in new], autojunk=False)
    parts: list[DiffPart] = []
    opcodes = matcher.get_opcodes()
    for number, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            # A deletion that follows sits in the old text's spacing, anything else in the new's.
            following = opcodes[number + 1][0] if number + 1 < len(opcodes) else "equal"
            space = old[i2 - 1][1] if following == "delete" else new[j2 - 1][1]
            parts += [("equal", _joined(new[j1:j2])), ("equal", space)]
            continue
        if i2 > i1:
            parts.append(("delete", _joined(old[i1:i2])))
        if j2 > j1:
            parts.append(("insert", _joined(new[j1:j2])))
        parts.append(("equal", new[j2 - 1][1] if j2 > j1 else old[i2 - 1][1]))
    return _split_lines(_merged(parts))


def word_diff(before: str, after: str) -> list[DiffLine]:
    """A word-level diff of two texts, as lines of (operation, text) parts.

    Lines are paired first, so a changed line is compared with the line it replaced (in order,
    when the number of lines changed too); within changed lines, words and punctuation are
    compared without their whitespace.  Deleted or
    inserted runs never start or end with whitespace."""
    old_lines, new_lines = before.split("\n"), after.split("\n")
    matcher = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    lines: list[DiffLine] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            lines += [[("equal", line)] if line else [] for line in new_lines[j1:j2]]
        elif tag == "delete":
            lines += [[("delete", line.strip())] if line.strip() else [] for line in old_lines[i1:i2]]
        elif tag == "insert":
            lines += [[("insert", line.strip())] if line.strip() else [] for line in new_lines[j1:j2]]
        else:  # changed lines are paired in order; the rest were deleted or inserted
            pairs = min(i2 - i1, j2 - j1)
            for old_line, new_line in zip(
                old_lines[i1 : i1 + pairs], new_lines[j1 : j1 + pairs], strict=True
            ):
                lines += _inline_diff(old_line, new_line)
            lines += [
                [("delete", line.strip())] if line.strip() else [] for line in old_lines[i1 + pairs : i2]
            ]
            lines += [
                [("insert", line.strip())] if line.strip() else [] for line in new_lines[j1 + pairs : j2]
            ]
    return lines


def _merged(parts: list[DiffPart]) -> list[DiffPart]:
    merged: list[DiffPart] = []
    for op, text in parts:
        if not text:
            continue
        if merged and merged[-1][0] == op:
            merged[-1] = (op, merged[-1][1] + text)
        else:
            merged.append((op, text))
    while merged and merged[-1][0] == "equal" and not merged[-1][1].strip():
        merged.pop()
    return merged


def _split_lines(parts: list[DiffPart]) -> list[DiffLine]:
    lines: list[DiffLine] = [[]]
    for op, text in parts:
        pieces = text.split("\n")
        for index, piece in enumerate(pieces):
            if index:
                lines.append([])
            if op != "equal":
                piece = piece.strip()
            if piece:
                lines[-1].append((op, piece))
    return lines
