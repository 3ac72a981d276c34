"""Running a questionnaire over a report: asks in order, evaluates conditions, saves after every
answer, and resumes at the first unanswered question.  It never prints or prompts by itself: all
interaction goes through a ``Prompter``.

A session owns its follow-up of earlier plans (``FollowUpRound``) and its process map
(``MapState``); how they find what they need in the reports folder is theirs to know.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from intervjufas.errors import PartialAnswer
from intervjufas.model.answers import NO, YES, Answer
from intervjufas.model.conditions import Comparison
from intervjufas.model.questionnaire import Questionnaire, Step
from intervjufas.model.questions import Group, Question, Widget
from intervjufas.report.model import Report
from intervjufas.session.earlier_feedback import EarlierFeedback
from intervjufas.session.follow_up import FollowUpRound
from intervjufas.session.process_map import MapState
from intervjufas.session.prompter import AskRequest, Prompter
from intervjufas.session.suggestions import (
    TO_MAP,
    TO_PLAN,
    Suggestions,
    added,
    destinations,
    plan_questions,
    planned,
)

if TYPE_CHECKING:
    from intervjufas.reading.process_map.team_suggestions import Suggestion

Saver = Callable[[Report, Iterable[str]], Report]
REFLECTIONS = ("lagga_till", "utveckla", "ta_bort")
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
        suggestions: Suggestions | None = None,
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
        self.suggestions = suggestions if suggestions is not None else Suggestions()
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
        self.suggestions.begin_reading()  # (the team's moments, offered after the first map)
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
        self.follow_up.begin_reading()
        if question is not None and question.kind.maps_process:
            self.map_final(question, answer)

    def map_final(self, question: Question, answer: Answer) -> None:
        """The one place where a phase's map is final: the consultant has closed its editor and
        the map is saved (``question`` is the phase's map question, ``answer`` the map).  What is
        offered after a phase's map, before the reflections on it, starts here: the colleagues'
        moments the map lacks."""
        self._offer_colleagues_moments(question, answer)

    def _record_reflection(self, yes_no: Question, items: Question, answer: Answer) -> None:
        """A reflection answered on the map: the yes/no question before it is Ja when something
        was chosen or added, else Nej (and the reflection, not asked then, keeps no draft)."""
        chosen = answer.value is not None
        self._record(yes_no.id, Answer(YES if chosen else NO))
        if chosen:
            self._record(items.id, answer)
        elif self.report.drafts.pop(items.id, None) is not None:
            self.save([items.id])

    def _offer_colleagues_moments(self, question: Question, answer: Answer) -> None:
        """Once a phase's map is final: the team's moments it lacks, each to the map, to the plan
        as a moment to add, or skipped (see ``suggestions``)."""
        offer = self.suggestions.pending(question, answer, self.questionnaire)
        if offer is None:
            return
        asked, found = offer

        def take(picked: Answer) -> None:
            going = destinations(found, picked)
            extended = added(answer, going[TO_MAP])
            if extended is not None:
                self._record(question.id, extended)
            if going[TO_PLAN]:
                self._plan_to_add(asked.phase or "", going[TO_PLAN])

        self.ask(AskRequest(question=asked, progress="Förslag från kollegorna"), take, lambda _half: None)

    def _plan_to_add(self, phase: str, chosen: list[Suggestion]) -> None:
        """Colleagues' moments put in the plan: items of the phase's reflection "lägga till", as if
        chosen there – its Ja saved and the items kept unfinished, so that the reflection, asked
        next, shows them for a reason or more (an answered reflection gets them at once)."""
        questions = plan_questions(self.questionnaire, phase)
        if questions is None:
            return
        yes_no, items = questions
        if items.id in self.report.answers:
            self._record(items.id, Answer(planned(self.report.answers[items.id], chosen)))
            return
        if getattr(self.report.answers.get(yes_no.id), "value", None) != YES:
            self._record(yes_no.id, Answer(YES))
        self._record_draft(items.id, Answer(planned(self.report.drafts.get(items.id), chosen)))

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
            question = self._opening(pending[0], questions)
            opens_group = question.group is not None and question.group != previous_group
            reflection = self._reflection_after(question, questions)
            pairs = self._reflections_from(question, questions) if reflection is not None else []
            if len(pairs) > 1:  # (the phase's reflections on one screen)
                opens = question.group if opens_group else None
                self._ask_reflections(pairs, questions, label, opens)
                previous_group = question.group
                continue
            asked = reflection or question
            request = AskRequest(
                question=asked,
                progress=f"{label} · {progress(questions, question)}",
                default=self.default_for(asked),
                group=question.group if opens_group else None,
                map_moments=self.process_map.choices(self.report, self.questionnaire, asked),
                keep=self._keeper(question, reflection) if on_map(asked) else None,
                phase_map=self.process_map.phase_map(self.report, self.questionnaire, asked),
                taken=self.process_map.taken(self.report, self.questionnaire, asked),
                asks_first=question if reflection is not None else None,
            )
            previous_group = question.group
            self.feedback.before(question, self.questionnaire, self.report, self.prompter)
            record = (
                partial(self._record_reflection, question, reflection)
                if reflection is not None
                else partial(self._record, question.id)
            )
            self.ask(request, record, partial(self._record_draft, asked.id))

    def _reflections_from(
        self, question: Question, questions: Sequence[Question]
    ) -> list[tuple[Question, Question]]:
        """The pairs (yes/no question, reflection) from ``question`` on that a prompter which says
        ``reflects_per_phase`` answers on one screen: consecutive, of one phase, none answered yet
        (save this first one, whose Ja may be saved from a stopped session)."""
        if not getattr(self.prompter, "reflects_per_phase", False):
            return []
        pairs: list[tuple[Question, Question]] = []
        index = questions.index(question)
        while index + 1 < len(questions):
            yes_no, reflection = questions[index], questions[index + 1]
            answered = yes_no.id in self.report.answers and pairs
            if answered or reflection.id in self.report.answers or not opened_by(reflection, yes_no):
                break
            if pairs and reflection.phase != pairs[0][1].phase:
                break
            pairs.append((yes_no, reflection))
            index += 2
        return pairs

    def _ask_reflections(
        self,
        pairs: list[tuple[Question, Question]],
        questions: Sequence[Question],
        label: str,
        group: Group | None,
    ) -> None:
        """A phase's reflections answered on one screen; each edit is kept as it is made (see
        ``_keeper``), each answer recorded as when asked one at a time."""
        requests: list[AskRequest] = []
        for yes_no, reflection in pairs:
            self.feedback.before(yes_no, self.questionnaire, self.report, self.prompter)
            requests.append(
                AskRequest(
                    question=reflection,
                    progress=f"{label} · {progress(questions, yes_no)}",
                    default=self.default_for(reflection),
                    map_moments=self.process_map.choices(self.report, self.questionnaire, reflection),
                    keep=self._keeper(yes_no, reflection),
                    phase_map=self.process_map.phase_map(self.report, self.questionnaire, reflection),
                    taken=self.process_map.taken(self.report, self.questionnaire, reflection),
                    asks_first=yes_no,
                    group=group if not requests else None,
                )
            )
        answers = self.prompter.reflect_together(tuple(requests))  # type: ignore[attr-defined]
        for (yes_no, reflection), answer in zip(pairs, answers, strict=True):
            self._record_reflection(yes_no, reflection, answer)

    def _keeper(self, question: Question, reflection: Question | None) -> Callable[[Answer], None]:
        """What keeps each edit on the map: the edited answer as an unfinished one; for a reflection
        asked with its yes/no question, that question's Ja too, saved at once when the first
        moment is chosen or added (the reflection may be stopped before it is finished)."""
        if reflection is None:
            return partial(self._record_draft, question.id)

        def keep(answer: Answer) -> None:
            if answer.value and getattr(self.report.answers.get(question.id), "value", None) != YES:
                self._record(question.id, Answer(YES))
            self._record_draft(reflection.id, answer)

        return keep

    def _opening(self, question: Question, questions: Sequence[Question]) -> Question:
        """The yes/no question that opens this reflection when both are answered on the map and
        the reflection was stopped after its Ja was saved: asked together again (choosing nothing
        then makes it Nej); else the question itself."""
        index = questions.index(question)
        before = questions[index - 1] if index > 0 else None
        if (
            before is not None
            and getattr(self.prompter, "reflects_on_map", False)
            and before.kind.widget is Widget.YESNO
            and opened_by(question, before)
        ):
            return before
        return question

    def _reflection_after(self, question: Question, questions: Sequence[Question]) -> Question | None:
        """The reflection on the map that this yes/no question opens ("Finns det moment som du
        skulle vilja utveckla?", then the moments and why), when the prompter answers both on the
        map at once: the next question, asked only on Ja, choosing moments of a phase."""
        if not getattr(self.prompter, "reflects_on_map", False) or question.kind.widget is not Widget.YESNO:
            return None
        index = questions.index(question)
        following = questions[index + 1] if index + 1 < len(questions) else None
        if following is None or following.id in self.report.answers or not opened_by(following, question):
            return None
        return following


def on_map(question: Question) -> bool:
    """Whether a question is answered on a phase's map: its moments, or a reflection on it."""
    return bool(question.phase) and (question.kind.maps_process or question.plan in REFLECTIONS)


def opened_by(reflection: Question, yes_no: Question) -> bool:
    """Whether a reflection on the map is asked only when this yes/no question is answered Ja."""
    condition = reflection.condition
    return (
        on_map(reflection)
        and not reflection.kind.maps_process
        and isinstance(condition, Comparison)
        and condition.question_id == yes_no.id
        and condition.operator == "ar"
        and condition.value == YES
    )


FOLLOW_UP_QUESTION = "följdfråga"


def progress(questions: Sequence[Question], question: Question) -> str:
    """Where a question is in its part, counted so that the count never changes: the questions
    asked whatever the answers are numbered ('fråga 5 av 11'); a follow-up question (one with a
    condition, e.g. what to add after a Ja) carries the number of the question it follows."""
    base = [q for q in questions if q.condition is None]
    if not base:
        return f"fråga {list(questions).index(question) + 1} av {len(questions)}"
    before = list(questions)[: list(questions).index(question) + 1]
    number = max(1, sum(1 for q in before if q.condition is None))
    follows = "" if question.condition is None else f" · {FOLLOW_UP_QUESTION}"
    return f"fråga {number} av {len(base)}{follows}"
