"""The export command, ``exportera``: a report as an HTML file or a Word document to hand to the
customer, whole or as the customer version."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from intervjufas.cli import usage_errors
from intervjufas.cli.app import CommandTable, terminal
from intervjufas.cli.completion import complete_report
from intervjufas.cli.format_options import ExportFormatOption
from intervjufas.cli.options import Folder
from intervjufas.errors import Interrupted, UsageError
from intervjufas.reading.export.target import ExportFormat
from intervjufas.views.console import make_console
from intervjufas.views.output import write_out

if TYPE_CHECKING:
    from intervjufas.reading.export.document import Document
    from intervjufas.terminal import TerminalFacts

commands = CommandTable()
TEAM_FILE = "teamets-processkarta"
OptionalReport = Annotated[
    str | None,
    typer.Argument(
        metavar="RAPPORT",
        autocompletion=complete_report,
        help="Rapporten: en sökväg, ett filnamn i rapportmappen, början av ett filnamn (ett datum) eller "
        "ord ur uppdraget eller kunden, t.ex. lager. Passar flera får du välja. (Inte med --team.)",
        show_default=False,
    ),
]
TeamOption = Annotated[
    bool,
    typer.Option(
        "--team",
        metavar="",
        help="Exportera teamets karta (som karta --team) som en HTML-sida att ta med till ett teammöte, "
        "i stället för en rapport.",
    ),
]

STOPPED = "Avbrutet. Ingen export sparades."
NOTHING_KEPT = "Ingen ny kundversion sparades."


Notes = Annotated[
    bool,
    typer.Option(
        "--med-noteringar",
        metavar="",
        help=(
            "Ta med dina egna anteckningar i kundversionen: dina svar om hur kunden och kandidaterna "
            "förbereds, hur intervjuerna genomförs och följs upp, och processkartans noteringar. "
            "Kollegors namn visas ändå aldrig."
        ),
    ),
]
Preview = Annotated[
    bool,
    typer.Option(
        "--forhandsgranska",
        metavar="",
        help="Visa kundversionen här i terminalen, utan att spara någon fil (till en pipe som Markdown).",
    ),
]
Edit = Annotated[
    bool,
    typer.Option(
        "--redigera",
        metavar="",
        help=(
            "Öppna kundversionen som Markdown i din textredigerare ($VISUAL eller $EDITOR) och spara din "
            "text bredvid rapporten (RAPPORT.kundversion.md). Den används när du exporterar kundversionen, "
            "så länge rapporten inte ändras. Med --format eller -o exporteras den också direkt."
        ),
    ),
]


ExportOutput = Annotated[
    Path | None,
    typer.Option(
        "--utfil",
        "-o",
        metavar="FIL",
        help=(
            "Filen att skriva (eller en mapp att lägga den i). Standard: rapportens namn med .html "
            "(eller .docx med --format docx), i den mapp du står i. En tidigare export med samma namn "
            "ersätts."
        ),
        show_default=False,
    ),
]


@commands.command(
    "exportera",
    short_help="Exportera en rapport till HTML eller Word.",
    help=(
        "Exportera en rapport till en HTML-fil (öppna den i webbläsaren och skriv ut som PDF) eller ett "
        "Word-dokument: uppgifterna om uppdraget, varje steg, utvecklingsplanen och processkartan när "
        "rapporten har en. Med --kundversion blir det en text till kunden: uppdraget, intervjuprocessen "
        "som kunden och kandidaterna möter den (processkartans moment som berör dem) och de planerade "
        "förändringar som berör dem – utan din reflektion, betygen, uppföljningen, processkartans "
        "markeringar och kollegors namn. Förhandsgranska den med --forhandsgranska och skriv om den med "
        "--redigera."
    ),
)
def exportera(
    ctx: typer.Context,
    rapport: OptionalReport = None,
    format_name: ExportFormatOption = None,
    utfil: ExportOutput = None,
    kundversion: Annotated[
        bool,
        typer.Option(
            "--kundversion",
            metavar="",
            help="En text till kunden, utan reflektion, betyg, uppföljning och interna markeringar.",
        ),
    ] = False,
    med_noteringar: Notes = False,
    forhandsgranska: Preview = False,
    redigera: Edit = False,
    katalog: Folder = None,
    team: TeamOption = False,
) -> None:
    from intervjufas.cli.report_choice import choose_report
    from intervjufas.files.settings import reports_dir
    from intervjufas.reading.export.target import export_format

    if team or rapport is None:
        _team_export(ctx, rapport, format_name, utfil, katalog, other=kundversion or forhandsgranska or redigera)
        return
    _check_options(kundversion, med_noteringar, forhandsgranska, redigera)
    facts = terminal(ctx)
    kind = (
        None
        if (forhandsgranska or redigera) and format_name is None and utfil is None
        else export_format(format_name, utfil)
    )
    folder = reports_dir(katalog)
    source = choose_report(rapport, folder, facts)
    if forhandsgranska:
        _preview(facts, source, med_noteringar, folder)
        return
    if redigera and not _edit(facts, source, med_noteringar, folder):
        return
    if kind is not None:
        by_default = format_name is None and (utfil is None or not utfil.suffix)
        _export(
            facts,
            source,
            utfil,
            kind,
            customer=kundversion,
            notes=med_noteringar,
            folder=folder,
            chosen_by_default=by_default,
        )


def _team_export(
    ctx: typer.Context, rapport: str | None, chosen: ExportFormat | None, utfil: Path | None, katalog: Path | None, *, other: bool
) -> None:
    """``exportera --team``: the team's map as an HTML page (see ``views/team_html.py``)."""
    from intervjufas.cli.options import existing_reports_dir
    from intervjufas.files.atomic import atomic_write
    from intervjufas.reading.export.target import export_format, export_target
    from intervjufas.reading.process_map.team_map import team_map
    from intervjufas.views.console import show_warnings
    from intervjufas.views.team_html import team_html

    if rapport is None and not ctx.params.get("team"):
        raise usage_errors.line("argumentet RAPPORT saknas", ctx.command_path)
    if rapport is not None or other:
        raise UsageError("--team exporterar teamets karta ur hela rapportmappen: ange ingen RAPPORT och ingen kundversion.")
    if export_format(chosen, utfil) is not ExportFormat.html:
        raise UsageError("Teamets karta exporteras som HTML: --format html.")
    facts = terminal(ctx)
    team = team_map(existing_reports_dir(katalog))
    target = export_target(Path(TEAM_FILE), utfil, ExportFormat.html, False)
    show_warnings(make_console(facts, stderr=True), team.warnings)
    atomic_write(target, team_html(team))
    write_out(facts, f"Teamets karta är sparad i {target}.\n")


