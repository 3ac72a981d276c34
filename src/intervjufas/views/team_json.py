"""The ``--json`` outputs of the team's comparisons: ``jamfor --av A --av B`` (two consultants' latest
maps moment by moment) and ``trend --av NAMN`` (one consultant's ratings beside the team's median).
Like every team view they hold nothing but moment names, whom moments involve, ratings and names of
consultants; their keys are in ``json_vocabulary`` and their schemas in ``json_schema``."""

from __future__ import annotations

from typing import Any

from intervjufas.model.questions import PHASES
from intervjufas.reading.process_map.consultants import SideBySide
from intervjufas.reading.team_trend import TrendAgainstTeam
from intervjufas.views.json_vocabulary import FORMAT


def side_by_side_data(compared: SideBySide) -> dict[str, Any]:
    """``jamfor --av A --av B --json``."""
    return {
        "format": FORMAT,
        "konsult_a": compared.author_a,
        "konsult_b": compared.author_b,
        "skiljer_sig": compared.differs,
        "konsultfaser": [
            {
                "id": phase.phase,
                "titel": PHASES.get(phase.phase, phase.phase),
                "bara_hos_a": list(phase.only_a),
                "bara_hos_b": list(phase.only_b),
                "olika_beror": [
                    {
                        "namn_a": both.name_a,
                        "namn_b": both.name_b,
                        "beror_a": list(both.involves_a),
                        "beror_b": list(both.involves_b),
                    }
                    for both in phase.differ
                ],
                "hos_bada": list(phase.same),
            }
            for phase in compared.phases
        ],
    }


def trend_against_team_data(trends: list[TrendAgainstTeam], name: str, per: str) -> dict[str, Any]:
    """``trend --av NAMN --json`` (``konsult`` as the reports spell the name, else as asked)."""
    return {
        "format": FORMAT,
        "konsult": trends[0].author if trends else name,
        "per": per,
        "teamtrender": [
            {
                "titel": trend.title,
                "teambetyg": [
                    {
                        "fraga": series.question,
                        "etikett": series.label,
                        "max": series.scale_max,
                        "teampunkter": [
                            {
                                "period": row.period,
                                "eget_medel": row.mine,
                                "antal_egna_rapporter": row.mine_count,
                                "teamets_median": row.team_median,
                                "antal_teamrapporter": row.team_count,
                            }
                            for row in series.rows
                        ],
                    }
                    for series in trend.series
                ],
            }
            for trend in trends
        ],
    }
