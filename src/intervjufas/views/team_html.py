"""The team's map as one self-contained HTML page (``exportera --team --format html``), to bring to a
team meeting: the same cards as a report's map in its export (``export_html.STYLE``), each moment
with how many of the team have it and who (and the received experience where a form asked about it).  Every name is escaped; nothing needs a script or the
network."""

from __future__ import annotations

from html import escape

from intervjufas import __version__
from intervjufas.model.questions import PHASES
from intervjufas.reading.process_map.team_map import TeamMap
from intervjufas.views.export_html import STYLE
from intervjufas.views.process_map.team_map import experience, heading, share, who

TEAM_STYLE = ".moment .count { display: block; font-size: .9rem; font-weight: 600; color: var(--accent); }"


def _text(text: str) -> str:
    return escape(text, quote=True)


def _phase(team: TeamMap, phase: str) -> list[str]:
    moments = dict(team.phases).get(phase, ())
    lines = ['<section class="phase">', f"<h3>{_text(PHASES[phase])}</h3>", "<ol>"]
    if not moments:
        lines.append('<li class="moment more">Inga moment.</li>')
    for moment in moments:
        parts = [
            f'<span class="name">{_text(moment.name)}</span>',
            f'<span class="count">{_text(share(moment, team))}: {_text(who(moment))}</span>',
        ]
        if moment.involves:
            parts.append(f'<span class="involves">Berör: {_text(", ".join(moment.involves))}</span>')
        if moment.experience:
            parts.append(f'<span class="note">Upplevelse: {_text(experience(moment))}</span>')
        others = [n for n in moment.names if n != moment.name]
        if others:
            parts.append(f'<span class="note">Även: {_text(", ".join(others))}</span>')
        lines.append(f'<li class="moment state-kept">{"".join(parts)}</li>')
    return [*lines, "</ol>", "</section>"]


def team_html(team: TeamMap) -> str:
    title, *lead = heading(team)
    lines = [
        "<!DOCTYPE html>",
        '<html lang="sv">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="intervjufas {_text(__version__)}">',
        f"<title>{_text(title)}</title>",
        f"<style>{STYLE}{TEAM_STYLE}</style>",
        "</head>",
        '<body class="team">',
        "<main>",
        f"<header><h1>{_text(title)}</h1>",
        *(f'<p class="intro">{_text(line)}</p>' for line in lead),
        "</header>",
        '<section class="part process-map">',
        '<div class="map">',
    ]
    for phase in PHASES:
        lines += _phase(team, phase)
    lines += ["</div>", "</section>", "</main>", "</body>", "</html>"]
    return "\n".join(lines) + "\n"
