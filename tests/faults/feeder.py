"""Answers piped slowly into ``--enkel``, and the bookkeeping of which ones are acknowledged.

An answer script is the list of lines a person would type for every question a set asks, worked
out from the question set itself (conditions included), each with the answer the report must then
hold.  ``PipedSession`` runs the program with pipes and reads its output without threads;
``Feeder`` writes one line at a time and waits until the program prints the next prompt.  An
answer is *acknowledged* when the prompt after its last line has appeared: the program saves
before it asks the next question, so from then on the answer must survive any ending.

With answers piped, the program echoes each line after its prompt and prints every other line
whole, so the output is waiting for input exactly when its last line is unfinished and ends with a
space (``"> "``, ``"Moment 2: "``, ``"[standard: Individuellt]: "``): the rule for plain prompts
in ``e2e/readiness.py``, which the terminal driver follows too.  A signal meant to land at a
prompt is sent once that prompt is there; one meant to land anywhere is sent right after a line.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import random
import select
import signal
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pexpect

from e2e.conftest import Terminal, asks_plainly
from e2e.readiness import plain_prompt_waiting
from intervjufas.model.answers import ActionItem, Answer
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.model.questions import Question

from .helpers import WALL_TIMEOUT, Finished, Sandbox, bounded

# -- answer scripts -------------------------------------------------------------------------------

WORDS = (
    "Vi går igenom kravprofilen",
    "Kunden får en agenda",
    "Kandidaten får veta vad som väntar",
    "Vi bestämmer vem som leder",
    "Återkoppling inom två dagar",
    "Öppna frågor om arbetsmiljön",
    "Tydliga tider för besked",
)


@dataclass(frozen=True)
class Scripted:
    """The lines typed for one question, and the answer the report must hold afterwards."""

    question: Question
    lines: tuple[str, ...]
    expected: Answer

    @property
    def id(self) -> str:
        return self.question.id


def answer_script(questionnaire: Questionnaire, rng: random.Random, uppdrag: str) -> list[Scripted]:
    """Lines for every question the set asks, in order, following the conditions."""
    answers: dict[str, Answer] = {}
    script = []
    questions = list(questionnaire.all_questions())
    for index, question in enumerate(questions):
        if not question.is_active(answers):
            continue
        scripted = _scripted(question, rng, uppdrag)
        following = questions[index + 1] if index + 1 < len(questions) else None
        if following is not None and _reflection_of(following, question):
            # A reflection on the map is asked with its yes/no question: on Ja its lines are all
            # that is typed for both; on Nej one empty line (nothing added, marked or typed).
            lines: tuple[str, ...] = () if scripted.expected.value == "Ja" else ("",)
            scripted = Scripted(question, lines, scripted.expected)
        answers[question.id] = scripted.expected
        script.append(scripted)
    return script


def _reflection_of(question: Question, yes_no: Question) -> bool:
    condition = question.condition
    return (
        yes_no.kind.name == "janej"
        and bool(question.plan and question.phase)
        and getattr(condition, "question_id", None) == yes_no.id
    )


def _text(rng: random.Random) -> str:
    return f"{rng.choice(WORDS)} ({rng.randrange(1000)})."


def _scripted(question: Question, rng: random.Random, uppdrag: str) -> Scripted:
    kind = question.kind.name
    if question.id == "uppdrag":
        return Scripted(question, (uppdrag,), Answer(uppdrag))
    if kind == "text":
        text = _text(rng) if rng.random() < 0.8 else ""
        return Scripted(question, (text,), Answer(text or None))
    if kind == "langtext":
        lines = [_text(rng) for _ in range(rng.choice((0, 1, 2, 2, 3)))]
        return Scripted(question, (*lines, ""), Answer("\n".join(lines) or None))
    if kind == "datum":
        date = f"2026-03-{rng.randrange(1, 29):02d}"
        return Scripted(question, (date,), Answer(date))
    if kind == "janej":
        yes = rng.random() < 0.4
        return Scripted(question, ("j" if yes else "n",), Answer("Ja" if yes else "Nej"))
    if kind == "val":
        number = rng.randrange(len(question.choices))
        if not question.comment:
            return Scripted(question, (str(number + 1),), Answer(question.choices[number]))
        comment = _text(rng) if rng.random() < 0.6 else ""
        return Scripted(question, (str(number + 1), comment), Answer(question.choices[number], comment))
    if kind == "flerval":
        picked = sorted(rng.sample(range(len(question.choices)), rng.randrange(len(question.choices) + 1)))
        chosen = tuple(question.choices[i] for i in picked)
        return Scripted(question, (",".join(str(i + 1) for i in picked),), Answer(chosen or None))
    if kind == "skala":
        rating = rng.choice((None, *range(question.scale_min, question.scale_max + 1)))
        return Scripted(question, ("" if rating is None else str(rating),), Answer(rating))
    if kind == "atgarder":
        items = [ActionItem(_text(rng), _text(rng)) for _ in range(rng.choice((1, 1, 2)))]
        if question.phase:  # a reflection on the map: one line a moment ("namn ; berör ; syfte")
            whom = " ; " if question.plan == "lagga_till" else ""
            lines = [f"{item.moment} ;{whom} {item.why}" for item in items]
        else:
            lines = [part for item in items for part in (item.moment, item.why)]
        return Scripted(question, (*lines, ""), Answer(tuple(items)))
    if kind == "moment":
        # No moments: a map would be offered to every later session in the same folder.
        return Scripted(question, ("",), Answer(None))
    raise AssertionError(f"no script for question type {kind!r}")


def with_default_dates(script: Sequence[Scripted]) -> list[Scripted]:
    """The script with every date left at its default (today): the full interface pre-fills it."""
    today = dt.date.today().isoformat()
    return [
        Scripted(s.question, ("",), Answer(today)) if s.question.kind.name == "datum" else s for s in script
    ]


def lines_of(script: Sequence[Scripted]) -> list[str]:
    return [line for scripted in script for line in scripted.lines]


def piped(lines: Sequence[str]) -> str:
    return "".join(f"{line}\n" for line in lines)


def pending_part(script: Sequence[Scripted], answers: Mapping[str, Answer]) -> list[Scripted]:
    """The script from the first question the report has no answer to (what a resumed run asks)."""
    for index, scripted in enumerate(script):
        if scripted.id not in answers:
            return list(script[index:])
    return []


def same_or_partial(expected: Answer, actual: Answer) -> bool:
    """What an answer stopped half-way may hold: all of it, the choice without its comment, or the
    first action items (the last of them possibly without its why)."""
    if actual == expected:
        return True
    if actual.value == expected.value and actual.comment == "":
        return True
    if isinstance(expected.value, tuple) and isinstance(actual.value, tuple) and not actual.comment:
        count = len(actual.value)
        if actual.value == expected.value[:count]:
            return True
        last, wanted = actual.value[-1], expected.value[count - 1] if count <= len(expected.value) else None
        return (
            actual.value[:-1] == expected.value[: count - 1]
            and isinstance(last, ActionItem)
            and isinstance(wanted, ActionItem)
            and last.moment == wanted.moment
            and last.why == ""
        )
    return False


# -- a program with pipes -------------------------------------------------------------------------


class PipedSession:
    """The program with stdin, stdout and stderr as pipes, read without blocking."""

    def __init__(
        self,
        argv: Sequence[str],
        sandbox: Sandbox,
        *,
        env: Mapping[str, str | None] | None = None,
        timeout: float = WALL_TIMEOUT,
    ) -> None:
        self.argv = tuple(argv)
        self.started = time.monotonic()
        self.deadline = self.started + timeout
        self.process = subprocess.Popen(
            list(argv),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=sandbox.env(**dict(env or {})),
            cwd=sandbox.root,
            preexec_fn=bounded(),
        )
        assert self.process.stdout is not None and self.process.stderr is not None
        self.out = bytearray()
        self.err = bytearray()
        self._streams = {self.process.stdout.fileno(): self.out, self.process.stderr.fileno(): self.err}
        for fd in self._streams:
            os.set_blocking(fd, False)

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def stdout_open(self) -> bool:
        assert self.process.stdout is not None
        return self.process.stdout.fileno() in self._streams

    def text(self, start: int = 0) -> str:
        return self.out[start:].decode("utf-8", "replace")

    def pump(self, wait: float) -> None:
        """Read whatever output arrives within ``wait`` seconds."""
        if not self._streams:
            time.sleep(wait)
            return
        ready, _, _ = select.select(list(self._streams), [], [], wait)
        for fd in ready:
            try:
                chunk = os.read(fd, 65536)
            except BlockingIOError:
                continue
            if chunk:
                self._streams[fd].extend(chunk)
            else:
                del self._streams[fd]

    def check_deadline(self, waiting_for: str) -> None:
        if time.monotonic() > self.deadline:
            self.process.kill()
            raise AssertionError(
                f"timed out waiting for {waiting_for}\n$ {' '.join(self.argv)}\n--- stdout (end) ---\n"
                f"{self.text()[-2500:]}\n--- stderr ---\n{self.err.decode('utf-8', 'replace')[-2000:]}"
            )

    def waiting_for_input(self, since: int) -> bool:
        """True when the output after byte ``since`` (where it stood when the last line was typed)
        ends in a prompt that reads the next line (the rule of ``e2e/readiness.py``)."""
        return plain_prompt_waiting(self.out[since:].decode("utf-8", "replace"))

    def wait_prompt(self, since: int) -> bool:
        """Wait for the next prompt after byte ``since``; False when the program ends first."""
        while not self.waiting_for_input(since):
            if not self.stdout_open:
                return False
            self.check_deadline("the next prompt")
            self.pump(0.2)
        return True

    def write(self, line: str) -> int:
        """Type one line; return the output position from which the reaction is to be read."""
        mark = len(self.out)
        assert self.process.stdin is not None
        try:
            self.process.stdin.write(f"{line}\n".encode())
            self.process.stdin.flush()
        except BrokenPipeError:
            pass
        return mark

    def close_input(self) -> None:
        assert self.process.stdin is not None
        with contextlib.suppress(BrokenPipeError):
            self.process.stdin.close()

    def signal(self, signum: int) -> None:
        self.process.send_signal(signum)

    def finish(self, timeout: float = WALL_TIMEOUT) -> Finished:
        """Read until the program ends (it fails the test if it outlives ``timeout``)."""
        self.deadline = min(self.deadline, time.monotonic() + timeout)
        while self._streams:
            self.check_deadline("the end of the program")
            self.pump(0.2)
        remaining = max(0.1, self.deadline - time.monotonic())
        try:
            returncode = self.process.wait(remaining)
        except subprocess.TimeoutExpired:
            self.check_deadline("the program to exit")
            returncode = self.process.wait()
        if self.process.stdin is not None and not self.process.stdin.closed:
            self.close_input()
        return Finished(
            self.argv, returncode, bytes(self.out), bytes(self.err), time.monotonic() - self.started
        )

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()


@dataclass
class Feeder:
    """Types a script into a ``PipedSession`` line by line, waiting for each next prompt."""

    session: PipedSession
    acknowledged: list[Scripted] = field(default_factory=list)
    lines_read: int = 0  # lines after which a prompt (or the end) was seen
    mark: int = 0  # output position where the reaction to the last line starts

    def start(self) -> bool:
        """Wait for the first prompt; False if the program ended without asking anything."""
        return self.session.wait_prompt(0)

    def type_line(self, line: str) -> None:
        self.mark = self.session.write(line)

    def wait(self) -> bool:
        """Wait until the line just typed was taken: the next prompt (True) or the end (False)."""
        prompted = self.session.wait_prompt(self.mark)
        self.lines_read += 1
        return prompted

    def answer(self, scripted: Scripted) -> bool:
        """Type a whole answer; True once the next prompt acknowledges it, False if the program ended."""
        for line in scripted.lines:
            self.type_line(line)
            if not self.wait():
                return False
        self.acknowledged.append(scripted)
        return True

    def answer_all(self, script: Sequence[Scripted]) -> bool:
        """Answer a script; False if the program ended before the last answer's next prompt."""
        return all(self.answer(scripted) for scripted in script)


