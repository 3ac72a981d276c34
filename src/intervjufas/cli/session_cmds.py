"""The session commands, ``kartlagg`` and ``snabb`` (a kartläggning): the same options, one question set
each."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import cache
from typing import Annotated, Any

import typer

from intervjufas.cli.app import CommandTable, program_words, terminal
from intervjufas.cli.options import (
    AnswersOption,
    Folder,
    FollowUpOption,
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
from intervjufas.session.options import FollowUpScope

commands = CommandTable()


def run_session_command(
    ctx: typer.Context, set_id: str, scope: FollowUpScope = FollowUpScope.kund, **options: Any
) -> None:
    from intervjufas.errors import Interrupted, PartialAnswer, PersonalDataFound, stop_signal
    from intervjufas.session.mapping import run_session
    from intervjufas.session.options import SessionOptions, use_plain
    from intervjufas.session.stopping import session_over, stop_on_signals
    from intervjufas.views.console import make_console

    facts = terminal(ctx)

    @cache
    def errors() -> Any:  # (Rich is loaded only when something is said on standard error)
        return make_console(facts, stderr=True, soft_wrap=True)
    try:
        with stop_on_signals():  # (from the first prompt – the menu of reports – on)
            _choose_reports(options, facts)
            settings = SessionOptions(
                set_id=set_id,
                stdin_is_terminal=facts.stdin_is_terminal,
                term_is_dumb=facts.dumb,
                program=program_words(),
                follow_up=scope,
                **options,
            )
            plain = use_plain(settings)

            try:
                result = run_session(settings, _prompter_maker(facts, plain, errors))
            except PersonalDataFound as error:  # --strikt: each finding, then the error itself
                from intervjufas.views.session_result import show_answers_file_findings

                show_answers_file_findings(errors(), error.findings, prefix="Fel")
                raise
            from intervjufas.views.session_result import (
                show_answers_file_findings,
                show_future_dates,
                show_session_result,
                show_warnings,
            )

            with session_over():  # (the report is saved: a stop now interrupts nothing)
                show_answers_file_findings(errors(), result.personal_data, prefix="Varning")
                if settings.answers_file is not None:
                    show_future_dates(errors(), result)
                show_warnings(errors(), result)
                quiet = plain or settings.answers_file is not None
                console = make_console(facts, no_color=quiet or None, emoji=False, soft_wrap=True)
                show_session_result(console, result, settings, plain=quiet)
    except KeyboardInterrupt as stop:  # before the session began (a menu, the author question) or after it
        cause = stop.cause if isinstance(stop, PartialAnswer) else stop
        raise Interrupted("Avbrutet.", exit_code=128 + stop_signal(cause)) from None


def _prompter_maker(facts: Any, plain: bool, errors: Callable[[], Any]) -> Callable[[], Any]:
    """How to make the prompter that asks: line by line (``--enkel``, or no terminal) or with menus;
    either says ``Varning:`` on standard error when a date question gets a date after today."""
    from intervjufas.views.console import make_console
    from intervjufas.views.output import standard_output

    def warn(text: str) -> None:
        errors().print(text, markup=False, highlight=False)

    def make_prompter() -> Any:
        from intervjufas.views.prompting.future_date_notice import FutureDateNotice

        if plain:
            from intervjufas.views.prompting.plain_prompter import PlainPrompter

            piped = not facts.stdin_is_terminal
            return FutureDateNotice(PlainPrompter(sys.stdin, standard_output(facts), echo=piped), warn)
        from intervjufas.views.prompting.questionary_prompter import QuestionaryPrompter

        if facts.no_color:
            return FutureDateNotice(QuestionaryPrompter(make_console(facts)), warn)
        # (the text before the first question is written without Rich when it can be)
        return FutureDateNotice(QuestionaryPrompter(made=lambda: make_console(facts)), warn)

    return make_prompter


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


NoSuggestions = Annotated[
    bool,
    typer.Option(
        "--utan-forslag",
        metavar="",
        help="Föreslå inte kollegornas moment efter din karta i varje fas (standardvalet: intervjufas installningar forslag nej).",
    ),
]


def suggestions_turned_off() -> bool:
    """The settings' ``forslag`` (environment $INTERVJUFAS_UTAN_FORSLAG, then the file)."""
    from intervjufas.files.user_settings import value

    return value("forslag") == "nej"


def _follow_up(given: FollowUpScope | None) -> FollowUpScope:
    """``--uppfoljning``, else the settings' ``uppfoljning`` (environment, file), else kund."""
    from intervjufas.files.user_settings import value

    return FollowUpScope(value("uppfoljning", given.value if given is not None else None))


def _session_command(set_id: str) -> Any:
    """The command function for one question set (the same options for kartlagg and snabb)."""

    def command(
        ctx: typer.Context,
        steg: Steps = None,
        fortsatt: Resume = None,
        svar: AnswersOption = None,
        katalog: Folder = None,
        fragor: QuestionFile = None,
        utga_fran: StartFrom = None,
        uppfoljning: FollowUpOption = None,
        utan_uppfoljning: SkipFollowUp = False,
        enkel: Plain = False,
        ny_karta: NewMap = False,
        strikt: Strict = False,
        utan_forslag: NoSuggestions = False,
    ) -> None:
        if utan_uppfoljning and uppfoljning not in (None, FollowUpScope.kund, FollowUpScope.ingen):
            raise UsageError(f"--utan-uppfoljning och --uppfoljning {uppfoljning.value} säger emot varandra.")
        scope = FollowUpScope.ingen if utan_uppfoljning else _follow_up(uppfoljning)
        run_session_command(
            ctx,
            set_id,
            scope,
            steps=list(steg or []),
            resume=fortsatt,
            answers_file=svar,
            folder=katalog,
            question_file=fragor,
            start_from=utga_fran,
            plain=enkel,
            new_map=ny_karta,
            strict=strikt,
            suggestions=not utan_forslag and not suggestions_turned_off(),
        )

    return command


commands.command(
    "kartlagg",
    help=(
        "Kartlägg intervjufasen i ett uppdrag: Steg 1 före intervjun, Steg 2 under och Steg 3 efter. "
        "Svaren sparas efter varje fråga; avbryt när du vill och fortsätt med --fortsatt."
    ),
)(_session_command("kartlaggning"))
commands.command(
    "snabb",
    help=(
        "Övningen i snabbformat när tiden är knapp: Del 1 intervjuprocessen från start till slut, "
        "Del 2 reflektera."
    ),
)(_session_command("snabbformat"))
