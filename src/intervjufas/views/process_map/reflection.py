"""The reflection on the map, on a full screen: one reflection question answered with the phase's
map in view.

To develop or remove (``utveckla``, ``ta_bort``): Space marks a moment on the map and Space again
takes the mark away; Enter confirms, and then asks why for each marked moment that has no reason
yet.  Nothing is chosen but what was marked: Enter alone chooses nothing.  A moment an earlier
reflection of the mapping chose is shown as taken and cannot be marked.  ``n`` adds a moment that
is not on the map.  To add (``lagga_till``): the map is shown for reference and the form for a new
moment (name, whom it involves, purpose) opens at once and again after each one; Enter on the
empty form ends the reflection (Esc goes back to the list).
Every change goes to ``on_change``; a stop ends the screen with ``PartialAnswer`` when anything
changed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from prompt_toolkit.application import get_app
from prompt_toolkit.filters import Condition
from prompt_toolkit.key_binding import KeyBindings

from intervjufas.errors import PartialAnswer
from intervjufas.model.answers import ActionItem, Answer, Moment
from intervjufas.session.map_edits import parse_involves
from intervjufas.session.map_reflection import CHOSEN_TO, Items, Reflection
from intervjufas.views.process_map.form import Form, FormField
from intervjufas.views.process_map.screen import KeyHints, Line, Row, Screen, keyed, wrapped

HELP = (
    "Reflektion på kartan – tangenter",
    "  ↑ ↓  flyttar markören.",
    "  Mellanslag  markerar momentet (och tar bort markeringen igen).",
    "  Enter  bekräftar: bara de markerade momenten väljs, och för vart och ett som saknar "
    "skäl frågas varför. Enter utan markeringar väljer inget.",
    "  v  skriver eller ändrar varför för det markerade momentet.",
    "  n  lägger till ett moment som inte finns på kartan; r ändrar det och t tar bort det.",
    "  Ctrl-C  avbryter: det du har valt är redan sparat.",
    "Ett moment som en tidigare fråga har valt (att utveckla eller ta bort) visas som valt och kan "
    "inte väljas igen: ett moment kan inte både utvecklas och tas bort i samma kartläggning.",
)


class ReflectionScreen:
    """One reflection question on the map; ``run`` returns the chosen and added items."""

    def __init__(
        self,
        kind: str,
        moments: Sequence[Moment],
        *,
        title: str,
        question: str,
        earlier: Sequence[ActionItem] = (),
        taken: Mapping[str, str] | None = None,
        on_change: Callable[[Items], None] | None = None,
        no_color: bool = False,
        together: bool = False,
    ) -> None:
        """``together``: one part of a screen with the phase's other reflections
        (``reflection_phase``), which confirms them all: no Enter of its own, and the form of a
        new moment closes once it is saved."""
        self.reflection = Reflection(kind, moments, earlier=earlier, taken=taken, on_change=on_change)
        self.together = together
        self._asked: set[str] = set()  # the moments asked why once Enter confirmed
        self.screen_bindings = self._bindings()
        self.screen = Screen(
            title=title,
            question=question,
            rows=self.rows,
            hints=self.hints,
            help_lines=HELP,
            bindings=self.screen_bindings,
            no_color=no_color,
        )

    def run(self, input: Any = None, output: Any = None) -> Items:
        if not self.reflection.picks_from_map and not self.reflection.added:
            self.new_moment()
        try:
            self.screen.run(input, output)
        except (KeyboardInterrupt, EOFError) as stop:
            self.screen.keep_typed()
            if self.reflection.changed:
                raise PartialAnswer(Answer(self.reflection.items()), stop) from None
            raise
        return self.reflection.items()

    # -- what is shown ----------------------------------------------------------------------------
    def rows(self, width: int) -> list[Row]:
        reflection = self.reflection
        rows: list[Row] = []
        if not reflection.picks_from_map and reflection.map:
            rows.append(Row([[("class:heading", "Din karta")]]))
        for number, moment in enumerate(reflection.map, start=1):
            rows.append(self._map_row(number, moment, width))
        heading = "Moment som inte finns på kartan" if reflection.picks_from_map else "Nya moment"
        if reflection.added or not reflection.picks_from_map:
            rows.append(Row([[("", "")], [("class:heading", heading)]]))
        for index, item in enumerate(reflection.added):
            lines = _lines(f"  + {item.moment}" + _who(item.involves), width, "    ")
            if item.why:
                lines += _lines(f"    Varför: {item.why}", width, "      ", "class:dim")
            rows.append(Row(lines, ("added", index)))
        if not reflection.added and not reflection.picks_from_map:
            rows.append(Row([[("class:dim", "  (inga än – tryck n för att lägga till)")]]))
        return rows

    def _map_row(self, number: int, moment: Moment, width: int) -> Row:
        reflection = self.reflection
        if not reflection.picks_from_map:
            return Row(
                _lines(f"  {number}. {moment.name}{_who(moment.involves)}", width, "     ", "class:dim")
            )
        taken = reflection.taken_as(moment.id)
        marked = reflection.marked.get(moment.id)
        box = "[–]" if taken else "[x]" if marked else "[ ]"
        style = "class:taken" if taken else "class:marked" if marked else ""
        lines = _lines(f"  {box} {number}. {moment.name}{_who(moment.involves)}", width, "         ", style)
        if taken:
            lines += _lines(f"         valt att {CHOSEN_TO[taken]}", width, "         ", "class:taken")
        elif marked is not None and marked.why:
            lines += _lines(f"         Varför: {marked.why}", width, "           ", "class:dim")
        return Row(lines, moment.id)

    def hints(self) -> KeyHints:
        key = self.screen.current()
        hints: KeyHints = [("Enter", "Bekräfta")]
        if isinstance(key, str) and self.reflection.taken_as(key) is None:
            hints.append(("Mellanslag", "Markera"))
            if key in self.reflection.marked:
                hints.append(("v", "Varför"))
        elif key is not None:
            hints += [("r", "Ändra"), ("t", "Ta bort")]
        return [*hints, ("n", "Nytt moment"), ("?", "Hjälp")]

    # -- the keys -----------------------------------------------------------------------------------
    def _bindings(self) -> KeyBindings:
        keys = KeyBindings()
        listing = Condition(lambda: not self.screen.help_shown and self.screen.form is None)
        actions: dict[str, Callable[[], None]] = {
            "space": self.toggle,
            "v": self.ask_why,
            "n": self.new_moment,
            "+": self.new_moment,
            "r": self.change_added,
            "e": self.change_added,
            "t": self.remove_added,
            "delete": self.remove_added,
        }
        if not self.together:
            actions["enter"] = self.confirm
        for key, action in actions.items():
            keys.add(key, filter=listing)(keyed(self, action))
        return keys

    def toggle(self) -> None:
        key = self.screen.current()
        if isinstance(key, str):
            marked = self.reflection.toggle(key)
            self.screen.say("Markerat. Enter bekräftar." if marked else "Markeringen borttagen.")

    def confirm(self) -> None:
        """Ask why for each marked moment without a reason, then end with the items."""
        waiting = [
            item
            for item in self.reflection.items()
            if item.moment_id and not item.why and item.moment_id not in self._asked
        ]
        if not waiting:
            get_app().exit(result=self.reflection.items())
            return
        self._asked.add(waiting[0].moment_id)
        self._why_form(waiting[0].moment_id, then=self.confirm)

    def ask_why(self) -> None:
        key = self.screen.current()
        if isinstance(key, str) and key in self.reflection.marked:
            self._why_form(key, then=self.screen.close_form)

    def new_moment(self) -> None:
        self.screen.open_form(self._moment_form("Nytt moment", ActionItem(""), self._save_new))

    def change_added(self) -> None:
        key = self.screen.current()
        if isinstance(key, tuple):
            index = key[1]

            def save(values: dict[str, str]) -> None:
                self.reflection.edit_added(index, **_item_fields(values))
                self.screen.close_form()

            self.screen.open_form(self._moment_form("Ändra", self.reflection.added[index], save))

    def remove_added(self) -> None:
        key = self.screen.current()
        if isinstance(key, tuple):
            removed = self.reflection.remove_added(key[1])
            self.screen.say(f"Tog bort '{removed.moment}'.")

    # -- the forms ----------------------------------------------------------------------------------
    def _why_form(self, moment_id: str, then: Callable[[], None]) -> None:
        item = self.reflection.marked[moment_id]
        self.screen.select(moment_id)

        def save(values: dict[str, str]) -> None:
            self.reflection.set_why(moment_id, values["why"])
            self.screen.close_form()
            then()

        hint = "Skriv varför (valfritt) och tryck Enter."
        self.screen.open_form(
            Form(f"Varför – {item.moment}?", [FormField("why", "Varför", item.why, hint)], save)
        )

    def _moment_form(self, title: str, item: ActionItem, save: Callable[[dict[str, str]], None]) -> Form:
        done = "stänger" if self.reflection.picks_from_map else "när du är klar"
        fields = [FormField("moment", "Namn", item.moment, f"Vad är momentet? Tomt och Enter {done}.")]
        if not self.reflection.picks_from_map:
            fields.append(
                FormField(
                    "involves",
                    "Berör",
                    ", ".join(item.involves),
                    "Siffror (1 kunden, 2 kandidaten, 3 kollegor) eller namn.",
                )
            )
        fields.append(FormField("why", "Varför, syfte", item.why, "Med vilket syfte? (valfritt)"))
        return Form(title, fields, save)

    def _save_new(self, values: dict[str, str]) -> None:
        if not any(text.strip() for text in values.values()):
            if self.reflection.picks_from_map or self.together:
                self.screen.close_form()
            else:  # (the form of moments to add: empty, it ends the reflection, as an empty line)
                get_app().exit(result=self.reflection.items())
            return
        index = self.reflection.add(**_item_fields(values))
        self.screen.select(("added", index))
        if self.reflection.picks_from_map or self.together:
            self.screen.close_form()
        else:
            self.new_moment()
        self.screen.say(f"Lade till '{self.reflection.added[index].moment}'.")


def reflect_on_map(
    kind: str,
    moments: Sequence[Moment],
    *,
    title: str,
    question: str,
    earlier: Sequence[ActionItem] = (),
    taken: Mapping[str, str] | None = None,
    on_change: Callable[[Items], None] | None = None,
    no_color: bool = False,
    input: Any = None,
    output: Any = None,
) -> Items:
    """Answer one reflection question on the map; the chosen and added items."""
    screen = ReflectionScreen(
        kind,
        moments,
        title=title,
        question=question,
        earlier=earlier,
        taken=taken,
        on_change=on_change,
        no_color=no_color,
    )
    return screen.run(input, output)


def _item_fields(values: dict[str, str]) -> dict[str, Any]:
    fields: dict[str, Any] = {"moment": values["moment"], "why": values["why"]}
    if "involves" in values:
        fields["involves"] = parse_involves(values["involves"])
    return fields


def _who(involves: tuple[str, ...]) -> str:
    return f" · {', '.join(involves)}" if involves else ""


def _lines(text: str, width: int, indent: str, style: str = "") -> list[Line]:
    return [[(style, line)] for line in wrapped(text, width, indent)]
