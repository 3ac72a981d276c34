"""The text before the first question written without Rich is Rich's own, byte for byte: paragraphs
in every style used, the section panel, and a question's introduction – for any plain text and
width; anything Rich would lay out otherwise is left to Rich (None)."""

from __future__ import annotations

import io
import os
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from intervjufas.model.questions import Group
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.session.prompter import AskRequest
from intervjufas.views.prompting import quick_screen
from intervjufas.views.prompting.questionary_prompter import QuestionaryPrompter

PLAIN = "abcdefåäöÅÄÖ XYZ.,:;-–()/\"'0123456789  \n\xa0"
OTHER = "漢\t\x07\u0301😀"
STYLES = {"": "", quick_screen.DIM: "dim", quick_screen.ITALIC_DIM: "italic dim", quick_screen.CYAN: "cyan"}
plain_texts = st.text(alphabet=PLAIN, max_size=300)
any_texts = st.text(alphabet=PLAIN + OTHER, max_size=120)
widths = st.integers(min_value=1, max_value=140)


def rich_console(width: int, color_system: str = "256") -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, width=width, force_terminal=True, color_system=color_system, highlight=False), out  # type: ignore[arg-type]


def rich_prompter(width: int) -> tuple[QuestionaryPrompter, io.StringIO]:
    console, out = rich_console(width)
    return QuestionaryPrompter(console), out


def longest_word(text: str) -> int:
    """The widest word as Rich measures it (a paragraph's first word with its indentation)."""
    words = (match.group().rstrip() for line in text.split("\n") for match in re.finditer(r"\s*\S+\s*", line))
    return max((len(word) for word in words), default=0)


@settings(max_examples=300, deadline=None)
@given(text=any_texts | plain_texts, width=widths, code=st.sampled_from(list(STYLES)))
def test_a_paragraph_is_what_rich_prints(text: str, width: int, code: str) -> None:
    drawn = quick_screen.paragraph(text, width, code)
    if drawn is None:
        assert set(text) & set(OTHER) or longest_word(text) > width
        return
    console, out = rich_console(width)
    console.print(text, style=STYLES[code] or None, markup=False, emoji=False)
    assert drawn == out.getvalue()


@settings(max_examples=200, deadline=None)
@given(text=plain_texts, width=widths)
def test_plain_text_whose_words_fit_is_always_drawn(text: str, width: int) -> None:
    assert (quick_screen.paragraph(text, width) is None) == (longest_word(text) > width)


@settings(max_examples=200, deadline=None)
@given(
    title=st.text(alphabet="abcåö XY", min_size=1, max_size=30).filter(str.strip),
    text=any_texts | plain_texts | st.just(""),
    width=st.integers(min_value=5, max_value=140),
)
def test_a_section_panel_is_what_rich_draws(title: str, text: str, width: int) -> None:
    prompter, out = rich_prompter(width)
    prompter.section(title, text)
    drawn = quick_screen.panel(title, text, width)
    if drawn is not None:
        assert "\n" + drawn == out.getvalue()


@pytest.mark.parametrize("width", [20, 33, 60, 120])
def test_the_first_questions_introduction_is_what_rich_prints(width: int) -> None:
    questions = builtin_set("kartlaggning").metadata
    requests = [
        AskRequest(question=questions[0], progress="Om uppdraget · fråga 1 av 4"),
        AskRequest(
            question=questions[1],
            progress="Steg 1 · fråga 2 av 9",
            context="Uppdraget: Lager – Nordlager AB",
            group=Group("Kunden", "Det kunden berättar före intervjun."),
        ),
    ]
    for request in requests:
        prompter, out = rich_prompter(width)
        prompter._intro(request)
        drawn = quick_screen.intro(request, width)
        assert drawn is not None
        assert drawn == out.getvalue()


class FakeTerminal(io.StringIO):
    encoding = "utf-8"

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("environ", "platform", "stdout"),
    [
        ({"NO_COLOR": "1"}, "linux", FakeTerminal()),
        ({"FORCE_COLOR": "1"}, "linux", FakeTerminal()),
        ({"COLUMNS": "90"}, "linux", FakeTerminal()),
        ({"TTY_COMPATIBLE": "1"}, "linux", FakeTerminal()),
        ({"TERM": "dumb"}, "linux", FakeTerminal()),
        ({}, "win32", FakeTerminal()),
        ({}, "linux", io.StringIO()),  # (not a terminal)
    ],
)
def test_rich_draws_whenever_it_would_decide_otherwise(environ: dict[str, str], platform: str, stdout: io.StringIO) -> None:
    assert quick_screen.quick_width(stdout, {"TERM": "xterm", **environ}, platform) is None


def test_a_plain_terminal_is_drawn_at_richs_width() -> None:
    width = quick_screen.quick_width(FakeTerminal(), {"TERM": "xterm-256color"}, "linux")
    try:
        expected = os.get_terminal_size(0).columns or 80
    except OSError:
        try:
            expected = os.get_terminal_size(1).columns or 80
        except OSError:
            try:
                expected = os.get_terminal_size(2).columns or 80
            except OSError:
                expected = 80
    assert width == expected
    assert Console(file=FakeTerminal(), _environ={"TERM": "xterm-256color"}).width == expected


def test_a_prompter_that_makes_its_console_writes_the_same_without_making_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in (*quick_screen.RICH_ENVIRONMENT, "TERM"):
        monkeypatch.delenv(name, raising=False)
    screen = FakeTerminal()
    monkeypatch.setattr("sys.stdout", screen)
    width = quick_screen.quick_width()
    assert width is not None
    made: list[Console] = []

    def make() -> Console:
        made.append(Console(file=screen, width=width, force_terminal=True, highlight=False))
        return made[-1]

    question = builtin_set("kartlaggning").metadata[0]
    request = AskRequest(question=question, progress="Om uppdraget · fråga 1 av 4")
    quick = QuestionaryPrompter(made=make)
    quick.note("Rapporten sparas i /tmp/rapporter efter varje svar.")
    quick.section("Om uppdraget", builtin_set("kartlaggning").description)
    quick._intro(request)
    assert not made
    by_rich, out = rich_prompter(width)
    by_rich.note("Rapporten sparas i /tmp/rapporter efter varje svar.")
    by_rich.section("Om uppdraget", builtin_set("kartlaggning").description)
    by_rich._intro(request)
    assert screen.getvalue() == out.getvalue()
    quick.note("x" * (width + 1))  # (a word longer than the width: Rich breaks it)
    assert made
