"""``karta --team``: the team's map of the reports folder, and the changes to the team's vocabulary
(``--sla-ihop A B``, ``--dela A``, ``--utanfor``, ``--med``, or chosen on a terminal with ``--ordna``)
that decide how it groups names and whom it shows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from intervjufas.cli.app import program, terminal
from intervjufas.errors import UsageError
from intervjufas.views.console import make_console, show_warnings
from intervjufas.views.output import standard_output, write_out

if TYPE_CHECKING:
    from intervjufas.session.prompter import Prompter
    from intervjufas.terminal import TerminalFacts


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


def arrange_vocabulary(ctx: typer.Context, folder: Path) -> None:
    """``--ordna``: choose on a terminal which of the team's names are one moment and which stand
    apart; each change is written to the vocabulary as ``--sla-ihop`` and ``--dela`` write it.  A
    pipe is never asked."""
    from intervjufas.folder.team_vocabulary import FILE_NAME, Vocabulary
    from intervjufas.folder.team_vocabulary import change_vocabulary as change
    from intervjufas.reading.process_map.team_map import team_map
    from intervjufas.reading.process_map.team_name_choices import NameChoice, name_choices
    from intervjufas.views.team_vocabulary_dialog import arrange

    facts = terminal(ctx)
    if not (facts.stdin_is_terminal and facts.stdout_is_terminal):
        raise UsageError("--ordna frågar på en terminal; i en pipe eller ett skript: --sla-ihop A B eller --dela NAMN.")

    def names() -> list[NameChoice]:
        return name_choices(team_map(folder, experience=False))

    def merge(picked: list[str]) -> list[str]:
        first, *others = picked

        def joined(vocabulary: Vocabulary) -> Vocabulary:
            for other in others:
                vocabulary = vocabulary.merge(first, other)
            return vocabulary

        change(folder, joined)
        quoted = [f"'{name}'" for name in picked]
        return [f"{', '.join(quoted[:-1])} och {quoted[-1]} räknas nu som samma moment."]

    def split(picked: list[str]) -> list[str]:
        def apart(vocabulary: Vocabulary) -> Vocabulary:
            for name in picked:
                vocabulary = vocabulary.separate(name)
            return vocabulary

        change(folder, apart)
        return [f"'{name}' slås inte längre ihop med andra namn." for name in picked]

    if not names():
        write_out(facts, "Teamets karta har inga moment ännu – inget att ordna.\n")
        return
    if arrange(_prompter(facts), names, merge, split):
        write_out(facts, f"Ordlistan är {folder / FILE_NAME} (checka in den om mappen delas i git).\n")


def _prompter(facts: TerminalFacts) -> Prompter:
    """Questionary menus, or numbered plain lines on a terminal that cannot move the cursor."""
    import sys

    if facts.dumb:
        from intervjufas.views.prompting.plain_prompter import PlainPrompter

        return PlainPrompter(sys.stdin, standard_output(facts), echo=False)
    from intervjufas.views.prompting.questionary_prompter import QuestionaryPrompter

    return QuestionaryPrompter(make_console(facts))
