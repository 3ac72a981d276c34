"""The Questionary prompter: arrow-key menus and line editing, with panels and help drawn by Rich.

This is the only module that imports Questionary and prompt_toolkit, and only when a
``QuestionaryPrompter`` is created, so ``--help`` and the non-interactive commands stay fast.
"""

from __future__ import annotations

import contextlib
import sys
import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from intervjufas.errors import AnswerError, PartialAnswer, Stopped
from intervjufas.model.answers import Answer, Value
from intervjufas.model.questions import Question, Widget, coerce_value
from intervjufas.session.prompter import AskRequest
from intervjufas.views.prompting import quick_screen
from intervjufas.views.prompting.prompt_text import (
    CHECKBOX_HELP,
    CHOOSE_FIRST_HELP,
    LIST_WIDGETS,
    MULTILINE_HELP,
    SELECT_COMMENT_HELP,
    SELECT_HELP,
    SKIP,
    default_text,
    menu_default,
    scale_echo,
    scale_title,
)
from intervjufas.views.prompting.questionary_lists import ListWidgets, _ask, _typed

if TYPE_CHECKING:
    from rich.console import Console


class QuestionaryPrompter(ListWidgets):
    """Arrow-key menus and line editing with Questionary; panels and help with Rich."""

    reflects_on_map = True  # (a reflection and its yes/no question: one screen with the map)

    def __init__(self, console: Console | None = None, *, made: Callable[[], Console] | None = None) -> None:
        """With ``console``, everything is printed with it; with ``made`` instead, the text before
        the first question is written without Rich when it can be (``quick_screen``) and the
        console is made when something first needs it."""
        import questionary  # noqa: F401 - fail early here, not at the first question

        if console is None and made is None:
            raise TypeError("QuestionaryPrompter needs a console or a way to make one")
        self._console = console
        self._made = made

    @property
    def console(self) -> Console:
        """The Rich console (made now if it was not made yet)."""
        if self._console is None:
            assert self._made is not None
            self._console = self._made()
        return self._console

    @console.setter
    def console(self, console: Console) -> None:
        self._console = console

    def _quick_width(self) -> int | None:
        """The width to write at without Rich, while no console is made and Rich's output is known."""
        return quick_screen.quick_width() if self._console is None else None

    def _write(self, text: str) -> None:
        sys.stdout.write(text)
        sys.stdout.flush()

    # -- output ---------------------------------------------------------------------------------
    def section(self, title: str, text: str) -> None:
        width = self._quick_width()
        drawn = quick_screen.panel(title, text, width) if width is not None else None
        if drawn is not None:
            self._write("\n" + drawn)
            return
        from rich.panel import Panel
        from rich.text import Text

        self.console.print()
        if not text:  # no lead text: the title inside the box rather than over an empty one
            self.console.print(Panel(Text(title, style="bold"), border_style="cyan", expand=True))
            return
        title_text = Text(title, style="bold")
        self.console.print(
            Panel(Text(text), title=title_text, title_align="left", border_style="cyan", expand=True)
        )

    def note(self, text: str) -> None:
        # (the text as it is: no markup, and no emoji codes – a ':name:' in a path stays as typed,
        # and Rich's emoji table is not loaded before the first question)
        width = self._quick_width()
        drawn = quick_screen.paragraph(text, width) if width is not None else None
        if drawn is not None:
            self._write(drawn)
            return
        self.console.print(text, highlight=False, markup=False, emoji=False)

    def fitted(
        self, message: str, instruction: str | None = None, *, room: int = 0
    ) -> tuple[str, str | None]:
        """The question and its hint laid out for the terminal's width: prompt_toolkit would break
        them anywhere, even mid-word, so they are wrapped here at spaces.  The hint stays after the
        question when it fits there, else it gets lines of its own; a text answer that would have
        less than ``room`` columns after the question starts on a line of its own."""
        quick = self._quick_width()
        width = max((quick if quick is not None else self.console.width) - 1, 20)
        lines = _wrapped(message, width - 2)  # (after "? ", and the next lines indented as much)
        last = len(lines[-1]) + 2
        text = "\n  ".join(lines)
        if instruction:
            if last + 1 + len(instruction) <= width:
                return text, instruction
            return text, "\n  " + "\n  ".join(_wrapped(instruction, width - 2))
        if room and width - last - 1 < room:
            return text, "\n>"
        return text, None

    def _intro(self, request: AskRequest) -> None:
        width = self._quick_width()
        drawn = quick_screen.intro(request, width) if width is not None else None
        if drawn is not None:
            self._write(drawn)
            return
        from rich.text import Text

        if request.group is not None:
            self.console.print()
            self.console.print(Text(request.group.title, style="bold cyan"))
            if request.group.text and request.group.text != request.group.title:
                self.console.print(Text(request.group.text, style="cyan"))
        self.console.print()
        self.console.print(Text(request.progress, style="dim"))
        if request.context:
            self.console.print(Text(request.context, style="dim"))
        if request.question.help and request.question.kind.widget not in LIST_WIDGETS:
            # (an item list prints its help under its own title)
            self.console.print(Text(request.question.help, style="italic dim"))
        sys.stdout.flush()

    # -- input ----------------------------------------------------------------------------------
    def ask(self, request: AskRequest) -> Answer:
        self._intro(request)
        return ASKED_WITH[request.question.kind.widget](self, request)

    # -- the widgets (see ASKED_WITH) --------------------------------------------------------------
    def _ask_line(self, request: AskRequest) -> Answer:
        return Answer(self._text(request.question, request.default, multiline=False))

    def _ask_lines(self, request: AskRequest) -> Answer:
        return Answer(self._text(request.question, request.default, multiline=True))

    def _ask_menu(self, request: AskRequest) -> Answer:
        question, default = request.question, request.default
        previous = default.comment if default else ""
        tabbed: dict[str, bool] = {}  # (Tab chose the entry: the comment line follows)
        value = self._select(question, default, tabbed if question.comment else None)
        comment = previous
        if question.comment and value is not None and (tabbed.get("comment") or previous):
            try:
                comment = self._line("Kommentar (valfritt):", previous, required=False)
            except KeyboardInterrupt as stop:
                raise PartialAnswer(Answer(value, _typed(stop)), stop) from None
        return Answer(value, comment)

    def _ask_checkbox(self, request: AskRequest) -> Answer:
        return Answer(self._checkbox(request.question, request.default))

    def _ask_scale(self, request: AskRequest) -> Answer:
        return Answer(self._scale(request.question, request.default))

    def _ask_suggestions(self, request: AskRequest) -> Answer:
        """Colleagues' moments, each sent with one key (``suggestion_keys``), then repeated."""
        from intervjufas.views.prompting.suggestion_keys import choose_on_terminal, chosen_line

        question = request.question
        try:
            chosen = choose_on_terminal(question, no_color=self.console.no_color)
        except KeyboardInterrupt:
            with contextlib.suppress(OSError):  # (the question stays on the screen, unanswered)
                self._echo(question.text, "")
            raise
        self._echo(question.text, chosen_line(question.choices, chosen))
        return Answer(coerce_value(question, list(chosen)))

    def _bindings(self) -> Any:
        from prompt_toolkit.key_binding import KeyBindings

        bindings = KeyBindings()

        @bindings.add("c-o")
        def _open_editor(event: Any) -> None:
            event.current_buffer.open_in_editor(validate_and_handle=True)

        @bindings.add("c-c")
        def _stop(event: Any) -> None:  # Ctrl-C keeps what was typed so far
            event.app.exit(exception=Stopped(2, event.current_buffer.text), style="class:aborting")

        return bindings

    def _text(self, question: Question, default: Answer | None, *, multiline: bool) -> Value:
        import questionary

        def validate(text: str) -> bool | str:
            if question.required and not text.strip():
                return "Frågan måste besvaras."
            try:
                coerce_value(question, text)
            except AnswerError as error:
                return f"{error}."
            return True

        if multiline:
            message, hint = self.fitted(question.text, MULTILINE_HELP)
            hint = (hint if hint is not None and hint.startswith("\n") else f"\n  {hint}") + "\n>"
        else:
            message, hint = self.fitted(question.text, room=ANSWER_ROOM)
        prompt = questionary.text(
            message,
            default=default_text(question, default),
            validate=validate,
            multiline=multiline,
            instruction=hint,
            key_bindings=self._bindings(),
        )
        try:
            answer = _ask(prompt)
        except Stopped as stop:
            raise _partial(question, stop) from None
        return coerce_value(question, answer)

    def _line(self, message: str, default: str, *, required: bool) -> str:
        import questionary

        typed: str = _ask(
            questionary.text(
                message,
                default=default,
                validate=(lambda t: bool(t.strip()) or "Skriv något.") if required else None,
                key_bindings=self._bindings(),
            )
        )
        return typed

    def _menu(
        self,
        question: Question,
        choices: list[Any],
        default: object,
        echo: Callable[[Any], str] | None = None,
        *,
        enter_alone: bool = True,
        tabbed: dict[str, bool] | None = None,
    ) -> object:
        """One choice from a menu (the value of the chosen Choice); an optional question gets a last
        choice to skip it (None).  ``echo`` words a chosen value as it is repeated (else its title);
        without ``enter_alone``, Enter chooses only once a key has moved the pointer or picked an entry."""
        import questionary

        if not question.required:
            choices = [*choices, questionary.Choice("(hoppa över)", value=SKIP)]
        help_text = SELECT_HELP if enter_alone else CHOOSE_FIRST_HELP
        message, hint = self.fitted(question.text, help_text if tabbed is None else SELECT_COMMENT_HELP)
        prompt = questionary.select(
            message,
            choices=choices,
            # (the value of a Choice, compared with each choice's value: a number on a scale,
            # though questionary's annotation names only texts)
            default=cast("str | None", default),
            instruction=hint,
            use_shortcuts=len(choices) <= 9,
            use_jk_keys=False,
            # (prompt_toolkit would break the answered line anywhere, even mid-word: it is
            # printed again below, wrapped at spaces)
            erase_when_done=True,
        )
        if not enter_alone:
            from intervjufas.views.prompting.chosen_first import enter_needs_a_choice

            enter_needs_a_choice(prompt)
        state: dict[str, bool] = {}
        if tabbed is not None:  # (a comment goes with the choice: Tab chooses and opens its line)
            from intervjufas.views.prompting.comment_key import tab_comments

            state = tab_comments(prompt)
        value = self._ask_erased(question.text, prompt)
        if tabbed is not None:
            tabbed.update(state)
        title = next((str(c.title) for c in choices if c.value == value), str(value))
        self._echo(question.text, echo(value) if echo is not None and value != SKIP else title)
        return None if value == SKIP else value

    def _select(
        self, question: Question, default: Answer | None, tabbed: dict[str, bool] | None = None
    ) -> str | None:
        import questionary

        choices = [questionary.Choice(c, value=c) for c in question.choices]
        value = self._menu(question, choices, menu_default(question, default), tabbed=tabbed)
        return value if isinstance(value, str) else None

    def _checkbox(self, question: Question, default: Answer | None) -> tuple[str, ...] | None:
        import questionary

        chosen = set(default.value) if default is not None and isinstance(default.value, tuple) else set()
        message, hint = self.fitted(question.text, CHECKBOX_HELP)
        values = self._ask_erased(
            question.text,
            questionary.checkbox(
                message,
                choices=[questionary.Choice(c, value=c, checked=c in chosen) for c in question.choices],
                instruction=hint,
                validate=(lambda v: bool(v) or "Välj minst ett alternativ.")
                if question.required
                else (lambda v: True),
                use_jk_keys=False,
                erase_when_done=True,  # Questionary would print an English summary ("done (2 selections)")
            ),
        )
        chosen_values = tuple(c for c in question.choices if c in values)
        self._echo(question.text, ", ".join(chosen_values) or "(inget valt)")
        return chosen_values or None

    def _ask_erased(self, question: str, prompt: Any) -> Any:
        """Run a prompt that erases itself when done (its answered line is printed again by
        ``_echo``); when it is stopped, the question stays on the screen, unanswered."""
        try:
            return _ask(prompt)
        except KeyboardInterrupt:
            with contextlib.suppress(OSError):  # (a closed terminal takes nothing)
                self._echo(question, "")
            raise

    def _echo(self, question: str, answer: str) -> None:
        """Print a finished question the way Questionary does."""
        from rich.text import Text

        line = Text()
        line.append("? ", style="bold #5f819d")
        line.append(question, style="bold")
        line.append(" ")
        line.append(answer, style="bold #ff9d00")
        self.console.print(line)

    def _scale(self, question: Question, default: Answer | None) -> int | None:
        import questionary

        numbers = range(question.scale_min, question.scale_max + 1)
        choices = [questionary.Choice(scale_title(question, n), value=n) for n in numbers]
        # Without an earlier answer nothing is pre-selected: Enter alone chooses nothing, and skipping
        # is chosen like a number.  An earlier answer – a skipped rating too – is kept by Enter.
        unanswered = default is None
        value = self._menu(
            question,
            choices,
            None if unanswered else menu_default(question, default),
            echo=lambda n: scale_echo(question, int(n)),
            enter_alone=not unanswered,
        )
        return value if isinstance(value, int) else None


