"""Plain line-by-line prompting (``--enkel``): no cursor movement or colour, for screen readers,
dumb terminals and answers piped in one line per prompt.

Every prompt is one line of plain text.  Choices are numbered (type 2, or 1,3 for several), yes/no
takes j or n, a scale takes the number itself, longer answers end with an empty line, and ? shows
the question's help.  A suggested answer is shown as ``[standard: …]`` and kept with Enter; - leaves
an optional question unanswered.  When the answers come from a pipe, each one is echoed after its
prompt, so the output reads as a transcript.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from typing import IO, TextIO

from intervjufas.errors import AnswerError, PartialAnswer
from intervjufas.model.answers import Answer, Value
from intervjufas.model.question_types.choice import match_choice
from intervjufas.model.questions import Question, Widget, coerce_value
from intervjufas.session.map_reflection import KINDS as REFLECTIONS
from intervjufas.session.prompter import AskRequest
from intervjufas.views.prompting.plain_lists import (
    SKIP_KEY,
    PlainListWidgets,
    _suggested,
    offered_items,
    offered_moments,
)
from intervjufas.views.prompting.prompt_text import default_text

HELP_KEY = "?"
HINTS = {Widget.CHECKBOX: "Skriv numren, t.ex. 1,3", Widget.YESNO: "Skriv j eller n", Widget.MENU: "Skriv numret"}


class PlainPrompter(PlainListWidgets):
    """The ``Prompter`` of ``--enkel``: reads lines from ``stdin`` and writes plain text to ``stdout``."""

    reflects_on_map = True  # (a reflection and its yes/no question: answered together on the map)

    def __init__(self, stdin: TextIO | None, stdout: IO[str], *, echo: bool = True) -> None:
        """``echo`` repeats each answer after its prompt: for answers piped in (not a terminal)."""
        self.stdin = stdin
        self.stdout = stdout
        self.echo = echo

    # -- output ---------------------------------------------------------------------------------
    def _print(self, text: str = "") -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()

    def section(self, title: str, text: str) -> None:
        self._print()
        self._print(f"== {title} ==")
        if text:
            self._print(text)

    def note(self, text: str) -> None:
        self._print(text)

    def _read(self, prompt: str) -> str:
        if self.stdin is None:  # standard input closed
            self._print(prompt)
            raise EOFError
        try:  # (from the prompt on: a stop that comes before the read begins ends its line too)
            self.stdout.write(prompt)
            self.stdout.flush()
            line = self.stdin.readline()
        except KeyboardInterrupt:
            with contextlib.suppress(OSError):  # (a closed terminal cannot take it)
                self._print()  # end the prompt line, so the message that follows starts on its own
            raise
        if not line:
            self._print()
            raise EOFError
        line = line.rstrip("\n").rstrip("\r")
        if self.echo:
            self._print(line)
        return line

    # -- questions ------------------------------------------------------------------------------
    def ask(self, request: AskRequest) -> Answer:
        question = request.question
        if request.group is not None:
            self._print()
            self._print(request.group.title)
            if request.group.text and request.group.text != request.group.title:
                self._print(request.group.text)
        self._print()
        self._print(request.progress)
        if request.context:
            self._print(request.context)
        if request.asks_first is not None:  # (a reflection: its yes/no question first, as written)
            self._print(request.asks_first.text)
        self._print(question.text)
        if question.help:
            self._print(f"(Skriv {HELP_KEY} för hjälp.)")
        self.map_moments = request.map_moments
        while True:
            try:
                return ASKED_WITH[question.kind.widget](self, request)
            except AnswerError as error:
                self._print(f"Ogiltigt svar: {error}. Försök igen.")

    def _show_help(self, question: Question) -> None:
        self._print(f"Hjälp: {question.help}" if question.help else "Ingen hjälptext för den här frågan.")

    def _line(self, prompt: str, question: Question) -> str:
        """One line of input; ? shows the help and asks again."""
        while True:
            text = self._read(prompt)
            if text.strip() == HELP_KEY:
                self._show_help(question)
                continue
            return text

    # -- the widgets (see ASKED_WITH) --------------------------------------------------------------
    def _ask_line(self, request: AskRequest) -> Answer:
        question = request.question
        return Answer(self._single_line(question, default_text(question, request.default)))

    def _ask_lines(self, request: AskRequest) -> Answer:
        question = request.question
        return Answer(self._multiline(question, default_text(question, request.default)))

    def _ask_choice(self, request: AskRequest) -> Answer:
        """A menu, yes or no, several choices or a scale: typed by number (or as the choice)."""
        question, default = request.question, request.default
        value = self._choose(question, default, default_text(question, default))
        comment = ""
        if question.comment and value is not None:
            previous = default.comment if default else ""
            try:
                comment = self._line(f"Kommentar (valfritt){_suggested(previous)}: ", question).strip()
            except (KeyboardInterrupt, EOFError) as stop:
                raise PartialAnswer(Answer(value, previous), stop) from None
            comment = comment or previous
        return Answer(value, comment)

    def _ask_items(self, request: AskRequest) -> Answer:
        question = request.question
        if question.phase and question.plan in REFLECTIONS:
            return self._reflect(request)
        return Answer(self._action_items(question, request.default))

    def _ask_moments(self, request: AskRequest) -> Answer:
        """The phase's map in plain lines (``views.process_map.editor_lines``): printed numbered,
        then one short command a line; every edit goes to ``request.keep`` as it is made."""
        from intervjufas.views.process_map.editor_lines import LineEditor

        keep = request.keep
        editor = LineEditor(
            offered_moments(request.default),
            self._read,
            self._print,
            (lambda moments: keep(Answer(moments))) if keep is not None else None,
        )
        return Answer(editor.run() or None)

    def _ask_suggestions(self, request: AskRequest) -> Answer:
        """Colleagues' moments, numbered, and one line saying where each goes (``suggestion_keys``)."""
        from intervjufas.views.prompting.suggestion_keys import PLAIN_PROMPT, chosen_in_line, plain_lines

        question = request.question
        for line in plain_lines(question):
            self._print(line)
        return Answer(coerce_value(question, list(chosen_in_line(question, self._line(PLAIN_PROMPT, question)))))

    def _reflect(self, request: AskRequest) -> Answer:
        """A reflection on the phase's map in plain lines (the yes/no question before it, when
        asked together, is answered by choosing nothing or something)."""
        from intervjufas.views.process_map.reflection_lines import reflect_in_lines

        question, keep, first = request.question, request.keep, request.asks_first
        chosen = reflect_in_lines(
            question.plan or "",
            request.phase_map or request.map_moments,
            read=self._read,
            write=self._print,
            earlier=offered_items(request.default),
            taken=request.taken,
            on_change=(lambda items: keep(Answer(items))) if keep is not None else None,
        )
        if first is not None:
            self._print(f"{first.text} {'Ja' if chosen else 'Nej'}")
        return Answer(chosen or None)

    def _hint(self, question: Question, text: str, shown: str) -> str:
        """The prompt: what to type, whether the question must be answered, and the suggestion."""
        if question.required:
            text += " (måste besvaras)"
        elif shown:
            text += f", eller {SKIP_KEY} för inget svar"
        else:
            text += ", eller Enter för att hoppa över"
        return f"{text}{_suggested(shown)}: "

    def _empty(self, question: Question, text: str, shown: str) -> bool:
        """True when the typed text leaves the question unanswered (and that is allowed)."""
        if text.strip() == SKIP_KEY and not question.required:
            return True
        if not text.strip() and not shown:
            if question.required:
                raise AnswerError("frågan måste besvaras")
            return True
        return False

    def _single_line(self, question: Question, shown: str) -> Value:
        what = question.kind.line_hint
        text = self._line(self._hint(question, what, shown), question)
        if self._empty(question, text, shown):
            return None
        return coerce_value(question, text if text.strip() else shown)

    def _options(self, question: Question) -> list[str]:
        return [str(choice) for choice in question.kind.choices(question)]  # (a menu's choices are texts)

    def _choose(self, question: Question, default: Answer | None, shown: str) -> Value:
        widget = question.kind.widget
        if widget is Widget.SCALE:
            labels = ", ".join(f"{n} = {text}" for n, text in question.scale_labels)
            scale = f"Skala {question.scale_min}–{question.scale_max}"
            self._print(f"{scale}: {labels}" if labels else scale)
            hint = f"Skriv en siffra {question.scale_min}–{question.scale_max}"
        else:
            for number, title in enumerate(self._options(question), start=1):
                self._print(f"  {number}) {title}")
            hint = HINTS[widget]
        text = self._line(self._hint(question, hint, shown), question).strip()
        if self._empty(question, text, shown):
            return None
        if not text:
            assert default is not None
            return default.value
        if widget is Widget.SCALE:
            return coerce_value(question, text)
        return self._chosen(question, text)

    def _chosen(self, question: Question, text: str) -> Value:
        options = self._options(question)
        several = question.kind.widget is Widget.CHECKBOX
        parts = _parts(text) if several else [text]
        chosen = []
        for part in parts:
            if part.isdigit() and 1 <= int(part) <= len(options):
                chosen.append(options[int(part) - 1])
            elif part.isdigit():
                raise AnswerError(f"välj ett nummer mellan 1 och {len(options)}")
            else:
                chosen.append(match_choice(question, part) if several else str(coerce_value(question, part)))
        if several:
            return tuple(c for c in question.choices if c in chosen) or None
        return chosen[0]

    def _multiline(self, question: Question, shown: str) -> str | None:
        if shown:
            self._print("Föreslaget svar:")
            for line in shown.split("\n"):
                self._print(f"  {line}")
            keep = "Tryck Enter direkt för att behålla det"
            if not question.required:
                keep += f", eller skriv {SKIP_KEY} för inget svar"
            self._print(f"({keep}.)")
        required = " Frågan måste besvaras." if question.required else ""
        self._print(f"Skriv ditt svar, en eller flera rader. Avsluta med en tom rad.{required}")
        lines: list[str] = []
        while True:
            try:
                line = self._line("> ", question)
            except (KeyboardInterrupt, EOFError) as stop:
                if lines:  # the lines already entered are kept as an unfinished answer
                    raise PartialAnswer(Answer("\n".join(lines)), stop) from None
                raise
            if not line.strip():
                break
            if not lines and line.strip() == SKIP_KEY and not question.required:
                return None
            lines.append(line)
        text = "\n".join(lines) if lines else shown
        if question.required and not text.strip():
            raise AnswerError("frågan måste besvaras")
        return text or None


# How each widget is asked, line by line (a test checks that every widget has its entry).
ASKED_WITH: dict[Widget, Callable[[PlainPrompter, AskRequest], Answer]] = {
    Widget.LINE: PlainPrompter._ask_line,
    Widget.LINES: PlainPrompter._ask_lines,
    Widget.MENU: PlainPrompter._ask_choice,
    Widget.YESNO: PlainPrompter._ask_choice,
    Widget.CHECKBOX: PlainPrompter._ask_choice,
    Widget.SCALE: PlainPrompter._ask_choice,
    Widget.ITEMS: PlainPrompter._ask_items,
    Widget.MOMENTS: PlainPrompter._ask_moments,
    Widget.SUGGESTIONS: PlainPrompter._ask_suggestions,
}


def _parts(text: str) -> list[str]:
    """The choices typed for a multiple-choice question: '1,3', '1 3' or 'Telefonintervju, Snabbintervju'."""
    parts: list[str] = []
    for piece in re.split(r"[,;]", text):
        piece = piece.strip()
        if re.fullmatch(r"\d+(\s+\d+)*", piece):
            parts.extend(piece.split())
        elif piece:
            parts.append(piece)
    return parts
