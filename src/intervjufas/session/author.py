"""Who makes a report: recorded in it, because a team may share one reports folder.

``$INTERVJUFAS_FORFATTARE`` names the author; otherwise the name remembered in the user's config
folder; otherwise the login name (see ``files.settings``).  A login name like ``ab12345`` says
little to a colleague, so the first interactive session asks once for the name to use
(``AUTHOR_QUESTION``, the login name offered) and remembers the answer; a session that cannot ask
(continued, answers from a file, or no terminal) uses the login name without remembering it.
"""

from __future__ import annotations

from collections.abc import Callable

from intervjufas.files.settings import author_name, login_name, must_ask, remember
from intervjufas.model.answers import Answer
from intervjufas.model.question_types.table import TEXT
from intervjufas.model.questions import Question
from intervjufas.session.options import SessionOptions
from intervjufas.session.prompter import AskRequest, Prompter

AUTHOR_QUESTION = Question(
    id="forfattare",
    text="Vilket namn ska stå som författare till dina rapporter?",
    kind=TEXT,
    help=(
        "Namnet sparas i varje ny rapport, så att ni ser vem som gjort vad när ni delar rapportmapp. "
        "Du får bara frågan en gång; namnet ändras i filen forfattare.txt i din inställningsmapp."
    ),
)


def author_for(options: SessionOptions, make_prompter: Callable[[], Prompter]) -> str:
    """Who makes the new report: named ($INTERVJUFAS_FORFATTARE) or remembered; else, in the first
    session that can ask (a new report, a terminal, no answers file), asked once and remembered;
    else the login name.  Ctrl-D at the question stops the session before anything is written."""
    if options.resume or options.answers_file is not None or not options.stdin_is_terminal:
        return author_name()
    if not must_ask():
        return author_name()
    login = login_name()
    try:
        answer = make_prompter().ask(AskRequest(AUTHOR_QUESTION, "", Answer(login or None)))
    except EOFError:
        raise KeyboardInterrupt from None  # (stopped before anything was written)
    name = " ".join(str(answer.value or "").split()) or login
    if name:
        remember(name)
    return name
