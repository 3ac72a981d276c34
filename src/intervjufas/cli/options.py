"""Options and arguments shared by several commands, declared once, and the real choices of
``--format`` and ``--per``."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum, StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from intervjufas.errors import UsageError

E = TypeVar("E", bound=Enum)


class CompareFormat(StrEnum):
    """What ``jamfor --format`` writes."""

    text = "text"
    markdown = "markdown"


class ExportFormat(StrEnum):
    """What ``exportera --format`` writes."""

    html = "html"
    docx = "docx"


class Period(StrEnum):
    """What ``trend --per`` groups ratings by."""

    manad = "manad"
    kvartal = "kvartal"


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
FormatOption = Annotated[
    CompareFormat,
    typer.Option(
        "--format",
        metavar="FORMAT",
        help="text (standard) eller markdown.",
        show_default=False,
        parser=enum_parser(
            CompareFormat,
            {"md": "markdown"},
            "Okänt format '{value}' för --format; välj text eller markdown.",
        ),
    ),
]
PeriodOption = Annotated[
    Period,
    typer.Option(
        "--per",
        metavar="PERIOD",
        help="Slå ihop betygen per manad (standard) eller per kvartal.",
        show_default=False,
        parser=enum_parser(
            Period, {"månad": "manad"}, "Okänd period '{value}' för --per; välj manad eller kvartal."
        ),
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
ExportFormatOption = Annotated[
    ExportFormat | None,
    typer.Option(
        "--format",
        metavar="FORMAT",
        help="html (en fil att öppna i webbläsaren och skriva ut som PDF) eller docx (Word). "
        "Utan --format avgör filändelsen i -o.",
        show_default=False,
        parser=enum_parser(
            ExportFormat,
            {"htm": "html", "word": "docx"},
            "Okänt format '{value}' för --format; välj html eller docx.",
        ),
    ),
]
