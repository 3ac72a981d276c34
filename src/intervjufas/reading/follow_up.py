"""The open items of earlier action plans that a new mapping follows up."""

from __future__ import annotations

import contextlib
from pathlib import Path

from intervjufas.errors import IntervjufasError
from intervjufas.model.questions import Questionnaire
from intervjufas.reading.folder import read_headers
from intervjufas.reports.action_plan import (
    OpenItem,
    open_count_from_headers,
    open_items,
    statuses_from_headers,
)
from intervjufas.reports.loading import load_report


def follow_up_items(folder: Path, questionnaire: Questionnaire, *, exclude_id: str) -> list[OpenItem]:
    """The open items of earlier reports.  The front matter tells which reports still have open
    items and how every item was last followed up, so only those reports are read in full."""
    headers, _ = read_headers(folder)  # unreadable files are reported by lista and plan
    counts = open_count_from_headers([header for _, header in headers])
    loaded = []
    for path, header in headers:
        if counts.get(header["id"]) and header["id"] != exclude_id:
            with contextlib.suppress(IntervjufasError):
                loaded.append(load_report(path, questionnaire))
    statuses = statuses_from_headers([header for _, header in headers])
    return open_items(loaded, exclude_id=exclude_id, statuses=statuses)
