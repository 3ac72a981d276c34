"""The process map a new mapping starts from: the latest map in the reports folder (the same
consultant's, where reports record who made them), or the map of a report the user names."""

from __future__ import annotations

import contextlib
from pathlib import Path

from intervjufas.errors import IntervjufasError
from intervjufas.model.answers import Moment
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.reading.folder import read_headers
from intervjufas.reading.folder_header import FolderHeader
from intervjufas.reports.loading import load_report
from intervjufas.reports.process_map import EarlierMap, map_of

Map = dict[str, tuple[Moment, ...]]


def latest_map(folder: Path, questionnaire: Questionnaire, author: str, exclude_id: str) -> EarlierMap:
    """The newest map in the folder – by preference one the same author made – else, when no
    report has a map yet, the moments named in the newest plan (the author's own first, too).

    A report that cannot be read, whose set is not known, or whose map turns out empty (moments
    deleted by hand after its header counted them) is passed over for the next one."""
    headers, _ = read_headers(folder)
    newest_first = sorted(headers, key=_when, reverse=True)
    candidates = [(p, h) for p, h in newest_first if h.report_id != exclude_id]
    # The author's own first (a stable sort: each group stays newest first).
    preferred = sorted(candidates, key=lambda entry: not (author and entry[1].author == author))
    with_map = [p for p, h in preferred if h.map_size > 0]
    with_items = [p for p, h in preferred if h.planned]
    for path in dict.fromkeys([*with_map, *with_items]):  # (each read once)
        with contextlib.suppress(IntervjufasError):
            loaded = load_report(path, questionnaire)
            found = map_of(loaded)
            if any(found.values()):
                return EarlierMap(found, path, loaded.report.author)
    return EarlierMap({})


def _when(entry: tuple[Path, FolderHeader]) -> tuple[str, str]:
    header = entry[1]
    created = header.created
    return (str(header.fact("datum") or created[:10]), created)
