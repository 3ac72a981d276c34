"""The process map of a report: the moments of the consultant's interview process, phase by phase
(before, during, after the interviews), with what this report plans for them.

The map is the answers to the set's ``moment`` questions; the report's action items mark it: a
moment to add is drawn as new, one to develop or remove is marked so, one developed earlier carries
its date.  ``map_section`` is the report's "Processkarta": a Mermaid flowchart that GitHub, GitLab,
VS Code and Obsidian draw, and the same map as a plain table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intervjufas.model.answers import Moment, moments_in, new_id
from intervjufas.model.markdown_text import CURRENT
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.model.questions import PHASES
from intervjufas.report.model import Report
from intervjufas.report.plan import planned_items
from intervjufas.report.process_map.mermaid import LEGEND_WORDS, MapNode, MapPhase, State, drawing

MAP_TITLE = "Processkarta"
MAP_EMPTY = "*Inga moment kartlagda ännu.*"
MAP_NOTE = re.compile(r"\*Diagrammet visar [^*]+; tabellen har alla \d+ moment\.\*")
"""The line under a diagram that leaves moments out (the program writes it, so it is not kept as
the user's own text when the report is read back)."""
STATE_WORDS: dict[State, str] = {"kept": "", **LEGEND_WORDS}  # the marks' words, as in the legend
_PLAN_STATES: dict[str, State] = {"lagga_till": "new", "utveckla": "develop", "ta_bort": "remove"}


@dataclass(frozen=True)
class MappedMoment:
    """A moment on the map, the phase it belongs to, and what the report plans for it."""

    moment: Moment
    phase: str
    state: State = "kept"  # kept, new, develop, remove or developed
    why: str = ""


@dataclass(frozen=True)
class ProcessMap:
    phases: tuple[tuple[str, tuple[MappedMoment, ...]], ...]  # phase id → its moments, in order

    @property
    def moments(self) -> list[MappedMoment]:
        return [moment for _, moments in self.phases for moment in moments]

    @property
    def empty(self) -> bool:
        return not self.moments


def has_map(questionnaire: Questionnaire) -> bool:
    """Whether the set maps the process (it has ``moment`` questions)."""
    return any(q.kind.maps_process for q in questionnaire.all_questions())


def mapped_moments(report: Report, questionnaire: Questionnaire) -> dict[str, tuple[Moment, ...]]:
    """The moments of each phase as answered in the report (phases in order, empty ones too)."""
    phases: dict[str, tuple[Moment, ...]] = {phase: () for phase in PHASES}
    for question in questionnaire.all_questions():
        answer = report.answers.get(question.id)
        if question.kind.maps_process and question.phase and answer is not None and answer.value:
            phases[question.phase] += moments_in(answer.value)
    return phases


def process_map(report: Report, questionnaire: Questionnaire) -> ProcessMap:
    """The report's map with the changes it plans marked.  An item to develop or remove is about
    the moment its ``moment_id`` names – or, written without one (by hand, in an answers file), the
    moment of that name in its phase (in any phase when its question has none)."""
    moments = mapped_moments(report, questionnaire)
    marks: dict[str, tuple[State, str]] = {}
    named: dict[tuple[str | None, str], tuple[State, str]] = {}
    added: dict[str, list[MappedMoment]] = {phase: [] for phase in PHASES}
    for planned in planned_items(report, questionnaire):
        state = _PLAN_STATES.get(planned.question.plan or "")
        item = planned.item
        if state == "new" and planned.question.phase:
            new = Moment(item.moment, item.involves, id=item.moment_id)
            added[planned.question.phase].append(MappedMoment(new, planned.question.phase, "new", item.why))
        elif state and item.moment_id:
            marks[item.moment_id] = (state, item.why)
        elif state:
            named[(planned.question.phase, item.moment.casefold())] = (state, item.why)
    phases = []
    for phase, listed in moments.items():
        shown = []
        for moment in listed:
            key = moment.name.casefold()
            unmarked: tuple[State, str] = ("developed" if moment.developed else "kept", "")
            state, why = marks.get(moment.id) or named.get((phase, key)) or named.get((None, key), unmarked)
            shown.append(MappedMoment(moment, phase, state, why))
        phases.append((phase, (*shown, *added[phase])))
    return ProcessMap(tuple(phases))


def map_section(report: Report, questionnaire: Questionnaire) -> list[str]:
    """The "Processkarta" section's lines under its heading (empty when there is no map)."""
    if not has_map(questionnaire):
        return []
    drawn = process_map(report, questionnaire)
    return [MAP_EMPTY, ""] if drawn.empty else section_of(drawn)


def section_of(drawn: ProcessMap) -> list[str]:
    """A map's section lines: a Mermaid block (with a line saying so when it leaves moments out),
    then the whole map as a table."""
    picture = drawing(map_phases(drawn))
    lines = ["```mermaid", *picture.source.rstrip("\n").split("\n"), "```", ""]
    if picture.note:
        lines += [f"*{picture.note}*", ""]
    lines += ["| Fas | Moment | Förändring | Berör | Notering |", "| --- | --- | --- | --- | --- |"]
    for moment in drawn.moments:
        mark = STATE_WORDS[moment.state]
        if moment.state == "developed":
            mark = f"{mark} {moment.moment.developed}"
        found = moment.moment
        cells = (PHASES[moment.phase], found.name, mark, ", ".join(found.involves), both_notes(found))
        lines.append("| " + " | ".join(CURRENT.inline(cell) or " " for cell in cells) + " |")
    return [*lines, ""]


def map_phases(drawn: ProcessMap) -> tuple[MapPhase, ...]:
    """The map as the phases and nodes it is drawn from (in the report and in the exports)."""
    return tuple(
        MapPhase(PHASES[phase], tuple(_node(moment) for moment in moments)) for phase, moments in drawn.phases
    )


def _node(moment: MappedMoment) -> MapNode:
    found = moment.moment
    note = f"utvecklat {found.developed}" if moment.state == "developed" else both_notes(found)
    return MapNode(found.name, found.involves, moment.state, note, found.assignment_note)


def both_notes(moment: Moment) -> str:
    """A moment's notes as one text: the note about the process, then this assignment's own."""
    own = f"För uppdraget: {moment.assignment_note}" if moment.assignment_note else ""
    return " · ".join(text for text in (moment.note, own) if text)


def moments_from_items(report: Report, questionnaire: Questionnaire) -> dict[str, tuple[Moment, ...]]:
    """A first map from a report made before maps existed: the moments its action items name, each
    in the phase of its step (the set's order of steps: before, during, after), once per phase –
    offered to be kept, renamed or removed."""
    phases: dict[str, list[Moment]] = {phase: [] for phase in PHASES}
    for planned in planned_items(report, questionnaire):
        phase = planned.phase or step_phase(planned.step.number)
        if all(m.name.casefold() != planned.item.moment.casefold() for m in phases[phase]):
            phases[phase].append(Moment(planned.item.moment, planned.item.involves, id=new_id()))
    return {phase: tuple(moments) for phase, moments in phases.items()}


def step_phase(number: int) -> str:
    """The phase a step of a set made before maps stands for: its steps in order are before,
    during and after the interviews (a step past the third counts as after)."""
    order = list(PHASES)
    return order[min(max(number, 1), len(order)) - 1]
