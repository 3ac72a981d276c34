"""Fixtures and a terminal driver for end-to-end tests: the installed program in a real
pseudo-terminal, driven by keystrokes.

A ``Terminal`` keeps everything the program has written, with ANSI escape codes removed, and a read
position.  ``expect`` waits (without fixed sleeps) until a text appears after that position and
moves past it, so each step of a test waits for exactly the prompt it answers.  prompt_toolkit
redraws lines and styles fragments separately, which is why matching is done on the cleaned text.
``send`` then waits until the program reads keys (``ready``, see ``e2e/readiness.py``): a text on
the screen does not say that the prompt which will read the keys is open yet.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shlex
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

import pexpect
import pytest
import yaml

from helpers import overlaid
from intervjufas.model.answers import ActionItem, Answer, Moment
from intervjufas.model.questions import Question
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.report.front_matter import read_front_matter
from intervjufas.report.model import FORMAT_VERSION, Report
from intervjufas.report.parse import parse

from .readiness import plain_prompt_waiting, prompt_state

TIMEOUT = 30.0
_UNSET = object()
DIMENSIONS = (40, 120)

ENTER = "\r"
DOWN = "\x1b[B"
SPACE = " "
TAB = "\t"
SUBMIT_MULTILINE = "\x1b\r"  # Esc then Enter
CTRL_C = "\x03"
CTRL_O = "\x0f"
LAST_REFLECTION = "Behöver något steg tas bort?"  # the last reflection of each phase

_ANSI = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]            # CSI: colours, cursor movement, erasing
  | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)  # OSC: window title and the like
  | \x1b[()][0-9A-Za-z]                # character set selection
  | \x1b[=>78]                         # keypad modes, save/restore cursor
    """,
    re.VERBOSE,
)


def strip_ansi(text: str) -> str:
    """Terminal output as plain text: escape codes removed, CR-LF as LF."""
    return _ANSI.sub("", text).replace("\r\n", "\n").replace("\r", "")


