"""The mapping commands, ``kartlagg`` and ``snabb``: the same options, one question set each."""

from __future__ import annotations

import sys
from functools import partial
from typing import Any

import typer

from intervjufas.cli.app import CommandTable, program_words, terminal
from intervjufas.cli.options import (
    AnswersOption,
    Folder,
    FollowUpOption,
    FollowUpScope,
    NewMap,
    Plain,
    QuestionFile,
    Resume,
    SkipFollowUp,
    StartFrom,
    Steps,
    Strict,
)
from intervjufas.errors import UsageError

commands = CommandTable()


def run_mapping_command(
    ctx: typer.Context, set_id: str, scope: FollowUpScope = FollowUpScope.kund, **options: Any
) -> None:
    from intervjufas.asking.personal_data_guard import PersonalDataGuard
    from intervjufas.asking.run import MappingOptions, run_mapping, use_plain
    from intervjufas.asking.stopping import stop_on_signals
    from intervjufas.errors import PersonalDataFound
    from intervjufas.views.console import make_console
    from intervjufas.views.mapping_result import (
        show_answers_file_findings,
        show_future_dates,
        show_mapping_result,
    )
    from intervjufas.views.output import standard_output

    facts = terminal(ctx)
    _choose_reports(options, facts)
    settings = MappingOptions(
        set_id=set_id,
        stdin_is_terminal=facts.stdin_is_terminal,
        term_is_dumb=facts.dumb,
        program=program_words(),
        **options,
    )
    plain = use_plain(settings)

    errors = make_console(facts, stderr=True, soft_wrap=True)

    def make_prompter() -> Any:
        from intervjufas.views.prompting.future_date_notice import FutureDateNotice

        def warn(text: str) -> None:
            errors.print(text, markup=False, highlight=False)

        if plain:
            from intervjufas.views.prompting.plain_prompter import PlainPrompter

            piped = not facts.stdin_is_terminal
            inner = PlainPrompter(sys.stdin, standard_output(facts), echo=piped)
            return FutureDateNotice(PersonalDataGuard(inner, interactive=not piped), warn)
        from intervjufas.views.prompting.questionary_prompter import QuestionaryPrompter

        return FutureDateNotice(PersonalDataGuard(QuestionaryPrompter(make_console(facts))), warn)

    try:
        with stop_on_signals():
            settings.author = _author(settings, make_prompter)
            result = run_mapping(settings, make_prompter, partial(_open_items, scope), _latest_map)
    except PersonalDataFound as error:  # --strikt: each finding, then the error itself
        show_answers_file_findings(errors, error.findings, prefix="Fel")
        raise
    show_answers_file_findings(errors, result.personal_data, prefix="Varning")
    if settings.answers_file is not None:
        show_future_dates(errors, result)
    quiet = plain or settings.answers_file is not None
    console = make_console(facts, no_color=quiet or None, emoji=False, soft_wrap=True)
    show_mapping_result(console, result, settings, plain=quiet)


def _author(settings: Any, make_prompter: Any) -> str:
    """Who makes the new report: named by $INTERVJUFAS_FORFATTARE or remembered; else, in the first
    session that can ask (a new report, a terminal, no answers file), asked once and remembered;
    else the login name."""
    from intervjufas.asking.author import AUTHOR_QUESTION
    from intervjufas.asking.prompter import AskRequest
    from intervjufas.files.settings import author_name, login_name, must_ask, remember
    from intervjufas.model.answers import Answer

    if settings.resume or settings.answers_file is not None or not settings.stdin_is_terminal:
        return author_name()
    if not must_ask():
        return author_name()
    login = login_name()
    try:
        answer = make_prompter().ask(AskRequest(AUTHOR_QUESTION, "", Answer(login or None)))
    except EOFError:
        raise KeyboardInterrupt from None  # (Ctrl-D: stopped before anything was written)
    name = " ".join(str(answer.value or "").split()) or login
    if name:
        remember(name)
    return name


def _open_items(scope: FollowUpScope, folder: Any, questionnaire: Any, report: Any) -> Any:
    """The open items of earlier plans to follow up in a new report (looked up when reached)."""
    from intervjufas.reading.plan.folder_items import follow_up_pool

    return follow_up_pool(
        folder, questionnaire, exclude_id=report.report_id, kund=report.text("kund"), scope=scope.value
    )


def _latest_map(folder: Any, questionnaire: Any, author: str, exclude_id: str) -> Any:
    """The map a new mapping starts from (looked up when the first map question is reached)."""
    from intervjufas.reading.process_map.start_map import latest_map

    return latest_map(folder, questionnaire, author, exclude_id)


def _choose_reports(options: dict[str, Any], facts: Any) -> None:
    """``--fortsatt`` and ``--utga-fran`` by name or words: the report chosen (a menu when several
    match), as its path."""
    names = {key: options[key] for key in ("resume", "start_from") if options.get(key)}
    if not names:
        return
    from intervjufas.cli.report_choice import choose_report
    from intervjufas.files.settings import reports_dir

    folder = reports_dir(options.get("folder"))
    for key, name in names.items():
        options[key] = str(choose_report(name, folder, facts, plain=bool(options.get("plain"))))


def _mapping_command(set_id: str) -> Any:
    """The command function for one question set (the same options for kartlagg and snabb)."""

    def command(
        ctx: typer.Context,
        steg: Steps = None,
        fortsatt: Resume = None,
        svar: AnswersOption = None,
        katalog: Folder = None,
        fragor: QuestionFile = None,
        utga_fran: StartFrom = None,
        uppfoljning: FollowUpOption = FollowUpScope.kund,
        utan_uppfoljning: SkipFollowUp = False,
        enkel: Plain = False,
        ny_karta: NewMap = False,
        strikt: Strict = False,
    ) -> None:
        if utan_uppfoljning and uppfoljning not in (FollowUpScope.kund, FollowUpScope.ingen):
            raise UsageError(f"--utan-uppfoljning och --uppfoljning {uppfoljning.value} säger emot varandra.")
        scope = FollowUpScope.ingen if utan_uppfoljning else uppfoljning
        run_mapping_command(
            ctx,
            set_id,
            scope,
            steps=list(steg or []),
            resume=fortsatt,
            answers_file=svar,
            folder=katalog,
            question_file=fragor,
            start_from=utga_fran,
            follow_up=scope is not FollowUpScope.ingen,
            plain=enkel,
            new_map=ny_karta,
            strict=strikt,
        )

    return command


commands.command(
    "kartlagg",
    help=(
        "Kartlägg intervjufasen i ett uppdrag: Steg 1 före intervjun, Steg 2 under och Steg 3 efter. "
        "Svaren sparas efter varje fråga; avbryt när du vill och fortsätt med --fortsatt."
    ),
)(_mapping_command("kartlaggning"))
commands.command(
    "snabb",
    help=(
        "Övningen i snabbformat när tiden är knapp: Del 1 intervjuprocessen från start till slut, "
        "Del 2 reflektera."
    ),
)(_mapping_command("snabbformat"))
