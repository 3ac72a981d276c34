"""The team's map (``karta --team``) in every output: in a terminal the phases as the shown map draws
them (columns when wide, stacked when narrow, plain text into a pipe), each moment with how many of
the team have it and who; as Markdown (one table per phase), as the Mermaid flowchart of the
report's map (each name with its count), and as JSON for scripts.  Where the feedback forms asked
about a moment, its received experience (median and count per audience, or "för få svar") is shown
beside it; nothing else from the answers."""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.text import Text

from intervjufas.model.answers import Moment, one_line
from intervjufas.model.markdown_text import CURRENT
from intervjufas.model.questions import PHASES
from intervjufas.reading.feedback.aggregate import TOO_FEW
from intervjufas.reading.process_map.shown_map import ShownMap
from intervjufas.reading.process_map.team_experience import Experience
from intervjufas.reading.process_map.team_map import TeamMap, TeamMoment
from intervjufas.report.process_map.mermaid import flowchart
from intervjufas.report.process_map.report_map import MappedMoment, ProcessMap, map_phases
from intervjufas.views.console import print_paged, write_plain
from intervjufas.views.json_vocabulary import FORMAT
from intervjufas.views.process_map.shown_map import map_plain_text, map_renderable
from intervjufas.views.text_layout import Line

UNNAMED_WORDS = "utan namn"
EMPTY = (
    "Ingen i {folder} har en processkarta ännu. Teamets karta byggs av varje konsults senaste karta: "
    "{program} kartlagg"
)


def cell(text: str) -> str:
    """A table cell's text, shown as typed on one line."""
    return CURRENT.inline(one_line(text)) or " "


def who(moment: TeamMoment) -> str:
    """'Anna, Bo och en utan namn'."""
    names = [*moment.authors, *([UNNAMED_WORDS] if moment.unnamed else [])]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} och {names[-1]}"


def share(moment: TeamMoment, team: TeamMap) -> str:
    return f"{moment.count} av {team.consultants}"


AUDIENCE_WORDS = {"kandidat": "kandidaterna", "kund": "kunden"}


def experience(moment: TeamMoment) -> str:
    """'kandidaterna median 4 (6 svar), kunden för få svar'; empty when no form asked about it."""
    return ", ".join(
        f"{AUDIENCE_WORDS.get(e.audience, e.audience)} "
        + (TOO_FEW if e.too_few or e.median is None else f"median {f'{e.median:g}'.replace('.', ',')} ({e.count} svar)")
        for e in moment.experience
    )


def _drawn(team: TeamMap) -> tuple[ShownMap, dict[str, TeamMoment]]:
    """The team's map as a shown map (ids pointing back to the team's moments)."""
    found: dict[str, TeamMoment] = {}
    phases = []
    for phase, moments in team.phases:
        shown = []
        for index, moment in enumerate(moments):
            key = f"{phase}:{index}"
            found[key] = moment
            shown.append(MappedMoment(Moment(moment.name, moment.involves, id=key), phase))
        phases.append((phase, tuple(shown)))
    return ShownMap(ProcessMap(tuple(phases)), "map", latest=True, folder=team.folder), found


def heading(team: TeamMap) -> list[str]:
    counted = f"{team.consultants} konsult" + ("er" if team.consultants != 1 else "")
    lines = [f"Teamets processkarta: {counted}", f"Varje konsults senaste karta i {team.folder}."]
    if team.unnamed:
        lines.append("Rapporter utan författare eller anonymiserade räknas tillsammans som en konsult utan namn.")
    return lines


