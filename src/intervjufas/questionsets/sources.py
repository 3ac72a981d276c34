"""Reading the files a user or a colleague gives the program, with limits: only regular files, and
only up to a size, so that ``/dev/zero``, a FIFO or a huge file is one clear error, never a hang."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from intervjufas.errors import IntervjufasError, file_error

MEGABYTE = 1024 * 1024
QUESTION_FILE_LIMIT = 2 * MEGABYTE
ANSWERS_FILE_LIMIT = 2 * MEGABYTE
REPORT_LIMIT = 16 * MEGABYTE
HEADER_LIMIT = 256 * 1024  # a report's front matter


class NotRegularFile(IntervjufasError):
    """The path names a folder, device, FIFO or socket instead of an ordinary file."""


class TooLarge(IntervjufasError):
    """The file is larger than any real file of its kind."""


def open_regular(path: Path) -> int:
    """A file descriptor for reading ``path``; refuse anything but an ordinary file (without ever
    blocking on a FIFO)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = "en mapp" if stat.S_ISDIR(mode) else "ingen vanlig fil"
            raise NotRegularFile(f"{path} är {kind}.")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_bounded(path: Path, limit: int, action: str = "Kan inte läsa") -> bytes:
    """The bytes of an ordinary file of at most ``limit`` bytes; IntervjufasError otherwise."""
    try:
        fd = open_regular(path)
    except OSError as error:
        raise file_error(action, path, error) from None
    try:
        with os.fdopen(fd, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise file_error(action, path, error) from None
    if len(data) > limit:
        raise TooLarge(f"{path} är för stor (mer än {limit // MEGABYTE or 1} MB) för att vara en sådan fil.")
    return data
