"""Keeping the plan up outside a mapping (``plan``): an open item marked Genomfört, Delvis, Inte än
or Släpp with a comment, or merged into another open row about the same moment.

Each change is a dated follow-up entry (``report.model.PlanMark``) written, under the report's
lock, into the report that holds the item – the newest report whose plan lists it, ``OpenItem.source``
– in its section "Utvecklingsplanen följd upp efter kartläggningen".  The plan-state model
(``reading.plan.state``) places the entry at its own date and time among the follow-ups of every
report, so every command that reads the state sees it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from intervjufas.errors import PlanItemNotFound, ReportFormatError
from intervjufas.model.answers import Answer, one_line
from intervjufas.reading.plan.state import OpenItem
from intervjufas.report.model import FOLLOW_UP_STATUSES, MERGED, PlanMark, timestamp
from intervjufas.report.plan import identity

# The statuses a change may set, by the ASCII code scripts use (as in the JSON outputs).
STATUS_CODES = {"genomfort": "Genomfört", "delvis": "Delvis", "inte_an": "Inte än", "slapp": "Släpp"}
assert tuple(STATUS_CODES.values()) == FOLLOW_UP_STATUSES


@dataclass(frozen=True)
class Marked:
    """A change as recorded: the item, the entry, and the report it was written into."""

    item: OpenItem
    mark: PlanMark
    path: Path


def find_item(items: Sequence[OpenItem], wanted: str) -> OpenItem:
    """The open item ``wanted`` names: its key ('<report id>/<item id>', as ``plan --json`` gives
    it – also as an earlier report wrote it), its identity, or the unique start of either."""
    text = wanted.strip()
    exact = [item for item in items if text in (item.key, item.identity) or identity(text) == item.identity]
    found = exact or [item for item in items if item.key.startswith(text) or item.identity.startswith(text)]
    if text and len(found) == 1:
        return found[0]
    if not found or not text:
        raise PlanItemNotFound(f"Inget öppet moment har id '{wanted}'. Se id:n med: intervjufas plan --json")
    names = ", ".join(f"{item.key} ({item.moment})" for item in found[:5])
    raise PlanItemNotFound(f"'{wanted}' passar flera öppna moment: {names}. Ange hela id:t.")


def status_of_code(code: str) -> str:
    """The Swedish status of an ASCII code (``genomfort`` …), or the status itself."""
    text = code.strip()
    if text in STATUS_CODES:
        return STATUS_CODES[text]
    if text in FOLLOW_UP_STATUSES:
        return text
    raise PlanItemNotFound(f"Okänd status '{code}'. Välj en av: {', '.join(STATUS_CODES)}.")


def mark_item(item: OpenItem, status: str, comment: str = "", *, now: str | None = None) -> Marked:
    """Record ``status`` (a Swedish follow-up status) with ``comment`` for ``item``."""
    if status not in FOLLOW_UP_STATUSES:
        raise PlanItemNotFound(f"Okänd status '{status}'.")
    return _record(item, status, comment, now=now)


def merge_items(item: OpenItem, into: OpenItem, comment: str = "", *, now: str | None = None) -> Marked:
    """Close ``item`` as merged into ``into``, an open row about the same moment that stays."""
    if item.identity == into.identity:
        raise PlanItemNotFound("Ett moment kan inte slås samman med sig självt.")
    return _record(item, MERGED, comment, now=now, into=into)


def _record(
    item: OpenItem, status: str, comment: str, *, now: str | None, into: OpenItem | None = None
) -> Marked:
    from intervjufas.folder.loading import load_report
    from intervjufas.folder.report_file import ReportFile

    questionnaire = load_report(item.source).questionnaire
    if questionnaire is None:
        raise ReportFormatError(
            f"{item.source.name}: frågeuppsättningen som rapporten gjordes med hittas inte."
        )
    handle, report = ReportFile.open(item.source, questionnaire)
    try:
        time = _after(now or timestamp(), [m.time for m in report.marks if m.key == item.key])
        label = f"{time[:10]} · {item.label}"
        mark = PlanMark(
            item.key, time, label, Answer(status, one_line(comment).strip()), into.key if into else ""
        )
        report.marks.append(mark)
        handle.save(report)
    finally:
        handle.close()
    return Marked(item, mark, handle.path or item.source)


def _after(time: str, earlier: list[str]) -> str:
    """``time``, or a second after the item's latest mark when that is not earlier (two changes
    within a second): each mark has its own time, and so its own id."""
    import datetime as dt

    latest = max(earlier, default="")
    if latest < time:
        return time
    try:
        return (dt.datetime.fromisoformat(latest) + dt.timedelta(seconds=1)).isoformat()
    except ValueError:
        return time


def same_moment(items: Sequence[OpenItem], item: OpenItem) -> list[OpenItem]:
    """The other open rows of the same kind about the same moment as ``item`` (by moment id when
    both have one, else by name), the rows it may be merged into; of another kind, none."""

    def name(text: str) -> str:
        return " ".join(text.casefold().split())

    def moment_id(row: OpenItem) -> str:
        return (row.item.moment_id or "") if row.item is not None else ""

    return [
        other
        for other in items
        if other.identity != identity(item.key)
        and other.plan == item.plan
        and (
            moment_id(other) == moment_id(item)
            if moment_id(other) and moment_id(item)
            else name(other.moment) == name(item.moment)
        )
    ]