def team_renderable(team: TeamMap, width: int, program: str) -> Any:
    if team.empty:
        return Text(EMPTY.format(folder=team.folder, program=program))
    view, found = _drawn(team)

    def lines(moment: MappedMoment) -> tuple[Line, list[Line]]:
        mine = found[moment.moment.id]
        details: list[Line] = [[(share(mine, team), "cyan"), (": ", "dim"), (who(mine), "")]]
        if mine.involves:
            details.append([("Berör: ", "dim"), (", ".join(mine.involves), "")])
        if mine.experience:
            details.append([("Upplevelse: ", "dim"), (experience(mine), "")])
        if len(mine.names) > 1:
            details.append([("Även: ", "dim"), (", ".join(n for n in mine.names if n != mine.name), "italic")])
        return [(mine.name, "bold")], details

    title = Text("\n".join(heading(team)))
    return Group(title, Text(""), map_renderable(view, width, program, heading=False, lines=lines))


def team_plain_text(team: TeamMap, width: int, program: str) -> str:
    if team.empty:
        return EMPTY.format(folder=team.folder, program=program) + "\n"
    view, found = _drawn(team)

    def lines(moment: MappedMoment) -> tuple[Line, list[Line]]:
        mine = found[moment.moment.id]
        details: list[Line] = [[(f"{share(mine, team)}: {who(mine)}", "")]]
        if mine.involves:
            details.append([(f"Berör: {', '.join(mine.involves)}", "")])
        if mine.experience:
            details.append([(f"Upplevelse: {experience(mine)}", "")])
        if len(mine.names) > 1:
            details.append([("Även: " + ", ".join(n for n in mine.names if n != mine.name), "")])
        return [(mine.name, "")], details

    return "\n".join(heading(team)) + "\n\n" + map_plain_text(view, width, program, heading=False, lines=lines)


def show_team_map(console: Console, team: TeamMap, *, program: str, pager: bool, less: str | None) -> None:
    if not console.is_terminal:
        write_plain(console, team_plain_text(team, console.width, program))
        return
    print_paged(console, team_renderable(team, console.width, program), pager=pager, less=less)


def team_markdown(team: TeamMap) -> str:
    lines = [f"# {heading(team)[0]}", "", *heading(team)[1:], ""]
    for phase, moments in team.phases:
        lines += [f"## {PHASES[phase]}", ""]
        if not moments:
            lines += ["*Inga moment.*", ""]
            continue
        lines += ["| Moment | Hur många | Vilka | Berör | Upplevelse |", "| --- | --- | --- | --- | --- |"]
        for moment in moments:
            lines.append(
                f"| {cell(moment.name)} | {share(moment, team)} | {cell(who(moment))} "
                f"| {cell(', '.join(moment.involves))} | {cell(experience(moment))} |"
            )
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def team_mermaid(team: TeamMap) -> str:
    """The flowchart of a report's map, each moment named with its count ('Referenstagning (3 av 5)')."""
    phases = []
    for phase, moments in team.phases:
        shown = tuple(
            MappedMoment(Moment(f"{m.name} ({share(m, team)})", m.involves), phase) for m in moments
        )
        phases.append((phase, shown))
    return flowchart(map_phases(ProcessMap(tuple(phases))))


def team_map_data(team: TeamMap) -> dict[str, Any]:
    """``karta --team --json``."""
    return {
        "format": FORMAT,
        "antal_konsulter": team.consultants,
        "konsulter": list(team.authors),
        "utan_namn": team.unnamed,
        "teamfaser": [
            {
                "id": phase,
                "titel": PHASES[phase],
                "teammoment": [
                    {
                        "namn": m.name,
                        "namn_i_gruppen": list(m.names),
                        "antal_konsulter": m.count,
                        "konsulter": list(m.authors),
                        "utan_namn": m.unnamed,
                        "beror": list(m.involves),
                        "upplevelse": [_experience_data(e) for e in m.experience],
                    }
                    for m in moments
                ],
            }
            for phase, moments in team.phases
        ],
    }


def _experience_data(found: Experience) -> dict[str, Any]:
    if found.too_few or found.median is None:
        return {"enkat": found.audience, "for_fa_svar": True}
    return {"enkat": found.audience, "for_fa_svar": False, "antal_svar": found.count, "median": found.median}
