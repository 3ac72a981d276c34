"""Running a questionnaire over a report: asks in order, evaluates conditions, saves after every
answer, and resumes at the first unanswered question.  It never prints or prompts by itself: all
interaction goes through a ``Prompter``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from intervjufas.asking.prompter import AskRequest, Prompter
from intervjufas.errors import PartialAnswer
from intervjufas.model.answers import Answer, Moment
from intervjufas.model.question_types import question_type
from intervjufas.model.questions import Question, Questionnaire, Step
from intervjufas.reports.action_plan import OpenItem, grouped_by_step
from intervjufas.reports.model import FOLLOW_UP_STATUSES, FOLLOW_UP_TITLE, FollowUp, Report
from intervjufas.reports.process_map import carried_map, mapped_moments

Saver = Callable[[Report, Iterable[str]], Report]
METADATA_TITLE = "Om uppdraget"


def follow_up_question(item_label: str, why: str) -> Question:
    return Question(
        id="uppfoljning",
        text=f"Hur gick det med: {item_label}?",
        type="val",
        choices=FOLLOW_UP_STATUSES,
        required=True,
        comment=True,
        help=f"Varför: {why}" if why else "",
    )


class Session:
    def __init__(
        self,
        questionnaire: Questionnaire,
        report: Report,
        prompter: Prompter,
        save: Saver,
        defaults: Report | None = None,
        earlier_map: Callable[[], dict[str, tuple[Moment, ...]]] | None = None,
    ) -> None:
        """``earlier_map`` finds the process map a new mapping starts from (called once, when the
        first map question is reached); the follow-up of earlier plans changes it."""
        self.questionnaire = questionnaire
        self.report = report
        self.prompter = prompter
        self._save = save
        self.defaults = defaults
        self._items: dict[str, OpenItem] = {}
        self._earlier_map = earlier_map
        self._carried: dict[str, tuple[Moment, ...]] | None = None

    # -- the whole run --------------------------------------------------------------------------
    def run(
        self,
        steps: Sequence[Step],
        open_items: Sequence[OpenItem] | Callable[[], Sequence[OpenItem]] = (),
        *,
        record_open_items: bool = False,
        follow_up: bool = True,
    ) -> Report:
        """Ask the metadata, then (if asked to) follow up earlier open items, then the steps.

        ``open_items`` describe earlier plans' items (or a function that finds them, called only
        when they are needed); with ``record_open_items`` (a new report) they are added to this
        report to be followed up."""
        self.ask_metadata()
        if follow_up:
            pending = any(f.status is None for f in self.report.follow_ups)
            if record_open_items or pending:
                items = list(open_items() if callable(open_items) else open_items)
                self._items = {item.key: item for item in items}
                if record_open_items:
                    self.add_follow_ups(items)
            self.ask_follow_ups()
        for step in steps:
            self.ask_step(step)
        return self.report

    def _record(self, key: str, answer: Answer) -> None:
        question = self.questionnaire.question(key)
        if question is not None:  # (not a follow-up): give new moments and items their ids
            answer = Answer(question_type(question.type).identify(question, answer.value), answer.comment)
        self.report.answers[key] = answer
        self.report.drafts.pop(key, None)
        self.report = self._save(self.report, [key])

    def _record_draft(self, key: str, answer: Answer) -> None:
        """Keep what was typed when the session stopped, as an unfinished answer."""
        self.report.drafts[key] = answer
        self.report = self._save(self.report, [key])

    def _ask(
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
        if question_type(question.type).maps_process and question.phase:
            moments = self.carried_map().get(question.phase)
            if moments:
                return Answer(moments)
        if self.defaults is not None and question_type(question.type).carried_over:
            earlier = self.defaults.answers.get(question.id)
            if earlier is not None:
                return earlier  # left empty earlier is offered empty: a skipped rating stays skipped
        return question.default_answer()

    def carried_map(self) -> dict[str, tuple[Moment, ...]]:
        """The earlier map, with the items the follow-up marked done applied (computed once)."""
        if self._carried is None:
            done = []
            for follow_up in self.report.follow_ups:
                item = self._items.get(follow_up.key)
                if follow_up.status == "Genomfört" and item is not None and item.item is not None:
                    done.append((item.plan, item.phase, item.item))
            earlier = self._earlier_map() if self._earlier_map is not None else {}
            self._carried = carried_map(earlier, done, self.report.date)
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
            self._ask(
                request,
                lambda answer, key=question.id: self._record(key, answer),
                lambda answer, key=question.id: self._record_draft(key, answer),
            )

    def add_follow_ups(self, items: Sequence[OpenItem]) -> None:
        """Record the open items of earlier plans in this report, to be followed up."""
        known = {f.key for f in self.report.follow_ups}
        fresh = [i for i in items if i.key not in known]
        if not fresh:
            return
        ordered = [item for _, group in grouped_by_step(fresh) for item in group]
        self.report.follow_ups.extend(FollowUp(item.key, item.label) for item in ordered)
        self.report = self._save(self.report, [f"uppfoljning:{i.key}" for i in ordered])

    def ask_follow_ups(self) -> None:
        pending = [f for f in self.report.follow_ups if f.status is None]
        if not pending:
            return
        items = self._items
        lines = [
            f"Du har {len(pending)} öppna moment från tidigare utvecklingsplaner. "
            "Ange för varje: Genomfört, Delvis, Inte än eller Släpp."
        ]
        current_group = None
        for follow_up in pending:
            item = items.get(follow_up.key)
            group = f"{item.step_label}: {item.step_title}" if item else None
            if group and group != current_group:
                lines.append(f"\n{group}")
                current_group = group
            lines.append(f"  • {_item_line(item) if item else follow_up.label}")
        self.prompter.section(FOLLOW_UP_TITLE, "\n".join(lines))
        for number, follow_up in enumerate(pending, start=1):
            item = items.get(follow_up.key)
            context = ""
            if item is not None:
                context = f"Från {item.source.name}"
                if item.last_status:
                    context += f" · senast: {item.last_status}"
            question = follow_up_question(item.moment if item else follow_up.label, item.why if item else "")
            request = AskRequest(
                question, f"Uppföljning · moment {number} av {len(pending)}", context=context
            )
            self._ask(request, lambda answer, key=follow_up.key: self._record_follow_up(key, answer))

    def _record_follow_up(self, key: str, answer: Answer) -> None:
        self.report.follow_ups = [
            FollowUp(f.key, f.label, answer) if f.key == key else f for f in self.report.follow_ups
        ]
        self.report = self._save(self.report, [f"uppfoljning:{key}"])


def _item_line(item: OpenItem) -> str:
    """An open item in the follow-up overview, where it already stands under its step."""
    return f"{item.moment} ({item.kind.lower()}, {item.source_date})"
