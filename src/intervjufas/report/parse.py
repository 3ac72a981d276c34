"""Parsing a report file back into a ``Report``, exactly, by the ids in its headings.

Answers are found by the id comment of their heading (``<!-- fraga: id -->``), so text around
them can be reworded or reordered by hand.  With ``strict`` (continuing a report), an answer that
does not fit its question is an error naming the line; otherwise (reading many reports) it is kept
verbatim as an extra answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from intervjufas.errors import AnswerError, AnswerFormatError, ReportFormatError
from intervjufas.model.answer_codec import decode
from intervjufas.model.answers import Answer
from intervjufas.model.markdown_text import DRAFT_MARKER, V1, V2, V3, TextCodec
from intervjufas.model.questionnaire import (
    STATUS_DONE,
    STATUS_NOT_STARTED,
    STATUS_STARTED,
    Questionnaire,
    SetRef,
)
from intervjufas.model.questions import Question, coerce_value
from intervjufas.report.front_matter import HeaderError, header_line, parse_header, split_front_matter
from intervjufas.report.model import (
    FOLLOW_UP_QUESTION,
    GUIDE,
    SECTION_TEXTS,
    FollowUp,
    PlanMark,
    RawAnswer,
    Report,
)
from intervjufas.report.plan import MARK_QUESTION, mark_id, read_mark_id
from intervjufas.report.process_map.report_map import MAP_EMPTY, MAP_NOTE
from intervjufas.report.render import tags

# A heading with its id comment; the comment's '<' must not be escaped by a backslash in the text.
_STRUCTURE = re.compile(
    r"^(#{1,6})[ \t]+((?:[^\\]|\\.)*?)[ \t]*<!--[ \t]*(steg|grupp|fraga|avsnitt|uppfoljning|markering)[ \t]*:"
    r"[ \t]*(\S+?)[ \t]*-->[ \t]*$"
)
STRUCTURE = _STRUCTURE  # (the same cut, for a reader of only some parts: ``partial_parse``)
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_FACT = re.compile(r"^- \*\*[^*]+:\*\* ")
_GUIDE = GUIDE[:30]
STATUSES = (STATUS_DONE, STATUS_STARTED, STATUS_NOT_STARTED)
# What ``read_header`` gives: the checked header, its lines, the body lines, the body's first line.
HeaderRead = tuple[dict[str, Any], list[str], list[str], int]


@dataclass
class _Block:
    kind: str
    key: str
    heading: str
    line: int  # 1-based line of the heading in the file
    body: list[str]


def read_header(text: str, file: str) -> tuple[dict[str, Any], list[str], list[str], int]:
    """The checked header of a report's text, its lines, the body lines and the body's first line."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    try:
        header_lines, body, body_start = split_front_matter(lines)
        return parse_header(header_lines), header_lines, body, body_start
    except HeaderError as error:
        raise error.sentence(file) from None


def set_ref(header: Mapping[str, Any]) -> SetRef:
    """The question set a checked header names."""
    ref = header["fragor"]
    version = ref.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        version = int(version) if isinstance(version, str) and version.strip().isdigit() else 0
    return SetRef(ref["id"], version, str(ref.get("hash") or ""))


