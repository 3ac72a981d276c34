"""Arranging the team's vocabulary on a terminal (``karta --team --ordna``): a menu of what to change,
then the team's moment names to mark – two or more that are one moment, or names to count apart –
asked through a Prompter (Questionary menus, or numbered plain lines with TERM=dumb), until Klar.

The dialogue draws and asks only: the names come from ``names`` (read again after every change) and
each change is made by ``merge`` or ``split``, which return the lines that say what changed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from intervjufas.model.question_types.choice import MultiChoiceType
from intervjufas.model.question_types.table import CHOICE
from intervjufas.model.questions import Question
from intervjufas.reading.process_map.team_name_choices import NameChoice
from intervjufas.session.prompter import AskRequest, Prompter

MERGE = "Slå ihop namn till ett moment"
SPLIT = "Dela: räkna namn för sig, inte ihop med liknande"
DONE = "Klar"
PROGRESS = "Teamets ordlista"
Change = Callable[[list[str]], list[str]]


def arrange(prompter: Prompter, names: Callable[[], list[NameChoice]], merge: Change, split: Change) -> int:
    """Ask until Klar; the number of changes made."""
    changes = 0
    while True:
        offered = names()
        action = _ask(prompter, Question("ordna", "Vad vill du ändra i teamets ordlista?", CHOICE, choices=(MERGE, SPLIT, DONE), required=True))
        if action == DONE:
            return changes
        if action == MERGE:
            picked = _marked(prompter, "Vilka namn är samma moment? Markera två eller fler.", offered)
            if len(picked) < 2:
                prompter.note("Markera minst två namn för att slå ihop dem – inget ändrades.")
                continue
            said = merge(picked)
        else:
            grouped = [choice for choice in offered if choice.grouped_with]
            if not grouped:
                prompter.note("Inga namn räknas ihop med andra just nu – inget att dela.")
                continue
            picked = _marked(prompter, "Vilka namn ska räknas för sig?", grouped)
            if not picked:
                continue
            said = split(picked)
        changes += 1
        for line in said:
            prompter.note(line)


def _ask(prompter: Prompter, question: Question) -> object:
    return prompter.ask(AskRequest(question, PROGRESS)).value


def _marked(prompter: Prompter, text: str, offered: Sequence[NameChoice]) -> list[str]:
    """The names marked among ``offered`` (none marked: an empty list)."""
    labels = {choice.label: choice.name for choice in offered}
    question = Question("namn", text, MultiChoiceType(), choices=tuple(labels), help="Inget markerat: inget ändras.")
    value = _ask(prompter, question)
    chosen = value if isinstance(value, tuple) else ()
    return [labels[label] for label in chosen if isinstance(label, str) and label in labels]
