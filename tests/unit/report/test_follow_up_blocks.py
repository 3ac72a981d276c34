"""A report read for its follow-ups and marks alone (``report/partial_parse.follow_up_blocks``, what
a cold ``plan`` reads of thousands of reports) gives exactly the follow-ups and marks the whole
report gives, whatever the body holds around them: headings of every kind (with and without an id,
indented, too deep), the same follow-up or mark written twice with other answers, mark ids the
program did not write, blank lines before and after a block and at the end of the body, and lines
that look like the report's structure."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_report_roundtrip import NASTY_LINES, line_text

from intervjufas.model.answers import Answer
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.report.model import FOLLOW_UP_STATUSES, MERGED, Report
from intervjufas.report.parse import parse, read_header
from intervjufas.report.partial_parse import follow_up_blocks, parse_parts
from intervjufas.report.render import render

QUESTIONNAIRE = builtin_set("kartlaggning")
KEYS = ("abcdef012345/0badcafe", "abcdef012345/12345678", "fedcba987654/fore_kunden/1")
TIMES = ("2024-03-01T10:00:00+01:00", "2024-03-02T11:30:00+01:00")


def _header() -> str:
    report = Report.new(QUESTIONNAIRE)
    report.answers["uppdrag"] = Answer("Lager")
    text = render(report, QUESTIONNAIRE)
    return text[: text.index("\n---\n", 4) + 5]


HEADER = _header()
FOLLOW_UPS = [f"### Moment {n} (Steg 1 · utveckla)<!-- uppfoljning: {key} -->" for n, key in enumerate(KEYS)]
MARKS = [
    f"### Ändrat {n}<!-- markering: {key}@{time}{into} -->"
    for n, (key, time, into) in enumerate(
        (k, t, i) for k in KEYS[:2] for t in TIMES for i in ("", "@", f"@{KEYS[2]}")
    )
] + [
    "### Fel <!-- markering: utan-tid -->",
    "### Kort <!-- markering: x@2024 -->",
    "#### Tight<!--markering:a@2024-01-01T00:00:00-->",
]
OTHER_HEADINGS = [
    "## Steg 1<!-- steg: fore -->",
    "### Fråga <!-- fraga: fore_kunden -->",
    "## Utvecklingsplan<!-- avsnitt: plan -->",
    "## Uppföljning<!-- avsnitt: uppfoljning -->",
    "   ## Indragen",
    "#",
    "###",
    "#\tTabb",
    "####### Sju",
    " # x <!-- uppfoljning: abcdef012345/0badcafe -->",
    "Text <!-- uppfoljning: abcdef012345/0badcafe -->",
    "### <!-- uppfoljning: abcdef012345/0badcafe --> efter",
]
ANSWERS = [
    *(f"Svar: **{status}**" for status in (*FOLLOW_UP_STATUSES, MERGED)),
    "Svar: **Okänt**",
    "*Inte besvarad*",
    "Kommentar på en rad.",
    "- punkt",
    "",
    "",
]
LINES = st.one_of(
    st.sampled_from(FOLLOW_UPS + MARKS),
    st.sampled_from(OTHER_HEADINGS),
    st.sampled_from(ANSWERS),
    st.sampled_from(NASTY_LINES),
    line_text,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=st.lists(LINES, max_size=40), ends=st.sampled_from(["\n", "\r\n"]))
def test_follow_ups_and_marks_read_alone_are_those_of_the_whole_report(body: list[str], ends: str) -> None:
    text = (HEADER + "\n".join(body)).replace("\n", ends)
    whole = parse(text, QUESTIONNAIRE, strict=False)
    alone = parse_parts(text, QUESTIONNAIRE, read_header(text, "rapport.md"), plans=False)
    if alone is None:  # (read in full: a git conflict marker among the random lines)
        return
    assert alone.follow_ups == whole.follow_ups
    assert alone.marks == whole.marks
    assert (alone.report_id, alone.date, alone.created, alone.detail("kund")) == (
        whole.report_id,
        whole.date,
        whole.created,
        whole.detail("kund"),
    )


def test_a_follow_up_ends_at_the_next_heading_of_any_kind_and_blank_lines_are_trimmed() -> None:
    body = [
        FOLLOW_UPS[0],
        "",
        "Svar: **Delvis**",
        "",
        "Första.",
        "",
        "   ## Indragen",
        "x",
        FOLLOW_UPS[1],
        "",
        "",
        "Svar: **Släpp**",
        "",
        "",
    ]
    blocks = follow_up_blocks(body)
    assert [(kind, key, lines) for kind, key, _, lines in blocks] == [
        ("uppfoljning", KEYS[0], ["Svar: **Delvis**", "", "Första."]),
        ("uppfoljning", KEYS[1], ["", "Svar: **Släpp**"]),
    ]
