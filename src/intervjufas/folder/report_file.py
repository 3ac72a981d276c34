"""One report on disk during a session: locked, saved after every answer, never torn, and never
overwriting changes someone made to the file meanwhile.

The session holds the report's lock (see ``files.locking``) from the moment the file exists (its first
save, or ``--fortsatt``) until it ends; a lock that cannot be taken or checked stops the session
from writing (``LockUnavailable``, a ``SaveError``: the answers go to a recovery file).  Hand edits made in an editor meanwhile are merged: the
changes on disk are read and the session's new answers are laid on top; if both sides changed the
same answer, the file is left alone and the session's version goes to a side file marked as a
conflict copy (which the commands that read the whole folder pass over).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from intervjufas.errors import (
    IntervjufasError,
    LockUnavailable,
    ReportConflictError,
    ReportInUseError,
    SaveError,
    file_error,
)
from intervjufas.files.bounded import read_text
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.report.model import CONFLICT_KEY, Report, copy_report, report_stem, timestamp

if TYPE_CHECKING:  # (the lock – and the JSON it is signed with – once a report file is opened or made)
    from intervjufas.files.locking import ReportLock


def parse(text: str, questionnaire: Questionnaire, *, file: str) -> Report:
    """``report.parse.parse``, imported when first needed (YAML is not loaded before a session's
    first question)."""
    from intervjufas.report.parse import parse as parse_report

    return parse_report(text, questionnaire, file=file)


def render(report: Report, questionnaire: Questionnaire) -> str:
    """``report.render.render``, imported at the first save."""
    from intervjufas.report.render import render as render_report

    return render_report(report, questionnaire)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class ReportFile:
    """A report file for one session: ``save`` after every answer, ``close`` at the end."""

    def __init__(self, folder: Path, questionnaire: Questionnaire, path: Path | None = None) -> None:
        self.folder = folder
        self.questionnaire = questionnaire
        self.path = path
        self.stem: str | None = None  # the name a new report gets (default: its date and assignment)
        self.replaces: Path | None = None  # a recovery file to remove once the report is written
        self._created_here = False  # the file was created by this session (it may still be renamed)
        self._digest: str | None = None
        self._base: Report | None = None
        self._lock: ReportLock | None = None
        self.merged_from_disk = False

    @classmethod
    def open(cls, path: Path, questionnaire: Questionnaire) -> tuple[ReportFile, Report]:
        """Lock and read a report to continue it (ReportInUseError when another session has it)."""
        from intervjufas.files.locking import ReportLock

        handle = cls(path.parent, questionnaire, path)
        lock = ReportLock(path)
        lock.acquire()
        handle._lock = lock
        try:
            text = read_text(path)
            report = parse(text, questionnaire, file=str(path))
        except BaseException:
            handle.close()
            raise
        handle._digest = _digest(text.encode("utf-8"))
        handle._base = copy_report(report)
        _tidy_folder(path.parent)
        return handle, report

    def close(self) -> None:
        """Give up the report's lock (the session is over)."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def save(self, report: Report, changed: Iterable[str] = ()) -> Report:
        """Write the report (creating the file on first save); return the report as saved.
        Raises SaveError when the file cannot be written (the file on disk is then unchanged) –
        also when the folder cannot be made or the file can no longer be read (a folder in its
        place, say), so that the session's answers are kept in a recovery file."""
        from intervjufas.files.atomic import signals_held  # (writing: at the first save)

        try:
            with signals_held():  # (a stop waits until the file and this handle agree on it)
                return self._save(report, changed)
        except (SaveError, ReportConflictError, ReportInUseError):
            raise
        except IntervjufasError as error:
            raise SaveError(self.path or self.folder, error) from None

    def _save(self, report: Report, changed: Iterable[str]) -> Report:
        from intervjufas.files.atomic import atomic_write, create_new

        self.merged_from_disk = False
        if self.path is None:
            if not report.uppdrag:
                return report  # nothing can be named yet; the first answer is 'uppdrag'
            report.updated = timestamp()
            text = render(report, self.questionnaire)
            stem = self.stem or report_stem(report.date, report.uppdrag)
            self.path = create_new(self.folder, stem, text, claim=self._claim, unclaim=self._unclaim)
            self._created_here = self.stem is None and "datum" not in report.answers
            _tidy_folder(self.folder)
        else:
            if self._digest is not None:
                report = self._merge_if_changed(report, set(changed))
            report.updated = timestamp()
            text = render(report, self.questionnaire)
            atomic_write(self.path, text)
        self._digest = _digest(text.encode("utf-8"))
        self._base = copy_report(report)
        if self.replaces is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.replaces)
            self.replaces = None
        if self._created_here and "datum" in report.answers:
            self._name_by_date(report)
        return report

    def _name_by_date(self, report: Report) -> None:
        """A new report is named by its date and assignment; the date is asked after the
        assignment, so the file created at the first answer gets its final name then."""
        self._created_here = False
        assert self.path is not None
        wanted = report_stem(report.date, report.uppdrag)
        if self.path.stem == wanted or self.path.stem.startswith(f"{wanted}-"):
            return
        from intervjufas.files.atomic import rename_new

        old_lock = self._lock
        self._lock = None
        try:
            renamed = rename_new(self.path, wanted, claim=self._claim, unclaim=self._unclaim)
        except LockUnavailable:  # (the new name cannot be locked: the report keeps its first name)
            renamed = self.path
        if renamed == self.path:
            self.close()  # (a lock claimed for a name that was not taken)
            self._lock = old_lock
            return
        if old_lock is not None:
            old_lock.release()
        self.path = renamed

    def _claim(self, path: Path) -> bool:
        from intervjufas.files.locking import ReportLock

        lock = ReportLock(path)
        if not lock.try_acquire():
            return False
        self._lock = lock
        return True

    def _unclaim(self, path: Path) -> None:
        self.close()

    def _merge_if_changed(self, report: Report, changed: set[str]) -> Report:
        assert self.path is not None and self._base is not None
        try:
            current = self.path.read_bytes()
        except FileNotFoundError:
            return report  # removed by hand meanwhile: written again rather than lose the answers
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
        from intervjufas.folder.report_merge import lay_over

        conflicts = lay_over(on_disk, report, self._base, sorted(changed))
        if conflicts:
            side = self._save_aside(report)
            raise ReportConflictError(
                f"Rapporten {self.path} ändrades utanför intervjufas, och svaret på '{conflicts[0]}' ändrades "
                f"på båda ställena. Filen lämnades orörd; dina svar sparades i {side}."
            )
        self.merged_from_disk = True
        return on_disk

    def _save_aside(self, report: Report) -> Path:
        from intervjufas.files.atomic import create_new

        assert self.path is not None
        aside = copy_report(report)
        aside.extra_header[CONFLICT_KEY] = self.path.name
        return create_new(self.path.parent, f"{self.path.stem}-konflikt", render(aside, self.questionnaire))


