"""What a session (a kartläggning, ``kartlagg`` or ``snabb``) is asked to do, what it ends with, and
how it is continued: the exact command that goes on where it stopped."""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from intervjufas.model.questionnaire import Questionnaire, Step
    from intervjufas.report.model import Report
    from intervjufas.session.answers_file import FileFinding

COMMANDS = {"kartlaggning": "kartlagg", "snabbformat": "snabb"}


class FollowUpScope(StrEnum):
    """Which open items of earlier plans a new session follows up (``--uppfoljning``)."""

    kund = "kund"  # the same customer's (else those of the same question set)
    alla = "alla"  # every report's
    ingen = "ingen"  # none


@dataclass
class SessionOptions:
    """What a session was asked to do: the command's options and the terminal's facts."""

    set_id: str
    steps: list[int] = field(default_factory=list)
    resume: str | None = None  # --fortsatt: a path, or a name or words the interface chooses a report by
    answers_file: Path | None = None
    folder: Path | None = None
    question_file: Path | None = None
    start_from: str | None = None  # --utga-fran: as ``resume``
    follow_up: FollowUpScope = FollowUpScope.kund
    plain: bool = False  # --enkel as given (it is repeated in the resume command)
    strict: bool = False  # --strikt: personal data in an answers file is an error, nothing is saved
    # Terminal facts, given by the command-line layer (the core never reads them itself):
    stdin_is_terminal: bool = True
    term_is_dumb: bool = False
    new_map: bool = False  # --ny-karta: the process map starts blank
    suggestions: bool = True  # colleagues' moments offered after each phase's map (--utan-forslag)
    author: str = ""  # who makes the report ("": the session decides, see ``author``)
    program: tuple[str, ...] = ("intervjufas",)  # how the printed commands start (as it was run)

    @property
    def command(self) -> str:
        return COMMANDS.get(self.set_id, "kartlagg")


@dataclass
class SessionResult:
    """What a session ended with: the report, where it is saved, and what is left."""

    path: Path | None
    report: Report
    questionnaire: Questionnaire
    complete: bool
    next_steps: list[Step]
    personal_data: list[FileFinding] = field(default_factory=list)  # found in an answers file
    already_complete: bool = False  # --fortsatt on a report whose every step was already done
    warnings: list[str] = field(default_factory=list)  # said as "Varning: …" once the report is saved


def use_plain(options: SessionOptions) -> bool:
    """Plain line-by-line prompts: asked for with --enkel, or chosen because TERM=dumb."""
    return options.plain or options.term_is_dumb


def resume_command(options: SessionOptions, path: Path, steps: list[int] | None = None) -> str:
    """The exact command that continues this session (the same steps, set and mode)."""
    parts = [*options.program, options.command, "--fortsatt", str(path.resolve())]
    for number in options.steps if steps is None else steps:
        parts += ["--steg", str(number)]
    if options.question_file is not None:
        parts += ["--fragor", str(options.question_file.resolve())]
    if options.plain:
        parts.append("--enkel")
    return shlex.join(parts)
