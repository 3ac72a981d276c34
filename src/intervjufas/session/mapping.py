"""Starting or continuing a session (``kartlagg``/``snabb``): who the author is, the set, the report
to open or create, the steps, the follow-up of earlier plans and the map to start from – then the
session, with the prompter the command line makes, guarded against personal data."""

from __future__ import annotations

import shlex
import signal
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from intervjufas.errors import (
    IntervjufasError,
    NoTerminalError,
    PersonalDataFound,
    SaveError,
    Stopped,
    UsageError,
    to_copy,
)
from intervjufas.files.settings import reports_dir
from intervjufas.folder.report_file import ReportFile
from intervjufas.model.questionnaire import STATUS_DONE, Questionnaire, SetRef, Step, step_status
from intervjufas.questionsets.catalog import resolve_set
from intervjufas.report.model import Report
from intervjufas.session.author import author_for
from intervjufas.session.earlier_feedback import EarlierFeedback
from intervjufas.session.endings import Ending
from intervjufas.session.follow_up import FollowUpRound
from intervjufas.session.options import COMMANDS, FollowUpScope, SessionOptions, SessionResult, use_plain
from intervjufas.session.personal_data_guard import PersonalDataGuard
from intervjufas.session.process_map import MapState
from intervjufas.session.session import Session
from intervjufas.session.stopping import TERMINAL_GONE
from intervjufas.session.suggestions import Suggestions

if TYPE_CHECKING:  # (the answers file, earlier reports and recovery are read only when given)
    from intervjufas.folder.loading import LoadedReport
    from intervjufas.reading.process_map.start_map import StartMap
    from intervjufas.session.answers_file import AnswersFile, FileFinding
    from intervjufas.session.prompter import Prompter


def check_terminal(options: SessionOptions) -> None:
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


def run_session(options: SessionOptions, make_prompter: Callable[[], Prompter]) -> SessionResult:
    """Run a session; raise Interrupted (exit 128 + signal) when it stops part-way.

    ``make_prompter`` makes the prompter that asks (the command line knows the terminal); every
    prompter made is guarded against personal data.  The author is decided first (asked, the first
    time, before anything else can fail), then the set, the steps and the answers file are
    checked, and the report is opened or created."""

    def guarded() -> Prompter:
        return PersonalDataGuard(make_prompter(), interactive=options.stdin_is_terminal)

    author = options.author or author_for(options, guarded)
    folder = reports_dir(options.folder)
    questionnaire = resolve_set(options.set_id, options.question_file, shlex.join(options.program))
    check_step_numbers(questionnaire, options.steps)  # a usage error comes before any other
    answers = _answers_file(options, questionnaire)
    check_terminal(options)
    start = _start_report(options, folder, questionnaire)
    defaults = start.report if start is not None else None
    before: list[Step] = []
    if options.resume:
        path = _named_report(options.resume, folder)
        questionnaire = _set_of(path, questionnaire, options)
        handle, report, note = _open_for_resume(path, questionnaire, options)
        before = [s for s in questionnaire.steps if step_status(s, report.answers) != STATUS_DONE]
    else:
        handle, report, note = ReportFile(folder, questionnaire), Report.new(questionnaire), ""
        report.author = author
    process_map = _map_state(options, folder, questionnaire, start, report)
    found: list[FileFinding] = []
    warnings: list[str] = []
    try:
        if answers is not None:
            report, found = _run_from_file(options, handle, report, answers, defaults, process_map)
            warnings += _map_taken(process_map, questionnaire, answers, report)
        else:
            session = _session(options, handle, report, guarded(), defaults, process_map)
            report = _run(options, handle, session, note)
    finally:
        handle.close()
    remaining = [s for s in questionnaire.steps if step_status(s, report.answers) != STATUS_DONE]
    return SessionResult(
        handle.path,
        report,
        questionnaire,
        not remaining,
        remaining,
        found,
        already_complete=bool(options.resume) and not before,
        warnings=warnings,
    )


def _map_taken(
    process_map: MapState, questionnaire: Questionnaire, answers: AnswersFile, report: Report
) -> list[str]:
    """What an answers file run says when moments its file does not give came from another
    report's map in the folder (the latest one: not a report the user named)."""
    source = process_map.source
    if not process_map.from_folder or source is None:
        return []
    taken = [
        question.id
        for question in questionnaire.all_questions()
        if question.kind.maps_process
        and question.id not in answers.values
        and (answer := report.answers.get(question.id)) is not None
        and answer.value is not None
    ]
    if not taken:
        return []
    return [
        f"Processkartan ({', '.join(taken)}) togs från rapporten {source.name}, eftersom svarsfilen "
        "inte anger den. Ange momenten i svarsfilen, välj rapport med --utga-fran eller börja med "
        "en tom karta med --ny-karta."
    ]


def _session(
    options: SessionOptions,
    handle: ReportFile,
    report: Report,
    prompter: Prompter,
    defaults: Report | None,
    process_map: MapState,
) -> Session:
    """The interactive session: it follows up open items of the folder (read ahead while the
    first questions are answered), offers the colleagues' moments after each phase's map and
    shows what the customer and candidates answered in earlier feedback forms."""
    follow_up = FollowUpRound.in_folder(
        handle.folder, handle.questionnaire, options.follow_up, ahead=_reads_ahead(options, report)
    )
    return Session(
        handle.questionnaire,
        report,
        prompter,
        handle.save,
        defaults,
        follow_up=follow_up,
        process_map=process_map,
        suggestions=Suggestions.in_folder(handle.folder, report.author, lambda: handle.path) if options.suggestions else None,
        feedback=EarlierFeedback.in_folder(handle.folder),
    )


