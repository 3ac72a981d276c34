"""The command-line interface: parses options, calls the core, and turns known errors into one
Swedish line and an exit code.  Heavy modules are imported inside the commands, so that
``--help`` and ``--version`` stay fast."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from intervjufas import __version__
from intervjufas.errors import ExitCode, IntervjufasError

HELP = (
    "Kartlägg intervjufasen i ett rekryteringsuppdrag – före, under och efter intervjun – "
    "utifrån kund- och kandidatupplevelsen, och följ upp din utvecklingsplan nästa gång."
)
EPILOG = "Rapporterna sparas som Markdown i mappen som --katalog eller $INTERVJUFAS_KATALOG anger."


class App(TyperGroup):
    """The program's command group: Swedish help, one-line errors, named exit codes."""

    def main(self, args: Any = None, prog_name: str | None = None, **extra: Any) -> Any:  # type: ignore[override]
        from typer._click import exceptions

        from intervjufas.cli_swedish import apply_help_translations, usage_message

        arguments = list(sys.argv[1:] if args is None else args)
        debug = "--debug" in arguments
        if not arguments or "--help" in arguments or "-h" in arguments:
            apply_help_translations()
        extra.pop("standalone_mode", None)
        try:
            result = super().main(
                args=arguments, prog_name=prog_name or "intervjufas", standalone_mode=False, **extra
            )
        except exceptions.NoArgsIsHelpError:
            sys.exit(ExitCode.OK)
        except exceptions.UsageError as error:
            message = usage_message(error)
            _fail(message + ("" if message.endswith(("?", ".")) else ".") + _help_hint(error), ExitCode.USAGE)
        except typer.Abort:
            _fail("Avbrutet.", ExitCode.INTERRUPTED, prefix="")
        except IntervjufasError as error:
            if debug:
                raise
            from intervjufas.mapping import Interrupted

            _fail(error.message, error.exit_code, prefix="" if isinstance(error, Interrupted) else "Fel: ")
        except KeyboardInterrupt:
            _fail("Avbrutet.", ExitCode.INTERRUPTED, prefix="")
        except BrokenPipeError:
            sys.exit(ExitCode.OK)
        except Exception as error:  # an unexpected bug: one line, the traceback only with --debug
            if debug:
                raise
            _fail(
                f"Ett oväntat fel inträffade ({type(error).__name__}: {error}). Kör igen med --debug för detaljer.",
                ExitCode.ERROR,
            )
        sys.exit(result if isinstance(result, int) else ExitCode.OK)


def _help_hint(error: Exception) -> str:
    ctx = getattr(error, "ctx", None)
    path = ctx.command_path if ctx is not None else "intervjufas"
    return f" Se '{path} --help'."


def _fail(message: str, code: int, *, prefix: str = "Fel: ") -> None:
    sys.stdout.flush()
    sys.stderr.write(f"{prefix}{message}\n")
    sys.stderr.flush()
    sys.exit(code)


app = typer.Typer(
    cls=App,
    help=HELP,
    epilog=EPILOG,
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode="rich",
    options_metavar="[FLAGGOR]",
    subcommand_metavar="KOMMANDO [ARGUMENT]...",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"intervjufas {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            callback=_version,
            is_eager=True,
            metavar="",
            help="Visa versionen och avsluta.",
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", metavar="", help="Visa hela felspårningen vid fel (för felsökning).")
    ] = False,
) -> None:
    """Kartlägg intervjufasen – före, under och efter intervjun."""


# -- shared options -------------------------------------------------------------------------------

