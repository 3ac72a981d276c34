"""The map editor and the reflection in plain lines (``--enkel``): each command line and what it
does to the map, what is printed, and what a stop keeps."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from intervjufas.errors import PartialAnswer
from intervjufas.model.answers import ActionItem, Moment
from intervjufas.views.process_map.editor_lines import HELP, PROMPT, edit_map_in_lines
from intervjufas.views.process_map.reflection_lines import reflect_in_lines

MAP = (
    Moment("Genomgång av kravprofilen", ("kunden",), "En vecka före", "m1"),
    Moment("Informationsutskick", ("kandidaten",), "", "m2"),
    Moment("Referenstagning", (), "", "m3"),
)


def typing(*lines: str) -> tuple[Callable[[str], str], list[str]]:
    """A reader that answers each prompt with the next line (EOFError after the last), and the
    transcript of prompts and printed lines."""
    given, out = list(lines), []

    def read(prompt: str) -> str:
        assert prompt.endswith(" "), prompt  # (a plain prompt: the program then reads)
        out.append(prompt)
        if not given:
            raise EOFError
        return given.pop(0)

    return read, out


def edit(*lines: str, moments=MAP, **options: object) -> tuple[tuple[Moment, ...], str]:
    read, out = typing(*lines)
    result = edit_map_in_lines(moments, read=read, write=out.append, **options)
    return result, "\n".join(out)


def test_the_map_is_printed_numbered_and_an_empty_line_keeps_it() -> None:
    changes: list[object] = []
    result, out = edit("", on_change=changes.append, question="Vilka moment?")
    assert list(result) == list(MAP) and changes == []
    assert "Vilka moment?\n  1. Genomgång av kravprofilen (kunden)\n     Processen: En vecka före\n" in out
    assert "  3. Referenstagning\n" in out and out.endswith(PROMPT)


def test_a_new_moment_in_one_line() -> None:
    result, out = edit("+ Kontakt ; 1,2 ; Ahmed ringer ; Samma dag", "+Avslut", "")
    assert result[3] == Moment(
        "Kontakt", ("kunden", "kandidaten"), "Samma dag", result[3].id, assignment_note="Ahmed ringer"
    )
    assert result[4].name == "Avslut" and result[4].id not in {m.id for m in result[:4]}
    assert "Lade till 4. Kontakt (kunden, kandidaten)." in out


def test_every_field_of_any_moment_and_the_identity_kept() -> None:
    changes: list[tuple[Moment, ...]] = []
    lines = ("r 2 Informationsbrev", "b 2 kunden, 2", "n 2 Via Ahmed", "p 2 Mall i mappen", "p 1 -", "")
    result, out = edit(*lines, on_change=changes.append)
    assert result[1] == Moment(
        "Informationsbrev", ("kunden", "kandidaten"), "Mall i mappen", "m2", assignment_note="Via Ahmed"
    )
    assert result[0].note == "" and len(changes) == 5
    assert (
        "2. heter nu Informationsbrev." in out
        and "1. Genomgång av kravprofilen: notering om processen borttagen." in out
    )


def test_remove_move_undo_and_list_again() -> None:
    result, out = edit("t 1", "f 2 1", "u", "f 1 2", "l", "")
    assert [m.id for m in result] == ["m3", "m2"]
    assert (
        "Tog bort 1. Genomgång av kravprofilen. u ångrar." in out and "Ångrade den senaste ändringen." in out
    )
    assert out.endswith("  1. Referenstagning\n  2. Informationsutskick (kandidaten)\n2 moment.\n" + PROMPT)


def test_suggestions_are_numbered_and_added_by_number() -> None:
    result, out = edit(
        "a 1", "", suggestions=[Moment("Uppföljningssamtal", ("kandidaten",), "x"), Moment("Referenstagning")]
    )
    assert "Förslag från kollegor (a NR lägger till):\n  1) Uppföljningssamtal (kandidaten)" in out
    assert (result[-1].name, result[-1].note) == ("Uppföljningssamtal", "")


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("Kontakt", "Förstod inte 'Kontakt'. Skriv ? för hjälp."),
        ("t 9", "Det finns inget moment '9' (1–3)."),
        ("b 2 5", "Skriv 1–3 (1 kunden, 2 kandidaten, 3 kollegor) eller ett namn."),
        ("r 2", "Ett moment behöver ett namn."),
        ("n 2", "Skriv texten efter numret, t.ex. n 2 …, eller - för att ta bort."),
        ("+ ; kunden", "Ett moment behöver ett namn."),
        ("f 1 x", "Det finns inget plats 'x' (1–3)."),
    ],
)
def test_a_line_that_is_not_understood_is_said_and_nothing_changes(line: str, said: str) -> None:
    result, out = edit(line, "")
    assert said in out and list(result) == list(MAP)


def test_help_lists_every_command() -> None:
    _, out = edit("?", "")
    assert "\n".join(HELP) in out
    for command in ("+ namn", "b NR", "n NR", "p NR", "r NR", "t NR", "f NR", "a NR", "  u", "  l"):
        assert command in out


def test_a_stop_keeps_the_edits() -> None:
    with pytest.raises(PartialAnswer) as stopped:
        edit("t 2", "+ Nytt")  # (then the input ends)
    assert [m.name for m in stopped.value.answer.value] == ["Genomgång av kravprofilen", "Referenstagning", "Nytt"]
    with pytest.raises(EOFError):
        edit()


# -- the reflection ---------------------------------------------------------------------------------


def reflect(kind: str, *lines: str, **options: object) -> tuple[tuple[ActionItem, ...], str]:
    read, out = typing(*lines)
    result = reflect_in_lines(kind, MAP, read=read, write=out.append, **options)
    return result, "\n".join(out)


def test_an_empty_line_chooses_nothing() -> None:
    assert reflect("utveckla", "", "")[0] == ()


def test_chosen_by_number_with_a_reason_each() -> None:
    items, out = reflect("utveckla", "3,1", "Tydligare", "", "+ Kort samtal ; Lugnare", "")
    assert [(i.moment, i.why, i.moment_id) for i in items] == [
        ("Genomgång av kravprofilen", "Tydligare", "m1"),
        ("Referenstagning", "", "m3"),
        ("Kort samtal", "Lugnare", ""),
    ]
    assert "Skriv numren på de moment du vill utveckla, t.ex. 1,3 (Enter = inga): " in out


def test_a_moment_chosen_to_develop_is_refused_for_removal() -> None:
    items, out = reflect("ta_bort", "1,2", "1", "", "", taken={"m2": "utveckla"})
    assert "  2) Informationsutskick – valt att utveckla, kan inte väljas här" in out
    assert "'Informationsutskick' är redan valt att utveckla" in out and "Försök igen." in out
    assert [i.moment_id for i in items] == ["m1"]


def test_earlier_choices_are_offered_and_kept_with_enter() -> None:
    earlier = [ActionItem("Referenstagning", "Tar tid", id="i1", moment_id="m3")]
    items, out = reflect("ta_bort", "", "", "", earlier=earlier)
    assert "[standard: 3]" in out and "Varför – Referenstagning? [standard: Tar tid] " in out
    assert [(i.moment_id, i.why, i.id) for i in items] == [("m3", "Tar tid", "i1")]


def test_moments_to_add_with_whom_and_purpose() -> None:
    items, out = reflect("lagga_till", "+ Kort samtal ; 2 ; Minska nervositeten", "Extra", "t 2", "")
    assert items == (ActionItem("Kort samtal", "Minska nervositeten", involves=("kandidaten",)),)
    assert "Din karta: Genomgång av kravprofilen; Informationsutskick; Referenstagning" in out
