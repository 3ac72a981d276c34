"""The ``--help`` screens, in Swedish, drawn with Rich in the layout of Typer's Rich help.

Reached through Click's public ``format_help`` of the program's command classes (``groups``), and
built only from the public attributes of the commands and their parameters (``opts``, ``metavar``,
``help``, ``required``, ``hidden``, ``short_help``, ``list_commands``/``get_command``): the usage line,
the command's help text, panels "Argument" and "Flaggor" (an argument is named by its metavar,
without a type; a required one is marked ``*`` and ``[obligatorisk]``), and "Kommandon" for the
root.  Drawing it here rather than in Typer's help module keeps every word Swedish and ``--help``
quick (that module also loads Markdown, tracebacks and syntax highlighting).
"""

from __future__ import annotations

import inspect
from enum import Enum
from typing import Any

from rich.align import Align
from rich.columns import Columns
from rich.console import Console, Group, RenderableType
from rich.highlighter import RegexHighlighter
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.theme import Theme

ARGUMENTS = "Argument"
OPTIONS = "Flaggor"
COMMANDS = "Kommandon"
HELP_OPTION = "Visa den här hjälpen och avsluta."  # what the framework's own --help says here


class _OptionHighlighter(RegexHighlighter):
    """Options and switches in help texts, as Typer highlights them."""

    highlights = [  # noqa: RUF012 (Rich's class attribute)
        r"(^|\W)(?P<switch>\-\w+)(?![a-zA-Z0-9])",
        r"(^|\W)(?P<option>\-\-[\w\-]+)(?![a-zA-Z0-9])",
        r"(?P<types>\<[^\>]+\>)",
    ]


class _HelpConsole(Console):
    """Rich's console, but a closed pipe is left to the command-line layer (Rich would exit 1)."""

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError


_highlighter = _OptionHighlighter()
_THEME = Theme({"option": "bold cyan", "switch": "bold green", "types": "bold yellow"})


def show_help(command: Any, ctx: Any) -> None:
    """Draw ``command``'s help on standard output."""
    console = _HelpConsole(theme=_THEME, highlighter=_highlighter)
    console.print(Padding(_highlighter(command.get_usage(ctx)), 1), style="bold")
    if command.help:
        console.print(Padding(Align(_help_text(command.help), pad=False), (0, 1, 1, 1)))
    params = [param for param in command.get_params(ctx) if not getattr(param, "hidden", False)]
    help_option = command.get_help_option(ctx)
    for title, kind in ((ARGUMENTS, "argument"), (OPTIONS, "option")):
        rows = [_param_row(param, param is help_option) for param in params if param.param_type_name == kind]
        if rows:
            console.print(_panel(title, rows))
    if hasattr(command, "list_commands"):
        listed = [command.get_command(ctx, name) for name in command.list_commands(ctx)]
        shown = [sub for sub in listed if sub is not None and not sub.hidden]
        if shown:
            console.print(_commands_panel(shown))
    if command.epilog:
        epilog = _rich_text("\n\n".join(command.epilog.split("\n\n")))
        console.print(Padding(Align(epilog, pad=False), 1))


def _help_text(help_text: str) -> Any:
    """The first paragraph plain, the rest dimmed (as Typer draws a command's help)."""
    first, *rest = inspect.cleandoc(help_text).partition("\f")[0].split("\n\n")
    if not first.startswith("\b"):
        first = first.replace("\n", " ")
    parts: list[RenderableType] = [_rich_text(first.strip())]
    if rest:
        parts += [Text(""), _rich_text("\n\n".join(rest), style="dim")]
    return Group(*parts)


def _param_row(param: Any, is_help_option: bool) -> list[RenderableType]:
    """One row of a panel: required mark, long and short names, metavar and help."""
    is_argument = param.param_type_name == "argument"
    shown_name = None
    if is_argument:
        shown_name = param.metavar or param.name
        if param.metavar is None and param.nargs != 1:
            shown_name += "..."
    long_names = [name for name in param.opts if "--" in name]
    short_names = [shown_name or name for name in param.opts if "--" not in name]
    negative_long = [name for name in param.secondary_opts if "--" in name]
    negative_short = [name for name in param.secondary_opts if "--" not in name]
    value = "" if is_argument else (param.metavar or "")
    return [
        Text("*", style="red") if param.required else "",
        _highlighter(",".join(long_names)),
        _highlighter(",".join(short_names)),
        Text(",".join(negative_long), style="bold magenta"),
        Text(",".join(negative_short), style="bold red"),
        Text(value, style="bold yellow", overflow="fold"),
        _param_help(param, HELP_OPTION if is_help_option else param.help),
    ]


def _param_help(param: Any, help_text: str | None) -> Columns:
    items: list[RenderableType] = []
    if help_text:
        paragraphs = [
            part.replace("\n", " ").strip() if not part.startswith("\b") else part.strip("\b\n") + "\n"
            for part in help_text.split("\n\n")
        ]
        items.append(_rich_text("\n".join(paragraphs).strip()))
    envvar = getattr(param, "envvar", None)
    if envvar and getattr(param, "show_envvar", False):
        names = envvar if isinstance(envvar, str) else ", ".join(envvar)
        items.append(Text(f"[miljövariabel: {names}]", style="dim yellow"))
    default = _default_text(param)
    if default:
        items.append(Text(f"[standard: {default}]", style="dim"))
    if param.required:
        items.append(Text("[obligatorisk]", style="dim red"))
    return Columns(items)


def _default_text(param: Any) -> str:
    """The default shown beside an option (only what ``show_default`` asks for, never a flag's off)."""
    shown = getattr(param, "show_default", False)
    if isinstance(shown, str):
        return shown
    default = param.default
    if not shown or default is None or callable(default) or getattr(param, "is_flag", False):
        return ""
    values = default if isinstance(default, (list, tuple)) else [default]
    return ", ".join(str(value.value if isinstance(value, Enum) else value) for value in values)


def _table(*, highlight: bool) -> Table:
    """A table of the help's rows, laid out as Typer's help lays them out."""
    return Table(
        highlight=highlight,
        show_header=False,
        expand=True,
        box=None,
        show_lines=False,
        leading=0,
        pad_edge=False,
        padding=(0, 1),
    )


def _panel(title: str, rows: list[list[RenderableType]]) -> Panel:
    table = _table(highlight=True)
    required = any(row[0] for row in rows)
    for row in rows:
        table.add_row(*(row if required else row[1:]))
    return Panel(table, border_style="dim", title=title, title_align="left")


def _commands_panel(commands: list[Any]) -> Panel:
    table = _table(highlight=False)
    table.add_column(style="bold cyan", no_wrap=True, width=max(len(command.name or "") for command in commands))
    table.add_column("Beskrivning", justify="left", no_wrap=False, ratio=10)
    for command in commands:
        first = inspect.cleandoc(command.short_help or command.help or "").split("\n\n")[0]
        if first.startswith("\b"):
            first = first.replace("\b\n", "")
        table.add_row(Text(command.name or ""), _rich_text(first.strip()))
    return Panel(table, border_style="dim", title=COMMANDS, title_align="left")


def _rich_text(text: str, style: str = "") -> Text:
    """Help text with Rich markup (or the terminal codes it already has), options highlighted."""
    text = inspect.cleandoc(text)
    made = Text.from_ansi(text, style=style) if "\033[" in text else Text.from_markup(text, style=style)
    return _highlighter(made)
