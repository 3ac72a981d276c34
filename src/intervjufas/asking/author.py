"""Who makes a report: recorded in it, because a team may share one reports folder.

``$INTERVJUFAS_FORFATTARE`` names the author; otherwise the name remembered in the user's config
folder (``intervjufas/forfattare.txt``, read only when it and its folder are the user's own and
private, see ``private.folders``); otherwise the login name.  A login name like ``ab12345``
says little to a colleague, so the first interactive session asks once for the name to use
(``AUTHOR_QUESTION``, the login name offered) and remembers the answer; a session that cannot ask
(answers from a file, or no terminal) uses the login name without remembering it.
"""

from __future__ import annotations

import contextlib
import getpass
import os
from pathlib import Path

from intervjufas.model.questions import Question
from intervjufas.private.folders import checked_folder, config_home, read_private

AUTHOR_ENV = "INTERVJUFAS_FORFATTARE"
NAME_FILE_LIMIT = 64 * 1024
AUTHOR_QUESTION = Question(
    id="forfattare",
    text="Vilket namn ska stå som författare till dina rapporter?",
    type="text",
    help=(
        "Namnet sparas i varje ny rapport, så att ni ser vem som gjort vad när ni delar rapportmapp. "
        "Du får bara frågan en gång; namnet ändras i filen forfattare.txt i din inställningsmapp."
    ),
)


def remembered_file() -> Path:
    return config_home() / "forfattare.txt"


def named_author() -> str:
    """The name given by ``$INTERVJUFAS_FORFATTARE``, else the remembered one ('' when neither)."""
    named = os.environ.get(AUTHOR_ENV, "").strip()
    if named:
        return named
    path = remembered_file()
    data = read_private(path, NAME_FILE_LIMIT) if checked_folder(path.parent) is not None else None
    with contextlib.suppress(UnicodeDecodeError):
        remembered = (data or b"").decode("utf-8").strip()
        if remembered:
            return remembered.splitlines()[0].strip()
    return ""


def login_name() -> str:
    with contextlib.suppress(Exception):
        return getpass.getuser()
    return ""


def author_name() -> str:
    """The author for a new report."""
    return named_author() or login_name()


def must_ask() -> bool:
    """Whether the author has not been named yet (then an interactive session asks once)."""
    return not named_author()


def remember(name: str) -> bool:
    """Keep the name for later sessions (private to the user); False when it cannot be written."""
    from intervjufas.errors import IntervjufasError
    from intervjufas.reports.atomic import atomic_write

    path = remembered_file()
    if checked_folder(path.parent, create=True) is None:
        return False
    try:
        atomic_write(path, name.strip() + "\n")
    except (IntervjufasError, OSError):
        return False
    return True
