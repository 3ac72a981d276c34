"""Rendering a report to its Markdown file: YAML front matter, then readable Markdown.

Layout of a report file::

    ---
    (YAML: format, id, question set, metadata, timestamps, and caches for fast listing)
    ---
    # Title: uppdrag
    ## Steg 1: Före intervjun<!-- steg: fore -->
    ### Question text<!-- fraga: question_id -->
    (answer)

Headings carry the stable id in an HTML comment, so answers are read back by id even after the
visible text is reworded or reordered by hand.  Lines between headings that are not answers (lead
texts, the action-plan table, status lines) are derived from the question set and rewritten.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from intervjufas.files.safe_yaml import SafeDumper
from intervjufas.model.answer_codec import encode
from intervjufas.model.answers import display, one_line
from intervjufas.model.markdown_text import CURRENT, DRAFT_MARKER
from intervjufas.model.questionnaire import Questionnaire, Step, step_status
from intervjufas.report.front_matter import PROGRAM_KEY, TOP_KEYS
from intervjufas.report.model import (
    FOLLOW_UP_QUESTION,
    FOLLOW_UP_TITLE,
    FORMAT_VERSION,
    GUIDE,
    OTHER_TITLE,
    PLAN_TITLE,
    SECTION_TEXTS,
    Report,
    slugify,
)
from intervjufas.report.plan import MARK_QUESTION, MARKS_SECTION, MARKS_TITLE, mark_id, planned_items
from intervjufas.report.process_map.report_map import MAP_TITLE, has_map, map_section, mapped_moments


def render(report: Report, questionnaire: Questionnaire) -> str:
    """The whole report file as text."""
    notes = _Notes(report.notes)
    lines = ["---", *_header(report, questionnaire).rstrip("\n").split("\n"), "---", ""]
    lines += _title(report, questionnaire) + notes.take("start")
    if report.follow_ups:
        lines += _follow_up_section(report, notes)
    for step in questionnaire.steps:
        lines += _step_section(report, questionnaire, step, notes)
    drawn = map_section(report, questionnaire)
    if drawn:
        lines += [
            heading(2, MAP_TITLE, "avsnitt", "processkarta"),
            "",
            *drawn,
            *notes.take("avsnitt:processkarta"),
        ]
    lines += _plan_section(report, questionnaire) + notes.take("avsnitt:utvecklingsplan")
    if report.marks:
        lines += _marks_section(report, notes)
    if report.extra_answers:
        lines += [heading(2, OTHER_TITLE, "avsnitt", "ovrigt"), "", SECTION_TEXTS["ovrigt"], ""]
        lines += notes.take("avsnitt:ovrigt")
        for key, raw in report.extra_answers.items():
            lines += [heading(3, raw.heading, "fraga", key), "", *raw.body.split("\n"), ""]
            lines += notes.take(f"fraga:{key}")
    lines += notes.rest()
    return "\n".join(lines).rstrip("\n") + "\n"


def heading(level: int, text: str, kind: str, key: str) -> str:
    """A heading with its id: the visible text (shown as typed, on one line) directly followed by
    the id comment, so that no tool sees a trailing space in the heading."""
    return f"{'#' * level} {CURRENT.inline(one_line(text))}<!-- {kind}: {key} -->"


def repeated_headings(questionnaire: Questionnaire) -> set[str]:
    """Question texts and group titles that occur in more than one step: their headings get the
    step's label, so every heading (and every tool's anchor for it) is unique."""
    seen: dict[str, set[str]] = {}
    for step in questionnaire.steps:
        for question in step.questions:
            seen.setdefault(question.text, set()).add(step.id)
            if question.group is not None:
                seen.setdefault(question.group.title, set()).add(step.id)
    return {text for text, steps in seen.items() if len(steps) > 1}


class _Notes:
    """Hand-written notes, each taken once where its anchor is rendered; the rest go at the end."""

    def __init__(self, notes: dict[str, list[str]]) -> None:
        self.left = dict(notes)

    def take(self, anchor: str) -> list[str]:
        lines = self.left.pop(anchor, None)
        return [*lines, ""] if lines else []

    def rest(self) -> list[str]:
        lines: list[str] = []
        for anchor in list(self.left):
            lines += self.take(anchor)
        return lines


def _header(report: Report, questionnaire: Questionnaire) -> str:
    """The front matter: the assignment's facts flat at the top, for other tools (GitHub, pandoc,
    Obsidian, static-site generators), then the program's own keys under ``intervjufas``."""
    header: dict[str, Any] = {"title": f"{questionnaire.title}: {report.uppdrag or 'namnlöst uppdrag'}"}
    datum = report.answers.get("datum") if questionnaire.is_metadata("datum") else None
    if datum is not None:
        header["date"] = _as_date(datum.value) if isinstance(datum.value, str) else None
    for question in questionnaire.metadata:
        if question.id in report.answers and question.id != "datum":
            header[question.id] = _plain(report.answers[question.id].value)
    if report.author:  # 'author' for pandoc and other tools, 'forfattare' for the program
        header["forfattare"] = report.author
        header["author"] = report.author
    header["lang"] = "sv"
    header["tags"] = tags(report, questionnaire)
    header.update({k: v for k, v in report.extra_metadata.items() if k not in TOP_KEYS and k not in header})
    header[PROGRAM_KEY] = _program_keys(report, questionnaire)
    return yaml.dump(header, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def _program_keys(report: Report, questionnaire: Questionnaire) -> dict[str, Any]:
    own: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "id": report.report_id,
        "fragor": {
            "id": report.question_set.id,
            "version": report.question_set.version,
            "hash": report.question_set.hash,
        },
        "skapad": report.created,
        "uppdaterad": report.updated,
        "steg": {s.id: step_status(s, report.answers) for s in questionnaire.steps},
        "atgarder": [planned.identity for planned in planned_items(report, questionnaire)],
        "uppfoljning": {f.key: f.status for f in report.follow_ups if f.status},
    }
    if report.marks:  # every mark: [item key, status, time] (see ``report.model.PlanMark``)
        own["markeringar"] = [[m.key, m.status, m.time] for m in report.marks if m.status]
    if has_map(questionnaire):  # how many moments the map has (to find the latest map quickly)
        own["karta"] = sum(len(moments) for moments in mapped_moments(report, questionnaire).values())
    ratings = {
        q.id: report.answers[q.id].value for _, q in questionnaire.scale_questions() if q.id in report.answers
    }
    if has_map(questionnaire):  # how many moments the map has (to find the latest map quickly)
        own["karta"] = sum(len(moments) for moments in mapped_moments(report, questionnaire).values())
    ratings = {key: value for key, value in ratings.items() if value is not None}
    if ratings:  # for 'trend', which then needs only the headers
        own["betyg"] = ratings
    unfinished = {
        q.id: _plain(report.drafts[q.id].value) for q in questionnaire.metadata if q.id in report.drafts
    }
    if unfinished:  # details of the assignment that were being typed when the session stopped
        own["ofardigt"] = unfinished
    own.update(report.extra_header)
    return own


