"""The mapping commands, ``kartlagg`` and ``snabb``: the same options, one question set each."""

from __future__ import annotations

import sys
from typing import Any

import typer

from intervjufas.cli.app import app, program_words, terminal
from intervjufas.cli.options import (
    AnswersOption,
    Folder,
    Plain,
    QuestionFile,
    Resume,
    SkipFollowUp,
    StartFrom,
    Steps,
    Strict,
)


def run_mapping_command(ctx: typer.Context, set_id: str, **options: Any) -> None:
    from intervjufas.asking.personal_data_guard import PersonalDataGuard
    from intervjufas.asking.run import MappingOptions, run_mapping, use_plain
    from intervjufas.asking.stopping import stop_on_signals
    from intervjufas.errors import PersonalDataFound
    from intervjufas.reading.follow_up import follow_up_items
    from intervjufas.views.console import make_console
    from intervjufas.views.mapping_result import show_answers_file_findings, show_mapping_result

    facts = terminal(ctx)
    settings = MappingOptions(
        set_id=set_id,
        stdin_is_terminal=facts.stdin_is_terminal,
        term_is_dumb=facts.dumb,
        program=program_words(),
        **options,
    )
    plain = use_plain(settings)

    def make_prompter() -> Any:
        if plain:
            from intervjufas.asking.plain_prompter import PlainPrompter

            piped = not facts.stdin_is_terminal
            return PersonalDataGuard(PlainPrompter(sys.stdin, sys.stdout, echo=piped), interactive=not piped)
        from intervjufas.asking.questionary_prompter import QuestionaryPrompter

        return PersonalDataGuard(QuestionaryPrompter(make_console(facts)))

    def find_open_items(folder: Any, questionnaire: Any, exclude_id: str) -> Any:
        return follow_up_items(folder, questionnaire, exclude_id=exclude_id)

    errors = make_console(facts, stderr=True, soft_wrap=True)
    try:
        with stop_on_signals():
            result = run_mapping(settings, make_prompter, find_open_items)
    except PersonalDataFound as error:  # --strikt: each finding, then the error itself
        show_answers_file_findings(errors, error.findings, prefix="Fel")
        raise
    show_answers_file_findings(errors, result.personal_data, prefix="Varning")
    quiet = plain or settings.answers_file is not None
    console = make_console(facts, no_color=quiet or None, emoji=False, soft_wrap=True)
    show_mapping_result(console, result, settings, plain=quiet)


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
        utan_uppfoljning: SkipFollowUp = False,
        enkel: Plain = False,
        strikt: Strict = False,
    ) -> None:
        run_mapping_command(
            ctx,
            set_id,
            steps=list(steg or []),
            resume=fortsatt,
            answers_file=svar,
            folder=katalog,
            question_file=fragor,
            start_from=utga_fran,
            follow_up=not utan_uppfoljning,
            plain=enkel,
            strict=strikt,
        )

    return command


app.command(
    "kartlagg",
    options_metavar="[FLAGGOR]",
    help=(
        "Kartlägg intervjufasen i ett uppdrag: Steg 1 före intervjun, Steg 2 under och Steg 3 efter. "
        "Svaren sparas efter varje fråga; avbryt när du vill och fortsätt med --fortsatt."
    ),
)(_mapping_command("kartlaggning"))
app.command(
    "snabb",
    options_metavar="[FLAGGOR]",
    help=(
        "Övningen i snabbformat när tiden är knapp: Del 1 intervjuprocessen från start till slut, "
        "Del 2 reflektera."
    ),
)(_mapping_command("snabbformat"))
