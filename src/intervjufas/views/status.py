"""How ``status`` shows what is left to do: the mappings with steps left, each with the command
that continues it on a line of its own; the open plan items by customer; where the reports and the
latest map are – and the same as JSON for scripts."""

from __future__ import annotations

import shlex
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.text import Text

if TYPE_CHECKING:
    from pathlib import Path

    from intervjufas.reading.status import Status, StepsLeft


def continue_command(program: tuple[str, ...], found: StepsLeft, folder_given: Path | None) -> str:
    """The command that continues a mapping with its first step left (the file name is enough in
    the reports folder; ``--katalog`` is added when the folder was given on the command line)."""
    from intervjufas.session.options import COMMANDS

    parts = [*program, COMMANDS.get(found.set_id, "kartlagg"), "--fortsatt", found.path.stem]
    parts += ["--steg", str(found.steps[0][0])]
    if folder_given is not None:
        parts += ["--katalog", str(folder_given)]
    return shlex.join(parts)


def plan_command(program: tuple[str, ...], customer: str, folder_given: Path | None) -> str:
    parts = [*program, "plan", *(["--kund", customer] if customer else [])]
    if folder_given is not None:
        parts += ["--katalog", str(folder_given)]
    return shlex.join(parts)


def _steps_text(found: StepsLeft) -> str:
    labels = [label for _, label in found.steps]
    joined = labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} och {labels[-1]}"
    return f"{joined} kvar"


def show_status(
    console: Console, status: Status, program: tuple[str, ...], folder_given: Path | None
) -> None:
    """The status as text: short sections, each command on a line of its own (never wrapped)."""

    def line(text: str, style: str = "") -> None:
        console.print(Text(text, style=style), soft_wrap=True)

    whose = "Dina kartläggningar" if status.author else "Kartläggningar"
    if status.unfinished:
        line(f"{whose} med steg kvar:", "bold")
        for found in status.unfinished:
            title = " · ".join(part for part in (found.uppdrag, found.customer) if part) or found.path.name
            line(f"  {found.date}  {title}: {_steps_text(found)}")
            line(f"    {continue_command(program, found, folder_given)}", "cyan")
        if status.more_unfinished:
            line(f"  … och {status.more_unfinished} till (se {shlex.join([*program, 'lista'])}).", "dim")
    elif status.reports:
        line(f"{whose}: alla steg är klara.", "bold")
    if status.customers:
        line("Öppna moment i utvecklingsplanerna:", "bold")
        for customer in status.customers:
            count = f"{customer.open_items} {'öppet moment' if customer.open_items == 1 else 'öppna moment'}"
            line(f"  {customer.customer or '(ingen kund angiven)'}: {count}")
            line(f"    {plan_command(program, customer.customer, folder_given)}", "cyan")
    count = f"{status.reports} {'rapport' if status.reports == 1 else 'rapporter'}"
    line(f"Rapporterna: {status.folder} ({count})", "dim")
    if status.latest_map is not None:
        line(f"Senaste kartan: {status.latest_map}", "dim")


def status_data(status: Status, program: tuple[str, ...], folder_given: Path | None) -> dict[str, Any]:
    """``status --json``."""
    from intervjufas.views.json_vocabulary import FORMAT

    return {
        "format": FORMAT,
        "katalog": str(status.folder),
        "antal_rapporter": status.reports,
        "kartlaggningar_kvar": [
            {
                "fil": found.path.name,
                "sokvag": str(found.path),
                "datum": found.date,
                "uppdrag": found.uppdrag,
                "kund": found.customer,
                "steg_kvar": [number for number, _ in found.steps],
                "kommando": continue_command(program, found, folder_given),
            }
            for found in status.unfinished
        ],
        "antal_utelamnade": status.more_unfinished,
        "oppna_per_kund": [
            {
                "kund": customer.customer,
                "antal_oppna_moment": customer.open_items,
                "kommando": plan_command(program, customer.customer, folder_given),
            }
            for customer in status.customers
        ],
        "senaste_karta": str(status.latest_map) if status.latest_map is not None else None,
    }
