"""The answers to a report's feedback forms (``enkat --importera``), kept beside the report as
``<report>.enkatsvar.json``.

Why a file of its own: the report is the consultant's own text, hand-edited and parsed back exactly;
the answers are other people's, many and plain, and must go with the report (removed or anonymised
with it by ``rensa``, scanned by ``granska``) without crowding it. The file says which questions
were asked (their text, kind, phase and the moment of the map they were about) so that the answers
can be shown after the map has changed; it holds no name and no contact details – the importer keeps
only the form's items. It is written whole and atomically, under the report's lock, so an import
never meets a session or ``rensa`` half-way. Its path always comes from the report's; nothing in it
decides where anything is written. Folder commands do not take it for a report (it is no ``.md``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from intervjufas.errors import IntervjufasError, ReportInUseError
from intervjufas.files.atomic import atomic_write, remove_file
from intervjufas.files.bounded import REPORT_LIMIT, read_bounded
from intervjufas.files.locking import ReportLock, in_use_message, read_owner
from intervjufas.folder.beside_reports import ANSWERS_SUFFIX

SUFFIX = ANSWERS_SUFFIX
LIMIT = REPORT_LIMIT  # (what ``granska`` reads of a file)
FORMAT = 1
SCALE, TEXT = "skala", "text"
_ABOUT = (
    "Svar på enkäterna om rapporten bredvid (intervjufas enkat --importera). Inga namn eller "
    "kontaktuppgifter sparas; personuppgifter i fritext är borttagna."
)

Value = int | str


@dataclass(frozen=True)
class StoredItem:
    """A question as the form asked it."""

    id: str
    text: str
    kind: str  # SCALE or TEXT
    section: str  # the id of the form's step it was in
    phase: str | None = None
    moment_id: str = ""
    low: int = 1
    high: int = 5


@dataclass(frozen=True)
class StoredResponse:
    """One respondent's answers by item id; ``key`` recognises the same response imported twice."""

    answers: tuple[tuple[str, Value], ...]
    key: str = ""


@dataclass(frozen=True)
class StoredForm:
    """The answers to one form (``kandidat`` or ``kund``) of a report."""

    audience: str
    form_id: str
    version: int
    items: tuple[StoredItem, ...]
    responses: tuple[StoredResponse, ...]


@dataclass(frozen=True)
class Added:
    """What an import added: new responses, and those already kept (the same survey response)."""

    path: Path
    added: int
    already: int
    total: int


def is_answers_file(name: str) -> bool:
    return name.casefold().endswith(SUFFIX)


def answers_path(report: Path) -> Path:
    """Where the answers of ``report`` are kept: beside it, ``<stem>.enkatsvar.json``."""
    return report.with_name(f"{report.stem}{SUFFIX}")


def answer_files(folder: Path) -> list[Path]:
    """The answers files in a folder, sorted by name (none when it cannot be read)."""
    try:
        with os.scandir(folder) as entries:
            names = [e.name for e in entries if is_answers_file(e.name) and not e.name.startswith(".")]
    except OSError:
        return []
    return [folder / name for name in sorted(names)]


def read_answers(report: Path) -> dict[str, StoredForm]:
    """The kept answers of ``report`` by audience; empty when there are none. A file that cannot be
    read or is not as this program writes it is an IntervjufasError naming it."""
    path = answers_path(report)
    if not path.exists() and not path.is_symlink():
        return {}
    data = read_bounded(path, LIMIT, "Kan inte läsa enkätsvaren")
    try:
        raw = json.loads(data.decode("utf-8"))
        return {form.audience: form for form in map(_form, _list(raw, "enkater"))}
    except (UnicodeDecodeError, ValueError, TypeError, KeyError, AttributeError):
        raise IntervjufasError(
            f"{path} är ingen fil med enkätsvar som programmet kan läsa; flytta den åt sidan och "
            "importera svaren igen."
        ) from None


def write_answers(report: Path, forms: Mapping[str, StoredForm]) -> Path:
    """Write the answers of ``report`` whole (the caller holds the report's lock)."""
    path = answers_path(report)
    data = {"format": FORMAT, "om": _ABOUT, "enkater": [_plain(form) for form in forms.values()]}
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if len(text.encode("utf-8")) > LIMIT:
        raise IntervjufasError(
            f"Svaren skulle inte få plats i {path.name} (högst {LIMIT // 2**20} MB); inget sparades."
        )
    atomic_write(path, text)
    return path


def add_answers(report: Path, form: StoredForm) -> Added:
    """Add ``form``'s responses to those kept for ``report``, under the report's lock (a report in a
    session is ReportInUseError): a response already kept (same key) is not added twice, and the
    questions are those of the new import with any older ones it no longer asks."""
    lock = ReportLock(report)
    if not lock.try_acquire():  # (a lock that cannot be taken at all is LockUnavailable)
        raise ReportInUseError(in_use_message(report, read_owner(lock.path)))
    try:
        forms = read_answers(report)
        old = forms.get(form.audience)
        merged, added = _merged(old, form)
        forms[form.audience] = merged
        path = write_answers(report, forms)
    finally:
        lock.release()
    return Added(path, added, len(form.responses) - added, len(merged.responses))


