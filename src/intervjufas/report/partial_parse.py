"""Reading only the parts of a report that the plan and the map facts need – the answers of the
questions that plan (and, when asked, of those that map the process), the follow-ups of earlier
plans and the marks made from ``plan`` – without decoding every other answer.

Why: a cold ``plan`` over a folder where half the reports hold open items, and a cold map history,
read thousands of reports; parsing one in full costs about five times what these parts cost.

How it stays exact: the body is cut at its headings exactly as ``parse`` cuts it (a block runs from
a heading with an id comment, ``parse.STRUCTURE``, to the next heading of any kind, its blank lines
trimmed as ``parse`` trims them), and each wanted block is decoded as ``parse`` decodes it, by the
same decoders (``answer_codec.decode``, ``FOLLOW_UP_QUESTION``, ``MARK_QUESTION``) with the same
rules for duplicates; the header's facts are ``parse``'s own, of a body without blocks.  The
``Report`` it returns holds the header's facts and these parts only.  Whenever the report is in any
way unusual – format 1, a conflict copy or conflict markers, an unfinished answer, a heading without
an id below the title, a question the set does not know, an id written twice, a mark with an id the
program did not write – it returns None and the caller parses in full.  Read for its follow-ups and
marks alone (``follow_up_blocks``), only the lines that may be their headings are looked at: what
else the body holds changes none of them (a duplicate follows ``parse``'s rule, the first counts).
"""

from __future__ import annotations

import re

from intervjufas.errors import AnswerFormatError
from intervjufas.model.answer_codec import decode
from intervjufas.model.answers import Answer
from intervjufas.model.markdown_text import DRAFT_MARKER, V2, V3, TextCodec
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.model.questions import Question
from intervjufas.report.model import CONFLICT_KEY, FOLLOW_UP_QUESTION, FollowUp, PlanMark, RawAnswer, Report
from intervjufas.report.parse import STRUCTURE, HeaderRead, parse
from intervjufas.report.plan import MARK_QUESTION, mark_id, read_mark_id

# The start of a heading line (``parse``'s ``_HEADING``), found in the body joined with a newline
# before every line: a search for its literal newline instead of a match on every line.
_LINE_HEADING = re.compile(r"\n {0,3}#{1,6}(?![^ \t\n])")
# Where a follow-up's or a mark's heading may stand: ``STRUCTURE``'s id comment of those kinds.
_FOLLOW_UP_OR_MARK = re.compile(r"<!--[ \t]*(?:uppfoljning|markering)[ \t]*:")
_GIT_CONFLICT = ("\n<<<<<<< ", "\n>>>>>>> ")
# The details of the assignment the plan and map facts read (``Report.date``, ``uppdrag``,
# ``detail("kund")``): a new fact that reads another belongs here.
DETAILS = frozenset(("datum", "kund", "uppdrag"))
_MATCHED: dict[str, tuple[str, str, str] | None] = {}
_MATCHED_MAX = 5_000
_UNKNOWN = object()
_WANTED: dict[tuple[int, bool], tuple[Questionnaire, frozenset[str]]] = {}


def wanted_questions(questionnaire: Questionnaire, *, maps: bool) -> frozenset[str]:
    """The ids of the questions whose answers are read: those that plan (``report.plan.
    planned_items``), and with ``maps`` those that map the process (``mapped_moments``)."""
    kept = _WANTED.get((id(questionnaire), maps))
    if kept is not None and kept[0] is questionnaire:
        return kept[1]
    wanted = frozenset(
        question.id
        for step in questionnaire.steps
        for question in step.questions
        if question.plan or (maps and question.kind.maps_process and question.phase)
    )
    _WANTED[(id(questionnaire), maps)] = (questionnaire, wanted)
    return wanted


def parse_parts(
    text: str,
    questionnaire: Questionnaire | None,
    header_read: HeaderRead,
    *,
    maps: bool = False,
    plans: bool = True,
    file: str = "rapporten",
) -> Report | None:
    """The report's header facts, follow-ups, marks and the answers of ``wanted_questions`` – as
    ``parse(text, questionnaire, strict=False)`` reads them – or None when the report must be read
    in full.  ``header_read`` is ``parse.read_header`` of this very text.  Without ``plans`` (and
    ``maps``), no answer at all: the follow-ups and marks alone."""
    header, header_lines, body, body_start = header_read
    extra = header.get("extra")
    if (
        questionnaire is None
        or header["format"] == 1
        or (isinstance(extra, dict) and CONFLICT_KEY in extra)
        or DRAFT_MARKER in text
        or any(marker in text for marker in _GIT_CONFLICT)
    ):
        return None
    asked = wanted_questions(questionnaire, maps=maps) if plans or maps else frozenset()
    blocks = cut_blocks(body, questionnaire, asked) if asked else follow_up_blocks(body)
    if blocks is None:
        return None
    # (the header's facts as ``parse`` makes them, of a body without blocks: the details those
    # facts read, each made from its own value alone, and no tags or unfinished details)
    details = header.get("metadata")
    facts = {
        **header,
        "metadata": {key: value for key, value in details.items() if key in DETAILS} if details else details,
        "taggar": None,
        "ofardigt": None,
    }
    report = parse(
        text, questionnaire, file=file, strict=False, header_read=(facts, header_lines, [], body_start)
    )
    codec = V2 if header["format"] == 2 else V3
    for kind, key, heading, lines in blocks:
        _read_block(report, questionnaire, codec, kind, key, heading, lines)
    return report


Block = tuple[str, str, str, list[str]]  # kind, id, heading text, the lines under it (trimmed)