class Terminal:
    """A running program in a pseudo-terminal, with methods that answer its prompts."""

    def __init__(self, child: pexpect.spawn, *, plain: bool = False) -> None:
        """``plain``: the program asks with plain prompts (``--enkel``, ``TERM=dumb``)."""
        self.child = child
        self.plain = plain
        self._raw = ""  # everything written, escape codes included
        self._pending = ""  # output that may end inside an escape sequence
        self._clean = ""
        self.pos = 0
        self._prompt_open = False  # a full-screen prompt is open, as far as the output read shows
        self._sent_at = 0  # the length of the output when keys were last sent
        self._whys: list[str] = []  # reasons asked when the phase's reflections are confirmed

    # -- reading --------------------------------------------------------------------------------
    @property
    def output(self) -> str:
        """Everything written so far, as plain text."""
        return self._clean

    @property
    def raw(self) -> str:
        """Everything written so far, escape codes included."""
        return self._raw

    def _read_some(self, deadline: float, waiting_for: str) -> bool:
        """Read more output; False at end of file."""
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            self._fail(f"timed out waiting for {waiting_for!r}")
        try:
            chunk = self.child.read_nonblocking(65536, timeout=min(remaining, 1.0))
        except pexpect.TIMEOUT:
            return True
        except pexpect.EOF:
            self._clean += strip_ansi(self._pending)
            self._pending = ""
            return False
        self._raw += chunk
        text = self._pending + chunk
        cut = text.rfind("\x1b")
        if cut >= 0 and not _ANSI.match(text, cut):  # an escape sequence not complete yet
            text, self._pending = text[:cut], text[cut:]
        else:
            self._pending = ""
        state = prompt_state(text)
        if state is not None:
            self._prompt_open = state
        self._clean += strip_ansi(text)
        return True

    def _fail(self, message: str) -> None:
        tail = self._clean[max(0, self.pos - 300) :][-3000:]
        pytest.fail(f"{message}\n--- terminal (from a little before the position) ---\n{tail}")

    def expect(self, text: str | re.Pattern[str], timeout: float = TIMEOUT) -> re.Match[str] | str:
        """Wait until ``text`` (a string or compiled pattern) appears after the position; move past it."""
        deadline = time.monotonic() + timeout
        while True:
            if isinstance(text, re.Pattern):
                match = text.search(self._clean, self.pos)
                if match:
                    self.pos = match.end()
                    return match
            else:
                index = self._clean.find(text, self.pos)
                if index >= 0:
                    self.pos = index + len(text)
                    return text
            if not self._read_some(deadline, str(text)) and not self._pending_match(text):
                self._fail(f"the program ended before {str(text)!r} appeared")

    def _pending_match(self, text: str | re.Pattern[str]) -> bool:
        """At the end of the output: whether the last flushed text holds what is waited for."""
        if isinstance(text, re.Pattern):
            return text.search(self._clean, self.pos) is not None
        return self._clean.find(text, self.pos) >= 0

    def ready(self, timeout: float = TIMEOUT) -> None:
        """Wait until the program reads keys: a full-screen prompt is open, or (plain) the output
        since keys were last sent ends in a prompt line."""
        deadline = time.monotonic() + timeout
        while not self._is_ready():
            if not self._read_some(deadline, "a prompt that reads keys") and not self._is_ready():
                self._fail("the program ended before it asked for keys")

    def _is_ready(self) -> bool:
        if self.plain:
            return plain_prompt_waiting(self._clean[self._sent_at :])
        return self._prompt_open

    def send(self, keys: str, *, at_prompt: bool = True) -> None:
        """Type ``keys`` once the program reads them (``ready``); ``at_prompt=False`` sends them at
        once, to a program that reads keys without a prompt (a pager, an export that Ctrl-C stops):
        the caller has waited for what shows that it does."""
        if at_prompt:
            self.ready()
        self.child.send(keys)
        self._sent_at = len(self._clean)

    def wait_exit(self, timeout: float = TIMEOUT) -> int:
        """Read until the program ends; return its exit status."""
        deadline = time.monotonic() + timeout
        while self._read_some(deadline, "the end of the program"):
            pass
        self.child.close()
        status = self.child.exitstatus
        if status is None:  # ended by a signal
            status = 128 + (self.child.signalstatus or 0)
        return status

    # -- answering ------------------------------------------------------------------------------
    def expect_question(self, text: str, progress: str | None = None) -> None:
        """Wait for a question (optionally after its progress line, e.g. "Steg 1 · fråga 3 av 11")."""
        if progress is not None:
            self.expect(progress)
        self.expect(text)

    def answer_text(self, question: str, text: str = "", progress: str | None = None) -> None:
        """A one-line text or date question; empty text accepts the pre-filled default."""
        self.expect_question(question, progress)
        self.send(text + ENTER)

    def answer_long(self, question: str, text: str = "", progress: str | None = None) -> None:
        """A multi-line question: lines are separated by Enter, Esc then Enter submits."""
        self.expect_question(question, progress)
        self.send(text.replace("\n", ENTER) + SUBMIT_MULTILINE)

    def choose(self, question: str, number: int | None = None, progress: str | None = None) -> None:
        """A menu: the digit shortcut of choice ``number`` (1-based) then Enter; None keeps the
        highlighted choice (the default)."""
        self.expect_question(question, progress)
        self.send(("" if number is None else str(number)) + ENTER)

    def choose_by_arrows(self, question: str, steps_down: int) -> None:
        """A menu: move the pointer down with the arrow key, then Enter."""
        self.expect_question(question)
        self.send(DOWN * steps_down + ENTER)

    def check(self, question: str, positions: Sequence[int] = ()) -> None:
        """A checkbox: toggle the choices at the 1-based ``positions`` with space, then Enter."""
        self.expect_question(question)
        keys, pointer = "", 1
        for position in sorted(positions):
            keys += DOWN * (position - pointer) + SPACE
            pointer = position
        self.send(keys + ENTER)

    def comment(self, text: str = "") -> None:
        """The optional comment after a Ja/Delvis/Nej-style menu."""
        self.answer_text("Kommentar (valfritt):", text)

    def choose_with_comment(
        self, question: str, number: int | None, comment: str = "", progress: str | None = None
    ) -> None:
        """A menu with an optional comment: Enter chooses without one; Tab chooses and opens the
        comment line (plain prompts ask the comment after every choice)."""
        if self.plain:
            self.choose(question, number, progress)
            self.comment(comment)
            return
        self.expect_question(question, progress)
        self.send(("" if number is None else str(number)) + (TAB if comment else ENTER))
        if comment:
            self.comment(comment)

    def moments(
        self, question: str, moments: Sequence[tuple[str, Sequence[int], str]], *, carried: bool = False
    ) -> None:
        """A phase's map in the full-screen editor: each new moment (name, positions of whom it
        involves, a note about the process) typed on the form – which opens at once on an empty map,
        with n on a carried one – then Enter on the empty form (or on the list) keeps the map."""
        self.expect(question)
        keys = "n" if carried and moments else ""
        for name, whom, note in moments:
            keys += f"{name}{TAB}{','.join(str(w) for w in whom)}{TAB}{TAB}{note}{ENTER}"
        self.send(keys + ENTER)

    def action_items(
        self,
        question: str,
        items: Sequence[tuple[str, str]],
        *,
        on_map: Sequence[tuple[int, str, str]] | None = None,
    ) -> None:
        """An action-item question of no phase (the quick format's): the moments picked on the whole
        map first (each (position, name, why)), then each (moment, why) typed in, and an empty
        moment to finish."""
        self.expect(question)
        picked = list(on_map or ())
        if on_map is not None:
            self.check("Vilka moment på din processkarta gäller det?", [p for p, _, _ in picked])
            for _, name, why in picked:
                self.answer_text(f"Varför – {name}?", why)
        for number, (moment, why) in enumerate(items, start=len(picked) + 1):
            self.answer_text(f"Moment {number}:", moment)
            self.answer_text("Varför / med vilket syfte?", why)
        self.answer_text(f"Moment {len(picked) + len(items) + 1}:", "")

    def reflect(
        self,
        question: str,
        items: Sequence[tuple[str, str]] = (),
        *,
        adds: bool = False,
        on_map: Sequence[tuple[int, str, str]] = (),
        last: bool | None = None,
    ) -> None:
        """One reflection on the phase's map, on the screen that holds the phase's reflections
        (each with its yes/no question): the moments at the positions of ``on_map`` marked with
        Space (each (position, name, why)), the ``items`` (moment, why) added with n (to add: name,
        whom – none – and purpose), then Tab to the next question; the ``last`` (by default the
        phase's last question, "Behöver något steg tas bort?") confirms them all with Enter and
        gives the reasons asked then.  Nothing marked or added answers Nej."""
        self.expect(question)
        if last is None:
            last = question.startswith(LAST_REFLECTION)
        if adds:
            keys = "".join(f"n{moment}{TAB}{TAB}{why}{ENTER}" for moment, why in items)
        else:
            keys, pointer = "", 1
            for position, _, _ in sorted(on_map):
                keys += DOWN * (position - pointer) + SPACE
                pointer = position
            keys += "".join(f"n{moment}{TAB}{why}{ENTER}" for moment, why in items)
            self._whys += [why for _, _, why in sorted(on_map)]
        if last:
            keys += ENTER + "".join(f"{why}{ENTER}" for why in self._whys)
            self._whys = []
        else:
            keys += TAB
        self.send(keys)

    def interrupt(self) -> None:
        """Ctrl-C at the prompt: a key to a full-screen prompt, SIGINT at a plain one."""
        self.send(CTRL_C)

    def answer_questions(
        self, questions: Sequence[Question], given: dict[str, object] | None = None
    ) -> dict[str, Answer]:
        """Answer questions in order the way a person would, skipping those whose condition is not
        met, and return the answers the report should then hold.

        ``given`` holds answers by id: text for text questions, "Ja"/"Nej" or a choice, a
        (choice, comment) pair for questions with a comment, a tuple of choices for a checkbox, a
        number or None (skip) for a rating, and a list of (moment, why) for action items.  Without
        one: a short text, "Nej", the first choice, rating 3, no action items, and the default date.
        """
        given = given or {}
        answers: dict[str, Answer] = {}
        for index, question in enumerate(questions):
            if question.id in answers or not question.is_active(answers):
                continue  # (a reflection is answered with its yes/no question)
            following = questions[index + 1] if index + 1 < len(questions) else None
            if following is not None and _reflection(question, following):
                answers.update(self._reflection(question, following, given))
                continue
            mapped = any(
                answers[q.id].value and (q.phase == question.phase or not question.phase)
                for q in questions
                if q.kind.name == "moment" and q.id in answers
            )
            answers[question.id] = self._answer(question, given.get(question.id, _UNSET), mapped)
        return answers

    def _answer(self, question: Question, value: object, mapped: bool = False) -> Answer:
        """One answer; ``mapped`` tells whether moments of the question's phase are on the map."""
        kind = question.kind.name
        if kind == "moment":
            names = [] if value is _UNSET else list(value)  # type: ignore[call-overload]
            self.moments(question.text, [(name, [], "") for name in names])
            return Answer(tuple(Moment(name) for name in names) or None)
        if kind in ("text", "langtext"):
            text = f"Svar på {question.id}" if value is _UNSET else str(value)
            (self.answer_long if kind == "langtext" else self.answer_text)(question.text, text)
            return Answer(text or None)
        if kind == "datum":
            self.answer_text(question.text, "" if value is _UNSET else str(value))
            return Answer(dt.date.today().isoformat() if value in (_UNSET, "") else str(value))
        if kind in ("janej", "val"):
            choice, comment = value if isinstance(value, tuple) else (value, "")
            if choice is _UNSET:
                choice = "Nej" if kind == "janej" else question.choices[0]
            if question.comment:
                self.choose_with_comment(question.text, question.choices.index(choice) + 1, comment)
            else:
                self.choose(question.text, question.choices.index(choice) + 1)
            return Answer(choice, comment)
        if kind == "flerval":
            chosen = () if value is _UNSET else tuple(value)  # type: ignore[arg-type]
            self.check(question.text, [question.choices.index(c) + 1 for c in chosen])
            return Answer(tuple(c for c in question.choices if c in chosen) or None)
        if kind == "skala":
            number = 3 if value is _UNSET else value
            assert number is None or isinstance(number, int)
            skip = question.scale_max - question.scale_min + 2  # "(hoppa över)" comes last
            self.choose(question.text, skip if number is None else number - question.scale_min + 1)
            return Answer(number)
        if kind == "atgarder":
            items = [] if value is _UNSET else list(value)  # type: ignore[call-overload]
            shows_map = mapped and question.plan in ("utveckla", "ta_bort")
            self.action_items(
                question.text, items, adds=question.plan == "lagga_till", on_map=[] if shows_map else None
            )
            return Answer(tuple(ActionItem(m, w) for m, w in items) or None)
        raise AssertionError(f"unknown question type {kind}")

    def _reflection(self, yes_no: Question, items: Question, given: dict[str, object]) -> dict[str, Answer]:
        """A yes/no question and its reflection, answered on the map at once."""
        typed = list(given.get(items.id, ())) if given.get(yes_no.id, "Nej") == "Ja" else []  # type: ignore[call-overload]
        self.reflect(yes_no.text, typed, adds=items.plan == "lagga_till")
        if not typed:
            return {yes_no.id: Answer("Nej")}
        return {yes_no.id: Answer("Ja"), items.id: Answer(tuple(ActionItem(m, w) for m, w in typed))}


