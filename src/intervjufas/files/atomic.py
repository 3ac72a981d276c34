"""Writing files so that they cannot tear: a file on disk is always a whole old or a whole new version.

Every write goes to a temporary file in the same folder (hidden, named with this host and process,
so an abandoned one can be recognised), is flushed and fsynced, and then takes the file's place in
one step: ``os.replace`` for an existing file, a hard link for a new one (which fails rather than
overwrite a file someone else created meanwhile).  SIGINT, SIGTERM and SIGHUP are held back while
that happens and delivered right after, so a signal never leaves half a save behind.

New files and folders are private to their owner (0600/0700) – except new files in a team's folder,
which the team may read and write (see ``sharing``); a file written again keeps its mode and group.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import signal
import socket
import stat
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from intervjufas.errors import IntervjufasError, SaveError
from intervjufas.files.private_folders import make_private_dir
from intervjufas.files.sharing import keep_access, new_file_group, new_file_mode

FOLDER_MODE = 0o700
STALE_AFTER = 3600.0  # seconds; a save takes milliseconds, so an older temporary file is abandoned
_HELD_BACK = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))
_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.(?P<host>[A-Za-z0-9-]*)\.[0-9a-f]+\.tmp$")
_ANY_TEMP = re.compile(r"^\..+\.md\.[^/]*\.tmp$")


def _host() -> str:
    return re.sub(r"[^A-Za-z0-9-]+", "-", socket.gethostname())[:40] or "dator"


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold back SIGINT, SIGTERM and SIGHUP during the block; one that arrived is delivered after."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    if hasattr(signal, "pthread_sigmask"):
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD_BACK)
        try:
            yield
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)
        return
    arrived: list[int] = []  # Windows: record the signal and raise it again afterwards
    handlers = {sig: signal.signal(sig, lambda number, _frame: arrived.append(number)) for sig in _HELD_BACK}
    try:
        yield
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
        if arrived:
            signal.raise_signal(arrived[0])


def ensure_dir(folder: Path) -> None:
    """Create the folder if it is missing: it, and every folder above it that has to be made, private
    to its owner (see ``private.folders.make_private_dir``)."""
    make_private_dir(folder)


def remove_file(path: Path) -> None:
    """Remove a file for good (SIGINT and the like wait until it is done); raise SaveError if that
    fails."""
    with signals_held():
        try:
            os.unlink(path)
        except OSError as error:
            raise SaveError(path, error, action="Kan inte ta bort") from None
        _fsync_dir(path.parent)


def file_mode_in(folder: Path) -> int:
    """The mode of a new file in ``folder``: 0600 – a report is its author's – except in a team's
    folder, where it is 0660 (see ``sharing``)."""
    return new_file_mode(folder)


class _GroupLost(Exception):
    """The new version of a file cannot keep the group that may write the old one."""


def _temporary(
    folder: Path, name: str, data: bytes | Sequence[bytes], original: os.stat_result | None = None
) -> Path:
    """A fully written, fsynced hidden temporary file in ``folder`` (``data``, or its parts one after
    the other), with the mode and group of the ``original`` it is to replace, or those of a new file
    in the folder (see ``sharing``)."""
    tmp = folder / f".{name}.{os.getpid()}.{_host()}.{secrets.token_hex(4)}.tmp"
    mode = stat.S_IMODE(original.st_mode) if original is not None else new_file_mode(folder)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            _set_access(handle.fileno(), folder, mode, original)
            for part in (data,) if isinstance(data, bytes) else data:
                handle.write(part)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def _set_access(fd: int, folder: Path, mode: int, original: os.stat_result | None) -> None:
    if original is not None:
        if not keep_access(fd, original):
            raise _GroupLost
        return
    with contextlib.suppress(OSError, AttributeError):
        os.fchmod(fd, mode)  # the umask may have narrowed it
    new_file_group(fd, folder)


def _group_lost(path: Path, original: os.stat_result) -> SaveError:
    try:
        import grp

        group = grp.getgrgid(original.st_gid).gr_name
    except (ImportError, KeyError):
        group = str(original.st_gid)
    return SaveError(
        path,
        IntervjufasError(
            f"Kan inte spara {path}: gruppen {group} får skriva i rapporten men du är inte med i den, "
            "så en ny version av filen skulle stänga ute dem som arbetar med den. Be den som sköter "
            f"datorerna lägga till dig i gruppen {group}."
        ),
    )


def atomic_write(path: Path, text: str) -> None:
    """Replace (or create) ``path`` with ``text`` in one step; raise SaveError if that fails."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes | Sequence[bytes]) -> None:
    """Replace (or create) ``path`` with ``data`` (or its parts, one after the other) in one step;
    raise SaveError if that fails.  The new version keeps the mode and group of the old one (see
    ``sharing.keep_access``)."""
    with signals_held():
        try:
            original: os.stat_result | None = os.stat(path)
        except OSError:
            original = None
        try:
            tmp = _temporary(path.parent, path.name, data, original)
        except _GroupLost:
            assert original is not None
            raise _group_lost(path, original) from None
        except OSError as error:
            raise SaveError(path, error, folder=True) from None
        try:
            os.replace(tmp, path)
        except OSError as error:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise SaveError(path, error) from None
        _fsync_dir(path.parent)


