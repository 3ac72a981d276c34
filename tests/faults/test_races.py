"""No lost updates: two ``--fortsatt`` runs on the same report at the same time, one answering
Steg 1 and the other Steg 2.  Either one of them is refused (exit 75, one ``Fel:`` line saying the
report ``används``) and the other's answers are saved, or both succeed and both sets of answers are
in the file.  Never both exit 0 with one side's answers missing.

The two runs are started through the launcher with ``--wait-for``, so both have imported the program
and wait for the same file to appear; the second sometimes starts a few milliseconds later.  A
second test interleaves the two sessions answer by answer, so their saves alternate.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from intervjufas.questionsets.catalog import builtin_set

from .feeder import Feeder, PipedSession, Scripted, answer_script, lines_of, piped
from .helpers import INJECT, Finished, Sandbox, assert_no_crash, debris, parse_report, real_reports, run
from .knobs import ROUNDS, tally

IN_USE = 75
RACE_ROUNDS = 20 * ROUNDS
INTERLEAVED_ROUNDS = 3 * ROUNDS


def prepared_report(program: str, sandbox: Sandbox, rng: random.Random) -> tuple[Path, list[Scripted]]:
    """A report with the assignment answered and no step begun; and the full answer script."""
    set_ = builtin_set("kartlaggning")
    script = answer_script(set_, rng, "Lagerarbetare till Nordlager")
    metadata = [s for s in script if s.question.step_id is None]
    made = run(program, sandbox, "kartlagg", "--enkel", "--utan-uppfoljning", input=piped(lines_of(metadata)))
    assert made.code == 130, made.describe()  # the input ended before Steg 1
    found = real_reports(sandbox.reports)
    assert len(found) == 1, made.describe()
    return found[0], script


def step_part(script: Sequence[Scripted], step_id: str) -> list[Scripted]:
    return [s for s in script if s.question.step_id == step_id]


def start(sandbox: Sandbox, path: Path, step: int, go: Path) -> PipedSession:
    """A run of ``--steg STEP`` that imports the program, creates ``GO.ready`` and waits for GO."""
    argv = [
        sys.executable,
        str(INJECT),
        "--ready",
        f"{go}.ready",
        "--wait-for",
        str(go),
        "--",
        "kartlagg",
        "--fortsatt",
        str(path),
        "--enkel",
        "--steg",
        str(step),
    ]
    return PipedSession(argv, sandbox)


def wait_ready(*gos: Path, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while not all(Path(f"{go}.ready").exists() for go in gos):
        assert time.monotonic() < deadline, "the runs never got ready to start"
        time.sleep(0.002)


def check_outcome(
    path: Path, runs: list[tuple[Finished, list[Scripted]]], before: set[str], where: str
) -> None:
    """The rule of contract 6 for one round."""
    codes = [result.code for result, _ in runs]
    details = "\n".join(result.describe() for result, _ in runs)
    hint = ""
    if any("Indata tog slut" in result.err for result, _ in runs):
        hint = " (a run was asked a question again and ran out of input: its answer vanished from the report)"
    assert all(code in (0, IN_USE) for code in codes), f"exit codes {codes}{hint}\n{where}\n{details}"
    assert codes.count(IN_USE) < len(codes), f"both runs were refused\n{where}"
    answers = parse_report(path, "kartlaggning").answers
    for result, part in runs:
        assert_no_crash(result, where)
        if result.code == IN_USE:
            failures = [line for line in result.err_lines() if line.startswith("Fel:")]
            assert len(failures) == 1 and "används" in failures[0], (
                f"refusal message\n{where}\n{result.describe()}"
            )
            touched = [s.id for s in part if s.id in answers]
            assert not touched, f"the refused run changed the report: {touched}\n{where}"
            continue
        missing = [s.id for s in part if answers.get(s.id) != s.expected]
        assert not missing, (
            f"LOST UPDATE: a run ended with exit 0 but its answers {missing} are not in the report\n"
            f"{where}\n{result.describe()}"
        )
    assert [p.name for p in real_reports(path.parent)] == [path.name], f"extra files\n{where}"
    assert not debris(path.parent, before), f"debris: {debris(path.parent, before)}\n{where}"


@pytest.mark.parametrize("batch", range(2))
def test_two_resumed_runs_at_once_never_lose_one_sides_answers(
    program: str, tmp_path: Path, rng: random.Random, replay: str, batch: int
) -> None:
    sandbox = Sandbox(tmp_path / "race")
    path, script = prepared_report(program, sandbox, rng)
    original = path.read_bytes()
    parts = {1: step_part(script, "fore"), 2: step_part(script, "under")}
    for round_number in range(RACE_ROUNDS // 2):
        path.write_bytes(original)
        before = set(p.name for p in sandbox.reports.iterdir())
        go_first, go_second = sandbox.root / f"go1-{round_number}", sandbox.root / f"go2-{round_number}"
        order = [1, 2] if rng.random() < 0.5 else [2, 1]
        sessions = {
            order[0]: start(sandbox, path, order[0], go_first),
            order[1]: start(sandbox, path, order[1], go_second),
        }
        lag = 0.0 if rng.random() < 0.5 else rng.uniform(0, 0.02)
        try:
            for step, session in sessions.items():
                for line in lines_of(parts[step]):
                    session.write(line)
                session.close_input()
            wait_ready(go_first, go_second)  # both have imported the program
            go_first.touch()
            time.sleep(lag)
            go_second.touch()
            results = {step: session.finish(timeout=15) for step, session in sessions.items()}
        finally:
            for session in sessions.values():
                session.kill()
        tally("race rounds")
        where = f"{replay} round {round_number}, started Steg {order[0]} then Steg {order[1]} {lag * 1000:.1f} ms later"
        check_outcome(path, [(results[1], parts[1]), (results[2], parts[2])], before, where)


def test_two_sessions_answering_in_turns_never_lose_one_sides_answers(
    program: str, tmp_path: Path, rng: random.Random, replay: str
) -> None:
    sandbox = Sandbox(tmp_path / "turns")
    path, script = prepared_report(program, sandbox, rng)
    original = path.read_bytes()
    parts = {1: step_part(script, "fore"), 2: step_part(script, "under")}
    for round_number in range(INTERLEAVED_ROUNDS):
        path.write_bytes(original)
        before = set(p.name for p in sandbox.reports.iterdir())
        head_start = rng.randrange(0, 3)
        where = f"{replay} round {round_number}: Steg 1 answers {head_start} questions before Steg 2 starts"
        first = PipedSession(
            [program, "kartlagg", "--fortsatt", str(path), "--enkel", "--steg", "1"], sandbox
        )
        second: PipedSession | None = None
        try:
            feeders = {1: Feeder(first)}
            assert feeders[1].start(), where
            for scripted in parts[1][:head_start]:
                assert feeders[1].answer(scripted), where
            second = PipedSession(
                [program, "kartlagg", "--fortsatt", str(path), "--enkel", "--steg", "2"], sandbox
            )
            feeders[2] = Feeder(second)
            queues = {1: list(parts[1][head_start:]), 2: list(parts[2])}
            if not feeders[2].start():
                queues[2] = []  # refused at the start
            while queues[1] or queues[2]:
                for step in (1, 2):
                    if queues[step] and not feeders[step].answer(queues[step].pop(0)) and queues[step]:
                        raise AssertionError(f"Steg {step} ended before its last answer\n{where}")
            results = {1: first.finish(timeout=10), 2: second.finish(timeout=10)}
        finally:
            first.kill()
            if second is not None:
                second.kill()
        tally("race rounds (in turns)")
        check_outcome(path, [(results[1], parts[1]), (results[2], parts[2])], before, where)
