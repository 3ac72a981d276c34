"""The customer version an export, a preview or an edit starts from: the text the consultant edited
and kept beside the report (``folder.customer_text``) while the report is unchanged since, else the
version made from the report as it is now – with a warning when a kept text is passed over.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from intervjufas.errors import IntervjufasError
from intervjufas.files.bounded import REPORT_LIMIT, read_bounded
from intervjufas.folder.customer_text import content_hash, kept_path, read_kept
from intervjufas.reading.export.customer_markdown import customer_markdown, kept_document
from intervjufas.reading.export.document import Document
from intervjufas.reading.export.versions import export_document

STALE = (
    "{report} har ändrats sedan kundversionen redigerades ({kept}), så den redigerade texten används "
    "inte; kundversionen görs av rapporten som den är nu. Redigera den igen med: "
    "intervjufas exportera {report} --kundversion --redigera"
)
UNREADABLE = "{kept}: {reason}; kundversionen görs av rapporten som den är nu"


@dataclass(frozen=True)
class CustomerVersion:
    """A report's customer version: what the exports draw, the same as Markdown (to show or to
    edit), the hash of the report it belongs to, the kept text used (None: made now) and warnings."""

    document: Document
    markdown: str
    report_hash: str
    kept: Path | None = None
    warnings: tuple[str, ...] = ()


def customer_version_of(
    path: Path, *, notes: bool = False, use_kept: bool = True, folder: Path | None = None
) -> CustomerVersion:
    """The customer version of the report at ``path`` (see the module docstring); ``notes`` brings
    the consultant's own text along in a version made now; ``folder`` is the reports folder whose
    follow-ups give the planned items their status."""
    digest = content_hash(read_bounded(path, REPORT_LIMIT))
    made, warnings = export_document(path, customer=True, notes=notes, folder=folder)
    kept = None
    if use_kept:
        try:
            kept = read_kept(path)
        except IntervjufasError as error:
            warnings.append(UNREADABLE.format(kept=kept_path(path).name, reason=error.message.rstrip(".")))
    if kept is not None and kept.report_hash == digest:
        return CustomerVersion(kept_document(kept.text, made), kept.text, digest, kept_path(path))
    if kept is not None:
        warnings.append(STALE.format(report=path.name, kept=kept_path(path).name))
    return CustomerVersion(made, customer_markdown(made), digest, None, tuple(warnings))
