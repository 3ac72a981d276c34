"""Reading values out of a YAML node tree with positions, collecting every problem as a diagnostic.

The question-file loader asks this reader for texts, ids, numbers and keyed mappings; each read
that fails records a Swedish message at the node's line and column and returns None, so one pass
finds every problem in a file.
"""

from __future__ import annotations

import re

import yaml

from intervjufas.errors import Diagnostic
from intervjufas.files.safe_yaml import is_null, plain_value, position
from intervjufas.questionsets.format_keys import ID_PATTERN, Key, suggest


class NodeReader:
    def __init__(self, file: str) -> None:
        self.file = file
        self.diagnostics: list[Diagnostic] = []

    # -- reporting ----------------------------------------------------------------------------
    def error(self, node: yaml.Node, message: str) -> None:
        line, column = position(node)
        self.diagnostics.append(Diagnostic(line, column, message, file=self.file))

    def warn(self, node: yaml.Node, message: str) -> None:
        line, column = position(node)
        self.diagnostics.append(Diagnostic(line, column, message, "varning", self.file))

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.diagnostics)

    # -- shapes -------------------------------------------------------------------------------
    def keyed(self, node: yaml.Node, keys: tuple[Key, ...], what: str) -> dict[str, yaml.Node] | None:
        """The value node of each key of a mapping, checked against the allowed keys."""
        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"{what} ska vara en mappning med nycklar (nyckel: värde)")
            return None
        allowed = [k.name for k in keys]
        found: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            if key in found:
                self.error(key_node, f"nyckeln '{key}' förekommer två gånger i {what}")
            elif key not in allowed:
                self.error(key_node, f"okänd nyckel '{key}' i {what}{suggest(key, allowed)}")
            else:
                found[key] = value_node
        for spec in keys:
            if spec.required and spec.name not in found:
                self.error(node, f"nyckeln '{spec.name}' saknas i {what}")
        return found

    def text(self, node: yaml.Node, key: str) -> str | None:
        if not isinstance(node, yaml.ScalarNode) or is_null(node):
            self.error(node, f"'{key}' ska vara en text")
            return None
        text = str(node.value).strip()
        if not text:
            self.error(node, f"'{key}' får inte vara tom")
            return None
        return text

    def line(self, node: yaml.Node, key: str) -> str | None:
        """A non-empty text on one line (e.g. a heading)."""
        value = self.text(node, key)
        if value is not None and "\n" in value:
            self.error(node, f"'{key}' ska stå på en rad")
            return None
        return value

    def ident(self, node: yaml.Node, key: str) -> str | None:
        value = self.text(node, key)
        if value is not None and not re.match(ID_PATTERN, value):
            self.error(
                node,
                f"id '{value}' får bara innehålla små bokstäver a–z, siffror och _ "
                "och måste börja med en bokstav",
            )
            return None
        return value

    def integer(self, node: yaml.Node, key: str) -> int | None:
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":int"):
            value = plain_value(node)
            if isinstance(value, int):  # (what YAML builds from a scalar tagged int)
                return value
        self.error(node, f"'{key}' ska vara ett heltal")
        return None

    def boolean(self, node: yaml.Node, key: str) -> bool | None:
        if isinstance(node, yaml.ScalarNode):
            if node.tag.endswith(":bool"):
                return bool(plain_value(node))
            if node.value.strip().casefold() in ("ja", "nej"):
                return str(node.value).strip().casefold() == "ja"
        self.error(node, f"'{key}' ska vara true eller false")
        return None

    def texts(self, node: yaml.Node, key: str) -> list[str] | None:
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, f"'{key}' ska vara en lista")
            return None
        values: list[str] = []
        for item in node.value:
            value = self.text(item, key)
            if value is None:
                continue
            if "\n" in value:
                self.error(item, f"ett värde i '{key}' får inte innehålla radbrytningar")
            elif value in values:
                self.error(item, f"värdet '{value}' finns redan i '{key}'")
            else:
                values.append(value)
        return values

    def sequence(self, node: yaml.Node, key: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, f"'{key}' ska vara en lista")
            return []
        if not node.value:
            self.error(node, f"listan '{key}' är tom")
        return list(node.value)

    def one_of(
        self, node: yaml.Node, key: str, allowed: tuple[str, ...] | list[str], what: str
    ) -> str | None:
        """A text that must be one of ``allowed`` (e.g. a question type)."""
        value = self.text(node, key)
        if value is not None and value not in allowed:
            self.error(
                node,
                f"okänd {what} '{value}'{suggest(value, allowed)} ({key_list_word(what)}: {', '.join(allowed)})",
            )
            return None
        return value


def key_list_word(what: str) -> str:
    return {"typ": "typer"}.get(what, "tillåtna")
