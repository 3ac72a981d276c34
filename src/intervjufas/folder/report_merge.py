"""Merging two versions of one report answer by answer – the one rule of the save path and of the
git merge driver.

An entry is an answer (with its draft) or a follow-up.  Laying one version's changed entries onto
another keeps every entry only one side changed; an entry both sides changed differently is a
conflict, left as the receiving version has it, for the caller to keep the other side: the save
path writes a conflict copy, the merge driver (``folder/git_merge.py``) a note beside the answer.
"""

from __future__ import annotations

from collections.abc import Iterable

from intervjufas.report.model import Report

FOLLOW_UP_PREFIX = "uppfoljning:"


def entry(report: Report, key: str) -> object:
    """What a report holds for one entry (an answer and its draft, or a follow-up)."""
    if key.startswith(FOLLOW_UP_PREFIX):
        item = key.split(":", 1)[1]
        return next((f for f in report.follow_ups if f.key == item), None)
    return (report.answers.get(key), report.drafts.get(key))


def set_entry(target: Report, source: Report, key: str) -> None:
    """Give ``target`` the entry ``source`` has (removing it when ``source`` has none)."""
    if key.startswith(FOLLOW_UP_PREFIX):
        item = key.split(":", 1)[1]
        wanted = next((f for f in source.follow_ups if f.key == item), None)
        others = [f for f in target.follow_ups if f.key != item]
        if wanted is not None:
            position = next((i for i, f in enumerate(source.follow_ups) if f.key == item), len(others))
            others.insert(min(position, len(others)), wanted)
        target.follow_ups = others
        return
    for mine, theirs in ((source.answers, target.answers), (source.drafts, target.drafts)):
        if key in mine:
            theirs[key] = mine[key]
        else:
            theirs.pop(key, None)


def entry_keys(*reports: Report) -> list[str]:
    """Every entry any of the reports holds, answers first (in order of appearance), then follow-ups."""
    keys: dict[str, None] = {}
    for report in reports:
        keys.update(dict.fromkeys(report.answers))
        keys.update(dict.fromkeys(report.drafts))
    for report in reports:
        keys.update(dict.fromkeys(f"{FOLLOW_UP_PREFIX}{f.key}" for f in report.follow_ups))
    return list(keys)


def changed_entries(version: Report, base: Report, keys: Iterable[str]) -> list[str]:
    """The entries ``version`` changed since ``base``."""
    return [key for key in keys if entry(version, key) != entry(base, key)]


def lay_over(target: Report, source: Report, base: Report, keys: Iterable[str]) -> list[str]:
    """Lay ``source``'s entries ``keys`` onto ``target`` (a version with edits of its own since
    ``base``); return the keys ``target`` also changed, differently (conflicts, left as they are
    in ``target``)."""
    conflicts = []
    for key in keys:
        mine, theirs, before = entry(source, key), entry(target, key), entry(base, key)
        if theirs != before and theirs != mine:
            conflicts.append(key)
            continue
        set_entry(target, source, key)
    return conflicts