def _reflection(question: Question, following: Question) -> bool:
    """Whether ``following`` is a reflection on the map asked together with yes/no ``question``."""
    condition = following.condition
    return (
        question.kind.name == "janej"
        and following.kind.name == "atgarder"
        and bool(following.phase)
        and getattr(condition, "question_id", None) == question.id
    )


# -- the program --------------------------------------------------------------------------------


def program_env(reports: Path, home: Path, **extra: str | None) -> dict[str, str]:
    """The environment for the program: isolated folders, a capable terminal, no editor unless set,
    and the program on PATH (as after activating its virtual environment)."""
    env = {
        k: v for k, v in os.environ.items() if k not in ("VISUAL", "EDITOR", "NO_COLOR", "COLUMNS", "LINES")
    }
    home.mkdir(parents=True, exist_ok=True)
    installed = Path(sys.executable).parent
    env.update(
        PATH=os.pathsep.join([str(installed), env.get("PATH", "")]),
        INTERVJUFAS_KATALOG=str(reports),
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        TERM="xterm-256color",
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
        PROMPT_TOOLKIT_NO_CPR="1",
        PYTHONIOENCODING="utf-8",
        INTERVJUFAS_FORFATTARE="Testare",  # (the first session would ask who the author is)
    )
    return overlaid(env, extra)