Folder = Annotated[
    Path | None,
    typer.Option(
        "--katalog",
        "-k",
        metavar="MAPP",
        help="Mappen med rapporter. Standard: $INTERVJUFAS_KATALOG, annars mappen intervjufas i Dokument.",
        show_default=False,
    ),
]
Steps = Annotated[
    list[int] | None,
    typer.Option(
        "--steg",
        "-s",
        metavar="N",
        help="Fråga bara steg N. Kan anges flera gånger. Utan --steg ställs alla steg som inte är klara.",
        show_default=False,
    ),
]
Resume = Annotated[
    str | None,
    typer.Option(
        "--fortsatt",
        "-f",
        metavar="RAPPORT",
        help="Fortsätt en sparad rapport vid första obesvarade fråga (sökväg, filnamn eller början av det).",
        show_default=False,
    ),
]
AnswersOption = Annotated[
    Path | None,
    typer.Option(
        "--svar",
        metavar="FIL",
        help="Ta svaren från en YAML-fil (fråge-id: svar) i stället för att fråga.",
        show_default=False,
    ),
]
QuestionFile = Annotated[
    Path | None,
    typer.Option(
        "--fragor",
        metavar="FIL",
        help="Använd en egen frågefil i stället för den inbyggda frågeuppsättningen.",
        show_default=False,
    ),
]
StartFrom = Annotated[
    str | None,
    typer.Option(
        "--utga-fran",
        metavar="RAPPORT",
        help="Fyll i svaren från en tidigare rapport som förslag, så att du bara ändrar det som är nytt.",
        show_default=False,
    ),
]
SkipFollowUp = Annotated[
    bool,
    typer.Option(
        "--utan-uppfoljning", metavar="", help="Hoppa över uppföljningen av tidigare utvecklingsplaner."
    ),
]
Plain = Annotated[
    bool,
    typer.Option(
        "--enkel",
        metavar="",
        help="Enkla rad-för-rad-frågor utan färg och markörrörelser (skärmläsare, rör). Väljs automatiskt när TERM=dumb.",
    ),
]


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def _run_mapping(set_id: str, **options: Any) -> None:
    from intervjufas.mapping import MappingOptions, run_mapping, use_plain
    from intervjufas.presenting import show_mapping_result

    settings = MappingOptions(set_id=set_id, **options)
    console = _console()

    def make_prompter() -> Any:
        if use_plain(settings):
            from intervjufas.plain_prompting import PlainPrompter

            return PlainPrompter(sys.stdin, sys.stdout)
        from intervjufas.prompting import QuestionaryPrompter

        return QuestionaryPrompter(console)

    result = run_mapping(settings, make_prompter)
    show_mapping_result(result, settings, plain=use_plain(settings) or settings.answers_file is not None)


def _mapping_command(set_id: str) -> Any:
    """The command function for one question set (the same options for kartlagg and snabb)."""

    def command(
        steg: Steps = None,
        fortsatt: Resume = None,
        svar: AnswersOption = None,
        katalog: Folder = None,
        fragor: QuestionFile = None,
        utga_fran: StartFrom = None,
        utan_uppfoljning: SkipFollowUp = False,
        enkel: Plain = False,
    ) -> None:
        _run_mapping(
            set_id,
            steps=list(steg or []),
            resume=fortsatt,
            answers_file=svar,
            folder=katalog,
            question_file=fragor,
            start_from=utga_fran,
            follow_up=not utan_uppfoljning,
            plain=enkel,
        )

    return command


app.command(
    "kartlagg",
    options_metavar="[FLAGGOR]",
    help=(
        "Kartlägg intervjufasen i ett uppdrag: Steg 1 före intervjun, Steg 2 under och Steg 3 efter. "
        "Svaren sparas efter varje fråga; avbryt när du vill och fortsätt med --fortsatt."
    ),
)(_mapping_command("kartlaggning"))
app.command(
    "snabb",
    options_metavar="[FLAGGOR]",
    help=(
        "Övningen i snabbformat när tiden är knapp: Del 1 intervjuprocessen från start till slut, "
        "Del 2 reflektera."
    ),
)(_mapping_command("snabbformat"))


@app.command(
    "validera",
    options_metavar="[FLAGGOR]",
    help=(
        "Kontrollera frågefiler och visa alla problem på en gång, som fil:rad:kolumn: meddelande, "
        "följt av en sammanfattning. Avslutningskod 1 om något fel hittas (varningar räknas inte)."
    ),
)
def validera(
    filer: Annotated[
        list[Path],
        typer.Argument(
            metavar="FIL",
            help="Frågefiler (YAML) att kontrollera. En mapp kontrollerar alla .yaml- och .yml-filer i den.",
            show_default=False,
        ),
    ],
) -> None:
    from intervjufas.validation_report import check_files, has_errors, report_lines

    results = check_files(filer)
    for line in report_lines(results):
        print(line)
    raise typer.Exit(ExitCode.ERROR if has_errors(results) else ExitCode.OK)