def tags(report: Report, questionnaire: Questionnaire) -> list[str]:
    """The report's tags: the program's own (intervjufas, the question set, the interview forms)
    and any the user added by hand."""
    own = ["intervjufas", questionnaire.id]
    forms = report.answers.get("intervjuform")
    if forms is not None and isinstance(forms.value, tuple):
        own += [slugify(str(form)) for form in forms.value]
    return list(dict.fromkeys([*own, *report.tags]))


class _Dumper(SafeDumper):  # type: ignore[misc]
    """Never writes YAML aliases (a value used twice is written twice)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _as_date(text: str) -> Any:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return text


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    return value


def _inline(text: str) -> str:
    """Derived text on one line, shown as typed."""
    return CURRENT.inline(one_line(text))


def _title(report: Report, questionnaire: Questionnaire) -> list[str]:
    lines = [f"# {questionnaire.title}: {_inline(report.uppdrag) or 'namnlöst uppdrag'}", ""]
    facts = []
    for question in questionnaire.metadata:
        answer = report.answers.get(question.id)
        if question.id == "uppdrag" or answer is None or answer.value is None:
            continue
        facts.append(f"- **{question.label}:** {_inline(display(answer.value))}")
    if facts:
        lines += [*facts, ""]
    lines += [GUIDE, ""]
    return lines


def _follow_up_section(report: Report, notes: _Notes) -> list[str]:
    lines = [heading(2, FOLLOW_UP_TITLE, "avsnitt", "uppfoljning"), "", SECTION_TEXTS["uppfoljning"], ""]
    lines += notes.take("avsnitt:uppfoljning")
    for follow_up in report.follow_ups:
        lines += [heading(3, follow_up.label, "uppfoljning", follow_up.key), ""]
        lines += [*encode(FOLLOW_UP_QUESTION, follow_up.answer), ""]
        lines += notes.take(f"uppfoljning:{follow_up.key}")
    return lines


def _marks_section(report: Report, notes: _Notes) -> list[str]:
    """The plan kept up from ``plan``: one dated entry per change, as a follow-up is written."""
    lines = [heading(2, MARKS_TITLE, "avsnitt", MARKS_SECTION), "", SECTION_TEXTS[MARKS_SECTION], ""]
    lines += notes.take(f"avsnitt:{MARKS_SECTION}")
    for mark in report.marks:
        lines += [heading(3, mark.label, "markering", mark_id(mark)), ""]
        lines += [*encode(MARK_QUESTION, mark.answer), ""]
        lines += notes.take(f"markering:{mark_id(mark)}")
    return lines


def _step_section(report: Report, questionnaire: Questionnaire, step: Step, notes: _Notes) -> list[str]:
    status = step_status(step, report.answers)
    lines = [heading(2, step.heading, "steg", step.id), "", f"*Status: {status}*", ""]
    repeated = repeated_headings(questionnaire)
    if step.lead:
        lines += [step.lead, ""]
    lines += notes.take(f"steg:{step.id}")
    current_group = None
    for question in step.questions:
        answer = report.answers.get(question.id)
        draft = report.drafts.get(question.id) if answer is None else None
        if answer is None and draft is None:
            continue
        level = "###"
        if question.group is not None:
            level = "####"
            if question.group != current_group:
                title = question.group.title
                title += f" ({step.label})" if title in repeated else ""
                lines += [heading(3, title, "grupp", question.group.id), ""]
                if question.group.text and question.group.text != question.group.title:
                    lines += [question.group.text, ""]
                lines += notes.take(f"grupp:{question.group.id}")
        current_group = question.group
        text = question.text + (f" ({step.label})" if question.text in repeated else "")
        lines += [heading(len(level), text, "fraga", question.id), ""]
        if draft is not None:
            lines += [DRAFT_MARKER, "", *encode(question, draft), ""]
        else:
            lines += [*encode(question, answer), ""]  # type: ignore[arg-type]
        lines += notes.take(f"fraga:{question.id}")
    return lines


def _cell(text: str) -> str:
    """A table cell's text, shown as typed on one line."""
    return _inline(text) or " "


def _plan_section(report: Report, questionnaire: Questionnaire) -> list[str]:
    lines = [heading(2, PLAN_TITLE, "avsnitt", "utvecklingsplan"), ""]
    items = planned_items(report, questionnaire)
    if not items:
        return [*lines, SECTION_TEXTS["utvecklingsplan"], ""]
    lines += ["| Steg | Typ | Moment | Varför |", "| --- | --- | --- | --- |"]
    for entry in items:
        lines.append(
            f"| {_cell(entry.step.label)} | {_cell(entry.kind_label)} | {_cell(entry.item.moment)} "
            f"| {_cell(entry.item.why)} |"
        )
    return [*lines, ""]
