"""The fast header reader gives exactly what the safe YAML reader gives, or None – never another value.

Three kinds of text: headers the program's own renderer writes for random reports (the reader must
read every one of them), whatever PyYAML's emitter writes for random plain data, and YAML-ish text
built from the pieces that make YAML hard (indentation, indicators, quotes, escapes, comments,
anchors, tags, document markers, odd characters) and random edits of real headers – where the
reader may say "not mine" (None) but may never give a different value or accept what the safe
reader refuses.  Values are compared with their types and the order of keys.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import test_report_roundtrip as ROUND_TRIP
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from intervjufas.files import bounded, yaml_messages
from intervjufas.files.safe_yaml import MAX_VALUES, SafeDumper, SafeLoader
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.report.flat_header import MAX_CHARS, MAX_DEPTH, read_flat_header
from intervjufas.report.front_matter import HeaderError, safe_header_value
from intervjufas.report.render import render

SETTINGS = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)


def header_text(document: str) -> str:
    """The front matter of a rendered report, as the header reader passes it on."""
    lines = document.split("\n")
    end = lines.index("---", 1)
    return "\n".join(lines[1:end])


def safe(text: str) -> tuple[bool, Any]:
    """What the program's safe reading gives: (True, value), or (False, None) when it refuses."""
    try:
        value = safe_header_value(text)
    except HeaderError:
        return False, None
    return True, value if isinstance(value, dict) else "not a mapping"


def loaded(text: str) -> tuple[bool, Any]:
    """What ``yaml.load`` with the safe loader gives, or (False, None) when it fails."""
    try:
        return True, yaml.load(text, Loader=SafeLoader)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError, UnicodeEncodeError):
        return False, None


def same(a: Any, b: Any) -> bool:
    """Equal, with the same types all the way down (True is not 1) and keys in the same order."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return (
            list(a) == list(b)
            and all(same(a[key], b[key]) for key in a)
            and all(type(x) is type(y) for x, y in zip(a, b, strict=True))
        )
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and a != a:
        return b != b
    return bool(a == b)


def assert_same_or_none(text: str) -> Any:
    """The reader's value is the safe reader's (and the constructed one ``yaml.load``'s), or None."""
    found = read_flat_header(text)
    if found is not None:
        ok, expected = safe(text)
        assert ok and same(found, expected), (text, found, expected)
    constructed = read_flat_header(text, constructed=True)
    if constructed is not None:
        ok, expected = loaded(text)
        assert ok and same(constructed, expected), (text, constructed, expected)
    assert (found is None) == (constructed is None), text
    return found


# -- the program's own headers ------------------------------------------------------------------


@SETTINGS
@given(ROUND_TRIP.kartlaggning_reports)
def test_every_header_the_program_writes_is_read_exactly(report: Any) -> None:
    check_rendered(render(report, builtin_set("kartlaggning")))


@SETTINGS
@given(ROUND_TRIP.snabbformat_reports)
def test_every_quick_format_header_is_read_exactly(report: Any) -> None:
    check_rendered(render(report, builtin_set("snabbformat")))


def check_rendered(document: str) -> None:
    text = header_text(document)
    found = assert_same_or_none(text)
    assert found is not None or len(text) >= MAX_CHARS, text


plain_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(st.characters(codec="utf-8"), max_size=30),
    st.dates(),
    st.sampled_from(
        ["", " ", "yes", "No", "~", "null", "0x1F", "012", "1_000", "3:25", "2024-05-01", "<<", "="]
    ),
)
plain_data = st.recursive(
    plain_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.one_of(st.text(st.characters(codec="utf-8"), max_size=140), plain_scalars), inner, max_size=4
        ),
    ),
    max_leaves=20,
)


@SETTINGS
@given(
    st.dictionaries(st.text(st.characters(codec="utf-8"), max_size=140), plain_data, min_size=1, max_size=6),
    st.sampled_from([20, 40, 80, 100, 1000]),
)
def test_whatever_the_emitter_writes_in_block_style_is_read_exactly(data: dict[str, Any], width: int) -> None:
    text = yaml.dump(data, Dumper=SafeDumper, allow_unicode=True, sort_keys=False, width=width).rstrip("\n")
    found = assert_same_or_none(text)
    assert found is not None or len(text) >= MAX_CHARS or _nests_deeper(data), text


@SETTINGS
@given(plain_data.filter(lambda d: isinstance(d, dict)), st.sampled_from([None, True]), st.booleans())
def test_the_emitters_other_styles_give_the_same_value_or_none(
    data: dict[Any, Any], flow: bool | None, unicode: bool
) -> None:
    text = yaml.dump(data, Dumper=SafeDumper, allow_unicode=unicode, default_flow_style=flow, width=60)
    assert_same_or_none(text.rstrip("\n"))


def _nests_deeper(value: Any, depth: int = 1) -> bool:
    if isinstance(value, dict):
        return depth > MAX_DEPTH or any(_nests_deeper(v, depth + 1) for v in value.values())
    if isinstance(value, list):
        return depth > MAX_DEPTH or any(_nests_deeper(v, depth + 1) for v in value)
    return False