@app.command(
    "fragor",
    options_metavar="[FLAGGOR]",
    help=(
        "Lista frågeuppsättningarna: de inbyggda och dina egna i mappen som $INTERVJUFAS_FRAGOR anger "
        "(annars intervjufas/fragor i din inställningsmapp), med id, version, titel och antal frågor."
    ),
)
def fragor(
    visa: Annotated[
        str | None,
        typer.Option(
            "--visa",
            metavar="ID",
            help="Visa en frågeuppsättning som den kommer att ställas: steg, frågor, typer och villkor. "
            "ID är uppsättningens id eller sökvägen till en frågefil.",
            show_default=False,
        ),
    ] = None,
    yaml_source: Annotated[
        str | None,
        typer.Option(
            "--yaml",
            metavar="ID",
            help="Skriv ut frågefilen (YAML) för en uppsättning, t.ex. för att kopiera den inbyggda och "
            "göra en egen: intervjufas fragor --yaml kartlaggning > min-uppsattning.yaml",
            show_default=False,
        ),
    ] = None,
    schema: Annotated[
        bool,
        typer.Option(
            "--schema",
            metavar="",
            help="Skriv ut JSON-schemat för frågefiler, att spara bredvid dina egna filer.",
        ),
    ] = False,
) -> None:
    if schema:
        from intervjufas.schema import schema_json

        sys.stdout.write(schema_json())
        return
    from intervjufas import set_views

    if yaml_source is not None:
        sys.stdout.write(set_views.set_source(yaml_source))
        return
    if visa is not None:
        set_views.show_set(_console(), set_views.find_shown_set(visa))
        return
    from intervjufas.catalog import all_sets, user_sets_dir

    entries = all_sets()
    folder = user_sets_dir()
    set_views.show_set_list(_console(), entries, folder, folder_exists=folder.is_dir())
    for line in set_views.set_warnings(entries):
        sys.stderr.write(line + "\n")


# -- reading across reports: lista, visa, jamfor, plan, trend -----------------------------------

AsJson = Annotated[
    bool,
    typer.Option(
        "--json", metavar="", help="Skriv ut resultatet som JSON (för skript) i stället för en tabell."
    ),
]
ReportArgument = Annotated[
    str,
    typer.Argument(
        metavar="RAPPORT",
        help="Rapporten: en sökväg, ett filnamn i rapportmappen eller början av ett filnamn.",
        show_default=False,
    ),
]


@app.command(
    "lista",
    options_metavar="[FLAGGOR]",
    help=(
        "Lista rapporterna i rapportmappen, nyast först: datum, uppdrag, kund, intervjuform, "
        "vilka steg som är klara och antal öppna moment i utvecklingsplanen."
    ),
)
def lista(katalog: Folder = None, json_output: AsJson = False) -> None:
    from intervjufas.listing import as_json, list_reports
    from intervjufas.reading_views import show_listing, show_warnings
    from intervjufas.store import reports_dir

    listing = list_reports(reports_dir(katalog))
    show_warnings(_console(stderr=True), listing.warnings)
    if json_output:
        sys.stdout.write(as_json(listing) + "\n")
    else:
        show_listing(_console(), listing)


@app.command(
    "visa",
    options_metavar="[FLAGGOR]",
    help=(
        "Visa en rapport i terminalen, formaterad. Lång text visas med bläddring (less) i en terminal; "
        "till en fil eller ett rör skrivs ren text."
    ),
)
def visa(
    rapport: ReportArgument,
    katalog: Folder = None,
    ingen_pager: Annotated[
        bool,
        typer.Option("--ingen-pager", metavar="", help="Skriv ut hela rapporten direkt, utan bläddring."),
    ] = False,
) -> None:
    from intervjufas.reading_views import show_report
    from intervjufas.store import find_report, reports_dir
    from intervjufas.viewing import prepare

    view = prepare(find_report(rapport, reports_dir(katalog)))
    show_report(_console(), view, pager=not ingen_pager)


