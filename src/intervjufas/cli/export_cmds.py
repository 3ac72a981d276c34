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

from intervjufas.cli.app import CommandTable, terminal
from intervjufas.cli.options import ExportFormatOption, Folder, ReportArgument
from intervjufas.errors import Interrupted
from intervjufas.reading.export.target import ExportFormat
from intervjufas.views.console import make_console
from intervjufas.views.output import write_out

if TYPE_CHECKING:
    from intervjufas.reading.export.document import Document

commands = CommandTable()

STOPPED = "Avbrutet. Ingen export sparades."


@commands.command(
    "exportera",
    short_help="Exportera en rapport till HTML eller Word.",
    help=(
        "Exportera en rapport till en HTML-fil (öppna den i webbläsaren och skriv ut som PDF) eller ett "
        "Word-dokument: uppgifterna om uppdraget, varje steg, utvecklingsplanen och processkartan när "
        "rapporten har en. Med --kundversion tas bara det med som är till för kunden: uppdraget, hur "
        "intervjuprocessen går till före, under och efter intervjuerna, och de planerade förändringar "
        "som berör kunden – utan din egen reflektion, betygen och uppföljningen."
    ),
)
def exportera(
    ctx: typer.Context,
    rapport: ReportArgument,
    format_name: ExportFormatOption = None,
    utfil: Annotated[
        Path | None,
        typer.Option(
            "--utfil",
            "-o",
            metavar="FIL",
            help=(
                "Filen att skriva (eller en mapp att lägga den i). Standard: rapportens namn med .html "
                "eller .docx, i den mapp du står i. En tidigare export med samma namn ersätts."
            ),
            show_default=False,
        ),
    ] = None,
    kundversion: Annotated[
        bool,
        typer.Option(
            "--kundversion",
            metavar="",
            help="Bara det som är till för kunden, utan reflektion, betyg och uppföljning.",
        ),
    ] = False,
    katalog: Folder = None,
) -> None:
    from intervjufas.cli.report_choice import choose_report
    from intervjufas.files.atomic import atomic_write_bytes
    from intervjufas.files.settings import reports_dir
    from intervjufas.reading.export.target import export_format, export_target
    from intervjufas.reading.export.versions import export_document
    from intervjufas.views.console import show_warnings
    from intervjufas.views.progress import export_progress

    facts = terminal(ctx)
    kind = export_format(format_name, utfil)
    folder = reports_dir(katalog)
    source = choose_report(rapport, folder, facts)
    target = export_target(source, utfil, kind, kundversion)
    errors = make_console(facts, stderr=True)
    try:
        with _ctrl_c_noted() as noted, export_progress(errors, allowed=facts.stderr_is_terminal) as progress:

            def step(text: str) -> None:
                if noted:  # (a KeyboardInterrupt that code called from C swallowed)
                    raise KeyboardInterrupt
                progress(text)

            step("Läser rapporten")
            document, warnings = export_document(source, customer=kundversion, folder=folder)
            progress.expect(len(document.sections))
            data = _render(document, kind, step)
            step("Sparar")
            atomic_write_bytes(target, data)
    except KeyboardInterrupt:
        raise Interrupted(STOPPED) from None
    show_warnings(errors, warnings)
    what = "Kundversionen" if kundversion else "Exporten"
    write_out(facts, f"{what} är sparad i {target}.\n")


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
