"""The process-map part of a comparison (``jamfor``), in the three outputs: lines of text, a
Markdown table, and data for scripts.  The words are shared, so that the outputs say the same."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from intervjufas.model.questions import PHASES
from intervjufas.report.process_map.mermaid import MARKS as MAP_MARKS
from intervjufas.report.process_map.mermaid import State
from intervjufas.report.process_map.report_map import STATE_WORDS
from intervjufas.views.console import NO_ANSWER
from intervjufas.views.process_map.shown_map import STATE_SLUGS

if TYPE_CHECKING:
    from intervjufas.reading.process_map.map_comparison import MapComparison, MomentChange

TITLE = "Processkarta"
KIND_SLUGS = {
    "added": "tillagt",
    "removed": "borttaget",
    "renamed": "nytt_namn",
    "moved": "flyttat",
    "marked": "markering",
    "developed": "utvecklat",
    "involves": "beror",
    "note": "notering",
}
_LABELS = {
    "added": "Nytt i B",
    "removed": "Bara i A",
    "renamed": "Nytt namn",
    "moved": "Flyttat",
    "marked": "Markering",
    "developed": "Utvecklat",
    "involves": "Berör",
    "note": "Notering",
}
STYLES = {"added": "green", "removed": "red", "marked": "yellow", "developed": "cyan"}
_MARKS = {"added": "+", "removed": "−", "developed": MAP_MARKS["developed"]}


def mark(change: MomentChange) -> str:
    """The symbol before a change in the text: + and − for moments that came or went, the map's
    own mark for one marked or developed, · for the rest."""
    if change.kind == "marked":
        return MAP_MARKS.get(cast(State, change.after), "") or "·"  # (a marked moment's sides are states)
    return _MARKS.get(change.kind, "·")


def label(change: MomentChange) -> str:
    if change.kind == "added" and change.after == "new":
        return "Planerat nytt i B"
    return _LABELS[change.kind]


def sides(change: MomentChange) -> tuple[str, str]:
    """What A and B say about the moment, in words ("" when the change has nothing to compare)."""
    if change.kind in ("added", "removed"):
        return ("planerat" if change.before in ("new", "remove") else ""), ""
    if change.kind == "moved":
        return PHASES.get(change.before, change.before), PHASES.get(change.after, change.after)
    if change.kind == "marked":
        before, after = cast(State, change.before), cast(State, change.after)  # (states, as above)
        return STATE_WORDS[before] or "ingen", STATE_WORDS[after] or "ingen"
    return change.before or NO_ANSWER, change.after or NO_ANSWER


def change_text(change: MomentChange) -> str:
    """One change as a line: 'Nytt namn: Kravprofil → Genomgång av kravprofilen',
    'Markering: Intervju (ingen → Utveckla)', 'Nytt i B: Förberedande samtal'.  An arrow always
    has both its sides: what only one report says is said in words ('planerat som nytt i A, inte
    med i B', 'ny i B: …', 'borttagen i B, var: …')."""
    before, after = sides(change)
    if change.kind == "renamed":
        return f"{label(change)}: {before} → {after}"
    if change.kind == "developed":
        return f"{label(change)} {after}: {change.name}"
    text = f"{label(change)}: {change.name}"
    if change.kind == "added" and change.before == "new":
        return f"{text} (planerat i A)"
    if change.kind == "removed" and change.before == "remove":
        return f"{text} (planerat att tas bort i A)"
    if change.kind == "removed" and change.before == "new":
        return f"{text} (planerat som nytt i A, inte med i B)"
    if change.kind in ("involves", "note") and not (change.before and change.after):
        return f"{text} ({one_side(change.before, change.after)})" if change.before or change.after else text
    if before and after:
        return f"{text} ({before} → {after})"
    return f"{text} ({before or after})" if before or after else text


def one_side(before: str, after: str) -> str:
    """What only one report has, in words: 'ny i B: kunden', 'borttagen i B, var: kunden'."""
    return f"ny i B: {after}" if after else f"borttagen i B, var: {before}"


def by_phase(maps: MapComparison) -> list[tuple[str, list[MomentChange]]]:
    groups: dict[str, list[MomentChange]] = {}
    for change in maps.changes:
        groups.setdefault(change.phase, []).append(change)
    return [(PHASES.get(phase, phase), changes) for phase, changes in groups.items()]


def map_comparison_summary(maps: MapComparison) -> str:
    """The line under the changes (or instead of them, when only one report has a map)."""
    if maps.one_sided is not None:
        count = maps.a_moments or maps.b_moments
        return f"Bara {maps.one_sided} har en processkarta ({count} moment)."
    return f"Oförändrade moment: {maps.unchanged} (A har {maps.a_moments} moment, B har {maps.b_moments})."


def markdown_lines(maps: MapComparison, md: Any) -> list[str]:
    """The map part of ``jamfor --format markdown``: a table of the changes, then the summary."""
    lines = [f"## {TITLE}", ""]
    if maps.changes:
        lines += ["| Fas | Ändring | Moment | A | B |", "| --- | --- | --- | --- | --- |"]
        for change in maps.changes:
            before, after = sides(change)
            name = change.after if change.kind == "renamed" else change.name
            cells = [PHASES.get(change.phase, change.phase), label(change), name, before, after]
            lines.append("| " + " | ".join(md(cell) or " " for cell in cells) + " |")
        lines.append("")
    return [*lines, f"*{md(map_comparison_summary(maps))}*", ""]


def map_comparison_data(maps: MapComparison | None) -> dict[str, Any] | None:
    """The map part of ``jamfor --json`` (None when neither report has a map)."""
    if maps is None:
        return None
    return {
        "antal_moment_a": maps.a_moments,
        "antal_moment_b": maps.b_moments,
        "bara_karta_i": maps.one_sided,
        "andringar": [
            {
                "andring": KIND_SLUGS[change.kind],
                "andring_text": label(change),
                "fas": change.phase,
                "namn": change.name,
                "id": change.moment_id or None,
                "a": _value(change, change.before),
                "b": _value(change, change.after),
            }
            for change in maps.changes
        ],
        "antal_oforandrade": maps.unchanged,
    }


def _value(change: MomentChange, value: str) -> str | None:
    """A state as its slug (nytt, utveckla, ta_bort; null for none), anything else as it is."""
    if change.kind in ("marked", "added", "removed"):
        return STATE_SLUGS.get(value) if value else None
    return value
