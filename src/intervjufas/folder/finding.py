"""Finding the reports a user names – the one place that does – with two front doors:

- ``find_reports`` (every command that takes a RAPPORT): by path or file name, by the start of a
  file name (a date), or by words from the assignment, the customer or the date ("lager",
  "nordlager 2024").  A name that is not a path needs the folder: when it does not exist, that is
  the error (``ReportsFolderMissing``), not "no report".  The matching reports come back newest
  first, with what a person needs to tell them apart (date, assignment, customer, file); choosing
  among several is the interface's job (``ambiguity`` says it when there is nobody to ask;
  ``granska`` scans them all).  Words match without regard to case or accents (``truckfor`` finds
  "Truckförare"), and every word must match.
- ``has_words`` is that rule for one text: ``trend --kund`` and every other option that names a
  customer use it, so a part of the name is enough everywhere; ``same_customer`` says when two
  reports are for the same customer (a follow-up, ``jamfor A``).
- ``the_report`` (a path the session is given): by path, file name or a prefix that
  only one file name has; it reads no headers.

Both take a path or a name in the folder the same way (``_given``); shell completion offers the
file names that start with what is typed, else those of the reports the typed words find
(``completed_reports``).
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from intervjufas.errors import IntervjufasError
from intervjufas.files.settings import existing_folder
from intervjufas.folder.customer_text import SUFFIX, is_customer_text
from intervjufas.folder.scan import Header, read_folder_header, read_headers, report_files
from intervjufas.model.safe_text import visible

SHOWN = 15  # the newest matches offered in a menu or listed

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


def has_words(given: str, text: str) -> bool:
    """Whether ``text`` holds every word of ``given`` (anywhere, without regard to case or
    accents): the finder's rule for words, and the rule of every option that names a customer
    ('nordlager' and 'NORDLÄGER ab' find 'Nordlager AB'; 'lager' finds it too)."""
    words = folded(given).split()
    found = folded(text)
    return bool(words) and all(word in found for word in words)


def same_customer(first: str, second: str) -> bool:
    """Whether two reports name the same customer: the names are equal without regard to case,
    accents, punctuation or spacing ('Nordlager AB' is 'nordlager  ab' and 'Nordlager, AB')."""
    return bool(folded(first)) and folded(first) == folded(second)


def find_reports(name: str, folder: Path) -> list[FoundReport]:
    """The reports ``name`` refers to, newest first: a path or a file name in the folder (one
    report), else the files whose names start with it, else the reports whose assignment, customer
    or date contain all its words.  Raises IntervjufasError when nothing matches."""
    given = _given(name, folder)
    if given is not None:
        return [FoundReport(given)]
    existing_folder(folder)
    by_prefix = [_described(path) for path in _by_prefix(name, folder)] if name else []
    found = by_prefix or _by_words(name, folder)
    if not found:
        raise IntervjufasError(
            f"Hittar ingen rapport som heter eller börjar med '{name}', eller har orden i uppdraget, "
            f"kunden eller datumet (letade i {folder})."
        )
    return sorted(found, key=lambda report: report.sort_key, reverse=True)


def the_report(name: str, folder: Path) -> Path:
    """A report named by a path, a file name in the folder, or a prefix only one file name has."""
    given = _given(name, folder)
    if given is not None:
        return given
    existing_folder(folder)
    matches = _by_prefix(name, folder)
    if len(matches) == 1:
        return matches[0]
    if matches:
        listed = ", ".join(p.name for p in matches[:8]) + (" …" if len(matches) > 8 else "")
        raise IntervjufasError(
            f"'{name}' passar {len(matches)} rapporter i {folder}: {listed}. Skriv fler tecken."
        )
    raise IntervjufasError(f"Hittar ingen rapport som heter eller börjar med '{name}' (letade i {folder}).")


def ambiguity(name: str, folder: Path, found: list[FoundReport]) -> str:
    """'lager' passar 3 rapporter …, then one line per report (newest first), then what to do."""
    lines = [f"'{name}' passar {len(found)} rapporter i {folder}:"]
    lines += [f"  {report.label}" for report in found[:SHOWN]]
    if len(found) > SHOWN:
        lines.append(f"  … och {len(found) - SHOWN} äldre")
    lines.append("Ange rapporten med fler ord, ett datum eller filnamnet.")
    return "\n".join(lines)


def completed_reports(prefix: str, folder: Path) -> list[Path]:
    """What Tab offers for a RAPPORT, as the commands take it: the reports whose file name (without
    .md) starts with what is typed, newest first; when none does, the reports whose assignment,
    customer or date hold its words (``find_reports``' rule: 'lager' finds
    '2024-01-15-lagerarbetare-till-nordlager')."""
    by_name = [path for path in reversed(report_files(folder)) if path.stem.startswith(prefix)]
    if by_name or not prefix.strip():
        return by_name
    found = sorted(_by_words(prefix, folder), key=lambda report: report.sort_key, reverse=True)
    return [report.path for report in found]


def _given(name: str, folder: Path) -> Path | None:
    """The file a path or a file name in the folder (with or without .md) names, if it is one;
    a path that is not a file is an error."""
    given = Path(name).expanduser()
    for candidate in (given, folder / name, folder / f"{name}.md"):
        if is_customer_text(candidate.name) and candidate.is_file():
            report = candidate.name[: -len(SUFFIX)]
            raise IntervjufasError(
                f"{candidate.name} är en sparad kundversion, inte en rapport; ange rapporten {report}.md."
            )
    if given.is_file():
        return given
    if os.sep in name or (os.altsep and os.altsep in name):
        raise IntervjufasError(f"Rapporten {name} finns inte.")
    for candidate in (folder / name, folder / f"{name}.md"):
        if candidate.is_file():
            return candidate
    return None


def _by_prefix(name: str, folder: Path) -> list[Path]:
    return [path for path in report_files(folder) if path.name.startswith(name)]


def _by_words(name: str, folder: Path) -> list[FoundReport]:
    """Reports whose assignment or customer contain every word (anywhere: 'lager' finds
    'Nordlager'), and whose date starts with every date given ('2024', '2024-02')."""
    tokens = [token for token in re.split(r"[\s,;]+", name) if token]
    dates = [token for token in tokens if _DATE.fullmatch(token)]
    words = " ".join(token for token in tokens if token not in dates)
    if not folded(words) and not dates:
        return []
    headers, _ = read_headers(folder)  # (unreadable files are reported by lista)
    found = []
    for path, header in headers:
        report = _from_header(path, header)
        matches = not folded(words) or has_words(words, f"{report.uppdrag} {report.kund}")
        if matches and all(report.datum.startswith(d) for d in dates):
            found.append(report)
    return found


def _described(path: Path) -> FoundReport:
    try:
        return _from_header(path, read_folder_header(path))
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
