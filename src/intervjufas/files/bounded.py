"""Reading the files a user or a colleague gives the program, with limits: only regular files, and
only up to a size, so that ``/dev/zero``, a FIFO or a huge file is one clear error, never a hang."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from intervjufas.errors import IntervjufasError, UnreadableFile, describe_os_error

MEGABYTE = 1024 * 1024
QUESTION_FILE_LIMIT = 2 * MEGABYTE
ANSWERS_FILE_LIMIT = 2 * MEGABYTE
REPORT_LIMIT = 16 * MEGABYTE
HEADER_LIMIT = 256 * 1024  # a report's front matter


def open_regular(path: Path | str, action: str = "Kan inte läsa") -> int:
    """A file descriptor for reading ``path``; refuse anything but an ordinary file (without ever
    blocking on a FIFO)."""
    return open_regular_status(path, action)[0]


def open_regular_status(path: Path | str, action: str = "Kan inte läsa") -> tuple[int, os.stat_result]:
    """``open_regular`` and the status of the file opened (its one ``fstat``, for a caller that
    needs the file's size or key too)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise UnreadableFile(action, Path(path), describe_os_error(error)) from None
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            kind = "det är en mapp" if stat.S_ISDIR(status.st_mode) else "det är ingen vanlig fil"
            raise UnreadableFile(action, Path(path), kind)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd, status


def read_bounded(path: Path, limit: int, action: str = "Kan inte läsa") -> bytes:
    """The bytes of an ordinary file of at most ``limit`` bytes; UnreadableFile otherwise."""
    fd = open_regular(path, action)
    try:
        with os.fdopen(fd, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise UnreadableFile(action, path, describe_os_error(error)) from None
    if len(data) > limit:
        raise UnreadableFile(action, path, f"filen är större än {limit // MEGABYTE or 1} MB")
    return data


def read_text(path: Path) -> str:
    """A report's text (UTF-8, a byte-order mark allowed), read with the program's limits."""
    data = read_bounded(path, REPORT_LIMIT)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise IntervjufasError(f"{path} är inte en UTF-8-textfil.") from None
