"""The built-in question sets, parsed once and then kept ready in the user's cache folder.

Reading a set means loading PyYAML, parsing the file and checking every question (~30 ms) – at
every start of ``kartlagg``, before the first question can be drawn.  The built set is therefore
kept in the user's cache folder (``~/.cache/intervjufas`` on Linux) as plain data – each model
object as its class's name and its fields, a question's type as its name in the type table, in
the program's sealed ``marshal`` format (see ``files.sealed``) – and built back into the model by
this module, which makes only the model classes it names below and takes types only from the
table: nothing in the file can run code or pick a class of its own.  The file is
named by a hash of the set's YAML bytes, the program's version, the Python version and the modules
that define and build the set, so a changed set or program never reads an old file.  A file that
is missing, stale, damaged, of the wrong shape or not the user's own (``files.private_folders``) is simply
parsed again and rewritten (atomically, readable only by the user).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import fields
from pathlib import Path

from intervjufas.files.private_folders import write_private
from intervjufas.files.sealed import Plain, plain, read_sealed, seal
from intervjufas.files.settings import cache_dir
from intervjufas.model.conditions import AllOf, AnyOf, Comparison, Not
from intervjufas.model.question_types.table import TYPES
from intervjufas.model.questionnaire import Questionnaire, Step
from intervjufas.model.questions import Group, Question, QuestionType

_CODE_FOLDERS = ("model", "questionsets", "files")  # the modules whose classes and rules make a set
_MODEL = (Questionnaire, Step, Question, Group, Comparison, AllOf, AnyOf, Not)
_CLASSES: dict[str, type] = {cls.__name__: cls for cls in _MODEL}
_FIELDS = {cls.__name__: tuple(f.name for f in fields(cls)) for cls in _MODEL}
MAX_BYTES = 8 * 1024 * 1024
MAX_QUESTIONS = 100_000
SUFFIX = ".set"


def cached_set(set_id: str, data: bytes, build: Callable[[], Questionnaire]) -> Questionnaire:
    """The set built from ``data``: from the cache when it holds exactly this set, else built with
    ``build`` and stored for the next start."""
    path = cache_file(set_id, data)
    if path is not None:
        found = _read(path)
        if found is not None and found.id == set_id:
            return found
    questionnaire = build()
    if path is not None:
        _write(path, questionnaire)
    return questionnaire


def cache_file(set_id: str, data: bytes) -> Path | None:
    """The file for exactly this set and program (None when the program's files cannot be read)."""
    from intervjufas import __version__

    key = hashlib.sha256(data)
    key.update(f"\0{__version__}\0{sys.version}\0".encode())
    package = Path(__file__).resolve().parents[1]
    try:
        for name in _CODE_FOLDERS:
            for file, info in _code_files(package / name, name):
                key.update(f"{file} {info.st_mtime_ns} {info.st_size}\0".encode())
    except OSError:
        return None
    return cache_dir() / f"{set_id}-{key.hexdigest()[:24]}{SUFFIX}"


def _code_files(folder: Path, name: str) -> Iterator[tuple[str, os.stat_result]]:
    """The modules of a code folder and of the folders in it, in a fixed order, with their status."""
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry.name.endswith(".py"):
            yield f"{name}/{entry.name}", entry.stat()
        elif entry.is_dir() and not entry.name.startswith(("_", ".")):
            yield from _code_files(Path(entry.path), f"{name}/{entry.name}")


def _count(questionnaire: Questionnaire) -> int:
    return sum(1 for _question in questionnaire.all_questions())


def _read(path: Path) -> Questionnaire | None:
    found = read_sealed(path, max_bytes=MAX_BYTES, max_items=MAX_QUESTIONS)
    if found is None:
        return None
    try:
        questionnaire = decode(found[0])
    except (TypeError, ValueError, KeyError, RecursionError):
        return None  # (of another shape: built again)
    if type(questionnaire) is not Questionnaire or _count(questionnaire) != found[1]:
        return None
    return questionnaire


def _write(path: Path, questionnaire: Questionnaire) -> None:
    """Store atomically, mode 0600, and remove the files of older versions of the set (and the
    pickles that earlier versions of the program kept)."""
    with contextlib.suppress(OSError, TypeError, ValueError, RecursionError):
        write_private(path, seal(encode(questionnaire), _count(questionnaire)))
        stem = path.name.rsplit("-", 1)[0]
        for old in [*path.parent.glob(f"{stem}-*{SUFFIX}"), *path.parent.glob(f"{stem}-*.pickle")]:
            if old != path:
                with contextlib.suppress(OSError):
                    old.unlink()


def encode(value: object) -> Plain:
    """A model object as plain data: ("d", class name, fields), ("k", a question type's name),
    ("t", items) or ("p", value)."""
    name = type(value).__name__
    if name in _CLASSES and type(value) is _CLASSES[name]:
        return ("d", name, tuple(encode(getattr(value, field)) for field in _FIELDS[name]))
    if isinstance(value, QuestionType) and TYPES.get(value.name) == value:
        return ("k", value.name)
    if type(value) is tuple:
        return ("t", tuple(encode(item) for item in value))
    if plain(value):
        return ("p", value)
    raise TypeError(f"not plain data: {type(value).__name__}")


def decode(node: object, depth: int = 0) -> object:
    """The model object that ``encode`` turned into ``node``; ValueError for anything else."""
    if type(node) is not tuple or len(node) not in (2, 3) or depth > 64:
        raise ValueError("not an encoded value")
    tag = node[0]
    if tag == "p" and len(node) == 2 and plain(node[1]):
        return node[1]
    if tag == "k" and len(node) == 2 and type(node[1]) is str:
        return TYPES[node[1]]
    if tag == "t" and len(node) == 2 and type(node[1]) is tuple:
        return tuple(decode(item, depth + 1) for item in node[1])
    if tag == "d" and len(node) == 3 and type(node[2]) is tuple and len(node[2]) == len(_FIELDS[node[1]]):
        return _CLASSES[node[1]](*(decode(item, depth + 1) for item in node[2]))
    raise ValueError("not an encoded value")
