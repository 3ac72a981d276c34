"""One report on disk during a session: saved after every answer without overwriting changes
someone made to the file meanwhile."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from intervjufas.errors import IntervjufasError, ReportConflictError, file_error
from intervjufas.model.questions import Questionnaire
from intervjufas.reports.files import atomic_write, new_report_path, read_text, reserve_path
from intervjufas.reports.model import Report, timestamp
from intervjufas.reports.parse import parse
from intervjufas.reports.render import render


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class ReportFile:
    """One report on disk, saved after every answer.

    It remembers what it last read or wrote.  If the file changed on disk since then (someone edited
    it), the changes on disk are read and the session's new answers are laid on top; if both sides
    changed the same answer, nothing is overwritten: the session's version goes to a side file.
    """

    def __init__(self, folder: Path, questionnaire: Questionnaire, path: Path | None = None) -> None:
        self.folder = folder
        self.questionnaire = questionnaire
        self.path = path
        self._digest: str | None = None
        self._base: Report | None = None
        self.merged_from_disk = False

    @classmethod
    def open(cls, path: Path, questionnaire: Questionnaire) -> tuple[ReportFile, Report]:
        text = read_text(path)
        report = parse(text, questionnaire, file=str(path))
        handle = cls(path.parent, questionnaire, path)
        handle._digest = _digest(text.encode("utf-8"))
        handle._base = _copy(report)
        return handle, report

    def save(self, report: Report, changed: Iterable[str] = ()) -> Report:
        """Write the report (creating the file on first save); return the report as saved."""
        self.merged_from_disk = False
        if self.path is None:
            if not report.uppdrag:
                return report  # nothing can be named yet; the first answer is 'uppdrag'
            self.path = new_report_path(self.folder, report.created[:10], report.uppdrag)
        elif self._digest is not None:
            report = self._merge_if_changed(report, set(changed))
        report.updated = timestamp()
        text = render(report, self.questionnaire, file_name=self.path.name)
        atomic_write(self.path, text)
        self._digest = _digest(text.encode("utf-8"))
        self._base = _copy(report)
        return report

    def _merge_if_changed(self, report: Report, changed: set[str]) -> Report:
        assert self.path is not None and self._base is not None
        try:
            current = self.path.read_bytes()
        except FileNotFoundError:
            return report  # removed meanwhile: write it again rather than lose the answers
        except OSError as error:
            raise file_error("Kan inte läsa", self.path, error) from None
        if _digest(current) == self._digest:
            return report
        try:
            on_disk = parse(current.decode("utf-8-sig"), self.questionnaire, file=str(self.path))
        except (IntervjufasError, UnicodeDecodeError) as error:
            side = self._save_aside(report)
            reason = error.message if isinstance(error, IntervjufasError) else "filen är inte UTF-8"
            raise ReportConflictError(
                f"Rapporten {self.path} ändrades utanför intervjufas och går inte längre att läsa ({reason}). "
                f"Filen lämnades orörd; dina svar sparades i {side}."
            ) from None
        base = self._base
        for key in changed:
            ours, theirs, before = _entry(report, key), _entry(on_disk, key), _entry(base, key)
            if theirs != before and theirs != ours:
                side = self._save_aside(report)
                raise ReportConflictError(
                    f"Rapporten {self.path} ändrades utanför intervjufas, och svaret på '{key}' ändrades "
                    f"på båda ställena. Filen lämnades orörd; dina svar sparades i {side}."
                )
            _set_entry(on_disk, report, key)
        self.merged_from_disk = True
        return on_disk

    def _save_aside(self, report: Report) -> Path:
        assert self.path is not None
        side = reserve_path(self.path.parent, f"{self.path.stem}-konflikt")
        atomic_write(side, render(report, self.questionnaire, file_name=side.name))
        return side


def _entry(report: Report, key: str) -> object:
    if key.startswith("uppfoljning:"):
        item = key.split(":", 1)[1]
        return next((f for f in report.follow_ups if f.key == item), None)
    return report.answers.get(key)


def _set_entry(target: Report, source: Report, key: str) -> None:
    if key.startswith("uppfoljning:"):
        item = key.split(":", 1)[1]
        wanted = next((f for f in source.follow_ups if f.key == item), None)
        others = [f for f in target.follow_ups if f.key != item]
        if wanted is not None:
            position = next((i for i, f in enumerate(source.follow_ups) if f.key == item), len(others))
            others.insert(min(position, len(others)), wanted)
        target.follow_ups = others
    elif key in source.answers:
        target.answers[key] = source.answers[key]


def _copy(report: Report) -> Report:
    return Report(
        report.report_id,
        report.question_set,
        dict(report.answers),
        report.created,
        report.updated,
        list(report.follow_ups),
        dict(report.extra_answers),
        dict(report.extra_metadata),
        dict(report.extra_header),
    )
