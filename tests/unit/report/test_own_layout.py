"""The header row read from the program's own layout (``folder.own_layout``) is exactly the row of
the checked header the general reading gives (flat reader, then safe YAML, normalized, checked,
encoded) – or None, when the general reading must decide.  Never another row, and never a row for
a header the general reading refuses.

Kept beside the flat reader's tests: it is proven on the same texts – every header the program
writes, the emitter's output, hand-written YAML and random edits of real headers – and on
hand-edited variants of real headers (keys reordered, comments, other quoting, odd spacing,
unicode).  Rows are compared with their types (True is not 1) and the order of keys.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import test_flat_header as FLAT
import test_report_roundtrip as ROUND_TRIP
from hypothesis import example, given
from hypothesis import strategies as st

from helpers import FIXTURE_REPORTS, REPO
from intervjufas.folder.header_row import FolderHeader
from intervjufas.folder.own_layout import header_text, own_row, read_own_row
from intervjufas.folder.scan import read_folder_header
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.report.front_matter import check_values, parse_header_text
from intervjufas.report.render import render

SETTINGS = FLAT.SETTINGS


def general_row(text: str) -> list[Any] | None:
    """The row a folder command gets from the header's text the general way (None: refused)."""
    try:
        header = parse_header_text(text, check=True)
        check_values(header)
    except ValueError:  # (a HeaderError; or PyYAML failing to build a value such as 0b_)
        return None
    return FolderHeader.of(header).row


def assert_same_or_none(text: str) -> list[Any] | None:
    found = own_row(text)
    if found is not None:
        expected = general_row(text)
        assert expected is not None and FLAT.same(found, expected), (text, found, expected)
    return found


def rendered(report: Any, set_id: str) -> str:
    return FLAT.header_text(render(report, builtin_set(set_id)))


# -- the program's own headers ------------------------------------------------------------------


@SETTINGS
@given(ROUND_TRIP.kartlaggning_reports)
def test_headers_the_program_writes_give_the_general_row(report: Any) -> None:
    assert_same_or_none(rendered(report, "kartlaggning"))


@SETTINGS
@given(ROUND_TRIP.snabbformat_reports)
def test_quick_format_headers_give_the_general_row(report: Any) -> None:
    assert_same_or_none(rendered(report, "snabbformat"))


@pytest.mark.parametrize("path", sorted(FIXTURE_REPORTS.glob("*.md")), ids=lambda path: path.name)
def test_a_report_file_gives_the_general_row_or_none(path: Path) -> None:
    row = read_own_row(path)
    if row is not None:
        assert FLAT.same(row.row, FolderHeader.of(read_folder_header(path)).row)


def test_the_usual_header_is_read_here() -> None:
    """What the program writes for a usual report (facts on one line each, steps, items, follow-ups,
    map, ratings) is read by the expression, not passed on."""
    text = USUAL
    row = assert_same_or_none(text)
    assert row is not None
    assert row[1] == "c85584e0f398" and row[9] == ["Snabbintervju", "Konventionell intervju"]


