"""The reflection on a phase's map, without any drawing: which moments to develop or remove,
each with a reason, and which new moments to add, each with its purpose.

Each reflection question of the question set (``plan: utveckla``, ``ta_bort``, ``lagga_till``) is
answered on its own, with the map in view.  Moments are marked on the map; only what is marked is
chosen (confirming with nothing marked chooses nothing).  A moment chosen in one reflection of a
mapping is *taken* for the others: it cannot be both developed and removed.  The answer is the
question's action items: the marked moments in the map's order, then the moments typed in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from intervjufas.errors import AnswerError
from intervjufas.model.answers import ActionItem, Moment, involved, one_line

PICKS_FROM_MAP = ("utveckla", "ta_bort")
KINDS = (*PICKS_FROM_MAP, "lagga_till")
# "'X' är redan valt att …" – what a moment taken by another reflection was chosen for.
CHOSEN_TO = {"utveckla": "utveckla", "ta_bort": "ta bort", "lagga_till": "lägga till"}
Items = tuple[ActionItem, ...]


def taken_by(chosen: Mapping[str, Iterable[ActionItem]]) -> dict[str, str]:
    """Moment id → the kind of reflection (``utveckla``, ``ta_bort``) that chose it, from the
    items each reflection of this mapping chose so far (``{"utveckla": items, …}``)."""
    taken: dict[str, str] = {}
    for kind, items in chosen.items():
        for item in items:
            if item.moment_id:
                taken.setdefault(item.moment_id, kind)
    return taken


class Reflection:
    """One reflection on one phase's map while it is answered; every change goes to
    ``on_change`` with the items it makes (the session can keep them as an unfinished answer)."""

    def __init__(
        self,
        kind: str,
        moments: Sequence[Moment],
        *,
        earlier: Iterable[ActionItem] = (),
        taken: Mapping[str, str] | None = None,
        on_change: Callable[[Items], None] | None = None,
    ) -> None:
        """``earlier``: the items this question has already (a continued report); ``taken``: the
        moments earlier reflections of this mapping chose (see ``taken_by``)."""
        if kind not in KINDS:
            raise ValueError(f"unknown reflection: {kind}")
        self.kind = kind
        self.moments = tuple(moments) if kind in PICKS_FROM_MAP else ()
        self.map = tuple(moments)  # (shown for every kind; picked from only to develop or remove)
        self.taken = {key: value for key, value in (taken or {}).items() if value != kind}
        self._on_change = on_change
        self.marked: dict[str, ActionItem] = {}  # moment id -> its item (why, and the item's id)
        self.reasons: dict[str, str] = {}  # reasons typed, kept while a mark is undone
        self.added: list[ActionItem] = []
        on_map = {moment.id: moment for moment in self.moments if moment.id}
        for item in earlier:
            if item.moment_id in on_map and item.moment_id not in self.taken:
                self.marked[item.moment_id] = replace(item, moment=on_map[item.moment_id].name)
            else:
                self.added.append(item)
        self.start = self.items()

    @property
    def changed(self) -> bool:
        return _identified(self.items()) != _identified(self.start)

    @property
    def picks_from_map(self) -> bool:
        return self.kind in PICKS_FROM_MAP

    def taken_as(self, moment_id: str) -> str | None:
        """What another reflection chose this moment for (``utveckla``, ``ta_bort``), if anything."""
        return self.taken.get(moment_id)

    def toggle(self, moment_id: str) -> bool:
        """Mark a moment on the map, or take its mark away; True when it is marked now.  A moment
        another reflection chose is refused (AnswerError)."""
        moment = self._moment(moment_id)
        other = self.taken_as(moment_id)
        if other is not None:
            raise AnswerError(
                f"'{moment.name}' är redan valt att {CHOSEN_TO[other]} – ett moment kan inte både "
                "utvecklas och tas bort i samma kartläggning"
            )
        if moment_id in self.marked:
            self.reasons[moment_id] = self.marked.pop(moment_id).why
        else:
            self.marked[moment_id] = ActionItem(
                moment.name, self.reasons.get(moment_id, ""), moment_id=moment_id
            )
        self._changed()
        return moment_id in self.marked

    def set_why(self, moment_id: str, why: str) -> None:
        """The reason for a marked moment."""
        if moment_id not in self.marked:
            raise AnswerError(f"'{self._moment(moment_id).name}' är inte markerat")
        self.marked[moment_id] = replace(self.marked[moment_id], why=why)
        self._changed()

    def add(self, moment: str, why: str = "", involves: Iterable[str] = ()) -> int:
        """A moment that is not on the map (its name), with its purpose (and, to add, whom it
        involves); returns its place among the added ones."""
        if not one_line(moment):
            raise AnswerError("ett moment behöver ett namn")
        self.added.append(ActionItem(moment, why, involves=involved(tuple(involves))))
        self._changed()
        return len(self.added) - 1

    def edit_added(self, index: int, **changes: object) -> None:
        """Change ``moment`` (the name), ``why`` or ``involves`` of an added moment."""
        changed = replace(self.added[index], **changes)  # type: ignore[arg-type]
        if not changed.moment:
            raise AnswerError("ett moment behöver ett namn")
        self.added[index] = changed
        self._changed()

    def remove_added(self, index: int) -> ActionItem:
        removed = self.added.pop(index)
        self._changed()
        return removed

    def items(self) -> Items:
        """The answer: the marked moments in the map's order, then the added ones."""
        marked = [self.marked[m.id] for m in self.moments if m.id in self.marked]
        return (*marked, *self.added)

    def _moment(self, moment_id: str) -> Moment:
        for moment in self.moments:
            if moment.id == moment_id:
                return moment
        raise AnswerError("momentet finns inte på kartan")

    def _changed(self) -> None:
        if self._on_change is not None:
            self._on_change(self.items())


def _identified(items: Items) -> list[tuple[ActionItem, str, str]]:
    """Items with what their equality leaves out (their ids)."""
    return [(item, item.id, item.moment_id) for item in items]
