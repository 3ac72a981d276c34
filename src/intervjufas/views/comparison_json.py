"""``jamfor --json``: a comparison as data for scripts – the two reports, what differs in the
metadata, the changed and one-sided answers per step (with the word diff), the ratings side by
side and the action items that came or went, each with its current status."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from intervjufas.views.json_vocabulary import FOLLOW_UP_CODES, FORMAT, PLAN_CODES, code
from intervjufas.views.process_map.map_comparison import map_comparison_data

if TYPE_CHECKING:
    from intervjufas.reading.comparison import Comparison, PlanItem, ReportSide


def comparison_data(comparison: Comparison) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "rapport_a": _side(comparison.a),
        "rapport_b": _side(comparison.b),
        "skiljer_sig": comparison.differs,
        "uppgifter": [
            {"nyckel": d.key, "etikett": d.label, "a": d.before, "b": d.after} for d in comparison.metadata
        ],
        "processkarta": map_comparison_data(comparison.maps),
        "avsnitt": [
            {
                "titel": section.title,
                "andrade": [
                    {
                        "fraga": c.question_id,
                        "etikett": c.label,
                        "a": c.before,
                        "b": c.after,
                        "ord": [[[op, text] for op, text in line] for line in c.diff],
                        "okand_for": list(c.unknown_to),
                    }
                    for c in section.changed
                ],
                "bara_i_a": [_one_sided(entry) for entry in section.only_a],
                "bara_i_b": [_one_sided(entry) for entry in section.only_b],
            }
            for section in comparison.sections
            if not section.empty
        ],
        "betygsjamforelse": [
            {
                "steg": r.step_number,
                "steg_namn": r.step_label,
                "etikett": r.label,
                "betyg_a": r.a,
                "betyg_b": r.b,
                "skillnad": r.change,
                "max": r.scale_max,
            }
            for r in comparison.ratings
        ],
        "nya_moment": [_item(item) for item in comparison.items_added],
        "borttagna_moment": [_item(item) for item in comparison.items_dropped],
        "antal_oforandrade": comparison.unchanged,
        "antal_jamforda": comparison.compared,
    }


def _side(side: ReportSide) -> dict[str, Any]:
    return {
        "fil": side.path.name,
        "sokvag": str(side.path),
        "datum": side.datum,
        "uppdrag": side.uppdrag,
        "kund": side.kund,
        "forfattare": side.author,
        "uppsattning": side.set_id,
        "version": side.set_version,
        "uppsattning_finns": side.set_known,
    }


def _one_sided(entry: Any) -> dict[str, Any]:
    return {
        "fraga": entry.question_id,
        "etikett": entry.label,
        "text": entry.text,
        "okand_for": list(entry.unknown_to),
    }


def _item(item: PlanItem) -> dict[str, Any]:
    return {
        "steg": item.step_number,
        "steg_namn": item.step_label,
        "typ": item.plan or code(item.kind, PLAN_CODES),
        "typ_text": item.kind,
        "namn": item.moment,
        "varfor": item.why,
        "id": item.key or None,
        "senaste_status": code(item.latest.status, FOLLOW_UP_CODES) if item.latest else None,
        "senaste_status_text": item.latest.status if item.latest else None,
        "senaste_status_datum": item.latest.date if item.latest else None,
    }
