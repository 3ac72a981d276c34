"""Who makes a report: recorded in it, because a team may share one reports folder.

``$INTERVJUFAS_FORFATTARE`` names the author; otherwise the name remembered in the user's config
folder (``intervjufas/forfattare.txt``); otherwise the login name.
"""

from __future__ import annotations

import contextlib
import getpass
import os
from pathlib import Path

AUTHOR_ENV = "INTERVJUFAS_FORFATTARE"


def remembered_file() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("intervjufas", appauthor=False)) / "forfattare.txt"


def author_name() -> str:
    """The author for a new report."""
    named = os.environ.get(AUTHOR_ENV, "").strip()
    if named:
        return named
    with contextlib.suppress(OSError, UnicodeDecodeError):
        remembered = remembered_file().read_text(encoding="utf-8").strip()
        if remembered:
            return remembered.splitlines()[0].strip()
    with contextlib.suppress(Exception):
        return getpass.getuser()
    return ""