def asks_plainly(args: Sequence[str], env: Mapping[str, str | None]) -> bool:
    """Whether a session started with ``args`` and ``env`` asks with plain prompts."""
    return "--enkel" in args or env.get("TERM") == "dumb"


@pytest.fixture
def home_dir(tmp_path: Path) -> Path:
    return tmp_path / "hem"


@pytest.fixture
def run(program: str, reports_dir: Path, home_dir: Path) -> Iterator[Callable[..., Terminal]]:
    """Start the program in a pseudo-terminal: ``run("kartlagg", "--steg", "1", EDITOR=...)``."""
    started: list[Terminal] = []

    def start(*args: str, **env: str | None) -> Terminal:
        child = pexpect.spawn(
            program,
            list(args),
            env=program_env(reports_dir, home_dir, **env),
            cwd=str(reports_dir.parent),
            dimensions=DIMENSIONS,
            encoding="utf-8",
            codec_errors="replace",
            timeout=TIMEOUT,
        )
        terminal = Terminal(child, plain=asks_plainly(args, env))
        started.append(terminal)
        return terminal

    yield start
    for terminal in started:
        if terminal.child.isalive():
            terminal.child.terminate(force=True)


@pytest.fixture
def run_command(
    program: str, reports_dir: Path, home_dir: Path
) -> Callable[..., subprocess.CompletedProcess]:
    """Run the program without a terminal (stdin from /dev/null), capturing its output."""

    def start(*args: str, **env: str | None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [program, *args],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=program_env(reports_dir, home_dir, **env),
            timeout=TIMEOUT * 2,
            check=False,
        )

    return start


