"""One session per report: a lock next to the report file, held while a session may write to it.

Two people continuing the same report (two terminals, two colleagues on a shared folder) would
overwrite each other's answers.  A session therefore holds an operating-system file lock on a
hidden ``.NAME.md.lock`` beside the report (the ``filelock`` library: fcntl/flock on Unix,
msvcrt on Windows, a marker file where a network drive has neither).  The lock file records who
holds it, so the second session is told by whom and since when.  The lock dies with its process,
and the lock file is removed when the session ends (or by the next session after a SIGKILL).

Locks fail closed: a lock file that cannot be opened, locked or signed (unreadable, another
account's file that the group may not write, a folder without locks) is ``LockUnavailable`` – the
session does not write to the report.  In a team's folder a lock file is 0660 and gets the folder's
group (see ``sharing``), so every member can take it once its holder is done.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
from pathlib import Path
from typing import TYPE_CHECKING

from intervjufas.errors import LockUnavailable, ReportInUseError
from intervjufas.files.settings import login_name
from intervjufas.files.sharing import new_file_group, new_file_mode, owned_by_me

if TYPE_CHECKING:  # (filelock is imported when a lock is taken)
    from collections.abc import Iterable

    from filelock import FileLock

LOCK_SUFFIX = ".lock"


def lock_path(report: Path) -> Path:
    return report.parent / f".{report.name}{LOCK_SUFFIX}"


class _Replaced(Exception):
    """The lock file was removed and made anew while we waited; take the new one."""


class ReportLock:
    """The lock of one report file; ``acquire`` raises ReportInUseError when someone holds it."""

    def __init__(self, report: Path) -> None:
        self.report = report
        self.path = lock_path(report)
        self._lock: FileLock | None = None

    @property
    def held(self) -> bool:
        return self._lock is not None

    def try_acquire(self) -> bool:
        """Take the lock if it is free; False when another process holds it.  Raises
        LockUnavailable when the lock cannot be taken or checked at all."""
        from filelock import FileLock, Timeout

        for _attempt in range(5):
            lock = FileLock(
                self.path, timeout=0, mode=new_file_mode(self.path.parent), on_acquired=self._claim
            )
            try:
                lock.acquire()
            except Timeout:
                return False
            except _Replaced:
                continue
            except OSError as error:
                raise LockUnavailable(self.report, self.path, error) from None
            self._lock = lock
            return True
        return False

    def acquire(self) -> None:
        owner = read_owner(self.path)
        if not self.try_acquire():
            raise ReportInUseError(in_use_message(self.report, owner or read_owner(self.path)))

    def _claim(self, fd: int) -> None:
        """Called with the locked file: make sure it is still the lock file, and sign it."""
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(self.path))
        except OSError:
            same = False
        if not same:
            raise _Replaced
        if owned_by_me(fd):  # (made by this session: the team's mode and group, whatever the umask)
            with contextlib.suppress(OSError, AttributeError):
                os.fchmod(fd, new_file_mode(self.path.parent))
            new_file_group(fd, self.path.parent)
        owner = {
            "anvandare": _user(),
            "dator": socket.gethostname(),
            "pid": os.getpid(),
            "sedan": dt.datetime.now().astimezone().replace(microsecond=0).isoformat(),
        }
        data = json.dumps(owner, ensure_ascii=False).encode("utf-8")
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, data)

    def release(self) -> None:
        """Give the lock up and remove its file (removed while still held, so no one takes a lock
        on a file that is about to disappear)."""
        if self._lock is None:
            return
        with contextlib.suppress(OSError):
            os.unlink(self.path)
        with contextlib.suppress(Exception):
            self._lock.release()
        self._lock = None


def _user() -> str:
    return login_name() or "okänd"


def read_owner(path: Path) -> dict[str, object] | None:
    try:
        with open(path, "rb") as handle:
            data = json.loads(handle.read(4096).decode("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def in_use_message(report: Path, owner: dict[str, object] | None) -> str:
    who = ""
    if owner:
        since = str(owner.get("sedan", ""))
        when = since[11:16] if since[:10] == dt.date.today().isoformat() else since[:16].replace("T", " ")
        who = f" av {owner.get('anvandare', 'någon')} på {owner.get('dator', 'en annan dator')}"
        who += f" sedan {when}" if when else ""
        who += f" (process {owner['pid']})" if owner.get("pid") else ""
    return (
        f"Rapporten {report} används redan{who}. Två sessioner på samma rapport skulle skriva över "
        "varandras svar; vänta tills den andra är klar och försök sedan igen."
    )


def remove_stale_locks(folder: Path, *, listed: Iterable[str] | None = None) -> None:
    """Remove lock files left by sessions that were killed (their lock died with them).  ``listed``:
    the names in the folder when the caller has just listed it (one listing, not two)."""
    try:
        found = (e.name for e in os.scandir(folder)) if listed is None else listed
        names = [name for name in found if name.startswith(".") and name.endswith(".md.lock")]
    except OSError:
        return
    for name in names:
        report = folder / name[1 : -len(LOCK_SUFFIX)]
        lock = ReportLock(report)
        with contextlib.suppress(LockUnavailable):  # (not ours to take: left for its owner)
            if lock.try_acquire():
                lock.release()
