"""Reading only the parts of a report that the plan and the map facts need – the answers of the
questions that plan (and, when asked, of those that map the process), the follow-ups of earlier
plans and the marks made from ``plan`` – without decoding every other answer.

Why: a cold ``plan`` over a folder where half the reports hold open items, and a cold map history,
read thousands of reports; parsing one in full costs about five times what these parts cost.

How it stays exact: the body is cut at its headings exactly as ``parse`` cuts it (a block runs from
a heading with an id comment, ``parse.STRUCTURE``, to the next heading of any kind), and only the
wanted blocks – each with its own lines, in their order – are handed to ``parse`` itself, so the
same decoders, the same rules for duplicates and drafts, and the same header handling give the
answer.  The ``Report`` it returns holds the header's facts and these parts only.  Whenever the
report is in any way unusual – format 1, a conflict copy or conflict markers, an unfinished answer,
a heading without an id below the title, a question the set does not know, an id written twice, a
mark with an id the program did not write – it returns None and the caller parses in full.
"""

from __future__ import annotations

import re

from intervjufas.model.markdown_text import DRAFT_MARKER
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.report.model import CONFLICT_KEY, Report
from intervjufas.report.parse import STRUCTURE, HeaderRead, parse
from intervjufas.report.plan import read_mark_id

# The start of a heading line (``parse``'s ``_HEADING``), found in the body joined with a newline
# before every line: a search for its literal newline instead of a match on every line.
_LINE_HEADING = re.compile(r"\n {0,3}#{1,6}(?![^ \t\n])")
# Ends the last wanted block where the next block began, so that its trailing blank lines are
# trimmed as in the whole report (an empty section, which ``parse`` keeps nothing of).
_END = "# <!-- avsnitt: slut -->"
_GIT_CONFLICT = ("\n<<<<<<< ", "\n>>>>>>> ")
_MATCHED: dict[str, tuple[str, str] | None] = {}
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
    wanted = cut_out(body, questionnaire, asked)
    if wanted is None:
        return None
    return parse(text, questionnaire, file=file, strict=False, header_read=(header, header_lines, wanted, body_start))


def cut_out(body: list[str], questionnaire: Questionnaire, wanted: frozenset[str]) -> list[str] | None:
    """The lines of the wanted blocks (each heading with the lines up to the next heading), in
    order, or None when the body holds anything unusual."""
    headings = _heading_lines(body)
    kept: list[str] = []
    seen: set[tuple[str, str]] = set()
    structured = False
    ended = len(body)
    for number, index in enumerate(headings):
        found = _structure(body[index])
        if found is None:
            if structured:
                return None  # (a heading without an id below the title: a block of its own)
            continue
        structured = True
        kind, key = found
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
            ended = headings[number + 1] if number + 1 < len(headings) else len(body)
            kept += body[index:ended]
    if kept and ended < len(body):
        kept.append(_END)
    return kept


def _structure(line: str) -> tuple[str, str] | None:
    """The kind and id of a heading line with an id comment (``parse.STRUCTURE``), or None.  The
    same headings recur in every report of a set, so each line is matched once (a bounded memo of
    all but the follow-ups and marks, whose ids are each report's own)."""
    known = _MATCHED.get(line, _UNKNOWN)  # (one look-up: a session reads plans on a thread too)
    if known is not _UNKNOWN:
        return known  # type: ignore[return-value]
    match = STRUCTURE.match(line)
    found = (match.group(3), match.group(4)) if match else None
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
