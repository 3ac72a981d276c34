"""The answer codec: how one answer is written under its heading and read back, exactly – in the
current format (2), and reading reports of format 1."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from intervjufas.errors import AnswerFormatError
from intervjufas.model.answer_codec import decode, encode
from intervjufas.model.answers import ActionItem, Answer
from intervjufas.model.markdown_text import PLACEHOLDER, V1, V2
from intervjufas.model.question_types.table import TYPES
from intervjufas.model.questions import Question

escape_text, unescape_text = V2.escape, V2.unescape

STRUCTURE = re.compile(r"^(#{1,6})[ \t]+.*<!--[ \t]*(steg|grupp|fraga|avsnitt|uppfoljning)[ \t]*:")


def question(kind: str, **extra: object) -> Question:
    return Question(id="q", text="Fråga?", kind=TYPES[kind], **extra)  # type: ignore[arg-type]


TEXT = question("langtext")
LINE = question("text")
YES_NO = question("janej")
CHOICE = question("val", choices=("Ja", "Delvis", "Nej"), comment=True)
PLAIN_CHOICE = question("val", choices=("Individuellt", "Tillsammans med en kollega"))
MULTI = question("flerval", choices=("Telefonintervju", "Snabbintervju", "Konventionell intervju"))
SCALE = question("skala", scale_min=1, scale_max=5, scale_labels=((1, "Mycket dålig"), (5, "Mycket bra")))
DATE = question("datum")
ITEMS = question("atgarder", plan="utveckla")

NASTY_LINES = [
    "# x",
    "## Steg 1: Före intervjun <!-- steg: fore -->",
    "### x <!-- fraga: fore_kunden -->",
    "#### Reflektion <!-- grupp: fore_reflektion -->",
    "#x",
    "---",
    "***",
    "___",
    "===",
    "- - -",
    "---   ",
    "```",
    "<!-- x -->",
    "<!--",
    PLACEHOLDER,
    "\\" + PLACEHOLDER,
    "\\\\" + PLACEHOLDER,
    "\\# x",
    "\\\\# x",
    "\\---",
    "\\<!-- x -->",
    "\\",
    "",
    "   ",
    "\t",
    "**Ja**",
    "1. **moment**",
    "   - Varför: x",
]
nasty_text = st.lists(
    st.one_of(st.sampled_from(NASTY_LINES), st.text(alphabet=st.characters(exclude_characters="\n"))),
    min_size=1,
    max_size=8,
).map("\n".join)
any_text = st.one_of(st.text(), nasty_text)


# -- escaping --------------------------------------------------------------------------------------


@given(any_text)
@example("*Inget svar.*")
@example("\\*Inget svar.*")
@example("### x <!-- fraga: fore_kunden -->")
def test_escape_then_unescape_gives_back_the_text(text: str) -> None:
    assert unescape_text(escape_text(text)) == text


@given(any_text, any_text)
def test_escaping_is_injective(a: str, b: str) -> None:
    if a != b:
        assert escape_text(a) != escape_text(b)


@given(any_text)
def test_escaped_lines_cannot_change_the_document_structure(text: str) -> None:
    lines = escape_text(text)
    for line in lines:
        assert not line.startswith("#")
        assert not line.startswith("<!--")
        assert not STRUCTURE.match(line)
        assert not re.fullmatch(r"(-{3,}|\*{3,}|_{3,}|={3,})[ \t]*", line)
    assert lines != [PLACEHOLDER]


def test_escaping_examples() -> None:
    # Each typed line break is a hard break (a backslash at the end of the line).
    assert escape_text("# Rubrik\nvanlig\n---") == ["\\# Rubrik\\", "vanlig\\", "\\---"]
    assert escape_text("första\n\nandra stycket") == ["första", "", "andra stycket"]
    assert escape_text(PLACEHOLDER) == ["\\" + PLACEHOLDER]
    assert escape_text(PLACEHOLDER + "\nmer") == ["\\" + PLACEHOLDER + "\\", "mer"]
    assert escape_text("\\# redan") == ["\\\\# redan"]
    assert escape_text("vanlig text") == ["vanlig text"]
    # Raw HTML, entities, tables, lists, quotes and math show as typed.
    assert escape_text("<details>") == ["\\<details>"]
    assert escape_text("a <b>fet</b> &amp; 5 < 6") == ["a \\<b>fet\\</b> \\&amp; 5 < 6"]
    assert escape_text("| a | b |") == ["\\| a \\| b \\|"]
    assert escape_text("- punkt\n1. punkt\n> citat") == ["\\- punkt\\", "1\\. punkt\\", "\\> citat"]
    assert escape_text("100$ och 200$") == ["100\\$ och 200\\$"]
    assert escape_text("C:\\mapp\\") == ["C:\\mapp\\\\"]


def test_format_1_text_is_read_as_it_was_written() -> None:
    assert V1.unescape(["\\# Rubrik", "a <b>|</b>", "\\---"]) == "# Rubrik\na <b>|</b>\n---"
    assert V1.unescape(["\\" + PLACEHOLDER]) == PLACEHOLDER
    assert V1.unescape(["C:\\mapp\\", "rad två"]) == "C:\\mapp\\\nrad två"
    assert decode(CHOICE, ["**Delvis**", "", "Saknar", "mall"], V1) == Answer("Delvis", "Saknar\nmall")
    assert decode(ITEMS, ["1. **a*b**", "   - Varför: x_y"], V1) == Answer((ActionItem("a*b", "x_y"),))


# -- encode / decode per type ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("q", "answer", "lines"),
    [
        (TEXT, Answer("Första raden\n\n# inte rubrik"), ["Första raden", "", "\\# inte rubrik"]),
        (TEXT, Answer("Rad ett\nrad två"), ["Rad ett\\", "rad två"]),
        (LINE, Answer("Kort"), ["Kort"]),
        (YES_NO, Answer("Ja"), ["Svar: **Ja**"]),
        (CHOICE, Answer("Delvis", "Saknar\nmall"), ["Svar: **Delvis**", "", "Saknar\\", "mall"]),
        (CHOICE, Answer("Nej"), ["Svar: **Nej**"]),
        (
            MULTI,
            Answer(("Telefonintervju", "Konventionell intervju")),
            ["- Telefonintervju", "- Konventionell intervju"],
        ),
        (SCALE, Answer(5), ["Betyg: **5** av 5 (Mycket bra)"]),
        (SCALE, Answer(3), ["Betyg: **3** av 5"]),
        (DATE, Answer("2024-03-01"), ["2024-03-01"]),
        (
            ITEMS,
            Answer((ActionItem("Checklista", "Tydlighet"), ActionItem("Mall"))),
            ["1. **Checklista**", "   - Varför: Tydlighet", "2. **Mall**"],
        ),
        (
            ITEMS,
            Answer((ActionItem("*Viktig* <b>", "a | b"),)),
            ["1. **\\*Viktig\\* \\<b>**", "   - Varför: a \\| b"],
        ),
    ],
)
def test_encode_and_decode(q: Question, answer: Answer, lines: list[str]) -> None:
    assert encode(q, answer) == lines
    assert decode(q, lines) == answer


@pytest.mark.parametrize("q", [TEXT, LINE, YES_NO, CHOICE, MULTI, SCALE, DATE, ITEMS])
def test_empty_answer_is_the_placeholder(q: Question) -> None:
    assert encode(q, Answer(None)) == [PLACEHOLDER]
    assert decode(q, [PLACEHOLDER]) == Answer(None)
    assert decode(q, []) == Answer(None)


@pytest.mark.parametrize("q", [YES_NO, CHOICE, MULTI, SCALE, DATE, ITEMS])
def test_blank_lines_are_an_empty_answer(q: Question) -> None:
    assert decode(q, ["", "  "]) == Answer(None)


def test_a_text_that_looks_like_the_placeholder_is_kept() -> None:
    answer = Answer(PLACEHOLDER)
    assert encode(TEXT, answer) == ["\\" + PLACEHOLDER]
    assert decode(TEXT, encode(TEXT, answer)) == answer


@given(any_text)
def test_text_round_trip(text: str) -> None:
    answer = Answer(text)
    assert decode(TEXT, encode(TEXT, answer)) == answer


@given(st.sampled_from(CHOICE.choices), any_text)
def test_choice_with_comment_round_trip(choice: str, comment: str) -> None:
    answer = Answer(choice, comment)
    assert decode(CHOICE, encode(CHOICE, answer)) == answer


@given(
    st.lists(
        st.tuples(
            st.text(min_size=1).filter(lambda t: ActionItem(t).moment),
            st.text(),
        ),
        min_size=1,
        max_size=5,
    )
)
@example([("**", "**")])
@example([("*", "")])
@example([("1. **x**", "   - Varför: y")])
def test_action_items_round_trip(pairs: list[tuple[str, str]]) -> None:
    answer = Answer(tuple(ActionItem(m, w) for m, w in pairs))
    assert decode(ITEMS, encode(ITEMS, answer)) == answer


# -- lenient reading of hand-written answers -------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Ja"], Answer("Ja")),
        (["ja"], Answer("Ja")),
        (["**nej**"], Answer("Nej")),
        ([" **Ja** "], Answer("Ja")),
        (["Svar: Ja"], Answer("Ja")),
        (["Svar: **nej**"], Answer("Nej")),
        (["j"], Answer("Ja")),
    ],
)
def test_yes_no_written_by_hand(lines: list[str], expected: Answer) -> None:
    assert decode(YES_NO, lines) == expected


def test_choice_comment_without_blank_line_and_choice_without_bold() -> None:
    assert decode(CHOICE, ["Delvis", "Kommentar direkt under"]) == Answer("Delvis", "Kommentar direkt under")
    assert decode(CHOICE, ["**delvis**", "", "rad 1", "", "rad 3"]) == Answer("Delvis", "rad 1\n\nrad 3")


@pytest.mark.parametrize(
    "lines",
    [
        ["- Telefonintervju", "- Snabbintervju"],
        ["* Snabbintervju", "+ telefonintervju"],
        ["1. Telefonintervju", "", "2) Snabbintervju"],
        ["Telefonintervju", "Snabbintervju"],
    ],
)
def test_multiple_choice_written_by_hand(lines: list[str]) -> None:
    assert decode(MULTI, lines) == Answer(("Telefonintervju", "Snabbintervju"))


def test_a_choice_containing_a_comma_is_read_as_one_choice() -> None:
    q = question("flerval", choices=("Röd", "Blå, mörk", "Blå"))
    answer = Answer(("Röd", "Blå, mörk"))
    assert encode(q, answer) == ["- Röd", "- Blå, mörk"]
    assert decode(q, encode(q, answer)) == answer


@pytest.mark.parametrize(
    "line", ["4", "**4**", "4 av 5", "**4** av 5 (Bra)", "  4  ", "Betyg: **4** av 5", "Betyg: 4"]
)
def test_scale_written_by_hand(line: str) -> None:
    assert decode(SCALE, [line]) == Answer(4)


def test_date_written_by_hand() -> None:
    assert decode(DATE, [" 2024-05-06 "]) == Answer("2024-05-06")
    assert decode(DATE, ["idag"]) == Answer(dt.date.today().isoformat())


@pytest.mark.parametrize(
    "lines",
    [
        ["1. **Checklista**", "   - Varför: Tydlighet", "2. **Mall**"],
        ["1. Checklista", "   Varför: Tydlighet", "2. Mall"],
        ["- Checklista", "  - varför:Tydlighet", "- Mall"],
        ["1) **Checklista**", "\t- Syfte: Tydlighet", "", "2) Mall"],
        ["* Checklista", "   - Varför:  Tydlighet", "+ Mall"],
    ],
)
def test_action_items_written_by_hand(lines: list[str]) -> None:
    assert decode(ITEMS, lines) == Answer((ActionItem("Checklista", "Tydlighet"), ActionItem("Mall")))


def test_action_item_continuation_lines_join_the_moment_or_the_why() -> None:
    lines = ["1. Checklista", "   för kunden", "   - Varför: så att", "     inget glöms", "2. Mall"]
    assert decode(ITEMS, lines) == Answer(
        (ActionItem("Checklista för kunden", "så att inget glöms"), ActionItem("Mall"))
    )


# -- errors carry the line offset ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("q", "lines", "offset", "message"),
    [
        (YES_NO, ["**Kanske**"], 0, "'Kanske' är inte Ja eller Nej"),
        (CHOICE, ["**Ibland**", "", "kommentar"], 0, "'Ibland' är inte ett av valen (Ja, Delvis, Nej)"),
        (YES_NO, ["**Ja**", "", "en kommentar"], 1, "frågan 'q' har ingen kommentar"),
        (MULTI, ["- Telefonintervju", "", "- Videointervju"], 2, "'Videointervju' är inte ett av valen"),
        (SCALE, ["fyra"], 0, "skriv en siffra mellan 1 och 5"),
        (SCALE, ["**4** av 5", "mer text"], 0, "skriv en siffra mellan 1 och 5"),
        (SCALE, ["**9** av 5"], 0, "9 ligger utanför skalan 1–5"),
        (DATE, ["förra veckan"], 0, "'förra veckan' är inte ett datum på formen ÅÅÅÅ-MM-DD"),
        (
            ITEMS,
            ["1. **A**", "   - Varför: x", "", "löst skräp"],
            3,
            "skriv varje moment som en numrerad rad",
        ),
        (ITEMS, ["   indraget först"], 0, "skriv varje moment som en numrerad rad"),
    ],
)
def test_decode_errors_name_the_line_offset(q: Question, lines: list[str], offset: int, message: str) -> None:
    with pytest.raises(AnswerFormatError) as caught:
        decode(q, lines)
    assert caught.value.offset == offset
    assert caught.value.message.startswith(message)
