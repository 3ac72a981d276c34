"""The full-screen frame both map screens share (the map editor and the reflection on the map),
built on prompt_toolkit's public API: a title and the question, a list with one cursor, a small
form at the bottom, a message line, and the keys that work now, shown in Swedish the way pgcli
and ptpython show theirs (a bar of key and word pairs, changing with what has the focus).

Width decides the layout (``rows(width)`` of the owner: stacked lines under 100 columns), every
line is wrapped at spaces by the program, and nothing needs colour: the cursor row is reversed,
fields are underlined and every state is said in words, so ``no_color`` only turns colour off.
Ctrl-C and a stop signal end the screen with ``Stopped`` (as the program's prompts do), Ctrl-D with
``EOFError``; the owner keeps what was typed.  This module is imported only when a map screen
opens, so prompt_toolkit is imported at its top.
"""

from __future__ import annotations

import contextlib
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from prompt_toolkit.application import Application, get_app
from prompt_toolkit.data_structures import Point
from prompt_toolkit.filters import Condition
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.key_binding import KeyBindings, KeyBindingsBase, KeyPressEvent
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout import (
    ConditionalContainer,
    DynamicContainer,
    HSplit,
    Layout,
    ScrollOffsets,
    Window,
)
from prompt_toolkit.layout.controls import FormattedTextControl
from prompt_toolkit.output.color_depth import ColorDepth
from prompt_toolkit.styles import Style

from intervjufas.errors import AnswerError, Stopped
from intervjufas.views.process_map.form import Form, sentence

Line = StyleAndTextTuples
KeyHints = list[tuple[str, str]]  # (key, what it does)
WIDE = 100  # columns from which a row may put things side by side
_STYLE = {
    "title": "bold",
    "dim": "#8a8a8a",
    "heading": "bold underline",
    "selected": "reverse",
    "taken": "italic #8a8a8a",
    "marked": "bold",
    "rule": "#5f819d",
    "field": "underline",
    "field.focused": "underline bold",
    "label.focused": "bold",
    "error": "bold #d70000",
    "keybar": "reverse",
    "keybar.key": "reverse bold",
}


