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
    report has a map yet, the moments named in the newest plan."""
    headers, _ = read_headers(folder)
    newest_first = sorted(headers, key=_when, reverse=True)
    candidates = [(p, h) for p, h in newest_first if h.get("id") != exclude_id]
    own = [(p, h) for p, h in candidates if author and h.get("forfattare") == author]
    for group in (own, [c for c in candidates if c not in own]):
        for path, header in group:
            if isinstance(header.get("karta"), int) and header["karta"] > 0:
                with contextlib.suppress(IntervjufasError):
                    return map_of(load_report(path, questionnaire))
    for path, header in own or candidates:
        if header.get("atgarder"):
            with contextlib.suppress(IntervjufasError):
                return map_of(load_report(path, questionnaire))
    return {}


def _when(entry: tuple[Path, dict]) -> tuple[str, str]:
    header = entry[1]
    metadata = header.get("metadata") or {}
    created = str(header.get("skapad") or "")
    return (str(metadata.get("datum") or created[:10]), created)
