"""The process map a new mapping starts from: the latest map in the reports folder (the same
consultant's, where reports record who made them), or the map of a report the user names."""

from __future__ import annotations

import contextlib
from pathlib import Path

from intervjufas.errors import IntervjufasError
from intervjufas.model.answers import Moment
from intervjufas.model.questions import Questionnaire
from intervjufas.reading.folder import read_headers
from intervjufas.reports.loading import load_report
from intervjufas.reports.process_map import map_of

Map = dict[str, tuple[Moment, ...]]


def latest_map(folder: Path, questionnaire: Questionnaire, author: str, exclude_id: str) -> Map:
    """The newest map in the folder – by preference one the same author made – else, when no
    report has a map yet, the moments named in the newest plan (the author's own first, too).

    A report that cannot be read, whose set is not known, or whose map turns out empty (moments
    deleted by hand after its header counted them) is passed over for the next one."""
    headers, _ = read_headers(folder)
    newest_first = sorted(headers, key=_when, reverse=True)
    candidates = [(p, h) for p, h in newest_first if h.get("id") != exclude_id]
    # The author's own first (a stable sort: each group stays newest first).
    preferred = sorted(candidates, key=lambda entry: not (author and entry[1].get("forfattare") == author))
    with_map = [p for p, h in preferred if isinstance(h.get("karta"), int) and h["karta"] > 0]
    with_items = [p for p, h in preferred if h.get("atgarder")]
    for path in dict.fromkeys([*with_map, *with_items]):  # (each read once)
        with contextlib.suppress(IntervjufasError):
            found = map_of(load_report(path, questionnaire))
            if any(found.values()):
                return found
    return {}


def _when(entry: tuple[Path, dict]) -> tuple[str, str]:
    header = entry[1]
    metadata = header.get("metadata") or {}
    created = str(header.get("skapad") or "")
    return (str(metadata.get("datum") or created[:10]), created)