def wrapped(text: str, width: int, indent: str = "") -> list[str]:
    """Lines of at most ``width`` columns, broken at spaces; the next lines indented."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += textwrap.wrap(
            paragraph,
            max(width, 10),
            subsequent_indent=indent,
            break_long_words=True,
            break_on_hyphens=False,
        ) or [""]
    return lines


@dataclass
class Row:
    """One entry of the list: its lines (each a list of (style, text)); ``key`` is what it stands
    for, None for a heading or a blank line the cursor skips."""

    lines: list[Line]
    key: object = None


class Screen:
    """The frame; the owner gives its rows, its key hints, its help and its list keys."""

    def __init__(
        self,
        *,
        title: str,
        question: str,
        rows: Callable[[int], list[Row]],
        hints: Callable[[], KeyHints],
        help_lines: Sequence[str],
        bindings: KeyBindings,
        note: str = "",
        no_color: bool = False,
    ) -> None:
        self.title, self.question, self.note = title, question, note
        self._rows, self._hints, self.help_lines = rows, hints, help_lines
        self.no_color = no_color
        self.cursor = 0
        self.form: Form | None = None
        self.help_shown = False
        self.message, self.message_is_error = "", False
        self._row_lines: list[int] = []  # the first line of each selectable row, as last drawn
        self._form_body: Any = Window(height=0)
        self.list_window = Window(
            FormattedTextControl(
                self._list_text,
                focusable=True,
                key_bindings=self._navigation(bindings),
                get_cursor_position=self._cursor_point,
                show_cursor=False,
            ),
            scroll_offsets=ScrollOffsets(top=1, bottom=2),
            always_hide_cursor=True,
        )
        self.layout = self._layout()
        self.app: Application[Any] | None = None

    # -- state the owner changes ------------------------------------------------------------------
    def width(self) -> int:
        """The columns to draw in (before the screen runs: those of prompt_toolkit's dummy output)."""
        return max(get_app().output.get_size().columns - 1, 20)

    def selectable(self) -> list[object]:
        return [row.key for row in self._rows(self.width()) if row.key is not None]

    def current(self) -> object | None:
        keys = self.selectable()
        if not keys:
            return None
        self.cursor = max(0, min(self.cursor, len(keys) - 1))
        return keys[self.cursor]

    def select(self, key: object) -> None:
        keys = self.selectable()
        if key in keys:
            self.cursor = keys.index(key)

    def say(self, text: str, *, error: bool = False) -> None:
        self.message, self.message_is_error = text, error

    def open_form(self, form: Form) -> None:
        self.form = form
        self._form_body = form.container(self.say, self.close_form)
        self.layout.focus(form.windows[0])

    def close_form(self) -> None:
        self.form = None
        self._form_body = Window(height=0)
        self.layout.focus(self.list_window)

    def keep_typed(self) -> None:
        """Save what was typed in the open form, as Enter would (when the user stopped); a form
        that cannot be saved yet (a moment without a name) is left."""
        form = self.form
        if form is not None and any(text.strip() for text in form.values().values()):
            with contextlib.suppress(AnswerError):
                form.save(form.values())

    def run(self, input: Any = None, output: Any = None) -> Any:
        """Run the screen until the owner exits it (``event.app.exit(result=…)``); ``input`` and
        ``output`` are prompt_toolkit's (tests pass a pipe)."""
        from intervjufas.session.stopping import prompt_open

        self.app = self._application(input, output)
        with prompt_open(self.app):
            return self.app.run(handle_sigint=False)

    # -- layout -----------------------------------------------------------------------------------
    def _application(self, input: Any, output: Any) -> Application[Any]:
        stops = KeyBindings()

        @stops.add("c-c")
        def _interrupt(event: KeyPressEvent) -> None:  # Ctrl-C: the owner keeps what was typed
            event.app.exit(exception=Stopped(2, None))

        @stops.add("c-d")
        def _end(event: KeyPressEvent) -> None:
            event.app.exit(exception=EOFError())

        return Application(
            layout=self.layout,
            key_bindings=stops,
            input=input,
            output=output,
            style=Style.from_dict(_STYLE),
            full_screen=True,
            color_depth=ColorDepth.DEPTH_1_BIT if self.no_color else None,
        )

    def _layout(self) -> Layout:
        has_form = Condition(lambda: self.form is not None)
        body = HSplit(
            [
                Window(FormattedTextControl(self._header), dont_extend_height=True),
                self.list_window,
                ConditionalContainer(DynamicContainer(lambda: self._form_body), filter=has_form),
                Window(FormattedTextControl(self._message), dont_extend_height=True),
                Window(FormattedTextControl(self._keybar), dont_extend_height=True, style="class:keybar"),
            ]
        )
        return Layout(body, focused_element=self.list_window)

    def _navigation(self, bindings: KeyBindings) -> KeyBindingsBase:
        """The owner's list keys, and moving the cursor; while the help is shown, any key closes it."""
        from prompt_toolkit.key_binding import merge_key_bindings

        help_shown = Condition(lambda: self.help_shown)
        keys = KeyBindings()

        def step(by: int) -> Callable[[KeyPressEvent], None]:
            def move(event: KeyPressEvent) -> None:
                count = len(self.selectable())
                self.cursor = max(0, min(self.cursor + by, count - 1))

            return move

        for key, by in (
            ("up", -1),
            ("down", 1),
            ("pageup", -5),
            ("pagedown", 5),
            ("home", -999),
            ("end", 999),
        ):
            keys.add(key, filter=~help_shown)(step(by))

        @keys.add("?", filter=~help_shown)
        def _help(event: KeyPressEvent) -> None:
            self.help_shown = True
            self.say("")

        @keys.add(Keys.Any, filter=help_shown)
        def _close_help(event: KeyPressEvent) -> None:
            self.help_shown = False

        return merge_key_bindings([keys, bindings])

    # -- drawing ----------------------------------------------------------------------------------
    def _header(self) -> Line:
        width = self.width()
        lines: Line = [("class:title", "\n".join(wrapped(self.title, width)) + "\n")]
        lines.append(("", "\n".join(wrapped(self.question, width))))
        if self.note:
            lines.append(("class:dim", "\n" + "\n".join(wrapped(self.note, width))))
        lines.append(("class:rule", "\n" + "─" * width))
        return lines

    def _list_text(self) -> Line:
        width = self.width()
        if self.help_shown:
            return [
                ("", "\n".join(line for text in self.help_lines for line in wrapped(text, width, "    ")))
            ]
        rows = self._rows(width)
        current = self.current()
        out: Line = []
        self._row_lines, number = [], 0
        for row in rows:
            if row.key is not None:
                self._row_lines.append(number)
            for index, line in enumerate(row.lines):
                if row.key is not None and row.key == current:
                    line = _pointed(line) if index == 0 else line
                    if self.form is None:  # (while a form is open the pointer alone shows the row)
                        line = [("class:selected " + part[0], part[1]) for part in line]
                out += [*line, ("", "\n")]
                number += 1
        return out[:-1]

    def _cursor_point(self) -> Point:
        if self.help_shown or not self._row_lines:
            return Point(0, 0)
        return Point(0, self._row_lines[min(self.cursor, len(self._row_lines) - 1)])

    def _message(self) -> Line:
        text, style = self.message, "class:error" if self.message_is_error else ""
        if self.form is not None and not text:
            focused = self.form.focused_field()
            if focused is not None:
                hint = focused.hint
                text = hint(self.form.buffers[focused.name].text) if callable(hint) else hint
                style = "class:dim"
        return [(style, "\n".join(wrapped(text, self.width())))] if text else []

    def _keybar(self) -> Line:
        if self.help_shown:
            hints: KeyHints = [("", "Tryck valfri tangent för att stänga hjälpen")]
        elif self.form is not None:
            several = len(self.form.fields) > 1
            hints = [("Enter", "Spara"), *([("Tab", "Nästa fält")] if several else []), ("Esc", "Avbryt")]
        else:
            hints = self._hints()
        return _bar(hints, self.width())


def _bar(hints: KeyHints, width: int) -> Line:
    """The key hints in lines of ``width``: each pair kept whole."""
    out: Line = []
    used = 0
    for key, word in hints:
        size = len(key) + len(word) + 4
        if used and used + size > width:
            out.append(("class:keybar", " " * max(width - used, 0) + "\n"))
            used = 0
        out += [("class:keybar.key", f" {key}" if key else " "), ("class:keybar", f" {word}  ")]
        used += size
    out.append(("class:keybar", " " * max(width - used, 0)))
    return out


def _pointed(line: Line) -> Line:
    """The first line of the row under the cursor, marked by '›' in its first column (seen without
    colour, and in a copy of the screen as text)."""
    if not line or not line[0][1].startswith(" "):
        return line
    style, text = line[0][0], line[0][1]
    return [(style, "›" + text[1:]), *line[1:]]


def keyed(owner: Any, action: Callable[[], None]) -> Callable[[KeyPressEvent], None]:
    """A list key's handler: runs ``action``; a refusal (AnswerError) is said on the message line.
    (``owner.screen`` is looked up when the key comes: the keys are made before the screen.)"""

    def handle(event: KeyPressEvent) -> None:
        screen: Screen = owner.screen
        screen.say("")
        try:
            action()
        except AnswerError as error:
            screen.say(sentence(str(error)), error=True)

    return handle
