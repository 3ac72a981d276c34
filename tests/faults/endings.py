"""Checking a session after it ended abruptly, and finishing it with the printed command.

``check_ending`` holds contracts 1–3 for one ending: acknowledged answers are in a report that
parses strictly (the answer being typed may be there too, whole or in part, but nothing later),
the exit code and the Swedish message fit the signal, and the folder holds no debris.
``resume_to_completion`` then runs the command the program printed (or ``--fortsatt FILE`` after a
SIGKILL, or a new session when nothing was saved) with the rest of the answers piped, and checks
that the finished report holds every answer.
"""

from __future__ import annotations

import json
import shlex
import signal
from dataclasses import dataclass, field, replace
from pathlib import Path

from intervjufas.model.answers import Answer

from .feeder import Scripted, lines_of, pending_part, piped, same_or_partial
from .helpers import (
    SIGNAL_EXIT,
    Finished,
    Sandbox,
    assert_no_crash,
    debris,
    parse_report,
    printed_resume_command,
    real_reports,
    resume_argv,
    run,
    the_report,
)

COMMANDS = {"kartlaggning": "kartlagg", "snabbformat": "snabb"}


@dataclass(frozen=True)
class Ending:
    """What is known when a session was stopped: the answers acknowledged before the stop, the
    answer being typed (if any), and how the program ended."""

    set_id: str
    script: tuple[Scripted, ...]
    acknowledged: tuple[Scripted, ...]
    in_flight: Scripted | None
    result: Finished
    signum: int | None  # None: the input ended
    before: frozenset[str] = frozenset()  # the folder's entries before the session
    stderr_works: bool = True  # False when the terminal was closed: no message can be seen

    @property
    def command(self) -> str:
        return COMMANDS[self.set_id]


@dataclass(frozen=True)
class Kept:
    """What a stopped session left: the report (if any), the answers to go on from (the report's,
    or a recovery file's when the message points to one), and the printed resume command."""

    report: Path | None
    answers: dict[str, Answer]
    command: str | None
    drafts: dict[str, Answer] = field(default_factory=dict)  # unfinished answers, offered again


def check_ending(ending: Ending, sandbox: Sandbox, context: str) -> Kept:
    """Contracts 1–3 right after the ending."""
    result = ending.result
    where = f"{context}\n{result.describe()}"
    assert_no_crash(result, context)
    if ending.signum == signal.SIGKILL:
        assert result.code == -signal.SIGKILL, where
    elif ending.signum is not None:
        expected = SIGNAL_EXIT[ending.signum]
        name = signal.Signals(ending.signum).name
        assert result.code == expected, (
            f"{name} must end with exit {expected} (a negative code: killed by the signal)\n{where}"
        )

    visible = [p.name for p in real_reports(sandbox.reports)]
    assert all((sandbox.reports / n).stat().st_size > 0 for n in visible), (
        f"an empty report: {visible}\n{where}"
    )
    path = the_report(sandbox.reports)
    acknowledged_ids = [s.id for s in ending.acknowledged]
    if acknowledged_ids:
        assert path is not None, f"acknowledged {acknowledged_ids} but no report exists\n{where}"
    parsed = parse_report(path, ending.set_id) if path is not None else None
    answers = dict(parsed.answers) if parsed is not None else {}
    drafts = dict(parsed.drafts) if parsed is not None else {}
    command = None
    if ending.signum != signal.SIGKILL:
        if ending.stderr_works:
            command = check_message(result, path, sandbox, where)
        left = debris(sandbox.reports, ending.before)
        assert not left, f"debris after the ending: {left}\n{where}"
    if path is None and command is not None:  # the message points to a recovery file
        recovered = parse_report(recovery_named(command, sandbox, where), ending.set_id)
        answers, drafts = dict(recovered.answers), dict(recovered.drafts)
    check_answers(ending, answers, where)
    return Kept(path, answers, command, drafts)


def check_answers(ending: Ending, answers: dict[str, Answer], where: str) -> None:
    """Every acknowledged answer is kept as given; nothing later than the answer being typed is."""
    for scripted in ending.acknowledged:
        assert answers.get(scripted.id) == scripted.expected, (
            f"acknowledged answer {scripted.id!r} lost or changed: report has {answers.get(scripted.id)!r}, "
            f"expected {scripted.expected!r}\n{where}"
        )
    in_flight = [ending.in_flight] if ending.in_flight else []
    index = ending.script.index(ending.in_flight) if ending.in_flight in ending.script else 0
    if index > 0 and not ending.script[index - 1].lines:  # (a yes/no question its reflection answers)
        in_flight.append(ending.script[index - 1])
        opener = ending.script[index - 1]
        assert answers.get(opener.id, opener.expected) == opener.expected, (
            f"the yes/no question of the reflection being typed was saved wrong: {answers[opener.id]!r}\n{where}"
        )
    allowed = {s.id for s in ending.acknowledged} | {s.id for s in in_flight}
    assert set(answers) <= allowed, (
        f"answers never typed are in the report: {set(answers) - allowed}\n{where}"
    )
    if ending.in_flight is not None and ending.in_flight.id in answers:
        assert same_or_partial(ending.in_flight.expected, answers[ending.in_flight.id]), (
            f"the answer being typed was saved wrong: {answers[ending.in_flight.id]!r}\n{where}"
        )


