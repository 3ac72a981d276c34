"""Reading a whole reports folder: every report's header, or every report in full, with one warning
per file that cannot be read (a bad file never stops a command over the others)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from intervjufas.errors import IntervjufasError, describe_os_error
from intervjufas.model.questions import Questionnaire
from intervjufas.questionsets.sources import UnreadableFile
from intervjufas.reports.files import report_files
from intervjufas.reports.front_matter import HeaderError, check_values, read_front_matter
from intervjufas.reports.model import CONFLICT_KEY, header_value

if TYPE_CHECKING:  # loading reports in full needs the question sets; reading headers does not
    from intervjufas.reports.loading import LoadedReport

Header = dict[str, Any]


def read_header_of(path: Path) -> Header:
    """One file's checked front matter, or raise ValueError with a Swedish description."""
    try:
        header = read_front_matter(path, check=True)
        check_values(header)
        return header
    except HeaderError as error:
        raise ValueError(error.short()) from None
    except UnreadableFile as error:
        raise ValueError(f"kan inte läsas ({error.reason})") from None
    except OSError as error:
        raise ValueError(f"kan inte läsas ({describe_os_error(error)})") from None
    except UnicodeDecodeError:
        raise ValueError("är inte en UTF-8-textfil") from None


def read_headers(
    folder: Path, *, program: str = "intervjufas"
) -> tuple[list[tuple[Path, Header]], list[str]]:
    """The front matter of every report in the folder, and one warning per unreadable file
    (``program`` starts the commands the warnings suggest)."""
    headers: list[tuple[Path, Header]] = []
    warnings: list[str] = []
    for path in report_files(folder):
        try:
            header = read_header_of(path)
        except ValueError as error:
            warnings.append(f"{path.name}: {error}")
            continue
        conflict = header_value(header, CONFLICT_KEY)
        if conflict:  # (format 1 read with check=False kept it at the top; a checked header, in 'extra')
            warnings.append(conflict_warning(path, conflict, program))
        else:
            headers.append((path, header))
    return headers, warnings


def conflict_warning(path: Path, original: object, program: str = "intervjufas") -> str:
    """A conflict copy is passed over by commands that read the whole folder; say what to do."""
    import shlex

    command = f"{program} {shlex.join(['jamfor', str(original), path.name])}"
    return (
        f"{path.name}: en konfliktkopia av {original}, som inte räknas med här. Jämför dem med "
        f"'{command}', för över det du vill behålla och ta sedan bort kopian"
    )


def load_folder(
    folder: Path, extra: Questionnaire | None = None, *, program: str = "intervjufas"
) -> tuple[list[LoadedReport], list[str]]:
    """Every readable report in the folder, newest first, and one warning per unreadable file."""
    from intervjufas.reports.loading import load_report

    loaded, warnings = [], []
    for path in report_files(folder):
        try:
            report = load_report(path, extra, in_folder=True)
        except IntervjufasError as error:
            warnings.append(error.message)
            continue
        if CONFLICT_KEY in report.report.extra_header:
            warnings.append(conflict_warning(path, report.report.extra_header[CONFLICT_KEY], program))
        else:
            loaded.append(report)
    loaded.sort(key=lambda item: item.sort_key, reverse=True)
    return loaded, warnings
