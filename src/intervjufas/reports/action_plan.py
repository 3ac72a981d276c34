"""The action plan across reports: which planned items are still open, and their follow-up."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from intervjufas.reports.model import CLOSED_STATUSES, planned_items

if TYPE_CHECKING:  # not imported at run time: `lista` needs this module without the question sets
    from intervjufas.reports.loading import LoadedReport


@dataclass(frozen=True)
class OpenItem:
    """An action item from an earlier report that is not yet done or dropped."""

    key: str
    moment: str
    why: str
    step_number: int
    step_label: str
    step_title: str
    kind: str
    source: Path
    source_date: str
    last_status: str | None = None  # the newest follow-up status, if any (Delvis, Inte än)
    last_comment: str = ""

    @property
    def label(self) -> str:
        """The heading of this item in a follow-up section."""
        return f"{self.moment} ({self.step_label} · {self.kind.lower()} · {self.source_date})"


def open_items(
    reports: list[LoadedReport],
    *,
    exclude_id: str | None = None,
    statuses: Mapping[str, str] | None = None,
) -> list[OpenItem]:
    """Every planned item of the reports that no follow-up has closed, newest report first.

    The follow-ups are read from the reports themselves, or taken from ``statuses`` (item key →
    newest status, e.g. from the front matter of every report) when only some reports are loaded."""
    latest: dict[str, tuple[tuple[str, str, str], str, str]] = {}
    if statuses is not None:
        latest = {key: (("", "", ""), status, "") for key, status in statuses.items()}
    for loaded in reports if statuses is None else ():
        for follow_up in loaded.report.follow_ups:
            if follow_up.status is None:
                continue
            stamp = loaded.sort_key
            known = latest.get(follow_up.key)
            if known is None or stamp > known[0]:
                latest[follow_up.key] = (stamp, follow_up.status, follow_up.answer.comment)
    items = []
    for loaded in sorted(reports, key=lambda r: r.sort_key, reverse=True):
        if loaded.questionnaire is None or loaded.report.report_id == exclude_id:
            continue
        for planned in planned_items(loaded.report, loaded.questionnaire):
            status = latest.get(planned.key)
            if status is not None and status[1] in CLOSED_STATUSES:
                continue
            items.append(
                OpenItem(
                    key=planned.key,
                    moment=planned.item.moment,
                    why=planned.item.why,
                    step_number=planned.step.number,
                    step_label=planned.step.label,
                    step_title=planned.step.title,
                    kind=planned.kind_label,
                    source=loaded.path,
                    source_date=loaded.report.date,
                    last_status=status[1] if status else None,
                    last_comment=status[2] if status else "",
                )
            )
    return items


def grouped_by_step(items: list[OpenItem]) -> list[tuple[str, list[OpenItem]]]:
    """Items grouped by step (in step order), each group newest first."""
    groups: dict[tuple[int, str], list[OpenItem]] = {}
    for item in items:
        groups.setdefault((item.step_number, f"{item.step_label}: {item.step_title}"), []).append(item)
    return [(title, group) for (_, title), group in sorted(groups.items())]


def statuses_from_headers(headers: list[dict]) -> dict[str, str]:
    """The newest follow-up status of every followed-up item, from front matter only."""
    stamps: dict[str, tuple[str, str]] = {}
    for header in headers:
        follow = header.get("uppfoljning")
        if not isinstance(follow, dict):
            continue
        stamp = str(header.get("skapad") or "")
        for raw_key, status in follow.items():
            key = str(raw_key)
            known = stamps.get(key)
            if known is None or stamp > known[0]:
                stamps[key] = (stamp, str(status))
    return {key: status for key, (_, status) in stamps.items()}


def open_count_from_headers(headers: list[dict]) -> dict[str, int]:
    """Open items per report id, from front matter only (for fast listing)."""
    closed: dict[str, set[str]] = {}
    for key, status in statuses_from_headers(headers).items():
        if status in CLOSED_STATUSES:
            closed.setdefault(str(key).split("/", 1)[0], set()).add(key)
    counts = {}
    for header in headers:
        report_id = str(header.get("id") or "")
        total = header.get("atgarder")
        total = total if isinstance(total, int) else 0
        counts[report_id] = max(0, total - len(closed.get(report_id, set())))
    return counts
