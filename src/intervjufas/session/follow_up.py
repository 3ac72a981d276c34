"""Following up earlier action plans at the start of a session, so that it fits in a coffee break:
the newest open items a handful at a time, with a clear count, and after each handful the choice to
see more or skip the rest.

Only the items that are shown are recorded in the new report (as followed up, or still to answer
when the session stops half-way), so a folder with a thousand open items never makes a thousand
entries.  The session owns one ``FollowUpRound``; which items are in scope is decided by its pool –
in a reports folder, the pool ``reading.plan.folder_items`` reads a few reports at a time, looked up
only when the round is reached (the new report's customer is known then).  The round remembers
the items it followed up (``followed``), since what is done changes the map the session starts from.
Its pool also gives every open item there is: a newly planned item about the moment and kind of an
open one joins it (one open row per moment and kind), in a session at a prompt or from a file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from intervjufas.model.answers import ActionItem, Answer, Value, items_in
from intervjufas.model.question_types.table import CHOICE
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.model.questions import Question
from intervjufas.report.model import FOLLOW_UP_STATUSES, FOLLOW_UP_TITLE, FollowUp, Report
from intervjufas.session.follow_up_batch import ask_batch, on_screen
from intervjufas.session.options import FollowUpScope
from intervjufas.session.prompter import AskRequest, Prompter
from intervjufas.session.read_ahead import ReadAhead

if TYPE_CHECKING:  # (read from the folder only when the follow-up is reached)
    from intervjufas.reading.plan.folder_items import FolderState
    from intervjufas.reading.plan.plan_facts import PlanReader
    from intervjufas.reading.plan.state import OpenItem

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


def follow_up_question(item_label: str, why: str, kind: str = "") -> Question:
    """How an item went; the item named with its kind first ("Ta bort: …", "Utveckla: …",
    "Lägga till: …") when it is known."""
    return Question(
        id="uppfoljning",
        text=f"{kind}: {item_label} – hur gick det?" if kind else f"Hur gick det med: {item_label}?",
        kind=CHOICE,
        choices=FOLLOW_UP_STATUSES,
        required=True,
        comment=True,
        help=f"Varför: {why}" if why else "",
    )


class Recorder(Protocol):
    """What the round needs of the session it is part of."""

    report: Report
    prompter: Prompter

    def save(self, keys: list[str]) -> None:
        """Save the report after these keys changed (``self.report`` becomes what was saved)."""

    def ask(self, request: AskRequest, record: Callable[[Answer], None]) -> None:
        """Ask and record the answer."""


class FollowUpRound:
    """The follow-up of earlier plans in one session: the items in scope (a list, a pool, or how to
    find the pool for the new report), asked a handful at a time."""

    def __init__(self, items: Sequence[OpenItem] | ItemPool | PoolFinder = ()) -> None:
        self._items = items
        self.followed: dict[str, OpenItem] = {}  # the earlier items followed up, by key
        self._read_ahead: ReadAhead[tuple[FolderState, PlanReader]] | None = None

    @classmethod
    def in_folder(
        cls, folder: Path, questionnaire: Questionnaire, scope: FollowUpScope, *, ahead: bool = False
    ) -> FollowUpRound:
        """The open items of the folder's earlier plans in ``scope`` (with ``ingen`` none are asked,
        but those a continued report followed up before it stopped are still looked up).  With
        ``ahead`` (a session at a prompt), the folder is read in the background while the first
        questions are asked, so that no pause follows the last of them: from the first answer
        (``begin_reading``), so that the reading does not delay the first question."""
        read_ahead = _read_ahead(folder) if ahead else None

        def find(report: Report) -> ItemPool:  # (looked up when reached: the customer is known then)
            from intervjufas.reading.plan.folder_items import follow_up_pool

            state, reader = (read_ahead.result() if read_ahead is not None else None) or (None, None)
            return follow_up_pool(
                folder,
                questionnaire,
                exclude_id=report.report_id,
                customer=report.text("kund"),
                scope=scope.value,
                state=state,
                reader=reader,
            )

        round_ = cls(find)
        round_._read_ahead = read_ahead
        return round_

    def begin_reading(self) -> None:
        """The consultant has answered a question: read the folder ahead now (once)."""
        if self._read_ahead is not None:
            self._read_ahead.start()

    def pool(self, report: Report) -> ItemPool:
        if callable(self._items):
            return self._items(report)
        if isinstance(self._items, Sequence):
            return ListPool(self._items)
        return self._items

    def run(self, session: Recorder, *, fresh: bool) -> None:
        """A new report (``fresh``) follows up the newest items; a continued one the follow-ups it
        recorded before it stopped and has not answered."""
        pending = any(f.status is None for f in session.report.follow_ups)
        pool = self.pool(session.report) if fresh or pending else None
        if pending:
            self.ask_pending(session, pool)
        elif fresh and pool is not None:
            self.ask_new(session, pool)

    def ask_new(self, session: Recorder, pool: ItemPool) -> None:
        """A new report: the newest items, BATCH at a time, each handful recorded before it is asked;
        after each, the choice to see more or skip the rest."""
        from intervjufas.reading.plan.state import grouped_by_step

        asked = 0
        while asked < pool.total:
            batch = [item for _, group in grouped_by_step(pool.take(BATCH)) for item in group]
            if not batch:
                return
            _record(session, batch)
            if on_screen(session.prompter):  # (the handful on one screen, "fler" chosen there)
                if not self._ask_on_screen(session, pool, batch, asked):
                    return
                asked += len(batch)
                continue
            session.prompter.section(FOLLOW_UP_TITLE, _overview(pool, batch, asked))
            for item in batch:
                asked += 1
                self._ask_item(session, item.key, item, asked, pool.total)
            remaining = pool.total - asked
            if remaining > 0 and not _wants_more(session, asked, remaining, pool.total):
                return

    def _ask_on_screen(self, session: Recorder, pool: ItemPool, batch: list[OpenItem], asked: int) -> bool:
        """The handful on one screen; whether the consultant wants to see more."""
        self.followed.update((item.key, item) for item in batch)
        last = asked + len(batch)
        return ask_batch(
            session,
            batch,
            lead=_overview(pool, batch, asked, listed=False),
            title=FOLLOW_UP_TITLE,
            progress=f"Uppföljning · moment {asked + 1}–{last} av {pool.total}",
            remaining=pool.total - last,
        )

    def ask_pending(self, session: Recorder, pool: ItemPool | None) -> None:
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
            self._ask_item(session, follow_up.key, item, number, len(pending), label=follow_up.label)

    def joined(self, report: Report, question: Question, value: Value) -> Value:
        """One open row per moment and kind: a newly planned item joins the open item of the same
        moment and kind (see ``reading.plan.state.joined_items``)."""
        items = items_in(value)
        if not question.plan or not items:
            return value
        from intervjufas.reading.plan.state import joined_items

        return joined_items(question.plan, items, self.pool(report).open_now(), report.follow_ups)

    def done_items(self, report: Report) -> list[tuple[str, str | None, ActionItem]]:
        """(plan kind, phase, item) of every item the report's follow-up marks done – also of those
        followed up before a stop, when the report is continued (looked up in the pool)."""
        unknown = [f.key for f in report.follow_ups if f.status == "Genomfört" and f.key not in self.followed]
        if unknown:
            self.followed.update(self.pool(report).lookup(unknown))
        from intervjufas.report.process_map.report_map import step_phase

        done: list[tuple[str, str | None, ActionItem]] = []
        for follow_up in report.follow_ups:
            item = self.followed.get(follow_up.key)
            if follow_up.status == "Genomfört" and item is not None and item.item is not None:
                done.append((item.plan, item.phase or step_phase(item.step_number), item.item))
        return done

    def _ask_item(
        self, session: Recorder, key: str, item: OpenItem | None, number: int, total: int, label: str = ""
    ) -> None:
        context = ""
        if item is not None:
            self.followed[key] = item  # (what is done changes the map this session starts from)
            context = f"Från {item.source.name}"
            if item.last_status:
                context += f" · senast: {item.last_status}"
        question = (
            follow_up_question(item.moment, item.why, item.kind) if item else follow_up_question(label, "")
        )
        request = AskRequest(question, f"Uppföljning · moment {number} av {total}", context=context)
        session.ask(request, lambda answer: _answered(session, key, answer))


def _overview(pool: ItemPool, batch: list[OpenItem], asked: int, *, listed: bool = True) -> str:
    if asked:
        head = f"Moment {asked + 1}–{asked + len(batch)} av {pool.total} öppna moment {pool.scope}."
    elif len(batch) < pool.total:
        head = f"{len(batch)} av {pool.total} öppna moment {pool.scope} (de nyaste först)."
    else:
        head = f"Du har {pool.total} öppna moment {pool.scope}."
    lines = [f"{pool.note} {head}" if pool.note and not asked else head]
    if not asked:
        lines.append("Ange för varje: Genomfört, Delvis, Inte än eller Släpp.")
    return "\n".join(lines + (_item_lines(batch) if listed else []))


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


def _record(session: Recorder, batch: list[OpenItem]) -> None:
    known = {f.key for f in session.report.follow_ups}
    fresh = [item for item in batch if item.key not in known]
    if fresh:
        session.report.follow_ups.extend(FollowUp(item.key, item.label) for item in fresh)
        session.save([f"uppfoljning:{item.key}" for item in fresh])


def _answered(session: Recorder, key: str, answer: Answer) -> None:
    session.report.follow_ups = [
        FollowUp(f.key, f.label, answer) if f.key == key else f for f in session.report.follow_ups
    ]
    session.save([f"uppfoljning:{key}"])


def _wants_more(session: Recorder, asked: int, remaining: int, total: int) -> bool:
    question = Question(
        id="uppfoljning_fler",
        text=f"Det finns {remaining} öppna moment till. Vill du följa upp fler?",
        kind=CHOICE,
        choices=(MORE, SKIP_REST),
        required=True,
        help=f"{MORE} visar {min(BATCH, remaining)} till; {SKIP_REST.lower()} går vidare till frågorna. "
        "De moment du hoppar över kommer tillbaka nästa gång.",
    )
    answer = session.prompter.ask(AskRequest(question, f"Uppföljning · {asked} av {total} uppföljda"))
    return answer.value == MORE


def _read_ahead(folder: Path) -> ReadAhead[tuple[FolderState, PlanReader]]:
    """The folder's plan state (``folder_items.folder_state``) and its kept plan sections (loaded:
    after a ``plan``, thousands of them) read ahead, from the first answer (see
    ``session.read_ahead``): a folder of 20,000 reports takes a second to look through, which the
    consultant would otherwise wait for after the date."""

    def read() -> tuple[FolderState, PlanReader]:
        from intervjufas.reading.plan.folder_items import folder_state
        from intervjufas.reading.plan.plan_facts import PlanReader

        state = folder_state(folder)
        reader = PlanReader(folder)
        reader.load()
        return state, reader

    return ReadAhead(read, "uppfoljning")
