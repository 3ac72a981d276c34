"""The map editor's operations without a screen: ids made once and kept through every edit, notes
with their scope, whom a moment involves as typed, and every change handed on at once."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from intervjufas.errors import AnswerError
from intervjufas.model.answers import Moment
from intervjufas.session.map_edits import (
    MapEdits,
    add,
    edit,
    keep_all,
    move,
    open_suggestions,
    parse_involves,
    remove,
    touched,
)

CARRIED = (
    Moment("Genomgång av kravprofilen", ("kunden",), "En vecka före", "a1b2c3d4"),
    Moment("Informationsutskick", ("kandidaten",), "", "b2c3d4e5"),
    Moment("Referenstagning", (), "", "c3d4e5f6"),
)


def counting_ids(prefix: str = "n") -> object:
    """Ids made in order, each made twice: a made id that is taken must be made again."""
    counter = itertools.count()
    return lambda: f"{prefix}{next(counter) // 2}"


def test_kept_map_keeps_carried_ids_and_gives_the_missing_ones() -> None:
    kept = keep_all([*CARRIED, Moment("Utan id"), Moment("Samma id", id="a1b2c3d4")], counting_ids())
    assert [m.id for m in kept[:3]] == ["a1b2c3d4", "b2c3d4e5", "c3d4e5f6"]
    assert kept[3].id and kept[4].id and len({m.id for m in kept}) == 5
    assert [m.name for m in kept] == [m.name for m in (*CARRIED, Moment("Utan id"), Moment("Samma id"))]


def test_rename_and_edits_keep_the_id_and_the_place() -> None:
    moments = keep_all(CARRIED)
    renamed = edit(moments, "b2c3d4e5", name="Informationsbrev", involves=("kandidaten", "kunden"))
    assert [m.id for m in renamed] == [m.id for m in moments]
    assert renamed[1] == Moment("Informationsbrev", ("kunden", "kandidaten"), id="b2c3d4e5")
    noted = edit(renamed, "b2c3d4e5", assignment_note="Skickas av Ahmed", note="Mall finns")
    assert (noted[1].assignment_note, noted[1].note, noted[1].id) == (
        "Skickas av Ahmed",
        "Mall finns",
        "b2c3d4e5",
    )


@pytest.mark.parametrize("name", ["", "   ", "\n"])
def test_a_moment_needs_a_name(name: str) -> None:
    moments = keep_all(CARRIED)
    with pytest.raises(AnswerError, match="namn"):
        edit(moments, "a1b2c3d4", name=name)
    with pytest.raises(AnswerError, match="namn"):
        add(moments, name, moment_id="new1")


def test_add_refuses_an_id_on_the_map_and_places_the_moment() -> None:
    moments = keep_all(CARRIED)
    with pytest.raises(AnswerError):
        add(moments, "Ny", moment_id="a1b2c3d4")
    assert [m.name for m in add(moments, "Ny", moment_id="n1", at=0)][:2] == [
        "Ny",
        "Genomgång av kravprofilen",
    ]
    assert add(moments, "Sist", moment_id="n2")[-1].name == "Sist"


def test_remove_and_move() -> None:
    moments = keep_all(CARRIED)
    assert [m.id for m in remove(moments, "b2c3d4e5")] == ["a1b2c3d4", "c3d4e5f6"]
    assert [m.id for m in move(moments, "c3d4e5f6", 0)] == ["c3d4e5f6", "a1b2c3d4", "b2c3d4e5"]
    assert [m.id for m in move(moments, "a1b2c3d4", 99)] == ["b2c3d4e5", "c3d4e5f6", "a1b2c3d4"]
    with pytest.raises(AnswerError):
        remove(moments, "gone")


def test_every_change_is_handed_on_at_once_and_can_be_undone() -> None:
    seen: list[tuple[Moment, ...]] = []
    edits = MapEdits(CARRIED, seen.append)
    assert not edits.changed and seen == []
    added = edits.add("Kontakt", ("kunden",), "Ahmed ringer")
    edits.edit(added.id, name="Första kontakten")
    edits.edit(added.id, name=" Första kontakten ")  # (the same, spaces aside: nothing handed on)
    edits.move_by(added.id, -1)
    removed = edits.remove("a1b2c3d4")
    assert len(seen) == 4 and seen[-1] == edits.moments and edits.changed
    assert edits.undo() and edits.moments[0] == removed
    assert edits.undo() and edits.moments[-1].id == added.id
    assert edits.undo() and edits.undo() and not edits.undo()
    assert edits.moments == edits.start and not edits.changed and len(seen) == 8


def test_what_a_change_touched() -> None:
    moments = keep_all(CARRIED)
    assert touched(moments, moments) is None
    assert touched(moments, remove(moments, "b2c3d4e5")) == "c3d4e5f6"
    assert touched(remove(moments, "b2c3d4e5"), moments) == "b2c3d4e5"
    assert touched(moments, edit(moments, "c3d4e5f6", note="Ny")) == "c3d4e5f6"
    assert touched(moments, move(moments, "c3d4e5f6", 0)) == "c3d4e5f6"


def test_a_suggestion_brings_its_name_and_whom_but_no_note() -> None:
    edits = MapEdits(CARRIED, make_id=counting_ids("s"))
    colleague = Moment("Uppföljningssamtal", ("kandidaten",), "Annas anteckning", "their-id")
    added = edits.add_suggestion(colleague)
    assert (added.name, added.involves, added.note, added.assignment_note) == (
        "Uppföljningssamtal",
        ("kandidaten",),
        "",
        "",
    )
    assert added.id not in {"their-id", *(m.id for m in CARRIED)}


def test_open_suggestions_leave_out_names_on_the_map() -> None:
    moments = keep_all(CARRIED)
    offered = [Moment("referenstagning  "), Moment("Nytt"), Moment("NYTT"), Moment("")]
    assert [m.name for m in open_suggestions(moments, offered)] == ["Nytt"]


@pytest.mark.parametrize(
    ("typed", "whom"),
    [
        ("1,3", ("kunden", "kollegor")),
        ("2 1", ("kunden", "kandidaten")),
        ("kandidaten, Ekonomi", ("kandidaten", "Ekonomi")),
        ("3; chefen", ("kollegor", "chefen")),
        ("-", ()),
        ("", ()),
    ],
)
def test_whom_is_typed_as_numbers_or_names(typed: str, whom: tuple[str, ...]) -> None:
    assert parse_involves(typed) == whom


@pytest.mark.parametrize("typed", ["4", "0", "1,7"])
def test_a_number_outside_the_list_is_refused(typed: str) -> None:
    with pytest.raises(AnswerError, match="1 kunden, 2 kandidaten, 3 kollegor"):
        parse_involves(typed)


names = st.text(alphabet="abcåäö XYZ-", min_size=1, max_size=12).filter(lambda text: text.strip())


class EditingSession(RuleBasedStateMachine):
    """Any sequence of edits: ids stay unique, and a moment's id never changes while it is on the map
    (a rename, a note, a move), also when ids are made that are taken already."""

    def __init__(self) -> None:
        super().__init__()
        self.handed: list[tuple[Moment, ...]] = []
        self.edits = MapEdits(CARRIED, self.handed.append, make_id=counting_ids())
        self.names = {m.id: m.name for m in self.edits.moments}  # what each id is called
        self.history: list[dict[str, str]] = []

    def _remember(self) -> None:
        self.history.append(dict(self.names))

    @rule(name=names)
    def add(self, name: str) -> None:
        self._remember()
        added = self.edits.add(name)
        assert added.id not in self.names
        self.names[added.id] = added.name

    @precondition(lambda self: self.edits.moments)
    @rule(data=st.data(), name=names)
    def rename(self, data: st.DataObject, name: str) -> None:
        moment = data.draw(st.sampled_from(self.edits.moments))
        if moment.name != Moment(name).name:
            self._remember()
        self.names[moment.id] = self.edits.edit(moment.id, name=name).name

    @precondition(lambda self: self.edits.moments)
    @rule(data=st.data(), note=names)
    def note(self, data: st.DataObject, note: str) -> None:
        moment = data.draw(st.sampled_from(self.edits.moments))
        if moment.assignment_note != Moment("x", assignment_note=note).assignment_note:
            self._remember()
        self.edits.edit(moment.id, assignment_note=note)

    @precondition(lambda self: self.edits.moments)
    @rule(data=st.data())
    def remove(self, data: st.DataObject) -> None:
        moment = data.draw(st.sampled_from(self.edits.moments))
        self._remember()
        self.edits.remove(moment.id)
        del self.names[moment.id]

    @precondition(lambda self: len(self.edits.moments) > 1)
    @rule(data=st.data(), place=st.integers(-2, 8))
    def move(self, data: st.DataObject, place: int) -> None:
        moment = data.draw(st.sampled_from(self.edits.moments))
        before = self.edits.moments
        self.edits.move(moment.id, place)
        if self.edits.moments != before:
            self.history.append(dict(self.names))

    @rule()
    def undo(self) -> None:
        if self.edits.undo():
            self.names = self.history.pop()

    @invariant()
    def ids_are_unique_and_stable(self) -> None:
        ids = [m.id for m in self.edits.moments]
        assert all(ids) and len(set(ids)) == len(ids)
        assert {m.id: m.name for m in self.edits.moments} == self.names

    @invariant()
    def every_change_was_handed_on(self) -> None:
        assert (self.handed[-1] if self.handed else self.edits.start) == self.edits.moments


TestEditingSession = EditingSession.TestCase
TestEditingSession.settings = settings(max_examples=150, stateful_step_count=30, deadline=None)
