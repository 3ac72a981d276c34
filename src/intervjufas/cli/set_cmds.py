"""The commands about question sets: ``validera`` checks question files, ``fragor`` lists and shows
sets, prints a set's YAML or the JSON Schema."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from intervjufas.cli.app import CommandTable, program, terminal
from intervjufas.errors import ExitCode
from intervjufas.views.output import error_output, standard_output, write_out

commands = CommandTable()


@commands.command(
    "validera",
    help=(
        "Kontrollera frågefiler och visa alla problem på en gång, som fil:rad:kolumn: meddelande, "
        "följt av en sammanfattning. Utan FIL kontrolleras dina egna frågefiler (mappen som "
        "$INTERVJUFAS_FRAGOR anger, annars intervjufas/fragor i din inställningsmapp). Avslutningskod 1 "
        "om något fel hittas (varningar räknas inte)."
    ),
)
def validera(
    ctx: typer.Context,
    filer: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="FIL",
            help="Frågefiler (YAML) att kontrollera. En mapp kontrollerar alla .yaml- och .yml-filer i den. "
            "Utan FIL: dina egna frågefiler.",
            show_default=False,
        ),
    ] = None,
) -> None:
    from intervjufas.questionsets.validation import check_files, has_errors
    from intervjufas.views.validation import report_lines

    out = standard_output(terminal(ctx))
    if not filer:
        filer = [_own_sets(ctx)]
        out.write(f"Kontrollerar dina egna frågefiler i {filer[0]}.\n")
    results = check_files(filer)
    for line in report_lines(results):
        out.write(line + "\n")
    raise typer.Exit(ExitCode.ERROR if has_errors(results) else ExitCode.OK)


def _own_sets(ctx: typer.Context) -> Path:
    """The folder of one's own question files, when it exists; else exactly what to give."""
    from intervjufas.cli.usage_errors import line
    from intervjufas.files.settings import SETS_ENV, question_sets_dir

    folder = question_sets_dir()
    if folder.is_dir():
        return folder
    raise line(
        f"Ange frågefilen eller mappen att kontrollera, t.ex. {program()} validera min-uppsattning.yaml; "
        f"mappen för dina egna frågefiler ({folder}) finns inte (${SETS_ENV} kan ange en annan)",
        ctx.command_path,
    )


SetsAsJson = Annotated[
    bool,
    typer.Option(
        "--json", metavar="", help="Skriv ut listan (eller med --visa uppsättningen) som JSON, för skript."
    ),
]


@commands.command(
    "fragor",
    help=(
        "Lista frågeuppsättningarna: de inbyggda och dina egna i mappen som $INTERVJUFAS_FRAGOR anger "
        "(annars intervjufas/fragor i din inställningsmapp), med id, version, titel och antal frågor."
    ),
)
def fragor(
    ctx: typer.Context,
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
    json_output: SetsAsJson = False,
) -> None:
    if schema:
        from intervjufas.questionsets.schema import schema_json

        write_out(terminal(ctx), schema_json())
        return
    from intervjufas.questionsets import catalog

    if yaml_source is not None:
        write_out(terminal(ctx), catalog.set_source(yaml_source))
        return
    _show_sets(ctx, visa, json_output)


def _show_sets(ctx: typer.Context, visa: str | None, json_output: bool) -> None:
    """One set (``--visa``) or the list, in the terminal or as JSON."""
    from intervjufas.questionsets import catalog
    from intervjufas.views import question_sets
    from intervjufas.views.console import make_console
    from intervjufas.views.json_output import set_data, set_list_data, write_json

    facts = terminal(ctx)
    console = make_console(facts)
    if visa is not None:
        shown = catalog.find_shown_set(visa, program())
        if json_output:
            write_json(set_data(shown), standard_output(facts))
        else:
            question_sets.show_set(console, shown)
        return
    entries = catalog.all_sets()
    if json_output:
        write_json(set_list_data(entries), standard_output(facts))
        return
    from intervjufas.files.settings import question_sets_dir

    folder = question_sets_dir()
    question_sets.show_set_list(console, entries, folder, folder_exists=folder.is_dir(), program=program())
    errors = error_output(facts)
    for line in question_sets.set_warnings(entries, program()):
        errors.write(line + "\n")
