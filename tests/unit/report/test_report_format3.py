"""Format 3 of the report: ``author`` and ``lang`` in the front matter for pandoc and other tools,
free text escaped for every reader (see test_renderers_show_as_typed); a report of format 2 reads
exactly as before and is written as format 3 on its next save."""

from __future__ import annotations

import yaml

from intervjufas.model.answers import Answer
from intervjufas.model.markdown_text import V2
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.report.front_matter import parse_header, split_front_matter
from intervjufas.report.model import Report
from intervjufas.report.parse import parse
from intervjufas.report.render import render

TYPED = 'Se https://x.se/a_b\n--- "citat" ... \\ x och <https://y.se> C:\\mapp\\'
# A report as format 2 wrote it (bare address, '---', quotes and '\ ' as typed).
FORMAT_2 = """\
---
title: 'Kartlägg intervjufasen – snabbformat: Lager'
uppdrag: Lager
forfattare: Anna Berg
tags:
- intervjufas
- snabbformat
intervjufas:
  format: 2
  id: 0123456789ab
  fragor:
    id: snabbformat
    version: 2
    hash: 4a04db787f7603ef
  skapad: '2024-05-01T10:00:00'
  uppdaterad: '2024-05-01T10:00:00'
  steg:
    processen: påbörjad
    reflektera: ej påbörjad
  atgarder: []
  uppfoljning: {}
  karta: 0
---

# Kartlägg intervjufasen – snabbformat: Lager

## Del 1: Intervjuprocessen från start till slut<!-- steg: processen -->

*Status: påbörjad*

### Förbered inför en intervju med deltagare kopplat till ett uppdrag<!-- fraga: forbered -->

Se https://x.se/a_b\\
--- "citat" ... \\ x och \\<https://y.se> C:\\mapp\\\\
"""


def header_of(text: str) -> dict[str, object]:
    lines, _, _ = split_front_matter(text.split("\n"))
    loaded = yaml.safe_load("\n".join(lines))
    assert isinstance(loaded, dict)
    return loaded


def test_the_format_2_sample_is_what_format_2_wrote() -> None:
    answer = FORMAT_2.split("fraga: forbered -->\n\n", 1)[1].rstrip("\n").split("\n")
    assert V2.escape(TYPED) == answer


def test_a_format_2_report_reads_exactly_and_is_written_as_format_3() -> None:
    questionnaire = builtin_set("snabbformat")
    report = parse(FORMAT_2, questionnaire)
    assert report.answers["forbered"] == Answer(TYPED)
    assert report.author == "Anna Berg"
    upgraded = render(report, questionnaire)
    header = header_of(upgraded)
    assert header["intervjufas"]["format"] == 3  # type: ignore[index]
    assert (header["forfattare"], header["author"], header["lang"]) == ("Anna Berg", "Anna Berg", "sv")
    assert (
        'Se <https://x.se/a_b>\\\n\\-\\-\\- \\"citat\\" \\.\\.\\. \\\\ x och <<https://y.se>> C:' in upgraded
    )
    assert parse(upgraded, questionnaire) == report


def test_without_an_author_only_the_language_is_written() -> None:
    questionnaire = builtin_set("snabbformat")
    report = Report.new(questionnaire)
    report.answers["uppdrag"] = Answer("Lager")
    header = header_of(render(report, questionnaire))
    assert header["lang"] == "sv"
    assert "author" not in header and "forfattare" not in header


def test_forfattare_wins_over_a_hand_edited_author() -> None:
    questionnaire = builtin_set("snabbformat")
    text = render(parse(FORMAT_2, questionnaire), questionnaire)
    edited = text.replace("author: Anna Berg\n", "author: Bo Ek\n", 1)
    assert edited != text
    report = parse(edited, questionnaire)
    assert report.author == "Anna Berg"
    assert render(report, questionnaire) == text  # the copy for other tools follows 'forfattare'


def test_author_counts_when_forfattare_is_missing() -> None:
    questionnaire = builtin_set("snabbformat")
    text = render(parse(FORMAT_2, questionnaire), questionnaire).replace("forfattare: Anna Berg\n", "", 1)
    for written in ("author: Bo Ek\n", "author:\n- Bo Ek\n"):
        edited = text.replace("author: Anna Berg\n", written, 1)
        assert parse(edited, questionnaire).author == "Bo Ek"
        lines, _, _ = split_front_matter(edited.split("\n"))
        assert parse_header(lines)["forfattare"] == "Bo Ek"
        header = header_of(render(parse(edited, questionnaire), questionnaire))
        assert (header["forfattare"], header["author"]) == ("Bo Ek", "Bo Ek")


def test_a_hand_written_autolink_reads_as_its_address() -> None:
    questionnaire = builtin_set("snabbformat")
    text = render(parse(FORMAT_2, questionnaire), questionnaire)
    edited = text.replace("C:", "<https://z.se/a_b*> C:", 1)
    assert "z.se" in edited
    assert "https://z.se/a_b* C:" in str(parse(edited, questionnaire).answers["forbered"].value)
