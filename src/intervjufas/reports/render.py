"""Rendering a report to its Markdown file: YAML front matter, then readable Markdown.

Layout of a report file::

    ---
    (YAML: format, id, question set, metadata, timestamps, and caches for fast listing)
    ---
    # Title: uppdrag
    ## Steg 1: Före intervjun <!-- steg: fore -->
    ### Question text <!-- fraga: question_id -->
    (answer)

Headings carry the stable id in an HTML comment, so answers are read back by id even after the
visible text is reworded or reordered by hand.  Lines between headings that are not answers (lead
texts, the action-plan table, status lines) are derived from the question set and rewritten.
"""

from __future__ import annotations

from typing import Any

import yaml

from intervjufas.model.answers import display
from intervjufas.model.markdown_text import DRAFT_MARKER
from intervjufas.model.question_types import encode
from intervjufas.model.questions import Questionnaire, Step, step_status
from intervjufas.questionsets.yaml_source import SafeDumper
from intervjufas.reports.model import (
    FOLLOW_UP_QUESTION,
    FOLLOW_UP_TITLE,
    FORMAT_VERSION,
    GUIDE,
    OTHER_TITLE,
    PLAN_TITLE,
    SECTION_TEXTS,
    Report,
    planned_items,
)


def render(report: Report, questionnaire: Questionnaire) -> str:
    """The whole report file as text."""
    notes = _Notes(report.notes)
    lines = ["---", *_header(report, questionnaire).rstrip("\n").split("\n"), "---", ""]
    lines += _title(report, questionnaire) + notes.take("start")
    if report.follow_ups:
        lines += _follow_up_section(report, notes)
    for step in questionnaire.steps:
        lines += _step_section(report, questionnaire, step, notes)
    lines += _plan_section(report, questionnaire) + notes.take("avsnitt:utvecklingsplan")
    if report.extra_answers:
        lines += [f"## {OTHER_TITLE} <!-- avsnitt: ovrigt -->", "", SECTION_TEXTS["ovrigt"], ""]
        lines += notes.take("avsnitt:ovrigt")
        for key, raw in report.extra_answers.items():
            lines += [f"### {raw.heading} <!-- fraga: {key} -->", "", *raw.body.split("\n"), ""]
            lines += notes.take(f"fraga:{key}")
    lines += notes.rest()
    return "\n".join(lines).rstrip("\n") + "\n"


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
    metadata: dict[str, Any] = {}
    for question in questionnaire.metadata:
        if question.id in report.answers:
            metadata[question.id] = _plain(report.answers[question.id].value)
    metadata.update(report.extra_metadata)
    follow_ups = {f.key: f.status for f in report.follow_ups if f.status}
    header: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "id": report.report_id,
        "fragor": {
            "id": report.question_set.id,
            "version": report.question_set.version,
            "hash": report.question_set.hash,
        },
        "metadata": metadata,
        "skapad": report.created,
        "uppdaterad": report.updated,
        "steg": {s.id: step_status(s, report.answers) for s in questionnaire.steps},
        "atgarder": len(planned_items(report, questionnaire)),
        "uppfoljning": follow_ups,
    }
    unfinished = {
        q.id: _plain(report.drafts[q.id].value) for q in questionnaire.metadata if q.id in report.drafts
    }
    if unfinished:  # details of the assignment that were being typed when the session stopped
        header["ofardigt"] = unfinished
    header.update(report.extra_header)
    return yaml.dump(header, Dumper=SafeDumper, allow_unicode=True, sort_keys=False, width=100)


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    return value


def _inline(text: str) -> str:
    """Derived text on one line that cannot be read back as a heading with an id."""
    return " ".join(text.split("\n")).replace("<!--", "<\\!--")


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
    lines = [f"## {FOLLOW_UP_TITLE} <!-- avsnitt: uppfoljning -->", "", SECTION_TEXTS["uppfoljning"], ""]
    lines += notes.take("avsnitt:uppfoljning")
    for follow_up in report.follow_ups:
        lines += [f"### {follow_up.label} <!-- uppfoljning: {follow_up.key} -->", ""]
        lines += [*encode(FOLLOW_UP_QUESTION, follow_up.answer), ""]
        lines += notes.take(f"uppfoljning:{follow_up.key}")
    return lines


def _step_section(report: Report, questionnaire: Questionnaire, step: Step, notes: _Notes) -> list[str]:
    status = step_status(step, report.answers)
    lines = [f"## {step.heading} <!-- steg: {step.id} -->", "", f"*Status: {status}*", ""]
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
                lines += [f"### {question.group.title} <!-- grupp: {question.group.id} -->", ""]
                if question.group.text and question.group.text != question.group.title:
                    lines += [question.group.text, ""]
                lines += notes.take(f"grupp:{question.group.id}")
        current_group = question.group
        lines += [f"{level} {question.text} <!-- fraga: {question.id} -->", ""]
        if draft is not None:
            lines += [DRAFT_MARKER, "", *encode(question, draft), ""]
        else:
            lines += [*encode(question, answer), ""]  # type: ignore[arg-type]
        lines += notes.take(f"fraga:{question.id}")
    return lines


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>") or " "


def _plan_section(report: Report, questionnaire: Questionnaire) -> list[str]:
    lines = [f"## {PLAN_TITLE} <!-- avsnitt: utvecklingsplan -->", ""]
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
