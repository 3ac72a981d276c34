"""Starting or continuing a mapping (``kartlagg``/``snabb``): choose the set, open or create the
report, pick the steps and the follow-up, and run the session with the right prompter."""

from __future__ import annotations

import errno
import shlex
import signal
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from intervjufas.asking.endings import Ending
from intervjufas.asking.follow_up import ItemPool, ListPool
from intervjufas.asking.session import Session
from intervjufas.errors import (
    IntervjufasError,
    NoTerminalError,
    PersonalDataFound,
    SaveError,
    Stopped,
    UsageError,
)
from intervjufas.files.settings import reports_dir
from intervjufas.folder.report_file import ReportFile
from intervjufas.model.questionnaire import STATUS_DONE, Questionnaire, SetRef, Step, step_status
from intervjufas.questionsets.catalog import resolve_set
from intervjufas.report.model import Report

if TYPE_CHECKING:  # (the answers file, earlier reports and recovery are read only when given)
    from intervjufas.asking.answers_file import AnswersFile, FileFinding
    from intervjufas.asking.prompter import Prompter
    from intervjufas.folder.loading import LoadedReport
    from intervjufas.reading.process_map.start_map import StartMap

# Finds the open items of earlier plans to follow up: (reports folder, question set, this report,
# with its customer answered) -> the pool of items, newest first.
OpenItemFinder = Callable[[Path, Questionnaire, Report], ItemPool]
# Finds the map to start from: (reports folder, question set, author, this report's id) -> map.
MapFinder = Callable[[Path, Questionnaire, str, str], "StartMap"]

COMMANDS = {"kartlaggning": "kartlagg", "snabbformat": "snabb"}
# What writing to or reading from a terminal that was closed gives.
TERMINAL_GONE = frozenset(code for code in (errno.EIO, errno.ENXIO, errno.EBADF) if code)


@dataclass
class MappingOptions:
    set_id: str
    steps: list[int] = field(default_factory=list)
    resume: str | None = None
    answers_file: Path | None = None
    folder: Path | None = None
    question_file: Path | None = None
    start_from: str | None = None
    follow_up: bool = True
    plain: bool = False  # --enkel as given (it is repeated in the resume command)
    strict: bool = False  # --strikt: personal data in an answers file is an error, nothing is saved
    # Terminal facts, given by the command-line layer (the core never reads them itself):
    stdin_is_terminal: bool = True
    term_is_dumb: bool = False
    new_map: bool = False  # --ny-karta: the process map starts blank
    author: str = ""  # who makes the report (recorded in it; a team may share the folder)
    program: tuple[str, ...] = ("intervjufas",)  # how the printed commands start (as it was run)

    @property
    def command(self) -> str:
        return COMMANDS.get(self.set_id, "kartlagg")


@dataclass
class MappingResult:
    path: Path | None
    report: Report
    questionnaire: Questionnaire
    complete: bool
    next_steps: list[Step]
    personal_data: list[FileFinding] = field(default_factory=list)  # found in an answers file


def use_plain(options: MappingOptions) -> bool:
    """Plain line-by-line prompts: asked for with --enkel, or chosen because TERM=dumb."""
    return options.plain or options.term_is_dumb


def check_terminal(options: MappingOptions) -> None:
    if options.answers_file is not None or use_plain(options):
        return
    if not options.stdin_is_terminal:
        raise NoTerminalError(
            "Standardinmatningen är ingen terminal, så frågorna kan inte ställas. Kör intervjufas i en "
            "terminal, ange svaren i en fil med --svar FIL, eller använd --enkel för rad-för-rad-frågor."
        )


def check_step_numbers(questionnaire: Questionnaire, numbers: list[int]) -> None:
    count = len(questionnaire.steps)
    for number in numbers:
        if not 1 <= number <= count:
            raise UsageError(f"--steg {number} finns inte; '{questionnaire.id}' har steg 1–{count}.")


def progress_note(questionnaire: Questionnaire, report: Report, path: Path) -> str:
    """Where a continued report stands, e.g. 'Fortsätter x.md (Lager): Steg 1 klar, Steg 2 påbörjad …'."""
    states = ", ".join(f"{s.label} {step_status(s, report.answers)}" for s in questionnaire.steps)
    return f"Fortsätter {path.name} ({report.uppdrag}): {states}."


def select_steps(questionnaire: Questionnaire, report: Report, numbers: list[int]) -> list[Step]:
    """The steps asked for (by number), else every step not yet complete."""
    check_step_numbers(questionnaire, numbers)
    if numbers:
        return [s for s in questionnaire.steps if s.number in sorted(set(numbers))]
    return [s for s in questionnaire.steps if step_status(s, report.answers) != STATUS_DONE]


