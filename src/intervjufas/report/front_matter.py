"""The front matter of a report: the one place that finds, parses and checks a report's header.

A report starts with YAML between two lines of ``---``.  The front matter the program writes itself
is read by ``flat_header`` straight into plain values; anything else is parsed with PyYAML's C
parser into a node tree, only plain values are made of it (dates stay the text they were written
as), and tags that would construct anything else are refused – both give exactly the same values.
Reading many reports only needs the header, so ``read_front_matter`` reads a file only up to its
end (one read for a header of the usual size).

A problem is one ``HeaderError`` with its line; it is phrased either short, for a warning in a list
of many reports (``fil: problem``), or as a sentence naming the file and line, for one report.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

from intervjufas.errors import ReportFormatError, YamlSourceError
from intervjufas.files.bounded import HEADER_LIMIT, open_regular
from intervjufas.files.safe_yaml import compose, forbidden_tags, plain_value, show_tag
from intervjufas.report.flat_header import read_flat_header
from intervjufas.report.model import FORMAT_VERSION

READABLE_FORMATS = (1, 2, FORMAT_VERSION)
_READABLE = ", ".join(str(version) for version in READABLE_FORMATS[:-1]) + f" och {FORMAT_VERSION}"
PROGRAM_KEY = "intervjufas"  # format 2: the program's own keys, under one key
# Format 2 on: the keys at the top that are not questions' answers ('author' and 'lang' are written
# from format 3 on, for pandoc and other tools: 'author' is a copy of 'forfattare').
TOP_KEYS = ("title", "date", "tags", "forfattare", "author", "lang", PROGRAM_KEY)
CANONICAL_KEYS = (
    "format",
    "id",
    "fragor",
    "metadata",
    "skapad",
    "uppdaterad",
    "steg",
    "atgarder",
    "uppfoljning",
    "markeringar",
    "ofardigt",
    "betyg",
    "forfattare",
    "karta",
)

_SHORT = {
    "missing": "huvudet (YAML mellan två rader med ---) saknas överst",
    "unterminated": "huvudet avslutas aldrig med en rad med ---",
    "yaml": "huvudet är inte giltig YAML (rad {line}): {detail}",
    "not_mapping": "huvudet är inte nycklar med värden",
    "format": "okänt rapportformat {detail} (den här versionen läser format {version})",
    "id": "huvudet saknar rapportens 'id'",
    "fragor": "huvudet saknar 'fragor' med frågeuppsättningens id",
    "metadata": "'metadata' i huvudet ska vara nycklar med värden",
    "version": "frågeuppsättningens version {detail} i huvudet är inte ett heltal",
    "date": "datumet {detail} i huvudet är inte ett giltigt datum (ÅÅÅÅ-MM-DD)",
    "too_large": f"huvudet är större än {HEADER_LIMIT // 1024} kB",
}
_SENTENCE = {
    "missing": "rapporten saknar huvudet (YAML mellan två rader med ---) överst.",
    "unterminated": "huvudet överst avslutas aldrig med en rad med ---.",
    "yaml": "huvudet är inte giltig YAML ({detail}).",
    "not_mapping": "huvudet ska vara nycklar med värden (YAML).",
    "format": "okänt rapportformat {detail}; den här versionen läser format {version}.",
    "id": "huvudet saknar rapportens 'id'.",
    "fragor": "huvudet saknar 'fragor' med frågeuppsättningens id.",
    "metadata": "'metadata' ska vara nycklar med värden.",
    "version": "frågeuppsättningens version {detail} är inte ett heltal.",
    "date": "datumet {detail} är inte ett giltigt datum (ÅÅÅÅ-MM-DD).",
    "too_large": f"huvudet är större än {HEADER_LIMIT // 1024} kB.",
}


class HeaderError(ValueError):
    """A report header that cannot be used: what is wrong, and on which line of the file."""

    def __init__(self, kind: str, line: int, detail: str = "") -> None:
        self.kind, self.line, self.detail = kind, line, detail
        super().__init__(self.short())

    def short(self) -> str:
        """For a warning about one file among many: ``huvudet saknar rapportens 'id'``."""
        return _SHORT[self.kind].format(line=self.line, detail=self.detail, version=_READABLE)

    def sentence(self, file: str) -> ReportFormatError:
        """For one report the user named: ``fil:2: huvudet saknar rapportens 'id'.``"""
        text = _SENTENCE[self.kind].format(line=self.line, detail=self.detail, version=_READABLE)
        return ReportFormatError(f"{file}:{self.line}: {text}")


def split_front_matter(lines: list[str]) -> tuple[list[str], list[str], int]:
    """Header lines, body lines, and the 1-based file line where the body starts."""
    if not lines or lines[0].strip() != "---":
        raise HeaderError("missing", 1)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return lines[1:index], lines[index + 1 :], index + 2
    raise HeaderError("unterminated", 1)


def parse_header(header_lines: list[str], *, check: bool = True) -> dict[str, Any]:
    """The header's YAML as plain data, checked to be a report header (unless ``check`` is off).

    The front matter the program writes is read by ``flat_header`` without building YAML nodes;
    anything else (a hand edit with a comment, an anchor, a tag …) by the safe YAML reader, which
    also words every problem."""
    return parse_header_text("\n".join(line.rstrip("\n") for line in header_lines), check=check, lines=header_lines)


def parse_header_text(text: str, *, check: bool = True, lines: list[str] | None = None) -> dict[str, Any]:
    """``parse_header`` of the header's lines joined by line breaks (``lines``: those lines, when
    the caller has them; else they are split from the text for the check, which names a line)."""
    header = read_flat_header(text)
    if header is None:
        header = safe_header_value(text)
    if not isinstance(header, dict):
        raise HeaderError("not_mapping", 2)
    if not check:
        return header
    canonical = normalize(header)
    check_header(canonical, text.split("\n") if lines is None else lines)
    return canonical


def safe_header_value(text: str) -> Any:
    """The header's YAML as plain data by the safe YAML reader (dates as text), or HeaderError."""
    try:
        root = compose(text, "")
        for node in forbidden_tags(root) if root is not None else ():
            raise HeaderError(
                "yaml", node.start_mark.line + 2, f"YAML-taggen '{show_tag(node.tag)}' är inte tillåten"
            )
        return plain_value(root) if root is not None else None
    except YamlSourceError as error:
        problem = error.diagnostics[0]
        raise HeaderError("yaml", problem.line + 1, problem.message) from None
    except RecursionError:
        raise HeaderError("yaml", 2, "ett alias hänvisar till sig självt") from None


