"""Typed text shows as typed in the readers people open reports in, run for real: GitHub's renderer
(cmark-gfm with its GFM extensions, autolink included), markdown-it with linkify, and pandoc's
default Markdown reader (smart typography on), and it is read back exactly.

The tools come with the test extras (cmarkgfm, linkify-it-py, pypandoc_binary, which bundles
pandoc); a pandoc on the PATH is tried as well, since another release reads differently."""

from __future__ import annotations

import re
import shutil
import subprocess
from functools import cache
from html import unescape
from html.parser import HTMLParser

import cmarkgfm
import pypandoc
import pytest
from cmarkgfm.cmark import Options
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from intervjufas.model.answers import Answer
from intervjufas.model.autolinks import address_spans
from intervjufas.model.markdown_text import CURRENT
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.report.model import Report
from intervjufas.report.parse import parse
from intervjufas.report.render import render

# Each example runs every pandoc as a process: a share of the profile's examples.
EXAMPLES = max(30, settings.default.max_examples // 3)
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

ADDRESSES = [
    "https://x.se",
    "https://x.se/a_b*c?q=1&r=2#x",
    "http://www.x.se/wiki/Lager_(logistik)",
    "https://sv.wikipedia.org/wiki/Göteborg.",
    "ftp://a.b/c\\",
    "HTTPS://X.SE/--...",
    "https://x.se/&amp;x",
    "https://x.se/a|b",
    "(https://x.se/a).",
    "<https://x.se>",
    "https://",
    "xhttps://x.se",
    "www.x.se/a*b_c",
    "WWW.X.SE",
    "a@b.se",
    "mailto:a@b.se",
    "x.se/a",
]
PANDOC_SYNTAX = [
    "--",
    "---",
    "a--b",
    "...",
    "....",
    ". . .",
    '"citat"',
    "'citat'",
    "it's",
    "\\ ",
    "\\",
    "\\\\",
    "\\-",
    "^upphöjt^",
    "~nedsänkt~",
    "a) x",
    "(a) x",
    "A.  x",
    "iv. x",
    "(@) x",
    "(@ett) x",
    "(1) x",
    ": definition",
    "~ definition",
    "::: div",
    "% titel",
    "@ref",
    "[@ref]",
    "^[fotnot]",
    "$x$",
    "\\begin{x}",
    "\\LaTeX",
    "+---+---+",
    "| a |",
    "- - -",
    "* * *",
    "=",
    "==",
    "1) x",
    "#. x",
    "<br>",
    "<details>",
    "&copy;",
    "&#32;",
    "`kod`",
    "**fet**",
    "_kursiv_",
    "snake_case",
    "[länk](https://x.se)",
    "![bild](x.png)",
    "{#id}",
    "<!-- x -->",
]
SEPARATORS = ["", "", " ", " ", "\n", "\n\n"]

characters = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"))
fragment = st.one_of(
    st.sampled_from(ADDRESSES), st.sampled_from(PANDOC_SYNTAX), st.text(characters, max_size=8)
)
typed = st.lists(st.tuples(fragment, st.sampled_from(SEPARATORS)), min_size=1, max_size=8).map(
    lambda parts: "".join(f"{text}{separator}" for text, separator in parts)
)


class _Shown(HTMLParser):
    """The text of the paragraphs of an HTML page, with its line breaks; anything else the page
    holds (a list, a heading, code, emphasis, raw HTML) is recorded as out of place."""

    INLINE = frozenset({"a", "br", "span"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] | None = None
        self.out_of_place: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "p" and self.current is None:
            self.current = []
        elif tag == "br" and self.current is not None:
            self.current.append("\x00")
        elif tag not in self.INLINE:
            self.out_of_place.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and self.current is not None:
            self.paragraphs.append("".join(self.current))
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is not None:
            self.current.append(data.replace("\n", " "))
        elif data.strip():
            self.out_of_place.append(data)

    def handle_comment(self, data: str) -> None:
        self.out_of_place.append(f"<!--{data}-->")


def shown(html: str) -> str:
    """The text a reader sees on an HTML page of paragraphs (each line without outer spaces)."""
    parser = _Shown()
    parser.feed(html)
    parser.close()
    assert not parser.out_of_place, parser.out_of_place
    text = "\n\n".join(
        paragraph.replace("\x00 ", "\x00").replace("\x00", "\n") for paragraph in parser.paragraphs
    )
    return "\n".join(line.strip() for line in text.split("\n"))


def as_seen(text: str) -> str:
    """Typed text as a reader shows it: each line without its outer spaces, runs of blank lines as
    one paragraph break."""
    lines = [line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def collapsed(text: str) -> str:
    """Pandoc shows a run of spaces as one space (as a browser shows any HTML)."""
    return re.sub(r"[ \t]+", " ", text)


def github(markdown: str) -> str:
    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)


def markdown_it(markdown: str) -> str:
    parser = MarkdownIt("commonmark", {"html": True, "linkify": True}).enable(["table", "linkify"])
    return parser.render(markdown)


def markdown_it_keeps_addresses(text: str) -> bool:
    """markdown-it shows a link's address normalised (an empty user name before '@', an empty port
    and a punycode host are rewritten), whichever way it is written; other readers show it as typed."""
    normalise = MarkdownIt().normalizeLinkText
    return all(normalise(text[start:end]) == text[start:end] for start, end in address_spans(text))


@cache
def pandocs() -> tuple[str, ...]:
    """The bundled pandoc, and the one on the PATH when there is one."""
    found = [pypandoc.get_pandoc_path()]
    system = shutil.which("pandoc")
    if system and system not in found:
        found.append(system)
    return tuple(found)


@cache
def pandoc_major(binary: str) -> int:
    first = subprocess.run([binary, "--version"], capture_output=True, check=True, timeout=60).stdout
    return int(re.search(rb"(\d+)\.", first).group(1))  # type: ignore[union-attr]


def pandoc_reads_as_typed(expected: str, binary: str) -> bool:
    """Pandoc before 3 takes a paragraph that is just '. . .' for a pause in slides in its writers,
    however it is escaped (it drops it and wraps what follows); pandoc 3 shows it as typed."""
    return pandoc_major(binary) >= 3 or all(collapsed(p) != ". . ." for p in expected.split("\n\n"))


def pandoc(markdown: str, binary: str) -> str:
    result = subprocess.run(
        [binary, "-f", "markdown", "-t", "html", "--wrap=none"],
        input=markdown.encode(),
        capture_output=True,
        check=True,
        timeout=60,
    )
    return result.stdout.decode()


def answer_markdown(text: str) -> str:
    """The answer as it stands in a report: under a heading, after a blank line."""
    return "# Fråga\n\n" + "\n".join(CURRENT.escape(text)) + "\n"


def assert_shown_as_typed(text: str) -> None:
    """Every reader shows ``text`` as typed, and the report's lines read back exactly."""
    lines = CURRENT.escape(text)
    assert CURRENT.unescape(lines) == text
    markdown = answer_markdown(text)
    expected = as_seen(text)
    readers = [("cmark-gfm", github)] + [("markdown-it", markdown_it)] * markdown_it_keeps_addresses(text)
    for name, html_of in readers:
        assert shown(html_of(markdown).split("</h1>", 1)[1]) == expected, f"{name}:\n{markdown}"
    for binary in (b for b in pandocs() if pandoc_reads_as_typed(expected, b)):
        html = pandoc(markdown, binary)
        seen = collapsed(shown(html.split("</h1>", 1)[1]))
        assert seen == collapsed(expected), f"{binary}:\n{markdown}"


@SETTINGS
@given(typed)
@example("Se https://x.se/a\nnästa rad")
@example('Länk: https://x.se/a_b*c?q=1&r=2\\\n-- och "citat" ... \\ slut')
@example("www.x.se/a*b\nnästa")
@example("https://@")
@example("https://\u00e5@0 https://--a@b.se")
def test_typed_text_shows_as_typed_in_every_reader(text: str) -> None:
    if not text.strip():
        return
    assert_shown_as_typed(text.strip("\n"))


@pytest.mark.parametrize(
    "address", [a for a in ADDRESSES if re.search(r"://\w", a) and not a.startswith("<")]
)
def test_an_address_at_the_end_of_a_line_is_a_whole_link_and_keeps_the_break(address: str) -> None:
    text = f"Se {address}\nnästa rad"
    assert_shown_as_typed(text)
    html = github(answer_markdown(text))
    assert "<br />" in html
    links = [unescape(link) for link in re.findall(r"<a href=\"[^\"]*\">([^<]*)</a>", html)]
    assert len(links) == 1 and "://" in links[0] and links[0] in text.split("\n")[0], html


def test_an_address_is_written_as_an_autolink() -> None:
    assert CURRENT.escape("Se https://x.se/a_b*c.\nnästa") == ["Se <https://x.se/a_b*c>.\\", "nästa"]
    assert CURRENT.inline('www.x.se -- "a" ... \\ x') == 'www\\.x.se \\-\\- \\"a\\" \\.\\.\\. \\\\ x'


def full_report(text: str) -> tuple[Report, str]:
    questionnaire = builtin_set("snabbformat")
    report = Report.new(questionnaire)
    report.author = "Anna Berg"
    report.answers["uppdrag"] = Answer('Lager -- "Nordlager"')
    question = next(q for s in questionnaire.steps for q in s.questions if q.kind.name == "langtext")
    report.answers[question.id] = Answer(text)
    return report, question.text


def test_a_whole_report_reads_as_typed_in_pandoc_with_author_and_language() -> None:
    text = "Se https://x.se/a\n--- \"citat\" och 'citat' ... \\ och C:\\mapp\\\nsista"
    report, heading = full_report(text)
    questionnaire = builtin_set("snabbformat")
    markdown = render(report, questionnaire)
    assert parse(markdown, questionnaire) == report
    for binary in pandocs():
        html = subprocess.run(
            [binary, "-s", "-f", "markdown", "-t", "html", "--wrap=none"],
            input=markdown.encode(),
            capture_output=True,
            check=True,
            timeout=60,
        ).stdout.decode()
        assert 'lang="sv"' in html
        assert '<meta name="author" content="Anna Berg" />' in html
        after = html.split(heading, 1)[1].split("</h", 1)[1]
        first = after.split("<p>", 1)[1].split("</p>", 1)[0]
        assert collapsed(shown(f"<p>{first}</p>")) == collapsed(as_seen(text)), binary


class _Cells(HTMLParser):
    """The text of each ``tag`` element (a table cell, a bold item), and what else is inside."""

    def __init__(self, tag: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tag = tag
        self.texts: list[str] = []
        self.current: list[str] | None = None
        self.out_of_place: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == self.tag:
            self.current = []
        elif self.current is not None and tag not in ("a", "span"):
            self.out_of_place.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == self.tag and self.current is not None:
            self.texts.append("".join(self.current).strip())
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is not None:
            self.current.append(data)


def cells(html: str, tag: str) -> list[str]:
    parser = _Cells(tag)
    parser.feed(html)
    parser.close()
    assert not parser.out_of_place, parser.out_of_place
    return parser.texts


one_line = typed.map(lambda text: " ".join(text.split()))


@SETTINGS
@given(one_line)
@example('Se https://x.se/a|b -- "ny" ... \\ x')
def test_a_name_shows_as_typed_in_a_table_cell_and_in_bold(text: str) -> None:
    """Moments and items are written on one line, in a table cell and in bold in a numbered list."""
    if not text:
        return
    written = CURRENT.inline(text)
    assert CURRENT.uninline(written) == text
    table = f"| Moment | Fas |\n| --- | --- |\n| {written} | x |\n"
    item = f"1. **{written}**<!-- moment: 1a2b3c4d -->\n"
    document = f"{table}\n{item}"
    readers = [("cmark-gfm", github)] + [("markdown-it", markdown_it)] * markdown_it_keeps_addresses(text)
    for name, html in ((name, html_of(document)) for name, html_of in readers):
        assert cells(html, "td")[0] == text, f"{name}:\n{document}"
        assert cells(html, "strong") == [text], f"{name}:\n{document}"
    for binary in pandocs():
        html = pandoc(document, binary)
        assert collapsed(cells(html, "td")[0]) == collapsed(text), f"{binary}:\n{document}"
        assert [collapsed(t) for t in cells(html, "strong")] == [collapsed(text)], f"{binary}:\n{document}"
