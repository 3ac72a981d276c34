"""``plan``: the open items of the action plans – listed, and kept up without a mapping: on a
terminal a menu marks an item Genomfört, Delvis, Inte än or Släpp with a comment, or merges two
open rows about the same moment; ``--markera ID`` does the same for scripts.  The change is
written by ``reading.plan.marking`` into the report that holds the item."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from intervjufas.cli.app import CommandTable, program, terminal
from intervjufas.cli.options import AsJson, CustomerOption, Folder, existing_reports_dir
from intervjufas.errors import Interrupted, UsageError
from intervjufas.views.output import standard_output

commands = CommandTable()

MarkOption = Annotated[
    str | None,
    typer.Option(
        "--markera",
        metavar="ID",
        help="Följ upp ett öppet moment utan kartläggning: dess id (se plan --json) eller början av det.",
    ),
]
StatusOption = Annotated[
    str | None,
    typer.Option(
        "--status",
        metavar="STATUS",
        help="Status för --markera: genomfort, delvis, inte_an eller slapp.",
    ),
]
CommentOption = Annotated[
    str | None, typer.Option("--kommentar", metavar="TEXT", help="En kommentar till --markera.")
]
MergeOption = Annotated[
    str | None,
    typer.Option(
        "--sla-ihop-med",
        metavar="ID",
        help="Slå ihop momentet i --markera med en annan öppen rad om samma moment (den raden står kvar).",
    ),
]


@commands.command(
    "plan",
    short_help="Visa och följ upp de öppna momenten i utvecklingsplanerna.",
    help=(
        "Visa alla öppna moment i utvecklingsplanerna i rapportmappen – moment som ännu inte följts upp "
        "som Genomfört eller Släpp – med steg, typ, varför, senaste status, rapport och datum. I en "
        "terminal kan du sedan markera ett moment Genomfört, Delvis, Inte än eller Släpp med en "
        "kommentar, eller slå ihop två rader om samma moment; ändringen skrivs med datum i rapporten "
        "där momentet planerades. Med --markera görs samma sak utan frågor, för skript."
    ),
)
def plan(
    ctx: typer.Context,
    katalog: Folder = None,
    kund: CustomerOption = None,
    json_output: AsJson = False,
    markera: MarkOption = None,
    status: StatusOption = None,
    kommentar: CommentOption = None,
    sla_ihop_med: MergeOption = None,
) -> None:
    facts = terminal(ctx)
    folder = existing_reports_dir(katalog)
    if markera is None and (status or kommentar is not None or sla_ihop_med):
        raise UsageError("--status, --kommentar och --sla-ihop-med hör till --markera ID.")
    keeping = None
    if markera is None and (json_output or not facts.stdout_is_terminal):
        keeping = _write_kept(facts, folder, json_output, kund or "")
        if keeping is None:
            return
    snapshots: list[Any] = []  # (what the plan's computation kept, for keeping the output)
    items, warnings = _open_items(folder, facts, json_output, kund, snapshots)
    if markera is not None:
        _mark(facts, folder, items, markera, status, kommentar or "", sla_ihop_med, json_output, kund)
        return
    if json_output:
        from intervjufas.views.plan import write_plan_json

        if keeping is not None and not kund:
            if _kept_then_written(facts, keeping, (items, warnings), snapshots, json_output=True):
                return
            keeping = None
        write_plan_json(items, standard_output(facts))
    else:
        from intervjufas.views.plan import show_plan
        from intervjufas.views.plan_kept import writes_stacked_text

        console = _console(facts)
        stacked = writes_stacked_text(console, items)  # (else a table, or colours: nothing to keep)
        if keeping is not None and stacked and not kund:
            if _kept_then_written(facts, keeping, (items, warnings), snapshots, json_output=False):
                return
            keeping = None  # (kept, or not to be kept: the output is made the general way)
        show_plan(console, items, folder, program(), customer=kund or "")
        if items and facts.stdin_is_terminal and facts.stdout_is_terminal:
            _keep_up(facts, folder, items, kund)
        if not stacked:
            keeping = None
    if keeping is not None and keeping[0] is not None:
        from intervjufas.reading.plan.plan_output import keep_output

        keep_output(keeping[0], program(), keeping[1])  # (--kund: from the snapshot, for every customer)


def _kept_then_written(
    facts: Any, keeping: tuple[Any, Any], found: tuple[list[Any], list[str]], snapshots: list[Any], *, json_output: bool
) -> bool:
    """Keep the output of what was just computed (every customer's items) and write it from the
    pieces kept, as a warm run writes them – each item formatted once; False when nothing was kept
    or the pieces are not written so (the caller then writes the output the general way)."""
    from intervjufas.reading.plan.plan_output import keep_output

    if keeping[0] is None:
        return False
    kept = keep_output(keeping[0], program(), keeping[1], found, snapshots[0] if snapshots else None)
    if kept is None:
        return False
    if json_output:
        from intervjufas.views import plan_json_kept

        stream = standard_output(facts)
        chunks = plan_json_kept.prepared_json(kept, stream)
        if chunks is None:
            return False
        plan_json_kept.write_prepared(stream, chunks)
        return True
    from intervjufas.views import plan_kept

    console = _console(facts)
    text = plan_kept.prepared_text(console, kept)
    if text is None:
        return False
    plan_kept.write_text(console, text, len(kept.pieces), program())
    return True


def _write_kept(facts: Any, folder: Any, json_output: bool, customer: str) -> tuple[Any, Any] | None:
    """Write what was kept of the output for the folder as it is now (``reading.plan.plan_output``,
    ``views.plan_kept``, ``views.plan_json_kept``): None when written; else the folder's listing
    and the form of the output, for keeping it after it is made (the listing None when there is
    nothing to keep, or what is kept could not be written so)."""
    from intervjufas.reading.plan.plan_output import kept_output, listing

    form = _form(json_output)
    place = listing(folder)
    kept = kept_output(place, program(), customer, form) if place is not None else None
    if kept is None:
        return place, form
    if json_output:
        from intervjufas.views import plan_json_kept

        stream = standard_output(facts)
        chunks = plan_json_kept.prepared_json(kept, stream, chosen=bool(customer.strip()))
        if chunks is None:
            return None, form
        _warn(facts, kept.warnings)
        plan_json_kept.write_prepared(stream, chunks)
        return None
    from intervjufas.views import plan_kept

    console = _console(facts)
    text = plan_kept.prepared_text(console, kept)
    if text is None:
        return None, form
    _warn(facts, kept.warnings)
    plan_kept.write_text(console, text, len(kept.pieces), program())
    return None


def _form(json_output: bool) -> Any:
    """The form ``plan`` keeps its output in (``reading.plan.plan_output.OutputForm``)."""
    if json_output:
        from intervjufas.views.plan_json_kept import JSON_FORM

        return JSON_FORM
    from intervjufas.views.plan_kept import TEXT_FORM

    return TEXT_FORM


def _warn(facts: Any, warnings: list[str]) -> None:
    if warnings:
        from intervjufas.views.console import show_warnings

        show_warnings(_console(facts, stderr=True), warnings)


def _open_items(
    folder: Any, facts: Any, quiet: bool, customer: str | None, kept: list[Any] | None = None
) -> tuple[list[Any], list[str]]:
    from intervjufas.reading.plan.folder_items import folder_plan
    from intervjufas.views.progress import scan_progress_for

    with scan_progress_for(facts, quiet) as progress:
        items, warnings = folder_plan(
            folder, program=program(), progress=progress, customer=customer or "", once=True, kept=kept
        )
    _warn(facts, warnings)
    return items, warnings


def _mark(
    facts: Any,
    folder: Any,
    items: list[Any],
    wanted: str,
    status: str | None,
    comment: str,
    into: str | None,
    json_output: bool,
    customer: str | None,
) -> None:
    """``--markera``: one change, without questions."""
    from intervjufas.reading.plan.marking import find_item, mark_item, merge_items, status_of_code
    from intervjufas.views.json_output import write_json
    from intervjufas.views.plan_marking import change_data, change_line

    if (status is None) == (into is None):
        raise UsageError("--markera ID behöver antingen --status STATUS eller --sla-ihop-med ID.")
    swedish = status_of_code(status) if status is not None else None
    item = find_item(items, wanted)
    if swedish is None:
        marked = merge_items(item, find_item(items, into or ""), comment)
    else:
        marked = mark_item(item, swedish, comment)
    if json_output:
        write_json(change_data(marked, _open_items(folder, facts, True, customer)[0]), standard_output(facts))
    else:
        _console(facts).print(change_line(marked), markup=False, highlight=False, soft_wrap=True)


def _console(facts: Any, *, stderr: bool = False) -> Any:
    """``views.console.make_console``, imported only when a console is wanted (Rich's console is
    not, for a kept ``plan --json``)."""
    from intervjufas.views.console import make_console

    return make_console(facts, stderr=stderr)


def _keep_up(facts: Any, folder: Any, items: list[Any], customer: str | None) -> None:
    """On a terminal: the menu that marks items, one change at a time, until the user is done."""
    from intervjufas.reading.plan.marking import mark_item, merge_items
    from intervjufas.views.plan_marking import PlanMenu, change_line

    menu = PlanMenu(facts)
    console = _console(facts)
    try:
        while items:
            choice = menu.choose(items)
            if choice is None:
                return
            item, status, comment, into = choice
            marked = (
                merge_items(item, into, comment) if into is not None else mark_item(item, status, comment)
            )
            console.print(change_line(marked), markup=False, highlight=False, soft_wrap=True)
            items = _open_items(folder, facts, True, customer)[0]
    except (KeyboardInterrupt, EOFError):
        raise Interrupted("Avbrutet. Det du redan markerat är sparat.") from None