# -- YAML-ish text ------------------------------------------------------------------------------

PIECES = [
    "a", "b", "c", "key", "ett ord", "två  ord", "ö", "Ä", "é", "x" * 40, "1", "-1", "+1", "0", "012", "0x1F", "0b1",
    "1_0", "3:25", "1.5", ".5", "1e5", ".inf", ".NaN", "yes", "No", "on", "OFF", "true", "null", "~", "",
    "2024-05-01", "2024-5-1 10:00:00", "2024-05-01T10:00:00+02:00", "<<", "=", ":", ": ", " :", "::", "-", "- ",
    "--", "---", "...", "?", "? ", "#", " #", "# c", "#x", "&a", "*a", "!", "!!str", "!x", "|", ">", "%", "@",
    "`", "[", "]", "[]", "{", "}", "{}", "[a, b]", "{a: 1}", ",", "'", "''", "'a'", "'a''b'", "'a", '"', '""',
    '"a"', '"a\\nb"', '"\\x41"', '"\\u00e9"', '"\\U0001F600"', '"\\ud800"', '"\\q"', '"\\/"', '"\\', "\\",
    "\\ ", " ", "  ", "\t", "\r", "\x85", "\u2028", "\ufeff", "\x00", "\x7f", "\xa0", "😀", "\n", "\n ",
    "\n  ", "\n\n", "\n- ", "\n  - ", "\n? ", "\n: ",
]  # fmt: skip
yamlish = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
structured_lines = st.lists(
    st.tuples(
        st.sampled_from(["", " ", "  ", "   ", "    ", "      "]),
        st.sampled_from(["", "- ", "- - ", "? ", ": ", "-", "?"]),
        st.one_of(
            st.just(""),
            st.sampled_from(["a", "b", "k ey", "'q'", '"d"', "1", "yes", "~", "<<", "x: y"]).map(
                lambda k: k + ":"
            ),
        ),
        st.lists(st.sampled_from(PIECES), max_size=4).map("".join),
    ).map(lambda parts: "".join(parts[:3]) + (" " if parts[2] and parts[3] else "") + parts[3]),
    min_size=1,
    max_size=14,
).map("\n".join)


WORDS = ["a", "ord", "två ord", "Kock", "ö", "1", "0x1F", "yes", "~", "null", "2024-05-01", "1.5", "-x", "?x",
         ":x", "a:b", "a#b", "it's", 'sa "hej"', "x" * 30, "", " ", "- x", "#", "a: b", "a #b", "&a", "[x]",
         "{}", "[]", "é😀", "\\", "%"]  # fmt: skip


@st.composite
def scalars(draw: st.DrawFn, indent: int) -> list[str]:
    """A scalar as someone might write it: plain, single- or double-quoted, perhaps over several
    lines (continued at a random indentation, with blank lines); the first line without indent."""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6))
    style = draw(st.sampled_from(["plain", "single", "double", "empty"]))
    if style == "empty":
        return [draw(st.sampled_from(["", "[]", "{}", "''", '""']))]
    if style == "single":
        words = [word.replace("'", "''") for word in words]
    elif style == "double":
        words = [word.replace("\\", "\\\\").replace('"', '\\"') for word in words]
        words += draw(
            st.lists(st.sampled_from(["\\n", "\\x41", "\\u00e9", "\\t", "\\ ", "\\", "\\_"]), max_size=2)
        )
    lines = [""]
    for word in words:
        if (len(lines) > 1 or draw(st.integers(0, 4)) == 0) and draw(st.booleans()):
            lines += [""] * draw(st.integers(0, 2))
            lines.append(" " * max(0, indent + draw(st.integers(-1, 3))))
        lines[-1] += word + draw(st.sampled_from([" ", " ", "", "  "]))
    quote = {"plain": "", "single": "'", "double": '"'}[style]
    lines[0] = quote + lines[0]
    lines[-1] = lines[-1].rstrip(" ") + quote + draw(st.sampled_from(["", "", " "]))
    return lines


@st.composite
def hand_written(draw: st.DrawFn, indent: int = 0, depth: int = 0) -> list[str]:
    """Block YAML written by hand: mappings and sequences with random indentation, explicit and
    quoted keys, compact collections, values on the key's line or below."""
    lines: list[str] = []
    as_sequence = depth > 0 and draw(st.integers(0, 2)) == 0
    for _ in range(draw(st.integers(1, 4))):
        pad = " " * indent
        if as_sequence:
            head = pad + draw(st.sampled_from(["- ", "- ", "-  ", "-"]))
        else:
            key = draw(
                st.sampled_from(["a", "b", "ett ord", "'q k'", '"d\\tk"', "1", "yes", "~", "x" * 20, "? k"])
            )
            head = pad + key + draw(st.sampled_from([": ", ": ", ":  ", ":", " : "]))
        kind = draw(st.sampled_from(["scalar", "scalar", "block", "compact"])) if depth < 4 else "scalar"
        if kind == "scalar":
            value = draw(scalars(indent + 2))
            lines += [head + value[0], *value[1:]]
        elif kind == "compact" and head.rstrip().endswith("-"):
            inner = draw(hand_written(len(head), depth + 1))
            lines += [head + inner[0].lstrip(" "), *inner[1:]]
        else:
            deeper = indent + draw(st.sampled_from([0, 1, 2, 2, 4]))
            lines += [head.rstrip(" "), *draw(hand_written(deeper, depth + 1))]
        lines += [""] * draw(st.sampled_from([0, 0, 0, 1]))
    return lines