def parse(
    text: str,
    questionnaire: Questionnaire | None,
    *,
    file: str = "rapporten",
    strict: bool = True,
    header_read: tuple[dict[str, Any], list[str], list[str], int] | None = None,
) -> Report:
    """Read a report file (of any readable format).  With ``strict``, an answer that does not fit
    its question is an error; otherwise it is kept verbatim as an extra answer.  ``header_read`` is
    what ``read_header`` gave for this very text, when the caller read it already (the header's YAML
    is most of the cost of reading a report)."""
    header, header_lines, body, body_start = header_read or read_header(text, file)
    report = Report(
        report_id=header["id"],
        question_set=set_ref(header),
        created=str(header.get("skapad") or ""),
        updated=str(header.get("uppdaterad") or ""),
        extra_header=dict(header.get("extra") or {}),
        author=str(header.get("forfattare") or ""),
    )
    nested = header["format"] == 1  # format 1 kept the facts under 'metadata'
    for key, raw in (header.get("metadata") or {}).items():
        question = questionnaire.question(key) if questionnaire else None
        if question is None or not questionnaire.is_metadata(key):  # type: ignore[union-attr]
            report.extra_metadata[key] = raw
            continue
        try:
            report.answers[key] = Answer(coerce_value(question, raw))
        except AnswerError as error:
            if strict:
                line = header_line(
                    header_lines, "date" if key == "datum" and not nested else key, nested=nested
                )
                raise ReportFormatError(f"{file}:{line}: {key}: {error}.") from None
            report.extra_metadata[key] = raw
    _read_unfinished(report, questionnaire, header.get("ofardigt"))
    codec = {1: V1, 2: V2}.get(header["format"], V3)
    for block in _blocks(body, body_start):
        _read_block(report, questionnaire, block, file, strict, codec)
    if questionnaire is not None and isinstance(header.get("taggar"), list):
        own = set(tags(report, questionnaire))
        report.tags = [str(tag) for tag in header["taggar"] if str(tag) not in own]
    return report


def _read_unfinished(report: Report, questionnaire: Questionnaire | None, unfinished: Any) -> None:
    """Details of the assignment that were being typed when a session stopped (kept if valid)."""
    if not isinstance(unfinished, dict) or questionnaire is None:
        return
    for key, raw in unfinished.items():
        question = questionnaire.question(str(key))
        if question is None or not questionnaire.is_metadata(question.id) or question.id in report.answers:
            continue
        try:
            report.drafts[question.id] = Answer(coerce_value(question, raw))
        except AnswerError:
            continue


def _blocks(body: list[str], first_line: int) -> Iterator[_Block]:
    """The body cut at every heading with an id; a heading without one (other than the title)
    starts a loose block of hand-written text, anchored where it stands."""
    current = _Block("start", "", "", first_line, [])
    anchor = "start"
    for index, line in enumerate(body):
        match = _STRUCTURE.match(line)
        if match:
            yield _trim(current)
            current = _Block(match.group(3), match.group(4), match.group(2), first_line + index, [])
            anchor = f"{current.kind}:{current.key}"
        elif _HEADING.match(line) and current.kind not in ("start", "loose"):
            yield _trim(current)
            current = _Block("loose", anchor, line.lstrip(" #").strip(), first_line + index, [line])
        else:
            current.body.append(line)
    while current.body and current.body[-1] == "":
        current.body.pop()
    current.body.append("")
    yield _trim(current)


def _trim(block: _Block) -> _Block:
    body = block.body
    if body and body[0] == "":
        body = body[1:]
    if body and body[-1] == "":
        body = body[:-1]
    block.body = body
    return block


def _read_block(
    report: Report,
    questionnaire: Questionnaire | None,
    block: _Block,
    file: str,
    strict: bool,
    codec: TextCodec,
) -> None:
    if block.kind == "markering" and read_mark_id(block.key) is None:
        block.kind = "avsnitt"  # (an id this program did not write: the lines are kept as notes)
    if block.kind not in ("fraga", "uppfoljning", "markering"):
        _keep_notes(report, questionnaire, block, file, codec)
        return
    block.heading = codec.uninline(block.heading)
    if block.kind == "markering":
        _read_mark(report, block, file, strict, codec)
        return
    seen = block.key in report.answers or block.key in report.extra_answers or block.key in report.drafts
    if block.kind == "uppfoljning":
        seen = any(f.key == block.key for f in report.follow_ups)
    if seen:
        if strict:
            raise ReportFormatError(
                f"{file}:{block.line}: id '{block.key}' förekommer två gånger i rapporten."
            )
        return
    if block.kind == "uppfoljning":
        answer = _decode(FOLLOW_UP_QUESTION, block, file, strict, codec)
        report.follow_ups.append(FollowUp(block.key, block.heading, answer or Answer()))
        return
    question = questionnaire.question(block.key) if questionnaire else None
    if question is None or questionnaire.is_metadata(block.key):  # type: ignore[union-attr]
        report.extra_answers[block.key] = RawAnswer(block.heading, "\n".join(block.body))
        return
    draft = bool(block.body) and block.body[0] == DRAFT_MARKER
    if draft:
        block.body = block.body[2:] if len(block.body) > 1 and block.body[1] == "" else block.body[1:]
    answer = _decode(question, block, file, strict, codec)
    if answer is None:
        report.extra_answers[block.key] = RawAnswer(block.heading, "\n".join(block.body))
    elif draft:
        report.drafts[block.key] = answer
    else:
        report.answers[block.key] = answer