def test_the_corpus_reports_are_read_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The benchmark's reports (written by the program's renderer) take the quick way."""
    monkeypatch.syspath_prepend(str(REPO / "benchmarks"))
    import report_corpus

    report_corpus.generate(tmp_path, 30, authors=["Anna Berg", "Jonas Ek"])
    for path in sorted(tmp_path.glob("*.md")):
        row = read_own_row(path)
        assert row is not None, path.read_text(encoding="utf-8")[:2000]
        assert FLAT.same(row.row, FolderHeader.of(read_folder_header(path)).row)


USUAL = """\
title: 'Kartlägg intervjufasen – snabbformat: Bagare till Nordlager AB'
date: 2024-01-08
uppdrag: Bagare till Nordlager AB
kund: Nordlager AB
roll: Bagare
intervjuform:
- Snabbintervju
- Konventionell intervju
genomforande: Tillsammans med en kollega
forfattare: Anna Berg
author: Anna Berg
lang: sv
tags:
- intervjufas
- snabbformat
intervjufas:
  format: 3
  id: c85584e0f398
  fragor:
    id: snabbformat
    version: 2
    hash: 4a04db787f7603ef
  skapad: '2024-01-08T10:40:39+01:00'
  uppdaterad: '2024-01-08T08:27:00+01:00'
  steg:
    processen: klar
    reflektera: klar
  atgarder:
  - ca47404f
  - 96ded9ed
  uppfoljning:
    e3146e78d289/4bb8fdcf: Inte än
    e3146e78d289/59fc682e: Genomfört
  karta: 10
  betyg:
    snabb_betyg_kund: 4
    snabb_betyg_kandidat: 5"""


VALUES = [*FLAT.WORDS, "Nordlager AB", "Kock", "c85584e0f398", "0b1", "0b_", "._", "1234", "12e3", "0x1f", "1_000", "3:25",
          "'it''s'", "'ett: två'", "'2024-01-08T10:40:39+01:00'", "2024-01-08", "Inte än", "Genomfört", "klar",
          "true", "No", "NULL", "-", "-1", ".5", "a/b", "a.b", "é😀"]  # fmt: skip
FIELDS = [
    "Bagare till Nordlager AB", "Nordlager AB", "Snabbintervju", "c85584e0f398", "snabbformat", "2", "4a04db787f7603ef",
    "'2024-01-08T10:40:39+01:00'", "klar", "ca47404f", "96ded9ed", "Inte än", "Genomfört", "10", "4", "5", "2024-01-08",
    "Anna Berg", "processen", "snabb_betyg_kund", "e3146e78d289/4bb8fdcf",
]  # fmt: skip


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(FIELDS), st.sampled_from(VALUES)), min_size=1, max_size=6))
def test_usual_headers_with_other_values_give_the_general_row(changes: list[tuple[str, str]]) -> None:
    """The usual layout with other values in its places (texts, numbers, dates, words YAML reads
    as true or null, keys): most are read here, and each as the general way reads it."""
    text = USUAL
    for old, new in changes:
        text = text.replace(old, new)
    assert_same_or_none(text)


def test_most_usual_headers_with_other_values_are_read_here() -> None:
    """(So that the property above compares rows, not only Nones.)"""
    read = sum(assert_same_or_none(USUAL.replace("Nordlager AB", value)) is not None for value in VALUES)
    assert read > len(VALUES) // 2


# -- hand-edited and odd text -------------------------------------------------------------------

EDITS = [
    ("uppdrag: Bagare till Nordlager AB\n", "uppdrag: 'Bagare till Nordlager AB'\n"),
    ("uppdrag: Bagare till Nordlager AB\n", 'uppdrag: "Bagare till Nordlager AB"\n'),
    ("uppdrag: Bagare till Nordlager AB\n", "uppdrag:  Bagare till Nordlager AB\n"),
    ("uppdrag: Bagare till Nordlager AB\n", "uppdrag: Bagare till Nordlager AB \n"),
    ("uppdrag: Bagare till Nordlager AB\n", "uppdrag: Bagare till\n  Nordlager AB\n"),
    ("uppdrag: Bagare till Nordlager AB\n", "uppdrag: Bagare # till Nordlager AB\n"),
    ("uppdrag: Bagare till Nordlager AB\n", "# en kommentar\nuppdrag: Bagare till Nordlager AB\n"),
    ("uppdrag: Bagare till Nordlager AB\n", "uppdrag: Bagare till Nordlager AB\n\n"),
    ("uppdrag: Bagare till Nordlager AB\n", "uppdrag: Bagare till Nordlager AB\nuppdrag: Annat\n"),
    ("uppdrag: Bagare till Nordlager AB\n", "uppdrag: 12\n"),
    ("uppdrag: Bagare till Nordlager AB\n", "uppdrag: yes\n"),
    ("uppdrag: Bagare till Nordlager AB\n", "uppdrag: ~\n"),
    ("uppdrag: Bagare till Nordlager AB\n", "uppdrag: Bagare 😀 till Åre\n"),
    ("uppdrag: Bagare till Nordlager AB\n", "uppdrag: Bagare\u2028till\n"),
    ("uppdrag: Bagare till Nordlager AB\n", "uppdrag: Bagare\ttill\n"),
    ("uppdrag: Bagare till Nordlager AB\n", "uppdrag:\n"),
    ("uppdrag: Bagare till Nordlager AB\n", "intervjufas: x\n"),
    ("date: 2024-01-08\n", "date: 2024-13-08\n"),
    ("date: 2024-01-08\n", "date: '2024-01-08'\n"),
    ("date: 2024-01-08\n", "datum: 2024-01-08\n"),
    ("date: 2024-01-08\n", "date: null\n"),
    ("date: 2024-01-08\n", ""),
    ("intervjuform:\n- Snabbintervju\n- Konventionell intervju\n", "intervjuform: [Snabbintervju]\n"),
    ("intervjuform:\n- Snabbintervju\n", "intervjuform:\n  - Snabbintervju\n"),
    ("- Konventionell intervju\n", "- Konventionell intervju\n-\n"),
    ("- Konventionell intervju\n", "- - Konventionell intervju\n"),
    ("forfattare: Anna Berg\n", ""),
    ("forfattare: Anna Berg\nauthor: Anna Berg\n", "author:\n- Anna Berg\n"),
    ("forfattare: Anna Berg\n", "forfattare: null\n"),
    ("  format: 3\n", "  format: 4\n"),
    ("  format: 3\n", "  format: 03\n"),
    ("  format: 3\n", "  format: '3'\n"),
    ("  id: c85584e0f398\n", "  id: 123456789012\n"),
    ("  id: c85584e0f398\n", "  id: ''\n"),
    ("  id: c85584e0f398\n", "  id: c85584e0f398 # id\n"),
    ("    version: 2\n", "    version: '2'\n"),
    ("    version: 2\n", "    version: true\n"),
    ("    version: 2\n", ""),
    ("    version: 2\n    hash: 4a04db787f7603ef\n", "    hash: 4a04db787f7603ef\n    version: 2\n"),
    ("    id: snabbformat\n", "    id: 7\n"),
    ("  skapad: '2024-01-08T10:40:39+01:00'\n", "  skapad: 2024-01-08T10:40:39+01:00\n"),
    ("  skapad: '2024-01-08T10:40:39+01:00'\n", "  skapad: 'it''s'\n"),
    ("  uppdaterad: '2024-01-08T08:27:00+01:00'\n", ""),
    ("  steg:\n    processen: klar\n    reflektera: klar\n", "  steg: {}\n"),
    ("    processen: klar\n", "    processen: klar\n    processen: påbörjad\n"),
    ("    processen: klar\n", "    processen:  klar\n"),
    ("    processen: klar\n", "    processen:\n"),
    ("  atgarder:\n  - ca47404f\n  - 96ded9ed\n", "  atgarder: []\n"),
    ("  - ca47404f\n", "  - 1234\n"),
    ("  - ca47404f\n", "  - 0b1\n"),
    ("  - ca47404f\n", "  - 0b_\n"),
    ("  - ca47404f\n", "  - ._\n"),
    ("    processen: klar\n", "    0b_: klar\n"),
    ("uppdrag: Bagare till Nordlager AB\n", "uppdrag: 0b_\n"),
    ("  - ca47404f\n", "    - ca47404f\n"),
    ("  uppfoljning:\n", "  uppfoljning: {}\n  uppfoljningar:\n"),
    (
        "    e3146e78d289/4bb8fdcf: Inte än\n",
        "    e3146e78d289/4bb8fdcf: Inte än\n    e3146e78d289/4bb8fdcf: Släpp\n",
    ),
    ("    e3146e78d289/4bb8fdcf: Inte än\n", "    e3146e78d289/4bb8fdcf: 'Inte än'\n"),
    ("  karta: 10\n", "  karta: '10'\n"),
    ("  karta: 10\n", ""),
    ("  karta: 10\n", "  markeringar:\n  - - e3146e78d289/4bb8fdcf\n    - Genomfört\n    - '2024-01-09'\n"),
    ("  betyg:\n", "  ofardigt:\n    kund: Nord\n  betyg:\n"),
    ("    snabb_betyg_kandidat: 5", "    snabb_betyg_kandidat: 5\n  konfliktkopia_av: a.md"),
    ("    snabb_betyg_kandidat: 5", "    snabb_betyg_kandidat: 5\n"),
    ("    snabb_betyg_kandidat: 5", "    snabb_betyg_kandidat: 5\nextra: 1"),
    ("title:", "titel: x\ntitle:"),
    ("lang: sv\n", "lang: sv\n...\n"),
    ("lang: sv\n", "lang: sv\n---\n"),
    ("lang: sv\n", "lang: sv\n1: ett\nyes: ja\n"),
    # (hand edits at the top the reader takes itself: a comment, double quotes, a flow list)
    ("lang: sv\n", "lang: sv  # ändrat för hand\n"),
    ("lang: sv\n", "lang: sv\t# ändrat\n"),
    ("lang: sv\n", "lang: sv # a: 'b' # \"c\n"),
    ("kund: Nordlager AB\n", "kund: Nord#lager  # y\n"),
    ("lang: sv\n", 'lang: "sv"\n'),
    ("lang: sv\n", 'lang: "sv"  # x\n'),
    ("lang: sv\n", 'lang: ""\n'),
    ("kund: Nordlager AB\n", 'kund: " Nord lager \t"\n'),
    ("kund: Nordlager AB\n", 'kund: "Nord\\tlager"\n'),
    ("kund: Nordlager AB\n", 'kund: "Nord\\"lager"\n'),
    ("lang: sv\n", 'lang: "sv" x\n'),
    ("lang: sv\n", "lang: 'sv'  # x\n"),
    ("kund: Nordlager AB\n", "kund: 'a # b'  # x\n"),
    ("lang: sv\n", "lang: #\n"),
    ("lang: sv\n", "lang: -  # x\n"),
    ("lang: sv\n", "lang: a: b  # x\n"),
    ("tags:\n- intervjufas\n- snabbformat\n", "tags: [intervjufas, snabbformat]\n"),
    ("tags:\n- intervjufas\n- snabbformat\n", "tags: [intervjufas, snabbformat]  # x\n"),
    ("tags:\n- intervjufas\n- snabbformat\n", "tags: [intervjufas,snabbformat]\n"),
    ("tags:\n- intervjufas\n- snabbformat\n", "tags: [intervjufas, snabbformat,]\n"),
    ("tags:\n- intervjufas\n- snabbformat\n", "tags: [intervjufas, [snabbformat]]\n"),
    ("kund: Nordlager AB\n", "kund: Nordlager AB  # kunden\n"),
    ("kund: Nordlager AB\n", 'kund: "Nordlager AB"\n'),
    ("kund: Nordlager AB\n", 'kund: "Nordlager # AB"\n'),
    ("kund: Nordlager AB\n", "kund: yes  # x\n"),
    ("kund: Nordlager AB\n", "kund: 12  # x\n"),
    ("kund: Nordlager AB\n", "kund: [Nordlager, AB]\n"),
    ("date: 2024-01-08\n", "date: 2024-01-08  # datum\n"),
    ("date: 2024-01-08\n", 'date: "2024-01-08"\n'),
    ("date: 2024-01-08\n", 'date: "2024-13-08"\n'),
    ("date: 2024-01-08\n", "date: [2024-01-08]\n"),
    ("intervjuform:\n- Snabbintervju\n- Konventionell intervju\n", "intervjuform: [Snabbintervju, Telefon]\n"),
    (
        "intervjuform:\n- Snabbintervju\n- Konventionell intervju\n",
        "intervjuform: [2024-01-08, 1.5, yes, null, 0b1, 0x1f, 1_000, a.b, a-b, _x]\n",
    ),
    ("intervjuform:\n- Snabbintervju\n- Konventionell intervju\n", "intervjuform: [0b_]\n"),
    ("forfattare: Anna Berg\n", 'forfattare: "Anna Berg"  # x\n'),
    ("forfattare: Anna Berg\nauthor: Anna Berg\n", "author: [Anna]\n"),
    ("forfattare: Anna Berg\nauthor: Anna Berg\n", "author: [Anna, Berg]\n"),
]


@pytest.mark.parametrize(("old", "new"), EDITS)
def test_hand_edits_give_the_general_row_or_none(old: str, new: str) -> None:
    text = (USUAL + "\n").replace(old, new, 1).rstrip("\n") if old in USUAL + "\n" else pytest.fail(old)
    assert_same_or_none(text)


@SETTINGS
@given(ROUND_TRIP.kartlaggning_reports, st.data())
def test_edited_headers_give_the_general_row_or_none(report: Any, data: st.DataObject) -> None:
    text = rendered(report, "kartlaggning")
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 3))
        text = text[:at] + data.draw(st.sampled_from(FLAT.PIECES)) + text[at + cut :]
    assert_same_or_none(text)


@SETTINGS
@given(st.data())
def test_reordered_and_respaced_lines_give_the_general_row_or_none(data: st.DataObject) -> None:
    lines = USUAL.split("\n")
    for _ in range(data.draw(st.integers(1, 3))):
        first, second = data.draw(st.integers(0, len(lines) - 1)), data.draw(st.integers(0, len(lines) - 1))
        if data.draw(st.booleans()):
            lines[first], lines[second] = lines[second], lines[first]
        else:
            lines[first] = data.draw(st.sampled_from(["", " ", "  ", "- "])) + lines[first]
    assert_same_or_none("\n".join(lines))


@SETTINGS
@given(st.one_of(FLAT.yamlish, FLAT.structured_lines, FLAT.hand_written().map("\n".join)))
@example("title: x\nintervjufas:\n  format: 3\n  id: a\n  fragor:\n    id: s\n  skapad: x\n  steg: {}\n"
         "  atgarder: []\n  uppfoljning: {}")  # fmt: skip
def test_yaml_ish_text_gives_the_general_row_or_none(text: str) -> None:
    assert_same_or_none(text)


# -- the bytes of a file ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"---\n",
        b"---\ntitle: x\n",  # (no end)
        b"\xef\xbb\xbf---\n" + USUAL.encode() + b"\n---\n",  # (a byte-order mark)
        b"---\r\n" + USUAL.replace("\n", "\r\n").encode() + b"\r\n---\r\n",
        b"---\n" + USUAL.encode() + b"\n--- \n",  # (an end line the general way reads too)
        b"---\n" + USUAL.encode() + b"\n...\n",
        b"---\n" + USUAL.replace("Bagare", "Bag\x00re").encode() + b"\n---\n",
        b"---\n" + USUAL.replace("Bagare", "Bag\xc2\x85re").encode("latin-1", "ignore") + b"\n---\n",
        b"---\n" + USUAL.encode()[:-20] + b"\xff\xfe\n---\n",
        b"---\n" + USUAL.encode() + b"\n" + b"x: y\n" * 900 + b"---\n",  # (beyond the first read)
    ],
)
def test_odd_files_take_the_general_way(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "r.md"
    path.write_bytes(data)
    assert read_own_row(path) is None


def test_header_text_is_the_general_text() -> None:
    from intervjufas.report import front_matter

    for data in (b"---\n" + USUAL.encode() + b"\n---\nbody\n", b"---\na: 1\n---\n"):
        assert header_text(data) == front_matter._plain_header_text(data)


def test_a_folder_or_a_fifo_named_as_a_report_takes_the_general_way(tmp_path: Path) -> None:
    (tmp_path / "mapp.md").mkdir()
    assert read_own_row(tmp_path / "mapp.md") is None
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "fifo.md")
        assert read_own_row(tmp_path / "fifo.md") is None  # (and it does not wait for a writer)
    assert read_own_row(tmp_path / "saknas.md") is None


@given(st.text("0123456789abcfxyzABX/._-:", min_size=1, max_size=12))
@example("0b101")
@example("0x1f")
@example("12345678")
@example("2c87365f3c92/582475c3")
@example("18bcfac2")
@example("1e10")
def test_ids_taken_as_text_are_text_for_yaml(raw: str) -> None:
    """The ids the reader takes as text without asking YAML's resolver (``SURE_TEXT``) are text
    for YAML too, as a value and as a key."""
    import yaml

    from intervjufas.folder.own_layout import SURE_TEXT

    if SURE_TEXT.fullmatch(raw):
        assert yaml.safe_load(f"v: {raw}\n{raw}: 1\n") == {"v": raw, raw: 1}


ITEM_SHAPES = st.text("0123456789abefnoxyABENOY_./+-:", min_size=1, max_size=10)


@SETTINGS
@given(st.lists(ITEM_SHAPES, min_size=1, max_size=4))
@example(["on", "Off", "y", "N", "e3", "_a", "c431d1f6"])
@example(["1e3", "0b1", "0x1a", "1_0", "12345678", "abc.def", "a/b"])
def test_action_items_in_every_shape_give_the_general_row(items: list[str]) -> None:
    """The items of ``atgarder`` taken as text in one look at the block (ids as the program writes
    them) are text for the general reading too; any other is read as it reads it, or not here."""
    block = "".join(f"  - {item}\n" for item in items)
    text = USUAL.replace("  - ca47404f\n  - 96ded9ed\n", block)
    assert_same_or_none(text)


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(FIELDS), st.sampled_from(VALUES)), min_size=1, max_size=3))
def test_a_line_read_before_is_read_alike_in_another_header(changes: list[tuple[str, str]]) -> None:
    """What a line of one header was read as is remembered; the same line in another header (and
    the same header read again) gives the general row all the same."""
    text = USUAL
    for old, new in changes:
        text = text.replace(old, new)
    first = assert_same_or_none(text)
    assert assert_same_or_none(text) == first
    assert_same_or_none(USUAL)


def _containers(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [value, *(c for item in value.values() for c in _containers(item))]
    if isinstance(value, list):
        return [value, *(c for item in value for c in _containers(item))]
    return []


@pytest.mark.parametrize(
    "text",
    [
        USUAL,
        USUAL.replace("kund: Nordlager AB", "kund: []"),
        USUAL.replace("processen: klar", "processen: []").replace("snabb_betyg_kund: 4", "snabb_betyg_kund: {}"),
        USUAL.replace("- Snabbintervju\n", "- []\n"),
    ],
)
def test_two_rows_of_one_text_share_no_list_or_mapping(text: str) -> None:
    """Lines read before are remembered, but never a list or a mapping: a row is its own – but
    for its steps, which ``FolderHeader`` never hands out (one mapping for equal steps)."""
    first, second = own_row(text), own_row(text)
    assert first is not None and second is not None and FLAT.same(first, second)
    steps = ROW_FIELDS.index("steg")
    assert first[steps] is second[steps]
    first[steps] = second[steps] = None
    seen = {id(c) for c in _containers(first)}
    assert not [c for c in _containers(second) if id(c) in seen]


ROW_FIELDS = ["format", "id", "fragor.id", "fragor.version", "fragor.hash", "skapad", "datum", "uppdrag",
              "kund", "intervjuform", "steg", "atgarder", "uppfoljning", "betyg", "forfattare", "karta",
              "konfliktkopia_av", "markeringar"]  # fmt: skip


def test_the_steps_of_a_folder_header_are_never_handed_out() -> None:
    """(Why the steps of equal headers may be one mapping.)"""
    header = FolderHeader(own_row(USUAL) or [])
    steps = header.row[ROW_FIELDS.index("steg")]
    assert header.steps() == header["steg"] == header.get("steg") == {"processen": "klar", "reflektera": "klar"}
    for handed in (header.steps(), header["steg"], header.get("steg"), dict(header)["steg"], header.steps_key()):
        assert handed is not steps


HAND_VALUES = st.sampled_from([*VALUES, "Nordlager AB", "a#b", "a\\tb", 'a\\"b', "a #b", "[a, b]", "[]", "{}", '"x"', '"a # b"', ""])


@SETTINGS
@given(
    st.sampled_from(["lang", "kund", "uppdrag", "roll", "date", "forfattare", "author", "tags", "intervjuform"]),
    HAND_VALUES,
    st.sampled_from(["plain", "double", "flow"]),
    st.sampled_from(["", "  # ändrat", "\t#x", " # a: 'b' # c", "#x", "  #"]),
)
@example("kund", "a#b", "plain", "  # ändrat")
@example("kund", "a\\tb", "double", "")
def test_hand_edited_values_at_the_top_give_the_general_row_or_none(key: str, value: str, form: str, comment: str) -> None:
    """A value at the top written as a hand edit writes it – in double quotes, as a flow list,
    with a comment after it – is read here as the general way reads it, or not here."""
    written = {"plain": value, "double": f'"{value}"', "flow": f"[{value}, {value}]"}[form] + comment
    assert_same_or_none(with_top_value(key, written))


def with_top_value(key: str, written: str) -> str:
    """USUAL with ``key``'s entry at the top (its line and any list below it) written anew."""
    lines = USUAL.split("\n")
    at = next((n for n, line in enumerate(lines) if line.startswith(f"{key}:")), 1)
    end = at + 1 if lines[at].startswith(f"{key}:") else at
    while lines[end].startswith("- "):
        end += 1
    return "\n".join([*lines[:at], f"{key}: {written}", *lines[end:]])


def test_usual_hand_edits_at_the_top_are_read_here() -> None:
    """(So that the property above compares rows, not only Nones.)"""
    edits = [("lang", "sv  # ändrat"), ("lang", '"sv"'), ("tags", "[intervjufas, snabbformat]"),
             ("kund", '"Nordlager AB"  # x'), ("intervjuform", "[Snabbintervju, Telefon]"),
             ("author", "[Anna]"), ("date", "2024-01-08 # x")]  # fmt: skip
    for key, written in edits:
        text = with_top_value(key, written)
        assert f"\n{key}: {written}\n" in text
        assert assert_same_or_none(text) is not None, text
