"""The full-screen map editor and the reflection on the map, driven in-process by keys through a
pipe (prompt_toolkit's own test input): what each key does to the map, and how the rows are laid
out for a narrow and a wide terminal."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.color_depth import ColorDepth

from intervjufas.errors import PartialAnswer
from intervjufas.model.answers import ActionItem, Moment
from intervjufas.views.process_map.map_editor import MapEditor, edit_map, summary
from intervjufas.views.process_map.reflection import ReflectionScreen, reflect_on_map

ENTER, TAB, SPACE, DOWN, UP = "\r", "\t", " ", "\x1b[B", "\x1b[A"
ALT_DOWN, ALT_UP, SHIFT_UP, CTRL_C, CTRL_D = "\x1b[1;3B", "\x1b[1;3A", "\x1b[1;2A", "\x03", "\x04"
MAP = (
    Moment("Genomgång av kravprofilen", ("kunden",), "En vecka före", "m1"),
    Moment("Informationsutskick", ("kandidaten",), "", "m2"),
    Moment("Referenstagning", (), "", "m3"),
)


@pytest.fixture
def keys() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe:
        yield pipe


def edited(keys: PipeInput, typed: str, moments=MAP, **options: object) -> tuple[Moment, ...]:
    keys.send_text(typed)
    return edit_map(
        moments,
        title="Före intervjuerna",
        question="Vilka moment?",
        input=keys,
        output=DummyOutput(),
        **options,
    )


def test_enter_keeps_the_whole_map(keys: PipeInput) -> None:
    changes: list[object] = []
    kept = edited(keys, ENTER, on_change=changes.append)
    assert list(kept) == list(MAP) and [m.id for m in kept] == ["m1", "m2", "m3"]
    assert changes == []


def test_a_new_moment_on_one_form_then_the_next(keys: PipeInput) -> None:
    changes: list[tuple[Moment, ...]] = []
    typed = f"nKontakt{TAB}1,2{TAB}Ahmed ringer{TAB}Samma dag{ENTER}Avslut{TAB}ekonomi{ENTER}{ENTER}{ENTER}"
    result = edited(keys, typed, on_change=changes.append)
    assert result[3] == Moment(
        "Kontakt", ("kunden", "kandidaten"), "Samma dag", result[3].id, assignment_note="Ahmed ringer"
    )
    assert (result[4].name, result[4].involves) == ("Avslut", ("ekonomi",))
    assert len(changes) == 2 and changes[-1] == result


def test_an_empty_map_opens_the_form_at_once(keys: PipeInput) -> None:
    result = edited(keys, f"Första{ENTER}{ENTER}{ENTER}", moments=())
    assert [m.name for m in result] == ["Första"]


def test_change_any_field_and_keep_the_identity(keys: PipeInput) -> None:
    typed = f"{DOWN}r\x15Informationsbrev{TAB}\x15kandidaten, 1{TAB}Via Ahmed{TAB}Mall i mappen{ENTER}{ENTER}"
    result = edited(keys, typed)
    assert result[1] == Moment(
        "Informationsbrev", ("kunden", "kandidaten"), "Mall i mappen", "m2", assignment_note="Via Ahmed"
    )


def test_remove_move_and_undo(keys: PipeInput) -> None:
    changes: list[object] = []
    # remove m1; m2 down, up and down again (the cursor follows it); at the end it stays;
    # remove it, and take that back
    typed = f"t{ALT_DOWN}{SHIFT_UP}{ALT_DOWN}{ALT_DOWN}tu{ENTER}"
    result = edited(keys, typed, on_change=changes.append)
    assert [m.id for m in result] == ["m3", "m2"] and len(changes) == 6
    assert [[m.id for m in change] for change in changes][:4] == [
        ["m2", "m3"],
        ["m3", "m2"],
        ["m2", "m3"],
        ["m3", "m2"],
    ]


def test_a_suggestion_is_added_with_one_key(keys: PipeInput) -> None:
    offered = [Moment("Uppföljningssamtal", ("kandidaten",), "Annas notering"), Moment("referenstagning")]
    result = edited(keys, f"{DOWN * 3}l{ENTER}", suggestions=offered)
    assert (result[-1].name, result[-1].involves, result[-1].note) == (
        "Uppföljningssamtal",
        ("kandidaten",),
        "",
    )


def test_a_refused_field_keeps_the_form_open(keys: PipeInput) -> None:
    result = edited(keys, f"nNamn{TAB}7{ENTER}\x082{ENTER}{ENTER}{ENTER}")
    assert (result[-1].name, result[-1].involves) == ("Namn", ("kandidaten",))


@pytest.mark.parametrize("stop", [CTRL_C, CTRL_D])
def test_a_stop_keeps_the_edits_and_what_was_typed(keys: PipeInput, stop: str) -> None:
    with pytest.raises(PartialAnswer) as stopped:
        edited(keys, f"tnHalvt skrivet{TAB}1{stop}")
    assert [m.name for m in stopped.value.answer.value] == [
        "Informationsutskick",
        "Referenstagning",
        "Halvt skrivet",
    ]
    assert isinstance(stopped.value.cause, KeyboardInterrupt if stop == CTRL_C else EOFError)


def test_a_stop_without_edits_is_a_plain_stop(keys: PipeInput) -> None:
    with pytest.raises(KeyboardInterrupt) as stopped:
        edited(keys, CTRL_C)
    assert not isinstance(stopped.value, PartialAnswer)


def test_narrow_rows_are_stacked_and_wide_rows_side_by_side() -> None:
    editor = MapEditor(MAP, title="Före", question="Vilka?")
    narrow = ["".join(text for _, text in line) for row in editor.rows(60) for line in row.lines]
    wide = ["".join(text for _, text in line) for row in editor.rows(120) for line in row.lines]
    assert narrow[:3] == [
        "  1. Genomgång av kravprofilen",
        "     Berör: kunden",
        "     Processen: En vecka före",
    ]
    assert wide[0].startswith("  1. Genomgång av kravprofilen  ") and wide[0].endswith("kunden")
    assert wide[1] == "     Processen: En vecka före"


def test_no_color_draws_without_colour(keys: PipeInput) -> None:
    keys.send_text(ENTER)
    editor = MapEditor(MAP, title="Före", question="Vilka?", no_color=True)
    editor.run(keys, DummyOutput())
    assert editor.screen.app is not None and editor.screen.app.color_depth == ColorDepth.DEPTH_1_BIT


def test_summary() -> None:
    assert summary(()) == "(inga moment)"
    assert summary(tuple(MAP[:2])) == (
        "2 moment: Genomgång av kravprofilen (kunden); Informationsutskick (kandidaten)"
    )


# -- the reflection -------------------------------------------------------------------------------


def reflected(keys: PipeInput, kind: str, typed: str, **options: object) -> tuple[ActionItem, ...]:
    keys.send_text(typed)
    return reflect_on_map(
        kind, MAP, title="Reflektion", question="Vad?", input=keys, output=DummyOutput(), **options
    )


def test_enter_alone_chooses_nothing(keys: PipeInput) -> None:
    assert reflected(keys, "utveckla", ENTER) == ()


def test_space_marks_enter_confirms_and_asks_why_for_each(keys: PipeInput) -> None:
    items = reflected(keys, "utveckla", f"{SPACE}{DOWN}{DOWN}{SPACE}{ENTER}Tydligare{ENTER}{ENTER}")
    assert [(i.moment, i.why, i.moment_id) for i in items] == [
        ("Genomgång av kravprofilen", "Tydligare", "m1"),
        ("Referenstagning", "", "m3"),
    ]


def test_a_moment_taken_by_another_reflection_cannot_be_marked(keys: PipeInput) -> None:
    keys.send_text(f"{DOWN}{SPACE}{CTRL_C}")
    screen = ReflectionScreen("ta_bort", MAP, title="R", question="Vad?", taken={"m2": "utveckla"})
    with pytest.raises(KeyboardInterrupt) as stopped:
        screen.run(keys, DummyOutput())
    assert not isinstance(stopped.value, PartialAnswer) and screen.reflection.items() == ()
    assert "'Informationsutskick' är redan valt att utveckla" in screen.screen.message
    assert screen.screen.message_is_error


def test_moments_to_add_get_a_form_at_once(keys: PipeInput) -> None:
    typed = f"Kort samtal{TAB}2{TAB}Minska nervositeten{ENTER}{ENTER}{ENTER}"
    items = reflected(keys, "lagga_till", typed)
    assert items == (ActionItem("Kort samtal", "Minska nervositeten", involves=("kandidaten",)),)


def test_a_stopped_reflection_keeps_what_was_marked(keys: PipeInput) -> None:
    with pytest.raises(PartialAnswer) as stopped:
        reflected(keys, "ta_bort", f"{SPACE}{CTRL_C}")
    assert [i.moment_id for i in stopped.value.answer.value] == ["m1"]
