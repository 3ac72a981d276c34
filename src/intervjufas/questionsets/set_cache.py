"""The built-in question sets, parsed once and then kept ready in the user's cache folder.

Reading a set means loading PyYAML, parsing the file and checking every question (~30 ms) – at
every start of ``kartlagg``, before the first question can be drawn.  The built set is stored as a
pickle in the user's cache folder (``~/.cache/intervjufas`` on Linux), named by a hash of the
set's YAML bytes, the program's version, the Python version and the modules that define and build
the set, so a changed set or program never reads an old file.  A file that is missing, stale or
damaged is simply parsed again and rewritten (atomically, readable only by the user).  The cache
holds nothing but the program's own built-in sets.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from collections.abc import Callable
from pathlib import Path

from intervjufas.model.questions import Questionnaire

_CODE_FOLDERS = ("model", "questionsets")  # the modules whose classes and rules make a set


def cached_set(set_id: str, data: bytes, build: Callable[[], Questionnaire]) -> Questionnaire:
    """The set built from ``data``: from the cache when it holds exactly this set, else built with
    ``build`` and stored for the next start."""
    path = cache_file(set_id, data)
    if path is not None:
        found = _read(path)
        if isinstance(found, Questionnaire) and found.id == set_id:
            return found
    questionnaire = build()
    if path is not None:
        _write(path, questionnaire)
    return questionnaire


def cache_folder() -> Path:
    """Where the sets are kept: the program's folder in the user's cache folder."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("intervjufas", appauthor=False))


def cache_file(set_id: str, data: bytes) -> Path | None:
    """The file for exactly this set and program (None when the program's files cannot be read)."""
    from intervjufas import __version__

    key = hashlib.sha256(data)
    key.update(f"\0{__version__}\0{sys.version}\0".encode())
    package = Path(__file__).resolve().parents[1]
    try:
        for name in _CODE_FOLDERS:
            for entry in sorted(os.scandir(package / name), key=lambda e: e.name):
                if entry.name.endswith(".py"):
                    info = entry.stat()
                    key.update(f"{name}/{entry.name} {info.st_mtime_ns} {info.st_size}\0".encode())
    except OSError:
        return None
    return cache_folder() / f"{set_id}-{key.hexdigest()[:24]}.pickle"


def _read(path: Path) -> object:
    import pickle

    try:
        return pickle.loads(path.read_bytes())
    except Exception:  # missing, stale or damaged: build the set again
        return None


def _write(path: Path, questionnaire: Questionnaire) -> None:
    """Store atomically (a temporary file in the same folder, then a rename), mode 0600, and remove
    the files of older versions of the set."""
    import pickle
    import tempfile

    with contextlib.suppress(OSError, pickle.PicklingError, RecursionError, TypeError, AttributeError):
        path.parent.mkdir(parents=True, exist_ok=True)
        data = pickle.dumps(questionnaire, protocol=pickle.HIGHEST_PROTOCOL)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        for old in path.parent.glob(f"{path.name.rsplit('-', 1)[0]}-*.pickle"):
            if old != path:
                with contextlib.suppress(OSError):
                    old.unlink()