def _start_report(options: SessionOptions, folder: Path, questionnaire: Questionnaire) -> LoadedReport | None:
    """The earlier report whose answers are offered (``--utga-fran``), if any."""
    if not options.start_from:
        return None
    from intervjufas.folder.loading import load_report

    return load_report(_named_report(options.start_from, folder), questionnaire)


def _map_state(
    options: SessionOptions,
    folder: Path,
    questionnaire: Questionnaire,
    start: LoadedReport | None,
    report: Report,
) -> MapState:
    """The process map starts blank (``--ny-karta``), from the report the answers are taken from
    (``--utga-fran``), or from the latest map in the folder (looked up when first needed)."""
    if options.new_map:
        return MapState()
    if start is not None:
        loaded = start

        def of_start() -> StartMap:
            from intervjufas.reading.process_map.start_map import StartMap, map_of

            return StartMap(map_of(loaded), loaded.path, loaded.report.author)

        return MapState(of_start)
    return MapState.in_folder(folder, questionnaire, report.author, report.report_id)


def _run_from_file(
    options: SessionOptions,
    handle: ReportFile,
    report: Report,
    answers: AnswersFile,
    defaults: Report | None,
    process_map: MapState,
) -> tuple[Report, list[FileFinding]]:
    """Every answer from the file, validated in memory first and written once, so that a bad
    answers file (or, with --strikt, one with personal data) writes nothing."""
    from intervjufas.session.answers_file import AnswersFilePrompter

    questionnaire = handle.questionnaire
    steps = select_steps(questionnaire, report, options.steps)
    # (nothing is followed up from a file, but a newly planned item may join an open one)
    follow_up = FollowUpRound.in_folder(handle.folder, questionnaire, options.follow_up)
    session = Session(
        questionnaire,
        report,
        AnswersFilePrompter(answers),
        lambda r, _k: r,
        defaults,
        follow_up=follow_up,
        process_map=process_map,
    )
    report = session.run(steps, follow_up=False)
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


def _reads_ahead(options: SessionOptions, report: Report) -> bool:
    """Whether the folder's open items are read in the background from the start: a new report
    follows them up right after its first questions (unless told not to)."""
    return not options.resume and options.follow_up is not FollowUpScope.ingen and not report.follow_ups


def _run(options: SessionOptions, handle: ReportFile, session: Session, note: str) -> Report:
    """The session at a prompt: where the report stands, then the questions; a stop or a failed
    save keeps what was typed (``Ending``)."""
    questionnaire = handle.questionnaire
    report = session.report
    steps = select_steps(questionnaire, report, options.steps)
    ending = Ending(options, questionnaire, handle.folder, lambda: handle.path)
    prompter = session.prompter
    try:
        if note:
            prompter.note(note)
        if handle.path is not None:
            prompter.note(progress_note(questionnaire, report, handle.path))
        else:
            prompter.note(f"Rapporten sparas i {handle.folder} efter varje svar.")
        for problem in report.problems:
            prompter.note(f"Varning: {problem}")
        follow_up = options.follow_up is not FollowUpScope.ingen
        return session.run(steps, record_open_items=not options.resume, follow_up=follow_up)
    except SaveError as error:
        raise ending.save_failed(session.report, error) from None
    except (KeyboardInterrupt, EOFError) as stop:  # Ctrl-C, a signal, or piped answers that ran out
        raise ending.stopped(session.report, stop) from None
    except OSError as error:
        if error.errno not in TERMINAL_GONE:
            raise
        # The terminal was closed (its SIGHUP may still be on the way): stopped as by SIGHUP.
        raise ending.stopped(session.report, Stopped(getattr(signal, "SIGHUP", 1))) from None


def _answers_file(options: SessionOptions, questionnaire: Questionnaire) -> AnswersFile | None:
    """The answers given with --svar, checked against the set (None without it)."""
    if options.strict and options.answers_file is None:
        raise UsageError("--strikt gäller svar från en fil och kräver --svar FIL.")
    if options.answers_file is None:
        return None
    from intervjufas.session.answers_file import AnswersFile

    answers = AnswersFile.read(options.answers_file.expanduser())
    answers.check_ids(questionnaire)
    return answers


def _named_report(name: str, folder: Path) -> Path:
    from intervjufas.folder.finding import the_report

    return the_report(name, folder)


def _open_for_resume(
    path: Path, questionnaire: Questionnaire, options: SessionOptions
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


def _set_of(path: Path, questionnaire: Questionnaire, options: SessionOptions) -> Questionnaire:
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


def _check_set(report: Report, path: Path, questionnaire: Questionnaire, options: SessionOptions) -> None:
    ref = report.question_set
    if ref.id != questionnaire.id:
        command = COMMANDS.get(ref.id)
        made_with = f"Rapporten {path.name} är gjord med frågeuppsättningen '{ref.id}', inte '{questionnaire.id}'."
        if command:
            raise IntervjufasError(
                to_copy(f"{made_with} Fortsätt med:", shlex.join([*options.program, command, "--fortsatt", str(path)]))
            )
        raise IntervjufasError(f"{made_with}{_question_file_hint(ref, options, path)}")
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


def _question_file_hint(ref: SetRef, options: SessionOptions, path: Path) -> str:
    """How to continue a report made with an own question set: the file in the user folder that
    holds exactly that set, if there is one."""
    from intervjufas.questionsets.catalog import user_sets

    for entry in user_sets():
        found = entry.questionnaire
        if found is not None and found.id == ref.id and found.content_hash == ref.hash:
            command = [*options.program, options.command, "--fortsatt", str(path), "--fragor", entry.origin]
            return to_copy(" Fortsätt med:", shlex.join(command))
    return " Ange frågefilen som rapporten gjordes med: --fragor FIL."
