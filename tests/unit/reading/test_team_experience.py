"""The received experience of the team's moments: raw ratings pooled over the moments a group holds
(by author and moment id, whatever each calls it), the minimum-count rule on the pool."""

from __future__ import annotations

from pathlib import Path

from intervjufas.folder.team_vocabulary import Vocabulary
from intervjufas.model.answers import Moment
from intervjufas.reading.process_map.team_experience import Experience, pooled
from intervjufas.reading.process_map.team_map import TeamMap, TeamMoment, team_map_of

MAPS = {
    "Anna": {"fore": (Moment("Kravprofil", ("kunden",), id="a1"), Moment("Kallelse", ("kandidaten",), id="a2"))},
    "Bo": {"fore": (Moment("kravprofil", ("kunden",), id="b7"),)},
}


def moment(team: TeamMap, name: str) -> TeamMoment:
    return next(m for _, moments in team.phases for m in moments if m.name == name)


def test_ratings_are_pooled_over_the_spellings_a_team_moment_groups() -> None:
    ratings = {"Anna": {"kund": {"a1": [4, 5]}, "kandidat": {"a2": [1, 2, 3]}}, "Bo": {"kund": {"b7": [2]}}}
    team = team_map_of(MAPS, Vocabulary(), Path("."), ratings=ratings, minimum=3)
    assert moment(team, "Kravprofil").experience == (Experience("kund", 3, 4.0),)  # 4, 5 and 2
    assert moment(team, "Kallelse").experience == (Experience("kandidat", 3, 2.0),)


def test_below_the_minimum_only_too_few_and_no_experience_where_no_form_asked() -> None:
    ratings = {"Anna": {"kund": {"a1": [4, 5]}}}
    team = team_map_of(MAPS, Vocabulary(), Path("."), ratings=ratings, minimum=3)
    (found,) = moment(team, "Kravprofil").experience
    assert found.too_few and found.count is None and found.median is None
    assert moment(team, "Kallelse").experience == ()


def test_candidates_come_first_and_a_moment_id_of_another_author_does_not_count() -> None:
    ratings = {"Anna": {"kund": {"b7": [5, 5, 5]}, "kandidat": {"a1": [3, 3, 4]}}}
    assert pooled(ratings, [("Anna", "a1"), ("Bo", "b7")], 3) == (Experience("kandidat", 3, 3.0),)
