"""A menu where Enter alone chooses nothing: until a key has moved the pointer or picked an entry by
its number, Enter is ignored.  For a rating without an earlier answer, so that a hurried Enter
neither skips it nor records the first number (skipping is the menu's last entry, chosen like any
other).  Built on prompt_toolkit's public key bindings and its key processor's events."""

from __future__ import annotations

from typing import Any


def enter_needs_a_choice(prompt: Any) -> Any:
    """``prompt`` (a Questionary question) with Enter ignored until another key was pressed."""
    from prompt_toolkit.filters import Condition
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    state = {"touched": False, "ignored": False}
    guard = KeyBindings()

    @guard.add("enter", filter=Condition(lambda: not state["touched"]), eager=True)
    def _ignore(event: Any) -> None:
        state["ignored"] = True

    def after_key(_processor: Any) -> None:
        if state["ignored"]:
            state["ignored"] = False  # (the ignored Enter chose nothing)
        else:
            state["touched"] = True

    application = prompt.application
    application.key_bindings = merge_key_bindings([application.key_bindings, guard])
    application.key_processor.after_key_press += after_key
    return prompt