def as_program(command: str, program: str) -> list[str]:
    """A command line the program printed (``intervjufas …``) as arguments for the installed program."""
    words = shlex.split(command)
    assert words[0] == "intervjufas", command
    return [program, *words[1:]]


# -- reports ------------------------------------------------------------------------------------


def report_paths(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.md"))


def only_report(folder: Path) -> Path:
    paths = report_paths(folder)
    assert len(paths) == 1, paths
    return paths[0]


def read_report(path: Path, set_id: str = "kartlaggning") -> Report:
    return parse(path.read_text(encoding="utf-8"), builtin_set(set_id), file=str(path))


def front_matter(path: Path) -> dict:
    """The report's header as the program reads it (the facts under 'metadata', its own keys at the
    top), checked to be plain YAML that any tool can load."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), text[:100]
    header, _, _ = text[4:].partition("\n---\n")
    raw = yaml.safe_load(header)
    assert raw["title"] and raw["intervjufas"]["format"] == FORMAT_VERSION and raw["lang"] == "sv"
    return read_front_matter(path, check=True)


def section(path: Path, title: str) -> str:
    """The Markdown of one ``## `` section of a report (heading included)."""
    text = path.read_text(encoding="utf-8")
    start = text.index(f"## {title}")
    end = text.find("\n## ", start + 3)
    return text[start:] if end < 0 else text[start:end]


def write_answers(folder: Path, name: str, answers: dict) -> Path:
    """An answers file for ``--svar``."""
    path = folder / name
    path.write_text(yaml.safe_dump(answers, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def days_around_now() -> set[str]:
    """Today's date, and tomorrow's in case a test runs across midnight."""
    today = dt.date.today()
    return {today.isoformat(), (today + dt.timedelta(days=1)).isoformat()}