def run_mapping(
    options: MappingOptions,
    make_prompter: Callable[[], Prompter],
    find_open_items: OpenItemFinder | None = None,
    find_latest_map: MapFinder | None = None,
) -> MappingResult:
    """Run a mapping session; raise Interrupted (exit 128 + signal) when it stops part-way.
    ``find_open_items`` looks up earlier plans' open items (to follow up, and to join; none without it)."""
    folder = reports_dir(options.folder)
    questionnaire = resolve_set(options.set_id, options.question_file, shlex.join(options.program))
    check_step_numbers(questionnaire, options.steps)  # a usage error comes before any other
    answers = _answers_file(options, questionnaire)
    check_terminal(options)

    start: LoadedReport | None = None
    if options.start_from:
        from intervjufas.folder.loading import load_report

        start = load_report(_named_report(options.start_from, folder), questionnaire)
    defaults = start.report if start is not None else None
    if options.resume:
        path = _named_report(options.resume, folder)
        questionnaire = _set_of(path, questionnaire, options)
        handle, report, note = _open_for_resume(path, questionnaire, options)
    else:
        handle, report, note = ReportFile(folder, questionnaire), Report.new(questionnaire), ""
        report.author = options.author

    def earlier_map() -> StartMap:
        if options.new_map:
            return {}
        if start is not None:
            from intervjufas.reading.process_map.start_map import EarlierMap, map_of

            return EarlierMap(map_of(start), start.path, start.report.author)
        if find_latest_map is None:
            return {}
        return find_latest_map(folder, questionnaire, report.author, report.report_id)

    found: list[FileFinding] = []
    try:
        if answers is not None:
            report, found = _run_from_file(
                options, handle, report, answers, defaults, earlier_map, find_open_items
            )
        else:
            report = _run(
                options,
                handle,
                report,
                make_prompter=make_prompter,
                find_open_items=find_open_items,
                defaults=defaults,
                note=note,
                earlier_map=earlier_map,
            )
    finally:
        handle.close()
    remaining = [s for s in questionnaire.steps if step_status(s, report.answers) != STATUS_DONE]
    return MappingResult(handle.path, report, questionnaire, not remaining, remaining, found)


def _run_from_file(
    options: MappingOptions,
    handle: ReportFile,
    report: Report,
    answers: AnswersFile,
    defaults: Report | None,
    earlier_map: Callable[[], StartMap],
    find_open_items: OpenItemFinder | None = None,
) -> tuple[Report, list[FileFinding]]:
    """Every answer from the file, validated in memory first and written once, so that a bad
    answers file (or, with --strikt, one with personal data) writes nothing."""
    from intervjufas.asking.answers_file import AnswersFilePrompter

    questionnaire = handle.questionnaire
    steps = select_steps(questionnaire, report, options.steps)
    session = Session(
        questionnaire, report, AnswersFilePrompter(answers), lambda r, _k: r, defaults, earlier_map
    )

    def items(asked: Report) -> ItemPool:  # (a newly planned item may join an open one)
        return find_open_items(handle.folder, questionnaire, asked) if find_open_items else ListPool(())

    report = session.run(steps, items, follow_up=False)
    found = answers.personal_data(questionnaire, report.answers)
    if found and options.strict:
        count = f"{len(found)} fynd" if len(found) > 1 else "1 fynd"
        raise PersonalDataFound(
            f"Svarsfilen {answers.path} innehåller det som ser ut som personuppgifter ({count}); "
            "med --strikt sparas ingenting. Skriv om svaren och kör igen.",
            list(found),
        )
    try:
        return handle.save(report, list(report.answers)), found
    except SaveError as error:
        ending = Ending(options, questionnaire, handle.folder, lambda: handle.path)
        raise ending.save_failed(report, error) from None


