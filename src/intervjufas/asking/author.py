"""Who makes a report: recorded in it, because a team may share one reports folder.

``$INTERVJUFAS_FORFATTARE`` names the author; otherwise the name remembered in the user's config
folder (``intervjufas/forfattare.txt``, read only when it and its folder are the user's own and
private, see ``files.private_folders``); otherwise the login name.  A login name like ``ab12345``
says little to a colleague, so the first interactive session asks once for the name to use
(``AUTHOR_QUESTION``, the login name offered) and remembers the answer; a session that cannot ask
(answers from a file, or no terminal) uses the login name without remembering it.
"""

from __future__ import annotations

from intervjufas.model.question_types.table import TEXT
from intervjufas.model.questions import Question

AUTHOR_QUESTION = Question(
    id="forfattare",
    text="Vilket namn ska stå som författare till dina rapporter?",
    kind=TEXT,
    help=(
        "Namnet sparas i varje ny rapport, så att ni ser vem som gjort vad när ni delar rapportmapp. "
        "Du får bara frågan en gång; namnet ändras i filen forfattare.txt i din inställningsmapp."
    ),
)
