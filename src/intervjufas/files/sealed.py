"""The one format of the program's caches: plain values in ``marshal``, sealed by a header that is
checked before a single value is made.

Why: ``marshal`` (the standard library's serialisation of plain values) loads 20,000 headers in
about half the time JSON takes, but it believes every size a file states: five bytes can claim a
list of 2**31 items, and ``marshal.loads`` then allocates gigabytes or spends many seconds before it
fails.  Pickle is worse – loading it can run code – and is never used.  So a sealed file is

    magic (8 bytes) · item count (4) · payload length (8) · SHA-256 of the payload (32) · payload

and ``unseal`` loads the payload only when the file is no larger than its limit, the length is
exactly what is there, the count is within its limit and the digest matches: only bytes that
``seal`` wrote (in a folder only the user can write, see ``private_folders``) ever reach ``marshal``.  Any
failure – a short, truncated, foreign or damaged file, a value of the wrong kind, even MemoryError
or RecursionError – gives None, and the caller rebuilds.  Callers still check the shape of what
they get (``plain`` helps), as they would of any data.
"""

from __future__ import annotations

import hashlib
import marshal
import struct
from pathlib import Path
from typing import TypeGuard

from intervjufas.files.private_folders import read_private

MAGIC = b"ivfcache"
_HEADER = struct.Struct("<8sIQ32s")
HEADER_SIZE = _HEADER.size
_PLAIN_SCALARS = (str, int, float, bool, type(None), bytes)
# What a cache holds: plain data only (``plain`` checks it where it is read).
Plain = str | int | float | bool | bytes | list["Plain"] | tuple["Plain", ...] | dict[str, "Plain"] | None


def seal(value: Plain, count: int) -> bytes:
    """The sealed bytes of a plain value (``count``: how many items it holds, e.g. entries)."""
    header, payload = sealed_parts(value, count)
    return header + payload


def sealed_parts(value: Plain, count: int) -> tuple[bytes, bytes]:
    """``seal``'s bytes as its header and its payload, to be written one after the other: joined,
    a cache of megabytes would be held twice while it is written."""
    payload = marshal.dumps(value)
    return _HEADER.pack(MAGIC, count, len(payload), hashlib.sha256(payload).digest()), payload


def unseal(data: bytes | None, *, max_items: int) -> tuple[object, int] | None:
    """The value and item count sealed in ``data``, or None when it is not exactly what ``seal``
    wrote (or claims more than ``max_items`` items)."""
    if data is None or len(data) < HEADER_SIZE:
        return None
    try:
        magic, count, length, digest = _HEADER.unpack_from(data)
        if magic != MAGIC or count > max_items or length != len(data) - HEADER_SIZE:
            return None
        payload = memoryview(data)[HEADER_SIZE:]
        if hashlib.sha256(payload).digest() != digest:
            return None
        return marshal.loads(payload), count
    except Exception:  # (MemoryError and RecursionError included: rebuild rather than fail)
        return None


def read_sealed(path: Path, *, max_bytes: int, max_items: int) -> tuple[object, int] | None:
    """``unseal`` of the user's own private file at ``path`` (None when missing or untrusted)."""
    return unseal(read_private(path, max_bytes), max_items=max_items)


def plain(value: object, depth: int = 0) -> TypeGuard[Plain]:
    """Whether a value is plain data – str, int, float, bool, None, bytes, and lists, tuples and
    dicts of them – not deeper than 64 levels."""
    kind = type(value)
    if kind in _PLAIN_SCALARS:
        return True
    if depth > 64:
        return False
    if isinstance(value, (list, tuple)) and kind in (list, tuple):
        return all(plain(item, depth + 1) for item in value)
    if isinstance(value, dict) and kind is dict:
        return all(plain(k, depth + 1) and plain(v, depth + 1) for k, v in value.items())
    return False
