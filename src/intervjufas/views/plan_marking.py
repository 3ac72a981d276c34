"""Keeping the plan up from ``plan``: the menu that picks an open item and what to do with it
(a status with a comment, or merging it into another row about the same moment), the line that
confirms a change, and the change as JSON (``plan --markera … --json``)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from intervjufas.model.question_types.table import CHOICE
from intervjufas.model.questions import Question
from intervjufas.report.model import FOLLOW_UP_STATUSES, MERGED
from intervjufas.session.prompter import AskRequest, Prompter

if TYPE_CHECKING:
    from intervjufas.reading.plan.marking import Marked
    from intervjufas.reading.plan.state import OpenItem
    from intervjufas.terminal import TerminalFacts

DONE = "Klar – inget mer att följa upp nu"
MERGE = "Slå ihop med en annan rad om samma moment"
BACK = "Tillbaka till listan"

Choice = tuple["OpenItem", str, str, "OpenItem | None"]  # the item, its status, a comment, merged into


def item_label(item: OpenItem) -> str:
    """An item in the menu: its kind and moment first (as the follow-up asks it), then where it
    stands."""
    status = item.last_status or "ej uppföljt"
    return f"{item.kind}: {item.moment} ({item.step_label}, {item.source_date}, {status.lower()})"


class PlanMenu:
    """The questions that keep the plan up, asked with menus (plain numbered lines in a dumb
    terminal)."""

    def __init__(self, facts: TerminalFacts) -> None:
        self.prompter = _prompter(facts)

    def choose(self, items: list[OpenItem]) -> Choice | None:
        """One change, or None when the user is done."""
        from intervjufas.reading.plan.marking import same_moment

        while True:
            labels = [item_label(item) for item in items]
            count = f"{len(items)} {'öppet moment' if len(items) == 1 else 'öppna moment'}"
            picked = self._pick(
                "Vilket moment vill du följa upp?", (DONE, *labels), f"Följ upp planen · {count}"
            )
            if picked == DONE:
                return None
            item = items[labels.index(picked)]
            others = same_moment(items, item)
            action = self._action(item, bool(others))
            if action is None:
                continue
            status, comment = action
            if status != MERGE:
                return item, status, comment, None
            other_labels = [item_label(other) for other in others]
            target = self._pick(
                "Vilken rad ska det slås ihop med? Den raden står kvar.", (*other_labels, BACK), "Slå ihop"
            )
            if target != BACK:
                return item, MERGED, comment, others[other_labels.index(target)]

    def _pick(self, text: str, choices: tuple[str, ...], progress: str) -> str:
        question = Question(id="plan", text=text, kind=CHOICE, choices=choices, required=True)
        return str(self.prompter.ask(AskRequest(question, progress)).value)

    def _action(self, item: OpenItem, can_merge: bool) -> tuple[str, str] | None:
        choices = (*FOLLOW_UP_STATUSES, *((MERGE,) if can_merge else ()), BACK)
        question = Question(
            id="markering",
            text=f"{item.kind}: {item.moment} – hur gick det?",
            kind=CHOICE,
            choices=choices,
            required=True,
            comment=True,
            help=f"Varför: {item.why}" if item.why else "",
        )
        answer = self.prompter.ask(AskRequest(question, f"Från {item.source.name}"))
        if answer.value == BACK:
            return None
        return str(answer.value), answer.comment


def _prompter(facts: TerminalFacts) -> Prompter:
    if facts.dumb:
        from intervjufas.views.output import standard_output
        from intervjufas.views.prompting.plain_prompter import PlainPrompter

        return PlainPrompter(sys.stdin, standard_output(facts), echo=False)
    from intervjufas.views.console import make_console
    from intervjufas.views.prompting.questionary_prompter import QuestionaryPrompter

    return QuestionaryPrompter(make_console(facts))


def change_line(marked: Marked) -> str:
    """What was recorded, and where."""
    item, mark = marked.item, marked.mark
    what = f"{item.kind}: {item.moment}"
    if mark.status == MERGED:
        head = f"{what} är sammanslagen med en annan rad om samma moment"
    else:
        head = f"{what} – {mark.status}"
    comment = f" ({mark.answer.comment})" if mark.answer.comment else ""
    return f"{head}{comment}. Sparat {mark.date} i {marked.path.name}."


def change_data(marked: Marked, items: list[OpenItem]) -> dict[str, Any]:
    """``plan --markera … --json``: the change, and the open items after it."""
    from intervjufas.views.json_vocabulary import FOLLOW_UP_CODES, PLAN_CODES, code
    from intervjufas.views.plan import plan_data

    item, mark = marked.item, marked.mark
    change = {
        "id": item.key,
        "typ": item.plan or code(item.kind, PLAN_CODES),
        "typ_text": item.kind,
        "namn": item.moment,
        "senaste_status": code(mark.status, FOLLOW_UP_CODES),
        "senaste_status_text": mark.status,
        "senaste_kommentar": mark.answer.comment,
        "tidpunkt": mark.time,
        "sammanslagen_med": mark.into or None,
        "fil": marked.path.name,
        "sokvag": str(marked.path),
    }
    return {**plan_data(items), "planandring": change}
