"""What a mapping offers from colleagues' maps: the team's moments the consultant lacks (under any
name the team groups with theirs), never one only the consultant has, most common first."""

from __future__ import annotations

from pathlib import Path

from intervjufas.folder.team_vocabulary import Vocabulary
from intervjufas.model.answers import Moment
from intervjufas.reading.process_map.team_map import UNNAMED, team_map_of
from intervjufas.reading.process_map.team_suggestions import suggestions


def maps(**by_author: tuple[str, ...]) -> dict[str, dict[str, tuple[Moment, ...]]]:
    return {author.replace("_", ""): {"fore": tuple(Moment(n, ("kunden",), "privat") for n in names)} for author, names in by_author.items()}


def test_the_moments_the_consultant_lacks_most_common_first() -> None:
    team = team_map_of(
        maps(Anna=("Kravprofil", "Referenstagning"), Bo=("Referenstagning", "Kallelse"), Cecilia=("Referenstagning",), Erik=("kravprofil",)),
        Vocabulary(),
        Path("."),
    )
    found = suggestions(team, "fore", ["Kravprofil"], "Erik")
    assert [s.label for s in found] == ["Referenstagning (3 av 4)", "Kallelse (1 av 4)"]
    assert found[0].involves == ("kunden",)


def test_a_name_the_vocabulary_joins_with_ones_own_is_not_offered() -> None:
    team = team_map_of(maps(Anna=("Referenser",), Bo=("Intervju",)), Vocabulary(merged=(("Referenser", "Referenstagning"),)), Path("."))
    assert [s.name for s in suggestions(team, "fore", ["Referenstagning"], "Erik")] == ["Intervju"]


def test_nothing_only_the_consultant_has_is_offered() -> None:
    team = team_map_of(maps(Erik=("Gammalt",), Anna=("Intervju",)), Vocabulary(), Path("."))
    assert [s.name for s in suggestions(team, "fore", [], "Erik")] == ["Intervju"]
    unnamed = team_map_of({UNNAMED: maps(x=("Anonymt",))["x"], "Erik": maps(x=("Eget",))["x"]}, Vocabulary(), Path("."))
    assert [s.name for s in suggestions(unnamed, "fore", [], "Erik")] == ["Anonymt"]
