"""The word diff that comparisons are made of: words and punctuation, paired lines, spacing."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from intervjufas.reading.word_diff import word_diff


def test_word_diff_marks_words_and_punctuation():
    lines = word_diff(
        "Vi går igenom kravprofilen och intervjufrågorna tillsammans en vecka innan.",
        "Vi går igenom kravprofilen, intervjufrågorna och rollerna tillsammans två veckor innan.",
    )
    assert lines == [
        [
            ("equal", "Vi går igenom kravprofilen"),
            ("insert", ", intervjufrågorna"),
            ("equal", " och "),
            ("delete", "intervjufrågorna"),
            ("insert", "rollerna"),
            ("equal", " tillsammans "),
            ("delete", "en vecka"),
            ("insert", "två veckor"),
            ("equal", " innan."),
        ]
    ]


def test_word_diff_pairs_changed_lines():
    assert word_diff("Delvis\nStrukturen varierar.", "Ja\nStrukturen varierar.") == [
        [("delete", "Delvis"), ("insert", "Ja")],
        [("equal", "Strukturen varierar.")],
    ]
    assert word_diff("Nej\nDet beror på.", "Delvis") == [
        [("delete", "Nej"), ("insert", "Delvis")],
        [("delete", "Det beror på.")],
    ]
    assert word_diff("a\n\nb", "a\n\nb\nc") == [[("equal", "a")], [], [("equal", "b")], [("insert", "c")]]


def test_word_diff_spacing_around_deletions():
    assert word_diff("keep this word", "keep word") == [
        [("equal", "keep "), ("delete", "this"), ("equal", " word")]
    ]
    assert word_diff("keep this", "keep") == [[("equal", "keep "), ("delete", "this")]]
    assert word_diff("a, b", "a b") == [[("equal", "a"), ("delete", ","), ("equal", " b")]]


_WORDS = st.lists(
    st.sampled_from(["kund", "kandidat", "intervju", ",", ".", "och", "\n", "  ", "vecka", "2"]), max_size=14
).map(" ".join)


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+|[^\w\s]+", text)


@given(_WORDS, _WORDS)
def test_word_diff_holds_both_texts(before: str, after: str):
    lines = word_diff(before, after)
    old = "\n".join(" ".join(part for op, part in line if op != "insert") for line in lines)
    new = "\n".join(" ".join(part for op, part in line if op != "delete") for line in lines)
    assert _tokens(old) == _tokens(before)
    assert _tokens(new) == _tokens(after)
    for line in lines:
        for op, part in line:
            assert part and "\n" not in part
            if op != "equal":
                assert part == part.strip()
