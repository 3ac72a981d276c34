"""The process map during a session: the map it starts from, the moments a plan question picks from,
and the items typed by name that are linked to the moment they name.

The start map is looked up once, when the first map question is reached (a report in the folder is
read only then), and changed by what the follow-up of earlier plans marks done; each moment
question of a phase is offered that phase's moments.  A question about developing or removing
moments picks among the moments mapped in this report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from intervjufas.model.answers import Moment, Value, items_in
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.model.questions import Question
from intervjufas.report.model import Report
from intervjufas.session.follow_up import FollowUpRound
from intervjufas.session.prompter import Prompter

if TYPE_CHECKING:  # (the map is looked up when the first map question is reached)
    from intervjufas.reading.process_map.start_map import StartMap

Phases = dict[str, tuple[Moment, ...]]


class MapState:
    """The process map of one session."""

    def __init__(self, find: Callable[[], StartMap] | None = None, *, from_folder: bool = False) -> None:
        """``find`` gives the map to start from (none: the map starts blank); ``from_folder``: it is
        the latest map of the reports folder (not one the user named)."""
        self._find = find
        self._carried: Phases | None = None
        self.from_folder = from_folder
        self.source: Path | None = None  # the report the carried map came from, once looked up

    @classmethod
    def in_folder(cls, folder: Path, questionnaire: Questionnaire, author: str, exclude_id: str) -> MapState:
        """Starting from the latest map in the reports folder (``author``'s own first), never the map
        of the report itself."""

        def find() -> StartMap:
            from intervjufas.reading.process_map.start_map import latest_map  # (reads the folder)

            return latest_map(folder, questionnaire, author, exclude_id)

        return cls(find, from_folder=True)

    def carried(self, report: Report, follow_up: FollowUpRound, prompter: Prompter) -> Phases:
        """The start map with the items the follow-up marked done applied (computed once); says
        where its moments come from."""
        if self._carried is None:
            from intervjufas.reading.process_map.start_map import StartMap, carried_map

            done = follow_up.done_items(report)
            start = self._find() if self._find is not None else StartMap({})
            self._carried = carried_map(start.phases, done, report.date)
            if start.source is not None and any(self._carried.values()):
                self.source = start.source
                prompter.note(_source(start, report.author))
        return self._carried

    def choices(self, report: Report, questionnaire: Questionnaire, question: Question) -> tuple[Moment, ...]:
        """The moments a question about developing or removing moments picks from: those mapped
        in its phase (every phase when it has none)."""
        if question.plan not in ("utveckla", "ta_bort"):
            return ()
        from intervjufas.report.process_map.report_map import mapped_moments

        mapped = mapped_moments(report, questionnaire)
        if question.phase:
            return mapped.get(question.phase, ())
        return tuple(moment for moments in mapped.values() for moment in moments)

    def phase_map(
        self, report: Report, questionnaire: Questionnaire, question: Question
    ) -> tuple[Moment, ...]:
        """The map of a reflection's phase as mapped in this report (shown while it is answered)."""
        if not question.phase or question.plan is None or question.kind.maps_process:
            return ()
        from intervjufas.report.process_map.report_map import mapped_moments

        return mapped_moments(report, questionnaire).get(question.phase, ())

    def taken(self, report: Report, questionnaire: Questionnaire, question: Question) -> dict[str, str]:
        """The moments (by id) that the other reflections of this mapping chose to develop or
        remove, with what for: a moment is not both developed and removed in one mapping."""
        if question.plan not in ("utveckla", "ta_bort"):
            return {}
        taken: dict[str, str] = {}
        for other in questionnaire.all_questions():
            answer = report.answers.get(other.id)
            if other.id == question.id or other.plan not in ("utveckla", "ta_bort") or answer is None:
                continue
            if not other.is_active(report.answers):
                continue
            for item in items_in(answer.value):
                if item.moment_id:
                    taken.setdefault(item.moment_id, other.plan)
        return taken

    def linked(self, report: Report, questionnaire: Questionnaire, question: Question, value: Value) -> Value:
        """Items to develop or remove that were typed (or given in an answers file) rather than
        picked on the map, linked by name to the one moment of the map they name, if there is one."""
        choices = self.choices(report, questionnaire, question)
        items = items_in(value)
        if not choices or not items:
            return value
        linked = []
        for item in items:
            if not item.moment_id:
                named = [m for m in choices if _same_name(m.name, item.moment)]
                if len(named) == 1:
                    item = replace(item, moment_id=named[0].id)
            linked.append(item)
        return tuple(linked)


def _same_name(one: str, other: str) -> bool:
    return " ".join(one.casefold().split()) == " ".join(other.casefold().split())


def _source(start: StartMap, author: str) -> str:
    """Where the offered moments come from: "Momenten föreslås från processkartan i FIL (Anna)." """
    assert start.source is not None
    whose = f" ({start.author})" if start.author and start.author != author else ""
    return f"Momenten föreslås från processkartan i {start.source.name}{whose}."