def cut_blocks(body: list[str], questionnaire: Questionnaire, wanted: frozenset[str]) -> list[Block] | None:
    """The wanted blocks (the answers of ``wanted``, the follow-ups and the marks), in order, each
    with its lines cut and trimmed as ``parse`` cuts them, or None when the body holds anything
    unusual."""
    headings = _heading_lines(body)
    kept: list[Block] = []
    seen: set[tuple[str, str]] = set()
    structured = False
    for number, index in enumerate(headings):
        found = _structure(body[index])
        if found is None:
            if structured:
                return None  # (a heading without an id below the title: a block of its own)
            continue
        structured = True
        kind, key, heading = found
        if kind == "fraga":
            if questionnaire.question(key) is None:
                return None
            take = key in wanted
        elif kind == "markering":
            if read_mark_id(key) is None:
                return None
            take = True
        else:
            take = kind == "uppfoljning"
        if (kind, key) in seen and kind in ("fraga", "uppfoljning", "markering"):
            return None
        seen.add((kind, key))
        if take:
            last = number + 1 == len(headings)
            kept.append(
                (
                    kind,
                    key,
                    heading,
                    _trimmed(body[index + 1 : len(body) if last else headings[number + 1]], last=last),
                )
            )
    return kept


def follow_up_blocks(body: list[str]) -> list[Block]:
    """The follow-up and mark blocks of the body, in order, cut and trimmed as ``parse`` cuts them:
    each runs from its heading to the next heading of any kind.  Only the lines that may be such a
    heading are looked at (what else the body holds changes none of them)."""
    joined = "\n".join(body)
    kept: list[Block] = []
    after = -1  # (where the last block's heading line ended: a line is looked at once)
    for found in _FOLLOW_UP_OR_MARK.finditer(joined):
        start = joined.rfind("\n", 0, found.start()) + 1
        if start <= after:
            continue
        end = joined.find("\n", found.end())
        after = len(joined) if end < 0 else end
        match = STRUCTURE.match(joined[start:after])
        if match is None:
            continue
        heading = _LINE_HEADING.search(joined, after)
        if end < 0 or (heading is not None and heading.start() == end):
            lines: list[str] = []
        else:
            lines = joined[end + 1 : heading.start() if heading is not None else len(joined)].split("\n")
        kept.append((match.group(3), match.group(4), match.group(2), _trimmed(lines, last=heading is None)))
    return kept


def _trimmed(lines: list[str], *, last: bool) -> list[str]:
    """A block's lines as ``parse`` keeps them: one blank line dropped at each end, and at the end
    of the body every blank line."""
    if last:
        end = len(lines)
        while end and lines[end - 1] == "":
            end -= 1
        lines = lines[:end]
    if lines and lines[0] == "":
        lines = lines[1:]
    if not last and lines and lines[-1] == "":
        lines = lines[:-1]
    return lines


def _read_block(
    report: Report,
    questionnaire: Questionnaire,
    codec: TextCodec,
    kind: str,
    key: str,
    heading: str,
    lines: list[str],
) -> None:
    """One wanted block into ``report``, as ``parse`` reads it (leniently; the body held no draft,
    no duplicate id and no mark id the program did not write)."""
    heading = codec.uninline(heading)
    if kind == "uppfoljning":
        if any(f.key == key for f in report.follow_ups):
            return  # (the first of two follow-ups of one item counts)
        report.follow_ups.append(
            FollowUp(key, heading, _decoded(FOLLOW_UP_QUESTION, lines, codec) or Answer())
        )
        return
    if kind == "markering":
        found = read_mark_id(key)
        if found is None:
            return  # (an id the program did not write: kept as notes, which are not read here)
        item, time, into = found
        mark = PlanMark(item, time, heading, into=into)
        if all(mark_id(m) != mark_id(mark) for m in report.marks):
            report.marks.append(
                PlanMark(item, time, heading, _decoded(MARK_QUESTION, lines, codec) or Answer(), into)
            )
        return
    if key in report.answers or key in report.extra_answers or key in report.drafts:
        return  # (a detail of the assignment the header gave)
    question = questionnaire.question(key)
    answer = None if question is None or questionnaire.is_metadata(key) else _decoded(question, lines, codec)
    if answer is None:
        report.extra_answers[key] = RawAnswer(heading, "\n".join(lines))
    else:
        report.answers[key] = answer


def _decoded(question: Question, lines: list[str], codec: TextCodec) -> Answer | None:
    try:
        return decode(question, lines, codec)
    except AnswerFormatError:
        return None


def _structure(line: str) -> tuple[str, str, str] | None:
    """The kind, id and text of a heading line with an id comment (``parse.STRUCTURE``), or None.  The
    same headings recur in every report of a set, so each line is matched once (a bounded memo of
    all but the follow-ups and marks, whose ids are each report's own)."""
    known = _MATCHED.get(line, _UNKNOWN)  # (one look-up: a session reads plans on a thread too)
    if known is not _UNKNOWN:
        return known  # type: ignore[return-value]
    match = STRUCTURE.match(line)
    found = (match.group(3), match.group(4), match.group(2)) if match else None
    if found is None or found[0] not in ("uppfoljning", "markering"):
        if len(_MATCHED) >= _MATCHED_MAX:
            _MATCHED.clear()
        _MATCHED[line] = found
    return found


def _heading_lines(body: list[str]) -> list[int]:
    """The index of every line of the body that ``parse`` takes for a heading."""
    joined = "\n" + "\n".join(body)
    found: list[int] = []
    line, place = -1, 0
    for match in _LINE_HEADING.finditer(joined):
        start = match.start()
        line += joined.count("\n", place, start + 1)
        place = start + 1
        found.append(line)
    return found
