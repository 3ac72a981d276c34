"""The report as data: its answers, follow-ups of earlier plans, what it keeps verbatim, and the
name its file gets.

The Markdown file is the single source of truth; ``render`` and ``parse`` (in this package) turn a
``Report`` into that file and back.  Everything here is plain data and small derivations.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from intervjufas.model.answers import Answer, display, new_id
from intervjufas.model.question_types.table import CHOICE
from intervjufas.model.questionnaire import Questionnaire, SetRef
from intervjufas.model.questions import Question

FORMAT_VERSION = 3
FOLLOW_UP_STATUSES = ("Genomfört", "Delvis", "Inte än", "Släpp")
# An item merged into another open row about the same moment (marked from ``plan``): closed.
MERGED = "Sammanslagen"
CLOSED_STATUSES = ("Genomfört", "Släpp", MERGED)
FOLLOW_UP_TITLE = "Uppföljning av tidigare utvecklingsplan"
PLAN_TITLE = "Utvecklingsplan"
OTHER_TITLE = "Övriga svar"
# Header key of a conflict copy: the session's answers that could not be merged into the report.
CONFLICT_KEY = "konfliktkopia_av"
# Lines the program writes under section headings (hand-written text around them is kept).
SECTION_TEXTS = {
    "uppfoljning": "Status för moment i tidigare utvecklingsplaner: Genomfört, Delvis, Inte än eller Släpp.",
    "utvecklingsplan": "*Inga moment att lägga till, utveckla eller ta bort ännu.*",
    "planuppfoljning": "Ändringar av utvecklingsplanen gjorda med kommandot plan, äldst först.",
    "ovrigt": "Svar under id som frågeuppsättningen inte känner till. De sparas oförändrade.",
}
GUIDE = (
    "<!-- Svaren står under frågorna och kan ändras direkt här; låt kommentarerna med id stå kvar."
    " Uppgifterna om uppdraget ändras i huvudet överst, mellan raderna med ---. -->"
)
# Header key of a recovery file: where its answers go back (see ``folder.recovery``).
RECOVERY_KEY = "aterstallning"
SLUG_MAX = 50
_TRANSLITERATE = str.maketrans(
    {"æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "ł": "l", "Ł": "L"}
)
# How a follow-up is answered and written: a status with an optional comment.
FOLLOW_UP_QUESTION = Question(
    id="uppfoljning", text=FOLLOW_UP_TITLE, kind=CHOICE, choices=FOLLOW_UP_STATUSES, comment=True
)


def header_value(header: Mapping[str, Any], key: str) -> Any:
    """A key the program writes outside its known ones (a conflict copy's origin, the day a report
    was anonymised), from a header as read: at the top (format 1 read without checking), else
    among the kept keys of a checked header ('extra')."""
    if key in header:
        return header[key]
    extra = header.get("extra")
    return extra.get(key) if isinstance(extra, dict) else None


@dataclass(frozen=True)
class FollowUp:
    """The follow-up, in this report, of an action item from an earlier report."""

    key: str  # "<report id>/<question id>/<item number>"
    label: str
    answer: Answer = field(default_factory=Answer)

    @property
    def status(self) -> str | None:
        return self.answer.value if isinstance(self.answer.value, str) else None


@dataclass(frozen=True)
class PlanMark:
    """A change of an item of this report's plan made outside a mapping (``plan``): a dated
    follow-up entry.  ``time`` (an ISO timestamp) places it among the follow-ups of every report;
    ``into`` is the key of the item a merged item joined."""

    key: str  # the item's key, as in its report ("<report id>/<item id>")
    time: str
    label: str
    answer: Answer = field(default_factory=Answer)
    into: str = ""

    @property
    def status(self) -> str | None:
        return self.answer.value if isinstance(self.answer.value, str) else None

    @property
    def date(self) -> str:
        return self.time[:10]


@dataclass(frozen=True)
class RawAnswer:
    """An answer under an id the question set does not know; kept verbatim."""

    heading: str
    body: str


@dataclass
class Report:
    """One report: its header fields, answers, drafts and plan follow-ups."""

    report_id: str
    question_set: SetRef
    answers: dict[str, Answer] = field(default_factory=dict)
    created: str = ""
    updated: str = ""
    follow_ups: list[FollowUp] = field(default_factory=list)
    extra_answers: dict[str, RawAnswer] = field(default_factory=dict)
    extra_metadata: dict[str, Any] = field(default_factory=dict)
    extra_header: dict[str, Any] = field(default_factory=dict)
    # Answers that were being typed when a session stopped; they do not count as answered.
    drafts: dict[str, Answer] = field(default_factory=dict)
    # Text someone wrote by hand outside the answers, by where it stands ("start", "steg:fore",
    # "fraga:fore_kunden", ...), kept through every save.
    notes: dict[str, list[str]] = field(default_factory=dict)
    # What reading the file found worth telling (e.g. a question heading that lost its id).
    problems: list[str] = field(default_factory=list)
    author: str = ""  # who made the report (a team may share the folder)
    tags: list[str] = field(default_factory=list)  # tags added by hand, besides the program's own
    marks: list[PlanMark] = field(default_factory=list)  # the plan kept up from ``plan``, oldest first

    @classmethod
    def new(cls, questionnaire: Questionnaire) -> Report:
        now = timestamp()
        return cls(new_id(6), questionnaire.ref, created=now, updated=now)

    def text(self, question_id: str) -> str:
        answer = self.answers.get(question_id)
        return display(answer.value) if answer else ""

    @property
    def uppdrag(self) -> str:
        return self.text("uppdrag")

    @property
    def date(self) -> str:
        return self.text("datum") or self.created[:10]

    def detail(self, key: str) -> str:
        """A detail of the assignment as text, also when the question set does not know it (then
        it is kept raw among the extra metadata)."""
        if key in self.answers:
            return self.text(key)
        return header_text(self.extra_metadata.get(key)).strip()

    @property
    def recorded_author(self) -> str:
        """Who made the report, when it says (format 2 in its header, format 1 as an extra key)."""
        return (self.author or header_text(self.extra_header.get("forfattare"))).strip()


def header_text(value: Any) -> str:
    """A header value kept as read (a string, list or mapping of YAML scalars) as one line of text."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(header_text(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {header_text(v)}" for k, v in value.items())
    return str(value)


def copy_report(report: Report) -> Report:
    """A copy whose dictionaries and lists can be changed without touching the original."""
    return replace(
        report,
        answers=dict(report.answers),
        follow_ups=list(report.follow_ups),
        extra_answers=dict(report.extra_answers),
        extra_metadata=dict(report.extra_metadata),
        extra_header=dict(report.extra_header),
        drafts=dict(report.drafts),
        notes={k: list(v) for k, v in report.notes.items()},
        problems=list(report.problems),
        tags=list(report.tags),
        marks=list(report.marks),
    )


def timestamp() -> str:
    return dt.datetime.now().astimezone().replace(microsecond=0).isoformat()


def slugify(text: str, max_length: int = SLUG_MAX) -> str:
    """Plain lowercase ASCII words joined by '-', at most ``max_length`` characters."""
    import unicodedata  # (once a report is named, not before the first question)

    ascii_text = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE))
    ascii_text = ascii_text.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length]
        slug = cut.rsplit("-", 1)[0] if "-" in cut[max_length // 2 :] else cut
        slug = slug.strip("-")
    return slug or "uppdrag"


def report_stem(date: str, uppdrag: str) -> str:
    """A new report's file name without '.md': its date and its assignment, e.g.
    '2024-05-01-lagerarbetare-till-nordlager'."""
    return f"{date}-{slugify(uppdrag)}"
