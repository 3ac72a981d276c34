"""The map editor in plain lines (``--enkel``): the same power as the full-screen editor, for
screen readers, dumb terminals and answers piped in – nothing is redrawn and the cursor never
moves; the program prints lines and reads lines.

The phase's map is printed once, numbered; then each line is one short command, and each change is
confirmed in one line (``l`` prints the map again).  An empty line keeps the map and finishes.

    + namn ; berör ; notering för uppdraget ; notering om processen   nytt moment
    r 3 nytt namn     byt namn          b 3 1,2      berör (siffror eller namn)
    n 3 text          notering för uppdraget (stannar i rapporten)
    p 3 text          notering om processen (följer med till nästa karta)
    t 3  ta bort      f 3 1  flytta till plats 1      a 2  lägg till förslag 2
    u  ångra          l  visa kartan                  ?  hjälp
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from intervjufas.errors import AnswerError, PartialAnswer
from intervjufas.model.answers import Answer, Moment
from intervjufas.session.map_edits import (
    MapEdits,
    Moments,
    involves_help,
    open_suggestions,
    parse_involves,
)
from intervjufas.views.process_map.form import sentence

PROMPT = "Kommando (Enter = klar, ? = hjälp): "
HELP = (
    "Kommandon för kartan (NR är momentets nummer i listan):",
    "  Enter (tom rad)  klar: behåll kartan som den står och gå vidare",
    "  + namn ; berör ; notering ; notering om processen",
    "                   nytt moment; allt efter namnet är valfritt, t.ex. + Genomgång av kravprofilen ; 1",
    f"  b NR berör       vem momentet berör: siffror ({involves_help()}) eller namn, med komma emellan",
    "  n NR text        notering för uppdraget: stannar i den här rapporten (namn, platser, tider)",
    "  p NR text        notering om processen: följer med till nästa karta",
    "  r NR nytt namn   byt namn (momentet behåller sin identitet)",
    "  t NR             ta bort momentet",
    "  f NR PLATS       flytta momentet till en annan plats, t.ex. f 4 1",
    "  a NR             lägg till förslag NR (från listan Förslag)",
    "  u                ångra den senaste ändringen",
    "  l                visa kartan igen",
    "  -                som text efter b, n eller p: tar bort det som stod där",
)
_COMMAND = re.compile(r"^\s*(?P<command>[+?]|[a-zA-Z](?=\s|\d|$))\s*(?P<rest>.*)$", re.DOTALL)
_NUMBERED = re.compile(r"^(?P<number>\d+)\s*(?P<text>.*)$", re.DOTALL)
Read = Callable[[str], str]
Write = Callable[[str], None]


class LineEditor:
    """One phase's map, edited one command line at a time."""

    def __init__(
        self,
        moments: Sequence[Moment],
        read: Read,
        write: Write,
        on_change: Callable[[Moments], None] | None = None,
        suggestions: Sequence[Moment] = (),
    ) -> None:
        self.edits = MapEdits(moments, on_change)
        self.read, self.write = read, write
        self.suggestions = tuple(suggestions)

    def run(self) -> Moments:
        self.show()
        self.write(
            "Enter (tom rad) behåller kartan · + namn ; berör ; notering lägger till · ? visar alla kommandon"
        )
        try:
            while True:
                line = self.read(PROMPT).strip()
                if not line:
                    return self.edits.moments
                try:
                    self.write(self.command(line))
                except AnswerError as error:
                    self.write(f"{sentence(str(error))} Skriv ? för hjälp.")
        except (KeyboardInterrupt, EOFError) as stop:
            if self.edits.changed:
                raise PartialAnswer(Answer(self.edits.moments), stop) from None
            raise

    def show(self) -> None:
        moments = self.edits.moments
        if not moments:
            self.write("Kartan är tom. Skriv + och momentets namn, t.ex. + Genomgång av kravprofilen ; 1")
        for number, moment in enumerate(moments, start=1):
            for text in moment_lines(number, moment):
                self.write(text)
        suggested = open_suggestions(moments, self.suggestions)
        if suggested:
            self.write("Förslag från kollegor (a NR lägger till):")
            for number, suggestion in enumerate(suggested, start=1):
                self.write(f"  {number}) {suggestion.name}{_who(suggestion.involves)}")

    def command(self, line: str) -> str:
        """Carry out one command line; the line that confirms it."""
        match = _COMMAND.match(line)
        if match is None:
            raise AnswerError(f"förstod inte '{line}'")
        command, rest = match.group("command").lower(), match.group("rest").strip()
        if command == "?":
            return "\n".join(HELP)
        if command == "l":
            self.show()
            return f"{len(self.edits.moments)} moment."
        if command == "u":
            return "Ångrade den senaste ändringen." if self.edits.undo() else "Inget att ångra."
        if command == "+":
            return self._add(rest)
        if command == "a":
            return self._add_suggestion(rest)
        if command in _EDITS:
            return self._edit(command, rest)
        raise AnswerError(f"förstod inte '{line}'")

    def _add(self, rest: str) -> str:
        parts = [part.strip() for part in rest.split(";", 3)] + ["", "", ""]
        added = self.edits.add(parts[0], parse_involves(parts[1]), parts[2], parts[3])
        return f"Lade till {len(self.edits.moments)}. {added.name}{_who(added.involves)}."

    def _add_suggestion(self, rest: str) -> str:
        suggested = open_suggestions(self.edits.moments, self.suggestions)
        number = _number(rest, len(suggested), "förslag")
        added = self.edits.add_suggestion(suggested[number - 1])
        return f"Lade till {len(self.edits.moments)}. {added.name}{_who(added.involves)}."

    def _edit(self, command: str, rest: str) -> str:
        match = _NUMBERED.match(rest)
        if match is None:
            raise AnswerError(f"skriv numret på momentet efter {command}, t.ex. {command} 3")
        number = _number(match.group("number"), len(self.edits.moments), "moment")
        moment = self.edits.moments[number - 1]
        text = match.group("text").strip()
        return _EDITS[command](self, moment, number, text)

    def _rename(self, moment: Moment, number: int, text: str) -> str:
        changed = self.edits.edit(moment.id, name=text)
        return f"{number}. heter nu {changed.name}."

    def _involves(self, moment: Moment, number: int, text: str) -> str:
        changed = self.edits.edit(moment.id, involves=parse_involves(_given(text, "b", number)))
        return f"{number}. {changed.name} berör: {', '.join(changed.involves) or 'ingen'}."

    def _note(self, field: str, moment: Moment, number: int, text: str) -> str:
        given = _given(text, "n" if field == "assignment_note" else "p", number)
        changed = self.edits.edit(moment.id, **{field: "" if given == "-" else given})
        word = "för uppdraget" if field == "assignment_note" else "om processen"
        done = "sparad" if getattr(changed, field) else "borttagen"
        return f"{number}. {changed.name}: notering {word} {done}."

    def _remove(self, moment: Moment, number: int, text: str) -> str:
        self.edits.remove(moment.id)
        return f"Tog bort {number}. {moment.name}. u ångrar."

    def _move(self, moment: Moment, number: int, text: str) -> str:
        place = _number(text, len(self.edits.moments), "plats")
        self.edits.move(moment.id, place - 1)
        return f"Flyttade {moment.name} till plats {place}."


