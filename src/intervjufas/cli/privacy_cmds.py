"""The personal-data commands: ``granska`` scans reports for personal data, ``rensa`` removes or
anonymises reports older than an age limit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from intervjufas.cli.app import CommandTable, program_words, terminal
from intervjufas.cli.options import Folder, Plain, existing_reports_dir
from intervjufas.errors import ExitCode

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import Console

    from intervjufas.reading.cleanup_plan import CleanupPlan
    from intervjufas.terminal import TerminalFacts

commands = CommandTable()


@commands.command(
    "granska",
    short_help="Sök efter personuppgifter i rapporterna.",
    help=(
        "Sök efter det som ser ut som personnummer, samordningsnummer, e-postadresser och svenska "
        "telefonnummer i rapporterna och visa varje fynd som fil:rad: vad (maskerat). Utan RAPPORT "
        "granskas hela rapportmappen och eventuella återställningsfiler. Avslutningskod 1 när något "
        "hittas, annars 0. Bara rapporter som ändrats sedan förra granskningen läses om."
    ),
)
def granska(
    ctx: typer.Context,
    rapporter: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="RAPPORT",
            help="Rapporter att granska: sökväg, filnamn, början av ett filnamn, ord ur uppdraget eller "
            "kunden (alla rapporter som passar granskas) eller en mapp.",
            show_default=False,
        ),
    ] = None,
    katalog: Folder = None,
    json_output: Annotated[
        bool, typer.Option("--json", metavar="", help="Skriv ut fynden som JSON (för skript).")
    ] = False,
) -> None:
    from intervjufas.files.settings import reports_dir
    from intervjufas.views import privacy_kept

    facts = terminal(ctx)
    folder = reports_dir(katalog)
    keeping = None if rapporter else privacy_kept.keeping_for(facts, folder, json_output)
    code = None if keeping is None else privacy_kept.write_kept(facts, keeping)
    if code is not None:
        raise typer.Exit(code)
    from intervjufas.reading.privacy_scan import privacy_scan
    from intervjufas.views.console import make_console, show_warnings
    from intervjufas.views.output import write_out
    from intervjufas.views.privacy_scan import scan_json, scan_lines

    result = privacy_scan(rapporter or [], folder)
    show_warnings(make_console(facts, stderr=True), result.warnings)
    code = ExitCode.ERROR if result.findings else ExitCode.OK
    if json_output:
        written = scan_json(result) + "\n"
        write_out(facts, written)
    else:
        console = make_console(facts, soft_wrap=True)
        lines = scan_lines(result, None if rapporter else folder, result.recovery_files)
        if keeping is None:
            for line in lines:
                console.print(line, markup=False, highlight=False)
            raise typer.Exit(code)
        with console.capture() as captured:  # (what is written, to be kept: a file or a pipe)
            for line in lines:
                console.print(line, markup=False, highlight=False)
        written = captured.get()
        console.file.write(written)
    if keeping is not None:
        output = privacy_kept.output_of(keeping, result, written, int(code))
        if output is not None:
            keeping.keep(output)
    raise typer.Exit(code)


def _age_limit(value: Any) -> Any:
    from intervjufas.report.age_limit import AgeLimit, parse_age_limit

    return value if isinstance(value, AgeLimit) else parse_age_limit(value)


@commands.command(
    "rensa",
    short_help="Ta bort eller anonymisera gamla rapporter, t.ex. --aldre-an 1å.",
    help=(
        "Lista rapporterna som är äldre än gränsen (efter kartläggningens datum) och ta bort dem – "
        "eller, med --anonymisera, behåll dem utan fritextsvar. Öppna moment i utvecklingsplanen som "
        "skulle försvinna visas först. I en terminal frågar kommandot innan något ändras; annars görs "
        "bara en provkörning, om inte --ja anges."
    ),
)
def rensa(
    ctx: typer.Context,
    aldre_an: Annotated[
        Any,
        typer.Option(
            "--aldre-an",
            metavar="ÅLDER",
            help="Gränsen: ett antal dagar (d), månader (m) eller år (å), t.ex. 90d, 6m eller 2å.",
            show_default=False,
            parser=_age_limit,
        ),
    ],
    anonymisera: Annotated[
        bool,
        typer.Option(
            "--anonymisera",
            metavar="",
            help="Behåll rapporterna men ta bort det som skrivits med egna ord och personuppgifter i namn "
            "och filnamn; betyg, val, datum och kartans och utvecklingsplanens moment finns kvar, så trend, "
            "plan och karta fungerar som förut.",
        ),
    ] = False,
    ja: Annotated[
        bool,
        typer.Option("--ja", metavar="", help="Ta bort eller anonymisera utan att fråga (för skript)."),
    ] = False,
    katalog: Folder = None,
    enkel: Plain = False,
) -> None:
    from intervjufas.folder.cleanup import carry_out
    from intervjufas.reading.cleanup_plan import plan_cleanup
    from intervjufas.views.cleanup import show_cleanup_outcome, show_cleanup_plan
    from intervjufas.views.console import make_console, show_warnings

    facts = terminal(ctx)
    console = make_console(facts, soft_wrap=True)
    errors = make_console(facts, stderr=True)
    plan = plan_cleanup(existing_reports_dir(katalog), aldre_an, anonymise=anonymisera)
    show_warnings(errors, plan.warnings)
    show_cleanup_plan(console, plan)
    if not plan.reports and not plan.recovery_files:
        return
    if not ja and not _go_ahead(console, facts, plan, katalog, plain=enkel):
        return
    paths = [report.path for report in plan.reports]
    result = carry_out(paths, plan.recovery_files, plan.cutoff, anonymise=anonymisera)
    show_warnings(errors, result.warnings)
    show_cleanup_outcome(console, plan, result)
    if result.warnings:
        raise typer.Exit(ExitCode.ERROR)


def _go_ahead(console: Console, facts: TerminalFacts, plan: CleanupPlan, folder: Path | None, *, plain: bool) -> bool:
    """Asked in a terminal (No unless the user says yes); with no one to ask, a dry run that shows
    the command with --ja."""
    from intervjufas.views.cleanup import confirm_cleanup, show_declined, show_dry_run

    if not (facts.stdin_is_terminal and facts.stdout_is_terminal):
        show_dry_run(console, plan, program_words(), folder)
        return False
    if not confirm_cleanup(plan, plain=plain or facts.dumb):
        show_declined(console, plan)
        return False
    return True
