"""The document an export draws from a report file, whole or as the customer version, and what the
user should be told about it (a question set that is not installed, a customer version that says
nothing about the process)."""

from __future__ import annotations

from pathlib import Path

from intervjufas.reading.customer_version import customer_version, has_process
from intervjufas.reading.document import Document, build_document
from intervjufas.reports.loading import load_report

NO_PROCESS = (
    "ingen fråga som rapporten besvarar är markerad för kundversionen (nyckeln kundrubrik i "
    "frågefilen), så den innehåller bara uppgifterna om uppdraget"
)
UNKNOWN_SET = "frågeuppsättningen '{set_id}' finns inte här; svaren exporteras under rubrikerna i rapporten"


def export_document(path: Path, *, customer: bool) -> tuple[Document, list[str]]:
    """The report at ``path`` as a document, and warnings (each beginning with the file's name)."""
    loaded = load_report(path)
    document = build_document(loaded)
    warnings = []
    if loaded.questionnaire is None:
        warnings.append(UNKNOWN_SET.format(set_id=loaded.report.question_set.id))
    if customer:
        document = customer_version(document)
        if not has_process(document):
            warnings.append(NO_PROCESS)
    return document, [f"{path.name}: {warning}" for warning in warnings]
