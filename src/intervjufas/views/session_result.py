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
    from intervjufas.session.options import resume_command

    if result.path is None:
        console.print("Inget sparades.")
        return
    console.print()
    console.print(f"Rapporten är sparad i {result.path}", markup=False)
    items = planned_items(result.report, result.questionnaire)
    if items:
        console.print(f"Utvecklingsplanen har {len(items)} moment:", markup=False)
        for entry in items:
            console.print(f"  • {entry.step.label} · {entry.kind_label}: {entry.item.moment}", markup=False)
    if result.complete:
        closing = result.questionnaire.closing or "Bra jobbat!"
        console.print(closing if plain else f"[bold green]{closing}[/]", markup=not plain)
        return
    done = [s for s in result.questionnaire.steps if s not in result.next_steps]
    if done:
        labels = [s.label for s in done]
        names = labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} och {labels[-1]}"
        console.print(f"Bra jobbat – {names} är {'klart' if len(labels) == 1 else 'klara'}.", markup=False)
    console.print(f"Kvar att göra: {', '.join(s.heading for s in result.next_steps)}.", markup=False)
    if not options.steps:
        console.print(f"Fortsätt när det passar med: {resume_command(options, result.path)}", markup=False)
    else:
        step = result.next_steps[0]
        command = resume_command(options, result.path, steps=[step.number])
        console.print(f"Fortsätt med {step.label} när det passar: {command}", markup=False)
