"""Which item of a form each column of a survey export holds, and which columns are not read.

Why: the consultant pastes the form's questions into the survey tool the organisation already uses,
so a column's heading is the question's text – with the tool's own touches: another case, a space
or question mark more or less, a number in front, and for a grid of the map's moments the question
and the moment together ("Fråga [Moment]" in Google Forms, "Fråga.Moment" or the moment alone in
Microsoft Forms). A heading is matched by the item's id first, then by its text compared without
case, accents, punctuation and spacing. The tools' own columns (response number, times, scores) and
columns that hold names or e-mail addresses are known and never read; any other column is dropped
with a warning.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from intervjufas.reading.feedback.forms import Form, FormItem
from intervjufas.reading.feedback.problems import Problem, column_letter, shortened

ITEM, TOOL, PERSONAL, UNKNOWN, EMPTY = "fråga", "verktyg", "personuppgifter", "okänd", "tom"
# The times Microsoft Forms writes about a response (English and Swedish), and the column Google
# Forms starts with: they also tell which tool made an export (``csv_import``).
MICROSOFT_TIMES = frozenset(
    ["start time", "starttid", "completion time", "sluttid", "slutforandetid", "tid for slutforande"]
)
GOOGLE_FIRST = frozenset(["timestamp", "tidstampel", "tidsstampel"])
# Microsoft Forms (English and Swedish), Google Forms: the tool's columns about a response.
_TOOL = MICROSOFT_TIMES | GOOGLE_FIRST | frozenset(
    [
        "id",
        "last modified time",
        "senast andrad",
        "tid for senaste andring",
        "score",
        "poang",
        "total points",
        "totalpoang",
        "quiz feedback",
        "grade posted time",
        "language",
        "sprak",
        "response id",
        "svars id",
    ]
)
_TOOL_PREFIXES = ("points ", "poang ", "feedback ")  # a quiz's points and feedback per question
_PERSONAL = frozenset(
    [
        "name",
        "namn",
        "full name",
        "fullstandigt namn",
        "email",
        "e mail",
        "e post",
        "epost",
        "email address",
        "e mail address",
        "e postadress",
        "epostadress",
        "mejl",
        "mejladress",
        "mail",
        "phone",
        "telefon",
        "telefonnummer",
        "mobilnummer",
        "respondent",
        "svarande",
    ]
)
# Columns that tell one response from another without saying who gave it (see ``response_key``).
KEY_COLUMNS = frozenset(
    {"id", "start time", "starttid", "timestamp", "tidstampel", "tidsstampel", "response id"}
)
_NUMBERING = re.compile(r"^\s*(?:fråga|question|q)?\s*\d{1,3}\s*[.):]\s+", re.IGNORECASE)
_WORDS = re.compile(r"[^\W_]+")


def normalize(text: str) -> str:
    """Text as headings are compared: without a leading number, case, accents and punctuation."""
    text = unicodedata.normalize("NFKD", _NUMBERING.sub("", text))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(_WORDS.findall(text.casefold()))


@dataclass(frozen=True)
class Column:
    index: int  # 0-based
    heading: str
    kind: str  # ITEM, TOOL, PERSONAL, UNKNOWN or EMPTY
    item_id: str = ""

    @property
    def number(self) -> int:
        return self.index + 1

    @property
    def letter(self) -> str:
        return column_letter(self.number)


class ItemIndex:
    """The items of a form by id and by the texts a survey tool may head their column with."""

    def __init__(self, form: Form) -> None:
        self.by_id = {item.id.casefold(): item for item in form.items()}
        self.strong: dict[str, list[FormItem]] = {}
        self.weak: dict[str, list[FormItem]] = {}
        for section in form.sections:
            for question in section.questions:
                for item in question.items:
                    if item.moment_id:
                        self._add(self.strong, f"{question.text} {item.text}", item)
                        self._add(self.weak, item.text, item)
                    else:
                        self._add(self.strong, item.text, item)

    @staticmethod
    def _add(table: dict[str, list[FormItem]], text: str, item: FormItem) -> None:
        found = table.setdefault(normalize(text), [])
        if item not in found:
            found.append(item)

    def find(self, heading: str) -> list[FormItem]:
        """The items a heading names: one, none, or several when it is ambiguous."""
        exact = self.by_id.get(heading.strip().casefold())
        if exact is not None:
            return [exact]
        key = normalize(heading)
        return self.strong.get(key) or self.weak.get(key) or []

    def suggestion(self, heading: str) -> str:
        """' – menade du '…'?' for the closest item text, or ''."""
        match = difflib.get_close_matches(normalize(heading), list(self.strong), n=1, cutoff=0.75)
        return f" – menade du '{shortened(self.strong[match[0]][0].text, 60)}'?" if match else ""


def tool_kind(heading: str) -> str:
    """TOOL, PERSONAL, or '' for a heading that is not one of the survey tools' own columns."""
    key = normalize(heading)
    if key in _PERSONAL:
        return PERSONAL
    if key in _TOOL or key.startswith(_TOOL_PREFIXES):
        return TOOL
    return ""


def recognised(form: Form) -> Callable[[Sequence[str]], int]:
    """Counts the headings of a header that name an item or a survey tool's column."""
    index = ItemIndex(form)
    return lambda header: sum(1 for heading in header if index.find(heading) or tool_kind(heading))


def plan_columns(header: Sequence[str], form: Form) -> tuple[list[Column], list[Problem]]:
    """What each column holds, and the problems of the header: an ambiguous heading, two columns
    for one item, a column that belongs to no question."""
    index = ItemIndex(form)
    columns: list[Column] = []
    problems: list[Problem] = []
    taken: dict[str, Column] = {}
    for number, heading in enumerate(header):
        found = index.find(heading)
        if len(found) > 1:
            ids = ", ".join(item.id for item in found)
            problems.append(
                Problem(
                    f"rubriken passar flera frågor ({ids}); skriv frågans id som rubrik.",
                    1,
                    number + 1,
                    heading,
                )
            )
            columns.append(Column(number, heading, UNKNOWN))
        elif found and found[0].id in taken:
            first = taken[found[0].id]
            problems.append(
                Problem(
                    f"kolumnerna {first.letter} och {column_letter(number + 1)} gäller båda frågan "
                    f"'{found[0].id}'; ta bort den ena.",
                    1,
                    number + 1,
                    heading,
                )
            )
            columns.append(Column(number, heading, UNKNOWN))
        elif found:
            taken[found[0].id] = Column(number, heading, ITEM, found[0].id)
            columns.append(taken[found[0].id])
        else:
            kind = tool_kind(heading) or (UNKNOWN if heading.strip() else EMPTY)
            columns.append(Column(number, heading, kind))
            if kind == UNKNOWN:
                problems.append(
                    Problem(
                        f"kolumnen hör inte till enkäten och läses inte{index.suggestion(heading) or '.'}",
                        1,
                        number + 1,
                        heading,
                        error=False,
                    )
                )
    return columns, problems