def _run(
    options: MappingOptions,
    handle: ReportFile,
    report: Report,
    *,
    make_prompter: Callable[[], Prompter],
    find_open_items: OpenItemFinder | None,
    defaults: Report | None,
    note: str,
    earlier_map: Callable[[], StartMap],
) -> Report:
    questionnaire = handle.questionnaire
    steps = select_steps(questionnaire, report, options.steps)
    ending = Ending(options, questionnaire, handle.folder, lambda: handle.path)

    def items(asked: Report) -> ItemPool:  # looked up only when the follow-up is reached
        if find_open_items is None:
            return ListPool(())
        return find_open_items(handle.folder, questionnaire, asked)

    prompter = make_prompter()
    session = Session(questionnaire, report, prompter, handle.save, defaults, earlier_map)
    try:
        if note:
            prompter.note(note)
        if handle.path is not None:
            prompter.note(progress_note(questionnaire, report, handle.path))
        else:
            prompter.note(f"Rapporten sparas i {handle.folder} efter varje svar.")
        for problem in report.problems:
            prompter.note(f"Varning: {problem}")
        return session.run(steps, items, record_open_items=not options.resume, follow_up=options.follow_up)
    except SaveError as error:
        raise ending.save_failed(session.report, error) from None
    except (KeyboardInterrupt, EOFError) as stop:  # Ctrl-C, a signal, or piped answers that ran out
        raise ending.stopped(session.report, stop) from None
    except OSError as error:
        if error.errno not in TERMINAL_GONE:
            raise
        # The terminal was closed (its SIGHUP may still be on the way): stopped as by SIGHUP.
        raise ending.stopped(session.report, Stopped(getattr(signal, "SIGHUP", 1))) from None


def _answers_file(options: MappingOptions, questionnaire: Questionnaire) -> AnswersFile | None:
    """The answers given with --svar, checked against the set (None without it)."""
    if options.strict and options.answers_file is None:
        raise UsageError("--strikt gäller svar från en fil och kräver --svar FIL.")
    if options.answers_file is None:
        return None
    from intervjufas.asking.answers_file import AnswersFile

    answers = AnswersFile.read(options.answers_file.expanduser())
    answers.check_ids(questionnaire)
    return answers


def _named_report(name: str, folder: Path) -> Path:
    from intervjufas.folder.finding import the_report

    return the_report(name, folder)


def _open_for_resume(
    path: Path, questionnaire: Questionnaire, options: MappingOptions
) -> tuple[ReportFile, Report, str]:
    """The report to continue, locked; a recovery file is put back where it belongs first."""
    from intervjufas.folder.recovery import restore_recovery

    handle, report = ReportFile.open(path, questionnaire)
    try:
        _check_set(report, path, questionnaire, options)
        return restore_recovery(handle, report, path)
    except BaseException:
        handle.close()
        raise


def _set_of(path: Path, questionnaire: Questionnaire, options: MappingOptions) -> Questionnaire:
    """The set to continue a report with: the built-in version it was made with when that is an
    earlier one (so a report started before an update can still be finished)."""
    if options.question_file is not None:
        return questionnaire
    from intervjufas.files.bounded import read_text
    from intervjufas.questionsets.catalog import builtin_version
    from intervjufas.report.parse import read_header, set_ref

    try:
        header, *_ = read_header(read_text(path), str(path))
    except IntervjufasError:
        return questionnaire  # (opening it gives the error)
    ref = set_ref(header)
    if ref.id != questionnaire.id:
        return questionnaire  # (checking the set gives the error)
    return builtin_version(ref) or questionnaire


def _check_set(report: Report, path: Path, questionnaire: Questionnaire, options: MappingOptions) -> None:
    ref = report.question_set
    if ref.id != questionnaire.id:
        command = COMMANDS.get(ref.id)
        hint = (
            f" Fortsätt med: {shlex.join([*options.program, command, '--fortsatt', str(path)])}"
            if command
            else _question_file_hint(ref, options, path)
        )
        raise IntervjufasError(
            f"Rapporten {path.name} är gjord med frågeuppsättningen '{ref.id}', inte '{questionnaire.id}'.{hint}"
        )
    if ref.hash != questionnaire.content_hash:
        versions = (
            f"version {ref.version}, men frågorna har ändrats sedan dess"
            if ref.version == questionnaire.version
            else f"version {ref.version}, nu {questionnaire.version}"
        )
        raise IntervjufasError(
            f"Rapporten {path.name} är gjord med en annan version av frågeuppsättningen '{ref.id}' "
            f"({versions}); den kan inte fortsättas med de här frågorna. "
            "Starta en ny kartläggning med --utga-fran för att ta med svaren."
        )


def _question_file_hint(ref: SetRef, options: MappingOptions, path: Path) -> str:
    """How to continue a report made with an own question set: the file in the user folder that
    holds exactly that set, if there is one."""
    from intervjufas.questionsets.catalog import user_sets

    for entry in user_sets():
        found = entry.questionnaire
        if found is not None and found.id == ref.id and found.content_hash == ref.hash:
            command = [*options.program, options.command, "--fortsatt", str(path), "--fragor", entry.origin]
            return f" Fortsätt med: {shlex.join(command)}"
    return " Ange frågefilen som rapporten gjordes med: --fragor FIL."
