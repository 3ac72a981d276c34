"""How a comparison (``jamfor``) looks: Rich text for the terminal, plain text, and Markdown.

Everything reads without colour too (NO_COLOR, pipes): diffs are marked ``[-deleted-]`` and
``{+inserted+}`` as in git's word diff.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from intervjufas.reading_views import NO_ANSWER

if TYPE_CHECKING:
    from intervjufas.compare import Comparison, DiffLine, PlanItem, Rating, ReportSide


# -- jamfor: text -------------------------------------------------------------------------------


def diff_text(lines: list[DiffLine]) -> Text:
    """A word diff with git's markers, coloured when the console has colour."""
    text = Text()
    for number, line in enumerate(lines):
        if number:
            text.append("\n")
        for op, part in line:
            if op == "delete":
                text.append(f"[-{part}-]", style="red")
            elif op == "insert":
                text.append(f"{{+{part}+}}", style="green")
            else:
                text.append(part)
    return text


def _indent(renderable: RenderableType, level: int) -> Padding:
    return Padding(renderable, (0, 0, 0, level), expand=False)


def _side_lines(side: ReportSide) -> list[RenderableType]:
    details = " · ".join(part for part in (side.datum, side.uppdrag, side.kund) if part)
    name = Text(f"{side.name}: ", style="bold")
    name.append(side.path.name)
    return [_indent(name, 2), _indent(Text(details or NO_ANSWER, style="dim"), 5)]


def set_note(comparison: Comparison) -> str:
    a, b = comparison.a, comparison.b
    unknown = [side for side in (a, b) if not side.set_known]
    if unknown:
        if len(unknown) == 2 and a.set_id == b.set_id:
            names = a.set_id
        else:
            names = " och ".join(f"{side.set_id} ({side.name})" for side in unknown)
        return (
            f"Frågeuppsättningen {names} finns inte här, så svaren jämförs per fråge-id med rubrikerna "
            "i filen. Lägg frågefilen i mappen för egna frågeuppsättningar för en fullständig jämförelse."
        )
    if comparison.same_set:
        return ""
    if a.set_id == b.set_id:
        return (
            f"Rapporterna har olika versioner av frågeuppsättningen {a.set_id} (A: version {a.set_version}, "
            f"B: version {b.set_version}). Svaren jämförs per fråge-id."
        )
    return (
        f"Rapporterna har olika frågeuppsättningar (A: {a.set_id}, B: {b.set_id}). "
        "Svaren jämförs per fråge-id."
    )


def unknown_note(sides: tuple[str, ...]) -> str:
    if not sides:
        return ""
    return f"finns inte i frågeuppsättningen för {' och '.join(sides)}"


def rating_change(rating: Rating) -> str:
    """'3 → 4 (+1)', '3 → –' when one side has no rating."""
    a = NO_ANSWER if rating.a is None else str(rating.a)
    b = NO_ANSWER if rating.b is None else str(rating.b)
    change = rating.change
    if change is None:
        return f"{a} → {b}"
    if change == 0:
        return f"{a} → {b} (±0)"
    return f"{a} → {b} ({'+' if change > 0 else '−'}{abs(change)})"


def _rating_style(rating: Rating) -> str:
    change = rating.change
    if change is None or change == 0:
        return ""
    return "green" if change > 0 else "red"


def _answer_heading(kind: str, label: str, unknown_to: tuple[str, ...]) -> RenderableType:
    heading = Text(f"{kind}: ", style="bold")
    heading.append(label)
    note = unknown_note(unknown_to)
    if note:
        heading.append(f" ({note})", style="dim")
    return _indent(heading, 2)


def _section_title(title: str) -> list[RenderableType]:
    return [Text(""), Text(title, style="bold underline")]


