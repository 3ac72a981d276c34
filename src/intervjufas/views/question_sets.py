"""What ``fragor`` shows: the list of available question sets, and one set as it will be asked."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from intervjufas.model.conditions import AllOf, AnyOf, Comparison, Condition, Not
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.model.questions import PLAN_KINDS, Question

if TYPE_CHECKING:
    from rich.console import Console

    from intervjufas.questionsets.catalog import SetEntry

METADATA_TITLE = "Om uppdraget"


def question_count(questionnaire: Questionnaire) -> int:
    return sum(1 for _ in questionnaire.all_questions())


# -- the list -----------------------------------------------------------------------------------


def set_warnings(entries: Sequence[SetEntry], program: str = "intervjufas") -> list[str]:
    """One line for each user file that cannot be used, and for each id used by more than one set."""
    lines = []
    seen: dict[str, str] = {}
    for entry in entries:
        if entry.questionnaire is None:
            first = entry.problems[0] if entry.problems else None
            reason = f"{first.line}:{first.column}: {first.message}" if first else "okänt fel"
            more = len(entry.problems) - 1
            extra = f" (och {more} fel till)" if more > 0 else ""
            lines.append(
                f"Varning: {entry.origin} kan inte användas: {reason}{extra}. "
                f"Kör '{program} validera {shlex.quote(entry.origin)}' för alla fel."
            )
            continue
        set_id = entry.questionnaire.id
        if set_id in seen:
            lines.append(
                f"Varning: {entry.origin} har samma id '{set_id}' som {seen[set_id]}; "
                "ge den ett eget id så att rapporterna hålls isär."
            )
        else:
            seen[set_id] = "den inbyggda uppsättningen" if entry.origin == "inbyggd" else entry.origin
    return lines


def show_set_list(
    console: Console,
    entries: Sequence[SetEntry],
    folder: Path,
    *,
    folder_exists: bool,
    program: str = "intervjufas",
) -> None:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("Id", no_wrap=True)
    table.add_column("Version", justify="right")
    table.add_column("Titel")
    table.add_column("Steg", justify="right")
    table.add_column("Frågor", justify="right")
    table.add_column("Källa", overflow="fold")
    for entry in entries:
        q = entry.questionnaire
        if q is None:
            continue
        table.add_row(q.id, str(q.version), q.title, str(len(q.steps)), str(question_count(q)), entry.origin)
    console.print(table)
    state = "" if folder_exists else " (mappen finns inte än)"
    console.print(f"Egna frågeuppsättningar läses från {folder}{state}.", markup=False, highlight=False)
    console.print(
        "Lägg dina .yaml-filer där, eller ange en annan mapp med miljövariabeln INTERVJUFAS_FRAGOR. "
        f"Kör en fil direkt med '{program} kartlagg --fragor FIL'.",
        markup=False,
        highlight=False,
    )


# -- one set ------------------------------------------------------------------------------------


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def describe_condition(condition: Condition, *, nested: bool = False) -> str:
    """A condition in words, e.g. 'fore_lagga_till är "Ja"'."""
    if isinstance(condition, Comparison):
        ref, value = condition.question_id, condition.value
        words = {
            "ar": f"{ref} är {_value(value)}",
            "ar_inte": f"{ref} inte är {_value(value)}",
            "innehaller": f"{ref} innehåller {_value(value)}",
            "minst": f"{ref} är minst {value}",
            "hogst": f"{ref} är högst {value}",
            "besvarad": f"{ref} {'är' if value else 'inte är'} besvarad",
        }
        if condition.operator == "en_av":
            values = [_value(v) for v in (value if isinstance(value, tuple) else (value,))]
            listed = values[0] if len(values) == 1 else f"{', '.join(values[:-1])} eller {values[-1]}"
            return f"{ref} är något av {listed}"
        return words[condition.operator]
    if isinstance(condition, Not):
        return f"inte ({describe_condition(condition.condition)})"
    joiner = " och " if isinstance(condition, AllOf) else " eller "
    assert isinstance(condition, (AllOf, AnyOf))
    text = joiner.join(describe_condition(c, nested=True) for c in condition.conditions)
    return f"({text})" if nested else text


def _answer_form(question: Question) -> str:
    """How the question is answered, as one phrase."""
    parts = [question.kind.shown_as]
    if question.required:
        parts.append("obligatorisk")
    if question.kind.is_rating:
        parts[0] = f"{parts[0]} {question.scale_min}–{question.scale_max}"
    if question.plan:
        parts.append(f"till utvecklingsplanen: {PLAN_KINDS[question.plan]}")
    if question.comment:
        parts.append("med kommentar")
    return ", ".join(parts)


Line = tuple[int, str, str]  # indent, text, Rich style


def question_lines(question: Question, number: int, indent: int) -> list[Line]:
    detail = indent + 3
    lines: list[Line] = [
        (indent, f"{number}. {question.text}", "bold"),
        (detail, f"id: {question.id} · {_answer_form(question)}", "dim"),
    ]
    if "val" in question.kind.keys:
        lines.append((detail, f"Val: {' / '.join(question.choices)}", ""))
    if question.scale_labels:
        labels = ", ".join(f"{n} = {text}" for n, text in question.scale_labels)
        lines.append((detail, f"Skala: {labels}", ""))
    if question.default is not None:
        default = ", ".join(question.default) if isinstance(question.default, list) else question.default
        lines.append((detail, f"Standard: {default}", ""))
    if question.condition is not None:
        lines.append((detail, f"Ställs bara om {describe_condition(question.condition)}", "italic"))
    if question.help:
        lines.append((detail, f"Hjälp: {question.help}", "dim"))
    if question.customer_heading:
        lines.append((detail, f"I kundversionen: {question.customer_heading}", ""))
    return lines


def set_lines(questionnaire: Questionnaire) -> list[Line]:
    """The whole set, section by section, as (indent, text, Rich style) lines."""
    q = questionnaire
    lines: list[Line] = [(0, f"{q.title} (id: {q.id}, version {q.version})", "bold")]
    if q.description:
        lines.append((0, q.description, ""))
    sections = [(METADATA_TITLE, "", q.metadata)]
    sections += [(step.heading, step.lead, step.questions) for step in q.steps]
    for title, lead, questions in sections:
        lines += [(0, "", ""), (0, title, "bold cyan")]
        if lead:
            lines.append((0, lead, "cyan"))
        group = None
        for number, question in enumerate(questions, start=1):
            if question.group != group:
                group = question.group
                if group is not None:
                    lines += [(0, "", ""), (2, group.title, "bold")]
                    if group.text and group.text != group.title:
                        lines.append((2, group.text, ""))
            lines += question_lines(question, number, 4 if question.group is not None else 2)
    if q.closing:
        lines += [(0, "", ""), (0, f"När allt är besvarat: {q.closing}", "")]
    return lines


def show_set(console: Console, questionnaire: Questionnaire) -> None:
    import textwrap

    from rich.text import Text

    width = max(console.width, 40)
    for indent, text, style in set_lines(questionnaire):
        pad = " " * indent
        for line in textwrap.wrap(text, width, initial_indent=pad, subsequent_indent=pad) or [""]:
            console.print(Text(line, style=style), soft_wrap=True)
