"""Following up a handful of open items on one screen: a prompter that says ``follows_up_on_screen``
gets the whole handful as one ``BatchRequest`` instead of one question per item, so the follow-up
costs one Enter (Genomfört, Delvis, Inte än or Släpp chosen by a key per item, a comment where
wanted).

The record is the same as when the items are asked one at a time: each status or comment the
consultant sets goes to ``on_change`` at once and is saved as the follow-up of that item (a kill
keeps it; a continued report asks only what was left).  An item left without a status when the
screen closes is taken out of the report again: it comes back at the next mapping, as the items
after the handful do.  The answer of each item is checked like any answer (the personal-data guard
refuses a comment with personal data through ``on_change``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from intervjufas.model.answers import Answer
from intervjufas.report.model import FOLLOW_UP_STATUSES, FollowUp, Report

if TYPE_CHECKING:
    from intervjufas.reading.plan.state import OpenItem


@dataclass(frozen=True)
class BatchEntry:
    """One open item on the screen: its key, kind ("Ta bort", "Utveckla", "Lägga till"), moment,
    where it comes from, why it was planned and the step it belongs to."""

    key: str
    kind: str
    moment: str
    context: str = ""
    why: str = ""
    group: str = ""


@dataclass(frozen=True)
class BatchRequest:
    """A handful of open items to follow up on one screen."""

    title: str
    lead: str  # how many there are and where they come from
    progress: str
    entries: tuple[BatchEntry, ...]
    remaining: int  # open items after this handful (a key shows them, else they come next time)
    on_change: Callable[[str, Answer], None]  # (key, status and comment) as soon as it is set
    statuses: tuple[str, ...] = FOLLOW_UP_STATUSES


class BatchPrompter(Protocol):
    """A prompter that follows up a handful of items on one screen."""

    def follow_up_batch(self, request: BatchRequest) -> bool:
        """Show the handful; return whether the consultant wants to see more (when ``remaining``).
        Raise KeyboardInterrupt or EOFError when the consultant stops (what was set is saved)."""


class Recorder(Protocol):
    """What the handful needs of the session: its report, its prompter, and saving."""

    report: Report

    @property
    def prompter(self) -> object:
        """The prompter the session asks through."""

    def save(self, keys: list[str]) -> None:
        """Save the report after these keys changed."""


def on_screen(prompter: object) -> bool:
    """Whether the prompter (or the one it wraps) follows up a handful of items on one screen."""
    return bool(getattr(prompter, "follows_up_on_screen", False))


def entry_of(item: OpenItem) -> BatchEntry:
    """The screen's entry for an open item."""
    context = f"Från {item.source.name}"
    if item.last_status:
        context += f" · senast: {item.last_status}"
    return BatchEntry(
        key=item.key,
        kind=item.kind,
        moment=item.moment,
        context=context,
        why=item.why,
        group=f"{item.step_label}: {item.step_title}",
    )


def ask_batch(
    session: Recorder, batch: Sequence[OpenItem], *, lead: str, title: str, progress: str, remaining: int
) -> bool:
    """Follow the handful up on one screen (each item already recorded as to answer); return whether
    more are wanted.  Items left without a status are taken out when the screen closes."""
    keys = {item.key for item in batch}

    def change(key: str, answer: Answer) -> None:
        if key not in keys:
            return
        session.report.follow_ups = [
            FollowUp(f.key, f.label, answer) if f.key == key else f for f in session.report.follow_ups
        ]
        session.save([f"uppfoljning:{key}"])

    request = BatchRequest(
        title=title,
        lead=lead,
        progress=progress,
        entries=tuple(entry_of(item) for item in batch),
        remaining=remaining,
        on_change=change,
    )
    prompter: BatchPrompter = session.prompter  # type: ignore[assignment]
    more = prompter.follow_up_batch(request)
    _drop_unanswered(session, keys)
    return more


def _drop_unanswered(session: Recorder, keys: set[str]) -> None:
    """Items of the handful left without a status come back next time: out of this report."""
    dropped = [f.key for f in session.report.follow_ups if f.key in keys and f.status is None]
    if dropped:
        session.report.follow_ups = [f for f in session.report.follow_ups if f.key not in dropped]
        session.save([f"uppfoljning:{key}" for key in dropped])
