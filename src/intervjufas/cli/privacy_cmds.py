"""The personal-data commands: ``granska`` scans reports for personal data, ``rensa`` removes or
anonymises reports older than an age limit."""

from __future__ import annotations

import re
import shlex
from typing import TYPE_CHECKING, Annotated, Any

import typer

from intervjufas.cli.app import CommandTable, program_words, terminal
from intervjufas.cli.options import Folder, Plain, existing_reports_dir
from intervjufas.errors import ExitCode

if TYPE_CHECKING:
    from pathlib import Path

    from intervjufas.reading.cleanup_plan import CleanupPlan

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
    from intervjufas.folder.recovery import recovery_dir
    from intervjufas.reading.privacy_scan import reports_to_scan, scan_reports
    from intervjufas.views.common import show_warnings
    from intervjufas.views.console import make_console
    from intervjufas.views.output import write_out
    from intervjufas.views.privacy_scan import scan_json, scan_lines

    facts = terminal(ctx)
    folder = reports_dir(katalog)
    missing = [] if rapporter else _missing_folder(katalog)
    paths = reports_to_scan(rapporter or [], folder)
    result = scan_reports(paths)
    recovery = recovery_dir()
    recovered = 0 if rapporter else sum(1 for path in paths if path.parent == recovery)
    show_warnings(make_console(facts, stderr=True), missing + result.warnings)
    if json_output:
        write_out(facts, scan_json(result) + "\n")
    else:
        console = make_console(facts, soft_wrap=True)
        for line in scan_lines(result, None if rapporter else folder, recovered):
            console.print(line, markup=False, highlight=False)
    raise typer.Exit(ExitCode.ERROR if result.findings else ExitCode.OK)


def _missing_folder(katalog: Any) -> list[str]:
    """Whether the reports folder to scan exists: a missing one is an error – unless there are
    recovery files to scan, which are then scanned with a warning."""
    from intervjufas.errors import ReportsFolderMissing
    from intervjufas.folder.recovery import recovery_files

    try:
        existing_reports_dir(katalog)
    except ReportsFolderMissing as missing:
        if not recovery_files():
            raise
        return [f"{missing.message} Bara återställningsfilerna granskas."]
    return []


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
    from intervjufas.folder.cleanup import anonymise_reports, remove_recovery_files, remove_reports
    from intervjufas.reading.cleanup_plan import plan_cleanup
    from intervjufas.views.cleanup import show_cleanup_outcome, show_cleanup_plan, show_declined, show_dry_run
    from intervjufas.views.common import show_warnings
    from intervjufas.views.console import make_console

    facts = terminal(ctx)
    console = make_console(facts, soft_wrap=True)
    errors = make_console(facts, stderr=True)
    plan = plan_cleanup(existing_reports_dir(katalog), aldre_an, anonymise=anonymisera)
    show_warnings(errors, plan.warnings)
    show_cleanup_plan(console, plan)
    if not plan.reports and not plan.recovery_files:
        return
    if not ja:
        if not (facts.stdin_is_terminal and facts.stdout_is_terminal):  # no one to ask: a dry run
            show_dry_run(console, plan, _command_with_yes(plan, katalog))
            return
        if not _confirmed(plan, plain=enkel or facts.dumb):
            show_declined(console, plan)
            return
    paths = [report.path for report in plan.reports]
    act = anonymise_reports if anonymisera else remove_reports
    outcome = act(paths, plan.cutoff)
    recovered = remove_recovery_files(plan.recovery_files)
    _forget(paths + list(outcome.renamed.values()) + list(plan.recovery_files))
    show_warnings(errors, outcome.warnings + recovered.warnings)
    show_cleanup_outcome(console, plan, outcome, recovered)
    if outcome.warnings or recovered.warnings:
        raise typer.Exit(ExitCode.ERROR)


def _forget(paths: list[Path]) -> None:
    """Nothing of the removed or anonymised files – their values, their old names – stays in the
    caches (the header index, the history's facts, the privacy scan's memory) or in this process's
    memory of the last scan."""
    from intervjufas.folder.file_cache import forget_files
    from intervjufas.folder.scan import forget_scan

    for parent in {path.parent for path in paths}:
        forget_files(parent, [path.name for path in paths if path.parent == parent])
    forget_scan()


def _command_with_yes(plan: CleanupPlan, folder: Path | None) -> str:
    words = [*program_words(), "rensa", "--aldre-an", f"{plan.limit.amount}{plan.limit.unit}"]
    if plan.anonymise:
        words.append("--anonymisera")
    if folder is not None:
        words += ["--katalog", str(folder)]
    return " ".join(_quoted(word) for word in [*words, "--ja"])


def _quoted(word: str) -> str:
    """A word for a shell, quoted only when needed (Swedish letters such as the å of 1å are not)."""
    return word if re.fullmatch(r"[\w@%+=:,./-]+", word) else shlex.quote(word)


def _confirmed(plan: CleanupPlan, *, plain: bool) -> bool:
    """Ask on the terminal before anything is changed (No unless the user says yes)."""
    from intervjufas.views.cleanup import confirm_texts
    from intervjufas.views.prompting.confirm import confirm

    question, yes = confirm_texts(plan)
    return confirm(question, yes, plain=plain)
