"""The reference programs the startup benchmarks compare against: the least a Typer program with
Rich help (and, for the prompt, one Questionary question after a Rich panel) can cost.

They are written into a temporary folder at run time and run with the same Python as the
benchmark, so the interpreter, site packages and versions are the same as for intervjufas.
"""

from __future__ import annotations

from pathlib import Path

BARE_PROMPT_QUESTION = "Vad heter referensuppdraget?"

# Two commands, Rich markup, no completion: the shape of intervjufas without its own code.
BARE_HELP_APP = '''\
"""A bare two-command Typer program (benchmark reference)."""

from typing import Annotated

import typer

app = typer.Typer(
    help="Ett minimalt program med två kommandon, som referens för starttiden.",
    epilog="Referensprogrammet gör ingenting.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode="rich",
)


def _version(value: bool) -> None:
    if value:
        print("referens 1.0.0")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Visa versionen.")
    ] = False,
) -> None:
    """Referensprogrammet."""


@app.command()
def forsta(
    katalog: Annotated[str, typer.Option("--katalog", "-k", help="En mapp.")] = "",
    steg: Annotated[list[int] | None, typer.Option("--steg", "-s", help="Ett steg.")] = None,
) -> None:
    """Det första kommandot."""


@app.command()
def andra(
    katalog: Annotated[str, typer.Option("--katalog", "-k", help="En mapp.")] = "",
    enkel: Annotated[bool, typer.Option("--enkel", help="Enkla frågor.")] = False,
) -> None:
    """Det andra kommandot."""


if __name__ == "__main__":
    app()
'''

# One command that prints a Rich panel and asks one Questionary question, like the start of a
# mapping session.
BARE_PROMPT_APP = f'''\
"""A bare Typer program that draws one Questionary prompt (benchmark reference)."""

from typing import Annotated

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode="rich")


@app.command()
def fraga(
    katalog: Annotated[str, typer.Option("--katalog", "-k", help="En mapp.")] = "",
) -> None:
    """Ställ en fråga."""
    import questionary
    from rich.console import Console
    from rich.panel import Panel
    from rich.text import Text

    console = Console(highlight=False)
    console.print()
    console.print(Panel(Text("Ett referensprogram som ställer en fråga."), title=Text("Om uppdraget", style="bold"),
                        title_align="left", border_style="cyan", expand=True))
    console.print()
    console.print(Text("Fråga 1 av 1", style="dim"))
    questionary.text({BARE_PROMPT_QUESTION!r}).unsafe_ask()


@app.command()
def annat() -> None:
    """Ett andra kommando."""


if __name__ == "__main__":
    app()
'''


def write_bare_apps(folder: Path) -> tuple[Path, Path]:
    """Write both reference programs into ``folder``; return (help app, prompt app)."""
    help_app = folder / "referens_hjalp.py"
    prompt_app = folder / "referens_fraga.py"
    help_app.write_text(BARE_HELP_APP, encoding="utf-8")
    prompt_app.write_text(BARE_PROMPT_APP, encoding="utf-8")
    return help_app, prompt_app
