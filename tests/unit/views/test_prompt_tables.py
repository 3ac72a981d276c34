"""Widgets come from the question-type table: every type names a widget, and every prompter has one
entry for every widget – so a new widget fails here until each prompter can ask it."""

from __future__ import annotations

import pytest

from intervjufas.model.question_types.table import TYPES
from intervjufas.model.questions import Widget
from intervjufas.views.prompting import plain_prompter, questionary_prompter


@pytest.mark.parametrize("table", [plain_prompter.ASKED_WITH, questionary_prompter.ASKED_WITH], ids=["plain", "questionary"])
def test_every_widget_has_an_entry(table: dict[Widget, object]) -> None:
    assert set(table) == set(Widget)
    assert all(callable(entry) for entry in table.values())


def test_every_type_names_a_widget() -> None:
    assert {name: type(kind.widget) for name, kind in TYPES.items()} == dict.fromkeys(TYPES, Widget)


def test_the_plain_hints_are_for_widgets_that_list_choices() -> None:
    assert set(plain_prompter.HINTS) <= {Widget.MENU, Widget.YESNO, Widget.CHECKBOX}
