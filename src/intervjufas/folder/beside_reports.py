"""The files a folder command reads besides the reports of the folder – the survey answers kept
beside each report and the user's recovery files – where they are, and the names and file keys of
all of them at once, cheaply (without the modules that read them), for the digest of a result kept
for the folder (``folder/kept_output.py``): a new, changed or removed answers or recovery file then
makes the kept result unused."""

from __future__ import annotations

import os
from pathlib import Path

from intervjufas.files.settings import data_home
from intervjufas.folder.file_cache import file_key

ANSWERS_SUFFIX = ".enkatsvar.json"  # (``folder.survey_answers``: ``<stem>.enkatsvar.json``)


def recovery_dir() -> Path:
    return data_home() / "aterstallning"


def files_beside(folder: Path, *, recovery: bool = False) -> str | None:
    """The names and keys of the answers files in ``folder`` and, with ``recovery``, of the files
    in the recovery folder (a superset of what is read: a file passed over changes it too); None
    when one of them cannot be looked at."""
    places = [(folder, True), *([(recovery_dir(), False)] if recovery else [])]
    found = []
    try:
        for place, answers in places:
            if not answers and not place.is_dir():
                continue
            with os.scandir(place) as entries:
                for entry in entries:
                    if not answers or entry.name.casefold().endswith(ANSWERS_SUFFIX):
                        found.append(f"{place}\0{entry.name}\0{file_key(entry.stat())}")
    except (OSError, ValueError):
        return None
    return "\n".join(sorted(found))
