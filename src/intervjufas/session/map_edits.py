"""Editing one phase of the process map: the operations both map editors perform (the full-screen
editor and the plain lines of ``--enkel``), without any drawing.

A phase's map is a tuple of ``Moment``s.  Every moment has an id from the moment it is on the map
(carried moments bring theirs; a new one gets one made as the program makes every id,
``model.answers.new_id``), and keeps it through any rename or edit, a move and an undo, so the plan
items about it keep finding it.  A moment has two notes with a scope each: ``note`` is about the
process and is carried to the next map (the report's "Notering"), ``assignment_note`` is about this
assignment and stays in this report ("Notering för uppdraget").  The editors offer the note about
the assignment first: names, places and times never travel to another customer's map by default.

``MapEdits`` holds the map being edited, and hands every change to its ``on_change`` callback at
once, so that a session can save after each edit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from intervjufas.errors import AnswerError
from intervjufas.model.answers import INVOLVED, Moment, involved, new_id

MakeId = Callable[[], str]
Moments = tuple[Moment, ...]
# What each editable field is called in messages.
FIELD_WORDS = {
    "name": "namn",
    "involves": "berör",
    "assignment_note": "notering för uppdraget",
    "note": "notering om processen",
}
_NUMBERS = re.compile(r"^\d+(?:\s+\d+)*$")


# -- the operations, on a phase's moments ---------------------------------------------------------


def fresh_id(used: Iterable[str], make_id: MakeId = new_id) -> str:
    """An id made by ``make_id`` that none of ``used`` has."""
    taken = set(used)
    while True:
        made = make_id()
        if made and made not in taken:
            return made


def keep_all(moments: Iterable[Moment], make_id: MakeId = new_id) -> Moments:
    """The map kept as it is, each moment with an id of its own: a moment without one (from an
    old report or an answers file), or with an id an earlier moment has, gets a new one."""
    kept: list[Moment] = []
    seen: set[str] = set()
    for moment in moments:
        if not moment.id or moment.id in seen:
            moment = replace(moment, id=fresh_id({*seen, *(m.id for m in kept)}, make_id))
        seen.add(moment.id)
        kept.append(moment)
    return tuple(kept)


def add(
    moments: Moments,
    name: str,
    involves: Iterable[str] = (),
    assignment_note: str = "",
    note: str = "",
    *,
    at: int | None = None,
    moment_id: str = "",
) -> Moments:
    """The map with a new moment at position ``at`` (last when None); ``moment_id`` must be new."""
    moment = Moment(name, tuple(involves), note, moment_id, assignment_note=assignment_note)
    if not moment.name:
        raise AnswerError("ett moment behöver ett namn")
    if not moment.id or any(m.id == moment.id for m in moments):
        raise AnswerError(f"id '{moment.id}' finns redan på kartan")
    place = len(moments) if at is None else max(0, min(at, len(moments)))
    return (*moments[:place], moment, *moments[place:])


def index_of(moments: Moments, moment_id: str) -> int:
    for index, moment in enumerate(moments):
        if moment.id == moment_id:
            return index
    raise AnswerError("momentet finns inte längre på kartan")


def edit(moments: Moments, moment_id: str, **changes: object) -> Moments:
    """The map with fields of one moment changed (``name``, ``involves``, ``note``,
    ``assignment_note``); its id and its place stay."""
    unknown = set(changes) - set(FIELD_WORDS)
    if unknown:
        raise ValueError(f"not an editable field: {sorted(unknown)}")
    index = index_of(moments, moment_id)
    changed = replace(moments[index], **changes)  # type: ignore[arg-type]
    if not changed.name:
        raise AnswerError("ett moment behöver ett namn")
    return (*moments[:index], changed, *moments[index + 1 :])


def remove(moments: Moments, moment_id: str) -> Moments:
    index = index_of(moments, moment_id)
    return (*moments[:index], *moments[index + 1 :])


def move(moments: Moments, moment_id: str, position: int) -> Moments:
    """The map with one moment moved to ``position`` (0-based, kept within the map)."""
    index = index_of(moments, moment_id)
    rest = (*moments[:index], *moments[index + 1 :])
    place = max(0, min(position, len(rest)))
    return (*rest[:place], moments[index], *rest[place:])


def touched(before: Moments, after: Moments) -> str | None:
    """The id of the first moment of ``after`` that a change made (new, edited or moved), if any."""
    for index, moment in enumerate(after):
        if index >= len(before) or identified((before[index],)) != identified((moment,)):
            return moment.id
    return None


def open_suggestions(moments: Moments, suggestions: Sequence[Moment]) -> tuple[Moment, ...]:
    """The suggested moments (e.g. colleagues') whose name is not on the map yet, each once."""
    on_map = {folded(moment.name) for moment in moments}
    shown: dict[str, Moment] = {}
    for suggestion in suggestions:
        key = folded(suggestion.name)
        if key and key not in on_map and key not in shown:
            shown[key] = suggestion
    return tuple(shown.values())


def identified(moments: Sequence[Moment]) -> list[tuple[Moment, str]]:
    """Moments with what their equality leaves out (their ids): an edit keeps the id."""
    return [(moment, moment.id) for moment in moments]


def folded(name: str) -> str:
    return " ".join(name.casefold().split())


# -- whom a moment involves, as typed ---------------------------------------------------------------


def parse_involves(text: str) -> tuple[str, ...]:
    """Whom a moment involves, typed as numbers (``1,3``: 1 kunden, 2 kandidaten, 3 kollegor),
    names (``kunden, ekonomi``) or both, separated by commas; ``-`` or nothing is nobody."""
    names: list[str] = []
    for part in re.split(r"[,;]", text):
        part = part.strip()
        if not part or part == "-":
            continue
        if _NUMBERS.match(part):
            for number in part.split():
                if not 1 <= int(number) <= len(INVOLVED):
                    raise AnswerError(f"skriv 1–{len(INVOLVED)} ({involves_help()}) eller ett namn")
                names.append(INVOLVED[int(number) - 1])
        else:
            names.append(part)
    return involved(names)


def involves_help() -> str:
    """'1 kunden, 2 kandidaten, 3 kollegor'"""
    return ", ".join(f"{number} {who}" for number, who in enumerate(INVOLVED, start=1))


# -- the map being edited ---------------------------------------------------------------------------


class MapEdits:
    """The moments of one phase while they are edited: every change goes to ``on_change`` at once
    (the session saves it), and can be undone."""

    def __init__(
        self,
        moments: Iterable[Moment],
        on_change: Callable[[Moments], None] | None = None,
        make_id: MakeId = new_id,
    ) -> None:
        self.moments: Moments = keep_all(moments, make_id)
        self.start = self.moments
        self._on_change = on_change
        self._make_id = make_id
        self._undo: list[Moments] = []
        self._used = {moment.id for moment in self.moments}  # (an undo may bring a removed one back)

    @property
    def changed(self) -> bool:
        """Whether the map differs from the one the editing started with (ids and notes included)."""
        return identified(self.moments) != identified(self.start)

    def add(
        self,
        name: str,
        involves: Iterable[str] = (),
        assignment_note: str = "",
        note: str = "",
        *,
        at: int | None = None,
    ) -> Moment:
        moment_id = fresh_id(self._used, self._make_id)
        self._apply(add(self.moments, name, involves, assignment_note, note, at=at, moment_id=moment_id))
        self._used.add(moment_id)
        return self.moments[index_of(self.moments, moment_id)]

    def add_suggestion(self, suggestion: Moment, *, at: int | None = None) -> Moment:
        """A suggested moment (a colleague's) on this map: its name and whom it involves – never
        another consultant's notes – as a new moment of this map."""
        return self.add(suggestion.name, suggestion.involves, at=at)

    def edit(self, moment_id: str, **changes: object) -> Moment:
        """Change fields of a moment; a change that leaves it as it was (the same text, spaces
        aside) is no change: nothing to save, nothing to undo."""
        edited = edit(self.moments, moment_id, **changes)
        if identified(edited) != identified(self.moments):
            self._apply(edited)
        return self.moments[index_of(self.moments, moment_id)]

    def remove(self, moment_id: str) -> Moment:
        removed = self.moments[index_of(self.moments, moment_id)]
        self._apply(remove(self.moments, moment_id))
        return removed

    def move(self, moment_id: str, position: int) -> None:
        moved = move(self.moments, moment_id, position)
        if identified(moved) != identified(self.moments):
            self._apply(moved)

    def move_by(self, moment_id: str, step: int) -> None:
        self.move(moment_id, index_of(self.moments, moment_id) + step)

    def undo(self) -> bool:
        """Take back the last change (False when there is none)."""
        if not self._undo:
            return False
        self.moments = self._undo.pop()
        self._changed()
        return True

    def _apply(self, moments: Moments) -> None:
        self._undo.append(self.moments)
        self.moments = moments
        self._changed()

    def _changed(self) -> None:
        if self._on_change is not None:
            self._on_change(self.moments)
