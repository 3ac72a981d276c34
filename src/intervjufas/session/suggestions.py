"""Colleagues' moments offered during a mapping: once a phase's map is final, the moments of the
team's map (``reading/process_map/team_suggestions.py``) the consultant does not have are offered,
and those picked are added to the map.

The session calls ``offer`` at one place – when the answer of a map question is recorded – so that
the offer can move into a map editor later.  The team's map is looked up once per session, at the
first offer; a folder that cannot be read offers nothing (a mapping never stops for a suggestion).
Off with ``--utan-forslag``, and never made for an answers file (``--svar``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from intervjufas.errors import IntervjufasError
from intervjufas.model.answers import Answer, Moment
from intervjufas.model.question_types.choice import MultiChoiceType
from intervjufas.model.questions import PHASES, Question
from intervjufas.session.read_ahead import ReadAhead

if TYPE_CHECKING:
    from intervjufas.reading.process_map.team_lookup import TeamAhead
    from intervjufas.reading.process_map.team_map import TeamMap
    from intervjufas.reading.process_map.team_suggestions import Suggestion

OFFER_ID = "kollegornas_moment"


def offer_question(phase: str, found: list[Suggestion]) -> Question:
    """The question that offers the moments (several may be picked, none is fine)."""
    listed = ", ".join(s.label for s in found)
    return Question(
        id=f"{OFFER_ID}_{phase}",
        text=f"Kollegor i mappen har också: {listed}. Vill du lägga till något på kartan ({PHASES[phase].lower()})?",
        kind=MultiChoiceType(),
        help="Markera de moment du vill ha med; välj inget för att gå vidare.",
        choices=tuple(s.label for s in found),
    )


class Suggestions:
    """The offers of one session."""

    def __init__(self, find: Callable[[], TeamMap | None] | None = None, author: str = "") -> None:
        self._find = find
        self._author = author
        self._team: TeamMap | None = None
        self._looked = False
        self._offered: set[str] = set()
        self._ahead: ReadAhead[TeamAhead | None] | None = None

    @classmethod
    def in_folder(cls, folder: Path, author: str, report: Callable[[], Path | None] | None = None) -> Suggestions:
        """The team's map of ``folder`` is read ahead, from ``begin_reading`` on (the session calls
        it once the follow-up is over, questions before the first map), and brought up to date at
        the offer with the session's own report (``report``: where it is now), so that no pause
        follows the map (``reading.process_map.team_lookup``); whatever goes wrong ahead, the
        team's map is looked up again at the first offer."""

        def find() -> TeamMap | None:
            from intervjufas.reading.process_map.team_map import team_map

            if not folder.is_dir():
                return None
            return team_map(folder, experience=False)  # (names only: no answers read)

        def read() -> TeamAhead | None:
            from intervjufas.reading.process_map.team_lookup import team_ahead

            return team_ahead(folder) if folder.is_dir() else None

        ahead: ReadAhead[TeamAhead | None] = ReadAhead(read, "forslag")

        def found() -> TeamMap | None:
            from intervjufas.reading.process_map.team_lookup import team_map_now

            team = ahead.result() if ahead.started else None
            return team_map_now(team, report() if report is not None else None) if team is not None else find()

        suggestions = cls(found, author)
        suggestions._ahead = ahead
        return suggestions

    def begin_reading(self) -> None:
        """Look the team's map up in the background now (once)."""
        if self._ahead is not None:
            self._ahead.start()

    def _team_map(self) -> TeamMap | None:
        if not self._looked:
            self._looked = True
            try:
                self._team = self._find() if self._find is not None else None
            except (IntervjufasError, OSError):
                self._team = None
        return self._team

    def pending(self, question: Question, answer: Answer) -> tuple[Question, list[Suggestion]] | None:
        """The offer after the map of ``question``'s phase (once per phase), or None."""
        phase = question.phase
        if self._find is None or not phase or phase in self._offered:
            return None
        self._offered.add(phase)
        team = self._team_map()
        if team is None or (team.consultants < 2 and not team.unnamed):
            return None
        from intervjufas.reading.process_map.team_suggestions import suggestions

        own = [m.name for m in _moments(answer)]
        found = suggestions(team, phase, own, self._author)
        return (offer_question(phase, found), found) if found else None


def _moments(answer: Answer) -> tuple[Moment, ...]:
    value = answer.value
    return tuple(m for m in value if isinstance(m, Moment)) if isinstance(value, tuple) else ()


def added(answer: Answer, found: list[Suggestion], picked: Answer) -> Answer | None:
    """The map with the picked moments added at its end (None: nothing was picked)."""
    labels = picked.value if isinstance(picked.value, tuple) else ()
    chosen = [s for s in found if s.label in labels]
    if not chosen:
        return None
    return Answer((*_moments(answer), *(Moment(s.name, s.involves) for s in chosen)), answer.comment)
