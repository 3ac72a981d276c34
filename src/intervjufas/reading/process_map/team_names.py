"""Which moment names are one moment for the team: the one grouping every team view uses.

Names are compared as folded text (case, accents kept, punctuation and spacing ignored).  Two names
are grouped when they are nearly the same text – the standard library's ``difflib`` ratio of at
least ``LIKENESS`` (0.88: "Återkoppling till kandidat" and "Återkoppling till varje kandidat" at
0.90, while "Återkoppling till kund" and "… kandidat" stay apart).  Measured on Swedish moment
names, rapidfuzz's ``ratio`` gives the very same scores and its token measures never reach the
precision the team can trust without reading every group, so no dependency is added; speed comes
from comparing each distinct name once, and only names whose lengths allow the likeness.  The team's
vocabulary (``folder/team_vocabulary.py``) decides above that: names it joins are one moment, a
name it splits off is never grouped by likeness.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from intervjufas.folder.team_vocabulary import Vocabulary

LIKENESS = 0.88
_NOT_WORD = re.compile(r"[^\w]+")


def folded(name: str) -> str:
    """A name as compared: lower case, words only, single spaces."""
    return " ".join(_NOT_WORD.sub(" ", name.casefold()).split())


def name_groups(names: Iterable[str], vocabulary: Vocabulary) -> dict[str, str]:
    """Each name's group, as the folded name that stands for it (the same for every name of a group)."""
    keys = {name: folded(name) for name in names}
    parent: dict[str, str] = {key: key for key in keys.values()}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def join(one: str, other: str) -> None:
        a, b = root(one), root(other)
        if a != b:
            parent[max(a, b)] = min(a, b)

    for one, other in vocabulary.merged:
        a, b = folded(one), folded(other)
        if a in parent and b in parent:
            join(a, b)
    apart = {folded(name) for name in vocabulary.split}
    for one, other in _alike(sorted(k for k in parent if k not in apart)):
        join(one, other)
    return {name: root(key) for name, key in keys.items()}


def _alike(keys: list[str]) -> Iterable[tuple[str, str]]:
    """The pairs of keys at least ``LIKENESS`` alike (each pair once)."""
    from difflib import SequenceMatcher

    by_length = sorted(keys, key=len)
    matcher = SequenceMatcher(autojunk=False)
    for index, longer in enumerate(by_length):
        matcher.set_seq2(longer)
        for shorter in reversed(by_length[:index]):
            if 2 * len(shorter) < LIKENESS * (len(shorter) + len(longer)):
                break  # (shorter still: the ratio can only fall)
            matcher.set_seq1(shorter)
            if matcher.real_quick_ratio() >= LIKENESS and matcher.quick_ratio() >= LIKENESS and matcher.ratio() >= LIKENESS:
                yield shorter, longer
