"""The house rules, checked on the source: layers depend in one direction, no module imports
itself back through others (counting imports for type annotations and imports inside functions),
only the interface layers draw or read the terminal, package files stay empty and are all
packaged, modules and functions stay small, and ``--help`` never loads the prompting libraries."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
PACKAGE = PROJECT / "src" / "intervjufas"

# Each layer may import the layers listed for it (and itself); nothing else of the program.
ALLOWED = {
    "errors": set(),
    "terminal": set(),
    "model": {"errors"},
    "files": {"errors"},
    "questionsets": {"errors", "model", "files"},
    "report": {"errors", "model", "files"},
    "folder": {"errors", "model", "files", "questionsets", "report"},
    "reading": {"errors", "model", "files", "questionsets", "report", "folder"},
    "session": {"errors", "model", "files", "questionsets", "report", "folder", "reading"},
    "views": {"errors", "terminal", "model", "questionsets", "report", "folder", "reading", "session"},
    "cli": {"errors", "terminal", "model", "files", "questionsets", "report", "folder", "reading", "session", "views"},
}
INTERFACE_LIBRARIES = ("rich", "typer", "click", "questionary", "prompt_toolkit")
MAY_DRAW = ("views/", "cli/")


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def layer(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def imported(path: Path) -> list[str]:
    """Every module imported anywhere in the file (also inside functions)."""
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def module_name(path: Path, package: Path = PACKAGE) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Module -> the package's modules it imports anywhere in its file: at the top, under
    ``if TYPE_CHECKING:`` and inside functions (``from pkg import module`` counts as the module;
    a package's empty ``__init__`` is no module of its own here)."""
    known = {module_name(path, package): path for path in package.rglob("*.py") if path.name != "__init__.py"}
    graph: dict[str, set[str]] = {name: set() for name in known}
    for name, path in known.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [
                    f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in known else node.module
                    for alias in node.names
                ]
            else:
                continue
            graph[name] |= {target for target in targets if target in known and target != name}
    return graph


def package_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """Layer (a top-level module or package) -> the layers its modules import."""
    def layer_of(name: str) -> str:
        return name.split(".")[1]

    layers: dict[str, set[str]] = {layer_of(name): set() for name in graph}
    for name, targets in graph.items():
        layers[layer_of(name)] |= {layer_of(target) for target in targets} - {layer_of(name)}
    return layers


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one node (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(sorted(graph[root])))]
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return sorted(found)


