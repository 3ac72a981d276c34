"""Plain values (``files.sealed.Plain``) with every equal string one object, for a cache that is
written as it is (``folder.file_cache.FileCache(shared=True)``).

Why: ``marshal`` writes a string that recurs as one object once and refers to it, so a cache of
thousands of entries must share its equal strings (a date, a customer, a status, a moment copied
from map to map).  A cache that shares them when it is saved makes a second copy of every entry
at that moment (at 10,000 plans about 50 MiB at the peak of a cold ``plan``); one whose entries
are interned as they are put needs no such pass.  ``sys.intern`` keeps a string only while it is
used, so nothing outlives the values.
"""

from __future__ import annotations

import sys

from intervjufas.files.sealed import Plain


def interned(value: Plain) -> Plain:
    """``value`` with its strings interned (lists, tuples and dicts made anew, the rest as it is)."""
    kind = type(value)
    if kind is str:
        return sys.intern(value)  # type: ignore[arg-type]
    if kind is list:
        return [interned(item) for item in value]  # type: ignore[union-attr]
    if kind is tuple:
        return tuple(interned(item) for item in value)  # type: ignore[union-attr]
    if kind is dict:
        return {sys.intern(key): interned(item) for key, item in value.items()}  # type: ignore[union-attr]
    return value
