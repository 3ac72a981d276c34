"""Editing a text in the user's own editor: ``$VISUAL``, else ``$EDITOR``, else one that is
installed (``sensible-editor``, ``nano``, ``vi``; Notepad on Windows).

The editor's command line is split as a shell would split it (``EDITOR="code --wait"``) and run
with the file's path as its last argument – never through a shell, and never with anything from the
text on its command line.  The text goes through a file in a private temporary folder, read back
with the program's limits; the folder is removed whatever happens.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

from intervjufas.errors import IntervjufasError, describe_os_error
from intervjufas.files.bounded import MEGABYTE, read_bounded

FALLBACKS = ("sensible-editor", "nano", "vi")
LIMIT = 2 * MEGABYTE
NO_EDITOR = "Ingen textredigerare hittades. Ange en med miljövariabeln EDITOR, t.ex. EDITOR=nano."


class EditorFailed(IntervjufasError):
    """The editor could not be started, or ended with an error."""


def editor_command(environ: Mapping[str, str]) -> list[str]:
    """The editor's command line (without the file)."""
    for key in ("VISUAL", "EDITOR"):
        value = environ.get(key, "").strip()
        if value:
            try:
                command = shlex.split(value, posix=os.name != "nt")
            except ValueError:
                raise EditorFailed(
                    f"Kan inte läsa ${key} ({value!r}): citattecknen går inte jämnt ut."
                ) from None
            if command:
                return command
    if os.name == "nt":
        return ["notepad"]
    for name in FALLBACKS:
        if shutil.which(name):
            return [name]
    raise EditorFailed(NO_EDITOR)


def edit_text(
    text: str, *, name: str = "kundversion.md", environ: Mapping[str, str] | None = None
) -> str | None:
    """The text as the user left it in the editor; None when it is unchanged.  EditorFailed when
    the editor cannot start or ends with an error (what it did to the file is then not used)."""
    command = editor_command(os.environ if environ is None else environ)
    with tempfile.TemporaryDirectory(prefix="intervjufas-") as folder:
        path = Path(folder) / name
        path.write_text(text, encoding="utf-8")
        try:
            done = subprocess.run([*command, str(path)], check=False)
        except OSError as error:
            raise EditorFailed(
                f"Kan inte starta redigeraren {command[0]} ({describe_os_error(error)})."
            ) from None
        if done.returncode != 0:
            raise EditorFailed(f"Redigeraren {command[0]} avslutades med felkod {done.returncode}.")
        data = read_bounded(path, LIMIT)
    try:
        edited = data.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError:
        raise EditorFailed("Den redigerade texten är inte UTF-8.") from None
    return None if edited == text else edited