@app.command(
    "jamfor",
    options_metavar="[FLAGGOR]",
    short_help=(
        "Jämför två rapporter fråga för fråga: ändrade svar ord för ord, betygen sida vid sida och "
        "utvecklingsplanernas moment."
    ),
    help=(
        "Jämför två rapporter fråga för fråga: ändrade svar ord för ord ([-borttaget-] {+tillagt+}), "
        "svar som bara finns i den ena, uppgifter som skiljer, betygen sida vid sida och moment som "
        "tillkommit eller försvunnit i utvecklingsplanen. Med bara en rapport jämförs den med den "
        "senaste tidigare rapporten för samma kund (eller annars den senaste tidigare)."
    ),
)
def jamfor(
    a: Annotated[
        str,
        typer.Argument(
            metavar="A",
            help="Den första rapporten (oftast den tidigare): sökväg, filnamn eller början av ett filnamn.",
            show_default=False,
        ),
    ],
    b: Annotated[
        str | None,
        typer.Argument(
            metavar="B",
            help="Den andra rapporten. Utan B blir A den senare, och jämförs med en tidigare rapport.",
            show_default=False,
        ),
    ] = None,
    katalog: Folder = None,
    format_name: Annotated[
        str,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="text (standard) eller markdown.",
            show_default=False,
        ),
    ] = "text",
    utfil: Annotated[
        Path | None,
        typer.Option(
            "--utfil",
            "-o",
            metavar="FIL",
            help="Skriv jämförelsen till FIL i stället för till skärmen.",
            show_default=False,
        ),
    ] = None,
    exit_code: Annotated[
        bool,
        typer.Option(
            "--exit-code",
            metavar="",
            help="Avsluta med kod 1 när rapporterna skiljer sig och 0 när de är lika (som git diff).",
        ),
    ] = False,
) -> None:
    from intervjufas.errors import UsageError

    wanted = format_name.strip().casefold()
    if wanted not in ("text", "markdown", "md"):
        raise UsageError(f"Okänt format '{format_name}' för --format; välj text eller markdown.")
    from intervjufas.collection import load_report
    from intervjufas.compare import compare, earlier_report
    from intervjufas.comparison_views import comparison_markdown, comparison_plain_text, show_comparison
    from intervjufas.store import atomic_write, find_report, reports_dir

    folder = reports_dir(katalog)
    first = load_report(find_report(a, folder))
    if b is None:
        comparison = compare(earlier_report(first), first)
    else:
        comparison = compare(first, load_report(find_report(b, folder)))
    if wanted == "text" and utfil is None:
        show_comparison(_console(), comparison)
    else:
        text = comparison_markdown(comparison) if wanted != "text" else comparison_plain_text(comparison)
        if utfil is None:
            sys.stdout.write(text)
        else:
            atomic_write(utfil.expanduser(), text)
            print(f"Jämförelsen är sparad i {utfil}.")
    if exit_code and comparison.differs:
        raise typer.Exit(ExitCode.ERROR)


@app.command(
    "plan",
    options_metavar="[FLAGGOR]",
    short_help="Visa alla öppna moment i utvecklingsplanerna, med senaste uppföljning.",
    help=(
        "Visa alla öppna moment i utvecklingsplanerna i rapportmappen – moment som ännu inte följts upp "
        "som Genomfört eller Släpp – med steg, typ, varför, senaste status, rapport och datum."
    ),
)
def plan(katalog: Folder = None, json_output: AsJson = False) -> None:
    from intervjufas.action_plan import open_items
    from intervjufas.collection import load_folder
    from intervjufas.reading_views import plan_json, show_plan, show_warnings
    from intervjufas.store import reports_dir

    folder = reports_dir(katalog)
    loaded, warnings = load_folder(folder)
    show_warnings(_console(stderr=True), warnings)
    items = open_items(loaded)
    if json_output:
        sys.stdout.write(plan_json(items) + "\n")
    else:
        show_plan(_console(), items, folder)


@app.command(
    "trend",
    options_metavar="[FLAGGOR]",
    help=(
        "Visa hur betygen för kundens och kandidatens upplevelse i varje steg har utvecklats över tid: "
        "medelbetyg per månad eller kvartal som staplar, med antal rapporter bakom varje punkt."
    ),
)
def trend(
    katalog: Folder = None,
    kund: Annotated[
        str | None,
        typer.Option(
            "--kund",
            metavar="NAMN",
            help="Ta bara med rapporter för kunden NAMN (hela namnet; stora och små bokstäver spelar ingen roll).",
            show_default=False,
        ),
    ] = None,
    per: Annotated[
        str,
        typer.Option(
            "--per",
            metavar="PERIOD",
            help="Slå ihop betygen per manad (standard) eller per kvartal.",
            show_default=False,
        ),
    ] = "manad",
) -> None:
    from intervjufas.errors import UsageError

    period = {"manad": "manad", "månad": "manad", "kvartal": "kvartal"}.get(per.strip().casefold())
    if period is None:
        raise UsageError(f"Okänd period '{per}' för --per; välj manad eller kvartal.")
    from intervjufas.collection import load_folder
    from intervjufas.reading_views import show_trends, show_warnings
    from intervjufas.store import reports_dir
    from intervjufas.trend import rating_trends

    loaded, warnings = load_folder(reports_dir(katalog))
    show_warnings(_console(stderr=True), warnings)
    show_trends(_console(), rating_trends(loaded, kund=kund, per=period), kund=kund, per=period)


def main() -> None:
    """Console-script entry point."""
    app()
