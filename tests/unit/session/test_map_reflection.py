"""The reflection on the map without a screen: only what is marked is chosen, reasons stay with
their moment, and a moment cannot be both developed and removed in one mapping."""

from __future__ import annotations

import pytest

from intervjufas.errors import AnswerError
from intervjufas.model.answers import ActionItem, Moment
from intervjufas.session.map_reflection import Reflection, taken_by

MAP = (
    Moment("Genomgång av kravprofilen", ("kunden",), id="m1"),
    Moment("Informationsutskick", ("kandidaten",), id="m2"),
    Moment("Referenstagning", (), id="m3"),
)


def test_nothing_is_chosen_until_something_is_marked() -> None:
    assert Reflection("utveckla", MAP).items() == ()


def test_marked_moments_come_in_the_maps_order_with_their_reasons() -> None:
    seen: list[tuple[ActionItem, ...]] = []
    reflection = Reflection("utveckla", MAP, on_change=seen.append)
    assert reflection.toggle("m3") and reflection.toggle("m1")
    reflection.set_why("m3", "Tar för lång tid")
    items = reflection.items()
    assert [(i.moment, i.why, i.moment_id) for i in items] == [
        ("Genomgång av kravprofilen", "", "m1"),
        ("Referenstagning", "Tar för lång tid", "m3"),
    ]
    assert seen[-1] == items and reflection.changed


def test_a_mark_taken_away_and_given_back_keeps_its_reason() -> None:
    reflection = Reflection("ta_bort", MAP)
    reflection.toggle("m2")
    reflection.set_why("m2", "Ingen läser det")
    assert not reflection.toggle("m2") and reflection.items() == ()
    assert reflection.toggle("m2") and reflection.items()[0].why == "Ingen läser det"


def test_a_moment_chosen_to_develop_cannot_be_removed() -> None:
    developed = Reflection("utveckla", MAP)
    developed.toggle("m2")
    taken = taken_by({"utveckla": developed.items()})
    removing = Reflection("ta_bort", MAP, taken=taken)
    assert removing.taken_as("m2") == "utveckla"
    with pytest.raises(AnswerError, match="'Informationsutskick' är redan valt att utveckla"):
        removing.toggle("m2")
    assert removing.items() == ()
    assert Reflection("utveckla", MAP, taken=taken).toggle("m2")  # (its own choice is no conflict)


def test_earlier_items_are_marked_or_added_and_keep_their_ids() -> None:
    earlier = [
        ActionItem("Gammalt namn", "Skäl", id="i1", moment_id="m1"),
        ActionItem("Inte på kartan", "Varför inte", id="i2"),
        ActionItem("Borta från kartan", "", id="i3", moment_id="gone"),
    ]
    reflection = Reflection("utveckla", MAP, earlier=earlier)
    items = reflection.items()
    assert [(i.moment, i.id, i.moment_id) for i in items] == [
        ("Genomgång av kravprofilen", "i1", "m1"),
        ("Inte på kartan", "i2", ""),
        ("Borta från kartan", "i3", "gone"),
    ]
    assert not reflection.changed


def test_new_moments_to_add_have_a_purpose_and_whom_they_involve() -> None:
    reflection = Reflection("lagga_till", MAP)
    with pytest.raises(AnswerError):
        reflection.toggle("m1")  # (adding picks nothing on the map)
    index = reflection.add("Kort samtal", "Minska nervositeten", ["kandidaten"])
    reflection.edit_added(index, why="Lugnare kandidater")
    assert reflection.items() == (ActionItem("Kort samtal", "Lugnare kandidater", involves=("kandidaten",)),)
    with pytest.raises(AnswerError, match="namn"):
        reflection.add("  ")
    assert reflection.remove_added(0).moment == "Kort samtal" and reflection.items() == ()