def relative(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


@pytest.mark.parametrize("path", modules(), ids=relative)
def test_dependencies_point_one_way(path: Path) -> None:
    own = layer(path)
    if own in ("__init__", "__main__"):
        return
    for name in imported(path):
        parts = name.split(".")
        if parts[0] != "intervjufas" or len(parts) < 2:
            continue
        target = parts[1]
        assert target == own or target in ALLOWED[own], f"{relative(path)} imports {name}"


@pytest.mark.parametrize("path", modules(), ids=relative)
def test_only_the_interface_draws(path: Path) -> None:
    name = relative(path)
    if name.startswith(MAY_DRAW) or name in ("terminal.py", "questionsets/schema.py"):
        return  # (terminal.py gathers the facts; the schema module prints itself under `python -m`)
    for module in imported(path):
        assert module.split(".")[0] not in INTERFACE_LIBRARIES, f"{name} imports {module}"
    source = path.read_text(encoding="utf-8")
    for call in ("print(", "input(", "isatty(", '"TERM"', "get_terminal_size"):
        assert call not in source.replace("_print(", ""), f"{name} uses {call}"


def test_package_files_are_empty() -> None:
    for path in PACKAGE.rglob("__init__.py"):
        if path.parent != PACKAGE:
            assert path.read_text(encoding="utf-8") == "", relative(path)


@pytest.mark.parametrize("path", modules(), ids=relative)
def test_small_modules_and_functions(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert source.count("\n") <= 400, f"{relative(path)} has {source.count(chr(10))} lines"
    tree = ast.parse(source)
    assert ast.get_docstring(tree) or path.name == "__init__.py", f"{relative(path)} has no docstring"
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = node.end_lineno - node.lineno + 1  # type: ignore[operator]
            assert length <= 60, f"{relative(path)}: {node.name} has {length} lines"


@pytest.mark.parametrize("arguments", [["--help"], ["lista", "--help"], ["--version"]])
def test_help_does_not_load_the_prompting_libraries(arguments: list[str]) -> None:
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "intervjufas", *arguments],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    loaded = {line.split("|")[-1].strip() for line in run.stderr.splitlines() if "|" in line}
    heavy = {name for name in loaded if name.split(".")[0] in ("questionary", "prompt_toolkit", "yaml")}
    assert not heavy, sorted(heavy)[:5]


def _short(found: list[list[str]]) -> list[list[str]]:
    return [[name.removeprefix("intervjufas.") for name in component] for component in found]


def test_no_module_imports_itself_back() -> None:
    """No cycle of imports between modules, inside a package or across packages."""
    assert _short(cycles(import_graph())) == []


def test_no_layer_imports_itself_back() -> None:
    assert cycles(package_graph(import_graph())) == []


def test_the_allowed_layers_have_no_cycle() -> None:
    assert cycles({own: set(others) for own, others in ALLOWED.items()}) == []


def rooms_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """Room -> the sibling rooms it imports (a room: a subpackage of a layer, such as
    ``reading.plan``)."""

    def room(name: str) -> str | None:
        parts = name.removeprefix("intervjufas.").split(".")
        return ".".join(parts[:2]) if len(parts) > 2 else None

    found: dict[str, set[str]] = {}
    for importer, imported in graph.items():
        own = room(importer)
        if own is None:
            continue
        found.setdefault(own, set())
        for target in imported:
            other = room(target)
            if other is not None and other != own and other.split(".")[0] == own.split(".")[0]:
                found[own].add(other)
    return found


def test_the_rooms_of_a_layer_import_one_way() -> None:
    """Sibling rooms (``reading/plan``, ``reading/process_map``, ``reading/export``) never import
    each other both ways."""
    assert cycles(rooms_graph(import_graph())) == []


def test_the_rooms_check_sees_two_rooms_that_import_each_other() -> None:
    graph = {
        "intervjufas.reading.plan.a": {"intervjufas.reading.export.b"},
        "intervjufas.reading.export.b": {"intervjufas.reading.plan.c", "intervjufas.folder.scan"},
        "intervjufas.reading.plan.c": set(),
        "intervjufas.folder.scan": set(),
    }
    assert cycles(rooms_graph(graph)) == [["reading.export", "reading.plan"]]


def test_module_names_are_unique() -> None:
    """One name, one concept: a module name is used once in the core (every layer but ``views``
    and ``cli``), and once within ``views`` and within ``cli`` – a view may carry the name of the
    core concept it draws (``listing``, ``trend``, ``shown_map`` …)."""
    def twins(paths: list[Path]) -> set[str]:
        names = [path.name for path in paths if path.name != "__init__.py"]
        return {name for name in names if names.count(name) > 1}

    everything = modules()
    for part in ("views", "cli"):
        assert twins([p for p in everything if layer(p) == part]) == set(), part
    assert twins([p for p in everything if layer(p) not in ("views", "cli")]) == set()


def test_the_cycle_check_sees_a_planted_cycle(tmp_path: Path) -> None:
    """A cycle through an import for a type annotation and an import inside a function – the kinds
    a run of the program never trips over – is found, within a package and across packages."""
    package = tmp_path / "intervjufas"
    for folder in ("store", "asking"):
        (package / folder).mkdir(parents=True)
        (package / folder / "__init__.py").write_text("", encoding="utf-8")
    (package / "store" / "one.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from intervjufas.store import two\n",
        encoding="utf-8",
    )
    (package / "store" / "two.py").write_text(
        "def later():\n    from intervjufas.asking.three import x\n", encoding="utf-8"
    )
    (package / "asking" / "three.py").write_text("import intervjufas.store.one\n", encoding="utf-8")
    (package / "asking" / "four.py").write_text("x = 1\n", encoding="utf-8")
    graph = import_graph(package)
    assert _short(cycles(graph)) == [["asking.three", "store.one", "store.two"]]
    assert cycles(package_graph(graph)) == [["asking", "store"]]


def test_every_package_is_installed() -> None:
    """Every folder of the package with an ``__init__.py`` is listed in pyproject.toml's packages:
    the project is installed from a wheel in CI, and a package missing there is missing from it
    (an editable install would not show it)."""
    config = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    present = {module_name(path) for path in PACKAGE.rglob("__init__.py")}
    assert present - listed == set()


# Where a question type may be named: the table itself and the loader of question files.
TYPE_NAMERS = ("model/question_types/", "questionsets/")


def type_name_lookups(path: Path) -> list[str]:
    """Places that branch on a question type's name (``kind.name == "moment"``, ``"val" == ...kind``)
    or look a type up by name (``TYPES["val"]``) – what the type's own attributes should say."""
    from intervjufas.model.question_types.table import QUESTION_TYPES

    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            names = any(_kind_name(o) for o in operands)
            literal = any(isinstance(o, ast.Constant) and o.value in QUESTION_TYPES for o in operands)
            if names or (literal and any(_kind(o) for o in operands)):
                found.append(f"{path.name}:{node.lineno}: {ast.unparse(node)}")
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "TYPES":
            found.append(f"{path.name}:{node.lineno}: {ast.unparse(node)}")
    return found


def _kind(node: ast.expr) -> bool:
    """A question's type: ``kind``, ``x.kind`` (or the old ``x.type``), or its name."""
    if isinstance(node, ast.Name):
        return node.id == "kind"
    return isinstance(node, ast.Attribute) and (node.attr in ("kind", "type") or _kind_name(node))


def _kind_name(node: ast.expr) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "name" and _kind(node.value)


@pytest.mark.parametrize("path", [p for p in modules() if not relative(p).startswith(TYPE_NAMERS)], ids=relative)
def test_only_the_table_names_types(path: Path) -> None:
    assert type_name_lookups(path) == []


def test_the_type_name_check_sees_a_lookup(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'a = question.kind.name == "moment"\nb = "val" == q.kind\nc = TYPES["val"]\nd = x == "moment"\n'
        'e = "val" in q.kind.keys\n',  # (d and e are no type names: a text, a key of the format)
        encoding="utf-8",
    )
    found = [line.split(": ", 1)[1] for line in type_name_lookups(sample)]
    assert found == ["question.kind.name == 'moment'", "'val' == q.kind", "TYPES['val']"]
