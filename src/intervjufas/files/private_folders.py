"""The program's own folders – cache, data (recovery files), config – and who may have touched them.

Why: what the program reads back from these folders (a cache, a recovery file, the author's name,
one's own question sets) is trusted as the program's own.  If another account could write there –
a folder made with a loose umask, or handed over by an administrator – it could plant data that
steers the program, or make it read something huge.  So, as OpenSSH does with its files
(``StrictModes``):

- every folder the program makes is 0700 whatever the umask, and so is every missing folder above
  it that it has to make (``make_private_dir``);
- before anything in such a folder is read, the folder – and then the file – must belong to the
  user (or to root) and must not be writable by the group or others (``folder_problem``,
  ``open_private``); a symbolic link or anything but an ordinary file is not read either;
- what fails is ignored with one warning (``take_warnings``; the command-line layer prints them as
  ``Varning:``), and a cache is rebuilt in a private temporary folder for this run instead
  (``settings.cache_dir``; where each folder is, is ``settings``' business).

Checks need POSIX ownership; on Windows the folder's access rules apply and nothing is checked.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import stat
from pathlib import Path

from intervjufas.errors import IntervjufasError, describe_os_error, file_error

FOLDER_MODE = 0o700
FILE_MODE = 0o600
LOOSE = stat.S_IWGRP | stat.S_IWOTH  # what no one but the owner may have on a private file or folder
CHECKED = hasattr(os, "geteuid")  # (POSIX: owners and modes mean something)

_WARNINGS: list[str] = []


# -- warnings --------------------------------------------------------------------------------------
def warn(text: str) -> None:
    """Keep a warning (in Swedish, without 'Varning:') for the command-line layer; each once."""
    if text not in _WARNINGS:
        _WARNINGS.append(text)


def take_warnings() -> list[str]:
    """The warnings kept since the last call (and forget them)."""
    taken = list(_WARNINGS)
    _WARNINGS.clear()
    return taken


# -- checks ----------------------------------------------------------------------------------------
def owner_problem(info: os.stat_result) -> str:
    """Why a file or folder with this status is not the user's own ('' when it is)."""
    if not CHECKED:
        return ""
    if info.st_uid not in (os.geteuid(), 0):
        return f"tillhör en annan användare ({_user_name(info.st_uid)})"
    if info.st_mode & LOOSE:
        return f"kan ändras av andra än du (läge {stat.S_IMODE(info.st_mode):04o})"
    return ""


def _user_name(uid: int) -> str:
    with contextlib.suppress(ImportError, KeyError):
        import pwd

        return pwd.getpwuid(uid).pw_name
    return f"uid {uid}"


def folder_problem(folder: Path) -> str:
    """Why files in this folder must not be trusted: another account owns it or may write to it
    ('' when it is the user's own and private – or missing, or no folder at all: then nothing is
    read from it anyway)."""
    try:
        info = os.stat(folder)
    except OSError:
        return ""
    if not stat.S_ISDIR(info.st_mode):
        return ""
    return owner_problem(info)


def unsafe_folder(folder: Path, problem: str, fix: str = "") -> None:
    """Warn once that a folder is not used, and how to put it right."""
    if "tillhör" in problem:
        advice = " Ta bort mappen, eller gör den till din egen och privat (chown och chmod 700)."
    else:
        advice = f" Gör den privat med: chmod 700 {shlex.quote(str(folder))}."
    warn(f"Mappen {folder} {problem}; det som ligger där används inte{fix}.{advice}")


def checked_folder(folder: Path, *, create: bool = False) -> Path | None:
    """The folder, when files in it may be trusted (made private first when ``create``); None when
    it is missing (and not made) or unsafe (with a warning)."""
    if create:
        with contextlib.suppress(IntervjufasError):  # (said below, or by the writer that fails)
            make_private_dir(folder)
    problem = folder_problem(folder)
    if problem:
        unsafe_folder(folder, problem)
        return None
    return folder if folder.is_dir() else None


def make_private_dir(folder: Path) -> None:
    """Create the folder if it is missing: it, and every folder above it that has to be made, 0700
    whatever the umask (``mkdir -p`` would give the folders above the umask's mode)."""
    missing = []
    for level in (folder, *folder.parents):
        if level.exists() or level.is_symlink():
            break
        missing.append(level)
    try:
        for level in reversed(missing):
            with contextlib.suppress(FileExistsError):  # (made by someone else meanwhile)
                level.mkdir(mode=FOLDER_MODE)
                with contextlib.suppress(OSError):
                    os.chmod(level, FOLDER_MODE)  # the umask may have narrowed it
    except OSError as error:
        raise file_error("Kan inte skapa mappen", folder, error) from None
    if not folder.is_dir():
        raise IntervjufasError(f"{folder} är inte en mapp.")


# -- files -----------------------------------------------------------------------------------------
def open_private(path: Path) -> int | None:
    """A descriptor for reading the user's own private file ``path`` – an ordinary file, not a link,
    that only the user (or root) can change; None when it is missing, and None with a warning when
    it is there but cannot be trusted."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return None
    except OSError as error:
        link = os.path.islink(path)
        reason = "är en symbolisk länk" if link else f"kan inte läsas ({describe_os_error(error)})"
        warn(f"Filen {path} {reason}; den används inte.")
        return None
    try:
        info = os.fstat(fd)
        problem = "är ingen vanlig fil" if not stat.S_ISREG(info.st_mode) else owner_problem(info)
        if not problem and hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except OSError as error:
        problem = f"kan inte läsas ({describe_os_error(error)})"
    if problem:
        os.close(fd)
        fix = f" Gör den privat med: chmod 600 {shlex.quote(str(path))}." if "ändras" in problem else ""
        warn(f"Filen {path} {problem}; den används inte.{fix}")
        return None
    return fd


def read_private(path: Path, limit: int) -> bytes | None:
    """The bytes of the user's own private file (see ``open_private``), or None when it is missing,
    cannot be trusted, or is larger than ``limit`` (checked before anything is read)."""
    fd = open_private(path)
    if fd is None:
        return None
    try:
        with os.fdopen(fd, "rb") as handle:
            if os.fstat(handle.fileno()).st_size > limit:
                return None
            data = handle.read(limit + 1)
    except OSError:
        return None
    return data if len(data) <= limit else None


def private_file_problem(path: Path) -> str:
    """Why the file (not followed if it is a link) is not the user's own private file ('' if it is)."""
    try:
        info = os.lstat(path)
    except OSError as error:
        return f"kan inte läsas ({describe_os_error(error)})"
    if stat.S_ISLNK(info.st_mode):
        return "är en symbolisk länk"
    if not stat.S_ISREG(info.st_mode):
        return "är ingen vanlig fil"
    return owner_problem(info)


def write_private(path: Path, data: bytes) -> None:
    """Replace (or create) the private file ``path`` in one step (a temporary file beside it, then a
    rename), mode 0600 whatever the umask.  Raises OSError when it cannot be done."""
    import secrets

    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            with contextlib.suppress(OSError, AttributeError):
                os.fchmod(handle.fileno(), FILE_MODE)  # the umask may have narrowed it
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
