"""The keys of the suggestion offer: on a terminal one key per moment (k map, p plan, h skip) with
the pointer moving on, in plain lines "1k 2p"; without a reflection to add to, p is no key."""

from __future__ import annotations

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from intervjufas.errors import AnswerError
from intervjufas.reading.process_map.team_suggestions import Suggestion
from intervjufas.session.suggestions import offer_question
from intervjufas.views.prompting.suggestion_keys import choose_on_terminal, chosen_in_line, chosen_line

FOUND = [Suggestion("Kallelse", 3, 6, ("kunden",)), Suggestion("Referenser", 1, 6, ()), Suggestion("Ringa", 1, 6, ())]
UP = "\x1b[A"


def on_terminal(keys: str, *, to_plan: bool = True) -> tuple[str, ...]:
    with create_pipe_input() as typed:
        typed.send_text(keys)
        return choose_on_terminal(offer_question("fore", FOUND, to_plan=to_plan), input=typed, output=DummyOutput())


@pytest.mark.parametrize(
    ("keys", "chosen"),
    [
        ("\r", ("", "", "")),
        ("kp\r", ("kartan", "planen", "")),
        ("hhP\r", ("", "", "planen")),
        ("kk" + UP + "h\r", ("kartan", "", "")),
        ("ppp" + "k\r", ("planen", "planen", "kartan")),  # (the pointer stays on the last moment)
    ],
)
def test_one_key_per_moment_on_a_terminal(keys: str, chosen: tuple[str, ...]) -> None:
    assert on_terminal(keys) == chosen


def test_without_a_reflection_to_add_to_p_is_no_key() -> None:
    assert on_terminal("pk\r", to_plan=False) == ("kartan", "", "")


@pytest.mark.parametrize(
    ("typed", "chosen"),
    [
        ("", ("", "", "")),
        ("1k 3p", ("kartan", "", "planen")),
        ("1 K, 2 p;3h", ("kartan", "planen", "")),
    ],
)
def test_plain_lines(typed: str, chosen: tuple[str, ...]) -> None:
    assert chosen_in_line(offer_question("fore", FOUND, to_plan=True), typed) == chosen


@pytest.mark.parametrize("typed", ["4k", "1x", "k", "kallelse"])
def test_plain_lines_refuse_what_is_not_a_number_and_a_key(typed: str) -> None:
    with pytest.raises(AnswerError):
        chosen_in_line(offer_question("fore", FOUND, to_plan=True), typed)


def test_one_moment_takes_the_key_alone_and_p_only_with_a_plan() -> None:
    one = FOUND[:1]
    assert chosen_in_line(offer_question("fore", one, to_plan=True), "p") == ("planen",)
    with pytest.raises(AnswerError):
        chosen_in_line(offer_question("fore", one, to_plan=False), "p")
    assert chosen_line(("A", "B"), ("", "planen")) == "B → planen"
    assert chosen_line(("A",), ("",)) == "(inget valt)"
