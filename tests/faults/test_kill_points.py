"""Kill points: a session stopped by SIGINT, SIGTERM, SIGHUP or SIGKILL at a random moment keeps
every acknowledged answer in a report that parses, ends with the right code and message, leaves
no debris, and the printed command (or ``--fortsatt FILE`` after SIGKILL) finishes it.

Answers are piped slowly into ``--enkel``: one line, then wait for the next prompt.  A kill point
is a random answer, a random line of it, whether the signal comes right after the line is typed
(so it lands while the answer is being saved) or while the program waits at the prompt, and a
random delay from a tenth of a millisecond to 50 ms.  One more run per signal widens the save
with an injected pause in ``fsync`` so the signal lands inside it for sure, and a few kills hit
the full interface in a pseudo-terminal.  ``FAULT_ROUNDS`` multiplies the random kill points.
"""

from __future__ import annotations

import math
import os
import random
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from intervjufas.questionsets.catalog import builtin_set

from .endings import COMMANDS, Ending, check_ending, check_listing, resume_to_completion
from .feeder import (
    Feeder,
    PipedSession,
    Scripted,
    answer_script,
    driver_value,
    spawn_terminal,
    with_default_dates,
)
from .helpers import INJECT, Finished, Sandbox, snapshot
from .knobs import ROUNDS, tally

SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGKILL)
POINTS_PER_CASE = 2  # random kill points per signal and question set, times FAULT_ROUNDS


@dataclass(frozen=True)
class KillPoint:
    answer: int  # index in the script of the answer being typed
    line: int  # the line of that answer the signal comes at
    after_write: bool  # right after typing the line, else at the prompt before typing it
    delay: float  # seconds between that moment and the signal

    def describe(self, script: list[Scripted], signum: int) -> str:
        moment = "right after typing" if self.after_write else "at the prompt for"
        return (
            f"{signal.Signals(signum).name} {self.delay * 1000:.2f} ms {moment} line {self.line} "
            f"of answer {self.answer} ({script[self.answer].id})"
        )


def draw_kill_point(rng: random.Random, script: list[Scripted]) -> KillPoint:
    """A random moment of the session, never after its very last line (it would have ended)."""
    while True:
        answer = rng.randrange(len(script))
        if not script[answer].lines:  # (a yes/no question answered through its reflection)
            continue
        line = rng.randrange(len(script[answer].lines))
        after_write = rng.random() < 0.5
        last = answer == len(script) - 1 and line == len(script[answer].lines) - 1
        if not (last and after_write):
            break
    delay = 0.0 if after_write and rng.random() < 0.25 else 10 ** rng.uniform(-4, math.log10(0.05))
    return KillPoint(answer, line, after_write, delay)


def run_until(
    session: PipedSession, script: list[Scripted], point: KillPoint, signum: int, arm: Path | None = None
) -> tuple[Scripted, ...]:
    """Type the script up to the kill point and send the signal; return what was acknowledged.

    A yes/no question answered through the reflection it opens (no lines of its own: its Ja is the
    first moment chosen or added) is acknowledged once the reflection's first line was taken."""
    feeder = Feeder(session)
    assert feeder.start(), f"the program asked nothing\n{session.text()}"
    for index, scripted in enumerate(script):
        for number, line in enumerate(scripted.lines):
            here = (index, number) == (point.answer, point.line)
            if here and not point.after_write:
                time.sleep(point.delay)
                session.signal(signum)
                return tuple(feeder.acknowledged)
            if here and arm is not None:
                arm.touch()
            feeder.type_line(line)
            if here:
                time.sleep(point.delay)
                session.signal(signum)
                return tuple(feeder.acknowledged)
            assert feeder.wait(), f"the program ended before the kill point\n{session.text()[-2000:]}"
            if number == 0 and index > 0 and not script[index - 1].lines:
                feeder.acknowledged.append(script[index - 1])
        if scripted.lines:
            feeder.acknowledged.append(scripted)
    raise AssertionError("the kill point lies beyond the script")


def kill_and_resume(
    program: str,
    sandbox: Sandbox,
    set_id: str,
    rng: random.Random,
    signum: int,
    context: str,
    *,
    point: KillPoint | None = None,
    inject: list[str] | None = None,
) -> None:
    script = answer_script(builtin_set(set_id), rng, f"Uppdrag {rng.randrange(10**6)} till Nordlager")
    point = point or draw_kill_point(rng, script)
    context = f"{context} kill point: {point.describe(script, signum)}"
    sandbox.reports.mkdir(parents=True, exist_ok=True)
    before = frozenset(snapshot(sandbox.reports))
    args = [COMMANDS[set_id], "--enkel", "--utan-uppfoljning"]
    arm = sandbox.root / "arm" if inject is not None else None
    argv = (
        [program, *args]
        if inject is None
        else [sys.executable, str(INJECT), *inject, "--arm", str(arm), "--", *args]
    )
    session = PipedSession(argv, sandbox)
    try:
        acknowledged = run_until(session, script, point, signum, arm)
        result = session.finish(timeout=10)
    finally:
        session.kill()
    if arm is not None:
        arm.unlink(missing_ok=True)
    tally("kill points")
    ending = Ending(set_id, tuple(script), acknowledged, script[point.answer], result, signum, before)
    kept = check_ending(ending, sandbox, context)
    if signum == signal.SIGKILL:
        check_listing(program, sandbox, context)
    resume_to_completion(program, sandbox, ending, kept, context)


