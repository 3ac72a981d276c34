"""Removing or anonymising old reports for good (``rensa``), one report at a time, each under its
session lock.

Why: a report in use by a session must not disappear or change under it, so each report is
locked first (a report that another session holds is passed over with a warning). Under the lock
the report's date is read again, so a report whose date was changed after the list was shown is
left alone. Removing and rewriting go through ``files.atomic``: a report is either whole as it was,
anonymised, or gone – never half-written. An anonymised report whose file name holds personal data
is then given a new name (``files.atomic.rename_new``: a hard link, then the old name removed), locked
before it is taken and never over another file.

``carry_out`` is the whole of it: the reports, then the recovery files, then the folder's caches
forget every file that was touched (the header index, the history's facts, the privacy scan's
memory), so that nothing of a removed or anonymised report – its values, its old name – stays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from intervjufas.errors import IntervjufasError, LockUnavailable, describe_os_error
from intervjufas.files.atomic import atomic_write, create_new, remove_file, rename_new
from intervjufas.files.bounded import read_text
from intervjufas.files.locking import ReportLock
from intervjufas.folder.customer_text import remove_kept
from intervjufas.folder.survey_answers import (
    anonymise_answers,
    answers_path,
    answers_to_anonymise,
    remove_answers,
)
from intervjufas.model.personal_data import find_personal_data
from intervjufas.questionsets.catalog import find_set
from intervjufas.report.age_limit import report_date
from intervjufas.report.anonymise import anonymised, anonymised_on, anonymised_stem
from intervjufas.report.model import timestamp
from intervjufas.report.parse import parse, read_header, set_ref
from intervjufas.report.render import render


@dataclass
class CleanupOutcome:
    done: list[Path] = field(default_factory=list)  # as they were named before
    warnings: list[str] = field(default_factory=list)  # "<file name>: <why it was left alone>"
    renamed: dict[Path, Path] = field(default_factory=dict)  # anonymised: old name -> new name


@dataclass
class CleanupResult:
    reports: CleanupOutcome  # removed or anonymised
    recovery_files: CleanupOutcome  # removed

    @property
    def warnings(self) -> list[str]:
        return self.reports.warnings + self.recovery_files.warnings


def carry_out(
    reports: Sequence[Path],
    recovery_files: Sequence[Path],
    cutoff: dt.date,
    *,
    anonymise: bool,
    today: dt.date | None = None,
) -> CleanupResult:
    """Remove (or anonymise) the reports still older than ``cutoff``, remove the recovery files,
    and make the caches forget them all."""
    if anonymise:
        outcome = anonymise_reports(reports, cutoff, today=today)
    else:
        outcome = remove_reports(reports, cutoff)
    recovered = remove_recovery_files(recovery_files)
    forget([*reports, *outcome.renamed.values(), *recovery_files, *map(answers_path, reports)])
    return CleanupResult(outcome, recovered)


def forget(paths: Sequence[Path]) -> None:
    """Nothing of these files – their values, their old names – stays in the caches (the header
    index, the history's facts, the privacy scan's memory) or in this process's memory of the last
    scan."""
    from intervjufas.folder.file_cache import forget_files
    from intervjufas.folder.scan import forget_scan

    for parent in {path.parent for path in paths}:
        forget_files(parent, [path.name for path in paths if path.parent == parent])
    forget_scan()


def remove_reports(paths: Sequence[Path], cutoff: dt.date) -> CleanupOutcome:
    """Remove each report that is still older than ``cutoff``, and the customer text and the
    survey answers kept beside it."""

    def remove(path: Path, _text: str, _header: dict[str, Any]) -> None:
        remove_file(path)
        remove_kept(path)
        remove_answers(path)

    return _each(paths, remove, cutoff)


def remove_recovery_files(paths: Sequence[Path]) -> CleanupOutcome:
    """Remove recovery files for good (no session holds them: one that is continued goes back to
    the reports folder and its recovery file is removed then)."""
    outcome = CleanupOutcome()
    for path in paths:
        try:
            remove_file(path)
        except IntervjufasError as error:
            outcome.warnings.append(f"{path.name}: {error.message}")
        else:
            outcome.done.append(path)
    return outcome


def anonymise_reports(
    paths: Sequence[Path], cutoff: dt.date, *, today: dt.date | None = None
) -> CleanupOutcome:
    """Rewrite each report that is still older than ``cutoff`` without its free text, under a
    name without personal data, remove the customer text kept beside it and the free texts of its
    survey answers. A report anonymised before is anonymised again under today's rules (with the date it records); one that this
    leaves as it is, is left alone."""
    outcome = CleanupOutcome()

    def anonymise(path: Path, text: str, header: dict[str, Any]) -> None:
        result, stem = anonymised_version(path, text, header, today=today)
        if result is None and stem == path.stem and not answers_to_anonymise(path):
            raise IntervjufasError("är redan anonymiserad")
        if result is not None:
            atomic_write(path, result)
        remove_kept(path)  # (the consultant's own text, written for the customer)
        if stem != path.stem:
            outcome.renamed[path] = _renamed(path, stem, result or text)
        anonymise_answers(path, outcome.renamed.get(path))  # (ratings stay, the free texts go)

    return _each(paths, anonymise, cutoff, outcome)


def still_to_anonymise(path: Path, *, today: dt.date | None = None) -> bool:
    """Whether anonymising the report would change it – its text or its name (a report
    anonymised before today's rules may still hold a map's notes or a name with personal data).
    False when it cannot be read or its question set is not here (anonymising then says why)."""
    try:
        text = read_text(path)
        header, _, _, _ = read_header(text, path.name)
        result, stem = anonymised_version(path, text, header, today=today)
    except (IntervjufasError, OSError):
        return False
    return result is not None or stem != path.stem or answers_to_anonymise(path)


def anonymised_version(
    path: Path, text: str, header: dict[str, Any], *, today: dt.date | None = None
) -> tuple[str | None, str]:
    """The text of the report anonymised (None when an anonymised report would stay as it is) and
    its file name without personal data (without ".md")."""
    questionnaire = find_set(set_ref(header))
    if questionnaire is None:
        raise IntervjufasError(
            f"frågeuppsättningen '{header['fragor']['id']}' finns inte här, så svaren går inte att "
            "skilja från varandra"
        )
    report = parse(text, questionnaire, file=path.name, strict=False)
    stem = anonymised_stem(path.stem, find_personal_data(text, today=today), today=today)
    before = anonymised_on(header)
    if before is None:
        return render(anonymised(report, questionnaire, today=today), questionnaire), stem
    again = anonymised(report, questionnaire, today=before)
    again.updated = report.updated
    if render(again, questionnaire) == render(report, questionnaire):
        return None, stem
    again.updated = timestamp()
    return render(again, questionnaire), stem


def _renamed(path: Path, stem: str, text: str) -> Path:
    """Give the anonymised report its new name (``stem``, or ``stem-2`` … when taken), claiming
    each name with a lock first; where the file system has no hard links, the report is written
    anew under the new name and the old file removed."""
    locks: list[ReportLock] = []

    def claim(target: Path) -> bool:
        lock = ReportLock(target)
        if not lock.try_acquire():
            return False
        locks.append(lock)
        return True

    def unclaim(target: Path) -> None:
        while locks:
            locks.pop().release()

    try:
        target = rename_new(path, stem, claim=claim, unclaim=unclaim)
        if target == path:  # (no hard links here)
            unclaim(path)
            target = create_new(path.parent, stem, text, claim=claim, unclaim=unclaim)
            remove_file(path)
    except IntervjufasError as error:
        raise IntervjufasError(
            f"anonymiserades, men namnet, som innehåller personuppgifter, kunde inte bytas ({error.message})"
        ) from None
    finally:
        unclaim(path)
    return target


def _each(
    paths: Sequence[Path],
    action: Callable[[Path, str, dict[str, Any]], None],
    cutoff: dt.date,
    outcome: CleanupOutcome | None = None,
) -> CleanupOutcome:
    outcome = outcome if outcome is not None else CleanupOutcome()
    for path in paths:
        problem = _under_lock(path, action, cutoff)
        if problem is None:
            outcome.done.append(path)
        else:
            outcome.warnings.append(f"{path.name}: {problem}")
    return outcome


def _under_lock(path: Path, action: Callable[[Path, str, dict[str, Any]], None], cutoff: dt.date) -> str | None:
    """Do ``action`` with the report locked; say why not when it cannot be done."""
    lock = ReportLock(path)
    try:
        if not lock.try_acquire():
            return "används av en pågående session och lämnades orörd; försök igen när den är klar"
    except LockUnavailable as error:
        return f"kan inte låsas ({error.reason}) och lämnades orörd"
    try:
        text = read_text(path)
        header, _, _, _ = read_header(text, path.name)
        date = report_date(header)
        if date is None or date >= cutoff:
            return "datumet har ändrats sedan listan visades; rapporten lämnades orörd"
        action(path, text, header)
    except IntervjufasError as error:
        return error.message.rstrip(".")
    except OSError as error:
        return f"kan inte läsas ({describe_os_error(error)})"
    finally:
        lock.release()
    return None
