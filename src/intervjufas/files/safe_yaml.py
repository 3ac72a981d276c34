"""Reading YAML safely, with positions: the node tree, plain values, and Swedish syntax messages
(``yaml_messages``)."""

from __future__ import annotations

import yaml

from intervjufas.errors import Diagnostic, YamlSourceError
from intervjufas.files.yaml_messages import MAX_DEPTH, TOO_DEEP, swedish_message

# The C loader is about ten times faster; fall back to the pure-Python one where libyaml is absent.
SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SafeDumper: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

_STD = "tag:yaml.org,2002:"
# Plain data as a YAML file gives it (``plain_value``); dates stay texts.
YamlValue = str | int | float | bool | list["YamlValue"] | dict[str, "YamlValue"] | None
ALLOWED_TAGS = frozenset(
    _STD + name for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
)


def decode_utf8(data: bytes, file: str) -> str:
    """Decode UTF-8 (a BOM is allowed) or raise with the line and column of the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        # The column counts characters, as an editor does, not bytes.
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
        bad = data[error.start]
        raise YamlSourceError(
            [
                Diagnostic(
                    line,
                    column,
                    f"filen är inte kodad som UTF-8 (byte 0x{bad:02x}); spara den som UTF-8",
                    file=file,
                )
            ]
        ) from None


def compose(text: str, file: str) -> yaml.Node | None:
    """Parse YAML text to a node tree (no objects are constructed), or raise with a position.
    The tree is checked to stay small when aliases are expanded, and not too deeply nested."""
    try:
        root = yaml.compose(text, Loader=SafeLoader)
    except RecursionError:
        raise YamlSourceError([Diagnostic(1, 1, TOO_DEEP, file=file)]) from None
    except yaml.YAMLError as error:
        raise _syntax_error(error, text, file) from None
    except UnicodeEncodeError as error:  # a lone surrogate, which the C loader cannot encode
        line, column = _line_column(text, error.start)
        message = swedish_message("invalid Unicode character", None)
        raise YamlSourceError([Diagnostic(line, column, message, file=file)]) from None
    if root is not None:
        check_bounds(root, file)
    return root


MAX_VALUES = 100_000  # values in a file once aliases are expanded
TOO_MANY = "filen blir för stor när dess alias (*namn) räknas ut; ta bort aliasen"


def check_bounds(root: yaml.Node, file: str) -> None:
    """Raise when the tree is deeper than MAX_DEPTH or, with aliases expanded, holds more than
    MAX_VALUES values (a "billion laughs" file); linear in the size of the tree as written."""
    sizes: dict[int, int] = {}
    depths: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if key in sizes:
            continue
        children = _children(node)
        if not done:
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)
            if len(stack) > 4 * MAX_VALUES:
                _too_large(node, TOO_MANY, file)
            continue
        sizes[key] = 1 + sum(sizes.get(id(child), 0) for child in children)
        depths[key] = 1 + max((depths.get(id(child), 0) for child in children), default=0)
        if depths[key] > MAX_DEPTH:
            _too_large(node, TOO_DEEP, file)
        if sizes[key] > MAX_VALUES:
            _too_large(node, TOO_MANY, file)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _too_large(node: yaml.Node, message: str, file: str) -> None:
    line, column = position(node)
    raise YamlSourceError([Diagnostic(line, column, message, file=file)])


def _syntax_error(error: yaml.YAMLError, text: str, file: str) -> YamlSourceError:
    """A YAML error as a Swedish message with its position."""
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = swedish_message(error.problem, error.context)
        if mark is not None and text[mark.index : mark.index + 1] == "\t":
            message = swedish_message("found a tab character", None)
        return YamlSourceError([Diagnostic(line, column, message, file=file)])
    message = swedish_message(getattr(error, "reason", None) or str(error), None)  # a reader error
    offset = getattr(error, "position", None)
    line, column = (1, 1) if offset is None else _line_column(text, offset)
    return YamlSourceError([Diagnostic(line, column, message, file=file)])


def _line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def position(node: yaml.Node) -> tuple[int, int]:
    """1-based line and column where a node starts."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def forbidden_tags(node: yaml.Node) -> list[yaml.Node]:
    """All nodes (depth first) whose tag would construct something other than plain data."""
    found: list[yaml.Node] = []
    stack = [node]
    seen: set[int] = set()
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if current.tag not in ALLOWED_TAGS:
            found.append(current)
        if isinstance(current, yaml.SequenceNode):
            stack.extend(reversed(current.value))
        elif isinstance(current, yaml.MappingNode):
            for key, value in reversed(current.value):
                stack.extend((value, key))
    return sorted(found, key=lambda n: (n.start_mark.line, n.start_mark.column))


def show_tag(tag: str) -> str:
    return "!!" + tag[len(_STD) :] if tag.startswith(_STD) else tag


def written(node: yaml.Node, limit: int = 60) -> str:
    """A node in YAML's short flow form, as a person would have written it (``[a, b]``,
    ``{a: b}``, ``~`` for an empty key), cut to ``limit`` characters – for messages."""
    if isinstance(node, yaml.ScalarNode):
        text = node.value if node.value or not is_null(node) else "~"
    elif isinstance(node, yaml.SequenceNode):
        text = "[" + ", ".join(written(item, limit) for item in node.value) + "]"
    elif isinstance(node, yaml.MappingNode):
        text = "{" + ", ".join(f"{written(k, limit)}: {written(v, limit)}" for k, v in node.value) + "}"
    else:
        text = ""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plain_value(node: yaml.Node) -> YamlValue:
    """Construct plain Python data (str, int, float, bool, None, list, dict) from a node."""
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return [plain_value(item) for item in node.value]
    if isinstance(node, yaml.MappingNode):
        return {str(plain_value(k)): plain_value(v) for k, v in node.value}
    return None


_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_SCALAR_BUILDERS = {
    _STD + "int": _CONSTRUCTOR.construct_yaml_int,
    _STD + "float": _CONSTRUCTOR.construct_yaml_float,
    _STD + "bool": _CONSTRUCTOR.construct_yaml_bool,
}


def _scalar(node: yaml.ScalarNode) -> YamlValue:
    """Numbers, booleans and null as YAML reads them; everything else (dates too) as its text, and
    so is a scalar YAML types as a number but cannot build (``0b_``, ``0x_``): a hand edit is kept
    as the text it is, never a Python error."""
    if node.tag == _STD + "null":
        return None
    build = _SCALAR_BUILDERS.get(node.tag)
    if build is None:
        return node.value
    try:
        return build(node)
    except (ValueError, OverflowError):
        return node.value


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == _STD + "null"