def check_message(result: Finished, path: Path | None, sandbox: Sandbox, where: str) -> str | None:
    """Contract 2: a Swedish message; the resume command whenever a report exists, naming it.
    Without a report, a command may only point to a recovery file, and no report is claimed."""
    assert result.err_lines(), f"nothing on stderr says what happened\n{where}"
    for english in ("Terminated", "Hangup", "KeyboardInterrupt", "Killed"):
        assert english not in result.err, where
    command = printed_resume_command(result.err)
    if path is not None:
        assert command is not None, f"a report exists but no 'Fortsätt med: …' was printed\n{where}"
        assert str(path.resolve()) in command or path.name in command, (
            f"a report exists, but the resume command names another file\n{where}"
        )
    else:
        # (The note at the start – "Rapporten sparas i MAPP efter varje svar." – names the folder;
        # in a terminal it is in the same stream: only the closing message is checked.)
        closing = result.err_lines()[-1]
        assert str(sandbox.reports) not in closing, (
            f"claims a report in the reports folder although none exists\n{where}"
        )
        if command is not None:
            recovery_named(command, sandbox, where)
    return command


def recovery_named(command: str, sandbox: Sandbox, where: str) -> Path:
    """The recovery file a resume command continues (it must be one, and exist)."""
    words = [Path(word) for word in shlex.split(command)]
    found = [word for word in words if sandbox.recovery in word.parents and word.is_file()]
    assert found, f"the resume command names neither the report nor a recovery file\n{where}"
    return found[0]


def resume_to_completion(
    program: str,
    sandbox: Sandbox,
    ending: Ending,
    kept: Kept,
    context: str,
) -> Path:
    """Finish the session with the rest of the answers: with the printed command, else with
    ``--fortsatt REPORT`` (after SIGKILL), else anew; check every answer is in the report."""
    rest = continued(pending_part(ending.script, kept.answers), kept.drafts)
    if kept.command is not None:
        argv = resume_argv(program, kept.command)
    elif kept.report is not None:
        argv = [program, ending.command, "--fortsatt", str(kept.report), "--enkel"]
    else:
        argv = [program, ending.command, "--enkel", "--utan-uppfoljning"]
        rest = list(ending.script)
    first = rest[0].question.text if rest else None
    resumed = run(argv[0], sandbox, *argv[1:], input=piped(lines_of(rest)))
    where = f"{context}\n{resumed.describe()}"
    assert resumed.code == 0, f"the resumed session did not complete\n{where}"
    assert_no_crash(resumed, context)
    if first is not None:
        assert first in resumed.out, f"the resumed session did not ask {rest[0].id!r}\n{where}"

    final = the_report(sandbox.reports)
    assert final is not None, where
    check_complete(final, ending, kept.answers, where)
    left = debris(sandbox.reports)
    assert not left, (
        f"debris left after the resumed session (abandoned temp files not cleaned up): {left}\n{where}"
    )
    return final


def continued(rest: list[Scripted], drafts: dict[str, Answer]) -> list[Scripted]:
    """The rest to type when a reflection on the map was stopped with moments added: they are
    offered again (as its unfinished answer), so only the lines after them are typed."""
    for index, scripted in enumerate(rest[:2]):
        draft = drafts.get(scripted.id)
        if scripted.question.plan and scripted.question.phase and draft is not None:
            done = len(draft.value) if isinstance(draft.value, tuple) else 0
            rest[index] = replace(scripted, lines=scripted.lines[done:])
    return rest


def check_complete(path: Path, ending: Ending, kept: dict[str, Answer], where: str) -> None:
    """Every scripted answer is in the finished report; the one being typed at the ending may be
    there in part, if that part was already saved then (``kept``: the answers after the ending)."""
    answers = parse_report(path, ending.set_id).answers
    for scripted in ending.script:
        actual = answers.get(scripted.id)
        expected = scripted.expected
        if ending.in_flight is not None and scripted.id == ending.in_flight.id and scripted.id in kept:
            expected = kept[scripted.id]
        assert actual == expected, (
            f"finished report: {scripted.id!r} is {actual!r}, expected {expected!r}\n{where}"
        )


def check_listing(program: str, sandbox: Sandbox, context: str) -> None:
    """``lista --json`` shows exactly the real reports: no temp, lock or half files."""
    listed = run(program, sandbox, "lista", "--json")
    where = f"{context}\n{listed.describe()}"
    assert listed.code == 0, where
    names = sorted(entry["fil"] for entry in json.loads(listed.out)["rapporter"])
    assert names == [p.name for p in real_reports(sandbox.reports)], where
