"""A report prepared for reading in the terminal (``visa``): its facts, title and Markdown body.

The body is the file's own Markdown – hand edits included – without the id comments that only
the program needs, and without the derived list of facts under the title (the facts are taken
from the front matter, which is what the program itself reads).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from intervjufas.files.bounded import read_text
from intervjufas.folder.loading import load_report
from intervjufas.model.answers import display
from intervjufas.report.model import header_text
from intervjufas.report.parse import read_header

_ID_COMMENT = re.compile(r"[ \t]*<!--[ \t]*(?:steg|grupp|fraga|avsnitt|uppfoljning)[ \t]*:[^>]*-->[ \t]*$")
_FACT = re.compile(r"^- \*\*[^*]+:\*\* ")


@dataclass(frozen=True)
class ShownReport:
    path: Path
    title: str
    facts: list[tuple[str, str]]  # (label, value)
    markdown: str


def _without_comments(lines: list[str]) -> list[str]:
    """Drop id comments at the end of headings and whole-line HTML comments (not escaped ones)."""
    kept: list[str] = []
    in_comment = False
    for line in lines:
        if in_comment:
            in_comment = "-->" not in line
            continue
        if line.startswith("<!--"):
            in_comment = "-->" not in line
            rest = line.split("-->", 1)[1] if not in_comment else ""
            if rest.strip():
                kept.append(rest.strip())
            continue
        kept.append(_ID_COMMENT.sub("", line) if line.startswith("#") else line)
    return kept


def _split_title(lines: list[str]) -> tuple[str, list[str]]:
    """The first level-1 heading, and the body without it and without the facts list under it."""
    for index, line in enumerate(lines):
        if line.startswith("## "):
            break
        if line.startswith("# "):
            rest = lines[index + 1 :]
            position = 0
            while position < len(rest) and (not rest[position].strip() or _FACT.match(rest[position])):
                position += 1
            return line[2:].strip(), lines[:index] + rest[position:]
    return "", lines


def _squeeze_blank_lines(lines: list[str]) -> str:
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"


def shown_report(path: Path) -> ShownReport:
    """Read a report for display; raises IntervjufasError naming the file when it cannot be read."""
    loaded = load_report(path)
    report, questionnaire = loaded.report, loaded.questionnaire
    _, _, body, _ = read_header(read_text(path), str(path))
    title, rest = _split_title(_without_comments(body))
    if not title:
        set_title = questionnaire.title if questionnaire else report.question_set.id
        uppdrag = report.detail("uppdrag")
        title = f"{set_title}: {uppdrag or 'namnlöst uppdrag'}"
    facts: list[tuple[str, str]] = []
    if questionnaire is not None:
        for question in questionnaire.metadata:
            answer = report.answers.get(question.id)
            if question.id != "uppdrag" and answer is not None and answer.value is not None:
                facts.append((question.label, display(answer.value)))
    for key, value in report.extra_metadata.items():
        if key != "uppdrag" and header_text(value).strip():
            facts.append((key, header_text(value).strip()))
    if report.updated:
        facts.append(("Senast ändrad", report.updated[:16].replace("T", " ")))
    return ShownReport(path, title, facts, _squeeze_blank_lines(rest))
