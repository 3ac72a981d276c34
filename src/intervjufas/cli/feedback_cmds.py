"""The feedback command, ``enkat``: a short form for the candidates or the customer drawn from a
report's map (a printable page, an e-mail text, Markdown or a self-contained HTML page), the
answers that come back imported and kept beside the report, and what they say."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from intervjufas.cli.app import CommandTable, terminal
from intervjufas.cli.options import Folder, OutputFile, ReportArgument, enum_parser, whole_number
from intervjufas.errors import ExitCode, IntervjufasError, UsageError
from intervjufas.views.console import make_console, show_warnings
from intervjufas.views.output import write_out

commands = CommandTable()


class Respondents(StrEnum):
    """Whom ``enkat --for`` makes the form for."""

    kandidat = "kandidat"
    kund = "kund"


class FormFormat(StrEnum):
    """What ``enkat --format`` writes."""

    text = "text"
    epost = "epost"
    markdown = "markdown"
    html = "html"


ForOption = Annotated[
    Respondents,
    typer.Option(
        "--for",
        metavar="VEM",
        help="kandidat (standard): enkäten till kandidaterna; kund: till kunden (arbetsgivaren).",
        show_default=False,
        parser=enum_parser(
            Respondents,
            {"kandidater": "kandidat", "kandidaten": "kandidat", "kunden": "kund", "arbetsgivare": "kund"},
            "Okänd mottagare '{value}' för --for; välj kandidat eller kund.",
        ),
    ),
]
FormFormatOption = Annotated[
    FormFormat,
    typer.Option(
        "--format",
        metavar="FORMAT",
        help="text (standard, en sida att skriva ut), epost (en text att klistra in i ett mejl), "
        "markdown eller html (en fristående sida utan skript som inte skickar något någonstans).",
        show_default=False,
        parser=enum_parser(
            FormFormat,
            {"md": "markdown", "htm": "html", "e-post": "epost", "mejl": "epost", "mail": "epost"},
            "Okänt format '{value}' för --format; välj text, epost, markdown eller html.",
        ),
    ),
]
ImportOption = Annotated[
    Path | None,
    typer.Option(
        "--importera",
        metavar="FIL",
        help="Läs in svaren i FIL (CSV från Microsoft Forms, Google Formulär eller det enkla formatet) "
        "och spara dem bredvid rapporten, utan namn och kontaktuppgifter.",
        show_default=False,
    ),
]
TypeInOption = Annotated[
    bool,
    typer.Option(
        "--skriv-in",
        metavar="",
        help="Skriv in svar som kommit på papper eller i mejl, en svarande i taget, rad för rad som med "
        "--enkel, och spara dem bredvid rapporten.",
    ),
]
ResultOption = Annotated[
    bool,
    typer.Option("--resultat", metavar="", help="Visa svaren som sparats för rapporten, sammanställda."),
]
MinimumOption = Annotated[
    int | None,
    typer.Option(
        "--minsta-antal-svar",
        metavar="ANTAL",
        help="Visa resultat först från så här många svarande (standard 3, eller "
        "$INTERVJUFAS_MINSTA_ANTAL_SVAR). Färre visas bara som 'för få svar'.",
        show_default=False,
        parser=whole_number,
    ),
]


@commands.command(
    "enkat",
    short_help="Gör en enkät till kandidaterna eller kunden, och läs in svaren.",
    help=(
        "Gör en kort enkät om kund- och kandidatupplevelsen från en rapport: frågor före, under och efter "
        "intervjun, processkartans moment som berör den som svarar, en skala 1–5 och en fritextfråga. "
        "Skriv ut den, klistra in den i ett mejl eller i det enkätverktyg ni redan använder. Läs sedan in "
        "svaren med --importera; de sparas bredvid rapporten (RAPPORT.enkatsvar.json) och visas av visa, "
        "trend och nästa kartläggning för samma kund bredvid dina egna betyg. Färre än tre svar visas "
        "bara som 'för få svar'."
    ),
)
def enkat(
    ctx: typer.Context,
    rapport: ReportArgument,
    for_: ForOption = Respondents.kandidat,
    format_name: FormFormatOption = FormFormat.text,
    utfil: OutputFile = None,
    importera: ImportOption = None,
    skriv_in: TypeInOption = False,
    resultat: ResultOption = False,
    minsta_antal_svar: MinimumOption = None,
    katalog: Folder = None,
) -> None:
    from intervjufas.cli.report_choice import choose_report
    from intervjufas.files.settings import reports_dir

    if sum((importera is not None, skriv_in, resultat)) > 1:
        raise UsageError("Välj en av --importera, --skriv-in och --resultat.")
    facts = terminal(ctx)
    source = choose_report(rapport, reports_dir(katalog), facts)
    if importera is not None:
        _import(ctx, source, importera.expanduser(), for_.value)
    elif skriv_in:
        _type_in(ctx, source, for_.value)
    elif resultat:
        _results(ctx, source, minsta_antal_svar)
    else:
        _form(ctx, source, for_.value, format_name, utfil)


def _form(ctx: typer.Context, source: Path, audience: str, chosen: FormFormat, utfil: Path | None) -> None:
    from intervjufas.files.atomic import atomic_write
    from intervjufas.folder.loading import load_report
    from intervjufas.reading.feedback.received import report_form
    from intervjufas.views.feedback_form import form_email, form_markdown, form_text
    from intervjufas.views.feedback_form_html import form_html

    form = report_form(load_report(source), audience)
    draw = {"text": form_text, "epost": form_email, "markdown": form_markdown, "html": form_html}
    text = draw[chosen.value](form)
    facts = terminal(ctx)
    if utfil is None:
        write_out(facts, text)
        return
    atomic_write(utfil.expanduser(), text)
    write_out(facts, f"Enkäten är sparad i {utfil}.\n")


def _import(ctx: typer.Context, source: Path, answers: Path, audience: str) -> None:
    from intervjufas.reading.feedback.received import import_answers

    facts = terminal(ctx)
    outcome = import_answers(source, answers, audience)
    found = outcome.imported
    errors = [problem.format(found.file) for problem in found.errors]
    show_warnings(make_console(facts, stderr=True), [p.format(found.file) for p in found.warnings])
    if errors:
        console = make_console(facts, stderr=True)
        for line in errors:
            console.print(f"Fel: {line}", markup=False, highlight=False, soft_wrap=True)
        raise IntervjufasError(f"Inga svar sparades: rätta felen i {answers} och importera den igen.")
    added = outcome.added
    if added is None:
        raise IntervjufasError(f"{answers} har inga svar på enkätens frågor; inga svar sparades.")
    again = f"; {added.already} fanns redan och lades inte till igen" if added.already else ""
    write_out(
        facts,
        f"Läste {len(found.responses)} svar ({found.source}) och sparade {added.added} nya i "
        f"{added.path.name}{again}. Nu finns {added.total} svar från {_who(audience)}.\n",
    )


def _type_in(ctx: typer.Context, source: Path, audience: str) -> None:
    import sys

    from intervjufas.folder.loading import load_report
    from intervjufas.reading.feedback.received import keep_responses, report_form
    from intervjufas.views.output import standard_output
    from intervjufas.views.prompting.feedback_entry import typed_responses

    facts = terminal(ctx)
    form = report_form(load_report(source), audience)
    responses = typed_responses(form, sys.stdin, standard_output(facts), echo=not facts.stdin_is_terminal)
    added = keep_responses(source, form, responses)
    if added is None:
        write_out(facts, "Inga svar skrevs in; inget sparades.\n")
        return
    write_out(
        facts,
        f"Sparade {added.added} svar i {added.path.name}. Nu finns {added.total} svar från {_who(audience)}.\n",
    )


def _who(audience: str) -> str:
    return "kandidaterna" if audience == "kandidat" else "kunden"


def _results(ctx: typer.Context, source: Path, given: int | None) -> None:
    from intervjufas.folder.loading import load_report
    from intervjufas.reading.feedback.minimum import minimum_count
    from intervjufas.reading.feedback.received import received
    from intervjufas.reading.feedback.summary_text import summary_lines

    facts = terminal(ctx)
    loaded = load_report(source)
    found = received(source, minimum_count(given), loaded.questionnaire)
    if not found:
        write_out(facts, f"Inga enkätsvar är sparade för {source.name}; läs in dem med --importera.\n")
        raise typer.Exit(ExitCode.OK)
    own = {key: answer.value for key, answer in loaded.report.answers.items() if isinstance(answer.value, int)}
    write_out(facts, "\n".join(summary_lines(found, own)))
