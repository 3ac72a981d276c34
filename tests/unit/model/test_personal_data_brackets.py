"""The e-mail search passes over brackets that cannot begin a word for "@" without matching there:
what it lets through must be every character the pattern could begin the word with."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from intervjufas.model import personal_data
from intervjufas.model.personal_numbers import SPACES


def test_every_character_that_may_begin_a_word_for_at_is_let_through() -> None:
    begins = re.compile(rf"[{SPACES}]|(?i:a|s)")
    possible = {chr(point) for point in range(0x110000) if begins.fullmatch(chr(point))}
    assert possible == set(personal_data._AFTER_BRACKET)


def _every_at_sign(text: str) -> list[tuple[int, int]]:
    """Where the pattern for "@" matches at any bracket or "@" (the search without a shortcut)."""
    match = personal_data._re().at.match
    found = []
    for at, char in enumerate(text):
        if char in "@([{<":
            sign = match(text, at - 1 if at and text[at - 1] == "\\" else at)
            if sign is not None:
                found.append(sign.span())
    return sorted(found)


@given(st.text(alphabet="@([{<)]}>\\ \u00a0\u202faAtTsS\u017fnbel-xy.", max_size=40))
def test_the_shortcut_finds_what_a_match_at_every_bracket_finds(text: str) -> None:
    assert personal_data._at_signs(text) == _every_at_sign(text)


def test_words_for_at_in_brackets_are_found() -> None:
    for text in ("namn (at) firma.se", "namn [AT] firma.se", "namn {snabel-a} firma.se", "namn \\(at\\) firma.se"):
        assert [finding.kind for finding in personal_data.find_personal_data(text)] == [personal_data.EPOST], text
