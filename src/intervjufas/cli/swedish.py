"""Swedish for the command-line layer: Typer's help texts, and click-style usage errors as one line."""

from __future__ import annotations

import re

_APPLIED = False


def apply_help_translations() -> None:
    """Translate the fixed English strings of Typer's help screens (called only when help is shown)."""
    global _APPLIED
    if _APPLIED:
        return
    _APPLIED = True
    from typer import rich_utils
    from typer._click import decorators, formatting
    from typer.core import TyperArgument

    # An argument's metavar names it in Swedish; Typer's English type label (<list[Path]>) is left out.
    TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]

    rich_utils.ARGUMENTS_PANEL_TITLE = "Argument"
    rich_utils.OPTIONS_PANEL_TITLE = "Flaggor"
    rich_utils.COMMANDS_PANEL_TITLE = "Kommandon"
    rich_utils.ERRORS_PANEL_TITLE = "Fel"
    rich_utils.DEFAULT_STRING = "[standard: {}]"
    rich_utils.ENVVAR_STRING = "[miljövariabel: {}]"
    rich_utils.REQUIRED_LONG_STRING = "[obligatorisk]"
    rich_utils.DEPRECATED_STRING = "(föråldrad) "
    rich_utils.ABORTED_TEXT = "Avbrutet."
    rich_utils.RICH_HELP = "Se [blue]'{command_path} {help_option}'[/] för hjälp."

    original_usage = formatting.HelpFormatter.write_usage

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        original_usage(self, prog, args, "Användning: " if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]

    original_help_option = decorators.help_option

    def help_option(param_decls):
        decorate = original_help_option(param_decls)

        def apply(command):
            command = decorate(command)
            command.params[-1].help = "Visa den här hjälpen och avsluta."
            command.params[-1].metavar = ""
            return command

        return apply

    decorators.help_option = help_option


_PATTERNS = [
    (r"^No such option: (\S+)", "okänd flagga {0}"),
    (r"^No such command '(.+)'\.", "okänt kommando '{0}'"),
    (r"^Missing command\.", "ett kommando saknas"),
    (r"^Got unexpected extra argument(?:s|\(s\))? \((.*)\)", "oväntat argument: {0}"),
    (r"^Option '(.+)' requires an argument\.", "flaggan {0} behöver ett värde"),
    (r"^Option '(.+)' requires (\d+) arguments\.", "flaggan {0} behöver {1} värden"),
    (r"^Option '(.+)' does not take a value\.", "flaggan {0} tar inget värde"),
]


def usage_message(error: Exception) -> str:
    """One Swedish line for a command-line usage error."""
    from typer._click import exceptions

    if isinstance(error, exceptions.NoSuchOption):
        text = f"okänd flagga {error.option_name}"
        if error.possibilities:
            text += f" – menade du {', '.join(sorted(error.possibilities))}?"
        return text
    if isinstance(error, exceptions.MissingParameter):
        hint = _param_hint(error)
        kind = (
            "flaggan"
            if (error.param_type or getattr(error.param, "param_type_name", "")) == "option"
            else "argumentet"
        )
        return f"{kind} {hint} saknas".strip()
    if isinstance(error, exceptions.BadParameter):
        return f"ogiltigt värde för {_param_hint(error)}: {_value_problem(error.message)}"
    message = error.message if hasattr(error, "message") else str(error)
    for pattern, swedish in _PATTERNS:
        match = re.match(pattern, message)
        if match:
            text = swedish.format(*match.groups())
            did_you_mean = re.search(r"Did you mean (.+?)\??$", message)
            if did_you_mean:
                text += f" – menade du {did_you_mean.group(1)}?"
            return text
    return f"felaktig användning ({message})"


def _param_hint(error: Exception) -> str:
    hint = getattr(error, "param_hint", None)
    param = getattr(error, "param", None)
    if hint is None and param is not None:
        hint = param.get_error_hint()
    if isinstance(hint, (list, tuple)):
        hint = " / ".join(hint)
    return str(hint or "").replace("'", "")


def _value_problem(message: str) -> str:
    match = re.search(r"'?([^']*)'? is not a valid (\w+)", message) or re.search(
        r"Value '?(.*?)'? is not a valid (\w+)", message
    )
    if match:
        kinds = {"integer": "ett heltal", "int": "ett heltal", "float": "ett tal", "path": "en sökväg"}
        return f"'{match.group(1)}' är inte {kinds.get(match.group(2).lower(), 'giltigt')}"
    if "valid integer" in message:
        return "värdet är inte ett heltal"
    match = re.search(r"'(.*)' is not one of (.*)\.", message)
    if match:
        return f"'{match.group(1)}' är inte ett av {match.group(2)}"
    match = re.search(r"(?:File|Path|Directory) '(.*)' does not exist", message)
    if match:
        return f"'{match.group(1)}' finns inte"
    return message
