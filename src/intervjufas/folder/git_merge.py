"""The git merge driver's work: three versions of one report (the common ancestor, ours, theirs)
merged answer by answer, by the save path's rule (``folder/report_merge.py``).

The three files are a colleague's content, read with the program's bounds; nothing in them decides
what is written where – the result goes to the file git named as ours, and nowhere else.  Where both
sides changed the same answer, the answer is theirs and ours follows it as a note under a heading
of its own ("Sammanfogningskonflikt"), so the report is still a report (``visa`` shows both,
``--fortsatt`` continues it, and the note stays until someone removes it) and no side is lost.
Files that are not three readable versions of one report fall back to git's own line merge.
"""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from intervjufas.errors import IntervjufasError
from intervjufas.files.bounded import read_text
from intervjufas.folder.report_merge import FOLLOW_UP_PREFIX, changed_entries, entry_keys, lay_over
from intervjufas.model.answer_codec import encode
from intervjufas.model.answers import Answer, display
from intervjufas.model.markdown_text import DRAFT_MARKER
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.report.model import FOLLOW_UP_QUESTION, Report, copy_report

CONFLICT_HEADING = "#### Sammanfogningskonflikt: din version av svaret ovan"
CONFLICT_LEAD = (
    "*Både din version och den andra ändrade det här svaret. Ovan står den andras svar, här nedan "
    "ditt. Behåll det som stämmer och ta bort det här avsnittet.*"
)
HEADER_HEADING = "#### Sammanfogningskonflikt: din version av en uppgift i huvudet överst"
REMOVED = "*Din version tog bort svaret.*"
V = TypeVar("V")


@dataclass(frozen=True)
class MergeOutcome:
    """The merged file and the entries both sides changed (empty: a clean merge).  ``by_lines``:
    the files were no three versions of one report, and git's line merge decided."""

    data: bytes | None  # (None: leave ours as it is)
    conflicts: tuple[str, ...]
    by_lines: bool = False


def _parsed(text: str, file: str) -> tuple[Report, Questionnaire]:
    from intervjufas.questionsets.catalog import find_set
    from intervjufas.report.parse import parse, read_header, set_ref

    header, _, _, _ = read_header(text, file)
    questionnaire = find_set(set_ref(header))
    if questionnaire is None:
        raise IntervjufasError(f"{file}: frågeuppsättningen är okänd.")
    return parse(text, questionnaire, file=file, strict=False), questionnaire


def merge_reports(
    base: Report, ours: Report, theirs: Report, questionnaire: Questionnaire
) -> tuple[Report, list[str]]:
    """Theirs with our changes laid over it; where both changed an entry, ours follows as a note."""
    merged = copy_report(theirs)
    keys = entry_keys(base, ours, theirs)
    conflicts = lay_over(merged, ours, base, changed_entries(ours, base, keys))
    merged.notes = _merged_notes(base.notes, ours.notes, theirs.notes)
    for key in conflicts:
        anchor, heading = (key if key.startswith(FOLLOW_UP_PREFIX) else f"fraga:{key}"), CONFLICT_HEADING
        if questionnaire.is_metadata(key):
            anchor, heading = "start", HEADER_HEADING
        lines = [heading, "", CONFLICT_LEAD, "", *_entry_lines(ours, key, questionnaire)]
        kept = merged.notes.setdefault(anchor, [])
        kept += ([""] if kept else []) + lines
    merged.extra_answers = _merged_dict(base.extra_answers, ours.extra_answers, theirs.extra_answers)
    merged.extra_metadata = _merged_dict(base.extra_metadata, ours.extra_metadata, theirs.extra_metadata)
    merged.extra_header = _merged_dict(base.extra_header, ours.extra_header, theirs.extra_header)
    merged.tags = [t for t in ours.tags if t in theirs.tags or t not in base.tags]
    merged.tags += [t for t in theirs.tags if t not in ours.tags and t not in base.tags]
    merged.author = ours.author if ours.author != base.author else theirs.author
    merged.updated = max(ours.updated, theirs.updated)
    return merged, conflicts


def _entry_lines(report: Report, key: str, questionnaire: Questionnaire) -> list[str]:
    if key.startswith(FOLLOW_UP_PREFIX):
        item = key.split(":", 1)[1]
        follow_up = next((f for f in report.follow_ups if f.key == item), None)
        return encode(FOLLOW_UP_QUESTION, follow_up.answer) if follow_up else [REMOVED]
    question = questionnaire.question(key)
    answer, draft = report.answers.get(key), report.drafts.get(key)
    if question is None or (answer is None and draft is None):
        return [REMOVED]
    if questionnaire.is_metadata(key):
        return [f"{question.label}: {display((answer or draft or Answer()).value)}"]
    if answer is None:
        return [DRAFT_MARKER, "", *encode(question, draft or Answer())]
    return encode(question, answer)


def _merged_dict(base: Mapping[str, V], ours: Mapping[str, V], theirs: Mapping[str, V]) -> dict[str, V]:
    """Theirs with the keys ours changed; where both changed a key, ours (theirs is in git)."""
    merged = dict(theirs)
    for key in {*base, *ours}:
        if ours.get(key) != base.get(key):
            if key in ours:
                merged[key] = ours[key]
            elif theirs.get(key) == base.get(key):
                merged.pop(key, None)
    return merged


def _merged_notes(
    base: Mapping[str, list[str]], ours: Mapping[str, list[str]], theirs: Mapping[str, list[str]]
) -> dict[str, list[str]]:
    """Hand-written notes by place: one side's change is taken; when both changed a place, both
    texts stay (theirs, then ours), so no one's words are lost."""
    merged = {k: list(v) for k, v in theirs.items()}
    for anchor in {*base, *ours}:
        mine, before, other = ours.get(anchor), base.get(anchor), theirs.get(anchor)
        if mine in (before, other):
            continue
        if other == before:
            if mine is None:
                merged.pop(anchor, None)
            else:
                merged[anchor] = list(mine)
        elif mine:
            merged[anchor] = [*(other or []), *([""] if other else []), *mine]
    return merged


def merge_files(base: Path, ours: Path, theirs: Path, label: str) -> MergeOutcome:
    """Merge the three files git names; the caller writes ``data`` to ``ours``."""
    texts = [read_text(path) for path in (base, ours, theirs)]
    try:
        reports = [_parsed(text, label) for text in texts]
    except (IntervjufasError, ValueError):
        return _line_merge(base, ours, theirs, label)
    (old, _), (mine, questionnaire), (other, _) = reports
    if len({old.report_id, mine.report_id, other.report_id}) > 1 or mine.question_set != other.question_set:
        return _line_merge(base, ours, theirs, label)
    from intervjufas.report.render import render

    merged, conflicts = merge_reports(old, mine, other, questionnaire)
    return MergeOutcome(render(merged, questionnaire).encode("utf-8"), tuple(conflicts))


def _line_merge(base: Path, ours: Path, theirs: Path, label: str) -> MergeOutcome:
    """Git's own line merge, with its conflict markers, for files that are no report."""
    command = ["git", "merge-file", "-p", "-L", f"{label} (din)", "-L", f"{label} (gemensam)"]
    command += ["-L", f"{label} (andras)", str(ours), str(base), str(theirs)]
    try:
        done = subprocess.run(command, capture_output=True, check=False, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return MergeOutcome(None, ("rader",), by_lines=True)
    if done.returncode < 0 or done.returncode > 127:
        return MergeOutcome(None, ("rader",), by_lines=True)
    return MergeOutcome(done.stdout, ("rader",) if done.returncode else (), by_lines=True)
