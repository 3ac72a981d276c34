"""A CSV file of survey answers as a table of text cells: its encoding and separator found, its size
and row count bounded.

Why: the answers come from Microsoft Forms, Google Forms or a hand-made sheet, through Excel more
often than not. Excel writes UTF-8 with a byte-order mark ("CSV UTF-8"), UTF-16 with tabs
("Unicode-text"), or Windows-1252 with semicolons in a Swedish locale ("CSV (semikolonavgränsad)"),
and may start the file with a ``sep=;`` line. Each of those is read as it is; anything else – an
Excel workbook, a binary file, text converted to UTF-8 twice, a file too large or with too many
rows – is one Swedish line (``IntervjufasError``), never a hang, a traceback or a memory blow-up.

Rows are numbered as a spreadsheet shows them: the header is row 1 (a ``sep=`` line is not a row).
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from intervjufas.errors import IntervjufasError

MEGABYTE = 1024 * 1024
FILE_LIMIT = 16 * MEGABYTE
MAX_ROWS = 10_000  # answer rows: far more than one assignment's respondents
MAX_COLUMNS = 1_000
_MAX_SEPARATORS = 4 * MAX_COLUMNS  # in one record, quoted ones included
DELIMITERS = (",", ";", "\t")
_DELIMITER_NAMES = {",": "komma", ";": "semikolon", "\t": "tabb"}
# A line as CSV splits them: at \r\n, \r or \n only (not at the other breaks ``splitlines`` knows).
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|\Z)")
_SEP_LINE = re.compile(r"\Asep=(.)\r?\n", re.IGNORECASE)
# UTF-8 read as Windows-1252 and saved as UTF-8 again: "Ã¤" where "ä" was meant.
_TWICE_ENCODED = re.compile("Ã[¥¤¶…„–©¼]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 med BOM"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_SAVE_AS = (
    "spara den som 'CSV UTF-8 (kommaavgränsad)' i Excel, eller ladda ned svaren som CSV ur enkätverktyget"
)


@dataclass(frozen=True)
class Table:
    """The cells of a CSV file: its header and its non-blank rows, each with its row number."""

    file: str
    encoding: str  # as a person names it, e.g. "UTF-8 med BOM", "Windows-1252"
    delimiter: str
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]

    @property
    def delimiter_name(self) -> str:
        return _DELIMITER_NAMES.get(self.delimiter, self.delimiter)


def read_table(
    data: bytes,
    file: str,
    recognised: Callable[[Sequence[str]], int] = lambda header: 0,
    *,
    max_rows: int = MAX_ROWS,
) -> Table:
    """The table in ``data``; ``recognised`` counts the header cells the caller knows, which picks
    the separator when more than one would split the header."""
    if len(data) > FILE_LIMIT:
        raise IntervjufasError(
            f"{file} är större än {FILE_LIMIT // MEGABYTE} MB; en enkäts svar är mycket mindre."
        )
    text, encoding = decode(data, file)
    sep = _SEP_LINE.match(text)
    if sep:
        text = text[sep.end() :]
    if not text.strip():
        raise IntervjufasError(f"{file} är tom: den har ingen rubrikrad med frågorna.")
    delimiter = sep.group(1) if sep else _delimiter(text, recognised)
    header, rows = _records(text, delimiter, file, max_rows)
    if not any(cell.strip() for cell in header):
        raise IntervjufasError(f"{file}, rad 1: rubrikraden är tom; den ska ha en kolumn per fråga.")
    return Table(file, encoding, delimiter, header, rows)


def decode(data: bytes, file: str) -> tuple[str, str]:
    """The text of the file and the name of its encoding."""
    _refuse_binary(data, file)
    text, name = _decoded(data, file)
    if "\x00" in text:
        raise IntervjufasError(f"{file} innehåller nolltecken och är ingen textfil; {_SAVE_AS}.")
    twice = encoded_twice(text)
    if twice:
        line = text.count("\n", 0, twice.start()) + 1
        raise IntervjufasError(
            f"{file}, rad {line}: texten har kodats om två gånger ('{twice.group()}' där det ska stå "
            f"'{twice.group().encode('cp1252').decode('utf-8')}'); hämta svaren på nytt ur enkätverktyget."
        )
    return text, name


def encoded_twice(text: str) -> re.Match[str] | None:
    """Where the text shows UTF-8 read as Windows-1252 ("Ã¤" for "ä"), if it does anywhere. (So a
    text that really says "Ã¤" cannot be imported – a price worth a clear error for the common case.)"""
    return _TWICE_ENCODED.search(text)


def _decoded(data: bytes, file: str) -> tuple[str, str]:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec, name, file), name
    if b"\x00" in data[:4096]:
        return _strict(data, _utf16_without_bom(data, file), "UTF-16", file), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return _strict(data, "cp1252", "Windows-1252", file), "Windows-1252"


def _refuse_binary(data: bytes, file: str) -> None:
    if data.startswith(b"PK\x03\x04"):
        raise IntervjufasError(
            f"{file} är en Excel-arbetsbok (.xlsx) eller ett zip-arkiv, inte CSV; {_SAVE_AS}."
        )
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise IntervjufasError(f"{file} är en äldre Excel-arbetsbok (.xls), inte CSV; {_SAVE_AS}.")
    if data.startswith(b"%PDF"):
        raise IntervjufasError(f"{file} är en PDF-fil, inte CSV; {_SAVE_AS}.")


def _utf16_without_bom(data: bytes, file: str) -> str:
    """UTF-16 saved without a byte-order mark: Swedish text has a zero byte in every other place."""
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if max(even, odd) < len(sample) // 4:
        raise IntervjufasError(f"{file} innehåller nolltecken och är ingen textfil; {_SAVE_AS}.")
    return "utf-16-be" if even > odd else "utf-16-le"


def _strict(data: bytes, codec: str, name: str, file: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise IntervjufasError(
            f"{file}, rad {line}: filen går inte att läsa som {name} (byte {error.start + 1}); {_SAVE_AS}."
        ) from None


class _TooWide(Exception):
    """A record with far more separators than ``MAX_COLUMNS`` allows, caught before it is built."""


class _Lines:
    """The lines of the text for ``csv.reader``, counting the separators of the record being read,
    so that a record of millions of empty cells is refused before the reader builds it."""

    def __init__(self, text: str, delimiter: str) -> None:
        self._lines = (match.group() for match in _LINE.finditer(text) if match.group())
        self._delimiter = delimiter
        self.pending = 0  # separators seen since the last record was taken

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.pending += line.count(self._delimiter)
        if self.pending > _MAX_SEPARATORS:
            raise _TooWide
        return line


def _first_record(text: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader(_Lines(text, delimiter), delimiter=delimiter), [])
    except (csv.Error, _TooWide):
        return []


def _delimiter(text: str, recognised: Callable[[Sequence[str]], int]) -> str:
    """The separator that splits the header into the most known columns, then the most columns."""
    scored = []
    for order, delimiter in enumerate(DELIMITERS):
        header = _first_record(text, delimiter)
        scored.append((recognised(header), len(header), -order, delimiter))
    return max(scored)[3]


def _records(
    text: str, delimiter: str, file: str, max_rows: int
) -> tuple[tuple[str, ...], tuple[tuple[int, tuple[str, ...]], ...]]:
    lines = _Lines(text, delimiter)
    reader = csv.reader(lines, delimiter=delimiter)
    header: tuple[str, ...] = ()
    rows: list[tuple[int, tuple[str, ...]]] = []
    number = 0
    too_wide = f"raden har fler än {MAX_COLUMNS} kolumner; högst {MAX_COLUMNS} läses."
    try:
        for number, record in enumerate(reader, start=1):
            lines.pending = 0
            if len(record) > MAX_COLUMNS:
                raise IntervjufasError(f"{file}, rad {number}: {too_wide}")
            if number == 1:
                header = tuple(record)
            elif any(cell.strip() for cell in record):
                if len(rows) == max_rows:
                    raise IntervjufasError(
                        f"{file} har fler än {grouped(max_rows)} svarsrader; en enkät i ett uppdrag har "
                        "sällan fler än några hundra – kontrollera att det är rätt fil, eller dela upp den."
                    )
                rows.append((number, tuple(record)))
    except _TooWide:
        raise IntervjufasError(f"{file}, rad {number + 1}: {too_wide}") from None
    except csv.Error as error:
        raise IntervjufasError(f"{file}, rad {number + 1}: {_csv_problem(error)}") from None
    return header, tuple(rows)


def _csv_problem(error: csv.Error) -> str:
    text = str(error)
    if "field larger than field limit" in text:
        return f"en cell är längre än {grouped(csv.field_size_limit())} tecken och läses inte."
    return "raden går inte att läsa som CSV (kontrollera citattecknen)."


def grouped(number: int) -> str:
    """A whole number with its thousands apart, as Swedish writes it: 10 000."""
    return f"{number:,}".replace(",", " ")
