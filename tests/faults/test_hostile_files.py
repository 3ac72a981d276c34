"""Hostile files: one table per kind of input, each case with its expected outcome.

* A hostile entry in the reports folder (alias bomb, deep nesting, impossible date, non-numeric
  version, control characters, a 5 MB header, binary garbage, a FIFO, a directory, a symlink loop,
  escape sequences in the file name): ``lista``, ``plan``, ``trend`` and ``kartlagg --svar`` finish
  quickly with exit 0 and exactly one ``Varning:`` line (none or one for ``kartlagg``), and the
  good reports are read exactly as without it.
* A hostile question file for ``validera`` and ``kartlagg --fragor``: diagnostics or one ``Fel:``
  line, quickly; the 40-question chain of conditions is valid and passes quickly.
* A hostile answers file for ``--svar``: one ``Fel:`` line, quickly, nothing written; a complex key
  is shown as written, never as parser internals.

Every run is bounded in memory and time; outputs go to pipes, where no escape code is legitimate,
so any ESC or BEL byte in them came from a file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from .feeder import spawn_terminal
from .helpers import (
    GOOD_FIXTURES,
    QUICK,
    UNEXPECTED,
    Finished,
    Sandbox,
    fill_with_fixtures,
    real_reports,
    run_all,
    run_together,
)
from .hostile import (
    ANSWERS_FILE_CASES,
    ESCAPE_REPORT,
    GOOD_ANSWERS,
    QUESTION_FILE_CASES,
    REPORT_FOLDER_CASES,
    chain_question_file,
    escaped_attack_report,
)
from .knobs import tally

WIDE = {"COLUMNS": "250"}  # no wrapping: a report's line stays whole
READERS = (("lista",), ("plan",), ("trend",))


def normalized(text: str, folder: Path) -> str:
    return text.replace(str(folder), "<MAPP>")


def basic_problems(result: Finished) -> list[str]:
    """Bounds, crashes and raw control characters: what no run may show."""
    problems = []
    if result.timed_out:
        problems.append(f"still running after {QUICK:.0f} s (killed)")
    elif result.elapsed >= QUICK:
        problems.append(f"took {result.elapsed:.1f} s")
    problems += [f"shows {marker!r}" for marker in UNEXPECTED if marker in result.err or marker in result.out]
    for stream, data in (("stdout", result.stdout), ("stderr", result.stderr)):
        problems += [
            f"raw {name} on {stream}" for name, byte in (("ESC", b"\x1b"), ("BEL", b"\x07")) if byte in data
        ]
    return problems


def one_line_starting(result: Finished, word: str, *, optional: bool = False) -> list[str]:
    lines = result.err_lines()
    if optional and not lines:
        return []
    if len(lines) != 1 or not lines[0].startswith(word):
        return [f"stderr should be exactly one line starting with {word!r}, was {lines!r}"]
    return []


def report(problems: dict[str, list[str]], results: dict[str, Finished], context: str) -> None:
    failing = {name: found for name, found in problems.items() if found}
    details = "\n\n".join(
        f"{name}: {'; '.join(found)}\n{results[name].describe()}" for name, found in failing.items()
    )
    assert not failing, f"{context}\n{details}"


@pytest.fixture(scope="module")
def baseline(program: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """What the readers print for the good fixture reports alone."""
    sandbox = Sandbox(tmp_path_factory.mktemp("baseline"))
    fill_with_fixtures(sandbox.reports)
    results = run_all(program, sandbox, READERS, env=WIDE)
    for result in results:
        assert result.code == 0 and not result.err_lines(), result.describe()
    return {
        args[0]: normalized(result.out, sandbox.reports)
        for args, result in zip(READERS, results, strict=True)
    }


@pytest.mark.parametrize("case", list(REPORT_FOLDER_CASES))
def test_a_hostile_entry_in_the_reports_folder_is_one_warning_and_the_good_reports_still_count(
    program: str, sandbox: Sandbox, baseline: dict[str, str], replay: str, case: str
) -> None:
    fill_with_fixtures(sandbox.reports)
    REPORT_FOLDER_CASES[case](sandbox.reports)
    answers = sandbox.root / "svar.yaml"
    answers.write_text(GOOD_ANSWERS, encoding="utf-8")
    results = dict(zip((a[0] for a in READERS), run_all(program, sandbox, READERS, env=WIDE), strict=True))
    problems = {}
    for name, result in results.items():
        problems[name] = basic_problems(result) + one_line_starting(result, "Varning:")
        if result.code != 0:
            problems[name].append(f"exit {result.code}, expected 0")
        if normalized(result.out, sandbox.reports) != baseline[name]:
            problems[name].append("the good reports are not shown as they are without the hostile entry")

    before = set(real_reports(sandbox.reports))
    (mapping,) = run_all(program, sandbox, [("kartlagg", "--svar", str(answers), "--steg", "1")], env=WIDE)
    results["kartlagg --svar"] = mapping
    new = set(real_reports(sandbox.reports)) - before
    problems["kartlagg --svar"] = basic_problems(mapping) + one_line_starting(
        mapping, "Varning:", optional=True
    )
    if mapping.code != 0 or len(new) != 1:
        problems["kartlagg --svar"].append(
            f"exit {mapping.code} and {len(new)} new reports, expected 0 and 1"
        )
    tally("hostile files", 4)
    report(problems, results, f"{replay} hostile entry: {case}")


def test_escape_sequences_inside_a_valid_report_never_reach_the_terminal_raw(
    program: str, sandbox: Sandbox, replay: str
) -> None:
    fill_with_fixtures(sandbox.reports)
    hostile = escaped_attack_report(sandbox.reports).name
    commands = [
        ("lista",),
        ("lista", "--json"),
        ("plan",),
        ("trend",),
        ("visa", hostile),
        ("jamfor", GOOD_FIXTURES[0], hostile),
    ]
    finished = run_all(program, sandbox, commands, env=WIDE)
    results = {" ".join(args): result for args, result in zip(commands, finished, strict=True)}
    problems = {}
    for name, result in results.items():
        problems[name] = basic_problems(result) + one_line_starting(result, "Varning:", optional=True)
        if result.code != 0:
            problems[name].append(f"exit {result.code}")
    listed = [entry["fil"] for entry in json.loads(results["lista --json"].out or '{"rapporter": []}')["rapporter"]]
    if not set(GOOD_FIXTURES) <= set(listed):
        problems["lista --json"].append(f"good reports missing from {listed}")
    tally("hostile files", len(commands))
    report(problems, results, f"{replay} a valid report with escape sequences")


@pytest.mark.parametrize(
    "command", [("lista",), ("visa", ESCAPE_REPORT, "--ingen-pager")], ids=["lista", "visa"]
)
def test_escape_sequences_from_a_report_are_not_sent_to_a_real_terminal(
    program: str, sandbox: Sandbox, replay: str, command: tuple[str, ...]
) -> None:
    fill_with_fixtures(sandbox.reports)
    escaped_attack_report(sandbox.reports)
    t = spawn_terminal(program, sandbox, *command)
    code = t.wait_exit(timeout=QUICK)
    tally("hostile files")
    assert code == 0, f"{replay}\n{t.output[-2000:]}"
    for sequence in ("\x1b]0;pwned", "\x07", "\x1b[2J"):
        assert sequence not in t.raw, (
            f"{replay} {sequence!r} from the report reached the terminal\n{t.raw[-2000:]!r}"
        )


@dataclass(frozen=True)
class Refusal:
    """The runs of one hostile question or answers file (all cases run at once, see below)."""

    sandbox: Sandbox
    path: Path
    results: dict[str, Finished]


@pytest.fixture(scope="module")
def refusals(program: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Refusal]:
    """Every hostile question and answers file run at the same time: a file that makes the program
    hang costs the bound once, not once per case."""
    planned: list[tuple[str, str, Sandbox, Path, tuple[str, ...]]] = []
    for case, build in QUESTION_FILE_CASES.items():
        box = Sandbox(tmp_path_factory.mktemp(f"fragor-{case}"))
        path = build(box.root)
        answers = box.root / "svar.yaml"
        answers.write_text("uppdrag: Lager\n", encoding="utf-8")
        planned.append((f"fragor:{case}", "validera", box, path, ("validera", str(path))))
        planned.append(
            (
                f"fragor:{case}",
                "kartlagg --fragor",
                box,
                path,
                ("kartlagg", "--fragor", str(path), "--svar", str(answers)),
            )
        )
    for case, build in ANSWERS_FILE_CASES.items():
        box = Sandbox(tmp_path_factory.mktemp(f"svar-{case}"))
        path = build(box.root)
        planned.append(
            (f"svar:{case}", "kartlagg --svar", box, path, ("kartlagg", "--svar", str(path), "--steg", "1"))
        )

    finished = run_together(program, [(box, args) for _, _, box, _, args in planned])
    found: dict[str, Refusal] = {}
    for (key, label, box, path, _), result in zip(planned, finished, strict=True):
        found.setdefault(key, Refusal(box, path, {})).results[label] = result
    return found


@pytest.mark.parametrize("case", list(QUESTION_FILE_CASES))
def test_a_hostile_question_file_is_refused_quickly_with_one_message(
    refusals: dict[str, Refusal], replay: str, case: str
) -> None:
    refusal = refusals[f"fragor:{case}"]
    validate, mapping = refusal.results["validera"], refusal.results["kartlagg --fragor"]
    problems = {"validera": basic_problems(validate), "kartlagg --fragor": basic_problems(mapping)}
    diagnostics = [line for line in validate.out.splitlines() if line.startswith(f"{refusal.path}:")]
    if validate.code != 1 or not (diagnostics or one_line_starting(validate, "Fel:") == []):
        problems["validera"].append(
            f"expected exit 1 with diagnostics 'FILE:LINE:COL: …' or one 'Fel:' line, got exit {validate.code}"
        )
    problems["kartlagg --fragor"] += one_line_starting(mapping, "Fel:")
    if mapping.code != 1:
        problems["kartlagg --fragor"].append(f"exit {mapping.code}, expected 1")
    if real_reports(refusal.sandbox.reports):
        problems["kartlagg --fragor"].append("a report was written")
    tally("hostile files", 2)
    report(problems, refusal.results, f"{replay} question file: {case}")


def test_forty_questions_each_conditioned_on_the_two_before_are_valid_and_checked_quickly(
    program: str, sandbox: Sandbox, replay: str
) -> None:
    sandbox.root.mkdir(parents=True, exist_ok=True)
    chain = sandbox.root / "kedja.yaml"
    chain.write_text(chain_question_file(40), encoding="utf-8")
    answers = sandbox.root / "svar.yaml"
    answers.write_text("uppdrag: Kedjan\nq01: Ett\nq02: Två\n", encoding="utf-8")
    commands = [("validera", str(chain)), ("kartlagg", "--fragor", str(chain), "--svar", str(answers))]
    validate, mapping = run_all(program, sandbox, commands)
    problems = {"validera": basic_problems(validate), "kartlagg --fragor": basic_problems(mapping)}
    if validate.code != 0:
        problems["validera"].append(f"exit {validate.code}: the chain is valid")
    if mapping.code != 0 or len(real_reports(sandbox.reports)) != 1:
        problems["kartlagg --fragor"].append(f"exit {mapping.code}: the session should have been saved")
    tally("hostile files", 2)
    report(problems, {"validera": validate, "kartlagg --fragor": mapping}, f"{replay} 40-question chain")


@pytest.mark.parametrize("case", list(ANSWERS_FILE_CASES))
def test_a_hostile_answers_file_is_refused_quickly_with_one_message_and_nothing_written(
    refusals: dict[str, Refusal], replay: str, case: str
) -> None:
    refusal = refusals[f"svar:{case}"]
    result = refusal.results["kartlagg --svar"]
    problems = basic_problems(result) + one_line_starting(result, "Fel:")
    if result.code != 1:
        problems.append(f"exit {result.code}, expected 1")
    if real_reports(refusal.sandbox.reports):
        problems.append("a report was written")
    if case == "complex-key" and "[a, b]" not in result.err:
        problems.append("the message does not show the key as written: [a, b]")
    tally("hostile files")
    report({"kartlagg --svar": problems}, refusal.results, f"{replay} answers file: {case}")
