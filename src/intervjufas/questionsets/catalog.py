"""Where question sets come from: the built-in ones (inside the package), a user folder, or a file."""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from intervjufas.errors import IntervjufasError, QuestionSetError
from intervjufas.files.bounded import QUESTION_FILE_LIMIT, read_bounded
from intervjufas.files.private_folders import checked_folder
from intervjufas.files.settings import question_sets_dir, question_sets_named
from intervjufas.model.questionnaire import Questionnaire, SetRef

if TYPE_CHECKING:  # (the loader, and YAML with it, is imported only when a file is parsed)
    from intervjufas.errors import Diagnostic

BUILTIN_IDS = ("kartlaggning", "snabbformat")


def builtin_text(set_id: str) -> bytes:
    import importlib

    questions = importlib.import_module("intervjufas.questions")  # (a plain folder when installed: read
    # it directly; it is mapped from the project's questions/ by the packaging, outside src/)

    try:
        return Path(questions.__file__ or "").with_name(f"{set_id}.yaml").read_bytes()
    except OSError:
        from importlib import resources

        return resources.files("intervjufas.questions").joinpath(f"{set_id}.yaml").read_bytes()


@cache
def builtin_set(set_id: str) -> Questionnaire:
    """A built-in set; parsed once, then read from the user's cache folder (see ``set_cache``)."""
    from intervjufas.questionsets.set_cache import cached_set

    data = builtin_text(set_id)

    def build() -> Questionnaire:
        from intervjufas.questionsets.loader import load_question_set

        return load_question_set(data, f"{set_id}.yaml (inbyggd)")

    return cached_set(set_id, data, build)


ARCHIVE = "tidigare"  # earlier versions of the built-in sets, so that their reports can be continued


@cache
def earlier_builtin_sets(set_id: str) -> tuple[Questionnaire, ...]:
    """The earlier versions of a built-in set that are kept (newest first)."""
    from importlib import resources

    from intervjufas.questionsets.loader import load_question_set

    folder = resources.files("intervjufas.questions").joinpath(ARCHIVE)
    found = []
    for entry in folder.iterdir() if folder.is_dir() else ():
        if entry.name.startswith(f"{set_id}-") and entry.name.endswith(".yaml"):
            found.append(load_question_set(entry.read_bytes(), f"{ARCHIVE}/{entry.name} (inbyggd)"))
    return tuple(sorted(found, key=lambda q: q.version, reverse=True))


def builtin_version(ref: SetRef) -> Questionnaire | None:
    """The built-in set exactly as a report was made with it (the current or an earlier version)."""
    if ref.id not in BUILTIN_IDS:
        return None
    current = builtin_set(ref.id)
    if current.content_hash == ref.hash:
        return current
    return next((q for q in earlier_builtin_sets(ref.id) if q.content_hash == ref.hash), None)


def set_error(error: QuestionSetError, program: str = "intervjufas") -> IntervjufasError:
    """One line for the user: the first error, and how many more there are."""
    first = error.diagnostics[0].format()
    more = len(error.diagnostics) - 1
    file = error.diagnostics[0].file
    suffix = f" (och {more} fel till – '{program} validera {shlex.quote(file)}' visar alla)" if more else ""
    return IntervjufasError(f"{first}{suffix}")


def load_set_file(path: Path, program: str = "intervjufas") -> Questionnaire:
    from intervjufas.questionsets.loader import load_question_set

    data = read_bounded(path, QUESTION_FILE_LIMIT, "Kan inte läsa frågefilen")
    try:
        return load_question_set(data, str(path))
    except QuestionSetError as error:
        raise set_error(error, program) from None


@dataclass(frozen=True)
class SetEntry:
    """A question set found by ``fragor``: the set, or the problems that stop it from loading."""

    origin: str  # "inbyggd" or the file path
    questionnaire: Questionnaire | None
    problems: tuple[Diagnostic, ...] = ()


def user_sets() -> list[SetEntry]:
    from intervjufas.questionsets.loader import read_question_set

    folder = question_sets_dir()
    if not question_sets_named() and checked_folder(folder) is None:
        return []  # (the config folder's own sets are read only when it is the user's own and private)
    entries = []
    for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
        try:
            data = read_bounded(path, QUESTION_FILE_LIMIT)
        except IntervjufasError:
            continue  # ('validera' says what is wrong with it)
        questionnaire, problems = read_question_set(data, str(path))
        entries.append(SetEntry(str(path), questionnaire, tuple(p for p in problems if p.is_error)))
    return entries


def all_sets() -> list[SetEntry]:
    builtin = [SetEntry("inbyggd", builtin_set(set_id)) for set_id in BUILTIN_IDS]
    return builtin + user_sets()


def find_set(ref: SetRef, extra: Questionnaire | None = None) -> Questionnaire | None:
    """The set a report was made with: an exact match (id and hash) if there is one, else the
    same id in another version (good enough for reading and comparing), else None."""
    candidates: list[Questionnaire] = []
    if extra is not None:
        candidates.append(extra)
    exact_builtin = builtin_version(ref)
    if exact_builtin is not None:
        candidates.append(exact_builtin)
    if ref.id in BUILTIN_IDS:
        candidates.append(builtin_set(ref.id))
    same_id = [q for q in candidates if q.id == ref.id]
    exact = [q for q in same_id if q.content_hash == ref.hash]
    if exact:
        return exact[0]
    for entry in user_sets():
        if entry.questionnaire is not None and entry.questionnaire.id == ref.id:
            if entry.questionnaire.content_hash == ref.hash:
                return entry.questionnaire
            same_id.append(entry.questionnaire)
    if not same_id:
        return None
    return max(same_id, key=lambda q: q.version)


def resolve_set(set_id: str, question_file: Path | None, program: str = "intervjufas") -> Questionnaire:
    """The set for a new session: a given file, else the built-in set."""
    if question_file is not None:
        return load_set_file(question_file.expanduser(), program)
    return builtin_set(set_id)


def find_set_by_id(set_id: str) -> Questionnaire:
    for entry in all_sets():
        if entry.questionnaire is not None and entry.questionnaire.id == set_id:
            return entry.questionnaire
    known = ", ".join(e.questionnaire.id for e in all_sets() if e.questionnaire)
    raise IntervjufasError(f"Frågeuppsättningen '{set_id}' finns inte (tillgängliga: {known}).")


def find_shown_set(name: str, program: str = "intervjufas") -> Questionnaire:
    """The set ``fragor --visa`` shows: a question file when ``name`` is an existing file, else a set id."""
    path = Path(name).expanduser()
    if path.is_file():
        return load_set_file(path, program)
    return find_set_by_id(name)


def set_source(name: str) -> str:
    """The YAML text of a set (``fragor --yaml``): a file as it is, a built-in set, or an own set by id."""
    path = Path(name).expanduser()
    if not path.is_file():
        if name in BUILTIN_IDS:
            return builtin_text(name).decode("utf-8")
        own = [e for e in user_sets() if e.questionnaire is not None and e.questionnaire.id == name]
        if not own:
            find_set_by_id(name)  # raises the error that names the available sets
        path = Path(own[0].origin)
    try:
        return read_bounded(path, QUESTION_FILE_LIMIT, "Kan inte läsa frågefilen").decode("utf-8")
    except UnicodeDecodeError:
        raise IntervjufasError(f"Frågefilen {path} är inte kodad som UTF-8.") from None