@pytest.mark.parametrize("set_id", ["kartlaggning", "snabbformat"])
@pytest.mark.parametrize("signum", SIGNALS, ids=[s.name for s in SIGNALS])
@pytest.mark.parametrize("draw", range(POINTS_PER_CASE * ROUNDS))
def test_a_signal_at_a_random_moment_keeps_every_acknowledged_answer_and_resumes(
    program: str, tmp_path: Path, rng: random.Random, replay: str, set_id: str, signum: int, draw: int
) -> None:
    sandbox = Sandbox(tmp_path / "kill")
    kill_and_resume(program, sandbox, set_id, rng, signum, replay)


@pytest.mark.parametrize("signum", SIGNALS, ids=[s.name for s in SIGNALS])
@pytest.mark.parametrize("draw", range(ROUNDS))
def test_a_signal_inside_a_slow_save_loses_nothing_and_leaves_nothing_behind(
    program: str, tmp_path: Path, rng: random.Random, replay: str, signum: int, draw: int
) -> None:
    """fsync on the reports folder pauses 150 ms once armed; the signal comes during the pause."""
    sandbox = Sandbox(tmp_path / "slow")
    set_id = "snabbformat"
    script = answer_script(builtin_set(set_id), random.Random(rng.random()), "Plockare till Nordlager")
    answer = rng.randrange(1, 6)  # the metadata, after the report exists
    last = len(script[answer].lines) - 1
    point = KillPoint(answer, last, after_write=True, delay=rng.uniform(0.03, 0.12))
    inject = ["--delay", "fsync:0.15", "--only", str(sandbox.reports)]
    kill_and_resume(program, sandbox, set_id, rng, signum, replay, point=point, inject=inject)


# -- the full interface in a pseudo-terminal ------------------------------------------------------


@pytest.mark.parametrize("signum", SIGNALS, ids=[s.name for s in SIGNALS])
@pytest.mark.parametrize("draw", range(ROUNDS))
def test_a_signal_to_the_full_interface_in_a_terminal_keeps_the_answers_and_resumes(
    program: str, tmp_path: Path, rng: random.Random, replay: str, signum: int, draw: int
) -> None:
    sandbox = Sandbox(tmp_path / "pty")
    sandbox.reports.mkdir(parents=True)
    script = with_default_dates(
        answer_script(
            builtin_set("snabbformat"), random.Random(rng.random()), "Kundtjänst till Servicebolaget"
        )
    )
    count = rng.randrange(1, 9)  # answers given before the signal
    at_prompt = rng.random() < 0.6
    delay = 10 ** rng.uniform(-4, math.log10(0.05)) if at_prompt else rng.uniform(0, 0.005)
    context = f"{replay} {signal.Signals(signum).name} after {count} answers, at_prompt={at_prompt}, delay={delay:.4f}"
    t = spawn_terminal(program, sandbox, "snabb", "--utan-uppfoljning")
    try:
        given = {s.id: driver_value(s) for s in script}
        t.answer_questions([s.question for s in script[:count]], given)
        if at_prompt:
            t.expect(script[count].question.text, timeout=10)
            t.ready(timeout=10)  # (a list question prints its text before its prompt opens)
        time.sleep(delay)
        os.kill(t.child.pid, signum)
        t.wait_exit(timeout=10)
        code = t.child.exitstatus if t.child.exitstatus is not None else -(t.child.signalstatus or 0)
    except pytest.fail.Exception as failure:
        pytest.fail(f"{context}\n{failure}")
    finally:
        if t.child.isalive():
            t.child.terminate(force=True)
    tally("kill points (terminal)")
    acknowledged = tuple(script[: count if at_prompt else count - 1])
    in_flight = script[count] if at_prompt else script[count - 1]
    output = t.output.encode("utf-8")
    result = Finished(("snabb", "--utan-uppfoljning"), code, output, output, 0.0)
    ending = Ending("snabbformat", tuple(script), acknowledged, in_flight, result, signum)
    kept = check_ending(ending, sandbox, context)
    resume_to_completion(program, sandbox, ending, kept, context)


@pytest.mark.parametrize("draw", range(ROUNDS))
def test_closing_the_terminal_keeps_every_acknowledged_answer_and_ends_with_129(
    program: str, tmp_path: Path, rng: random.Random, replay: str, draw: int
) -> None:
    """The terminal goes away (the kernel sends SIGHUP and stderr leads nowhere): no message can be
    checked, but the exit code, the answers and the folder can."""
    sandbox = Sandbox(tmp_path / "hangup")
    sandbox.reports.mkdir(parents=True)
    script = with_default_dates(
        answer_script(
            builtin_set("snabbformat"), random.Random(rng.random()), "Kundtjänst till Servicebolaget"
        )
    )
    count = rng.randrange(1, 9)
    context = f"{replay} the terminal closed after {count} answers"
    t = spawn_terminal(program, sandbox, "snabb", "--utan-uppfoljning")
    try:
        t.answer_questions([s.question for s in script[:count]], {s.id: driver_value(s) for s in script})
        t.expect(script[count].question.text, timeout=10)
        t.ready(timeout=10)
        t.child.ptyproc.delayafterclose = 3.0  # time to end by itself before pexpect insists
        t.child.close(force=True)
    except pytest.fail.Exception as failure:
        pytest.fail(f"{context}\n{failure}")
    code = t.child.exitstatus if t.child.exitstatus is not None else -(t.child.signalstatus or 0)
    tally("kill points (terminal)")
    result = Finished(("snabb", "--utan-uppfoljning"), code, b"", b"", 0.0)
    ending = Ending(
        "snabbformat",
        tuple(script),
        tuple(script[:count]),
        script[count],
        result,
        signal.SIGHUP,
        stderr_works=False,
    )
    kept = check_ending(ending, sandbox, f"{context}\n--- terminal ---\n{t.output[-2000:]}")
    resume_to_completion(program, sandbox, ending, kept, context)
