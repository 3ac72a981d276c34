"""Following up earlier action plans at the start of a mapping, so that it fits in a coffee break:
the newest open items a handful at a time, with a clear count, and after each handful the choice to
see more or skip the rest.

Only the items that are shown are recorded in the new report (as followed up, or still to answer
when the session stops half-way), so a folder with a thousand open items never makes a thousand
entries.  Which items are in scope is decided by the pool the session is given (``reading``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from intervjufas.asking.prompter import AskRequest
from intervjufas.model.answers import Answer
from intervjufas.model.question_types.table import CHOICE
from intervjufas.model.questions import Question
from intervjufas.reading.plan.state import OpenItem, grouped_by_step
from intervjufas.report.model import FOLLOW_UP_STATUSES, FOLLOW_UP_TITLE, FollowUp, Report

if TYPE_CHECKING:
    from intervjufas.asking.session import Session

BATCH = 5  # items asked before the choice to see more
MORE = "Visa fler"
SKIP_REST = "Hoppa över resten"


class ItemPool(Protocol):
    """Open items to follow up, newest first."""

    scope: str  # how they were chosen, e.g. "för Nordlager AB"
    note: str  # said first, when there is something to explain
    total: int

    def take(self, count: int) -> list[OpenItem]:
        """The next ``count`` items (fewer, or none, at the end)."""

    def lookup(self, keys: Iterable[str]) -> dict[str, OpenItem]:
        """The items with these keys, for follow-ups recorded earlier."""

    def open_now(self) -> Sequence[OpenItem]:
        """Every open item there is (a newly planned item may join one)."""


@dataclass
class ListPool:
    """A pool of items already at hand."""

    items: Sequence[OpenItem]
    scope: str = "från tidigare utvecklingsplaner"
    note: str = ""
    total: int = field(init=False)

    def __post_init__(self) -> None:
        self.total = len(self.items)
        self._next = 0

    def take(self, count: int) -> list[OpenItem]:
        taken = list(self.items[self._next : self._next + count])
        self._next += len(taken)
        return taken

    def lookup(self, keys: Iterable[str]) -> dict[str, OpenItem]:
        wanted = set(keys)
        return {item.key: item for item in self.items if item.key in wanted}

    def open_now(self) -> Sequence[OpenItem]:
        return self.items


PoolFinder = Callable[[Report], ItemPool]  # the pool for a new report (its customer is known)


def follow_up_question(item_label: str, why: str) -> Question:
    return Question(
        id="uppfoljning",
        text=f"Hur gick det med: {item_label}?",
        kind=CHOICE,
        choices=FOLLOW_UP_STATUSES,
        required=True,
        comment=True,
        help=f"Varför: {why}" if why else "",
    )


def follow_up_new(session: Session, pool: ItemPool) -> None:
    """A new report: the newest items, BATCH at a time, each handful recorded before it is asked;
    after each, the choice to see more or skip the rest."""
    asked = 0
    while asked < pool.total:
        batch = [item for _, group in grouped_by_step(pool.take(BATCH)) for item in group]
        if not batch:
            return
        _record(session, batch)
        session.prompter.section(FOLLOW_UP_TITLE, _overview(pool, batch, asked))
        for item in batch:
            asked += 1
            _ask_item(session, item.key, item, asked, pool.total)
        remaining = pool.total - asked
        if remaining > 0 and not _wants_more(session, asked, remaining, pool.total):
            return


def follow_up_pending(session: Session, pool: ItemPool | None) -> None:
    """Follow-ups recorded earlier in this report and not yet answered (a session that stopped)."""
    pending = [f for f in session.report.follow_ups if f.status is None]
    if not pending:
        return
    items = pool.lookup(f.key for f in pending) if pool is not None else {}
    lines = [f"{len(pending)} öppna moment att följa upp sedan förra gången."]
    lines += _item_lines([items[f.key] for f in pending if f.key in items])
    lines += [f"  • {f.label}" for f in pending if f.key not in items]
    session.prompter.section(FOLLOW_UP_TITLE, "\n".join(lines))
    for number, follow_up in enumerate(pending, start=1):
        item = items.get(follow_up.key)
        _ask_item(session, follow_up.key, item, number, len(pending), label=follow_up.label)


def _overview(pool: ItemPool, batch: list[OpenItem], asked: int) -> str:
    if asked:
        head = f"Moment {asked + 1}–{asked + len(batch)} av {pool.total} öppna moment {pool.scope}."
    elif len(batch) < pool.total:
        head = f"{len(batch)} av {pool.total} öppna moment {pool.scope} (de nyaste först)."
    else:
        head = f"Du har {pool.total} öppna moment {pool.scope}."
    lines = [f"{pool.note} {head}" if pool.note and not asked else head]
    if not asked:
        lines.append("Ange för varje: Genomfört, Delvis, Inte än eller Släpp.")
    return "\n".join(lines + _item_lines(batch))


def _item_lines(items: list[OpenItem]) -> list[str]:
    lines: list[str] = []
    current = None
    for item in items:
        group = f"{item.step_label}: {item.step_title}"
        if group != current:
            lines.append(f"\n{group}")
            current = group
        lines.append(f"  • {item.moment} ({item.kind.lower()}, {item.source_date})")
    return lines


def _record(session: Session, batch: list[OpenItem]) -> None:
    known = {f.key for f in session.report.follow_ups}
    fresh = [item for item in batch if item.key not in known]
    if fresh:
        session.report.follow_ups.extend(FollowUp(item.key, item.label) for item in fresh)
        session.report = session.save(session.report, [f"uppfoljning:{item.key}" for item in fresh])


def _ask_item(
    session: Session, key: str, item: OpenItem | None, number: int, total: int, label: str = ""
) -> None:
    context = ""
    if item is not None:
        session.followed[key] = item  # (what is done changes the map this mapping starts from)
        context = f"Från {item.source.name}"
        if item.last_status:
            context += f" · senast: {item.last_status}"
    question = follow_up_question(item.moment if item else label, item.why if item else "")
    request = AskRequest(question, f"Uppföljning · moment {number} av {total}", context=context)
    session.ask(request, lambda answer: _answered(session, key, answer))


def _answered(session: Session, key: str, answer: Answer) -> None:
    session.report.follow_ups = [
        FollowUp(f.key, f.label, answer) if f.key == key else f for f in session.report.follow_ups
    ]
    session.report = session.save(session.report, [f"uppfoljning:{key}"])


def _wants_more(session: Session, asked: int, remaining: int, total: int) -> bool:
    question = Question(
        id="uppfoljning_fler",
        text=f"Det finns {remaining} öppna moment till. Vill du följa upp fler?",
        kind=CHOICE,
        choices=(MORE, SKIP_REST),
        required=True,
        help=f"{MORE} visar {min(BATCH, remaining)} till; {SKIP_REST.lower()} går vidare till frågorna. "
        "De moment du hoppar över kommer tillbaka nästa gång.",
    )
    answer = session.prompter.ask(AskRequest(question, f"Uppföljning · {asked} av {total} följda upp"))
    return answer.value == MORE
