"""The small form a map screen opens under its list: labelled one-line fields on one screen (a
moment's name, whom it involves and its notes; a reason), Tab or ↓ to the next field, Enter
saves from any field, Esc cancels.

Its keys sit on each field itself, so that keys typed ahead (a paste, a fast typist, a test) reach
the fields even before the form has been drawn once; moving between fields goes by window for the
same reason.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from prompt_toolkit.application import get_app
from prompt_toolkit.buffer import Buffer
from prompt_toolkit.document import Document
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.layout import HSplit, VSplit, Window
from prompt_toolkit.layout.controls import BufferControl, FormattedTextControl

from intervjufas.errors import AnswerError

Say = Callable[..., None]  # the screen's message line: say(text, error=False)


@dataclass
class FormField:
    name: str
    label: str
    text: str = ""
    hint: Callable[[str], str] | str = ""  # said on the message line while the field has the focus


class Form:
    """Enter gives ``save`` the texts by field name; ``save`` raises AnswerError to keep the form
    open with its message.  Esc calls ``cancel`` (default: close the form)."""

    def __init__(
        self,
        title: str,
        fields: Sequence[FormField],
        save: Callable[[dict[str, str]], None],
        cancel: Callable[[], None] | None = None,
    ) -> None:
        self.title = title
        self.fields = list(fields)
        self.save = save
        self.cancel = cancel
        self.buffers = {
            f.name: Buffer(document=Document(f.text, len(f.text)), multiline=False) for f in self.fields
        }
        self.windows: list[Window] = []

    def values(self) -> dict[str, str]:
        return {name: buffer.text for name, buffer in self.buffers.items()}

    def focused_field(self) -> FormField | None:
        current = get_app().layout.current_window
        return next((f for f, w in zip(self.fields, self.windows, strict=True) if w is current), None)

    def container(self, say: Say, close: Callable[[], None]) -> HSplit:
        """The form's lines: a title rule, then each field with its label before it."""
        label_width = max(len(f.label) for f in self.fields) + 2
        keys = self._keys(say, close)
        self.windows = []
        title = VSplit(
            [
                Window(FormattedTextControl([("class:rule", f"── {self.title} ")]), dont_extend_width=True),
                Window(char="─", style="class:rule"),
            ],
            height=1,
        )
        lines: list[Any] = [title]
        for form_field in self.fields:
            buffer = self.buffers[form_field.name]
            window = Window(BufferControl(buffer, key_bindings=keys), height=1, style=_field_style(buffer))
            self.windows.append(window)
            label = Window(FormattedTextControl(_label(form_field, buffer)), width=label_width)
            lines.append(VSplit([label, window]))
        return HSplit(lines)

    def _keys(self, say: Say, close: Callable[[], None]) -> KeyBindings:
        keys = KeyBindings()

        def step(by: int) -> Callable[[KeyPressEvent], None]:
            def move(event: KeyPressEvent) -> None:
                current = event.app.layout.current_window
                index = self.windows.index(current) if current in self.windows else 0
                event.app.layout.focus(self.windows[(index + by) % len(self.windows)])

            return move

        for key, by in (("tab", 1), ("down", 1), ("s-tab", -1), ("up", -1)):
            keys.add(key)(step(by))

        @keys.add("enter")
        def _save(event: KeyPressEvent) -> None:
            try:
                self.save(self.values())
            except AnswerError as error:
                say(sentence(str(error)), error=True)

        @keys.add("escape")
        def _cancel(event: KeyPressEvent) -> None:
            say("")
            (self.cancel or close)()

        return keys


def _field_style(buffer: Buffer) -> Callable[[], str]:
    return lambda: "class:field.focused" if _focused(buffer) else "class:field"


def _label(form_field: FormField, buffer: Buffer) -> Callable[[], StyleAndTextTuples]:
    return lambda: [("class:label.focused" if _focused(buffer) else "", f"{form_field.label}:")]


def _focused(buffer: Buffer) -> bool:
    return get_app().layout.has_focus(buffer)


def sentence(text: str) -> str:
    """An error's text as a sentence: capital first letter, a full stop last."""
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")
