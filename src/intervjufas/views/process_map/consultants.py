"""``jamfor --av A --av B`` as text (the same lines in a terminal, a pipe and as Markdown)."""

from __future__ import annotations

from intervjufas.model.questions import PHASES
from intervjufas.reading.process_map.consultants import SideBySide


def _whom(involves: tuple[str, ...]) -> str:
    return ", ".join(involves) or "ingen angiven"


def side_by_side_lines(compared: SideBySide) -> list[str]:
    a, b = compared.author_a, compared.author_b
    lines = [f"Processkartorna sida vid sida: {a} och {b} (var och ens senaste karta)", ""]
    for phase in compared.phases:
        lines.append(f"## {PHASES[phase.phase]}")
        if not (phase.only_a or phase.only_b or phase.differ or phase.same):
            lines += ["Inga moment hos någon av dem.", ""]
            continue
        for name in phase.only_a:
            lines.append(f"- Bara hos {a}: {name}")
        for name in phase.only_b:
            lines.append(f"- Bara hos {b}: {name}")
        for both in phase.differ:
            named = both.name_a if both.name_a == both.name_b else f"{both.name_a} / {both.name_b}"
            lines.append(
                f"- Hos båda, berör olika: {named} – {a}: {_whom(both.involves_a)}; {b}: {_whom(both.involves_b)}"
            )
        if phase.same:
            lines.append(f"- Hos båda, lika: {', '.join(phase.same)}")
        lines.append("")
    if not compared.differs:
        lines.append("Kartorna har samma moment, som berör samma.")
    return lines


def side_by_side_text(compared: SideBySide) -> str:
    return "\n".join(side_by_side_lines(compared)).rstrip("\n") + "\n"
