"""Reports read well in the tools people open them in: rendered by markdown-it (CommonMark, GFM
tables, front matter, raw HTML allowed as on GitHub and in VS Code), every typed line break is a
line break, headings are clean and unique, answers show exactly as typed – raw HTML and Markdown
syntax included – and the action plan is a real table."""

from __future__ import annotations

import datetime as dt
import re

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from intervjufas.model.answers import ActionItem, Answer, Moment
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.report.model import Report
from intervjufas.report.plan import planned_items
from intervjufas.report.render import render

HOSTILE = (
    "Rad ett\nrad två med *stjärnor* och _understreck_\n<details>\n# inte en rubrik\n"
    "- inte en lista\n1. inte heller\n> inget citat\n| a | b |\n```\n$x$ `kod` [länk](https://x.se) &amp;\n"
    "\n<!-- ingen kommentar -->\nC:\\mapp\\"
)


def markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable("table").use(front_matter_plugin)


def inline_text(token: Token) -> str:
    """What a reader sees of an inline token: text, with hard and soft breaks as line breaks."""
    parts = []
    for child in token.children or []:
        if child.type in ("hardbreak", "softbreak"):
            parts.append("\n")
        elif child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.children:
            parts.append(inline_text(child))
    return "".join(parts)


def shown_answers(text: str) -> dict[str, str]:
    """The text shown under each question heading (paragraphs joined by blank lines)."""
    tokens = markdown().parse(text)
    shown: dict[str, list[str]] = {}
    current = None
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            source = tokens[index + 1]
            match = re.search(r"<!-- fraga: (\w+) -->", source.content)
            current = match.group(1) if match else None
        elif token.type == "inline" and tokens[index - 1].type == "paragraph_open" and current:
            shown.setdefault(current, []).append(inline_text(token))
    return {key: "\n\n".join(value) for key, value in shown.items()}


