"""The map editor: one phase of the process map on one screen, the carried map filled in.

Enter keeps the map as it stands; ``n`` adds a moment (name, whom it involves and its two notes
on one small form, which stays open for the next moment); ``r`` changes any field of the
highlighted moment; ``t`` removes it, Alt-↑/↓ moves it, ``u`` takes back the last change; ``l``
puts a suggested moment (a colleague's, listed in a section of its own) on the map.  The keys that
work are always shown at the bottom, ``?`` explains them all.  Every change goes to ``on_change``
at once (the session saves it); Ctrl-C or a signal keeps what was typed in an open form too, and
ends the editor with ``PartialAnswer`` (the edited moments) when anything changed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from prompt_toolkit.key_binding import KeyBindings

from intervjufas.errors import AnswerError, PartialAnswer
from intervjufas.model.answers import Answer, Moment
from intervjufas.session.map_edits import (
    MapEdits,
    Moments,
    involves_help,
    open_suggestions,
    parse_involves,
    touched,
)
from intervjufas.views.process_map.form import Form, FormField, sentence
from intervjufas.views.process_map.screen import (
    WIDE,
    KeyHints,
    Line,
    Row,
    Screen,
    keyed,
    wrapped,
)

ASSIGNMENT_LABEL, PROCESS_LABEL = "Uppdraget", "Processen"  # the two notes, as the list shows them
HELP = (
    "Processkartan – tangenter",
    "  ↑ ↓ PgUp PgDn  flyttar markören.",
    "  Enter  klar: behåller kartan som den står och går vidare.",
    "  n eller +  nytt moment: namn, vem det berör och noteringar på en gång. Formuläret öppnas "
    "igen för nästa moment; lämna det tomt och tryck Enter när kartan är klar (Esc går tillbaka "
    "till listan).",
    "  r eller e  ändrar det markerade momentet (vilket fält som helst).",
    "  t eller Delete  tar bort det markerade momentet.",
    "  Alt-↑ Alt-↓ (eller Shift-↑ Shift-↓)  flyttar momentet upp eller ner.",
    "  u  ångrar den senaste ändringen.",
    "  l  lägger till det markerade förslaget (under Förslag) på kartan.",
    "  Ctrl-C  avbryter: allt du har ändrat är redan sparat.",
    "I formuläret: Tab eller ↓ nästa fält, Shift-Tab eller ↑ föregående, Enter sparar, Esc avbryter. "
    f"Berör skrivs som siffror ({involves_help()}) eller namn, med komma emellan.",
    "Notering för uppdraget stannar i den här rapporten (namn, platser, tider). Notering om "
    "processen följer med till nästa karta.",
    "Ett moment behåller sin identitet när du byter namn på det eller ändrar det, så att "
    "utvecklingsplanen hittar det.",
)


class MapEditor:
    """One phase's map on the screen; ``run`` returns the moments when the consultant is done."""

    def __init__(
        self,
        moments: Sequence[Moment],
        *,
        title: str,
        question: str,
        on_change: Callable[[Moments], None] | None = None,
        suggestions: Sequence[Moment] = (),
        note: str = "",
        no_color: bool = False,
    ) -> None:
        self.edits = MapEdits(moments, on_change)
        self.suggestions = tuple(suggestions)
        self.screen = Screen(
            title=title,
            question=question,
            note=note,
            rows=self.rows,
            hints=self.hints,
            help_lines=HELP,
            bindings=self._bindings(),
            no_color=no_color,
        )

    def run(self, input: Any = None, output: Any = None) -> Moments:
        if not self.edits.moments:
            self.new_moment("Kartan är tom: skriv det första momentet.")
        try:
            self.screen.run(input, output)
        except (KeyboardInterrupt, EOFError) as stop:
            self.screen.keep_typed()
            if self.edits.changed:
                raise PartialAnswer(Answer(self.edits.moments), stop) from None
            raise
        return self.edits.moments

    # -- what is shown ----------------------------------------------------------------------------
    def rows(self, width: int) -> list[Row]:
        moments = self.edits.moments
        rows = [] if moments else [Row([[("class:dim", "  (inga moment än – tryck n för att lägga till)")]])]
        number_width = len(str(len(moments))) + 1
        tabular = width >= WIDE and all(len(m.name) <= width // 2 for m in moments)
        name_width = max((len(m.name) for m in moments), default=0)
        for number, moment in enumerate(moments, start=1):
            head = f"  {number}.".rjust(number_width + 2) + " "
            rows.append(Row(_moment_lines(moment, head, width, name_width if tabular else 0), moment.id))
        suggested = open_suggestions(moments, self.suggestions)
        if suggested:
            rows.append(Row([[("", "")], [("class:heading", "Förslag från kollegor")]]))
            for suggestion in suggested:
                line = f"  + {suggestion.name}" + (
                    f" · {', '.join(suggestion.involves)}" if suggestion.involves else ""
                )
                rows.append(Row([[("", text)] for text in wrapped(line, width, "    ")], suggestion))
        return rows

    def hints(self) -> KeyHints:
        if isinstance(self.screen.current(), Moment):
            return [("Enter", "Klar"), ("l", "Lägg till förslaget"), ("n", "Nytt"), ("?", "Hjälp")]
        hints = [("Enter", "Klar"), ("n", "Nytt")]
        if self.edits.moments:
            hints += [("r", "Ändra"), ("t", "Ta bort"), ("Alt-↑↓", "Flytta")]
        return [*hints, ("u", "Ångra"), ("?", "Hjälp")]

    # -- the keys -----------------------------------------------------------------------------------
    def _bindings(self) -> KeyBindings:
        keys = KeyBindings()
        listing = _not_in_help(self)
        actions: dict[tuple[str, ...], Callable[[], None]] = {
            ("enter",): self.finish,
            ("n",): self.new_moment,
            ("+",): self.new_moment,
            ("r",): self.change_moment,
            ("e",): self.change_moment,
            ("t",): self.remove_moment,
            ("delete",): self.remove_moment,
            ("escape", "up"): lambda: self.move_moment(-1),
            ("s-up",): lambda: self.move_moment(-1),
            ("escape", "down"): lambda: self.move_moment(1),
            ("s-down",): lambda: self.move_moment(1),
            ("u",): self.undo,
            ("l",): self.add_suggestion,
        }
        for key, action in actions.items():
            keys.add(*key, filter=listing)(keyed(self, action))
        return keys

    def finish(self) -> None:
        from prompt_toolkit.application import get_app

        get_app().exit(result=self.edits.moments)

    def new_moment(self, message: str = "") -> None:
        self.screen.say(message)
        self.screen.open_form(self._form("Nytt moment", Moment(""), self._save_new))

    def change_moment(self) -> None:
        moment = self._current()
        if moment is not None:
            self.screen.open_form(
                self._form(
                    f"Ändra {moment.name}", moment, lambda values: self._save_change(moment.id, values)
                )
            )

    def remove_moment(self) -> None:
        moment = self._current()
        if moment is not None:
            self.edits.remove(moment.id)
            self.screen.say(f"Tog bort '{moment.name}'. u ångrar.")

    def move_moment(self, step: int) -> None:
        moment = self._current()
        if moment is not None:
            self.edits.move_by(moment.id, step)
            self.screen.select(moment.id)

    def undo(self) -> None:
        before = self.edits.moments
        if not self.edits.undo():
            self.screen.say("Inget att ångra.")
            return
        changed = touched(before, self.edits.moments)
        if changed is not None:
            self.screen.select(changed)  # (the cursor goes to what came back)
        self.screen.say("Ångrade den senaste ändringen.")

    def add_suggestion(self) -> None:
        suggestion = self.screen.current()
        if isinstance(suggestion, Moment):
            added = self.edits.add_suggestion(suggestion)
            self.screen.say(f"Lade till '{added.name}' från förslagen.")

    # -- the form -----------------------------------------------------------------------------------
    def _form(self, title: str, moment: Moment, save: Callable[[dict[str, str]], None]) -> Form:
        return Form(
            title,
            [
                FormField("name", "Namn", moment.name, "Momentets namn, t.ex. Genomgång av kravprofilen."),
                FormField("involves", "Berör", ", ".join(moment.involves), _involves_hint),
                FormField(
                    "assignment_note",
                    "Notering, uppdraget",
                    moment.assignment_note,
                    "Stannar i den här rapporten: namn, platser och tider hör hemma här.",
                ),
                FormField(
                    "note", "Notering, processen", moment.note, "Följer med till nästa karta (valfritt)."
                ),
            ],
            save,
        )

    def _save_new(self, values: dict[str, str]) -> None:
        if not any(text.strip() for text in values.values()):
            self.finish()  # (an empty form ends the map, as an empty line always has)
            return
        added = self.edits.add(
            values["name"], parse_involves(values["involves"]), values["assignment_note"], values["note"]
        )
        self.screen.select(added.id)
        self.new_moment(f"Lade till '{added.name}'. Nästa moment – eller tomt och Enter när kartan är klar.")

    def _save_change(self, moment_id: str, values: dict[str, str]) -> None:
        changed = self.edits.edit(
            moment_id,
            name=values["name"],
            involves=parse_involves(values["involves"]),
            assignment_note=values["assignment_note"],
            note=values["note"],
        )
        self.screen.close_form()
        self.screen.say(f"Ändrade '{changed.name}'.")

    def _current(self) -> Moment | None:
        key = self.screen.current()
        return next((m for m in self.edits.moments if m.id == key), None) if isinstance(key, str) else None


def edit_map(
    moments: Sequence[Moment],
    *,
    title: str,
    question: str,
    on_change: Callable[[Moments], None] | None = None,
    suggestions: Sequence[Moment] = (),
    note: str = "",
    no_color: bool = False,
    input: Any = None,
    output: Any = None,
) -> Moments:
    """Edit one phase's map on a full screen; the moments as the consultant left them."""
    editor = MapEditor(
        moments,
        title=title,
        question=question,
        on_change=on_change,
        suggestions=suggestions,
        note=note,
        no_color=no_color,
    )
    return editor.run(input, output)


def summary(moments: Moments) -> str:
    """The map in one line, to print under the question when the editor has closed."""
    if not moments:
        return "(inga moment)"
    return f"{len(moments)} moment: " + "; ".join(
        f"{m.name} ({', '.join(m.involves)})" if m.involves else m.name for m in moments
    )


def _moment_lines(moment: Moment, head: str, width: int, name_width: int) -> list[Line]:
    """A moment's lines: side by side (name and whom in columns) when ``name_width`` is given,
    else stacked; then its notes, each on lines of its own."""
    indent = " " * len(head)
    developed = f" (utvecklat {moment.developed})" if moment.developed else ""
    who = ", ".join(moment.involves)
    lines: list[Line] = []
    if name_width:
        lines.append([("", f"{head}{moment.name.ljust(name_width)}  "), ("class:dim", who + developed)])
    else:
        for text in wrapped(head + moment.name, width, indent):
            lines.append([("", text)])
        if who or developed:
            lines += [
                [("class:dim", text)]
                for text in wrapped(f"{indent}Berör: {who or '–'}{developed}", width, indent)
            ]
    for label, note in ((ASSIGNMENT_LABEL, moment.assignment_note), (PROCESS_LABEL, moment.note)):
        if note:
            lines += [
                [("class:dim", text)] for text in wrapped(f"{indent}{label}: {note}", width, indent + "  ")
            ]
    return lines


def _involves_hint(text: str) -> str:
    try:
        names = parse_involves(text)
    except AnswerError as error:
        return sentence(str(error))
    shown = f" Blir: {', '.join(names)}." if names else ""
    return f"Siffror ({involves_help()}) eller namn, med komma emellan.{shown}"


def _not_in_help(editor: Any) -> Any:
    from prompt_toolkit.filters import Condition

    return Condition(lambda: not editor.screen.help_shown and editor.screen.form is None)
