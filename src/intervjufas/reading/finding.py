"""Finding the reports a user names: by path or file name, by the start of a file name (a date), or
by words from the assignment, the customer or the date ("lager", "nordlager 2024").

The matching reports come back newest first, with what a person needs to tell them apart (date,
assignment, customer, file); choosing among several is the command-line layer's job.  Words match
without regard to case or accents (``truckfor`` finds "Truckförare"), and every word must match.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from intervjufas.errors import IntervjufasError
from intervjufas.model.safe_text import visible
from intervjufas.reading.folder import read_header_of, read_headers
from intervjufas.reading.header_index import Header
from intervjufas.reports.files import report_files

_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_FILE_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_FOLD = str.maketrans({"æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "ł": "l", "Ł": "L"})


@dataclass(frozen=True)
class FoundReport:
    """A report that matches a name, with what tells it apart from the others."""

    path: Path
    datum: str = ""
    uppdrag: str = ""
    kund: str = ""
    created: str = ""

    @property
    def sort_key(self) -> tuple[str, str, str]:
        return (self.datum, self.created, self.path.name)

    @property
    def label(self) -> str:
        """'2024-01-15  Lagerarbetare till Nordlager · Nordlager AB  (fil.md)'."""
        what = " · ".join(part for part in (self.uppdrag, self.kund) if part)
        return "  ".join(part for part in (self.datum, what, f"({self.path.name})") if part)


def folded(text: str) -> str:
    """Lowercase ASCII words separated by single spaces: 'Truckförare, AB' -> 'truckforare ab'."""
    plain = unicodedata.normalize("NFKD", text.translate(_FOLD)).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", " ", plain.lower()).strip()


def find_reports(name: str, folder: Path) -> list[FoundReport]:
    """The reports ``name`` refers to, newest first: a path or a file name in the folder (one
    report), else the files whose names start with it, else the reports whose assignment, customer
    or date contain all its words.  Raises IntervjufasError when nothing matches."""
    given = Path(name).expanduser()
    if given.is_file():
        return [FoundReport(given)]
    if os.sep in name or (os.altsep and os.altsep in name):
        raise IntervjufasError(f"Rapporten {name} finns inte.")
    for candidate in (folder / name, folder / f"{name}.md"):
        if candidate.is_file():
            return [FoundReport(candidate)]
    by_prefix = [_described(path) for path in report_files(folder) if name and path.name.startswith(name)]
    found = by_prefix or _by_words(name, folder)
    if not found:
        raise IntervjufasError(
            f"Hittar ingen rapport som heter eller börjar med '{name}', eller har orden i uppdraget, "
            f"kunden eller datumet (letade i {folder})."
        )
    return sorted(found, key=lambda report: report.sort_key, reverse=True)


def _by_words(name: str, folder: Path) -> list[FoundReport]:
    """Reports whose assignment or customer contain every word (anywhere: 'lager' finds
    'Nordlager'), and whose date starts with every date given ('2024', '2024-02')."""
    tokens = [token for token in re.split(r"[\s,;]+", name) if token]
    dates = [token for token in tokens if _DATE.fullmatch(token)]
    words = folded(" ".join(token for token in tokens if token not in dates)).split()
    if not words and not dates:
        return []
    headers, _ = read_headers(folder)  # (unreadable files are reported by lista)
    found = []
    for path, header in headers:
        report = _from_header(path, header)
        text = folded(f"{report.uppdrag} {report.kund}")
        if all(word in text for word in words) and all(report.datum.startswith(d) for d in dates):
            found.append(report)
    return found


def _described(path: Path) -> FoundReport:
    try:
        return _from_header(path, read_header_of(path))
    except ValueError:  # shown by its file name (and the date in it); opening it says what is wrong
        date = _FILE_DATE.match(path.name)
        return FoundReport(path, datum=date.group(0) if date else "")


def _from_header(path: Path, header: Header) -> FoundReport:
    metadata = header.get("metadata") or {}
    created = _text(header.get("skapad"))
    return FoundReport(
        path=path,
        datum=_text(metadata.get("datum")) or created[:10],
        uppdrag=_text(metadata.get("uppdrag")),
        kund=_text(metadata.get("kund")),
        created=created,
    )


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_text(v) for v in value)
    return " ".join(visible(str(value)).split())
