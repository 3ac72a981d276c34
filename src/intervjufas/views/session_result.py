"""What the terminal shows at the end of a mapping session: where the report is, its action plan,
and how to go on."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from intervjufas.session.answers_file import FileFinding
    from intervjufas.session.options import SessionOptions, SessionResult


def show_answers_file_findings(console: Console, findings: Sequence[FileFinding], *, prefix: str) -> None:
    """One line per piece of personal data in an answers file, e.g. ``Varning: svar.yaml:7:
    'fore_kunden' innehåller det som ser ut som ett personnummer (******-1234).``"""
    for found in findings:
        console.print(
            f"{prefix}: {found.where}: '{found.question_id}' innehåller det som ser ut som "
            f"{found.finding.label} ({found.finding.masked}).",
            markup=False,
            highlight=False,
        )


def show_future_dates(console: Console, result: SessionResult) -> None:
    """``Varning: Datumet … ligger i framtiden …`` for each date answered after today (an answers
    file's dates, said once the report is written)."""
    from intervjufas.model.future_dates import future_date_warnings

    questions = list(result.questionnaire.all_questions())
    answers = result.report.answers
    for warning in future_date_warnings(questions, answers, answers):
        console.print(f"Varning: {warning}", markup=False, highlight=False)


def show_warnings(console: Console, result: SessionResult) -> None:
    """``Varning: …`` for each thing the session says once the report is saved."""
    for warning in result.warnings:
        console.print(f"Varning: {warning}", markup=False, highlight=False)


def show_session_result(
    console: Console, result: SessionResult, options: SessionOptions, *, plain: bool
) -> None:
    from intervjufas.report.plan import planned_items

    if result.path is None:
        console.print("Inget sparades.")
        return
    console.print()
    if result.already_complete:
        _all_done(console, result, options)
        return
    console.print(f"Rapporten är sparad i {result.path}", markup=False)
    items = planned_items(result.report, result.questionnaire)
    if items:
        console.print(f"Utvecklingsplanen har {len(items)} moment:", markup=False)
        for entry in items:
            console.print(f"  • {entry.step.label} · {entry.kind_label}: {entry.item.moment}", markup=False)
    if result.complete:
        closing = result.questionnaire.closing or "Bra jobbat!"
        console.print(closing if plain else f"[bold green]{closing}[/]", markup=not plain)
        _next_steps(console, result, options)
        return
    _steps_left(console, result, options)


def _command(console: Console, words: Sequence[str]) -> None:
    """A command on a line of its own, indented, never wrapped inside a word (as ``show_command``)."""
    import shlex

    from intervjufas.errors import COMMAND_INDENT

    console.print(f"{COMMAND_INDENT}{shlex.join(words)}", markup=False, highlight=False, soft_wrap=True)


def _next_steps(console: Console, result: SessionResult, options: SessionOptions) -> None:
    """After the closing words: the map and the customer's version, in three lines."""
    assert result.path is not None
    console.print("Nästa steg – se processkartan och gör en version till kunden:", markup=False)
    _command(console, [*options.program, "karta"])
    _command(console, [*options.program, "exportera", result.path.stem, "--kundversion"])


def _steps_left(console: Console, result: SessionResult, options: SessionOptions) -> None:
    from intervjufas.session.options import resume_command
    from intervjufas.views.copy_command import show_command

    assert result.path is not None
    done = [s for s in result.questionnaire.steps if s not in result.next_steps]
    if done:
        labels = [s.label for s in done]
        names = labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} och {labels[-1]}"
        console.print(f"Bra jobbat – {names} är {'klart' if len(labels) == 1 else 'klara'}.", markup=False)
    console.print(f"Kvar att göra: {', '.join(s.heading for s in result.next_steps)}.", markup=False)
    if not options.steps:
        show_command(console, "Fortsätt när det passar med:", resume_command(options, result.path))
    else:
        step = result.next_steps[0]
        command = resume_command(options, result.path, steps=[step.number])
        show_command(console, f"Fortsätt med {step.label} när det passar:", command)


def _all_done(console: Console, result: SessionResult, options: SessionOptions) -> None:
    """``--fortsatt`` on a report whose every step was already done: nothing was asked."""
    assert result.path is not None
    console.print(
        f"Alla steg i {result.path.name} är redan klara – det fanns inget kvar att fråga.",
        markup=False,
        soft_wrap=True,
    )
    console.print(
        "Vill du ändra ett svar skriver du det direkt i rapporten, under frågan (låt kommentarerna "
        "med id stå kvar):",
        markup=False,
    )
    console.print(f"  {result.path}", markup=False, highlight=False, soft_wrap=True)
    console.print("Se vad som är kvar i dina andra kartläggningar med:", markup=False)
    _command(console, [*options.program, "status"])
