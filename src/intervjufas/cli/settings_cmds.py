"""The settings command, ``installningar``: show every setting with where its value comes from, show
one, set one, or put one back to its default (``files/user_settings`` answers and writes)."""

from __future__ import annotations

from typing import Annotated

import typer

from intervjufas.cli.app import CommandTable, program, terminal
from intervjufas.errors import UsageError
from intervjufas.views.console import make_console

commands = CommandTable()


@commands.command(
    "installningar",
    short_help="Visa och ändra dina inställningar.",
    help=(
        "Visa dina inställningar och varifrån varje värde kommer, eller ändra en. Inställningarna sparas "
        "i en fil i din inställningsmapp och gäller tills du ändrar dem. En flagga går före en "
        "miljövariabel, som går före filen, som går före standardvärdet. "
        "Exempel: intervjufas installningar katalog ~/Rapporter"
    ),
)
def installningar(
    ctx: typer.Context,
    namn: Annotated[
        str | None,
        typer.Argument(
            metavar="NAMN",
            help="Inställningen: katalog, forfattare, uppfoljning, farg, bladdring eller forslag. Utan NAMN visas alla.",
            show_default=False,
        ),
    ] = None,
    varde: Annotated[
        str | None,
        typer.Argument(metavar="VÄRDE", help="Det nya värdet. Utan VÄRDE visas inställningen.", show_default=False),
    ] = None,
    aterstall: Annotated[
        bool,
        typer.Option("--aterstall", metavar="", help="Ta bort inställningen ur filen, så att standardvärdet gäller."),
    ] = False,
) -> None:
    from intervjufas.files import user_settings
    from intervjufas.views.user_settings import show_saved, show_settings

    if namn is not None and namn.casefold() not in user_settings.SETTINGS:
        raise UsageError(f"Okänd inställning '{namn}'; välj {_choices()}.")
    key = namn.casefold() if namn is not None else None
    if aterstall and (key is None or varde is not None):
        raise UsageError("--aterstall behöver en inställning och inget värde, t.ex. installningar katalog --aterstall.")
    console = make_console(terminal(ctx))
    if key is None:
        show_settings(console, user_settings.every_setting(), user_settings.settings_path(), program())
        return
    if varde is None and not aterstall:
        show_settings(console, [user_settings.found(key)], user_settings.settings_path(), program())
        return
    try:
        path = user_settings.set_value(key, None if aterstall else varde)
    except ValueError as error:
        raise UsageError(f"{str(error)[:1].upper()}{str(error)[1:]}.") from None
    except OSError as error:
        from intervjufas.errors import file_error

        raise file_error("Kan inte spara inställningarna i", user_settings.settings_path(), error) from None
    saved = user_settings.file_values().get(key)
    now = user_settings.found(key)
    errors = make_console(terminal(ctx), stderr=True)
    show_saved(console, errors, now, saved, path, from_file=now.source == user_settings.FROM_FILE)


def _choices() -> str:
    from intervjufas.files.user_settings import SETTINGS

    names = list(SETTINGS)
    return f"{', '.join(names[:-1])} eller {names[-1]}"

