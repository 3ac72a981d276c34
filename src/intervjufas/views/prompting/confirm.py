"""Asking the user to confirm something that cannot be undone: a menu on a capable terminal, a
plain ``j``/``n`` line otherwise (``--enkel``, ``TERM=dumb``). The answer is No unless the user
clearly says yes; the end of input is No as well, and Ctrl-C ends the command with nothing changed."""

from __future__ import annotations

import sys

from intervjufas.errors import Interrupted

NO = "Nej, ändra ingenting"
YES_WORDS = ("j", "ja", "y", "yes")
NO_WORDS = ("", "n", "nej", "no")


def confirm(question: str, yes: str, *, plain: bool) -> bool:
    """``question`` answered by choosing ``yes`` (a menu) or typing j (a plain line); Ctrl-C raises
    Interrupted."""
    try:
        return _plain(question) if plain else _menu(question, yes)
    except KeyboardInterrupt:
        if plain:
            sys.stdout.write("\n")  # end the prompt's line
        raise Interrupted("Avbrutet. Ingenting har ändrats.") from None


def _menu(question: str, yes: str) -> bool:
    import questionary

    from intervjufas.views.prompting.prompt_text import SELECT_HELP

    chosen: str = questionary.select(
        question,
        choices=[questionary.Choice(NO, value="nej"), questionary.Choice(yes, value="ja")],
        default="nej",
        instruction=SELECT_HELP,
        use_shortcuts=True,
        use_jk_keys=False,
    ).unsafe_ask()
    return chosen == "ja"


def _plain(question: str) -> bool:
    while True:
        sys.stdout.write(f"{question} Skriv j eller n [standard: n]: ")
        sys.stdout.flush()
        line = sys.stdin.readline()
        if not line:  # end of input
            sys.stdout.write("\n")
            return False
        answer = line.strip().casefold()
        if answer in YES_WORDS:
            return True
        if answer in NO_WORDS:
            return False
        sys.stdout.write("Skriv j för ja eller n för nej.\n")
