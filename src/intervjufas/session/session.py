"""Running a questionnaire over a report: asks in order, evaluates conditions, saves after every
answer, and resumes at the first unanswered question.  It never prints or prompts by itself: all
interaction goes through a ``Prompter``.

A session owns its follow-up of earlier plans (``FollowUpRound``) and its process map
(``MapState``); how they find what they need in the reports folder is theirs to know.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial

from intervjufas.errors import PartialAnswer
from intervjufas.model.answers import Answer
from intervjufas.model.questionnaire import Questionnaire, Step
from intervjufas.model.questions import Question
from intervjufas.report.model import Report
from intervjufas.session.earlier_feedback import EarlierFeedback
from intervjufas.session.follow_up import FollowUpRound
from intervjufas.session.process_map import MapState
from intervjufas.session.prompter import AskRequest, Prompter

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
        *,
        follow_up: FollowUpRound | None = None,
        process_map: MapState | None = None,
        feedback: EarlierFeedback | None = None,
    ) -> None:
        """``defaults``: an earlier report whose answers are offered (``--utga-fran``); the follow-up
        of earlier plans and the map to start from are none unless given."""
        self.questionnaire = questionnaire
        self.report = report
        self.prompter = prompter
        self.defaults = defaults
        self.follow_up = follow_up if follow_up is not None else FollowUpRound()
        self.process_map = process_map if process_map is not None else MapState()
        self.feedback = feedback if feedback is not None else EarlierFeedback()
        self._saver = save

    # -- the whole run --------------------------------------------------------------------------
    def run(self, steps: Sequence[Step], *, record_open_items: bool = False, follow_up: bool = True) -> Report:
        """Ask the metadata, then (if asked to) follow up earlier open items, then the steps.

        With ``record_open_items`` (a new report) the newest open items are asked a handful at a
        time; otherwise only follow-ups recorded earlier in this report and not yet answered."""
        fresh = record_open_items or (
            not self.report.follow_ups and bool(self.pending(self.questionnaire.metadata))
        )
        self.ask_metadata()
        if follow_up:
            self.follow_up.run(self, fresh=fresh)
        for step in steps:
            self.ask_step(step)
        return self.report

    def save(self, keys: list[str]) -> None:
        """Save the report after these keys changed; the report is then what was saved."""
        self.report = self._saver(self.report, keys)

    def _record(self, key: str, answer: Answer) -> None:
        question = self.questionnaire.question(key)
        if question is not None:  # (not a follow-up): give new moments and items their ids
            value = question.kind.identify(question, answer.value)
            value = self.process_map.linked(self.report, self.questionnaire, question, value)
            answer = Answer(self.follow_up.joined(self.report, question, value), answer.comment)
        self.report.answers[key] = answer
        self.report.drafts.pop(key, None)
        self.save([key])

    def _record_draft(self, key: str, answer: Answer) -> None:
        """Keep what was typed when the session stopped, as an unfinished answer."""
        self.report.drafts[key] = answer
        self.save([key])

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
            moments = self.process_map.carried(self.report, self.follow_up, self.prompter).get(question.phase)
            if moments:
                return Answer(moments)
        if self.defaults is not None and question.kind.carried_over:
            earlier = self.defaults.answers.get(question.id)
            if earlier is not None:
                return earlier  # left empty earlier is offered empty: a skipped rating stays skipped
        return question.default_answer()

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
                map_moments=self.process_map.choices(self.report, self.questionnaire, question),
            )
            previous_group = question.group
            self.feedback.before(question, self.questionnaire, self.report, self.prompter)
            self.ask(
                request,
                partial(self._record, question.id),
                partial(self._record_draft, question.id),
            )
