"""An action item read back from one of the program's own caches (``plan_facts.decoded``), made
without normalising its text again.

Why: every item a cache keeps was an ``ActionItem`` – its moment and reason made one line, its
list of whom it involves cleaned – when it was kept, so doing it again while tens of thousands of
plans are decoded only costs time (``ActionItem.__post_init__`` was about a fifth of decoding a
plan).  The fields are still taken only with their exact type (``files.kept_values``): an entry
of another shape raises TypeError and is computed again, never shown.
"""

from __future__ import annotations

from intervjufas.files.kept_values import kept_text
from intervjufas.model.answers import ActionItem

_NEW = ActionItem.__new__


def kept_action(moment: object, why: object, item_id: object, moment_id: object, involves: object) -> ActionItem:
    """The item as it was kept (TypeError for a field of another type)."""
    if type(involves) is not list or not all(type(name) is str for name in involves):
        raise TypeError("involves")
    action = _NEW(ActionItem)
    action.__dict__.update(
        moment=kept_text(moment),
        why=kept_text(why),
        id=kept_text(item_id),
        moment_id=kept_text(moment_id),
        involves=tuple(involves),
    )
    return action
