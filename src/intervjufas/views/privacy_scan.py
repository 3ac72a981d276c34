"""What ``granska`` prints: every finding as ``fil:rad: vad (maskerat)``, as editors and ``grep``
users know the form (the path relative to the working folder when the file lies under it), then a
summary line; or JSON for scripts.

The JSON is one object::

    {"format": 2, "antal_genomsokta": 120, "antal_rapporter_med_fynd": 2,
     "fynd": [{"fil": "x.md", "sokvag": "/…/x.md", "rad": 34, "personuppgift": "personnummer",
               "personuppgift_text": "personnummer", "maskerat": "******-1234"}, …]}

``personuppgift`` is one of personnummer, samordningsnummer, e_post, telefon (see
``json_vocabulary``). Values are always masked.
"""

from __future__ import annotations

import json
from pathlib import Path

from intervjufas.model.personal_data import kind_noun
from intervjufas.reading.privacy_scan import ReportFinding, ScanResult


def shown_path(path: Path) -> str:
    """The path relative to the working folder when the file lies under it, else as it is."""
    try:
        return str(path.absolute().relative_to(Path.cwd()))
    except (ValueError, OSError):
        return str(path)


def finding_line(finding: ReportFinding) -> str:
    """E.g. ``Dokument/intervjufas/2024-01-15-lager.md:34: personnummer (******-1234)``."""
    return f"{shown_path(finding.path)}:{finding.line}: {kind_noun(finding.kind)} ({finding.masked})"


def _reports(count: int) -> str:
    return f"{count} rapport" if count == 1 else f"{count} rapporter"


def scan_summary(result: ScanResult, folder: Path | None, recovery_files: int = 0) -> str:
    """One line: what was scanned (``recovery_files`` of it from the recovery folder) and what was found."""
    where = f" i {folder}" if folder is not None else ""
    if recovery_files:
        where += f" (varav {recovery_files} {'återställningsfil' if recovery_files == 1 else 'återställningsfiler'})"
    if result.scanned == 0:
        return f"Inga rapporter att granska{where}."
    if not result.findings:
        return f"Inga personuppgifter hittades i {_reports(result.scanned)}{where}."
    affected = result.files_with_findings
    files = (
        _reports(result.scanned)
        if affected == result.scanned
        else f"{affected} av {_reports(result.scanned)}"
    )
    return (
        f"{len(result.findings)} fynd i {files}{where}. Skriv om eller ta bort uppgifterna på raderna "
        "ovan – beskriv processen, inte personerna."
    )


def scan_lines(result: ScanResult, folder: Path | None, recovery_files: int = 0) -> list[str]:
    """Every finding, then the summary."""
    return [*(finding_line(f) for f in result.findings), scan_summary(result, folder, recovery_files)]


def scan_json(result: ScanResult) -> str:
    from intervjufas.views.json_vocabulary import FORMAT, PERSONAL_DATA_CODES

    document = {
        "format": FORMAT,
        "antal_genomsokta": result.scanned,
        "antal_rapporter_med_fynd": result.files_with_findings,
        "fynd": [
            {
                "fil": f.path.name,
                "sokvag": str(f.path.absolute()),
                "rad": f.line,
                "personuppgift": PERSONAL_DATA_CODES[f.kind],
                "personuppgift_text": kind_noun(f.kind),
                "maskerat": f.masked,
            }
            for f in result.findings
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)