def _check_options(customer: bool, notes: bool, preview: bool, edit: bool) -> None:
    if (notes or preview or edit) and not customer:
        used = [
            name
            for name, on in (
                ("--med-noteringar", notes),
                ("--forhandsgranska", preview),
                ("--redigera", edit),
            )
            if on
        ]
        raise UsageError(f"{' och '.join(used)} gäller kundversionen; lägg till --kundversion.")
    if preview and edit:
        raise UsageError("Välj --forhandsgranska eller --redigera, inte båda.")


def _preview(facts: TerminalFacts, source: Path, notes: bool, folder: Path) -> None:
    from intervjufas.reading.export.kept_version import customer_version_of
    from intervjufas.views.console import show_warnings
    from intervjufas.views.export_preview import show_customer_text

    version = customer_version_of(source, notes=notes, folder=folder)
    show_warnings(make_console(facts, stderr=True), version.warnings)
    show_customer_text(make_console(facts), version.markdown, less=facts.less)


def _edit(facts: TerminalFacts, source: Path, notes: bool, folder: Path) -> bool:
    """Edit the customer text and keep it; whether there is a new text to export."""
    from intervjufas.cli.editor import EditorFailed, edit_text
    from intervjufas.folder.customer_text import write_kept
    from intervjufas.reading.export.kept_version import customer_version_of
    from intervjufas.views.console import show_warnings

    version = customer_version_of(source, notes=notes, folder=folder)
    show_warnings(make_console(facts, stderr=True), version.warnings)
    try:
        edited = edit_text(version.markdown, name=f"{source.stem}.kundversion.md")
    except KeyboardInterrupt:
        raise Interrupted(f"Avbrutet. {NOTHING_KEPT}") from None
    except EditorFailed as error:
        raise EditorFailed(f"{error.message} {NOTHING_KEPT}") from None
    if edited is None:
        write_out(facts, f"Texten ändrades inte. {NOTHING_KEPT}\n")
        return False
    kept = write_kept(source, edited, version.report_hash)
    write_out(
        facts,
        f"Din kundversion är sparad i {kept}. Den används när du exporterar med --kundversion, så länge "
        "rapporten inte ändras.\n",
    )
    return True


