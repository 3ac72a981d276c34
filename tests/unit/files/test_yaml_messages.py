"""Every message the YAML parser can give is Swedish: the problems and contexts in the installed
PyYAML's source and in its C loader (libyaml), real errors from both loaders (each with its line and
column), nesting past the parser's own limit, and a Swedish frame for a text no pattern knows."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from helpers import run_cli
from intervjufas.errors import YamlSourceError
from intervjufas.files import safe_yaml
from intervjufas.files.yaml_messages import PREFIX, TOO_DEEP, UNKNOWN, known, swedish_message

FRAME = PREFIX + UNKNOWN.split("{")[0]
YAML_DIR = Path(yaml.__file__).parent
READING_MODULES = ("reader.py", "scanner.py", "parser.py", "composer.py")
# What libyaml says while it reads (its emitter's messages, for writing, are left out).
LIBYAML_READING = re.compile(
    r"(found |did not find |could not find |mapping |block sequence |control characters|invalid |"
    r"incomplete |exceeded |unexpected low|duplicate %TAG|incompatible %YAML|while )[ -~]*"
)


def _text(node: ast.expr | None) -> str | None:
    """A string constant, or the template of ``"..." % value`` with its placeholders filled."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        node = node.left
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.replace("%r", "'x'").replace("%s", "x").replace("%d", "1")
    return None


def python_errors() -> list[tuple[str | None, str | None]]:
    """(context, problem) of every error the pure-Python reader, scanner, parser and composer raise."""
    found = []
    for name in READING_MODULES:
        for node in ast.walk(ast.parse((YAML_DIR / name).read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            args = node.args
            if node.func.id in ("ScannerError", "ParserError", "ComposerError"):
                pair = (_text(args[0]) if args else None, _text(args[2]) if len(args) > 2 else None)
            elif node.func.id == "ReaderError" and len(args) > 4:
                pair = (None, _text(args[4]))
            else:
                continue
            if pair != (None, None):
                found.append(pair)
    return found


def libyaml_problems() -> list[str]:
    """The problem and context texts compiled into the C loader."""
    if not yaml.__with_libyaml__:
        pytest.skip("PyYAML was built without libyaml")
    binary = next(YAML_DIR.glob("_yaml*.so"), None) or next(YAML_DIR.glob("_yaml*.pyd"))
    runs = re.findall(rb"[ -~]{8,}", binary.read_bytes())
    texts = {match.group() for run in runs if (match := LIBYAML_READING.fullmatch(run.decode("ascii")))}
    internal = ("%s", "__", "&&", "->", "vtable")  # Cython's and the C asserts' own texts
    return sorted(text for text in texts if not any(word in text for word in internal))


def test_every_error_of_pyyaml_s_python_parser_is_swedish() -> None:
    errors = python_errors()
    assert len(errors) > 40  # the source was read
    untold = [
        (context, problem)
        for context, problem in errors
        if swedish_message(problem, context).startswith(FRAME)
    ]
    assert untold == []


def test_every_problem_libyaml_can_report_while_reading_is_swedish() -> None:
    problems = libyaml_problems()
    assert "exceeded maximum nesting depth" in problems and len(problems) > 50
    assert [text for text in problems if known(text) is None] == []


CASES = {
    "a: b: c\n": (1, 5, "ett kolon (:) är inte tillåtet här"),
    "a:\n\tb: 1\n": (2, 1, "tabbtecken får inte användas för indrag"),
    "a: [1, 2\n": (2, 1, "en lista inom [ ] avslutas aldrig"),
    "a: *x\n": (1, 4, "aliaset är inte definierat"),
    'a: "abc\n': (2, 1, "filen tar slut mitt i ett värde"),
    'a: "\\xZZ"\n': (1, 7, "en kod \\x, \\u eller \\U"),
    "a: 1\n---\nb: 2\n": (2, 1, "filen får bara innehålla ett YAML-dokument"),
    "a: \x07\n": (1, 4, "filen innehåller ett otillåtet styrtecken"),
    "a: |0\n  x\n": (1, 5, "efter | eller > får bara"),
    "%YAML 2.0\n---\na: 1\n": (1, 1, "YAML-direktiv"),
    "a: !<x\n": (1, 7, "YAML-tagg"),
    'a: "x\n---\n"': (2, 1, "en rad med bara --- eller ..."),
}


@pytest.mark.parametrize("loader", ["CSafeLoader", "SafeLoader"])
@pytest.mark.parametrize("text", list(CASES))
def test_real_errors_are_one_swedish_line_with_their_position(
    monkeypatch: pytest.MonkeyPatch, loader: str, text: str
) -> None:
    if not hasattr(yaml, loader):
        pytest.skip(f"no {loader}")
    monkeypatch.setattr(safe_yaml, "SafeLoader", getattr(yaml, loader))
    with pytest.raises(YamlSourceError) as raised:
        safe_yaml.compose(text, "fil.yaml")
    [problem] = raised.value.diagnostics
    line, column, words = CASES[text]
    assert (problem.line, problem.column) == (line, column)
    assert problem.message.startswith(PREFIX) and words in problem.message, problem.message


@pytest.mark.parametrize("loader", ["CSafeLoader", "SafeLoader"])
@pytest.mark.parametrize("depth", [65, 2000])
def test_nesting_past_any_limit_says_so_in_swedish(
    monkeypatch: pytest.MonkeyPatch, loader: str, depth: int
) -> None:
    if not hasattr(yaml, loader):
        pytest.skip(f"no {loader}")
    monkeypatch.setattr(safe_yaml, "SafeLoader", getattr(yaml, loader))
    for text in ("a: " + "[" * depth + "]" * depth + "\n", "".join("  " * i + "- \n" for i in range(depth))):
        with pytest.raises(YamlSourceError) as raised:
            safe_yaml.compose(text, "fil.yaml")
        assert [d.message for d in raised.value.diagnostics] == [TOO_DEEP]


def test_a_deeply_nested_question_file_is_one_swedish_line(tmp_path: Path) -> None:
    deep = tmp_path / "djup.yaml"
    deep.write_text("id: x\nversion: 1\ntitel: " + "[" * 1500 + "]" * 1500 + "\n", encoding="utf-8")
    checked = run_cli("validera", str(deep))
    assert checked.exit_code == 1
    assert re.fullmatch(
        rf"{re.escape(str(deep))}:3:\d+: {re.escape(TOO_DEEP)}\n1 fel i 1 fil\.\n", checked.stdout
    )
    started = run_cli("kartlagg", "--fragor", str(deep), "--enkel", input="")
    assert started.exit_code != 0 and started.stderr.startswith("Fel: ") and "exceeded" not in started.stderr
    assert TOO_DEEP in started.stderr and started.stderr.count("\n") == 1


def test_a_text_no_pattern_knows_gets_a_swedish_frame_or_its_context_s_message() -> None:
    assert swedish_message("a brand new problem", None) == (
        'YAML-syntaxfel: filen går inte att läsa som YAML här (tolkens beskrivning: "a brand new problem")'
    )
    assert swedish_message("a brand new problem", "while scanning a quoted scalar") == (
        "YAML-syntaxfel: ett citattecken avslutas aldrig"
    )
    assert swedish_message(None, None).startswith(FRAME)
