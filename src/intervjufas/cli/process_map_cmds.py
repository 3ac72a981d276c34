"""The process-map command, ``karta``: a report's map (or the newest in the reports folder) drawn in
the terminal or written as Markdown, Mermaid or JSON, and with ``--historik`` how the map changed
from assignment to assignment."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from intervjufas.cli.app import CommandTable, program, terminal
from intervjufas.cli.completion import complete_report
from intervjufas.cli.format_options import MapFormat, MapFormatOption
from intervjufas.cli.options import Folder, use_pager
from intervjufas.errors import UsageError
from intervjufas.views.console import make_console
from intervjufas.views.output import standard_output, write_out

commands = CommandTable()

AsJson = Annotated[
    bool, typer.Option("--json", metavar="", help="Samma som --format json: kartan som JSON för skript.")
]
NoPager = Annotated[
    bool, typer.Option("--ingen-pager", metavar="", help="Skriv ut allt direkt, utan bläddring.")
]

TeamFlag = Annotated[
    bool,
    typer.Option(
        "--team",
        metavar="",
        help="Visa teamets karta: momenten på varje konsults senaste karta i mappen, lika namn som ett "
        "moment, hur många som har varje och vilka – vanligast först. Bara momentens namn och vem de "
        "berör visas, aldrig anteckningar eller svar.",
    ),
]
MergeNames = Annotated[
    tuple[str, str] | None,
    typer.Option("--sla-ihop", "--slå-ihop", metavar="A B", help="Med --team: räkna namnen A och B som samma moment."),
]
SplitName = Annotated[
    str | None,
    typer.Option("--dela", metavar="NAMN", help="Med --team: slå aldrig ihop NAMN med andra namn som liknar det."),
]
Leave = Annotated[
    bool, typer.Option("--utanfor", metavar="", help="Med --team: lämna teamets vyer (dina kartor räknas inte).")
]
Rejoin = Annotated[bool, typer.Option("--med", metavar="", help="Med --team: var med i teamets vyer igen.")]
Arrange = Annotated[
    bool,
    typer.Option(
        "--ordna",
        metavar="",
        help="Med --team, på en terminal: välj bland teamets momentnamn vilka som är samma moment och vilka "
        "som ska räknas för sig. Sparas i ordlistan precis som --sla-ihop och --dela.",
    ),
]

History = Annotated[
    bool,
    typer.Option(
        "--historik",
        metavar="",
        help="Visa hur din karta har förändrats, moment för moment: tillagt, utvecklat, borttaget, nytt "
        "namn – senaste datum och rapport för varje slags ändring, på en skärm eller två.",
    ),
]
Details = Annotated[
    bool,
    typer.Option(
        "--detaljer",
        metavar="",
        help="Med --historik: visa hela historiken karta för karta – när varje moment kom till, bytte "
        "namn, planerades att ändras, ändrades genom en uppföljning och försvann, äldst först.",
    ),
]
Everyone = Annotated[
    bool,
    typer.Option(
        "--alla",
        metavar="",
        help="Ta med allas kartor, inte bara dina (när rapporterna anger vem som gjort dem); med "
        "--historik allas historik, en författare i taget.",
    ),
]


@commands.command(
    "karta",
    short_help="Visa processkartan: momenten före, under och efter intervjuerna.",
    help=(
        "Visa processkartan i en rapport – momenten före, under och efter intervjuerna, vem de berör och "
        "vad utvecklingsplanen vill lägga till, utveckla eller ta bort. Utan RAPPORT visas din senaste "
        "karta i rapportmappen. Med --historik visas hur kartan har förändrats från uppdrag till uppdrag."
    ),
)
def karta(
    ctx: typer.Context,
    rapport: Annotated[
        str | None,
        typer.Argument(
            metavar="RAPPORT",
            autocompletion=complete_report,
            help="Rapporten: en sökväg, ett filnamn, ett datum eller ord ur uppdraget eller kunden. "
            "Utan RAPPORT: den senaste kartan i rapportmappen (din egen i första hand).",
            show_default=False,
        ),
    ] = None,
    katalog: Folder = None,
    format_name: MapFormatOption = MapFormat.text,
    json_output: AsJson = False,
    historik: History = False,
    detaljer: Details = False,
    alla: Everyone = False,
    ingen_pager: NoPager = False,
    team: TeamFlag = False,
    sla_ihop: MergeNames = None,
    dela: SplitName = None,
    utanfor: Leave = False,
    med: Rejoin = False,
    ordna: Arrange = False,
) -> None:
    chosen = _format(format_name, json_output, historik, detaljer)
    pager = use_pager(terminal(ctx), ingen_pager)
    if team or sla_ihop or dela or utanfor or med or ordna:
        _team(ctx, rapport, katalog, chosen, (sla_ihop, dela, utanfor, med, ordna), historik, pager=pager)
        return
    if historik and rapport is not None:
        raise UsageError("--historik visar hela rapportmappens historik; ange ingen RAPPORT.")
    if historik:
        _history(ctx, katalog, chosen, (alla, detaljer), pager=pager)
    else:
        _map(ctx, rapport, katalog, chosen, alla, pager=pager)


def _format(format_name: MapFormat, json_output: bool, historik: bool, detaljer: bool = False) -> str:
    if detaljer and not historik:
        raise UsageError("--detaljer hör till --historik: intervjufas karta --historik --detaljer.")
    if json_output and format_name not in (MapFormat.text, MapFormat.json):
        raise UsageError(f"Välj --json eller --format {format_name.value}, inte båda.")
    chosen = "json" if json_output else format_name.value
    if historik and chosen == "mermaid":
        raise UsageError("Historiken finns som text, markdown eller json, inte som mermaid.")
    return chosen


def _team(
    ctx: typer.Context, rapport: str | None, katalog: Any, chosen: str, changes: tuple[Any, ...], historik: bool, *, pager: bool
) -> None:
    from intervjufas.cli.options import existing_reports_dir
    from intervjufas.cli.team import arrange_vocabulary, change_vocabulary, show_team

    if rapport is not None or historik:
        raise UsageError("--team visar hela rapportmappen; ange ingen RAPPORT och inte --historik.")
    merge, split, leave, rejoin, arrange = changes
    if leave and rejoin:
        raise UsageError("Välj --utanfor eller --med, inte båda.")
    if arrange and (merge or split or leave or rejoin):
        raise UsageError("--ordna frågar själv; använd den utan --sla-ihop, --dela, --utanfor och --med.")
    folder = existing_reports_dir(katalog)
    if arrange:
        arrange_vocabulary(ctx, folder)
        return
    if merge or split or leave or rejoin:
        write_out(terminal(ctx), "\n".join(change_vocabulary(folder, merge, split, leave, rejoin)) + "\n")
        return
    show_team(ctx, folder, chosen, pager=pager)


def _map(
    ctx: typer.Context, rapport: str | None, katalog: Any, chosen: str, alla: bool, *, pager: bool
) -> None:
    from intervjufas.files.settings import existing_folder, reports_dir
    from intervjufas.views.console import show_warnings

    facts = terminal(ctx)
    folder = reports_dir(katalog)
    if rapport is not None:
        from intervjufas.cli.report_choice import choose_report
        from intervjufas.reading.process_map.shown_map import shown_map_of

        if alla:
            show_warnings(
                make_console(facts, stderr=True),
                ["--alla väljer bland allas kartor när ingen RAPPORT anges; kartan i RAPPORT visas."],
            )
        view = shown_map_of(choose_report(rapport, folder, facts))
    else:
        from intervjufas.reading.process_map.shown_map import latest_shown_map

        view, warnings = latest_shown_map(existing_folder(folder), everyone=alla)
        show_warnings(make_console(facts, stderr=True), warnings)
    if chosen == "text":
        from intervjufas.views.process_map.shown_map import show_map

        show_map(make_console(facts), view, program=program(), pager=pager, less=facts.less)
        return
    from intervjufas.views.process_map.shown_map import map_markdown, map_mermaid, shown_map_data

    if chosen == "json":
        from intervjufas.views.json_output import write_json

        write_json(shown_map_data(view), standard_output(facts))
    else:
        write_out(facts, map_markdown(view) if chosen == "markdown" else map_mermaid(view))


def _history(ctx: typer.Context, katalog: Any, chosen: str, flags: tuple[bool, bool], *, pager: bool) -> None:
    """The map's changes (by default), or with ``--detaljer`` the full history; JSON is the full
    history in both."""
    from intervjufas.files.settings import existing_folder, named_author, reports_dir

    alla, detaljer = flags
    facts = terminal(ctx)
    folder = reports_dir(katalog)
    if chosen != "json" and not detaljer:
        _changes(ctx, folder, chosen, alla, pager=pager)
        return
    from intervjufas.reading.process_map.history import map_history, read_map_reports
    from intervjufas.views.console import show_warnings
    from intervjufas.views.progress import scan_progress_for

    folder = existing_folder(folder)

    with (
        scan_progress_for(facts, chosen == "json") as progress,
        scan_progress_for(facts, chosen == "json") as loading,
    ):
        found = read_map_reports(folder, named_author(), alla, progress=progress, loading=loading)
    show_warnings(make_console(facts, stderr=True), found.warnings)
    history = map_history(found)
    if chosen == "json":
        from intervjufas.views.json_output import write_json
        from intervjufas.views.process_map.history import history_data

        write_json(history_data(history), standard_output(facts))
    elif chosen == "markdown":
        from intervjufas.views.process_map.history import history_markdown

        write_out(facts, history_markdown(history, folder))
    else:
        from intervjufas.views.process_map.history import show_history

        show_history(make_console(facts), history, folder, pager=pager, less=facts.less)


def _changes(ctx: typer.Context, folder: Path, chosen: str, alla: bool, *, pager: bool) -> None:
    """The default view: the map's changes, as kept while the folder is unchanged
    (``history_snapshot``), else computed."""
    from intervjufas.files.settings import existing_folder, named_author
    from intervjufas.reading.process_map.history_snapshot import kept_or_computed
    from intervjufas.views.console import show_warnings
    from intervjufas.views.process_map.history_summary import show_summary, summary_markdown
    from intervjufas.views.progress import scan_progress_for

    folder = existing_folder(folder)  # (a light check: a kept snapshot needs no header scan)
    facts = terminal(ctx)
    with scan_progress_for(facts, False) as progress, scan_progress_for(facts, False) as loading:
        changes, warnings = kept_or_computed(folder, named_author(), alla, progress=progress, loading=loading)
    show_warnings(make_console(facts, stderr=True), warnings)
    if chosen == "markdown":
        write_out(facts, summary_markdown(changes, folder))
    else:
        show_summary(make_console(facts), changes, folder, pager=pager, less=facts.less)
