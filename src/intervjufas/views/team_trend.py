"""``trend --av NAMN``: one consultant's mean rating per period beside the team's median, as plain
lines (the same in a terminal and a pipe)."""

from __future__ import annotations

from intervjufas.reading.team_trend import TrendAgainstTeam
from intervjufas.views.console import decimal

PERIOD_WORDS = {"manad": "Månad", "kvartal": "Kvartal"}


def trend_against_team_text(trends: list[TrendAgainstTeam], name: str, per: str) -> str:
    if not trends:
        return f"Inga betyg av {name} att jämföra med teamets.\n"
    lines = []
    for trend in trends:
        lines += [f"{trend.title}: {trend.author} jämfört med teamets median", ""]
        for series in trend.series:
            lines.append(series.label)
            lines.append(f"  {PERIOD_WORDS.get(per, per):<10} {trend.author:>14}   Teamets median")
            for row in series.rows:
                mine = f"{decimal(row.mine)} ({row.mine_count})" if row.mine is not None else "–"
                lines.append(f"  {row.period:<10} {mine:>14}   {decimal(row.team_median)} ({row.team_count})")
            lines.append("")
    lines.append("Inom parentes: antal rapporter. Medianen räknar alla betyg i teamet den perioden.")
    return "\n".join(lines) + "\n"
