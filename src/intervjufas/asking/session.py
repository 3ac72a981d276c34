"""Running a questionnaire over a report: asks in order, evaluates conditions, saves after every
answer, and resumes at the first unanswered question.  It never prints or prompts by itself: all
interaction goes through a ``Prompter``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import partial

from intervjufas.asking.follow_up import ItemPool, ListPool, PoolFinder, follow_up_new, follow_up_pending
from intervjufas.asking.prompter import AskRequest, Prompter
from intervjufas.errors import PartialAnswer
from intervjufas.model.answers import Answer, Moment, Value, items_in
from intervjufas.model.questionnaire import Questionnaire, Step
from intervjufas.model.questions import Question
from intervjufas.reading.plan.state import OpenItem, joined_items
from intervjufas.reading.process_map.start_map import EarlierMap, StartMap, carried_map
from intervjufas.report.model import Report
from intervjufas.report.process_map.report_map import mapped_moments, step_phase

Saver = Callable[[Report, Iterable[str]], Report]
METADATA_TITLE = "Om uppdraget"


class Session:
    def __init__(
        self,
        questionnaire: Questionnaire,
        report: Report,
        prompter: Prompter,
        save: Saver,
        defaults: Report | None = None,
        earlier_map: Callable[[], StartMap] | None = None,
    ) -> None:
        """``earlier_map`` finds the process map a new mapping starts from (called once, when the
        first map question is reached); the follow-up of earlier plans changes it."""
        self.questionnaire = questionnaire
        self.report = report
        self.prompter = prompter
        self.save = save
        self.defaults = defaults
        self.followed: dict[str, OpenItem] = {}  # the earlier items followed up, by key
        self._earlier_map = earlier_map
        self._carried: dict[str, tuple[Moment, ...]] | None = None
        self._open_items: Sequence[OpenItem] | ItemPool | PoolFinder = ()

    # -- the whole run --------------------------------------------------------------------------
    def run(
        self,
        steps: Sequence[Step],
        open_items: Sequence[OpenItem] | ItemPool | PoolFinder = (),
        *,
        record_open_items: bool = False,
        follow_up: bool = True,
    ) -> Report:
        """Ask the metadata, then (if asked to) follow up earlier open items, then the steps.

        ``open_items`` are earlier plans' items (a list or a pool), or a function that finds them for this report
        (called only when they are needed, once its customer is known).  With
        ``record_open_items`` (a new report) the newest are asked a handful at a time; otherwise
        only follow-ups recorded earlier in this report and not yet answered are asked."""
        self._open_items = open_items  # (to find the items a continued report followed up)
        fresh = record_open_items or (
            not self.report.follow_ups and bool(self.pending(self.questionnaire.metadata))
        )
        self.ask_metadata()
        if follow_up:
            pending = any(f.status is None for f in self.report.follow_ups)
            pool: ItemPool | None = None
            if fresh or pending:
                pool = _pool(open_items, self.report)
            if pending:
                follow_up_pending(self, pool)
            elif fresh and pool is not None:
                follow_up_new(self, pool)
        for step in steps:
            self.ask_step(step)
        return self.report

    def _record(self, key: str, answer: Answer) -> None:
        question = self.questionnaire.question(key)
        if question is not None:  # (not a follow-up): give new moments and items their ids
            value = question.kind.identify(question, answer.value)
            answer = Answer(self._joined(question, self._linked(question, value)), answer.comment)
        self.report.answers[key] = answer
        self.report.drafts.pop(key, None)
        self.report = self.save(self.report, [key])

    def _record_draft(self, key: str, answer: Answer) -> None:
        """Keep what was typed when the session stopped, as an unfinished answer."""
        self.report.drafts[key] = answer
        self.report = self.save(self.report, [key])

    def ask(
        self,
        request: AskRequest,
        record: Callable[[Answer], None],
        keep_unfinished: Callable[[Answer], None] | None = None,
    ) -> None:
        """Ask and record.  When the user stops half-way, what was typed is kept (as an unfinished
        answer with ``keep_unfinished``, else as the answer), then the stop goes on."""
        try:
            answer = self.prompter.ask(request)
        except PartialAnswer as stopped:
            (keep_unfinished or record)(stopped.answer)
            raise stopped.cause from None
        record(answer)

    def default_for(self, question: Question) -> Answer | None:
        draft = self.report.drafts.get(question.id)
        if draft is not None:
            return draft  # what was being typed when the session stopped
        if question.kind.maps_process and question.phase:
            moments = self.carried_map().get(question.phase)
            if moments:
                return Answer(moments)
        if self.defaults is not None and question.kind.carried_over:
            earlier = self.defaults.answers.get(question.id)
            if earlier is not None:
                return earlier  # left empty earlier is offered empty: a skipped rating stays skipped
        return question.default_answer()

    def carried_map(self) -> dict[str, tuple[Moment, ...]]:
        """The earlier map, with the items the follow-up marked done applied (computed once) –
        also those followed up before a stop, when the report is continued."""
        if self._carried is None:
            unknown = [
                f.key
                for f in self.report.follow_ups
                if f.status == "Genomfört" and f.key not in self.followed
            ]
            if unknown:
                self.followed.update(_pool(self._open_items, self.report).lookup(unknown))
            done = []
            for follow_up in self.report.follow_ups:
                item = self.followed.get(follow_up.key)
                if follow_up.status == "Genomfört" and item is not None and item.item is not None:
                    done.append((item.plan, item.phase or step_phase(item.step_number), item.item))
            earlier = self._earlier_map() if self._earlier_map is not None else {}
            if not isinstance(earlier, EarlierMap):
                earlier = EarlierMap(earlier)
            self._carried = carried_map(earlier.phases, done, self.report.date)
            if earlier.source is not None and any(self._carried.values()):
                self.prompter.note(_map_source(earlier, self.report.author))
        return self._carried

    def map_choices(self, question: Question) -> tuple[Moment, ...]:
        """The moments a question about developing or removing moments picks from: those mapped
        in its phase (every phase when it has none)."""
        if question.plan not in ("utveckla", "ta_bort"):
            return ()
        mapped = mapped_moments(self.report, self.questionnaire)
        if question.phase:
            return mapped.get(question.phase, ())
        return tuple(moment for moments in mapped.values() for moment in moments)

    def _linked(self, question: Question, value: Value) -> Value:
        """Items to develop or remove that were typed (or given in an answers file) rather than
        picked on the map, linked by name to the one moment of the map they name, if there is one."""
        choices = self.map_choices(question)
        items = items_in(value)
        if not choices or not items:
            return value
        linked = []
        for item in items:
            if not item.moment_id:
                named = [m for m in choices if _same_name(m.name, item.moment)]
                if len(named) == 1:
                    item = replace(item, moment_id=named[0].id)
            linked.append(item)
        return tuple(linked)

    def _joined(self, question: Question, value: Value) -> Value:
        """One open row per moment and kind: see ``reading.plan.state.joined_items``."""
        items = items_in(value)
        if not question.plan or not items:
            return value
        open_now = _pool(self._open_items, self.report).open_now()
        return joined_items(question.plan, items, open_now, self.report.follow_ups)

    # -- parts ----------------------------------------------------------------------------------
    def pending(self, questions: Sequence[Question]) -> list[Question]:
        answers = self.report.answers
        return [q for q in questions if q.id not in answers and q.is_active(answers)]

    def ask_metadata(self) -> None:
        questions = self.questionnaire.metadata
        if not self.pending(questions):
            return
        self.prompter.section(METADATA_TITLE, self.questionnaire.description)
        self._ask_in_order(questions, METADATA_TITLE)

    def ask_step(self, step: Step) -> None:
        if not self.pending(step.questions):
            return
        self.prompter.section(step.heading, step.lead)
        self._ask_in_order(step.questions, step.label)

    def _ask_in_order(self, questions: Sequence[Question], label: str) -> None:
        previous_group = None
        while True:
            pending = self.pending(questions)
            if not pending:
                return
            question = pending[0]
            active = [q for q in questions if q.is_active(self.report.answers)]
            number = active.index(question) + 1
            opens_group = question.group is not None and question.group != previous_group
            request = AskRequest(
                question=question,
                progress=f"{label} · fråga {number} av {len(active)}",
                default=self.default_for(question),
                group=question.group if opens_group else None,
                map_moments=self.map_choices(question),
            )
            previous_group = question.group
            self.ask(
                request,
                partial(self._record, question.id),
                partial(self._record_draft, question.id),
            )


def _same_name(one: str, other: str) -> bool:
    return " ".join(one.casefold().split()) == " ".join(other.casefold().split())


def _map_source(earlier: EarlierMap, author: str) -> str:
    """Where the offered moments come from: "Momenten föreslås från processkartan i FIL (Anna)." """
    assert earlier.source is not None
    whose = f" ({earlier.author})" if earlier.author and earlier.author != author else ""
    return f"Momenten föreslås från processkartan i {earlier.source.name}{whose}."


def _pool(open_items: Sequence[OpenItem] | ItemPool | PoolFinder, report: Report) -> ItemPool:
    if callable(open_items):
        return open_items(report)
    if isinstance(open_items, Sequence):
        return ListPool(open_items)
    return open_items
