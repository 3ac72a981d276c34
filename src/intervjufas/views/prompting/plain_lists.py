"""The plain prompter's list widgets (``--enkel``): action items and the moments of the process
map, one line at a time, so they can be answered from a pipe too.

Moments from the earlier map are offered one at a time: Enter keeps one, new text renames it, ``-``
removes it.  New moments follow until an empty line; whom each involves is typed as numbers
(1 kunden, 2 kandidaten, 3 kollegor).  For an item about the map, the moments to pick are numbered.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from intervjufas.errors import AnswerError, PartialAnswer
from intervjufas.model.answers import INVOLVED, ActionItem, Answer, Moment, items_in, moments_in

if TYPE_CHECKING:
    from intervjufas.model.questions import Question

SKIP_KEY = "-"
_WHO = ", ".join(f"{number} {who}" for number, who in enumerate(INVOLVED, start=1))


def _suggested(text: str) -> str:
    return f" [standard: {text}]" if text else ""


def offered_note(moment: Moment) -> str:
    """What an offered moment keeps besides its name: whom it involves, and when it was developed
    (its 'utveckla' item followed up as done) – " (kunden; utvecklat 2026-11-30)"."""
    parts = [", ".join(moment.involves)] if moment.involves else []
    if moment.developed:
        parts.append(f"utvecklat {moment.developed}")
    return f" ({'; '.join(parts)})" if parts else ""


def offered_moments(default: Answer | None) -> list[Moment]:
    """The moments offered from before (the default answer of a moment question)."""
    return list(moments_in(default.value)) if default is not None else []


def offered_items(default: Answer | None) -> list[ActionItem]:
    """The action items offered from before (the default answer of an item question)."""
    return list(items_in(default.value)) if default is not None else []


def _numbers(text: str, count: int) -> list[int]:
    """The numbers typed ('1,3' or '1 3'), each checked to be between 1 and ``count``."""
    found = [int(part) for part in re.findall(r"\d+", text)]
    if re.search(r"[^\d,;\s]", text) or any(not 1 <= number <= count for number in found):
        raise AnswerError(f"skriv nummer mellan 1 och {count}, t.ex. 1,3")
    return list(dict.fromkeys(found))


class PlainListWidgets:
    """Mixed into the plain prompter (which gives ``_line`` and ``_print``)."""

    map_moments: tuple[Moment, ...] = ()

    def _line(self, prompt: str, question: Question) -> str:  # (the prompter's)
        raise NotImplementedError

    def _print(self, text: str = "") -> None:  # (the prompter's)
        raise NotImplementedError

    # -- moments of the process map -------------------------------------------------------------
    def _moments(self, question: Question, default: Answer | None) -> tuple[Moment, ...] | None:
        previous = offered_moments(default)
        if previous:
            self._print(
                f"Momenten från tidigare föreslås ett i taget: Enter behåller, ny text byter namn, {SKIP_KEY} tar bort."
            )
            self._print("Nya moment skrivs sedan ett i taget. Lämna raden tom när listan är klar.")
        else:
            self._print("Ett moment i taget. Lämna raden tom när listan är klar.")
        kept: list[Moment] = []
        try:
            for moment in previous:
                shown = f"Moment {len(kept) + 1}{offered_note(moment)}{_suggested(moment.name)}: "
                text = self._line(shown, question).strip()
                if text != SKIP_KEY:
                    kept.append(replace(moment, name=text or moment.name))
            while True:
                name = self._line(f"Moment {len(kept) + 1} (tomt när listan är klar): ", question).strip()
                if not name:
                    break
                kept.append(Moment(name))
                kept[-1] = Moment(
                    name, self._who(question), self._line("Notering (valfritt): ", question).strip()
                )
        except (KeyboardInterrupt, EOFError) as stop:
            if kept:
                raise PartialAnswer(Answer(tuple(kept)), stop) from None
            raise
        return tuple(kept) or None

    def _who(self, question: Question, offered: tuple[str, ...] = ()) -> tuple[str, ...]:
        while True:
            text = self._line(
                f"Vem berör momentet? ({_WHO}; t.ex. 1,2){_suggested(', '.join(offered))}: ", question
            )
            if not text.strip():
                return offered
            try:
                return tuple(INVOLVED[number - 1] for number in _numbers(text, len(INVOLVED)))
            except AnswerError as error:
                self._print(f"Ogiltigt svar: {error}. Försök igen.")

    # -- action items ---------------------------------------------------------------------------
    def _action_items(self, question: Question, default: Answer | None) -> tuple[ActionItem, ...] | None:
        offered = offered_items(default)
        items: list[ActionItem] = []
        try:
            if self.map_moments:
                offered = self._pick_from_map(question, offered, items)
                self._print(
                    "Fler moment som inte finns på kartan? Ett i taget; lämna momentet tomt när du är klar."
                )
            else:
                self._print("Ett moment i taget: vad, och sedan varför. Lämna momentet tomt när du är klar.")
            if offered:
                self._print(
                    f"Tidigare moment föreslås ett i taget: Enter behåller, {SKIP_KEY} avslutar listan och stryker resten."
                )
            self._item_loop(question, items, offered)
        except (KeyboardInterrupt, EOFError) as stop:
            if items:
                raise PartialAnswer(Answer(tuple(items)), stop) from None
            raise
        if question.required and not items:
            raise AnswerError("frågan måste besvaras med minst ett moment")
        return tuple(items) or None

    def _pick_from_map(
        self, question: Question, previous: list[ActionItem], items: list[ActionItem]
    ) -> list[ActionItem]:
        moments = self.map_moments
        earlier = {item.moment_id: item for item in previous if item.moment_id}
        self._print("Momenten på din processkarta:")
        for number, moment in enumerate(moments, start=1):
            self._print(f"  {number}) {moment.name}")
        chosen = [str(n) for n, m in enumerate(moments, start=1) if m.id in earlier]
        picked: list[int] = []
        while True:
            text = self._line(
                f"Skriv numren på momenten, t.ex. 1,3 (Enter = inga){_suggested(','.join(chosen))}: ",
                question,
            )
            try:
                picked = _numbers(text, len(moments)) if text.strip() else [int(n) for n in chosen]
            except AnswerError as error:
                self._print(f"Ogiltigt svar: {error}. Försök igen.")
            else:
                break
        for number in picked:
            moment = moments[number - 1]
            offered = earlier.get(moment.id)
            why = self._line(
                f"Varför – {moment.name}?{_suggested(offered.why if offered else '')} ", question
            ).strip()
            items.append(
                ActionItem(
                    moment.name,
                    why or (offered.why if offered else ""),
                    id=offered.id if offered else "",
                    moment_id=moment.id,
                )
            )
        on_map = {m.id for m in moments}
        return [item for item in previous if item.moment_id not in on_map]

    def _item_loop(
        self, question: Question, items: list[ActionItem], offered_items: list[ActionItem]
    ) -> None:
        """Moment and why, one item at a time, appended to ``items`` until the list ends."""
        start = len(items)
        while True:
            index = len(items) - start
            offered = offered_items[index] if index < len(offered_items) else None
            hint = _suggested(offered.moment) if offered else ""
            moment = self._line(f"Moment {len(items) + 1}{hint}: ", question).strip()
            if offered is not None and moment == SKIP_KEY:
                return
            if not moment and offered is not None:
                moment = offered.moment
            if not moment:
                return
            kept = replace(offered, moment=moment) if offered else ActionItem(moment)
            try:
                if question.plan == "lagga_till" and question.phase:
                    kept = replace(kept, involves=self._who(question, kept.involves))
                why = self._line(f"Varför / med vilket syfte?{_suggested(kept.why)} ", question).strip()
            except (KeyboardInterrupt, EOFError):
                items.append(kept)  # the moment was entered; keep it
                raise
            items.append(replace(kept, why=why or kept.why))
