"""The Questionary prompts laid out for the terminal's width: questions and hints wrapped at spaces
(never mid-word), the hint on its own lines when it does not fit after the question, and a short
answer room moved to a line of its own."""

from __future__ import annotations

from io import StringIO

import pytest
from rich.console import Console

from intervjufas.views.prompting.prompt_text import MULTILINE_HELP, SELECT_HELP
from intervjufas.views.prompting.questionary_prompter import QuestionaryPrompter

QUESTION = "Gör du kartläggningen individuellt eller tillsammans med en kollega?"


def prompter(width: int) -> QuestionaryPrompter:
    return QuestionaryPrompter(Console(file=StringIO(), width=width))


def widths(message: str, hint: str | None) -> list[int]:
    shown = f"? {message} {hint or ''}"
    return [len(line) for line in shown.split("\n")]


@pytest.mark.parametrize("width", [40, 60, 80, 200])
def test_nothing_is_wider_than_the_terminal_and_no_word_is_split(width: int) -> None:
    for hint in (SELECT_HELP, MULTILINE_HELP, None):
        message, fitted = prompter(width).fitted(QUESTION, hint)
        assert max(widths(message, fitted)) <= width
        words = f"{message} {fitted or ''}".split()
        assert set(QUESTION.split()) <= set(words)
        if hint:
            assert set(hint.split()) <= set(words)


def test_a_wide_terminal_keeps_everything_on_one_line() -> None:
    assert prompter(200).fitted(QUESTION, SELECT_HELP) == (QUESTION, SELECT_HELP)
    assert prompter(200).fitted(QUESTION, room=24) == (QUESTION, None)


def test_a_narrow_terminal_puts_the_hint_and_the_answer_on_lines_of_their_own() -> None:
    message, hint = prompter(60).fitted(QUESTION, SELECT_HELP)
    assert message == "Gör du kartläggningen individuellt eller tillsammans med\n  en kollega?"
    assert hint == SELECT_HELP  # (it fits after the question's last line)
    _, own_line = prompter(60).fitted("Finns det ett syfte med samtliga delar i intervjun?", SELECT_HELP)
    assert own_line == "\n  (piltangenter eller siffra, Enter väljer)"
    _, multiline = prompter(60).fitted("Hur förbereder du kunden?", MULTILINE_HELP)
    assert multiline == "\n  (Enter ger ny rad · Esc och sedan Enter sparar · Ctrl-O\n  öppnar din editor)"
    assert prompter(60).fitted("Vilken kund (arbetsgivare) stöttar du i uppdraget?", room=24)[1] == "\n>"


def test_a_note_is_shown_as_it_is_written() -> None:
    # (a folder or an assignment may have a ':name:' or '[tag]' in it: no emoji, no markup)
    shown = prompter(200)
    shown.note("Rapporten sparas i /tmp/:thumbs_up:/[bold]x[/bold] efter varje svar.")
    output = shown.console.file.getvalue()
    assert output == "Rapporten sparas i /tmp/:thumbs_up:/[bold]x[/bold] efter varje svar.\n"
