"""A warning at the moment of typing: a prompter that checks every answer for personal data before
the session saves it.

Why: a reflection on the interview process has no need for a candidate's personnummer, e-mail
address or phone number, yet free-text answers invite them, and once saved they are in a file
(and its backups). The guard wraps whichever prompter the session uses (menus, ``--enkel``, a
test), so the warning looks the same everywhere: one line naming what was found (masked), then a
menu question, asked through the same prompter, to rewrite the answer (the default; the typed
answer is offered again so nothing is lost) or keep it as it is.

Stops pass through unchanged, except at the guard's own question: an answer the user was warned
about is then kept as an unfinished answer with the personal data masked, so what was written is
not lost and the data itself is not saved.

When nobody is there to answer (``--enkel`` with the answers piped in, one line per prompt), the
guard only warns: a question of its own would take the next piped line, meant for the next question.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from intervjufas.errors import AnswerError, PartialAnswer
from intervjufas.model.answers import Answer
from intervjufas.model.question_types.table import CHOICE
from intervjufas.model.questions import Question
from intervjufas.session.follow_up_batch import BatchRequest
from intervjufas.session.prompter import AskRequest, Prompter
from intervjufas.session.wrapped_prompter import WrappedPrompter

REWRITE = "Skriv om svaret"
KEEP = "Behåll svaret som det är"
PROGRESS = "Rapporten behöver inga personuppgifter – beskriv processen, inte personerna."
DECISION = Question(
    id="personuppgifter",
    text="Vad vill du göra med svaret?",
    kind=CHOICE,
    choices=(REWRITE, KEEP),
    required=True,
)


class PersonalDataGuard(WrappedPrompter):
    """A ``Prompter`` that asks through ``prompter`` and warns about personal data in the answers."""

    def __init__(self, prompter: Prompter, *, interactive: bool = True, today: dt.date | None = None) -> None:
        """``interactive``: someone answers at a terminal (else the guard warns without asking)."""
        super().__init__(prompter)
        self.interactive = interactive
        self.today = today

    def reflect_together(self, requests: tuple[AskRequest, ...]) -> tuple[Answer, ...]:
        answers = super().reflect_together(requests)
        from intervjufas.model.answer_texts import personal_data_in
        from intervjufas.model.personal_data import describe

        for request, answer in zip(requests, answers, strict=True):  # (said; the screen cannot ask)
            findings = personal_data_in(request.question, answer, today=self.today)
            if findings:
                self.prompter.note(f"Varning: {describe(findings)}")
        return tuple(answers)

    def follow_up_batch(self, request: BatchRequest) -> bool:
        """The handful on one screen; a comment with personal data is refused where it is typed
        (the screen says why and keeps the text to rewrite), since the screen cannot ask."""
        change = request.on_change

        def checked(key: str, answer: Answer) -> None:
            from intervjufas.model.answer_texts import personal_data_in
            from intervjufas.model.personal_data import describe
            from intervjufas.report.model import FOLLOW_UP_QUESTION

            findings = personal_data_in(FOLLOW_UP_QUESTION, answer, today=self.today)
            if findings:
                raise AnswerError(f"{describe(findings)} {PROGRESS}")
            change(key, answer)

        return super().follow_up_batch(replace(request, on_change=checked))

    def ask(self, request: AskRequest) -> Answer:
        while True:
            answer = self.prompter.ask(request)  # a stop or a partial answer goes on as it is
            from intervjufas.model.answer_texts import personal_data_in  # (the detector: once answered)
            from intervjufas.model.personal_data import describe

            findings = personal_data_in(request.question, answer, today=self.today)
            if not findings:
                return answer
            if not self.interactive:
                self.prompter.note(f"Varning: {describe(findings)}")
                return answer
            self.prompter.note(describe(findings))
            if not self._wants_rewrite(request.question, answer):
                return answer
            # Ask again with what was typed as the suggestion (the group heading is not repeated).
            request = replace(request, default=answer, group=None)

    def _wants_rewrite(self, question: Question, answer: Answer) -> bool:
        try:
            decision = self.prompter.ask(AskRequest(DECISION, PROGRESS, default=Answer(REWRITE)))
        except (KeyboardInterrupt, EOFError) as stop:  # (a PartialAnswer is one, with its cause)
            raise PartialAnswer(self.masked(question, answer), getattr(stop, "cause", stop)) from None
        return decision.value != KEEP

    def masked(self, question: Question, answer: Answer) -> Answer:
        """The answer with the personal data in its free text masked (``******-1234``)."""
        from intervjufas.model.answer_texts import rewrite_free_texts
        from intervjufas.model.personal_data import redact

        return rewrite_free_texts(question, answer, lambda piece: redact(piece.text, today=self.today))