def comparison_renderable(comparison: Comparison) -> RenderableType:
    parts: list[RenderableType] = [Text("Jämförelse av två rapporter", style="bold")]
    parts += _side_lines(comparison.a) + _side_lines(comparison.b)
    note = set_note(comparison)
    if note:
        parts.append(Text(note, style="yellow"))
    if not comparison.differs:
        parts += [Text(""), Text(f"Inga skillnader ({comparison.compared} svar jämförda).")]
        return Group(*parts)
    if comparison.metadata:
        parts += _section_title("Uppgifter om uppdraget")
        for difference in comparison.metadata:
            line = Text(f"{difference.label}: ")
            line.append(difference.before or NO_ANSWER, style="red")
            line.append(" → ")
            line.append(difference.after or NO_ANSWER, style="green")
            parts.append(_indent(line, 2))
    for section in comparison.sections:
        if section.empty:
            continue
        parts += _section_title(section.title)
        for changed in section.changed:
            parts.append(_answer_heading("Ändrat", changed.label, changed.unknown_to))
            parts.append(_indent(diff_text(changed.diff), 4))
        for entry in [*section.only_a, *section.only_b]:
            parts.append(_answer_heading(f"Bara i {entry.side}", entry.label, entry.unknown_to))
            parts.append(_indent(Text(entry.text), 4))
    if any(r.differs for r in comparison.ratings):
        parts += _section_title("Betyg (A → B)")
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), pad_edge=False)
        table.add_column(no_wrap=True)
        table.add_column()
        table.add_column(no_wrap=True)
        for rating in comparison.ratings:
            table.add_row(
                rating.step_label, rating.label, Text(rating_change(rating), style=_rating_style(rating))
            )
        parts.append(_indent(table, 2))
    if comparison.items_added or comparison.items_dropped:
        parts += _section_title("Utvecklingsplan")
        for title, items, mark, style in (
            ("Nya moment i B", comparison.items_added, "+", "green"),
            ("Moment som bara finns i A", comparison.items_dropped, "−", "red"),
        ):
            if items:
                parts.append(_indent(Text(f"{title}:", style="bold"), 2))
                parts += [_plan_line(item, mark, style) for item in items]
    parts += [Text(""), Text(f"Oförändrade svar: {comparison.unchanged} av {comparison.compared} jämförda.")]
    return Group(*parts)


def _plan_line(item: PlanItem, mark: str, style: str) -> RenderableType:
    text = Text(f"{mark} ", style=style)
    text.append(f"{item.step_label} · {item.kind}: ", style="dim")
    text.append(item.moment)
    if item.why:
        text.append(f" – {item.why}")
    return _indent(text, 4)


def comparison_plain_text(comparison: Comparison, width: int = 100) -> str:
    """The text form without colour, for a file."""
    from io import StringIO

    console = Console(file=StringIO(), width=width, color_system=None, highlight=False, emoji=False)
    console.print(comparison_renderable(comparison))
    text = console.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in text.split("\n"))


def show_comparison(console: Console, comparison: Comparison) -> None:
    """In a terminal with colour (when it has colour); otherwise as plain text."""
    if console.is_terminal:
        console.print(comparison_renderable(comparison))
    else:
        console.file.write(comparison_plain_text(comparison, console.width))


# -- jamfor: Markdown ---------------------------------------------------------------------------

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
    if any(r.differs for r in comparison.ratings):
        lines += [
            "## Betyg",
            "",
            "| Steg | Betyg för | A | B | Förändring |",
            "| --- | --- | --- | --- | --- |",
        ]
        for rating in comparison.ratings:
            a = NO_ANSWER if rating.a is None else str(rating.a)
            b = NO_ANSWER if rating.b is None else str(rating.b)
            change = rating.change
            shown = (
                NO_ANSWER if change is None else ("±0" if change == 0 else f"{change:+d}".replace("-", "−"))
            )
            lines.append(f"| {md(rating.step_label)} | {md(rating.label)} | {a} | {b} | {shown} |")
        lines.append("")
    if comparison.items_added or comparison.items_dropped:
        lines += ["## Utvecklingsplan", ""]
        for title, items in (
            ("Nya moment i B", comparison.items_added),
            ("Moment som bara finns i A", comparison.items_dropped),
        ):
            if items:
                lines += [f"### {title}", "", "| Steg | Typ | Moment | Varför |", "| --- | --- | --- | --- |"]
                for item in items:
                    lines.append(
                        f"| {md(item.step_label)} | {md(item.kind)} | {md(item.moment)} | {md(item.why)} |"
                    )
                lines.append("")
    lines += [f"*Oförändrade svar: {comparison.unchanged} av {comparison.compared} jämförda.*", ""]
    return "\n".join(lines)
