"""``karta --team``: the team's map of the reports folder, and the changes to the team's vocabulary
(``--sla-ihop A B``, ``--dela A``, ``--utanfor``, ``--med``) that decide how it groups names and whom
it shows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import typer

from intervjufas.cli.app import program, terminal
from intervjufas.errors import UsageError
from intervjufas.views.console import make_console, show_warnings
from intervjufas.views.output import standard_output, write_out


def change_vocabulary(
    folder: Path, merge: tuple[str, str] | None, split: str | None, leave: bool, rejoin: bool
) -> list[str]:
    """Carry out the vocabulary changes asked for; the lines that say what changed."""
    from intervjufas.files.settings import author_name
    from intervjufas.folder.team_vocabulary import FILE_NAME, Vocabulary
    from intervjufas.folder.team_vocabulary import change_vocabulary as change

    said = []
    steps: list[Callable[[Vocabulary], Vocabulary]] = []
    if merge is not None:
        one, other = merge
        if " ".join(one.split()).casefold() == " ".join(other.split()).casefold():
            raise UsageError("--sla-ihop behöver två olika namn.")
        steps.append(lambda v: Vocabulary.merge(v, one, other))
        said.append(f"'{one}' och '{other}' räknas nu som samma moment.")
    if split is not None:
        steps.append(lambda v: Vocabulary.separate(v, split))
        said.append(f"'{split}' slås inte längre ihop med andra namn.")
    if leave or rejoin:
        me = author_name()
        steps.append(lambda v: v.leave(me) if leave else v.rejoin(me))
        said.append(f"{me} är {'inte längre' if leave else 'åter'} med i teamets vyer.")

    def apply(vocabulary: Vocabulary) -> Vocabulary:
        for step in steps:
            vocabulary = step(vocabulary)
        return vocabulary

    change(folder, apply)
    return [*said, f"Ordlistan är {folder / FILE_NAME} (checka in den om mappen delas i git)."]


def show_team(ctx: typer.Context, folder: Path, chosen: str, *, pager: bool) -> None:
    from intervjufas.reading.process_map.team_map import team_map
    from intervjufas.views.process_map import team_map as view
    from intervjufas.views.progress import scan_progress_for

    facts = terminal(ctx)
    with scan_progress_for(facts, chosen == "json") as progress:
        team = team_map(folder, progress=progress)
    show_warnings(make_console(facts, stderr=True), team.warnings)
    if chosen == "json":
        from intervjufas.views.json_output import write_json

        write_json(view.team_map_data(team), standard_output(facts))
    elif chosen == "markdown":
        write_out(facts, view.team_markdown(team))
    elif chosen == "mermaid":
        write_out(facts, view.team_mermaid(team))
    else:
        view.show_team_map(make_console(facts), team, program=program(), pager=pager, less=facts.less)
