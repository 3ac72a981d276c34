"""The real choices of ``--format`` and ``--per``: each belongs to one reading command (``jamfor``,
``trend``, ``exportera``, ``karta``) and is loaded with that command only, so that a session's start
does not pay for them."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from intervjufas.cli.options import enum_parser
from intervjufas.reading.export.target import ExportFormat


class CompareFormat(StrEnum):
    """What ``jamfor --format`` writes."""

    text = "text"
    markdown = "markdown"


class MapFormat(StrEnum):
    """What ``karta --format`` writes."""

    text = "text"
    markdown = "markdown"
    mermaid = "mermaid"
    json = "json"


class Period(StrEnum):
    """What ``trend --per`` groups ratings by."""

    manad = "manad"
    kvartal = "kvartal"


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
ExportFormatOption = Annotated[
    ExportFormat | None,
    typer.Option(
        "--format",
        metavar="FORMAT",
        help="html (en fil att öppna i webbläsaren och skriva ut som PDF) eller docx (Word). "
        "Utan --format avgör filändelsen i -o; annars blir det html.",
        show_default=False,
        parser=enum_parser(
            ExportFormat,
            {"htm": "html", "word": "docx"},
            "Okänt format '{value}' för --format; välj html eller docx.",
        ),
    ),
]
MapFormatOption = Annotated[
    MapFormat,
    typer.Option(
        "--format",
        metavar="FORMAT",
        help="text (standard), markdown (avsnittet Processkarta), mermaid (bara Mermaid-diagrammet) eller json.",
        show_default=False,
        parser=enum_parser(
            MapFormat,
            {"md": "markdown", "mmd": "mermaid"},
            "Okänt format '{value}' för --format; välj text, markdown, mermaid eller json.",
        ),
    ),
]
