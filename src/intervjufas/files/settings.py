"""Every place and name the program takes from the user's environment, in one module: the reports
folder, one's own question sets, the program's cache, config and data folders, the login name and
the author's name.

Each is the environment variable that names it when it is set (``INTERVJUFAS_KATALOG``,
``_FRAGOR``, ``_DATA``, ``_FORFATTARE``), else – for the reports folder and the author – the
settings file (``user_settings``), else the platform's folder (platformdirs, imported only when
asked) or what the user said once.  The author's name: ``$INTERVJUFAS_FORFATTARE``; otherwise the
settings file's ``forfattare``; otherwise the name remembered in the user's config folder
(``intervjufas/forfattare.txt``, read only when it and its folder are the user's own and private,
see ``private_folders``); otherwise the login name.
A session that may ask says when to ask for it (``session.author``).

The cache folder is checked as it is handed out: when another account could have written to it,
the caches of this run go to a private temporary folder instead (``cache_dir``), so nothing that
was planted there is read.

Note: the folder of one's own question sets is platformdirs' config folder with its default
``appauthor`` (as it always was), while the author's file uses ``appauthor=False``; the two differ
on Windows only.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from intervjufas.errors import IntervjufasError, ReportsFolderMissing
from intervjufas.files.private_folders import checked_folder, folder_problem, make_private_dir, unsafe_folder
from intervjufas.files.user_settings import (
    AUTHOR_ENV,
    NAME_FILE_LIMIT,
    REPORTS_ENV,
    config_home,
    login_name,
    remembered_author,
    remembered_file,
)
from intervjufas.files.user_settings import value as setting_value

__all__ = [
    "AUTHOR_ENV",
    "DATA_ENV",
    "NAME_FILE_LIMIT",
    "REPORTS_ENV",
    "SETS_ENV",
    "config_home",
    "login_name",
    "remembered_file",
]

SETS_ENV = "INTERVJUFAS_FRAGOR"
DATA_ENV = "INTERVJUFAS_DATA"

_FALLBACK: list[Path] = []  # the private temporary cache folder of this run, once made


# -- folders ---------------------------------------------------------------------------------------
def reports_dir(option: Path | None = None) -> Path:
    """The reports folder: the option, else $INTERVJUFAS_KATALOG, else the settings file, else
    <Dokument>/intervjufas (``user_settings``)."""
    if option is not None:
        return option.expanduser()
    return Path(setting_value("katalog")).expanduser()


def existing_folder(folder: Path) -> Path:
    """The reports folder a command reads, when it exists; else ReportsFolderMissing (an empty
    answer would hide a mistyped folder)."""
    if folder.is_dir():
        return folder
    raise ReportsFolderMissing(folder, not_a_folder=folder.exists())


def question_sets_dir() -> Path:
    """The folder of one's own question sets: $INTERVJUFAS_FRAGOR, else <config>/intervjufas/fragor."""
    env = os.environ.get(SETS_ENV, "").strip()
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("intervjufas")) / "fragor"


def question_sets_stamp() -> str:
    """A short digest of the user's own question files as they are now (name, size, times), for
    the versions of caches whose contents depend on the question sets: a changed file is another
    version, so what was kept is computed again."""
    import hashlib

    digest = hashlib.sha256()
    with contextlib.suppress(OSError):
        for entry in sorted(os.scandir(question_sets_dir()), key=lambda e: e.name):
            status = entry.stat()
            digest.update(
                f"{entry.name}\0{status.st_size}\0{status.st_mtime_ns}\0{status.st_ctime_ns}\n".encode(
                    "utf-8", "replace"
                )
            )
    return digest.hexdigest()[:16]


def question_sets_named() -> bool:
    """Whether the user named the folder of their question sets ($INTERVJUFAS_FRAGOR): then its
    sets are read whoever owns it, as any file the user names."""
    return bool(os.environ.get(SETS_ENV, "").strip())


def cache_home() -> Path:
    """The program's folder in the user's cache folder (``~/.cache/intervjufas`` on Linux)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("intervjufas", appauthor=False))


def data_home() -> Path:
    """The user's data folder for intervjufas: $INTERVJUFAS_DATA, else the platform's data folder."""
    env = os.environ.get(DATA_ENV, "").strip()
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("intervjufas", appauthor=False))


def cache_dir() -> Path:
    """The cache folder to use: the user's own (made private), or – when another account could have
    written it (with a warning), or it cannot be made – a private temporary folder for this run
    (removed at exit), so the cache is rebuilt safely."""
    home = cache_home()
    with contextlib.suppress(IntervjufasError):
        make_private_dir(home)
    problem = folder_problem(home)
    if not problem and home.is_dir():
        return home
    if not _FALLBACK:
        _FALLBACK.append(_temporary_folder())
    if problem:
        unsafe_folder(home, problem, " (cachen byggs i en tillfällig mapp)")
    return _FALLBACK[0]


def _temporary_folder() -> Path:
    import atexit
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="intervjufas-cache-"))  # (0700, the user's own)
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


# -- names -----------------------------------------------------------------------------------------
def named_author() -> str:
    """The name given by ``$INTERVJUFAS_FORFATTARE``, else the settings file's, else the remembered
    one ('' when none)."""
    named = os.environ.get(AUTHOR_ENV, "").strip()
    if named:
        return named
    from intervjufas.files.user_settings import file_values

    return file_values().get("forfattare") or remembered_author()


def author_name() -> str:
    """The author for a new report."""
    return named_author() or login_name()


def must_ask() -> bool:
    """Whether the author has not been named yet (then an interactive session asks once)."""
    return not named_author()


def remember(name: str) -> bool:
    """Keep the name for later sessions (private to the user); False when it cannot be written."""
    from intervjufas.files.atomic import atomic_write

    path = remembered_file()
    if checked_folder(path.parent, create=True) is None:
        return False
    try:
        atomic_write(path, name.strip() + "\n")
    except (IntervjufasError, OSError):
        return False
    return True