def as_seen(text: str) -> str:
    """Typed text as any Markdown reader shows it: each line without its outer spaces, runs of
    blank lines as one paragraph break."""
    lines = [line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def full_report(questionnaire: Questionnaire, text: str) -> Report:
    report = Report.new(questionnaire)
    report.answers["uppdrag"] = Answer("Lager <b>& Co</b>")
    report.answers["datum"] = Answer("2024-05-01")
    for step in questionnaire.steps:
        for question in step.questions:
            if question.kind.name in ("text", "langtext"):
                report.answers[question.id] = Answer(text)
            elif question.kind.name == "atgarder":
                report.answers[question.id] = Answer((ActionItem("Checklista | *ny*", "<i>Tydlighet</i>"),))
            elif question.kind.name in ("janej", "val"):
                report.answers[question.id] = Answer(question.choices[0], text if question.comment else "")
            elif question.kind.name == "skala":
                report.answers[question.id] = Answer(question.scale_max)
    return report


def with_moments(report: Report, questionnaire: Questionnaire, names: tuple[str, ...]) -> Report:
    for question in questionnaire.all_questions():
        if question.kind.name == "moment":
            report.answers[question.id] = Answer(tuple(Moment(name, ("kunden",)) for name in names))
    return report


def test_the_process_map_is_a_table_with_a_row_per_moment() -> None:
    questionnaire = builtin_set("kartlaggning")
    report = with_moments(
        full_report(questionnaire, "svar"), questionnaire, ("Kravprofil | *ny*", "Intervju")
    )
    cells = next(t for t in tables(render(report, questionnaire)) if t[0] == "Fas")
    assert cells[:5] == ["Fas", "Moment", "Förändring", "Berör", "Notering"]
    assert cells[5:10] == ["Före intervjun", "Kravprofil | *ny*", "", "kunden", ""]  # shown as typed
    # Each phase: the two mapped moments and the item planned to be added ("Checklista").
    assert len(cells) == 5 * (1 + 3 * 3)
    assert cells[-5:] == ["Efter intervjun", "Checklista | *ny*", "Nytt", "", ""]


def test_front_matter_has_the_keys_other_tools_read() -> None:
    questionnaire = builtin_set("kartlaggning")
    text = render(full_report(questionnaire, "svar"), questionnaire)
    tokens = markdown().parse(text)
    assert tokens[0].type == "front_matter"
    header = yaml.safe_load(tokens[0].content)
    assert header["title"] == "Kartlägg intervjufasen: Lager <b>& Co</b>"
    assert header["date"] == dt.date(2024, 5, 1)  # a YAML date, not a string
    assert header["uppdrag"] == "Lager <b>& Co</b>"
    assert "intervjufas" in header["tags"] and "kartlaggning" in header["tags"]
    assert all(not isinstance(value, dict) for key, value in header.items() if key != "intervjufas")


def test_every_typed_line_break_and_character_shows_as_typed() -> None:
    for set_id in ("kartlaggning", "snabbformat"):
        questionnaire = builtin_set(set_id)
        report = full_report(questionnaire, HOSTILE)
        shown = shown_answers(render(report, questionnaire))
        texts = [q for s in questionnaire.steps for q in s.questions if q.kind.name in ("text", "langtext")]
        assert texts
        for question in texts:
            assert shown[question.id] == as_seen(HOSTILE), question.id


def test_raw_html_in_answers_never_reaches_the_page() -> None:
    questionnaire = builtin_set("kartlaggning")
    tokens = markdown().parse(render(full_report(questionnaire, HOSTILE), questionnaire))
    html = [t.content.strip() for t in tokens if t.type == "html_block"]
    inline = [
        c.content for t in tokens if t.type == "inline" for c in t.children or [] if c.type == "html_inline"
    ]
    # Only the program's own comments: the guide under the title and the ids after the headings.
    assert all(block.startswith("<!-- Svaren står") for block in html)
    assert all(re.fullmatch(r"<!-- (steg|grupp|fraga|avsnitt|uppfoljning): \S+ -->", c) for c in inline)


def test_headings_are_clean_and_unique() -> None:
    for set_id in ("kartlaggning", "snabbformat"):
        questionnaire = builtin_set(set_id)
        tokens = markdown().parse(render(full_report(questionnaire, "svar"), questionnaire))
        headings = [inline_text(tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "heading_open"]
        assert headings
        assert all(h == h.strip() for h in headings), [h for h in headings if h != h.strip()]
        assert len(headings) == len(set(headings)), sorted(h for h in headings if headings.count(h) > 1)


def tables(text: str) -> list[list[str]]:
    """The cells of each table in a rendered text, row by row."""
    found: list[list[str]] = []
    tokens = markdown().parse(text)
    for index, token in enumerate(tokens):
        if token.type == "table_open":
            found.append([])
        elif token.type in ("th_open", "td_open"):
            found[-1].append(inline_text(tokens[index + 1]))
    return found


def test_the_action_plan_is_a_table_with_a_row_per_item() -> None:
    questionnaire = builtin_set("kartlaggning")
    report = full_report(questionnaire, "svar")
    cells = next(t for t in tables(render(report, questionnaire)) if t[0] == "Steg")
    assert cells[:4] == ["Steg", "Typ", "Moment", "Varför"]
    items = planned_items(report, questionnaire)
    assert len(cells) == 4 * (len(items) + 1)
    assert cells[6:8] == ["Checklista | *ny*", "<i>Tydlighet</i>"]  # shown as typed, in one cell


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1))
def test_any_text_shows_as_typed(text: str) -> None:
    questionnaire = builtin_set("snabbformat")
    report = Report.new(questionnaire)
    report.answers["uppdrag"] = Answer("Lager")
    question = next(q for s in questionnaire.steps for q in s.questions if q.kind.name == "langtext")
    report.answers[question.id] = Answer(text)
    value = report.answers[question.id].value
    if value is None or not value.strip():
        return
    shown = shown_answers(render(report, questionnaire)).get(question.id, "")
    assert shown == as_seen(value)


def test_an_item_without_a_moment_id_marks_the_moment_of_its_name_in_its_phase() -> None:
    """Written by hand or in an answers file, an item to develop or remove names its moment."""
    questionnaire = builtin_set("kartlaggning")
    report = with_moments(Report.new(questionnaire), questionnaire, ("Kravprofil", "Intervju"))
    report.answers["uppdrag"] = Answer("Lager")
    report.answers["fore_utveckla"] = Answer("Ja")
    report.answers["fore_utveckla_vad"] = Answer((ActionItem("kravprofil", "Tydligare"),))
    report.answers["under_ta_bort"] = Answer("Ja")
    report.answers["under_ta_bort_vad"] = Answer((ActionItem("Intervju", "Onödig"),))
    rows = next(t for t in tables(render(report, questionnaire)) if t[0] == "Fas")[5:]
    marks = {(rows[i], rows[i + 1]): rows[i + 2] for i in range(0, len(rows), 5)}
    assert marks[("Före intervjun", "Kravprofil")] == "Utveckla"
    assert marks[("Före intervjun", "Intervju")] == ""  # another phase's item
    assert marks[("Under intervjun", "Intervju")] == "Ta bort"
    assert marks[("Efter intervjun", "Kravprofil")] == ""