def _read_mark(report: Report, block: _Block, file: str, strict: bool, codec: TextCodec) -> None:
    """A change of the plan made from ``plan`` (see ``report.model.PlanMark``)."""
    found = read_mark_id(block.key)
    assert found is not None
    key, time, into = found
    mark = PlanMark(key, time, block.heading, into=into)
    if any(mark_id(m) == mark_id(mark) for m in report.marks):
        if strict:
            raise ReportFormatError(
                f"{file}:{block.line}: id '{block.key}' förekommer två gånger i rapporten."
            )
        return
    answer = _decode(MARK_QUESTION, block, file, strict, codec)
    report.marks.append(PlanMark(key, time, block.heading, answer or Answer(), into))


def _keep_notes(
    report: Report, questionnaire: Questionnaire | None, block: _Block, file: str, codec: TextCodec
) -> None:
    """Lines of a structural block that the program did not write, kept at the block's anchor."""
    anchor = block.key if block.kind == "loose" else (f"{block.kind}:{block.key}" if block.key else "start")
    derived = _derived(block, questionnaire)
    lines = [line for line in block.body if line not in derived]
    if block.kind == "start":
        lines = [line for line in lines if not _FACT.match(line) and not line.startswith(_GUIDE)]
        lines = lines[1:] if lines and lines[0].startswith("# ") else lines
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        return
    notes = report.notes.setdefault(anchor, [])
    notes += ([""] if notes else []) + lines
    if block.kind == "loose" and questionnaire is not None:
        text = re.sub(r" \([^()]*\)$", "", codec.uninline(block.heading))  # without a step's label
        lost = next(
            (q for q in questionnaire.all_questions() if q.text in (text, codec.uninline(block.heading))),
            None,
        )
        if lost is not None:
            report.problems.append(
                f"{file}:{block.line}: rubriken '{block.heading}' har tappat sin id-kommentar "
                f"(<!-- fraga: {lost.id} -->); texten under den sparas som en anteckning och frågan räknas "
                "som obesvarad."
            )


def _fenced(lines: list[str]) -> set[str]:
    """The lines of fenced code blocks (the process map's diagram), fences included."""
    inside, found = False, set()
    for line in lines:
        if line.startswith("```"):
            inside = not inside
            found.add(line)
        elif inside:
            found.add(line)
    return found


def _derived(block: _Block, questionnaire: Questionnaire | None) -> set[str]:
    """The lines the program itself writes in a structural block (they are rewritten, not kept)."""
    if block.kind == "steg":
        step = questionnaire.step(block.key) if questionnaire else None
        lead = step.lead.split("\n") if step and step.lead else []
        return {f"*Status: {status}*" for status in STATUSES} | set(lead)
    if block.kind == "grupp" and questionnaire is not None:
        group = next(
            (q.group for q in questionnaire.all_questions() if q.group and q.group.id == block.key), None
        )
        return set(group.text.split("\n")) if group and group.text else set()
    if block.kind == "avsnitt":
        table = {line for line in block.body if line.startswith("|") or MAP_NOTE.fullmatch(line)}
        return table | set(SECTION_TEXTS.values()) | _fenced(block.body) | {MAP_EMPTY}
    return set()


def _decode(question: Question, block: _Block, file: str, strict: bool, codec: TextCodec) -> Answer | None:
    try:
        return decode(question, block.body, codec)
    except AnswerFormatError as error:
        if strict:
            line = block.line + 2 + error.offset
            raise ReportFormatError(
                f"{file}:{line}: svaret på '{block.heading}' går inte att läsa: {error.message}."
            ) from None
        return None
