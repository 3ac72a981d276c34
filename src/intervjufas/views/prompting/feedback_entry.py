"""Answers to a feedback form typed in one respondent at a time (``enkat --skriv-in``), for forms
that came back on paper or by e-mail: plain prompts as ``--enkel`` asks them, each answer checked
as an imported cell is (a rating on its scale; personal data in free text replaced, with a
warning), no name asked and none kept.

A respondent is done after the last question; an empty line skips a question. At "Fler svar?" n,
end of input (Ctrl-D) or Ctrl-C ends the entry: the respondents finished so far are kept, the one
half-typed is not (nothing of them was saved yet).
"""

from __future__ import annotations

from typing import IO, TextIO

from intervjufas.model.answers import Answer
from intervjufas.model.question_types.choice import YesNoType
from intervjufas.model.questions import Question
from intervjufas.reading.feedback.forms import Form
from intervjufas.reading.feedback.problems import Problem
from intervjufas.reading.feedback.values import Cell, Response, cell_value
from intervjufas.session.prompter import AskRequest
from intervjufas.views.prompting.plain_prompter import PlainPrompter

MORE = Question("fler", "Fler svar att skriva in?", YesNoType())


def typed_responses(form: Form, stdin: TextIO | None, stdout: IO[str], *, echo: bool) -> list[Response]:
    """The respondents typed in, each with at least one answer."""
    prompter = PlainPrompter(stdin, stdout, echo=echo)
    items = list(form.items())
    responses: list[Response] = []
    try:
        while True:
            number = len(responses) + 1
            prompter.section(f"Svarande {number}", "Tom rad hoppar över en fråga. Skriv inga namn.")
            answers = []
            for index, item in enumerate(items, start=1):
                answer = _ask(prompter, item.question, f"Fråga {index} av {len(items)}")
                found: list[Problem] = []
                value = cell_value(item, str(answer.value), Cell(number, index), found) if answer.value is not None else None
                for problem in found:
                    prompter.note(f"Varning: {problem.message}")
                if value is not None:
                    answers.append((item.id, value))
            if answers:
                responses.append(Response(tuple(answers)))
            if _ask(prompter, MORE, "").value != "Ja":
                return responses
    except (EOFError, KeyboardInterrupt):
        prompter.note("")
        return responses


def _ask(prompter: PlainPrompter, question: Question, progress: str) -> Answer:
    return prompter.ask(AskRequest(question, progress))  # (a PartialAnswer is a KeyboardInterrupt)
