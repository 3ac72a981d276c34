"""A report prepared for reading in the terminal (``visa``): its facts, title and body.

The body is the file's own Markdown – hand edits included – without the comments that only the
program needs (the ids after headings, moments and action items, the guide at the top), and without
the derived list of facts under the title (the facts are taken from the front matter, which is what
the program itself reads).  The "Processkarta" section's Mermaid source and table give way to the
map itself (a ``ShownMap``, drawn by the view as ``karta`` draws it); the consultant's own notes in
that section stay.  No Mermaid source is kept anywhere in the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from intervjufas.errors import IntervjufasError
from intervjufas.files.bounded import read_text
from intervjufas.folder.loading import LoadedReport, load_report
from intervjufas.model.answers import display
from intervjufas.reading.feedback.aggregate import MIN_RESPONDENTS
from intervjufas.reading.feedback.summary_text import HEADING
from intervjufas.reading.process_map.shown_map import ShownMap, shown_map_from
from intervjufas.report.model import header_text
from intervjufas.report.parse import read_header
from intervjufas.report.process_map.report_map import MAP_NOTE, MAP_TITLE

# A piece of a line: an escaped character, an HTML comment, or anything else.
_PIECE = re.compile(r"\\.|<!--.*?-->|[^\\<]+|.", re.DOTALL)
_FACT = re.compile(r"^- \*\*[^*]+:\*\* ")
_MAP_HEADING = re.compile(
    rf"^##[ \t]+(?:{MAP_TITLE}[ \t]*(?:<!--.*-->)?|.*<!--[ \t]*avsnitt[ \t]*:[ \t]*processkarta[ \t]*-->)[ \t]*$"
)
_SECTION_END = re.compile(r"^#{1,2}[ \t]")
_MERMAID_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[ \t]*mermaid\b")

Part = str | ShownMap  # Markdown text, or the drawn process map in its place


@dataclass(frozen=True)
class ShownReport:
    path: Path
    title: str
    facts: list[tuple[str, str]]  # (label, value)
    parts: tuple[Part, ...]  # the body: Markdown, with the map (at most once) where its section is


def uncommented(line: str) -> str:
    """A line without its HTML comments (an escaped ``\\<!--`` is text, and stays)."""
    if "<!--" not in line:
        return line
    kept = "".join(m.group() for m in _PIECE.finditer(line) if not m.group().startswith("<!--"))
    return kept.rstrip() if kept != line else line


def _without_comments(lines: list[str]) -> list[str]:
    """Drop HTML comments: within a line, and those that take whole lines (even several)."""
    kept: list[str] = []
    in_comment = False
    for line in lines:
        if in_comment:
            in_comment = "-->" not in line
            rest = line.split("-->", 1)[1] if not in_comment else ""
            if rest.strip():
                kept.append(uncommented(rest.strip()))
            continue
        if line.lstrip().startswith("<!--") and "-->" not in line:
            in_comment = True
            continue
        shorter = uncommented(line)
        if shorter != line and not shorter.strip():
            continue  # a line that was only a comment
        kept.append(shorter)
    return kept


def _without_mermaid(lines: list[str]) -> list[str]:
    """Drop fenced Mermaid blocks (the map's source), wherever they are."""
    kept: list[str] = []
    fence = ""
    for line in lines:
        if fence:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = ""
            continue
        opening = _MERMAID_FENCE.match(line)
        if opening:
            fence = opening.group(1)
            continue
        kept.append(line)
    return kept


def _map_slot(lines: list[str]) -> tuple[list[str], list[str]] | None:
    """The lines up to the map section's heading, and those after what the program draws in it
    (its table and the note under a cut diagram); None when the report has no such section."""
    start = next((index for index, line in enumerate(lines) if _MAP_HEADING.match(line)), None)
    if start is None:
        return None
    end = next(
        (index for index in range(start + 1, len(lines)) if _SECTION_END.match(lines[index])), len(lines)
    )
    own = [
        line for line in lines[start + 1 : end] if not line.startswith("|") and not MAP_NOTE.fullmatch(line)
    ]
    return lines[: start + 1], own + lines[end:]


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


def _drawn_map(loaded: LoadedReport) -> ShownMap | None:
    """The report's own map to draw in its section (None: no map of its own, or it cannot be read)."""
    try:
        view = shown_map_from(loaded)
    except IntervjufasError:  # a question set that is not here: the section's text is shown
        return None
    return view if view.origin == "map" else None


def _facts(loaded: LoadedReport) -> list[tuple[str, str]]:
    report, questionnaire = loaded.report, loaded.questionnaire
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
    return facts


def _with_answers(loaded: LoadedReport, body: list[str], minimum: int) -> tuple[list[str], list[str]]:
    """The body with the survey answers beside the consultant's ratings, and the answers' section."""
    from intervjufas.reading.feedback.received import received
    from intervjufas.reading.feedback.summary_text import beside_rating, insert_beside, summary_lines

    try:
        found = received(loaded.path, minimum, loaded.questionnaire)
    except IntervjufasError as error:
        return body, [f"## {HEADING}", "", f"Enkätsvaren kan inte visas: {error.message}"]
    own = {key: a.value for key, a in loaded.report.answers.items() if isinstance(a.value, int)}
    return insert_beside(body, beside_rating(found)), summary_lines(found, own)


def shown_report(path: Path, minimum: int = MIN_RESPONDENTS) -> ShownReport:
    """Read a report for display; raises IntervjufasError naming the file when it cannot be read.
    The survey answers kept beside it are shown beside the consultant's ratings and in a section
    of their own at the end (``minimum``: the fewest respondents a result is shown from)."""
    loaded = load_report(path)
    report, questionnaire = loaded.report, loaded.questionnaire
    _, _, body, _ = read_header(read_text(path), str(path))
    body, answers = _with_answers(loaded, body, minimum)
    drawn = _drawn_map(loaded)
    slot = _map_slot(body) if drawn is not None else None
    before, after = slot if slot is not None else (body, None)
    title, rest = _split_title(_without_comments(_without_mermaid(before)))
    if not title:
        set_title = questionnaire.title if questionnaire else report.question_set.id
        uppdrag = report.detail("uppdrag")
        title = f"{set_title}: {uppdrag or 'namnlöst uppdrag'}"
    parts: list[Part] = [_squeeze_blank_lines(rest)]
    if drawn is not None and after is not None:
        parts += [drawn, _squeeze_blank_lines(_without_comments(_without_mermaid(after)))]
    if answers:
        parts.append(_squeeze_blank_lines(answers))
    return ShownReport(path, title, _facts(loaded), tuple(part for part in parts if part != "\n"))
