"""The reading commands: ``lista``, ``visa``, ``jamfor`` and ``trend`` (``plan`` has its own module).  Each reads
reports as data (``reading``) and hands the result to a view."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Annotated, Any, cast

import typer

from intervjufas.cli import usage_errors
from intervjufas.cli.app import CommandTable, program, terminal
from intervjufas.cli.completion import complete_report
from intervjufas.cli.format_options import CompareFormat, FormatOption, Period, PeriodOption
from intervjufas.cli.options import (
    AsJson,
    CustomerOption,
    Folder,
    OutputFile,
    ReportArgument,
    existing_reports_dir,
    use_pager,
)
from intervjufas.errors import ExitCode, UsageError
from intervjufas.views.console import make_console
from intervjufas.views.output import standard_output, write_out

commands = CommandTable()


@commands.command(
    "lista",
    help=(
        "Lista rapporterna i rapportmappen, nyast först: datum, uppdrag, kund, intervjuform, "
        "vilka steg som är klara och antal öppna moment i utvecklingsplanen. Har flera personer gjort "
        "rapporterna visas också vem som gjort varje rapport."
    ),
)
def lista(
    ctx: typer.Context,
    katalog: Folder = None,
    av: Annotated[
        str | None,
        typer.Option(
            "--av",
            metavar="NAMN",
            help="Visa bara rapporter som NAMN har gjort (författaren; stora och små bokstäver och "
            "accenter spelar ingen roll, och det räcker med början av namnet).",
            show_default=False,
        ),
    ] = None,
    json_output: AsJson = False,
) -> None:
    from intervjufas.views import listing_kept

    facts, folder = terminal(ctx), existing_reports_dir(katalog)
    keeping = listing_kept.keeping_for(facts, folder, av or "", json_output, program())
    if keeping is not None and listing_kept.write_kept(facts, keeping, av or ""):
        return
    from intervjufas.reading.listing import list_reports
    from intervjufas.views.console import show_warnings
    from intervjufas.views.listing import show_listing, write_listing_json
    from intervjufas.views.progress import scan_progress_for

    with scan_progress_for(facts, json_output) as progress:
        listing = list_reports(
            folder, program=program(), author=av or "", progress=progress, once=True, digests=keeping is not None
        )
    show_warnings(make_console(facts, stderr=True), listing.warnings)
    written: str | list[str | list[str]] | None
    if json_output:
        written = write_listing_json(listing, standard_output(facts))
    else:
        written = show_listing(make_console(facts), listing, program())
    if keeping is not None:
        output = listing_kept.output_of(listing, written)
        del listing, written  # (a big folder: only what is kept stays in memory while it is saved)
        if output is not None:
            keeping.keep(output)


@commands.command(
    "visa",
    help=(
        "Visa en rapport i terminalen, formaterad. Lång text visas med bläddring (less) i en terminal; "
        "till en fil eller ett rör skrivs ren text."
    ),
)
def visa(
    ctx: typer.Context,
    rapport: ReportArgument,
    katalog: Folder = None,
    ingen_pager: Annotated[
        bool,
        typer.Option("--ingen-pager", metavar="", help="Skriv ut hela rapporten direkt, utan bläddring."),
    ] = False,
) -> None:
    from intervjufas.cli.report_choice import choose_report
    from intervjufas.files.settings import reports_dir
    from intervjufas.reading.feedback.minimum import minimum_count
    from intervjufas.reading.shown_report import shown_report
    from intervjufas.views.report import show_report

    facts = terminal(ctx)
    view = shown_report(choose_report(rapport, reports_dir(katalog), facts), minimum_count())
    show_report(make_console(facts), view, pager=use_pager(facts, ingen_pager), less=facts.less)


Consultants = Annotated[
    list[str] | None,
    typer.Option(
        "--av",
        metavar="NAMN",
        help="Två gånger (--av A --av B): jämför två konsulters senaste processkartor moment för moment – "
        "bara hos A, bara hos B, och hos båda men med olika vem de berör.",
    ),
]


def _consultants(
    ctx: typer.Context, a: str | None, b: str | None, av: list[str], katalog: Path | None, *, exit_code: bool, chosen: str
) -> None:
    from intervjufas.cli.options import existing_reports_dir
    from intervjufas.reading.process_map.consultants import side_by_side
    from intervjufas.views.console import show_warnings
    from intervjufas.views.process_map.consultants import side_by_side_text

    if len(av) != 2 or a is not None or b is not None:
        raise UsageError("Ange två konsulter, --av A --av B, och inga rapporter.")
    if chosen == "markdown":
        raise UsageError("--av jämför som text eller --json, inte som markdown.")
    facts = terminal(ctx)
    compared = side_by_side(existing_reports_dir(katalog), av[0], av[1])
    show_warnings(make_console(facts, stderr=True), compared.warnings)
    if chosen == "json":
        from intervjufas.views.json_output import write_json
        from intervjufas.views.team_json import side_by_side_data

        write_json(side_by_side_data(compared), standard_output(facts))
    else:
        write_out(facts, side_by_side_text(compared))
    if exit_code and compared.differs:
        raise typer.Exit(ExitCode.ERROR)


@commands.command(
    "jamfor",
    short_help="Jämför två rapporter fråga för fråga.",
    help=(
        "Jämför två rapporter fråga för fråga: ändrade svar ord för ord ([-borttaget-] {+tillagt+}), "
        "svar som bara finns i den ena, uppgifter som skiljer, processkartorna moment för moment, betygen "
        "sida vid sida och moment som tillkommit eller försvunnit i utvecklingsplanen. Med bara en rapport "
        "jämförs den med den "
        "senaste tidigare rapporten för samma kund (eller annars den senaste tidigare)."
    ),
)
def jamfor(
    ctx: typer.Context,
    a: Annotated[
        str | None,
        typer.Argument(
            metavar="A",
            autocompletion=complete_report,
            help="Den första rapporten (oftast den tidigare): sökväg, filnamn, datum eller ord ur uppdraget "
            "eller kunden.",
            show_default=False,
        ),
    ] = None,
    b: Annotated[
        str | None,
        typer.Argument(
            metavar="B",
            autocompletion=complete_report,
            help="Den andra rapporten. Utan B blir A den senare, och jämförs med en tidigare rapport.",
            show_default=False,
        ),
    ] = None,
    katalog: Folder = None,
    format_name: FormatOption = CompareFormat.text,
    utfil: OutputFile = None,
    json_output: AsJson = False,
    exit_code: Annotated[
        bool,
        typer.Option(
            "--exit-code",
            metavar="",
            help="Avsluta med kod 1 när rapporterna skiljer sig och 0 när de är lika (som git diff).",
        ),
    ] = False,
    av: Consultants = None,
) -> None:
    chosen = "json" if json_output else format_name.value
    if json_output and format_name is CompareFormat.markdown:
        raise UsageError("Välj --json eller --format markdown, inte båda.")
    if av:
        if utfil is not None:
            raise UsageError("--av skriver till standard ut; använd inte -o.")
        _consultants(ctx, a, b, av, katalog, exit_code=exit_code, chosen=chosen)
        return
    if a is None:
        raise usage_errors.line("argumentet A saknas", ctx.command_path)
    from intervjufas.files.settings import reports_dir

    folder, facts = reports_dir(katalog), terminal(ctx)
    keeping = None if utfil is not None else _kept_comparison(facts, folder, (a, b), chosen, exit_code)
    if keeping is True:
        return
    comparison = _compared(a, b, folder, facts)
    written = _write_comparison(comparison, facts, chosen, utfil, record=keeping is not None)
    if keeping is not None and written is not None:
        from intervjufas.views.comparison_kept import keep

        keep(keeping, comparison, written)
    if exit_code and comparison.differs:
        raise typer.Exit(ExitCode.ERROR)


def _compared(a: str, b: str | None, folder: Path, facts: Any) -> Any:
    """A compared with B – or, without B, with the report before it (``earlier_report``)."""
    from intervjufas.cli.report_choice import choose_report
    from intervjufas.folder.loading import load_report
    from intervjufas.reading.comparison import compare, earlier_report

    first = load_report(choose_report(a, folder, facts))
    if b is None:
        return compare(earlier_report(first), first, folder=folder)
    return compare(first, load_report(choose_report(b, folder, facts)), folder=folder)


def _kept_comparison(facts: Any, folder: Path, arguments: tuple[Any, ...], chosen: str, exit_code: bool) -> Any:
    """True when the comparison was written from what was kept of it (``views.comparison_kept``);
    else where to keep it once it is made (None: nowhere)."""
    from intervjufas.views import comparison_kept

    keeping = comparison_kept.keeping_for(facts, folder, arguments, chosen, program())
    differs = None if keeping is None else comparison_kept.write_kept(facts, keeping)
    if differs is None:
        return keeping
    if exit_code and differs:
        raise typer.Exit(ExitCode.ERROR)
    return True


def _write_comparison(comparison: Any, facts: Any, chosen: str, utfil: Path | None, *, record: bool) -> str | None:
    """In the terminal (text), or as text, Markdown or JSON to standard output or a file; what was
    written to standard output is returned with ``record`` (for keeping it: ``views.comparison_kept``)."""
    from intervjufas.files.atomic import atomic_write
    from intervjufas.views.comparison_json import comparison_data
    from intervjufas.views.comparison_markdown import comparison_markdown
    from intervjufas.views.comparison_text import comparison_plain_text, show_comparison
    from intervjufas.views.json_output import json_text

    if chosen == "text" and utfil is None:
        if not record:
            show_comparison(make_console(facts), comparison)
            return None
        from intervjufas.views.kept_text import Recorder

        recorder = Recorder(make_console(facts).file)
        show_comparison(make_console(facts, file=recorder), comparison)
        return recorder.text
    if chosen == "json":
        encoding = "utf-8" if utfil is not None else getattr(standard_output(facts), "encoding", None)
        text = json_text(comparison_data(comparison), encoding) + "\n"
    else:
        text = comparison_markdown(comparison) if chosen == "markdown" else comparison_plain_text(comparison)
    if utfil is None:
        write_out(facts, text)
        return text
    atomic_write(utfil.expanduser(), text)
    write_out(facts, f"Jämförelsen är sparad i {utfil}.\n")
    return None


def _trend_against_team(ctx: typer.Context, katalog: Path | None, name: str, per: str, *, kund: str | None, as_json: bool) -> None:
    from intervjufas.reading.team_trend import trend_against_team
    from intervjufas.views.console import show_warnings
    from intervjufas.views.progress import scan_progress_for
    from intervjufas.views.team_trend import trend_against_team_text

    if kund is not None:
        raise UsageError("--av jämför med hela teamet: utan --kund.")
    facts = terminal(ctx)
    with scan_progress_for(facts, as_json) as progress:
        trends, warnings = trend_against_team(existing_reports_dir(katalog), name, per=per, progress=progress)
    show_warnings(make_console(facts, stderr=True), warnings)
    if as_json:
        from intervjufas.views.json_output import write_json
        from intervjufas.views.team_json import trend_against_team_data

        write_json(trend_against_team_data(trends, name, per), standard_output(facts))
    else:
        write_out(facts, trend_against_team_text(trends, name, per))


@commands.command(
    "trend",
    help=(
        "Visa hur betygen för kundens och kandidatens upplevelse i varje steg har utvecklats över tid: "
        "medelbetyg per månad eller kvartal som staplar, med antal rapporter bakom varje punkt."
    ),
)
def trend(
    ctx: typer.Context,
    katalog: Folder = None,
    kund: CustomerOption = None,
    per: PeriodOption = Period.manad,
    json_output: AsJson = False,
    av: Annotated[
        str | None,
        typer.Option(
            "--av",
            metavar="NAMN",
            help="Jämför NAMN:s betyg med teamets median över tid (alla betyg i mappen den perioden).",
        ),
    ] = None,
) -> None:
    if av is not None:
        _trend_against_team(ctx, katalog, av, per.value, kund=kund, as_json=json_output)
        return
    from intervjufas.reading.feedback.minimum import minimum_count
    from intervjufas.views import trend_kept

    facts, folder, minimum = terminal(ctx), existing_reports_dir(katalog), minimum_count()
    options = (kund, per.value, minimum)
    keeping = trend_kept.keeping_for(facts, folder, options, as_json=json_output, program=program())
    if keeping is not None and trend_kept.write_kept(facts, keeping):
        return
    _trend(facts, folder, kund, per.value, minimum, json_output, keeping)


def _trend(facts: Any, folder: Path, kund: str | None, per: str, minimum: int, as_json: bool, keeping: Any) -> None:
    """``trend`` computed, written, and kept when ``keeping`` says where (``views.trend_kept``)."""
    from intervjufas.reading.trend import folder_trends
    from intervjufas.views.console import show_warnings
    from intervjufas.views.json_output import trend_data, write_json
    from intervjufas.views.kept_text import Recorder
    from intervjufas.views.progress import scan_progress_for
    from intervjufas.views.trend import show_trends

    with scan_progress_for(facts, as_json) as progress:
        trends, warnings = folder_trends(
            folder, customer=kund, per=per, program=program(), progress=progress, minimum=minimum
        )
    show_warnings(make_console(facts, stderr=True), warnings)
    stream = standard_output(facts) if as_json else make_console(facts).file
    recorder = Recorder(stream) if keeping is not None else None
    if as_json:
        write_json(trend_data(trends), cast("IO[str]", recorder or stream))
    else:
        console = make_console(facts) if recorder is None else make_console(facts, file=recorder)
        show_trends(console, trends, customer=kund, per=per)
    if keeping is not None and recorder is not None:
        from intervjufas.views.trend_kept import keep

        keep(keeping, recorder.text, warnings)