@SETTINGS
@given(hand_written().map("\n".join))
def test_hand_written_block_yaml_gives_the_same_value_or_none(text: str) -> None:
    assert_same_or_none(text)


@SETTINGS
@given(st.one_of(yamlish, structured_lines, st.text(max_size=200)))
@example("a: 1\n  b: 2")
@example("a: 'x\ny'")
@example("a:\n- b\n c")
@example("- a\n - b")
@example("a: b # c")
@example("a: &x 1\nb: *x")
@example("a: !!str 1")
@example("a: |\n  x")
@example('a: "x\\\n  y"')
@example("a: 'x\n\n\n  y'")
@example("? a\n: - b\n  - c")
@example("a:\n\n- b\n\nc: 1")
@example("a: b\n---\nc: d")
@example("a: x\n#c\nb: y")
@example("a:\tb")
@example("<<: {a: 1}")
@example("a: 0b")
def test_yaml_ish_text_gives_the_same_value_or_none(text: str) -> None:
    assert_same_or_none(text)


@SETTINGS
@given(ROUND_TRIP.kartlaggning_reports, st.data())
def test_edited_headers_give_the_same_value_or_none(report: Any, data: st.DataObject) -> None:
    text = header_text(render(report, builtin_set("kartlaggning")))
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 3))
        text = text[:at] + data.draw(st.sampled_from(PIECES)) + text[at + cut :]
    assert_same_or_none(text)


# -- bounds and refusals ------------------------------------------------------------------------


def test_the_bounds_are_inside_the_safe_readers() -> None:
    assert MAX_DEPTH < yaml_messages.MAX_DEPTH
    assert 2 * MAX_CHARS <= MAX_VALUES  # (a value takes at least half a character)
    assert MAX_CHARS < bounded.HEADER_LIMIT


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1",
        "a: *x",
        "a: !!str 1",
        "a: !tag 1",
        "a: |\n  text",
        "a: >\n  text",
        "a: [1, 2]",
        "a: {b: 1}",
        "a: 1 # comment",
        "# comment\na: 1",
        "a:\tb",
        "a: b\r",
        "%YAML 1.1\n---\na: 1",
        "a: 1\n---\nb: 2",
        "<<: {}",
        "- a",
        "just text",
        "",
        "  a: 1",
    ],
)
def test_what_the_program_never_writes_is_left_to_the_safe_reader(text: str) -> None:
    assert read_flat_header(text) is None


def test_too_deep_or_too_long_is_left_to_the_safe_reader() -> None:
    deep = "\n".join(f"{'  ' * level}k{level}:" for level in range(MAX_DEPTH + 2)) + " 1"
    assert read_flat_header(deep) is None
    shallow = "\n".join(f"{'  ' * level}k{level}:" for level in range(10)) + " 1"
    assert read_flat_header(shallow) == safe(shallow)[1]
    long = "a: " + "x" * MAX_CHARS
    assert read_flat_header(long) is None


def test_dates_stay_text_unless_constructed() -> None:
    text = "date: 2024-05-01\nwhen: 2024-05-01 10:00:00\n2024-05-02: x\n1: y\nnull: z"
    assert read_flat_header(text) == {
        "date": "2024-05-01",
        "when": "2024-05-01 10:00:00",
        "2024-05-02": "x",
        "1": "y",
        "None": "z",
    }
    assert read_flat_header(text, constructed=True) == {
        "date": dt.date(2024, 5, 1),
        "when": dt.datetime(2024, 5, 1, 10, 0),
        dt.date(2024, 5, 2): "x",
        1: "y",
        None: "z",
    }


def test_a_real_header() -> None:
    text = (
        "title: 'Kartlägg intervjufasen: Kock till Bageriet'\ndate: 2024-01-26\nintervjuform:\n"
        "- Snabbintervju\ntags:\n- intervjufas\nintervjufas:\n  format: 2\n  id: b6c331ba2d08\n"
        "  fragor:\n    id: kartlaggning\n    version: 2\n  skapad: '2024-01-26T16:45:53+01:00'\n"
        "  steg:\n    fore: klar\n    efter: ej påbörjad\n  atgarder:\n  - 0234c5ee\n  uppfoljning: {}\n"
        "  betyg:\n    fore_betyg_kund: 5"
    )
    found = read_flat_header(text)
    assert found == safe(text)[1]
    assert found is not None and found["intervjufas"]["atgarder"] == ["0234c5ee"]
    assert found["date"] == "2024-01-26" and found["intervjufas"]["fragor"]["version"] == 2
