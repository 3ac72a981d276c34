"""The answers the customer and the candidates gave last time, shown once in a mapping before the
consultant rates the experience in the reflection of the last step (Steg 3 in the mapping set).

Why a hook of its own: the session only asks; finding the latest earlier answers for the same
customer is ``reading.feedback.earlier``'s, done when the first rating of that step is reached
(the customer is known then), and never stops the session.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from intervjufas.model.questionnaire import Questionnaire
from intervjufas.model.questions import Question
from intervjufas.report.model import Report
from intervjufas.session.prompter import Prompter

Finder = Callable[[Report], list[str]]


class EarlierFeedback:
    def __init__(self, find: Finder | None = None) -> None:
        self._find = find
        self._shown = False

    @classmethod
    def in_folder(cls, folder: Path) -> EarlierFeedback:
        def find(report: Report) -> list[str]:
            from intervjufas.errors import IntervjufasError
            from intervjufas.reading.feedback.aggregate import MIN_RESPONDENTS
            from intervjufas.reading.feedback.earlier import earlier_feedback_lines
            from intervjufas.reading.feedback.minimum import minimum_count

            try:
                minimum = minimum_count()
            except IntervjufasError:  # (a bad value never lowers the rule)
                minimum = MIN_RESPONDENTS
            return earlier_feedback_lines(folder, report, minimum)

        return cls(find)

    def before(self, question: Question, questionnaire: Questionnaire, report: Report, prompter: Prompter) -> None:
        """Before the reflection that holds the first rating of the set's last step with ratings
        (the first question of its group, or the rating itself): the lines, once."""
        if self._shown or self._find is None or question.id != _reflection_start(questionnaire):
            return
        self._shown = True
        lines = self._find(report)
        if lines:
            prompter.note("\n".join(lines))


def _reflection_start(questionnaire: Questionnaire) -> str | None:
    """The id of the question the last step's reflection on the experience starts with."""
    for step in reversed(questionnaire.steps):
        rating = next((q for q in step.questions if q.kind.is_rating), None)
        if rating is not None:
            if rating.group is None:
                return rating.id
            return next(q.id for q in step.questions if q.group == rating.group)
    return None