def create_new(
    folder: Path,
    stem: str,
    text: str,
    *,
    claim: Callable[[Path], bool] = lambda _path: True,
    unclaim: Callable[[Path], None] = lambda _path: None,
) -> Path:
    """Write a new file ``stem.md`` (or ``stem-2.md``, …) whole, never over an existing file.

    ``claim`` is asked about each free name before it is taken (e.g. to lock it); a name it refuses
    is passed over, and ``unclaim`` is told when a claimed name turns out to be taken after all.
    Returns the path written."""
    ensure_dir(folder)
    data = text.encode("utf-8")
    with signals_held():
        try:
            tmp = _temporary(folder, f"{stem}.md", data)
        except OSError as error:
            raise SaveError(folder / f"{stem}.md", error, action="Kan inte skapa rapporten") from None
        try:
            return _link_free_name(folder, stem, tmp, data, claim, unclaim)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            _fsync_dir(folder)


def _link_free_name(
    folder: Path,
    stem: str,
    tmp: Path,
    data: bytes,
    claim: Callable[[Path], bool],
    unclaim: Callable[[Path], None],
) -> Path:
    number = 0
    while True:
        number += 1
        path = folder / (f"{stem}.md" if number == 1 else f"{stem}-{number}.md")
        if path.exists() or not claim(path):
            continue
        try:
            os.link(tmp, path)
            return path
        except FileExistsError:
            unclaim(path)
            continue
        except OSError as error:
            if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
                unclaim(path)
                raise SaveError(path, error) from None
        try:
            return _write_exclusive(path, data)  # a file system without hard links
        except FileExistsError:
            unclaim(path)


def rename_new(
    path: Path,
    stem: str,
    *,
    claim: Callable[[Path], bool] = lambda _path: True,
    unclaim: Callable[[Path], None] = lambda _path: None,
) -> Path:
    """Give a file a new name ``stem.md`` (or ``stem-2.md``, …) in its folder, never over another
    file; returns the new path (the old one if the file system cannot do it safely)."""
    folder = path.parent
    with signals_held():
        number = 0
        while True:
            number += 1
            target = folder / (f"{stem}.md" if number == 1 else f"{stem}-{number}.md")
            if target == path:
                return path
            if target.exists() or not claim(target):
                continue
            try:
                os.link(path, target)
            except FileExistsError:
                unclaim(target)
                continue
            except OSError:
                unclaim(target)
                return path  # no hard links here: keep the name rather than risk overwriting
            with contextlib.suppress(OSError):
                os.unlink(path)
            _fsync_dir(folder)
            return target


def _write_exclusive(path: Path, data: bytes) -> Path:
    try:
        mode = file_mode_in(path.parent)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    except FileExistsError:
        raise
    except OSError as error:
        raise SaveError(path, error) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            _set_access(handle.fileno(), path.parent, mode, None)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise SaveError(path, error) from None
    return path


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def remove_abandoned_temporaries(
    folder: Path, *, now: float | None = None, listed: Iterable[os.DirEntry[str]] | None = None
) -> int:
    """Remove temporary files of saves that can be proved abandoned: made on this host by a process
    that no longer runs, or older than an hour (a save takes milliseconds).  Returns how many.
    ``listed``: the folder's entries when the caller has just listed it (one listing, not two)."""
    removed = 0
    now = time.time() if now is None else now
    try:
        found = os.scandir(folder) if listed is None else listed
        entries = [e for e in found if e.name.startswith(".") and e.name.endswith(".tmp")]
    except OSError:
        return 0
    for entry in entries:
        if not _ANY_TEMP.match(entry.name) and not _TEMP.match(entry.name):
            continue
        if _abandoned(entry, now):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed += 1
    return removed


def _abandoned(entry: os.DirEntry[str], now: float) -> bool:
    try:
        if now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER:
            return True
    except OSError:
        return False
    match = _TEMP.match(entry.name)
    if match is None or match.group("host") != _host():
        return False
    return not process_runs(int(match.group("pid")))


def process_runs(pid: int) -> bool:
    """True when a process with this id runs on this machine (or it cannot be told)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True
