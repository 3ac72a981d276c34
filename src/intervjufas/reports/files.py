"""The reports folder and its files: where it is, file names, atomic writes, reading text.

Every write goes through a temporary file in the same folder, flushed and fsynced, then
``os.replace``: a report on disk is always a whole version, never a torn one.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import unicodedata
from pathlib import Path

from intervjufas.errors import IntervjufasError, file_error

REPORTS_ENV = "INTERVJUFAS_KATALOG"
SLUG_MAX = 50
_TRANSLITERATE = str.maketrans(
    {"æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "ł": "l", "Ł": "L"}
)


def reports_dir(option: Path | None = None) -> Path:
    """The reports folder: the option, else $INTERVJUFAS_KATALOG, else <Dokument>/intervjufas."""
    if option is not None:
        return option.expanduser()
    env = os.environ.get(REPORTS_ENV, "").strip()
    if env:
        return Path(env).expanduser()
    from platformdirs import user_documents_dir

    return Path(user_documents_dir()) / "intervjufas"


def slugify(text: str, max_length: int = SLUG_MAX) -> str:
    """Plain lowercase ASCII words joined by '-', at most ``max_length`` characters."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE))
    ascii_text = ascii_text.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length]
        slug = cut.rsplit("-", 1)[0] if "-" in cut[max_length // 2 :] else cut
        slug = slug.strip("-")
    return slug or "uppdrag"


def ensure_dir(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise file_error("Kan inte skapa mappen", folder, error) from None
    if not folder.is_dir():
        raise IntervjufasError(f"{folder} är inte en mapp.")


def reserve_path(folder: Path, stem: str, suffix: str = ".md") -> Path:
    """Create a new empty file named ``stem.md`` (or ``stem-2.md``, …) and return its path; never
    reuses an existing name, even with another program writing to the folder at the same time."""
    ensure_dir(folder)
    number = 1
    while True:
        name = f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}"
        path = folder / name
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            number += 1
            continue
        except OSError as error:
            raise file_error("Kan inte skapa rapporten", path, error) from None
        os.close(fd)
        return path


def new_report_path(folder: Path, date: str, uppdrag: str) -> Path:
    return reserve_path(folder, f"{date}-{slugify(uppdrag)}")


def atomic_write(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder, flushed and fsynced, then os.replace."""
    data = text.encode("utf-8")
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise file_error("Kan inte skriva i mappen", path.parent, error) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise file_error("Kan inte spara", path, error) from None
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def report_files(folder: Path) -> list[Path]:
    """The report files of a folder (``*.md``, not hidden), sorted by name."""
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return []
    except OSError as error:
        raise file_error("Kan inte läsa mappen", folder, error) from None
    return sorted(
        Path(e.path) for e in entries if e.name.endswith(".md") and not e.name.startswith(".") and e.is_file()
    )


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise file_error("Kan inte läsa", path, error) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise IntervjufasError(f"{path} är inte en UTF-8-textfil.") from None