def normalize(raw: dict[str, Any]) -> dict[str, Any]:
    """A header of any readable format in the shape the program reads: ``format``, ``id``,
    ``fragor`` {id, version, hash}, ``metadata`` {question id: value}, ``skapad``, ``uppdaterad``,
    ``steg``, ``atgarder``, ``uppfoljning``, ``ofardigt``, ``betyg``, ``forfattare``, ``taggar``,
    and ``extra`` (the program's keys it does not know, kept as they are).

    Format 1 kept everything at the top; format 2 puts the facts of the assignment at the top, flat,
    for other tools (``title``, ``date``, ``uppdrag``, ``kund``, …, ``tags``) and the program's own
    keys compactly under ``intervjufas``; format 3 adds ``author`` and ``lang`` at the top.  Who made
    the report is ``forfattare``; ``author`` is its copy for other tools and counts only when
    ``forfattare`` is missing (a hand edit of ``author`` alone is overwritten on the next save)."""
    own = raw.get(PROGRAM_KEY)
    if not isinstance(own, dict):  # format 1 (or not a report)
        canonical = {key: raw[key] for key in CANONICAL_KEYS if key in raw}
        canonical["extra"] = {key: value for key, value in raw.items() if key not in CANONICAL_KEYS}
        return canonical
    canonical = {key: own[key] for key in CANONICAL_KEYS if key in own}
    canonical["extra"] = {key: value for key, value in own.items() if key not in CANONICAL_KEYS}
    metadata = {key: value for key, value in raw.items() if key not in TOP_KEYS}
    if "date" in raw:
        metadata["datum"] = raw["date"]
    canonical["metadata"] = metadata
    author = raw.get("forfattare")
    if author is None:
        author = raw.get("author")
        author = author[0] if isinstance(author, list) and len(author) == 1 else author
    if author is not None:
        canonical["forfattare"] = author
    if isinstance(raw.get("tags"), list):
        canonical["taggar"] = raw["tags"]
    return canonical


def check_header(header: dict[str, Any], header_lines: list[str]) -> None:
    """Raise HeaderError when a (normalized) header lacks what every report must have."""
    if header.get("format") not in READABLE_FORMATS:
        raise HeaderError("format", 2, repr(header.get("format")))
    if not isinstance(header.get("id"), str) or not header["id"]:
        raise HeaderError("id", 2)
    ref = header.get("fragor")
    if not isinstance(ref, dict) or not isinstance(ref.get("id"), str):
        raise HeaderError("fragor", 2)
    if not isinstance(header.get("metadata") or {}, dict):
        raise HeaderError("metadata", header_line(header_lines, "metadata", nested=False))


