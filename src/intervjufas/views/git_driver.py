"""What the git merge driver and its set-up say: one line per merged report (on standard error,
where git shows a driver's words), and the lines of a set-up."""

from __future__ import annotations

from intervjufas.folder.git_merge import MergeOutcome
from intervjufas.folder.git_setup import ATTRIBUTES_LINES, GitSetup, config_lines


def merge_lines(outcome: MergeOutcome, label: str) -> list[str]:
    """Nothing for a clean merge of a report; a line for each conflict otherwise."""
    if outcome.by_lines:
        if not outcome.conflicts:
            return []
        return [f"Varning: {label} är ingen rapport som går att läsa; git:s radvisa sammanfogning användes."]
    if not outcome.conflicts:
        return []
    answers = ", ".join(outcome.conflicts)
    return [
        f"Varning: {label}: samma svar ändrades i båda versionerna ({answers}). Båda står kvar i rapporten "
        "under rubriken 'Sammanfogningskonflikt'; välj det som stämmer, ta bort rubriken och gör git add."
    ]


def setup_lines(setup: GitSetup, *, only_show: bool) -> list[str]:
    """What was done (or, with ``only_show``, what to do by hand)."""
    commands = config_lines(setup.config)
    if only_show:
        return [
            f"Lägg till raderna i {setup.attributes}:",
            *(f"  {line}" for line in ATTRIBUTES_LINES),
            "Kör i förrådet (varje klon för sig):",
            *(f"  {line}" for line in commands),
        ]
    done = "lades till i" if setup.attributes_written else "fanns redan i"
    return [
        f"Raderna {', '.join(repr(line) for line in ATTRIBUTES_LINES)} {done} {setup.attributes} "
        "(checka in den så gäller de för alla).",
        f"git config sattes i {setup.repository}:",
        *(f"  {line}" for line in commands),
        "Varje kollega kör det här kommandot en gång i sin egen klon.",
    ]