ANSWER_ROOM = 24  # columns a one-line answer should have after its question, else it starts below


def _wrapped(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` columns, broken at spaces (a longer word keeps its line)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += textwrap.wrap(paragraph, width, break_long_words=False, break_on_hyphens=False) or [""]
    return lines


# Which method asks each widget of the question-type table.
# How each widget is asked (a test checks that every widget has its entry).
ASKED_WITH: dict[Widget, Callable[[QuestionaryPrompter, AskRequest], Answer]] = {
    Widget.LINE: QuestionaryPrompter._ask_line,
    Widget.LINES: QuestionaryPrompter._ask_lines,
    Widget.MENU: QuestionaryPrompter._ask_menu,
    Widget.YESNO: QuestionaryPrompter._ask_menu,
    Widget.CHECKBOX: QuestionaryPrompter._ask_checkbox,
    Widget.SCALE: QuestionaryPrompter._ask_scale,
    Widget.ITEMS: QuestionaryPrompter._ask_items,
    Widget.MOMENTS: QuestionaryPrompter._ask_moments,
    Widget.SUGGESTIONS: QuestionaryPrompter._ask_suggestions,
}


def _partial(question: Question, stop: Stopped) -> BaseException:
    """Half-typed text of a text question, kept as an unfinished answer when it is a valid value."""
    try:
        value = coerce_value(question, stop.text or "")
    except AnswerError:
        value = None
    return PartialAnswer(Answer(value), stop) if value is not None else stop