def _merged(old: StoredForm | None, new: StoredForm) -> tuple[StoredForm, int]:
    if old is None:
        return new, len(new.responses)
    keys = {response.key for response in old.responses if response.key}
    fresh = [r for r in new.responses if not r.key or r.key not in keys]
    asked = {item.id for item in new.items}
    items = (*new.items, *(item for item in old.items if item.id not in asked))
    return replace(new, items=items, responses=(*old.responses, *fresh)), len(fresh)


def remove_answers(report: Path) -> None:
    """Remove the answers kept beside ``report``, if any (SaveError if that fails)."""
    path = answers_path(report)
    if path.exists() or path.is_symlink():
        remove_file(path)


def anonymise_answers(report: Path, renamed: Path | None = None) -> None:
    """Keep only the ratings of the answers beside ``report`` (free texts are the respondents' own
    words), beside ``renamed`` when the report got a new name. The caller holds the report's lock.
    An answers file that cannot be read is removed: nothing of it may stay unanonymised."""
    path = answers_path(report)
    if not path.exists() and not path.is_symlink():
        return
    try:
        forms = read_answers(report)
    except IntervjufasError:
        remove_file(path)
        return
    ratings = {audience: _ratings_only(form) for audience, form in forms.items()}
    target = renamed or report
    write_answers(target, ratings)
    if answers_path(target) != path:
        remove_file(path)


def answers_to_anonymise(report: Path) -> bool:
    """Whether the answers beside ``report`` hold what anonymising takes away: a free text, or a
    survey tool's response key (True when they cannot be read: anonymising removes such a file)."""
    if not answers_path(report).exists():
        return False
    try:
        forms = read_answers(report)
    except IntervjufasError:
        return True
    return any(form != _ratings_only(form) for form in forms.values())


def _ratings_only(form: StoredForm) -> StoredForm:
    kept = {item.id for item in form.items if item.kind == SCALE}
    responses = tuple(
        StoredResponse(tuple((i, v) for i, v in r.answers if i in kept), "")  # (no key: it came from the tool)
        for r in form.responses
    )
    items = tuple(item for item in form.items if item.id in kept)
    return replace(form, items=items, responses=tuple(r for r in responses if r.answers))


# -- as JSON --------------------------------------------------------------------------------------


def _plain(form: StoredForm) -> dict[str, Any]:
    return {
        "for": form.audience,
        "enkat": form.form_id,
        "version": form.version,
        "fragor": [
            {
                "id": i.id,
                "text": i.text,
                "typ": i.kind,
                "avsnitt": i.section,
                "fas": i.phase,
                "moment": i.moment_id,
                "min": i.low,
                "max": i.high,
            }
            for i in form.items
        ],
        "svar": [{"nyckel": r.key, "svar": dict(r.answers)} for r in form.responses],
    }


def _list(raw: Any, key: str) -> list[Any]:
    value = raw[key]
    if not isinstance(value, list):
        raise TypeError(key)
    return value


def _text(raw: Any, key: str) -> str:
    value = raw.get(key) or ""
    if not isinstance(value, str):
        raise TypeError(key)
    return value


def _int(raw: Any, key: str, default: int) -> int:
    value = raw.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(key)
    return value


def _form(raw: Any) -> StoredForm:
    items = tuple(_item(item) for item in _list(raw, "fragor"))
    kinds = {item.id: item.kind for item in items}
    return StoredForm(
        _text(raw, "for"),
        _text(raw, "enkat"),
        _int(raw, "version", 1),
        items,
        tuple(_response(response, kinds) for response in _list(raw, "svar")),
    )


def _item(raw: Any) -> StoredItem:
    kind = _text(raw, "typ")
    if kind not in (SCALE, TEXT):
        raise ValueError(kind)
    phase = raw.get("fas")
    return StoredItem(
        _text(raw, "id"),
        _text(raw, "text"),
        kind,
        _text(raw, "avsnitt"),
        phase if isinstance(phase, str) and phase else None,
        _text(raw, "moment"),
        _int(raw, "min", 1),
        _int(raw, "max", 5),
    )


def _response(raw: Any, kinds: Mapping[str, str]) -> StoredResponse:
    answers = raw["svar"]
    if not isinstance(answers, dict):
        raise TypeError("svar")
    return StoredResponse(tuple(_answers(answers.items(), kinds)), _text(raw, "nyckel"))


def _answers(pairs: Iterable[tuple[Any, Any]], kinds: Mapping[str, str]) -> Sequence[tuple[str, Value]]:
    """Only answers to known questions, of their kind (a hand edit cannot slip in anything else)."""
    kept: list[tuple[str, Value]] = []
    for item_id, value in pairs:
        kind = kinds.get(item_id)
        if (kind == SCALE and isinstance(value, int) and not isinstance(value, bool)) or (kind == TEXT and isinstance(value, str) and value.strip()):
            kept.append((item_id, value))
    return kept
