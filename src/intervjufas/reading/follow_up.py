"""The open items of earlier action plans that a new mapping follows up: by default those of the same
customer (else of the same question set), newest first, read a few reports at a time.

The front matter of every report tells which reports still have open items, how many, and how
each item was last followed up; a report is read in full only when its items are about to be asked.
A folder of thousands of reports therefore costs one pass over the headers, and the new report
records only the items that were actually asked.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from intervjufas.errors import IntervjufasError
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.reading.folder import read_headers
from intervjufas.reading.folder_header import FolderHeader
from intervjufas.reading.plan_items import open_counts, statuses_by_created
from intervjufas.reports.action_plan import OpenItem, open_items
from intervjufas.reports.loading import load_report
from intervjufas.reports.model import identity

SCOPES = ("kund", "alla")  # the same customer (else the same question set), or every report
SAME_SET = "från tidigare rapporter med samma frågeuppsättning"
EVERY_REPORT = "från alla tidigare utvecklingsplaner"


class FollowUpPool:
    """The open items in scope, newest report first: ``total`` of them, handed out by ``take``."""

    def __init__(
        self,
        sources: list[Path],
        total: int,
        scope: str,
        *,
        questionnaire: Questionnaire,
        statuses: dict[str, str],
        by_id: dict[str, Path],
        note: str = "",
    ) -> None:
        self.scope = scope  # how the items were chosen, e.g. "för Nordlager AB"
        self.note = note  # said before the first items, e.g. why another scope was chosen
        self.total = total  # open items in scope (from the headers)
        self._sources = list(sources)
        self._questionnaire = questionnaire
        self._statuses = statuses
        self._by_id = by_id
        self._waiting: list[OpenItem] = []
        self._handed = 0

    def take(self, count: int) -> list[OpenItem]:
        """The next ``count`` items (fewer at the end), reading only the reports needed for them."""
        while len(self._waiting) < count and self._sources:
            self._waiting += self._items_of([self._sources.pop(0)])
        taken, self._waiting = self._waiting[:count], self._waiting[count:]
        self._handed += len(taken)
        if not self._sources and not self._waiting:
            self.total = self._handed  # all read: exact even if a header promised more (a set not found)
        return taken

    def lookup(self, keys: Iterable[str]) -> dict[str, OpenItem]:
        """The items of some keys (followed up earlier in the same report), wherever they come from
        – closed ones too: the report that closed them may be the one asking."""
        wanted = set(keys)
        paths = {self._by_id[key.split("/", 1)[0]] for key in wanted if key.split("/", 1)[0] in self._by_id}
        asked = {identity(key) for key in wanted}
        statuses = {key: status for key, status in self._statuses.items() if key not in asked}
        return {item.key: item for item in self._items_of(sorted(paths), statuses) if item.key in wanted}

    def _items_of(self, paths: list[Path], statuses: dict[str, str] | None = None) -> list[OpenItem]:
        loaded = []
        for path in paths:
            with contextlib.suppress(IntervjufasError):  # (an unreadable report is shown by lista)
                loaded.append(load_report(path, self._questionnaire))
        return open_items(loaded, statuses=self._statuses if statuses is None else statuses)


def follow_up_pool(
    folder: Path, questionnaire: Questionnaire, *, exclude_id: str, kund: str = "", scope: str = "kund"
) -> FollowUpPool:
    """The open items to follow up in a new report (``exclude_id``) for customer ``kund``:

    - ``kund``: those of earlier reports for the same customer (case and spacing ignored), else –
      no customer given, or none of its reports has open items – those of the same question set;
    - ``alla``: those of every earlier report."""
    headers, _ = read_headers(folder)  # (unreadable files are reported by lista and plan)
    folder_headers = [header for _, header in headers]
    statuses = statuses_by_created(folder_headers)
    counts = open_counts(folder_headers, statuses)
    candidates = sorted(
        (
            (path, header)
            for path, header in headers
            if counts.get(header.report_id) and header.report_id != exclude_id
        ),
        key=_newest_first,
        reverse=True,
    )
    chosen, text, note = candidates, EVERY_REPORT, ""
    if scope != "alla":
        wanted = _customer(kund)
        chosen = [(p, h) for p, h in candidates if wanted and _customer(h.fact("kund")) == wanted]
        text = f"för {' '.join(kund.split())}"
        if not chosen:
            chosen, text = [(p, h) for p, h in candidates if h.set_id == questionnaire.id], SAME_SET
            note = f"Det finns inga öppna moment för {' '.join(kund.split())}." if wanted and chosen else ""
    return FollowUpPool(
        [path for path, _ in chosen],
        sum(counts[header.report_id] for _, header in chosen),
        text,
        questionnaire=questionnaire,
        statuses=statuses,
        by_id={header.report_id: path for path, header in headers},
        note=note,
    )


def _customer(value: Any) -> str:
    return " ".join(str(value or "").casefold().split())


def _newest_first(entry: tuple[Path, FolderHeader]) -> tuple[str, str, str]:
    path, header = entry
    created = header.created
    return (str(header.fact("datum") or created[:10]), created, path.name)
