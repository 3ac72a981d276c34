"""What ``plan`` writes into a file or a pipe (its text, or its JSON), kept in its final form for
an unchanged folder, so that ``plan`` run again makes no item at all: it lists the folder, loads
one file of ready pieces and writes them.

Why: at 20,000 reports of which half hold open items (about 33,000 items), even from the snapshot
of ``folder_plan`` (``plan_snapshot``) a warm ``plan`` spent most of its time making tens of
thousands of items and formatting each again – into the same text as the run before.

The pieces are made by the view that writes them (an ``OutputForm``: what each item and each
report becomes, and the order of the items); this module only keeps and hands back what it was
given, as plain data, and never interprets it.  They are made from the ``plan_snapshot`` of the
same listing, so they are used under exactly the same conditions: the folder holds the same files,
each with the same key, with the same program and question files (the listing's digest is the
version of the cache), and they are never made when that snapshot could not be kept.

Like the snapshot, it lives in the ``FileCache`` (one namespace per form, sealed, private, silently
rebuilt) with one entry per report that said something of the result – the pieces of its items
and their places in the output (two lists: fewer objects to load), its customer (for ``--kund``)
and its warnings – under the
report's own name and file key, so that ``rensa`` forgetting a file forgets what it said here too;
every entry names how many there are and how many items in all, so one missing makes it unused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from intervjufas.folder.file_cache import FileCache, collection_paused
from intervjufas.folder.folder_listing import kept_entries
from intervjufas.reading.plan import plan_snapshot

if TYPE_CHECKING:
    from intervjufas.reading.plan.plan_snapshot import Listing
    from intervjufas.reading.plan.state import OpenItem

KEPT_FORMAT = 2  # raise when the layout of an entry changes (the pieces' own: ``OutputForm.version``)


class OutputForm(Protocol):
    """What a view keeps of the open items: its own namespace and version, its order of the items,
    and the piece (plain data) of each item and of each report holding items."""

    namespace: str
    version: str

    def ordered(self, items: list[OpenItem]) -> list[OpenItem]: ...

    def item_piece(self, item: OpenItem) -> Any: ...

    def report_piece(self, source: Path, items: list[OpenItem]) -> Any: ...


@dataclass(frozen=True)
class KeptOutput:
    """The pieces of the items (of the reports whose customer ``--kund`` names), in the output's
    order; for each, the place of its report in the listing; each such report's piece, by place;
    the folder's report names (by place) and the warnings, in ``folder_plan``'s order."""

    folder: Path
    names: Sequence[str]
    pieces: list[Any]
    reports: list[int]
    report_pieces: dict[int, Any]
    warnings: list[str]


def _cache(place: Listing, form: OutputForm) -> FileCache | None:
    try:
        version = f"{KEPT_FORMAT}\0{form.version}\0{place.digest}"
        return FileCache(form.namespace, place.folder, version, shared=True)
        # (no pass to share equal strings: the pieces hardly repeat)
    except (OSError, RuntimeError):
        return None


# -- reading --------------------------------------------------------------------------------------
def kept_output(place: Listing, program: str, customer: str, form: OutputForm) -> KeptOutput | None:
    """The pieces kept for exactly this listing (None when there are none, when one report's entry
    is missing or of another shape, or when a warning names another ``program``)."""
    with collection_paused(keep=True):
        cache = _cache(place, form)
        if cache is None:
            return None
        try:
            return _decoded(place, cache, program, customer)
        except (TypeError, ValueError, IndexError, KeyError, AttributeError):
            return None  # (of another shape: made again)


def _decoded(place: Listing, cache: FileCache, program: str, customer: str) -> KeptOutput | None:
    entries = kept_entries(place, cache)
    if not entries:
        return None
    count, total = len(entries), entries[next(iter(entries))][1]
    if type(total) is not int or any(value[0] != count or value[1] != total for value in entries.values()):
        return None  # (one of them forgotten, or of another run)
    if any(value[5] and value[6] != program for value in entries.values()):
        return None
    wanted = _of_customer(entries, customer)
    pieces: list[Any] = [None] * total
    reports = [-1] * total
    report_pieces = {}
    placed = 0
    for number, value in entries.items():
        if value[4]:
            report_pieces[number] = value[2]
        for position, piece in zip(value[4], value[7], strict=True):
            if type(position) is not int or position < 0 or reports[position] >= 0:
                raise ValueError("position")
            pieces[position], reports[position] = piece, number
            placed += 1
    if placed != total:
        return None
    if wanted is not None:
        chosen = [place for place, number in enumerate(reports) if number in wanted]
        pieces, reports = [pieces[place] for place in chosen], [reports[place] for place in chosen]
    warnings = sorted((position, text) for value in entries.values() for position, text in value[5])
    if any(type(text) is not str for _, text in warnings):
        raise TypeError("warning")
    return KeptOutput(
        place.folder, place.names, pieces, reports, report_pieces, [text for _, text in warnings]
    )


def _of_customer(entries: dict[int, Any], customer: str) -> set[int] | None:
    """The reports whose customer ``customer`` names (``folder.finding.has_words``); None for all."""
    if not customer.strip():
        return None
    from intervjufas.folder.finding import has_words

    named: dict[str, bool] = {}  # (the same customer recurs in thousands of reports: matched once)
    wanted = set()
    for number, value in entries.items():
        text = value[3]
        if type(text) is not str:
            raise TypeError("customer")
        if text not in named:
            named[text] = has_words(customer, text)
        if named[text]:
            wanted.add(number)
    return wanted


# -- keeping --------------------------------------------------------------------------------------
def keep_output(
    place: Listing,
    program: str,
    form: OutputForm,
    found: tuple[list[OpenItem], list[str]] | None = None,
) -> None:
    """Make and keep the pieces of ``form`` from the snapshot ``folder_plan`` kept for exactly this
    listing (nothing when there is none: then neither could be kept) – or from what ``folder_plan``
    ``found`` for every customer just now, whose snapshot that is."""
    customers: dict[str, str] | None = {}
    if found is None:
        found = plan_snapshot.kept(place, program, customers=customers)
    else:
        customers = plan_snapshot.kept_customers(place, program)
    if found is None or customers is None:
        return
    items, warnings = found
    number_of = {name: number for number, name in enumerate(place.names)}
    values: dict[int, list[Any]] = {}

    def entry(number: int) -> list[Any]:
        return values.setdefault(number, [0, 0, None, "", [], [], program, []])

    for position, text in enumerate(warnings):
        number = number_of.get(text.split(":", 1)[0])
        if number is None:
            return
        entry(number)[5].append([position, text])
    ordered = form.ordered(items)
    held: dict[int, list[OpenItem]] = {}
    for position, item in enumerate(ordered):
        number = number_of.get(item.source.name)
        if number is None or item.source.parent != place.folder:
            return
        value = entry(number)
        value[4].append(position)
        value[7].append(form.item_piece(item))
        held.setdefault(number, []).append(item)
    for number, own in held.items():
        source = own[0].source
        values[number][2], values[number][3] = form.report_piece(source, own), customers.get(source.name, "")
    cache = _cache(place, form)
    if cache is None:
        return
    for number, value in values.items():
        value[0], value[1] = len(values), len(ordered)
        cache.put(place.names[number], place.keys[number], value)
    cache.save(place.names)
