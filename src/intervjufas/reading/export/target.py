"""Where an export goes and in which format (``exportera``): the format asked for or the one the
output file's name ends with, and the file to write – never the report itself, never a name that
ends in ``.md`` like a report."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from intervjufas.errors import IntervjufasError, UsageError

CUSTOMER_SUFFIX = "-kundversion"


class ExportFormat(StrEnum):
    """What ``exportera --format`` writes."""

    html = "html"
    docx = "docx"


DEFAULT_FORMAT = ExportFormat.html


def export_format(chosen: ExportFormat | None, output: Path | None) -> ExportFormat:
    """The format asked for, else the one the output file's name ends with, else HTML (no output
    file, a folder, or a name without an ending); a file name with another ending is an error."""
    if chosen is not None:
        return chosen
    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    for member in ExportFormat:
        if suffix == member.value or (suffix == "htm" and member is ExportFormat.html):
            return member
    if output is None or not suffix or output.expanduser().is_dir():
        return DEFAULT_FORMAT
    raise UsageError(
        f"Filen {output.name} slutar varken på .html eller .docx; ange --format html eller --format docx."
    )


def export_target(source: Path, chosen: Path | None, kind: ExportFormat, customer: bool) -> Path:
    """Where the export goes: the given file, the default name in a given folder, or the default
    name – the report's name with ``-kundversion`` for the customer version – in the working folder."""
    name = f"{source.stem}{CUSTOMER_SUFFIX if customer else ''}.{kind.value}"
    if chosen is None:
        return Path.cwd() / name
    chosen = chosen.expanduser()
    target = chosen / name if chosen.is_dir() else chosen
    try:
        same = target.resolve() == source.resolve()
    except OSError:
        same = False
    if same:
        raise IntervjufasError(f"Exporten skulle skriva över rapporten {source}; välj en annan fil med -o.")
    if target.suffix.lower() == ".md":
        raise IntervjufasError(
            f"{target} slutar på .md som en rapport; välj ett namn som slutar på .{kind.value} med -o."
        )
    return target
