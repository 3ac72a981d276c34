"""Who may read, write and lock the files the program makes in a reports folder – alone, or as a team.

Why: a team shares one reports folder through a common group (``chgrp team`` and ``chmod 2770``:
the group may write, and new files get the folder's group).  Every member must then be able to
continue a colleague's report and take its lock; if a lock or a report ends up in someone's own
group, the others cannot open it, and a lock that cannot be opened stops them.  So:

- a folder its group may write to is shared on purpose: new reports, conflict copies and lock files
  there are 0660 and get the folder's group (as a setgid folder would give them), whatever the
  umask and even where the folder lacks setgid (``new_file_mode``, ``new_file_group``);
- anywhere else a new file is 0600: a report is its author's;
- a report written again is a new file (see ``atomic``): it gets the mode and the group of the file
  it replaces (``keep_access``).  When the group cannot be kept (the writer is not in it) while
  that group – and only it – could write the file, the save is refused: the colleague who was
  editing the report must not be locked out of it.

On Windows the folder's access rules apply and groups are left alone.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

FILE_MODE = 0o600
SHARED_MODE = 0o660


def shared_group(folder: Path) -> int | None:
    """The folder's group when the folder is shared on purpose (its group may write), else None."""
    try:
        info = os.stat(folder)
    except OSError:
        return None
    return info.st_gid if info.st_mode & stat.S_IWGRP else None


def new_file_mode(folder: Path) -> int:
    """The mode of a new file in ``folder``: 0660 in a team's folder, else 0600."""
    return SHARED_MODE if shared_group(folder) is not None else FILE_MODE


def new_file_group(fd: int, folder: Path) -> None:
    """Give a new file in a team's folder the folder's group (best effort: a writer who is not in
    the group keeps the file in their own, as the system would)."""
    group = shared_group(folder)
    if group is not None and hasattr(os, "fchown"):
        with contextlib.suppress(OSError):
            if os.fstat(fd).st_gid != group:
                os.fchown(fd, -1, group)


def keep_access(fd: int, original: os.stat_result) -> bool:
    """Give the new file behind ``fd`` the mode and group of the file it will replace.  False when
    the group cannot be kept and only that group could write the original (replacing it would lock
    its group out)."""
    if hasattr(os, "fchmod"):
        os.fchmod(fd, stat.S_IMODE(original.st_mode))
    if not hasattr(os, "fchown") or os.fstat(fd).st_gid == original.st_gid:
        return True
    try:
        os.fchown(fd, -1, original.st_gid)
    except OSError:
        return not (original.st_mode & stat.S_IWGRP and not original.st_mode & stat.S_IWOTH)
    return True


def owned_by_me(fd: int) -> bool:
    """Whether the open file belongs to the user running the program."""
    if not hasattr(os, "geteuid"):
        return True
    try:
        return os.fstat(fd).st_uid == os.geteuid()
    except OSError:
        return False
