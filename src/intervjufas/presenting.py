"""What the terminal shows after a command: the end of a mapping session."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from intervjufas.mapping import MappingOptions, MappingResult


def show_mapping_result(result: MappingResult, options: MappingOptions, *, plain: bool) -> None:
    from rich.console import Console

    from intervjufas.mapping import resume_command

    console = Console(highlight=False, no_color=plain or None, emoji=False)
    if result.path is None:
        console.print("Inget sparades.")
        return
    console.print()
    console.print(f"Rapporten är sparad i {result.path}", markup=False)
    if result.complete:
        closing = result.questionnaire.closing or "Bra jobbat!"
        console.print(closing if plain else f"[bold green]{closing}[/]", markup=not plain)
        return
    step = result.next_steps[0]
    console.print(
        f"Kvar att göra: {', '.join(s.heading for s in result.next_steps)}.",
        markup=False,
    )
    command = resume_command(options, result.path)
    if not options.steps:
        console.print(f"Fortsätt när det passar med: {command}", markup=False)
    else:
        console.print(
            f"Fortsätt med {step.label} när det passar: {command.split(' --steg')[0]} --steg {step.number}",
            markup=False,
        )
