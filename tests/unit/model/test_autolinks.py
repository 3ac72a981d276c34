"""Which part of typed text is written as an autolink: a web address, whole, without what GitHub's
own autolinks leave out (trailing punctuation, an unbalanced parenthesis) and without what would
read differently inside an autolink (a character reference, a table cell's '|')."""

from __future__ import annotations

import pytest

from intervjufas.model.autolinks import address_spans


def addresses(text: str) -> list[str]:
    return [text[start:end] for start, end in address_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Se https://x.se/a_b*c?q=1&r=2#x.", ["https://x.se/a_b*c?q=1&r=2#x"]),
        ("(se https://x.se/wiki/A_(b)).", ["https://x.se/wiki/A_(b)"]),
        ("HTTP://X.SE, ftp://a.b/c\\", ["HTTP://X.SE", "ftp://a.b/c\\"]),
        ("https://sv.wikipedia.org/wiki/Göteborg!", ["https://sv.wikipedia.org/wiki/Göteborg"]),
        ("https://x.se/?a&amp;b", ["https://x.se/?a"]),
        ("https://x.se/a|b <https://y.se>", ["https://x.se/a", "https://y.se"]),
        ("https://x.se/a\u00a0b", ["https://x.se/a"]),
        ("xhttps://x.se", ["https://x.se"]),
        ("https:// https://. mailto:a@b.se www.x.se a@b.se", []),
    ],
)
def test_the_address_spans(text: str, expected: list[str]) -> None:
    assert addresses(text) == expected