# -- the full interface in a pseudo-terminal ------------------------------------------------------


def driver_value(scripted: Scripted) -> object:
    """The e2e driver's way of giving an answer (see ``Terminal.answer_questions``)."""
    value = scripted.expected.value
    kind = scripted.question.kind.name
    if kind in ("text", "langtext"):
        return value or ""
    if kind == "datum":
        return ""  # the interface pre-fills today's date; Enter keeps it
    if kind in ("janej", "val"):
        return (value, scripted.expected.comment) if scripted.question.comment else value
    if kind == "atgarder":
        return [(item.moment, item.why) for item in value or ()]  # type: ignore[union-attr]
    if kind == "moment":
        return []
    if kind == "flerval":
        return tuple(value or ())  # type: ignore[arg-type]
    return value


def spawn_terminal(
    program: str, sandbox: Sandbox, *args: str, columns: int = 120, env: Mapping[str, str] | None = None
) -> Terminal:
    """The program in a pseudo-terminal of 40 rows and ``columns`` columns, bounded, driven by the
    end-to-end tests' ``Terminal`` (cursor-position requests are switched off, as there)."""
    settings = {"TERM": "xterm-256color", "PROMPT_TOOLKIT_NO_CPR": "1", **dict(env or {})}
    child = pexpect.spawn(
        program,
        list(args),
        env=sandbox.env(**settings),
        cwd=str(sandbox.root),
        dimensions=(40, columns),
        encoding="utf-8",
        codec_errors="replace",
        timeout=20,
        preexec_fn=bounded(),
    )
    return Terminal(child, plain=asks_plainly(args, settings))
