"""The reflections of one phase on one screen: the phase's questions, word for word and in order,
over the map, each answered in its own part of the screen (``reflection.ReflectionScreen``'s keys:
Space marks a moment, ``v`` says why, ``n`` adds a moment), Tab going to the next question and
Shift-Tab back, and one Enter confirming them all (asking why for each marked moment that has no
reason yet).  Nothing is chosen but what was marked or added: a question left as it is answers Nej.

A moment marked in one part is shown as taken in the others at once, so it is never both developed
and removed.  Each part hands every change to its own ``on_change`` (the session saves it as it is
made); Ctrl-C keeps what was typed in an open form and stops like any prompt.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from prompt_toolkit.application import get_app
from prompt_toolkit.filters import Condition
from prompt_toolkit.key_binding import ConditionalKeyBindings, KeyBindings, merge_key_bindings

from intervjufas.model.answers import ActionItem, Moment
from intervjufas.session.map_reflection import Items
from intervjufas.views.process_map.reflection import ReflectionScreen
from intervjufas.views.process_map.screen import KeyHints, Row, Screen, keyed

HELP = (
    "Reflektion på kartan – tangenter",
    "  Tab  nästa fråga, Shift-Tab föregående. Alla frågor för fasen besvaras på den här skärmen.",
    "  ↑ ↓  flyttar markören.",
    "  Mellanslag  markerar momentet (och tar bort markeringen igen).",
    "  v  skriver eller ändrar varför för det markerade momentet.",
    "  n  lägger till ett moment som inte finns på kartan; r ändrar det och t tar bort det.",
    "  Enter  bekräftar alla frågorna: för varje markerat moment som saknar skäl frågas varför. "
    "En fråga där inget är markerat eller tillagt besvaras Nej.",
    "  Ctrl-C  avbryter: det du har valt är redan sparat.",
    "Ett moment som är valt i en fråga (att utveckla eller ta bort) visas som valt i de andra och "
    "kan inte väljas där: ett moment kan inte både utvecklas och tas bort i samma kartläggning.",
)


@dataclass(frozen=True)
class Part:
    """One reflection question of the phase: its kind, its text(s), what it has and how to keep it."""

    kind: str
    question: str
    earlier: Sequence[ActionItem] = ()
    on_change: Callable[[Items], None] | None = None
    progress: str = ""  # where the question is in its step ("fråga 5 av 11")


class PhaseReflections:
    """The phase's reflections on one screen; ``run`` returns each part's items."""

    def __init__(
        self,
        parts: Sequence[Part],
        moments: Sequence[Moment],
        *,
        title: str,
        taken: Mapping[str, str] | None = None,
        no_color: bool = False,
    ) -> None:
        self.base_taken = dict(taken or {})
        self.current = 0
        self.parts = [
            ReflectionScreen(
                part.kind,
                moments,
                title=title,
                question=part.question,
                earlier=part.earlier,
                taken=self.base_taken,
                on_change=self._changed(index, part.on_change),
                no_color=no_color,
                together=True,
            )
            for index, part in enumerate(parts)
        ]
        self.questions = [
            f"{part.progress} · {part.question}" if part.progress else part.question for part in parts
        ]
        self._asked: set[tuple[int, str]] = set()
        self.screen = Screen(
            title=title,
            question="",
            rows=self.rows,
            hints=self.hints,
            help_lines=HELP,
            bindings=cast(KeyBindings, self._bindings()),
            no_color=no_color,
        )
        self.screen.question = self._questions_text()
        for part in self.parts:
            part.screen = self.screen  # (each part's keys and forms work on the one screen)
        self._share_taken()

    def run(self, input: Any = None, output: Any = None) -> list[Items]:
        try:
            self.screen.run(input, output)
        except (KeyboardInterrupt, EOFError):
            self.screen.keep_typed()
            raise
        return [part.reflection.items() for part in self.parts]

    # -- what is shown ----------------------------------------------------------------------------
    def _questions_text(self) -> str:
        lines = []
        for index, question in enumerate(self.questions):
            pointer = "▸" if index == self.current else " "
            chosen = len(self.parts[index].reflection.items())
            state = f"  [{chosen} moment {'valt' if chosen == 1 else 'valda'}]" if chosen else ""
            lines.append(f"{pointer} {question.replace(chr(10), ' ')}{state}")
        return "\n".join(lines)

    def rows(self, width: int) -> list[Row]:
        return self.parts[self.current].rows(width)

    def hints(self) -> KeyHints:
        hints = self.parts[self.current].hints()
        hints = [(key, word) for key, word in hints if key not in ("Enter", "?")]
        last = self.current == len(self.parts) - 1
        return [
            ("Tab", "Nästa fråga" if not last else "Första frågan"),
            *hints,
            ("Enter", "Bekräfta alla"),
            ("?", "Hjälp"),
        ]

    # -- the keys -----------------------------------------------------------------------------------
    def _bindings(self) -> Any:
        listing = Condition(lambda: not self.screen.help_shown and self.screen.form is None)
        own = KeyBindings()
        for key, action in (
            ("tab", lambda: self.go(1)),
            ("s-tab", lambda: self.go(-1)),
            ("enter", self.confirm),
        ):
            own.add(key, filter=listing, eager=True)(keyed(self, action))
        parts = [
            ConditionalKeyBindings(part.screen_bindings, filter=Condition(_is_current(self, index)))
            for index, part in enumerate(self.parts)
        ]
        return merge_key_bindings([own, *parts])

    def go(self, step: int) -> None:
        self.current = (self.current + step) % len(self.parts)
        self.screen.cursor = 0
        self.screen.question = self._questions_text()

    def confirm(self) -> None:
        """Ask why for each marked moment without a reason, part by part, then end."""
        for index, part in enumerate(self.parts):
            waiting = [
                item
                for item in part.reflection.items()
                if item.moment_id and not item.why and (index, item.moment_id) not in self._asked
            ]
            if waiting:
                self._asked.add((index, waiting[0].moment_id))
                if self.current != index:
                    self.go(index - self.current)
                part._why_form(waiting[0].moment_id, then=self.confirm)
                return
        get_app().exit(result=True)

    def _changed(self, index: int, keep: Callable[[Items], None] | None) -> Callable[[Items], None]:
        def changed(items: Items) -> None:
            if keep is not None:
                keep(items)
            if hasattr(self, "screen"):
                self._share_taken()
                self.screen.question = self._questions_text()

        return changed

    def _share_taken(self) -> None:
        """A moment marked in one part is taken in the others."""
        for index, part in enumerate(self.parts):
            taken = dict(self.base_taken)
            for other_index, other in enumerate(self.parts):
                if other_index != index:
                    for item in other.reflection.items():
                        if item.moment_id:
                            taken.setdefault(item.moment_id, other.reflection.kind)
            part.reflection.taken = {key: kind for key, kind in taken.items() if kind != part.reflection.kind}


def _is_current(owner: PhaseReflections, index: int) -> Callable[[], bool]:
    return lambda: owner.current == index


def reflect_together(
    parts: Sequence[Part],
    moments: Sequence[Moment],
    *,
    title: str,
    taken: Mapping[str, str] | None = None,
    no_color: bool = False,
    input: Any = None,
    output: Any = None,
) -> list[Items]:
    """Answer a phase's reflection questions on one screen; each one's chosen and added items."""
    return PhaseReflections(parts, moments, title=title, taken=taken, no_color=no_color).run(input, output)
