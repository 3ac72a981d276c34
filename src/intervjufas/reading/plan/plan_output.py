"""What ``plan`` writes into a file or a pipe (its text, or its JSON), kept in its final form for
an unchanged folder (``folder/kept_output.py``, the one mechanism every folder command's kept
output uses), so that ``plan`` run again makes no item at all: it lists the folder, loads one file
of ready pieces and writes them.

Why: at 20,000 reports of which half hold open items (about 33,000 items), even from the snapshot
of ``folder_plan`` (``plan_snapshot``) a warm ``plan`` spent most of its time making tens of
thousands of items and formatting each again – into the same text as the run before.

The pieces are made by the view that writes them (an ``OutputForm``: what each item and each
report becomes, and the order of the items).  They are made from the ``plan_snapshot`` of the
same files, so they are used under exactly the same conditions: the folder holds the same files,
each with the same key, with the same program and question files (the listing's digest, and the
program's name in the kept form's version), and they are never made when that snapshot could not
be kept.  (The listing is ``folder.kept_output``'s own, listed again for the snapshot when the
pieces are made: the snapshot's digest needs the plan facts' module, which a warm run need not
import.)  Each report that holds items keeps, beside its pieces, its own piece and its customer
(for ``--kund``).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from intervjufas.folder.kept_output import KeptOutput, Output
from intervjufas.folder.kept_output import keep_output as keep_output_of
from intervjufas.folder.kept_output import kept_output as kept_output_of
from intervjufas.folder.kept_output import listing as kept_listing

__all__ = ["KeptOutput", "OutputForm", "keep_output", "kept_output", "listing"]

if TYPE_CHECKING:
    from intervjufas.folder.folder_listing import FolderListing as Listing
    from intervjufas.reading.plan.folder_items import KeptSnapshot
    from intervjufas.reading.plan.state import OpenItem

KEPT_FORMAT = 3  # raise when what plan keeps beside the pieces changes (the pieces' own: ``OutputForm.version``)


class OutputForm(Protocol):
    """What a view keeps of the open items: its own namespace and version, its order of the items,
    the pieces (plain data) of the items in that order, each with the name of its report (a piece
    per item, or per report), and the piece of each report holding items."""

    namespace: str
    version: str

    def ordered(self, items: list[OpenItem]) -> list[OpenItem]: ...

    def kept_pieces(self, ordered: list[OpenItem]) -> list[tuple[str, Any]]: ...

    def report_piece(self, source: Path, items: list[OpenItem]) -> Any: ...


def _version(form: OutputForm, program: str) -> str:
    return f"{KEPT_FORMAT}\0{form.version}\0{program}"


def listing(folder: Path) -> Listing | None:
    """The folder now, as the output is kept for it (``folder.kept_output.listing``: the program's
    version and the question files in its digest; the form and the program in the kept version).
    Not the snapshot's listing, whose digest needs the plan facts' module: a warm run imports
    nothing of how plans are read."""
    return kept_listing(folder, "plan", KEPT_FORMAT)


# -- reading --------------------------------------------------------------------------------------
def kept_output(place: Listing, program: str, customer: str, form: OutputForm) -> KeptOutput | None:
    """The pieces kept for exactly this listing and ``program`` (the command its warnings
    suggest), of the reports whose customer ``customer`` names (None when there are none, or when
    one report's entry is missing or of another shape)."""
    kept = kept_output_of(place, form.namespace, _version(form, program))
    if kept is None:
        return None
    try:
        own = {number: piece for number, (piece, _) in kept.report_pieces.items()}
        wanted = _of_customer(kept.report_pieces, customer) if customer.strip() else None
    except (TypeError, ValueError, IndexError):
        return None  # (of another shape: made again)
    if wanted is None:
        return replace(kept, report_pieces=own)
    chosen = [place for place, number in enumerate(kept.reports) if number in wanted]
    return replace(
        kept,
        pieces=[kept.pieces[place] for place in chosen],
        reports=[kept.reports[place] for place in chosen],
        report_pieces=own,
    )


def _of_customer(extras: dict[int, Any], customer: str) -> set[int]:
    """The reports whose customer ``customer`` names (``folder.finding.has_words``)."""
    from intervjufas.folder.finding import has_words

    named: dict[str, bool] = {}  # (the same customer recurs in thousands of reports: matched once)
    wanted = set()
    for number, (_, text) in extras.items():
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
    snapshot: KeptSnapshot | None = None,
) -> KeptOutput | None:
    """Make and keep the pieces of ``form`` from the snapshot ``folder_plan`` kept for exactly this
    listing (nothing when there is none: then neither could be kept) – or from what ``folder_plan``
    ``found`` for every customer just now, whose snapshot that is (and, given its ``snapshot``,
    without listing the folder and loading the snapshot again).  What it kept is handed back as
    ``kept_output`` would load it (None: nothing kept), so that it is written from the pieces just
    made rather than made a second time."""
    from intervjufas.reading.plan import plan_snapshot

    kept_for = snapshot.place if snapshot is not None and found is not None else plan_snapshot.listing(place.folder)
    if kept_for is None or (kept_for.names, kept_for.keys) != (place.names, place.keys):
        return None  # (the same files with the same keys, or nothing)
    customers: dict[str, str] | None = {}
    if found is None:
        found = plan_snapshot.kept(kept_for, program, customers=customers)
    elif snapshot is not None:
        customers = snapshot.customers
    else:
        customers = plan_snapshot.kept_customers(kept_for, program)
    if found is None or customers is None:
        return None
    items, warnings = found
    output = Output()
    output.warn_all(warnings)
    held: dict[str, list[OpenItem]] = {}
    ordered = form.ordered(items)
    for item in ordered:
        if item.source.parent != place.folder:
            return None
        held.setdefault(item.source.name, []).append(item)
    for name, piece in form.kept_pieces(ordered):
        output.add(name, piece)
    for name, own in held.items():
        output.extras[name] = [form.report_piece(own[0].source, own), customers.get(name, "")]
    if not keep_output_of(place, form.namespace, _version(form, program), output):
        return None
    number_of = {name: number for number, name in enumerate(place.names)}
    return KeptOutput(
        place.folder,
        place.names,
        output.pieces,
        [number_of[name] for name in output.owners],
        {number_of[name]: extra[0] for name, extra in output.extras.items()},
        output.warnings,
    )
