"""What is left to do (``status``): the user's mappings with steps left, the open items of the
action plans per customer, and where the reports and the latest map are – from the folder's
headers alone (no report is read in full), so that it is quick enough to show whenever the
program is started without a command.

The open items come from THE plan-state model (``reading.plan.state.open_counts``), kept between
runs like those of ``lista`` (``reading.plan.kept_counts``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from intervjufas.folder.finding import folded
from intervjufas.folder.header_row import FolderHeader
from intervjufas.folder.scan import read_headers, sort_key
from intervjufas.model.questionnaire import STATUS_DONE, SetRef
from intervjufas.questionsets.catalog import find_set
from intervjufas.reading.plan.kept_counts import kept_open_counts

SHOWN = 10  # mappings with steps left listed (the newest); the rest are counted


@dataclass(frozen=True)
class StepsLeft:
    """A mapping with steps not yet done."""

    path: Path
    date: str
    uppdrag: str
    customer: str
    set_id: str
    steps: tuple[tuple[int, str], ...]  # (number, label such as "Steg 2") of each step left


@dataclass(frozen=True)
class CustomerItems:
    customer: str  # as the newest of its reports writes it ("" when none is given)
    open_items: int


@dataclass
class Status:
    folder: Path
    author: str  # whose mappings are listed ("" for everyone's)
    reports: int = 0
    unfinished: list[StepsLeft] = field(default_factory=list)  # newest first, at most SHOWN
    more_unfinished: int = 0
    customers: list[CustomerItems] = field(default_factory=list)  # most open items first
    latest_map: Path | None = None
    warnings: list[str] = field(default_factory=list)


def folder_status(folder: Path, *, author: str = "") -> Status:
    """The status of the reports in ``folder``: ``author``'s mappings with steps left (everyone's
    when ``author`` is empty or has none), the open items of every report by customer, and the
    latest map (``author``'s own first, as ``karta`` finds it)."""
    headers, warnings = read_headers(folder)
    headers = [(path, header) for path, header in headers if header.conflict_of is None]
    newest_first = sorted(headers, key=lambda entry: sort_key(*entry), reverse=True)
    status = Status(folder, author, reports=len(newest_first), warnings=warnings)
    own = [entry for entry in newest_first if author and entry[1].author == author]
    if not own:
        status.author = ""
    left = [found for found in (_steps_left(path, header) for path, header in own or newest_first) if found]
    status.unfinished, status.more_unfinished = left[:SHOWN], max(0, len(left) - SHOWN)
    status.customers = _by_customer(newest_first, kept_open_counts(folder, headers))
    with_map = [entry for entry in (own or []) + newest_first if entry[1].map_size > 0]
    status.latest_map = with_map[0][0] if with_map else None
    return status


def _steps_left(path: Path, header: FolderHeader) -> StepsLeft | None:
    steps = header.steps()
    if not isinstance(steps, dict) or all(value == STATUS_DONE for value in steps.values()):
        return None
    set_id, version, digest = header.set_key
    questionnaire = find_set(SetRef(set_id, version if isinstance(version, int) else 0, str(digest or "")))
    if questionnaire is None:
        return None
    left = tuple(
        (step.number, step.label) for step in questionnaire.steps if steps.get(step.id, "") != STATUS_DONE
    )
    if not left:
        return None
    return StepsLeft(
        path,
        str(header.fact("datum") or header.created[:10]),
        str(header.fact("uppdrag") or ""),
        str(header.fact("kund") or ""),
        set_id,
        left,
    )


def _by_customer(newest_first: list[tuple[Path, FolderHeader]], counts: dict[str, int]) -> list[CustomerItems]:
    """Open items summed per customer (names folded as ``folder.finding`` folds them), the
    customer named as its newest report writes it; customers without open items are left out."""
    names: dict[str, str] = {}
    totals: dict[str, int] = {}
    for _, header in newest_first:
        name = " ".join(str(header.fact("kund") or "").split())
        key = folded(name)
        names.setdefault(key, name)
        totals[key] = totals.get(key, 0) + counts.get(header.report_id, 0)
    found = [CustomerItems(names[key], total) for key, total in totals.items() if total]
    return sorted(found, key=lambda c: (-c.open_items, c.customer.casefold()))
