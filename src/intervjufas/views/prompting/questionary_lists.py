"""The Questionary prompter's list widgets: action items (moment and why; for the process map,
picked among the mapped moments or added with whom they involve) and the moments of a phase of
the map, offered one at a time from the earlier map."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from intervjufas.errors import PartialAnswer
from intervjufas.model.answers import INVOLVED, ActionItem, Answer, Moment
from intervjufas.session.follow_up_batch import BatchRequest
from intervjufas.session.map_reflection import KINDS as REFLECTIONS
from intervjufas.session.prompter import AskRequest
from intervjufas.session.stopping import run_prompt
from intervjufas.views.prompting.plain_lists import offered_items, offered_moments
from intervjufas.views.prompting.prompt_text import CHECKBOX_HELP

if TYPE_CHECKING:
    from rich.console import Console


def _ask(prompt: Any) -> Any:
    """Run a Questionary prompt (signals end it like Ctrl-C, keeping what was typed)."""
    return run_prompt(prompt)


def _typed(stop: BaseException) -> str:
    """What was typed at the prompt a stop ended ("" when nothing)."""
    return (getattr(stop, "text", None) or "").strip()


class ListWidgets:
    """Mixed into the Questionary prompter (which gives ``console`` and ``_line``)."""

    console: Console

    def _line(self, message: str, default: str, *, required: bool) -> str:  # (the prompter's)
        raise NotImplementedError

    def fitted(
        self, message: str, instruction: str | None = None
    ) -> tuple[str, str | None]:  # (the prompter's)
        raise NotImplementedError

    def _intro(self, request: AskRequest) -> None:  # (the prompter's)
        raise NotImplementedError

    def _say(self, text: str, style: str = "dim") -> None:
        from rich.text import Text

        self.console.print(Text(text, style=style))

    # -- the follow-up of earlier plans: a handful on one screen ------------------------------------
    follows_up_on_screen = True

    def follow_up_batch(self, request: BatchRequest) -> bool:
        """The handful on a full screen (``views.prompting.follow_up_screen``); what was set is
        printed under the follow-up's title when it closes."""
        from intervjufas.views.prompting.follow_up_screen import follow_up_on_screen

        more, lines = follow_up_on_screen(request, no_color=self.console.no_color)
        self.console.print()
        self._say(f"{request.title} · {request.progress}", "bold")
        for line in lines:
            self._say(line, "")
        return more

    # -- the process map: its moments, and the reflections on it --------------------------------
    def _ask_moments(self, request: AskRequest) -> Answer:
        """The phase's map on a full screen (``views.process_map.map_editor``), the carried map
        filled in; every edit goes to ``request.keep`` as it is made."""
        from intervjufas.views.process_map.map_editor import edit_map, summary

        question, keep = request.question, request.keep
        kept = edit_map(
            offered_moments(request.default),
            title=request.progress,
            question=question.text,
            note=question.help,
            on_change=(lambda moments: keep(Answer(moments))) if keep is not None else None,
            no_color=self.console.no_color,
        )
        self._say(question.text, "bold")
        self._say(summary(kept))
        return Answer(kept or None)

    def _reflect(self, request: AskRequest) -> Answer:
        """A reflection on the phase's map on a full screen (``views.process_map.reflection``):
        the yes/no question before it, when asked together, and the reflection's own question."""
        from intervjufas.views.process_map.reflection import reflect_on_map

        question, first = request.question, request.asks_first
        texts = [first.text, question.text] if first is not None else [question.text]
        chosen = reflect_on_map(
            question.plan or "",
            request.phase_map or request.map_moments,
            title=request.progress,
            question="\n".join(texts),
            earlier=offered_items(request.default),
            taken=request.taken,
            on_change=_kept(request),
            no_color=self.console.no_color,
        )
        self._echo_reflection(request, chosen)
        return Answer(chosen or None)

    reflects_per_phase = True  # (a phase's reflections, each with its yes/no question: one screen)

    def reflect_together(self, requests: tuple[AskRequest, ...]) -> tuple[Answer, ...]:
        """A phase's reflections on one full screen (``views.process_map.reflection_phase``), each
        with the yes/no question before it; every edit goes to its request's ``keep``."""
        from intervjufas.views.process_map.reflection_phase import Part, reflect_together

        parts = [
            Part(
                request.question.plan or "",
                "\n".join(q.text for q in (request.asks_first, request.question) if q is not None and q.text),
                offered_items(request.default),
                _kept(request),
                request.progress.partition(" · ")[2],
            )
            for request in requests
        ]
        first = requests[0]
        self._intro(replace(first, progress=f"{first.progress} · Reflektion på kartan"))
        chosen = reflect_together(
            parts,
            first.phase_map or first.map_moments,
            title=f"{first.progress.partition(' · ')[0]} · Reflektion på kartan",
            taken=first.taken,
            no_color=self.console.no_color,
        )
        for request, items in zip(requests, chosen, strict=True):
            self._echo_reflection(request, items)
        return tuple(Answer(items or None) for items in chosen)

    def _echo_reflection(self, request: AskRequest, items: tuple[ActionItem, ...]) -> None:
        question, first = request.question, request.asks_first
        if first is not None:
            self._say(f"{first.text} {'Ja' if items else 'Nej'}", "bold")
        if items:
            self._say(question.text, "bold")
            for item in items:
                self._say(f"  {item.moment}" + (f" – {item.why}" if item.why else ""))

    def _involves(self, name: str, chosen: tuple[str, ...]) -> tuple[str, ...]:
        import questionary

        message, hint = self.fitted(f"Vem berör '{name}'?", CHECKBOX_HELP)
        picked = _ask(
            questionary.checkbox(
                message,
                choices=[
                    questionary.Choice(who.capitalize(), value=who, checked=who in chosen) for who in INVOLVED
                ],
                instruction=hint,
                use_jk_keys=False,
                erase_when_done=True,
            )
        )
        self._say(f"Berör: {', '.join(picked) or '(ingen vald)'}")
        return tuple(picked)

    # -- action items ---------------------------------------------------------------------------
    def _ask_items(self, request: AskRequest) -> Answer:
        question, default = request.question, request.default
        if question.phase and question.plan in REFLECTIONS:
            return self._reflect(request)
        self._say(question.text, "bold")
        if question.help:
            self._say(question.help, "italic dim")
        previous = offered_items(default)
        items: list[ActionItem] = []
        try:
            if request.map_moments:
                previous = self._pick_from_map(request.map_moments, previous, items)
                self._say("Fler moment som inte finns på kartan? Lämna raden tom när du är klar.")
            else:
                self._say("Ett moment i taget. Lämna momentet tomt när du är klar.")
            self._item_loop(items, previous, involves=question.plan == "lagga_till" and bool(question.phase))
        except KeyboardInterrupt as stop:
            if items:
                raise PartialAnswer(Answer(tuple(items)), stop) from None
            raise
        return Answer(tuple(items) or None)

    def _pick_from_map(
        self, moments: tuple[Moment, ...], previous: list[ActionItem], items: list[ActionItem]
    ) -> list[ActionItem]:
        """Items for moments picked on the map, each with its why; returns the earlier items
        that are not about a moment on the map (offered next)."""
        import questionary

        earlier = {item.moment_id: item for item in previous if item.moment_id}
        message, hint = self.fitted("Vilka moment på din processkarta gäller det?", CHECKBOX_HELP)
        picked = _ask(
            questionary.checkbox(
                message,
                choices=[questionary.Choice(m.name, value=m.id, checked=m.id in earlier) for m in moments],
                instruction=hint,
                use_jk_keys=False,
                erase_when_done=True,
            )
        )
        self._say(f"Valda: {', '.join(m.name for m in moments if m.id in picked) or '(inga)'}")
        for moment in (m for m in moments if m.id in picked):
            offered = earlier.get(moment.id)
            try:
                why = self._line(f"Varför – {moment.name}?", offered.why if offered else "", required=False)
            except KeyboardInterrupt as stop:
                items.append(
                    ActionItem(
                        moment.name, _typed(stop), id=offered.id if offered else "", moment_id=moment.id
                    )
                )
                raise
            items.append(ActionItem(moment.name, why, id=offered.id if offered else "", moment_id=moment.id))
        on_map = {m.id for m in moments}
        return [item for item in previous if item.moment_id not in on_map]

    def _item_loop(
        self, items: list[ActionItem], previous: list[ActionItem], *, involves: bool = False
    ) -> None:
        """Ask moment and why (and whom a new moment involves), one item at a time, appending to
        ``items`` until an empty moment; earlier items are offered in turn."""
        start = len(items)
        while True:
            index = len(items) - start
            offered = previous[index] if index < len(previous) else None
            try:
                moment = self._line(
                    f"Moment {len(items) + 1}:", offered.moment if offered else "", required=False
                ).strip()
            except KeyboardInterrupt as stop:
                if _typed(stop):
                    items.append(ActionItem(_typed(stop)))
                raise
            if not moment:
                return
            kept = replace(offered, moment=moment) if offered else ActionItem(moment)
            try:
                if involves:
                    kept = replace(kept, involves=self._involves(moment, kept.involves))
                why = self._line("Varför / med vilket syfte?", kept.why, required=False)
            except KeyboardInterrupt as stop:
                items.append(replace(kept, why=_typed(stop) or kept.why))
                raise
            items.append(replace(kept, why=why))


def _kept(request: AskRequest) -> Any:
    keep = request.keep
    return (lambda items: keep(Answer(items))) if keep is not None else None