def _export(
    facts: TerminalFacts,
    source: Path,
    utfil: Path | None,
    kind: ExportFormat,
    *,
    customer: bool,
    notes: bool,
    folder: Path,
    chosen_by_default: bool = False,
) -> None:
    from intervjufas.files.atomic import atomic_write_bytes
    from intervjufas.reading.export.kept_version import customer_version_of
    from intervjufas.reading.export.target import export_target
    from intervjufas.reading.export.versions import export_document
    from intervjufas.views.console import show_warnings
    from intervjufas.views.progress import export_progress

    target = export_target(source, utfil, kind, customer)
    errors = make_console(facts, stderr=True)
    kept: Path | None = None
    try:
        with _ctrl_c_noted() as noted, export_progress(errors, allowed=facts.stderr_is_terminal) as progress:

            def step(text: str) -> None:
                if noted:  # (a KeyboardInterrupt that code called from C swallowed)
                    raise KeyboardInterrupt
                progress(text)

            step("Läser rapporten")
            if customer:
                version = customer_version_of(source, notes=notes, folder=folder)
                document, warnings, kept = version.document, list(version.warnings), version.kept
            else:
                from intervjufas.reading.feedback.in_document import received_export
                from intervjufas.reading.feedback.minimum import minimum_count

                document, warnings = export_document(source, customer=False, folder=folder)
                document, unread = received_export(document, source, minimum_count())
                warnings += unread
            progress.expect(len(document.sections))
            data = _render(document, kind, step)
            step("Sparar")
            atomic_write_bytes(target, data)
    except KeyboardInterrupt:
        raise Interrupted(STOPPED) from None
    show_warnings(errors, warnings)
    what = "Kundversionen" if customer else "Exporten"
    edited = f" (med din redigerade text från {kept.name})" if kept is not None else ""
    hint = " (HTML; ett Word-dokument får du med --format docx)" if chosen_by_default else ""
    write_out(facts, f"{what}{edited} är sparad i {target}{hint}.\n")


@contextlib.contextmanager
def _ctrl_c_noted() -> Iterator[list[int]]:
    """Ctrl-C raises KeyboardInterrupt as always, and is also noted: an interrupt raised inside a
    callback of a C library (lxml, under python-docx) can be lost there, and the export must still
    stop before it saves anything."""
    noted: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield noted
        return

    def handler(signum: int, _frame: object) -> None:
        noted.append(signum)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield noted
    finally:
        signal.signal(signal.SIGINT, previous)


def _render(document: Document, kind: ExportFormat, progress: Callable[[str], None]) -> bytes:
    if kind is ExportFormat.docx:
        from intervjufas.views.export_docx import export_docx

        return export_docx(document, progress)
    from intervjufas.views.export_html import export_html

    return export_html(document, progress).encode("utf-8")
