"""The reflection on the map in plain lines (``--enkel``): the phase's map printed with numbers,
the moments to develop or remove chosen by number, a reason asked for each, and moments that are
not on the map typed as ``+ namn ; varför`` (to add: ``+ namn ; berör ; syfte``).

Only the numbers typed are chosen: an empty line chooses nothing (or keeps the choice shown as
``[standard: …]`` when the question was answered before).  A moment an earlier reflection of the
mapping chose is printed as taken, and typing its number is refused with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from intervjufas.errors import AnswerError, PartialAnswer
from intervjufas.model.answers import ActionItem, Answer, Moment
from intervjufas.session.map_edits import parse_involves
from intervjufas.session.map_reflection import CHOSEN_TO, Items, Reflection
from intervjufas.views.process_map.form import sentence

Read = Callable[[str], str]
Write = Callable[[str], None]
_VERB = {"utveckla": "utveckla", "ta_bort": "ta bort", "lagga_till": "lägga till"}


def reflect_in_lines(
    kind: str,
    moments: Sequence[Moment],
    *,
    read: Read,
    write: Write,
    question: str = "",
    earlier: Sequence[ActionItem] = (),
    taken: Mapping[str, str] | None = None,
    on_change: Callable[[Items], None] | None = None,
) -> Items:
    """Answer one reflection question on the map in plain lines; the chosen and added items."""
    reflection = Reflection(kind, moments, earlier=earlier, taken=taken, on_change=on_change)
    if question:
        write(question)
    try:
        if reflection.picks_from_map and reflection.moments:
            _pick(reflection, read, write)
        elif reflection.map:
            write("Din karta: " + "; ".join(m.name for m in reflection.map))
        _add(reflection, read, write)
    except (KeyboardInterrupt, EOFError) as stop:
        if reflection.changed:
            raise PartialAnswer(Answer(reflection.items()), stop) from None
        raise
    return reflection.items()


def _pick(reflection: Reflection, read: Read, write: Write) -> None:
    write("Momenten på din processkarta:")
    for number, moment in enumerate(reflection.moments, start=1):
        other = reflection.taken_as(moment.id)
        state = f" – valt att {CHOSEN_TO[other]}, kan inte väljas här" if other else ""
        write(f"  {number}) {moment.name}{state}")
    before = [str(n) for n, m in enumerate(reflection.moments, start=1) if m.id in reflection.marked]
    shown = f" [standard: {','.join(before)}]" if before else ""
    verb = _VERB[reflection.kind]
    while True:
        text = read(f"Skriv numren på de moment du vill {verb}, t.ex. 1,3 (Enter = inga){shown}: ").strip()
        try:
            _choose(reflection, text if text or not before else ",".join(before))
            break
        except AnswerError as error:
            write(f"{sentence(str(error))} Försök igen.")
    for item in [item for item in reflection.items() if item.moment_id]:
        suggested = f" [standard: {item.why}] " if item.why else " "
        why = read(f"Varför – {item.moment}?{suggested}").strip()
        if why:
            reflection.set_why(item.moment_id, why)


def _choose(reflection: Reflection, text: str) -> None:
    """Mark exactly the moments numbered in ``text`` ('-' or nothing: none)."""
    count = len(reflection.moments)
    if text == "-":
        text = ""
    if re.search(r"[^\d,;\s]", text):
        raise AnswerError(f"skriv nummer mellan 1 och {count}, t.ex. 1,3")
    numbers = list(dict.fromkeys(int(part) for part in re.findall(r"\d+", text)))
    if any(not 1 <= number <= count for number in numbers):
        raise AnswerError(f"skriv nummer mellan 1 och {count}, t.ex. 1,3")
    wanted = {reflection.moments[number - 1].id for number in numbers}
    for moment_id in wanted:  # (refused before anything changes)
        other = reflection.taken_as(moment_id)
        if other is not None:
            reflection.toggle(moment_id)  # raises the refusal, with the moment's name
    for moment in reflection.moments:
        if (moment.id in wanted) != (moment.id in reflection.marked):
            reflection.toggle(moment.id)


def _add(reflection: Reflection, read: Read, write: Write) -> None:
    adds = not reflection.picks_from_map
    form = "+ namn ; berör ; syfte" if adds else "+ namn ; varför"
    if reflection.added:
        write("Tillagda moment:")
        for number, item in enumerate(reflection.added, start=1):
            write(f"  {number}) {item.moment}" + (f" – {item.why}" if item.why else ""))
    lead = "Nya moment" if adds else "Fler moment som inte finns på kartan"
    write(f"{lead}: skriv {form}, ett per rad; t NR tar bort ett. Enter (tom rad) när du är klar.")
    while True:
        line = read("Moment (Enter = klar): ").strip()
        if not line:
            return
        try:
            write(_added(reflection, line, adds))
        except AnswerError as error:
            write(f"{sentence(str(error))} Skriv {form}.")


def _added(reflection: Reflection, line: str, adds: bool) -> str:
    removal = re.fullmatch(r"[tT]\s*(\d+)", line)
    if removal:
        number = int(removal.group(1))
        if not 1 <= number <= len(reflection.added):
            raise AnswerError(f"det finns inget tillagt moment {number}")
        return f"Tog bort {reflection.remove_added(number - 1).moment}."
    text = line[1:] if line.startswith("+") else line
    parts = [part.strip() for part in text.split(";", 2 if adds else 1)] + ["", ""]
    if adds:
        index = reflection.add(parts[0], parts[2], parse_involves(parts[1]))
    else:
        index = reflection.add(parts[0], parts[1])
    return f"Lade till {reflection.added[index].moment}."