def _tidy_folder(folder: Path) -> None:
    """Remove what killed sessions left behind: abandoned temporary files, dead locks, and the old
    name of a report whose renaming was cut short (two names for the very same file).

    The folder is listed once for all three (a folder of 20,000 reports took three listings and
    a tenth of a second at a session's first save)."""
    from intervjufas.files.atomic import remove_abandoned_temporaries
    from intervjufas.files.locking import ReportLock, remove_stale_locks

    hidden, reports = _listing(folder)
    remove_abandoned_temporaries(folder, listed=hidden)
    remove_stale_locks(folder, listed=[entry.name for entry in hidden])
    for names in _same_file_twice(reports):
        try:
            from intervjufas.report.front_matter import read_front_matter

            header = read_front_matter(names[0], check=True)
        except (ValueError, OSError, IntervjufasError):
            continue
        metadata = header.get("metadata") or {}
        wanted = report_stem(
            str(metadata.get("datum") or header.get("skapad") or "")[:10], str(metadata.get("uppdrag") or "")
        )
        keep = next((p for p in names if p.stem == wanted or p.stem.startswith(f"{wanted}-")), max(names))
        for path in names:
            lock = ReportLock(path)
            with contextlib.suppress(LockUnavailable):
                if path != keep and lock.try_acquire():
                    with contextlib.suppress(OSError):
                        os.unlink(path)
                    lock.release()


def _listing(folder: Path) -> tuple[list[os.DirEntry[str]], dict[int, list[os.DirEntry[str]]]]:
    """The folder listed once: its hidden entries (temporary files, locks), and its report files
    by the inode number the listing gives (``DirEntry.inode``, no call per file)."""
    hidden: list[os.DirEntry[str]] = []
    by_inode: dict[int, list[os.DirEntry[str]]] = {}
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                hidden.append(entry)
            elif name.endswith(".md"):
                by_inode.setdefault(entry.inode(), []).append(entry)
    return hidden, by_inode


def _same_file_twice(by_inode: dict[int, list[os.DirEntry[str]]]) -> list[list[Path]]:
    """Report files that are hard links to one file (left by a renaming that was killed), among the
    report files of a listing by inode number.

    Only names that share an inode number as the folder lists it are looked at more closely: a
    folder of 20,000 reports is not stat'ed file by file at a session's first save."""
    linked: dict[tuple[int, int], list[Path]] = {}
    for entry in (e for group in by_inode.values() if len(group) > 1 for e in group):
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if info.st_nlink > 1:
                linked.setdefault((info.st_dev, info.st_ino), []).append(Path(entry.path))
    return [sorted(names) for names in linked.values() if len(names) > 1]
