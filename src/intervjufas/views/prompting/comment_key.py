"""A menu whose choice can take a comment without a question of its own: Enter chooses the entry
under the pointer, Tab chooses it and opens the comment line.  So a question with an optional
comment ("Finns det en tydlig struktur?" with "Kommentar (valfritt):") costs one Enter whether the
consultant comments or not.  Built on prompt_toolkit's public key bindings; the entry under the
pointer is the one Questionary's own Enter would choose."""

from __future__ import annotations

from typing import Any

COMMENT_HINT = "Tab väljer och kommenterar"


def tab_comments(prompt: Any) -> dict[str, bool]:
    """``prompt`` (a Questionary select) with Tab choosing the pointed entry as Enter does; the state
    says afterwards whether Tab was used (``state["comment"]``)."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
    from questionary.prompts.common import InquirerControl

    state = {"comment": False}
    application = prompt.application
    menu = next(c for c in application.layout.find_all_controls() if isinstance(c, InquirerControl))
    keys = KeyBindings()

    @keys.add("tab", eager=True)
    def _choose_and_comment(event: Any) -> None:
        state["comment"] = True
        menu.is_answered = True
        event.app.exit(result=menu.get_pointed_at().value)

    application.key_bindings = merge_key_bindings([application.key_bindings, keys])
    return state
