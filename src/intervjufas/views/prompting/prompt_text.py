"""What the prompters share: the texts of their hints, the menu entry that skips a question, and how
a default answer is offered (as text to edit, or as the menu entry to highlight)."""

from __future__ import annotations

from intervjufas.model.answers import Answer
from intervjufas.model.questions import Question, Widget

SKIP = "__hoppa_over__"
SELECT_HELP = "(piltangenter eller siffra, Enter väljer)"
# A menu whose choice may take a comment: Tab chooses and opens the comment line (comment_key.py).
SELECT_COMMENT_HELP = "(piltangenter eller siffra, Enter väljer, Tab väljer och kommenterar)"
CHOOSE_FIRST_HELP = "(välj med siffra eller piltangenter, sedan Enter)"  # Enter alone chooses nothing
CHECKBOX_HELP = "(piltangenter flyttar, mellanslag markerar, Enter bekräftar)"
MULTILINE_HELP = "(Enter ger ny rad · Esc och sedan Enter sparar · Ctrl-O öppnar din editor)"
# The widgets that ask a list one entry at a time and print the question's help under their title.
LIST_WIDGETS = frozenset({Widget.ITEMS, Widget.MOMENTS})


def default_text(question: Question, default: Answer | None) -> str:
    """A default answer as the text a user would type."""
    if default is None or default.value is None:
        return ""
    value = default.value
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def menu_default(question: Question, default: Answer | None) -> object:
    """The menu entry to highlight: the default answer, else "(hoppa över)" for an optional
    question – so that a hurried Enter never records an answer nobody chose."""
    value = None if default is None else default.value
    if value is None or value not in question.kind.choices(question):
        return None if question.required else SKIP
    return value


def scale_title(question: Question, number: int) -> str:
    label = dict(question.scale_labels).get(number)
    return f"{number} – {label}" if label else str(number)


def scale_echo(question: Question, number: int) -> str:
    """A rating as it is repeated once chosen, always in one form: 'N av MAX', with the number's
    label when the scale names it ('4 av 5', '3 av 5 (Godtagbar)'), as the exports write it."""
    label = dict(question.scale_labels).get(number)
    shown = f"{number} av {question.scale_max}"
    return f"{shown} ({label})" if label else shown
