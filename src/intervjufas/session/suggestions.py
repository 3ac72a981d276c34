"""Colleagues' moments offered during a mapping: once a phase's map is final, the moments of the
team's map (``reading/process_map/team_suggestions.py``) the consultant does not have are offered,
and each is put on the map, put in the plan as a moment to add ("lägga till"), or skipped.

The session calls ``offer`` at one place – when the answer of a map question is recorded – so that
the offer can move into a map editor later.  The team's map is looked up once per session, at the
first offer; a folder that cannot be read offers nothing (a mapping never stops for a suggestion).
Off with ``--utan-forslag``, and never made for an answers file (``--svar``).

The offer is one question per phase (widget ``SUGGESTIONS``): its answer holds one destination per
offered moment, in the order offered (``TO_MAP``, ``TO_PLAN`` or ``SKIPPED``).  A moment put in the
plan becomes the same item the reflection "lägga till" of that phase makes (moment, whom it
involves, and a reason the consultant may give in that reflection, asked next).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from intervjufas.errors import AnswerError, AnswerFormatError, IntervjufasError
from intervjufas.model.answers import ActionItem, Answer, Moment, Value, items_in, moments_in
from intervjufas.model.conditions import Comparison
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.model.questions import PHASES, Question, QuestionType, Widget
from intervjufas.session.read_ahead import ReadAhead

if TYPE_CHECKING:
    from intervjufas.model.markdown_text import TextCodec
    from intervjufas.reading.process_map.team_lookup import TeamAhead
    from intervjufas.reading.process_map.team_map import TeamMap
    from intervjufas.reading.process_map.team_suggestions import Suggestion

OFFER_ID = "kollegornas_moment"
TO_MAP, TO_PLAN, SKIPPED = "kartan", "planen", ""
ADD_KIND = "lagga_till"  # (the plan kind of the reflection a moment put in the plan joins)


class SuggestionsType(QuestionType):
    """The offer of colleagues' moments: a destination for each offered moment.  Asked only by the
    session, never read from a question file or written to a report."""

    __slots__ = ()
    name = "kollegornas_moment"
    description = "kartan, planen eller inget för varje föreslaget moment"
    shown_as = "förslag"
    widget = Widget.SUGGESTIONS
    in_metadata = False
    carried_over = False

    def coerce(self, question: Question, raw: object) -> Value:
        """A destination per offered moment, as a list in the order offered or as a mapping from
        a moment's label to its destination (a moment left out is skipped)."""
        if isinstance(raw, dict):
            raw = [raw.get(label, SKIPPED) for label in question.choices]
        if not isinstance(raw, (list, tuple)) or len(raw) != len(question.choices):
            raise AnswerError(f"ange kartan, planen eller inget för vart och ett av de {len(question.choices)} momenten")
        allowed = (TO_MAP, TO_PLAN, SKIPPED) if question.plan else (TO_MAP, SKIPPED)
        chosen = tuple(str(entry or SKIPPED).strip().casefold() for entry in raw)
        wrong = [entry for entry in chosen if entry not in allowed]
        if wrong:
            raise AnswerError(f"'{wrong[0]}' är inte kartan{', planen' if question.plan else ''} eller inget")
        return chosen if any(chosen) else None

    def encode(self, question: Question, answer: Answer) -> list[str]:
        raise NotImplementedError  # (never written to a report)

    def decode(self, question: Question, lines: list[str], text: TextCodec) -> Answer:
        raise AnswerFormatError(0, "förslagen sparas inte i rapporten")


def offer_question(phase: str, found: list[Suggestion], *, to_plan: bool) -> Question:
    """The question that offers the moments (each to the map, to the plan when ``to_plan``, or
    skipped; skipping them all is fine)."""
    listed = ", ".join(s.label for s in found)
    where = "på kartan eller i utvecklingsplanen" if to_plan else "på kartan"
    return Question(
        id=f"{OFFER_ID}_{phase}",
        text=f"Kollegor i mappen har också: {listed}. Vill du lägga till något {where} ({PHASES[phase].lower()})?",
        kind=SuggestionsType(),
        help="Välj för varje moment om det ska läggas på kartan"
        + (", läggas i utvecklingsplanen som något att lägga till" if to_plan else "")
        + " eller hoppas över.",
        choices=tuple(s.label for s in found),
        plan=ADD_KIND if to_plan else None,
        phase=phase,
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

    def pending(
        self, question: Question, answer: Answer, questionnaire: Questionnaire | None = None
    ) -> tuple[Question, list[Suggestion]] | None:
        """The offer after the map of ``question``'s phase (once per phase), or None; moments may
        go to the plan when ``questionnaire`` has a reflection "lägga till" for the phase."""
        phase = question.phase
        if self._find is None or not phase or phase in self._offered:
            return None
        self._offered.add(phase)
        team = self._team_map()
        if team is None or (team.consultants < 2 and not team.unnamed):
            return None
        from intervjufas.reading.process_map.team_suggestions import suggestions

        own = [m.name for m in moments_in(answer.value)]
        found = suggestions(team, phase, own, self._author)
        if not found:
            return None
        to_plan = questionnaire is not None and plan_questions(questionnaire, phase) is not None
        return offer_question(phase, found, to_plan=to_plan), found


def destinations(found: Sequence[Suggestion], picked: Answer) -> dict[str, list[Suggestion]]:
    """The offered moments by where they go (``TO_MAP``, ``TO_PLAN``); skipped ones are left out."""
    chosen = picked.value if isinstance(picked.value, tuple) else ()
    going: dict[str, list[Suggestion]] = {TO_MAP: [], TO_PLAN: []}
    for suggestion, where in zip(found, chosen, strict=False):
        if where in going:
            going[str(where)].append(suggestion)
    return going


def added(answer: Answer, chosen: Sequence[Suggestion]) -> Answer | None:
    """The map with the chosen moments added at its end (None: nothing was chosen)."""
    if not chosen:
        return None
    return Answer((*moments_in(answer.value), *(Moment(s.name, s.involves) for s in chosen)), answer.comment)


def plan_questions(questionnaire: Questionnaire, phase: str) -> tuple[Question, Question] | None:
    """The reflection "lägga till" of a phase: its yes/no question and the items question it opens."""
    for question in questionnaire.all_questions():
        condition = question.condition
        if question.plan == ADD_KIND and question.phase == phase and isinstance(condition, Comparison):
            opener = questionnaire.question(condition.question_id)
            if opener is not None:
                return opener, question
    return None


def planned(earlier: Answer | None, chosen: Sequence[Suggestion]) -> tuple[ActionItem, ...]:
    """The items of the reflection "lägga till" with the chosen moments added (each once, by name),
    as that reflection makes them: the moment, whom it involves, no reason yet."""
    items = items_in(earlier.value) if earlier is not None else ()
    names = {item.moment.casefold() for item in items}
    new = tuple(ActionItem(s.name, "", involves=s.involves) for s in chosen if s.name.casefold() not in names)
    return (*items, *new)