_EDITS: dict[str, Callable[[LineEditor, Moment, int, str], str]] = {
    "r": LineEditor._rename,
    "b": LineEditor._involves,
    "n": lambda editor, moment, number, text: editor._note("assignment_note", moment, number, text),
    "p": lambda editor, moment, number, text: editor._note("note", moment, number, text),
    "t": LineEditor._remove,
    "f": LineEditor._move,
}


def edit_map_in_lines(
    moments: Sequence[Moment],
    *,
    read: Read,
    write: Write,
    on_change: Callable[[Moments], None] | None = None,
    suggestions: Sequence[Moment] = (),
    title: str = "",
    question: str = "",
) -> Moments:
    """Edit one phase's map in plain lines; ``read(prompt)`` reads one line (raising EOFError at
    the end of input), ``write(text)`` prints one."""
    for text in (title, question):
        if text:
            write(text)
    return LineEditor(moments, read, write, on_change, suggestions).run()


def moment_lines(number: int, moment: Moment) -> list[str]:
    """A moment as printed: '3. Namn (kunden)', then its notes on lines of their own."""
    developed = f" – utvecklat {moment.developed}" if moment.developed else ""
    lines = [f"  {number}. {moment.name}{_who(moment.involves)}{developed}"]
    if moment.assignment_note:
        lines.append(f"     Uppdraget: {moment.assignment_note}")
    if moment.note:
        lines.append(f"     Processen: {moment.note}")
    return lines


def _who(involves: tuple[str, ...]) -> str:
    return f" ({', '.join(involves)})" if involves else ""


def _number(text: str, count: int, what: str) -> int:
    if not text.strip().isdigit() or not 1 <= int(text) <= count:
        raise AnswerError(f"det finns inget {what} '{text.strip()}'" + (f" (1–{count})" if count else ""))
    return int(text)


def _given(text: str, command: str, number: int) -> str:
    if not text:
        raise AnswerError(f"skriv texten efter numret, t.ex. {command} {number} …, eller - för att ta bort")
    return text
