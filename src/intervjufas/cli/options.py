"""Options and arguments shared by several commands, declared once (the choices of ``--format``
and ``--per``, each one command's, are in ``format_options``)."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from intervjufas.cli.completion import complete_report
from intervjufas.errors import UsageError
from intervjufas.session.options import FollowUpScope

E = TypeVar("E", bound=Enum)


def enum_parser(enum: type[E], aliases: dict[str, str], problem: str) -> Callable[[Any], E]:
    """A parser for an option with the Enum's values: case-insensitive, with aliases, and a
    Swedish error (``problem`` with ``{value}``) when the value is not one of them."""

    def parse(value: Any) -> E:
        if isinstance(value, enum):
            return value
        wanted = str(value).strip().casefold()
        wanted = aliases.get(wanted, wanted)
        for member in enum:
            if member.value == wanted:
                return member
        raise UsageError(problem.format(value=value))

    return parse


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


def whole_number(value: Any) -> int:
    """An integer option's value; anything else is a bad value, said in Swedish."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    try:
        return int(str(value).strip())
    except ValueError:
        raise typer.BadParameter("värdet är inte ett heltal") from None


Steps = Annotated[
    list[int] | None,
    typer.Option(
        "--steg",
        "-s",
        metavar="N",
        help="Fråga bara steg N. Kan anges flera gånger. Utan --steg ställs alla steg som inte är klara.",
        show_default=False,
        parser=whole_number,
    ),
]
Resume = Annotated[
    str | None,
    typer.Option(
        "--fortsatt",
        "-f",
        metavar="RAPPORT",
        autocompletion=complete_report,
        help="Fortsätt en sparad rapport vid första obesvarade fråga (sökväg, filnamn, datum eller ord ur "
        "uppdraget eller kunden).",
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
        autocompletion=complete_report,
        help="Fyll i svaren från en tidigare rapport som förslag, så att du bara ändrar det som är nytt "
        "(sökväg, filnamn, datum eller ord ur uppdraget eller kunden).",
        show_default=False,
    ),
]
FollowUpOption = Annotated[
    FollowUpScope | None,
    typer.Option(
        "--uppfoljning",
        metavar="VILKA",
        help="Vilka öppna moment i tidigare utvecklingsplaner som följs upp: kund (standard: samma kunds, "
        "annars samma frågeuppsättnings), alla eller ingen. De nyaste frågas först, några åt gången. "
        "Ändra standardvalet med: intervjufas installningar uppfoljning VILKA.",
        show_default=False,
        parser=enum_parser(
            FollowUpScope,
            {"all": "alla", "inga": "ingen", "nej": "ingen"},
            "Okänt värde '{value}' för --uppfoljning; välj kund, alla eller ingen.",
        ),
    ),
]
SkipFollowUp = Annotated[
    bool,
    typer.Option(
        "--utan-uppfoljning",
        metavar="",
        help="Hoppa över uppföljningen av tidigare utvecklingsplaner (samma som --uppfoljning ingen).",
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
Strict = Annotated[
    bool,
    typer.Option(
        "--strikt",
        metavar="",
        help="Med --svar: avbryt utan att spara om svaren innehåller det som ser ut som personuppgifter "
        "(personnummer, samordningsnummer, e-postadresser, telefonnummer).",
    ),
]


AsJson = Annotated[
    bool,
    typer.Option(
        "--json", metavar="", help="Skriv ut resultatet som JSON (för skript) i stället för en tabell."
    ),
]
CustomerOption = Annotated[
    str | None,
    typer.Option(
        "--kund",
        metavar="NAMN",
        help="Ta bara med rapporter för kunden NAMN. Det räcker med en del av namnet (nordlager hittar "
        "Nordlager AB); stora och små bokstäver och accenter spelar ingen roll.",
        show_default=False,
    ),
]
ReportArgument = Annotated[
    str,
    typer.Argument(
        metavar="RAPPORT",
        autocompletion=complete_report,
        help="Rapporten: en sökväg, ett filnamn i rapportmappen, början av ett filnamn (ett datum) eller "
        "ord ur uppdraget eller kunden, t.ex. lager. Passar flera får du välja.",
        show_default=False,
    ),
]
OutputFile = Annotated[
    Path | None,
    typer.Option(
        "--utfil",
        "-o",
        metavar="FIL",
        help="Skriv resultatet till FIL i stället för till skärmen.",
        show_default=False,
    ),
]
NewMap = Annotated[
    bool,
    typer.Option(
        "--ny-karta",
        metavar="",
        help="Börja processkartan från början i stället för från din senaste karta.",
    ),
]


def use_pager(facts: Any, off: bool) -> bool:
    """Whether a long text is paged: not with ``--ingen-pager``, nor when the settings say
    ``bladdring = "nej"`` (read only when the output is a terminal, where it matters)."""
    if off:
        return False
    if not facts.stdout_is_terminal:
        return True
    from intervjufas.files.user_settings import value

    return value("bladdring") == "ja"


def existing_reports_dir(option: Path | None) -> Path:
    """The reports folder a command reads as a whole (``--katalog``, else the environment or the
    default): it must exist – a missing one is ``Fel:`` (ReportsFolderMissing), never an empty list."""
    from intervjufas.files.settings import existing_folder, reports_dir

    return existing_folder(reports_dir(option))
