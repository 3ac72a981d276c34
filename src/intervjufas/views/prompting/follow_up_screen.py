"""The follow-up of earlier plans on one screen: a handful of open items, each on a line with its
kind ("Ta bort: …", "Utveckla: …", "Lägga till: …"), a status chosen by a key (g Genomfört,
d Delvis, i Inte än, s Släpp; x leaves the item for next time), an optional comment (k opens a
one-line form under the list) and one Enter for the whole handful; f shows the next handful when
there are more.  Nothing is chosen by Enter alone: an item without a status comes back next time.

Built on the map screens' frame (``views.process_map.screen``).  Each status or comment is handed
to the request's ``on_change`` at once, so the session saves it as it is made; a refusal there
(``AnswerError``, e.g. personal data in a comment) is said on the message line.  Ctrl-C keeps a
comment being typed and stops like any prompt.  Imported only when the screen opens.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from prompt_toolkit.application import get_app
from prompt_toolkit.key_binding import KeyBindings

from intervjufas.model.answers import Answer
from intervjufas.session.follow_up_batch import BatchEntry, BatchRequest
from intervjufas.views.process_map.form import Form, FormField
from intervjufas.views.process_map.screen import KeyHints, Line, Row, Screen, keyed, wrapped

# The key of each status, in the order of the statuses (Genomfört, Delvis, Inte än, Släpp).
STATUS_KEYS = ("g", "d", "i", "s")
SKIP_KEY, COMMENT_KEY, MORE_KEY = "x", "k", "f"
NO_STATUS = "ingen status – kommer tillbaka nästa gång"


def help_lines(statuses: tuple[str, ...]) -> tuple[str, ...]:
    chosen = ", ".join(f"{key} {status}" for key, status in zip(STATUS_KEYS, statuses, strict=False))
    return (
        "Uppföljning – tangenter",
        "  ↑ ↓  flyttar markören mellan momenten.",
        f"  {chosen} (eller 1–{len(statuses)})  ger det markerade momentet en status; markören går "
        "vidare till nästa.",
        f"  {SKIP_KEY}  tar bort statusen: momentet följs upp nästa gång i stället.",
        f"  {COMMENT_KEY}  skriver en kommentar till det markerade momentet (Enter sparar den, Esc avbryter).",
        "  Enter  klar: sparar uppföljningen och går vidare till frågorna.",
        f"  {MORE_KEY}  visar fler öppna moment, när det finns fler.",
        "  Ctrl-C  avbryter: det du har angett är redan sparat.",
    )


@dataclass
class _State:
    """What the consultant has set for one entry."""

    status: str | None = None
    comment: str = ""


@dataclass
class FollowUpScreen:
    """The handful on one screen; ``run`` returns whether more are wanted."""

    request: BatchRequest
    no_color: bool = False
    states: dict[str, _State] = field(default_factory=dict)
    warned: bool = False  # (told that a comment without a status is not kept)

    def __post_init__(self) -> None:
        self.states = {entry.key: _State() for entry in self.request.entries}
        self.screen = Screen(
            title=f"{self.request.title} · {self.request.progress}",
            question=self.request.lead,
            note=_keys_line(self.request.statuses),
            rows=self.rows,
            hints=self.hints,
            help_lines=help_lines(self.request.statuses),
            bindings=self._bindings(),
            no_color=self.no_color,
        )

    def run(self, input: Any = None, output: Any = None) -> bool:
        try:
            return bool(self.screen.run(input, output))
        except (KeyboardInterrupt, EOFError):
            self.screen.keep_typed()
            raise

    # -- what is shown ------------------------------------------------------------------------------
    def rows(self, width: int) -> list[Row]:
        rows: list[Row] = []
        group = None
        for number, entry in enumerate(self.request.entries, start=1):
            if entry.group and entry.group != group:
                rows.append(Row([[("", "")], [("class:heading", entry.group)]]))
                group = entry.group
            rows.append(Row(self._entry_lines(number, entry, width), entry.key))
        if self.request.remaining:
            more = self.request.remaining
            rows.append(
                Row(
                    [
                        [("", "")],
                        [
                            (
                                "class:dim",
                                f"{more} öppna moment till: {MORE_KEY} visar dem, annars kommer de nästa gång.",
                            )
                        ],
                    ]
                )
            )
        return rows

    def _entry_lines(self, number: int, entry: BatchEntry, width: int) -> list[Line]:
        state = self.states[entry.key]
        head = f"  {number}. "
        indent = " " * len(head)
        lines: list[Line] = [
            [("", text)] for text in wrapped(f"{head}{entry.kind}: {entry.moment}", width, indent)
        ]
        shown = f"{indent}Status: {state.status}" if state.status else f"{indent}Status: ({NO_STATUS})"
        lines.append([("class:marked" if state.status else "class:dim", shown)])
        if state.comment:
            lines += [[("", text)] for text in wrapped(f"{indent}Kommentar: {state.comment}", width, indent)]
        facts = " · ".join(
            part for part in (entry.context, f"Varför: {entry.why}" if entry.why else "") if part
        )
        if facts:
            lines += [[("class:dim", text)] for text in wrapped(f"{indent}{facts}", width, indent)]
        return lines

    def hints(self) -> KeyHints:
        hints: KeyHints = list(zip(STATUS_KEYS, self.request.statuses, strict=False))
        hints += [(SKIP_KEY, "Ingen status"), (COMMENT_KEY, "Kommentar"), ("Enter", "Klar")]
        if self.request.remaining:
            hints.append((MORE_KEY, f"Visa fler ({self.request.remaining})"))
        return [*hints, ("?", "Hjälp")]

    # -- the keys -------------------------------------------------------------------------------------
    def _bindings(self) -> KeyBindings:
        from prompt_toolkit.filters import Condition

        keys = KeyBindings()
        listing = Condition(lambda: not self.screen.help_shown and self.screen.form is None)
        actions: dict[str, Any] = {"enter": lambda: self.finish(more=False), SKIP_KEY: self.clear}
        actions["delete"] = self.clear
        actions[COMMENT_KEY] = self.comment
        if self.request.remaining:
            actions[MORE_KEY] = lambda: self.finish(more=True)
        for number, (key, status) in enumerate(zip(STATUS_KEYS, self.request.statuses, strict=False), 1):
            actions[key] = actions[str(number)] = _setter(self, status)
        for key, action in actions.items():
            keys.add(key, filter=listing)(keyed(self, action))
        return keys

    def finish(self, *, more: bool) -> None:
        """Close the screen; a comment typed for an item without a status would be lost, so the
        first Enter says so (a second Enter closes all the same)."""
        waiting = [
            e.moment
            for e in self.request.entries
            if self.states[e.key].comment and not self.states[e.key].status
        ]
        if waiting and not self.warned:
            self.warned = True
            self.screen.say(
                f"Kommentaren till {waiting[0]} sparas bara med en status: välj en (g, d, i, s) "
                "eller tryck Enter igen för att gå vidare utan den."
            )
            return
        get_app().exit(result=more)

    def current(self) -> str | None:
        key = self.screen.current()
        return key if isinstance(key, str) else None

    def set_status(self, status: str) -> None:
        key = self.current()
        if key is None:
            return
        state = self.states[key]
        self.request.on_change(key, Answer(status, state.comment))  # (a refusal leaves it as it was)
        state.status = status
        self.screen.cursor += 1  # (the next item; the screen keeps the cursor on the list)
        self.screen.say(f"{status} – sparat.")

    def clear(self) -> None:
        key = self.current()
        if key is None or self.states[key].status is None:
            return
        self.request.on_change(key, Answer())
        self.states[key].status = None
        self.screen.say("Ingen status: momentet följs upp nästa gång.")

    def comment(self) -> None:
        key = self.current()
        if key is None:
            return
        entry = next(e for e in self.request.entries if e.key == key)
        form = Form(
            f"Kommentar – {entry.moment}",
            [
                FormField(
                    "comment", "Kommentar", self.states[key].comment, "Valfritt. Enter sparar, Esc avbryter."
                )
            ],
            lambda values: self._save_comment(key, values["comment"].strip()),
        )
        self.screen.open_form(form)

    def _save_comment(self, key: str, text: str) -> None:
        state = self.states[key]
        if state.status is not None:
            self.request.on_change(key, Answer(state.status, text))  # (a refusal keeps the form open)
        state.comment = text
        self.screen.close_form()
        self.screen.say(
            "Kommentaren är sparad." if state.status else "Kommentaren sparas när du väljer en status."
        )

    def summary(self) -> list[str]:
        """What was set, one line per item, to print when the screen has closed."""
        lines = []
        for entry in self.request.entries:
            state = self.states[entry.key]
            shown = state.status or "(ingen status, kommer tillbaka nästa gång)"
            lines.append(
                f"  {entry.kind}: {entry.moment} – {shown}"
                + (f" · {state.comment}" if state.comment and state.status else "")
            )
        return lines


def _setter(owner: FollowUpScreen, status: str) -> Any:
    return lambda: owner.set_status(status)


def _keys_line(statuses: tuple[str, ...]) -> str:
    chosen = ", ".join(f"{key} {status}" for key, status in zip(STATUS_KEYS, statuses, strict=False))
    return f"Status med en tangent: {chosen}. {COMMENT_KEY} kommentar, Enter när du är klar."


def follow_up_on_screen(
    request: BatchRequest, *, no_color: bool = False, input: Any = None, output: Any = None
) -> tuple[bool, list[str]]:
    """Follow the handful up on a full screen: whether more are wanted, and the lines to print."""
    screen = FollowUpScreen(request, no_color=no_color)
    more = screen.run(input, output)
    return more, screen.summary()