def check_values(header: dict[str, Any]) -> None:
    """Raise HeaderError when a checked header's version or date cannot be what it says – for
    commands over a whole folder, where such a report is passed over with a warning rather than
    sorted and counted wrongly (one report named on its own is read leniently instead)."""
    version = header["fragor"].get("version")
    if version is not None and (isinstance(version, bool) or not isinstance(version, int)):
        raise HeaderError("version", 2, repr(version))
    date = (header.get("metadata") or {}).get("datum")
    if not _is_date(date):
        raise HeaderError("date", 2, repr(date))


def _is_date(value: Any) -> bool:
    """Whether a header date is missing or a real date (a YAML date, or text ÅÅÅÅ-MM-DD)."""
    if value is None or value == "" or isinstance(value, dt.date):
        return True
    try:
        dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return False
    return True


def header_line(lines: list[str], key: str, *, nested: bool = True) -> int:
    """The file line of a key in the header (2 when it is not found)."""
    indent = r"\s+" if nested else ""
    pattern = re.compile(rf"^{indent}{re.escape(key)}\s*:")
    for index, line in enumerate(lines):
        if pattern.match(line):
            return index + 2
    return 2


def read_front_matter(path: Path, *, check: bool = False) -> dict[str, Any]:
    """Only the header of a report file (fast: stops reading at its end), checked with ``check``.

    Raises HeaderError, UnreadableFile (not an ordinary file, or unreadable), UnicodeDecodeError."""
    fd = open_regular(path)
    try:  # (one read on the descriptor itself: a buffered file object costs more than the read)
        text = _plain_header_text(os.read(fd, _FIRST_READ))
        if text is not None:
            header_lines = None
        else:
            os.lseek(fd, 0, os.SEEK_SET)
            with os.fdopen(fd, "rb", closefd=False) as handle:
                header_lines = _header_lines(handle)
    finally:
        os.close(fd)
    if header_lines is not None:
        return parse_header(header_lines, check=check)
    return parse_header_text(text or "", check=check)


_FIRST_READ = 4096  # bytes read at once (a page): the program writes headers of one or two kilobytes


def _plain_header_lines(data: bytes) -> list[str] | None:
    """The header lines when ``data`` holds the whole header as the program writes it (``---``
    and a line break first, no byte-order mark), else None (``_header_lines`` reads it then).
    The same lines as ``_header_lines`` gives, found in one buffer rather than line by line."""
    start = _header_end(data)
    if start is None:
        return None
    if start < 4:
        return []
    text = data[4:start].decode("utf-8")
    lines = text.split("\n")
    return [line.rstrip("\r") for line in lines] if "\r" in text else lines


def _plain_header_text(data: bytes) -> str | None:
    """``_plain_header_lines`` joined by line breaks, made without splitting the text into lines
    when it has no carriage return (as the program writes it)."""
    start = _header_end(data)
    if start is None:
        return None
    text = data[4:start].decode("utf-8") if start >= 4 else ""
    return "\n".join(line.rstrip("\r") for line in text.split("\n")) if "\r" in text else text


def _header_end(data: bytes) -> int | None:
    """Where the line break before the header's closing ``---`` (or ``...``) line is in ``data``,
    or None when ``data`` does not hold a whole header that starts with ``---`` and a line break."""
    if not data.startswith(b"---\n"):
        return None
    at = 3
    while True:
        found = [place for place in (data.find(b"\n---", at), data.find(b"\n...", at)) if place >= 0]
        if not found:
            return None
        start = min(found)
        end = data.find(b"\n", start + 1)
        if end < 0:
            return None  # (the line may go on past what was read)
        if data[start + 1 : end].decode("utf-8").rstrip("\r\n").rstrip() in ("---", "..."):
            return start
        at = start + 1


def _header_lines(handle: Any) -> list[str]:
    """The header lines of a file read line by line, up to ``HEADER_LIMIT`` bytes."""
    lines: list[str] = []
    size = 0
    while True:
        raw = handle.readline(HEADER_LIMIT + 1)
        size += len(raw)
        if size > HEADER_LIMIT:
            raise HeaderError("too_large", 1)
        if not raw:
            break
        line = raw.decode("utf-8-sig" if not lines else "utf-8").rstrip("\r\n")
        lines.append(line)
        if len(lines) == 1 and line.strip() != "---":
            break
        if len(lines) > 1 and line.rstrip() in ("---", "..."):
            break
    header_lines, _, _ = split_front_matter(lines)
    return header_lines
