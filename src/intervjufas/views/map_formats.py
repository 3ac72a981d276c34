"""``karta --format markdown|mermaid|json``: the map as the report's "Processkarta" section, as the
Mermaid flowchart alone (exactly what the report draws), or as data for scripts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from intervjufas.model.questions import PHASES
from intervjufas.report.process_map.mermaid import flowchart
from intervjufas.report.process_map.report_map import (
    MAP_EMPTY,
    MAP_TITLE,
    STATE_WORDS,
    has_map,
    map_phases,
    map_section,
    section_of,
)
from intervjufas.views.json_vocabulary import FORMAT

if TYPE_CHECKING:
    from intervjufas.reading.process_map.shown_map import MapView
    from intervjufas.report.process_map.report_map import MappedMoment
STATE_SLUGS: dict[str, str | None] = {
    "kept": None,
    "new": "nytt",
    "develop": "utveckla",
    "remove": "ta_bort",
    "developed": "utvecklat",
}
ORIGIN_SLUGS = {"map": "karta", "plan": "utvecklingsplan", "none": "ingen"}


def map_mermaid(view: MapView) -> str:
    """The flowchart's source, exactly as the report's section has it (without the fences)."""
    return flowchart(map_phases(view.drawn))


def map_markdown(view: MapView) -> str:
    """The "Processkarta" section: the report's own when its question set maps the process, the
    same layout for the moments a plan names, else the line the report has for an empty map."""
    loaded = view.loaded
    if loaded is not None and loaded.questionnaire is not None and has_map(loaded.questionnaire):
        body = map_section(loaded.report, loaded.questionnaire)
    elif not view.drawn.empty:
        body = section_of(view.drawn)
    else:
        body = [MAP_EMPTY, ""]
    return "\n".join([f"## {MAP_TITLE}", "", *body]).rstrip("\n") + "\n"


def map_data(view: MapView) -> dict[str, Any]:
    """``karta --json``: where the map comes from, and its phases with their moments."""
    return {
        "format": FORMAT,
        "rapport": _source(view),
        "senaste": view.latest,
        "ursprung": ORIGIN_SLUGS[view.origin],
        "faser": [
            {"id": phase, "titel": PHASES[phase], "moment": [moment_data(moment) for moment in moments]}
            for phase, moments in view.drawn.phases
        ],
    }


def _source(view: MapView) -> dict[str, Any] | None:
    if view.loaded is None:
        return None
    return {
        "fil": view.loaded.path.name,
        "sokvag": str(view.loaded.path),
        "datum": view.fact("datum"),
        "uppdrag": view.fact("uppdrag"),
        "kund": view.fact("kund"),
        "forfattare": view.author,
        "uppsattning": view.loaded.report.question_set.id,
    }


def moment_data(moment: MappedMoment) -> dict[str, Any]:
    return {
        "id": moment.moment.id or None,
        "namn": moment.moment.name,
        "beror": list(moment.moment.involves),
        "notering": moment.moment.note,
        "markering": STATE_SLUGS[moment.state],
        "markering_text": STATE_WORDS[moment.state] or None,
        "varfor": moment.why,
        "utvecklat": moment.moment.developed or None,
    }
