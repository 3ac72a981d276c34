"""``jamfor --json``: a comparison as data for scripts – the two reports, what differs in the
metadata, the changed and one-sided answers per step (with the word diff), the ratings side by
side and the action items that came or went."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from intervjufas.views.process_map.map_comparison import map_comparison_data

if TYPE_CHECKING:
    from intervjufas.reading.comparison import Comparison, PlanItem, ReportSide


def comparison_data(comparison: Comparison) -> dict[str, Any]:
    return {
        "a": _side(comparison.a),
        "b": _side(comparison.b),
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
        "betyg": [
            {
                "steg": r.step_label,
                "etikett": r.label,
                "a": r.a,
                "b": r.b,
                "andring": r.change,
                "max": r.scale_max,
            }
            for r in comparison.ratings
        ],
        "nya_moment": [_item(item) for item in comparison.items_added],
        "borttagna_moment": [_item(item) for item in comparison.items_dropped],
        "oforandrade": comparison.unchanged,
        "jamforda": comparison.compared,
    }


def _side(side: ReportSide) -> dict[str, Any]:
    return {
        "fil": side.path.name,
        "sokvag": str(side.path),
        "datum": side.datum,
        "uppdrag": side.uppdrag,
        "kund": side.kund,
        "fragor": side.set_id,
        "version": side.set_version,
        "fragor_finns": side.set_known,
        "forfattare": side.author,
    }


def _one_sided(entry: Any) -> dict[str, Any]:
    return {
        "fraga": entry.question_id,
        "etikett": entry.label,
        "text": entry.text,
        "okand_for": list(entry.unknown_to),
    }


def _item(item: PlanItem) -> dict[str, str]:
    return {"steg": item.step_label, "typ": item.kind, "moment": item.moment, "varfor": item.why}
