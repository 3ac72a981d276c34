"""A comparison (``jamfor --format markdown``) as Markdown: tables for details and ratings, and
word diffs with ~~deleted~~ and **inserted** words that render in any Markdown viewer."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from intervjufas.views.comparison_text import item_status, set_note, unknown_note
from intervjufas.views.console import NO_ANSWER

if TYPE_CHECKING:
    from intervjufas.reading.comparison import Comparison, ReportSide
    from intervjufas.reading.word_diff import DiffLine


_MD_SPECIAL = re.compile(r"([\\`*_~\[\]<>|#])")


def md(text: str) -> str:
    """Text with Markdown's special characters escaped (for inline use)."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_quote(text: str) -> list[str]:
    return _md_block([md(line) for line in text.split("\n")])


_WORD_END = re.compile(r"\w+$")
_WORD_START = re.compile(r"^\w+")


def _widen(line: DiffLine) -> DiffLine:
    """Markdown's ``**`` and ``~~`` do not open or close next to a letter when the marked text
    starts or ends with punctuation (``word**, more**``).  Such a change is widened to the
    whole adjacent word: ``~~word~~**word, more**``."""
    parts = [list(part) for part in line]
    index = 0
    while index < len(parts):
        if parts[index][0] == "equal":
            index += 1
            continue
        end = index
        while end < len(parts) and parts[end][0] != "equal":
            end += 1
        run = parts[index:end]
        before = parts[index - 1] if index > 0 else None
        after = parts[end] if end < len(parts) else None
        word = _WORD_END.search(before[1]) if before else None
        if before and word and any(not text[0].isalnum() for _, text in run):
            before[1] = before[1][: word.start()]
            for part in run:
                part[1] = word.group() + part[1]
            for op in ("delete", "insert"):
                if all(part[0] != op for part in run):
                    run.insert(0 if op == "delete" else len(run), [op, word.group()])
        word = _WORD_START.search(after[1]) if after else None
        if after and word and any(not text[-1].isalnum() for _, text in run):
            after[1] = after[1][word.end() :]
            for part in run:
                part[1] = part[1] + word.group()
            for op in ("delete", "insert"):
                if all(part[0] != op for part in run):
                    run.insert(0 if op == "delete" else len(run), [op, word.group()])
        parts[index:end] = run
        index += len(run)
    return [(op, text) for op, text in parts if text]  # type: ignore[misc]


def _md_diff(lines: list[DiffLine]) -> list[str]:
    out = []
    for line in lines:
        pieces = []
        for op, part in _widen(line):
            if op == "delete":
                pieces.append(f"~~{md(part)}~~")
            elif op == "insert":
                pieces.append(f"**{md(part)}**")
            else:
                pieces.append(md(part))
        out.append("".join(pieces))
    return _md_block(out)


def _md_block(lines: list[str]) -> list[str]:
    """Lines as a block quote that keeps its line breaks (a backslash at the end of a line)."""
    quoted = []
    for number, line in enumerate(lines):
        if not line.strip():
            quoted.append(">")
            continue
        following = lines[number + 1] if number + 1 < len(lines) else ""
        quoted.append(f"> {line}\\" if following.strip() else f"> {line}")
    return quoted


def _md_side(side: ReportSide) -> str:
    details = ", ".join(md(part) for part in (side.datum, side.uppdrag, side.kund) if part)
    if side.author:
        details += f"{', ' if details else ''}författare {md(side.author)}"
    return f"- **{side.name}:** {details or NO_ANSWER} (`{side.path.name}`)"


def comparison_markdown(comparison: Comparison) -> str:
    lines = ["# Jämförelse av två rapporter", "", _md_side(comparison.a), _md_side(comparison.b), ""]
    note = set_note(comparison)
    if note:
        lines += [f"*{md(note)}*", ""]
    if not comparison.differs:
        lines += [f"Inga skillnader ({comparison.compared} svar jämförda).", ""]
        return "\n".join(lines)
    if comparison.metadata:
        lines += ["## Uppgifter om uppdraget", "", "| Uppgift | A | B |", "| --- | --- | --- |"]
        for difference in comparison.metadata:
            lines.append(
                f"| {md(difference.label)} | {md(difference.before) or NO_ANSWER} | {md(difference.after) or NO_ANSWER} |"
            )
        lines.append("")
    if comparison.maps is not None:
        from intervjufas.views.process_map.map_comparison import markdown_lines

        lines += markdown_lines(comparison.maps, md)
    lines += _md_sections(comparison)
    lines += _md_ratings(comparison)
    lines += _md_plan(comparison)
    lines += [f"*Oförändrade svar: {comparison.unchanged} av {comparison.compared} jämförda.*", ""]
    return "\n".join(lines)


def _md_sections(comparison: Comparison) -> list[str]:
    lines: list[str] = []
    for section in comparison.sections:
        if section.empty:
            continue
        lines += [f"## {md(section.title)}", ""]
        for changed in section.changed:
            note = unknown_note(changed.unknown_to)
            lines += [f"### Ändrat: {md(changed.label)}", ""]
            if note:
                lines += [f"*Id:t {md(changed.question_id)} {note}.*", ""]
            lines += [*_md_diff(changed.diff), ""]
        for entry in [*section.only_a, *section.only_b]:
            note = unknown_note(entry.unknown_to)
            lines += [f"### Bara i {entry.side}: {md(entry.label)}", ""]
            if note:
                lines += [f"*Id:t {md(entry.question_id)} {note}.*", ""]
            lines += [*_md_quote(entry.text), ""]
    return lines


def _md_ratings(comparison: Comparison) -> list[str]:
    if not any(r.differs for r in comparison.ratings):
        return []
    lines = ["## Betyg", "", "| Steg | Betyg för | A | B | Förändring |", "| --- | --- | --- | --- | --- |"]
    for rating in comparison.ratings:
        a = NO_ANSWER if rating.a is None else str(rating.a)
        b = NO_ANSWER if rating.b is None else str(rating.b)
        change = rating.change
        shown = NO_ANSWER if change is None else ("±0" if change == 0 else f"{change:+d}".replace("-", "−"))
        lines.append(f"| {md(rating.step_label)} | {md(rating.label)} | {a} | {b} | {shown} |")
    return [*lines, ""]


def _md_plan(comparison: Comparison) -> list[str]:
    if not (comparison.items_added or comparison.items_dropped):
        return []
    lines = ["## Utvecklingsplan", ""]
    for title, items in (
        ("Nya moment i B", comparison.items_added),
        ("Moment som bara finns i A", comparison.items_dropped),
    ):
        if items:
            lines += [
                f"### {title}",
                "",
                "| Steg | Typ | Moment | Varför | Status |",
                "| --- | --- | --- | --- | --- |",
            ]
            for item in items:
                cells = (item.step_label, item.kind, item.moment, item.why, item_status(item))
                lines.append("| " + " | ".join(md(cell) for cell in cells) + " |")
            lines.append("")
    return lines
