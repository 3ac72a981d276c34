"""Setting up a reports folder kept in git for the report merge driver: the ``.gitattributes`` lines
that name the driver for the folder's reports (and git's union merge for the team's vocabulary), and the ``git config`` lines that say what runs it
(git keeps those per clone, so every consultant sets them once)."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from intervjufas.errors import IntervjufasError
from intervjufas.files.bounded import read_bounded

DRIVER = "intervjufas"
ATTRIBUTES_LINE = f"*.md merge={DRIVER}"
# The team's vocabulary holds one entry per line: git's union merge keeps both clones' new lines.
VOCABULARY_LINE = "intervjufas-ordlista.yaml merge=union"
ATTRIBUTES_LINES = (ATTRIBUTES_LINE, VOCABULARY_LINE)
ATTRIBUTES_LIMIT = 1024 * 1024


@dataclass(frozen=True)
class GitSetup:
    """What setting up did: the attributes file (and whether it was changed), the repository."""

    attributes: Path
    attributes_written: bool
    repository: Path | None
    config: tuple[tuple[str, str], ...]


def config_values(program_words: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """The ``git config`` keys and values that make git run the driver."""
    import shlex

    driver = f"{shlex.join(program_words)} sammanfoga-git %O %A %B %P"
    return (
        (f"merge.{DRIVER}.name", "intervjufas: sammanfoga rapporter svar för svar"),
        (f"merge.{DRIVER}.driver", driver),
    )


def config_lines(values: tuple[tuple[str, str], ...]) -> list[str]:
    """The values as the commands a user types."""
    import shlex

    return [f"git config {key} {shlex.quote(value)}" for key, value in values]


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, text=True, check=False, timeout=30
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise IntervjufasError(f"Kan inte köra git: {error}.") from None


def repository_of(folder: Path) -> Path | None:
    """The top of the git repository the folder is in, or None."""
    done = _git(folder, "rev-parse", "--show-toplevel")
    return Path(done.stdout.strip()) if done.returncode == 0 and done.stdout.strip() else None


def set_up(folder: Path, program_words: Sequence[str], *, only_show: bool = False) -> GitSetup:
    """Write the attributes line into the folder's ``.gitattributes`` (when missing) and set the
    driver in the repository's config; with ``only_show``, change nothing."""
    values = config_values(program_words)
    attributes = folder / ".gitattributes"
    repository = repository_of(folder)
    if only_show:
        return GitSetup(attributes, False, repository, values)
    if repository is None:
        raise IntervjufasError(
            f"Rapportmappen {folder} ligger inte i ett git-förråd. Skapa det först (git init) eller "
            "använd --bara-visa för att se raderna."
        )
    written = _add_attributes_line(attributes)
    for key, value in values:
        done = _git(folder, "config", key, value)
        if done.returncode != 0:
            raise IntervjufasError(f"Kommandot git config {key} misslyckades: {done.stderr.strip()[:200]}")
    return GitSetup(attributes, written, repository, values)


def _add_attributes_line(attributes: Path) -> bool:
    from intervjufas.files.atomic import atomic_write_bytes

    try:
        old = read_bounded(attributes, ATTRIBUTES_LIMIT)
    except IntervjufasError:
        if attributes.exists():
            raise
        old = b""
    have = old.splitlines()
    missing = [line.encode() for line in ATTRIBUTES_LINES if line.encode() not in have]
    if not missing:
        return False
    separator = b"" if not old or old.endswith(b"\n") else b"\n"
    atomic_write_bytes(attributes, old + separator + b"".join(line + b"\n" for line in missing))
    return True
