"""The team's moment names to choose from when the team arranges its vocabulary on a terminal
(``karta --team --ordna``): every name on the team's map, each with the names it is grouped with
now, in the map's order (phase by phase, the most common moment first)."""

from __future__ import annotations

from dataclasses import dataclass

from intervjufas.reading.process_map.team_map import TeamMap


@dataclass(frozen=True)
class NameChoice:
    name: str
    grouped_with: tuple[str, ...]  # the other names counted as the same moment now

    @property
    def label(self) -> str:
        """The name as offered: "Återkoppling till kandidat (= Återkoppling till varje kandidat)"."""
        return f"{self.name} (= {', '.join(self.grouped_with)})" if self.grouped_with else self.name


def name_choices(team: TeamMap) -> list[NameChoice]:
    """Each name on the team's map once (the first phase it is in decides its group)."""
    seen: set[str] = set()
    found = []
    for _phase, moments in team.phases:
        for moment in moments:
            for name in moment.names:
                if name.casefold() in seen:
                    continue
                seen.add(name.casefold())
                others = tuple(n for n in moment.names if n.casefold() != name.casefold())
                found.append(NameChoice(name, others))
    return found
