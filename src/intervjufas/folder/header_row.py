"""A report's front matter as commands over a whole folder read it, in a compact form.

Why: a folder of 20,000 reports means 20,000 headers in memory at once (and in the header index
on disk).  As dictionaries they took some 80 MB; as one flat list per report, with the statuses
that recur in every report (``klar``, ``Genomfört`` …) kept as small numbers, they take well under
half of that and load from JSON faster.  ``FolderHeader`` wraps such a list and reads like the
checked header it came from (``header["fragor"]["id"]``, ``header.get("metadata")``), reduced to
what folder commands use: the program's keys in ``KEPT_KEYS`` (``uppfoljning`` by the identity of
each item followed up, see ``report.plan.identity``), the details of the assignment in
``KEPT_METADATA``, and for a conflict copy where it came from (under ``extra``).  The commands that
read every header use its attributes, which build nothing.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from collections.abc import Iterator, Mapping
from typing import Any

from intervjufas.model.questionnaire import STATUS_DONE, STATUS_NOT_STARTED, STATUS_STARTED
from intervjufas.report.model import CONFLICT_KEY, FOLLOW_UP_STATUSES
from intervjufas.report.plan import identity

KEPT_KEYS = (
    "format",
    "id",
    "fragor",
    "skapad",
    "steg",
    "atgarder",
    "uppfoljning",
    "betyg",
    "forfattare",
    "karta",
    "markeringar",
)
KEPT_METADATA = ("datum", "uppdrag", "kund", "intervjuform")
# Texts that recur in every header, kept as their number here (anything else is kept as it is,
# and a value that is not a text inside a one-item list, so that no number is mistaken for one).
NOT_MADE = b""  # a header's digest not made yet (a digest is 16 bytes; None: the row has none)
STATUSES = (STATUS_DONE, STATUS_STARTED, STATUS_NOT_STARTED, *FOLLOW_UP_STATUSES)
_CODES = {text: number for number, text in enumerate(STATUSES)}
ROW_LENGTH = 18
(
    _FORMAT,
    _ID,
    _SET_ID,
    _SET_VERSION,
    _SET_HASH,
    _CREATED,
    _DATUM,
    _UPPDRAG,
    _KUND,
    _FORMS,
    _STEPS,
    _ITEMS,
    _FOLLOW_UPS,
    _RATINGS,
    _AUTHOR,
    _MAP,
    _CONFLICT,
    _MARKS,
) = range(ROW_LENGTH)
_METADATA_AT = dict(zip(KEPT_METADATA, (_DATUM, _UPPDRAG, _KUND, _FORMS), strict=True))


def _code(value: Any) -> Any:
    if type(value) is str:
        return _CODES.get(value, value)
    return [value]


def _decode(value: Any) -> Any:
    if type(value) is int:
        return STATUSES[value]
    if type(value) is list:
        return value[0]
    return value


def status_of(kept: Any) -> Any:
    """A status as written, from the way ``coded_follow_ups`` keeps it."""
    return _decode(kept)


def _coded(mapping: Any) -> Any:
    """A mapping of statuses with each status coded (anything but a mapping: kept in a list)."""
    if mapping is None:
        return None
    if not isinstance(mapping, dict):
        return [mapping]
    return {key: _code(value) for key, value in mapping.items()}


def _followed_up(mapping: Any) -> Any:
    """``uppfoljning`` by item identity (what every reader looks items up by), statuses coded; of
    two follow-ups of one item in the same report, the first counts (as when it is read in full)."""
    if not isinstance(mapping, dict):
        return _coded(mapping)
    coded: dict[str, Any] = {}
    for key, value in mapping.items():  # (an item followed up by many reports: one string in memory)
        coded.setdefault(sys.intern(identity(str(key))), _code(value))
    return coded


def _items(listed: Any) -> Any:
    """``atgarder`` with each item's identity one string in memory with its follow-ups' keys."""
    if type(listed) is list:
        return [sys.intern(item) if type(item) is str else item for item in listed]
    return listed


def _decoded(coded: Any) -> Any:
    if type(coded) is dict:
        return {key: _decode(value) for key, value in coded.items()}
    return coded[0] if type(coded) is list else coded


def encode(header: Mapping[str, Any]) -> list[Any]:
    """The compact row of a checked (normalized) header, as JSON keeps it."""
    ref = header["fragor"]
    metadata = header.get("metadata") or {}
    extra = header.get("extra")
    return [
        header.get("format"),
        header["id"],
        ref["id"],
        ref.get("version"),
        ref.get("hash"),
        header.get("skapad"),
        *(metadata.get(key) for key in KEPT_METADATA),
        _coded(header.get("steg")),
        _items(header.get("atgarder")),
        _followed_up(header.get("uppfoljning")),
        header.get("betyg"),
        header.get("forfattare"),
        header.get("karta"),
        extra.get(CONFLICT_KEY) if isinstance(extra, dict) else None,
        _marked(header.get("markeringar")),
    ]


def _marked(marks: Any) -> Any:
    """``markeringar`` (every mark from ``plan``: [item key, status, time], see
    ``report.model.PlanMark``) as [identity, status, time] rows, only the entries of that shape."""
    if not isinstance(marks, list):
        return None
    kept = [
        [identity(str(mark[0])), mark[1], _text(mark[2])]
        for mark in marks
        if isinstance(mark, list) and len(mark) == 3 and isinstance(mark[1], str)
    ]
    return kept or None


def _text(value: Any) -> str:
    """A time as written (a time YAML read as a date and time, e.g. from a hand edit, in ISO form)."""
    isoformat = getattr(value, "isoformat", None)
    return str(isoformat()) if callable(isoformat) else str(value)


def well_formed(row: Any) -> bool:
    """Whether a row kept in the index has what every command relies on."""
    return (
        type(row) is list
        and len(row) == ROW_LENGTH
        and type(row[_ID]) is str
        and bool(row[_ID])
        and type(row[_SET_ID]) is str
        and type(row[_STEPS]) in (dict, list, type(None))
        and type(row[_FOLLOW_UPS]) in (dict, list, type(None))
        and type(row[_MARKS]) in (list, type(None))
    )


class FolderHeader(Mapping[str, Any]):
    """One report's header for commands over a folder: a read-only mapping like the checked header
    (keys without a value are left out), with attributes for what those commands read most."""

    __slots__ = ("digest", "row")

    def __init__(self, row: list[Any], digest: bytes | None = NOT_MADE) -> None:
        self.row = row
        self.digest = digest  # (its ``row_digest``, once made: see ``header_digest``)

    @classmethod
    def of(cls, header: Mapping[str, Any]) -> FolderHeader:
        return cls(encode(header))

    # -- attributes -------------------------------------------------------------------------------
    @property
    def report_id(self) -> str:
        return str(self.row[_ID])

    @property
    def set_id(self) -> str:
        return str(self.row[_SET_ID])

    @property
    def set_key(self) -> tuple[Any, Any, Any]:
        """The question set's id, version and hash, as written."""
        row = self.row
        return (row[_SET_ID], row[_SET_VERSION], row[_SET_HASH])

    @property
    def format(self) -> Any:
        return self.row[_FORMAT]

    @property
    def created(self) -> str:
        """``skapad`` as text ('' when missing)."""
        created = self.row[_CREATED]
        return created if type(created) is str else str(created or "")

    def fact(self, key: str) -> Any:
        """A detail of the assignment (``datum``, ``uppdrag``, ``kund``, ``intervjuform``) as written."""
        return self.row[_METADATA_AT[key]]

    @property
    def author(self) -> Any:
        return self.row[_AUTHOR]

    @property
    def conflict_of(self) -> Any:
        """The report a conflict copy was made of (``konfliktkopia_av``), or None."""
        return self.row[_CONFLICT]

    @property
    def map_size(self) -> int:
        """How many moments the report's process map has (``karta``; 0 when it has none)."""
        size = self.row[_MAP]
        return size if type(size) is int else 0

    @property
    def ratings(self) -> Any:
        """``betyg``: rating question id -> rating (format 2)."""
        return self.row[_RATINGS]

    @property
    def planned(self) -> Any:
        """``atgarder``: the identities of the report's items (format 1: their number)."""
        return self.row[_ITEMS]

    def coded_follow_ups(self) -> dict[str, Any] | None:
        """The items this report followed up (identity -> status as kept: see ``status_of``)."""
        coded = self.row[_FOLLOW_UPS]
        return coded if type(coded) is dict else None

    def follow_ups(self) -> Iterator[tuple[str, Any]]:
        """The items this report followed up, as (identity, status), without building a mapping."""
        coded = self.row[_FOLLOW_UPS]
        if type(coded) is dict:
            for key, value in coded.items():
                yield key, _decode(value)

    def marks(self) -> Iterator[tuple[str, str, str]]:
        """Every change of this report's items marked from ``plan``: (identity, status, time)."""
        marked = self.row[_MARKS]
        if type(marked) is list:
            yield from ((str(key), str(status), str(time)) for key, status, time in marked)

    def steps(self) -> Any:
        """``steg`` (step id -> status), as written."""
        return _decoded(self.row[_STEPS])

    def steps_key(self) -> Any:
        """What tells one report's step statuses from another's (hashable when plain), cheaply."""
        coded = self.row[_STEPS]
        return tuple(coded.items()) if type(coded) is dict else None

    # -- the mapping ------------------------------------------------------------------------------
    def _value(self, key: str) -> Any:
        row = self.row
        if key == "fragor":
            ref = {"id": row[_SET_ID], "version": row[_SET_VERSION], "hash": row[_SET_HASH]}
            return {k: v for k, v in ref.items() if v is not None}
        if key == "metadata":
            return {name: row[at] for name, at in _METADATA_AT.items() if row[at] is not None}
        if key in ("steg", "uppfoljning"):
            return _decoded(row[_STEPS if key == "steg" else _FOLLOW_UPS])
        if key == "extra":
            return {CONFLICT_KEY: row[_CONFLICT]} if row[_CONFLICT] is not None else None
        at = _TOP_AT.get(key)
        return row[at] if at is not None else None

    def __getitem__(self, key: str) -> Any:
        value = self._value(key)
        if value is None:
            raise KeyError(key)
        return value

    def get(self, key: str, default: Any = None) -> Any:
        value = self._value(key)
        return default if value is None else value

    def __iter__(self) -> Iterator[str]:
        return (key for key in (*KEPT_KEYS, "metadata", "extra") if self._value(key) is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __repr__(self) -> str:
        return f"FolderHeader({dict(self)!r})"


_TOP_AT = {
    "format": _FORMAT,
    "id": _ID,
    "skapad": _CREATED,
    "atgarder": _ITEMS,
    "betyg": _RATINGS,
    "forfattare": _AUTHOR,
    "karta": _MAP,
    "markeringar": _MARKS,
}


def row_digest(row: list[Any]) -> bytes | None:
    """A digest of a header row as the index keeps it (None when it holds a value that cannot be
    written exactly): the open counts, and what ``lista`` shows of a report, depend on the
    folder's header rows and file names alone."""
    try:
        data = marshal.dumps(row, 0)  # (version 0: no references, so equal rows give equal bytes)
    except ValueError:
        return None
    return hashlib.blake2b(data, digest_size=16).digest()


def header_digest(header: FolderHeader) -> bytes | None:
    """``row_digest`` of the header's row: as made where the row was read (a worker of the header
    pass makes it there, sparing the main process 20,000 of them), else made now and kept."""
    digest = header.digest
    if digest == NOT_MADE:
        digest = header.digest = row_digest(header.row)
    return digest


# For ``own_layout``, which builds the same row from the header's text.
code_of = _code
coded = _coded
followed_up = _followed_up
interned_items = _items
