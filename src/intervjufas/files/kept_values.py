"""Values read back from one of the program's own caches, taken only with their exact type.

A cache is sealed and private, but still only a cache: an entry of another shape (an older format,
a damaged file that passed the seal) must never become a wrong answer.  Decoders check each value
with these and catch ``TypeError`` to compute the entry again.
"""

from __future__ import annotations


def kept_text(value: object) -> str:
    """``value`` when it is a ``str``; else TypeError."""
    if type(value) is not str:
        raise TypeError("text")
    return value


def kept_number(value: object) -> int:
    """``value`` when it is an ``int`` (not a ``bool``); else TypeError."""
    if type(value) is not int:
        raise TypeError("number")
    return value


def kept_flag(value: object) -> bool:
    """``value`` when it is a ``bool``; else TypeError."""
    if type(value) is not bool:
        raise TypeError("flag")
    return value
