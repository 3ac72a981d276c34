"""Half-typed text is kept: lines of a multi-line answer typed but never finished (no empty line in
``--enkel``, no Esc+Enter in the full interface) survive SIGTERM, SIGINT, the end of the input and
Ctrl-C as an *unfinished* answer under the question's heading.  It does not count as answered;
``--fortsatt`` asks the question again and offers the kept text, and Enter keeps it.
"""

from __future__ import annotations

import random
import signal
from pathlib import Path

import pytest

from e2e.conftest import CTRL_C, ENTER, SUBMIT_MULTILINE
from intervjufas.model.answers import Answer
from intervjufas.questionsets.catalog import builtin_set

from .endings import Ending, check_ending
from .feeder import (
    Feeder,
    PipedSession,
    answer_script,
    driver_value,
    lines_of,
    piped,
    spawn_terminal,
    with_default_dates,
)
from .helpers import (
    Sandbox,
    assert_no_crash,
    body_section,
    parse_report,
    printed_resume_command,
    resume_argv,
    run,
    the_report,
)

KEPT = ("Vi ringde kunden – två gånger.", "Kandidaterna fick en agenda i förväg.")
ENDINGS = {
    "SIGTERM": (signal.SIGTERM, 143),
    "SIGINT": (signal.SIGINT, 130),
    "end-of-input": (None, 130),
}


def check_kept_unfinished(path: Path, question_id: str, context: str) -> None:
    """The typed lines are under the question's heading, but the question is not answered."""
    answers = parse_report(path).answers
    assert question_id not in answers, (
        f"an unfinished answer must not count as answered: {answers[question_id]!r}\n{context}"
    )
    section = body_section(path, question_id)
    assert section is not None, (
        f"the report has no heading for {question_id!r}: the typed lines were lost\n{context}"
    )
    for line in KEPT:
        assert line in section, (
            f"the typed line {line!r} is not kept under the heading of {question_id!r}:\n{section}\n{context}"
        )


@pytest.mark.parametrize("ending_name", list(ENDINGS))
def test_lines_typed_without_the_closing_empty_line_are_kept_and_offered_on_resume(
    program: str, tmp_path: Path, rng: random.Random, replay: str, ending_name: str
) -> None:
    signum, code = ENDINGS[ending_name]
    sandbox = Sandbox(tmp_path / "half")
    script = answer_script(builtin_set("snabbformat"), rng, "Plockare till Nordlager")
    index = next(i for i, s in enumerate(script) if s.id == "forbered")
    session = PipedSession([program, "snabb", "--enkel", "--utan-uppfoljning"], sandbox)
    try:
        feeder = Feeder(session)
        assert feeder.start()
        assert feeder.answer_all(script[:index])
        for line in KEPT:  # typed, and taken: the program asks for the next line
            feeder.type_line(line)
            assert feeder.wait()
        if signum is None:
            session.close_input()
        else:
            session.signal(signum)
        result = session.finish(timeout=10)
    finally:
        session.kill()
    context = f"{replay} ending: {ending_name}\n{result.describe()}"
    assert result.code == code, context
    ending = Ending("snabbformat", tuple(script), tuple(script[:index]), script[index], result, signum)
    path = check_ending(ending, sandbox, context).report
    assert path is not None
    check_kept_unfinished(path, "forbered", context)

    command = printed_resume_command(result.err)
    assert command is not None, context
    rest = script[index + 1 :]
    argv = resume_argv(program, command)
    resumed = run(argv[0], sandbox, *argv[1:], input=piped(["", *lines_of(rest)]))
    where = f"{context}\n--- resumed ---\n{resumed.describe()}"
    assert resumed.code == 0, where
    assert_no_crash(resumed, where)
    offered = "Föreslaget svar:\n" + "".join(f"  {line}\n" for line in KEPT)
    assert offered in resumed.out, f"the kept lines are not offered as the suggested answer\n{where}"
    final = parse_report(path).answers
    assert final.get("forbered") == Answer("\n".join(KEPT)), f"Enter did not keep the suggestion\n{where}"
    for scripted in rest:
        assert final.get(scripted.id) == scripted.expected, where


def test_ctrl_c_in_a_long_answer_of_the_full_interface_keeps_the_text_and_prefills_it_on_resume(
    program: str, tmp_path: Path, rng: random.Random, replay: str
) -> None:
    sandbox = Sandbox(tmp_path / "pty")
    sandbox.reports.mkdir(parents=True)
    script = with_default_dates(answer_script(builtin_set("snabbformat"), rng, "Plockare till Nordlager"))
    index = next(i for i, s in enumerate(script) if s.id == "forbered")
    t = spawn_terminal(program, sandbox, "snabb", "--utan-uppfoljning")
    try:
        t.answer_questions([s.question for s in script[:index]], {s.id: driver_value(s) for s in script})
        t.expect(script[index].question.text)
        t.send(KEPT[0] + ENTER + KEPT[1])
        t.expect(KEPT[1], timeout=10)
        t.send(CTRL_C)
        code = t.wait_exit(timeout=10)
    except pytest.fail.Exception as failure:
        pytest.fail(f"{replay}\n{failure}")
    finally:
        if t.child.isalive():
            t.child.terminate(force=True)
    context = f"{replay}\n--- terminal ---\n{t.output[-3000:]}"
    assert code == 130, context
    path = the_report(sandbox.reports)
    assert path is not None, context
    check_kept_unfinished(path, "forbered", context)
    command = printed_resume_command(t.output)
    assert command is not None, context

    argv = resume_argv(program, command, plain=False)
    resumed = spawn_terminal(argv[0], sandbox, *argv[1:])
    try:
        resumed.expect(script[index].question.text, timeout=10)
        resumed.expect(KEPT[1], timeout=5)  # the prompt starts with the kept text in it
        resumed.send(SUBMIT_MULTILINE)  # submit it as it stands
        resumed.expect(script[index + 1].question.text, timeout=10)
        resumed.send(CTRL_C)
        assert resumed.wait_exit(timeout=10) == 130, resumed.output[-3000:]
    except pytest.fail.Exception as failure:
        pytest.fail(f"{context}\n--- resumed ---\n{failure}")
    finally:
        if resumed.child.isalive():
            resumed.child.terminate(force=True)
    answers = parse_report(path).answers
    assert answers.get("forbered") == Answer("\n".join(KEPT)), (
        f"{context}\n--- resumed ---\n{resumed.output[-3000:]}"
    )
