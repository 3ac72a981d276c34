"""Whom the customer version speaks about: which of a process map's "Berör" words mean the customer
or the candidate, whom each planned change of a report involves, and which names are the
consultant's colleagues (never shown to the customer).

A moment involves the customer when one of its words is the customer's (``kunden``,
``arbetsgivaren`` and their forms) and the candidate when one is the candidate's (``kandidaten``,
``deltagaren`` …).  Every other word someone typed under "Berör" – a colleague's name, "teamet" – is
taken as the consultant's own side, as is the assignment's ``kollega``; such names are replaced by
"en kollega" wherever the customer version would show them.

A planned change of a report with a process map involves whom its moment involves: a moment to add
whom its item says, a moment to develop or remove whom that moment of the map says (found by its id,
else by its name in its phase).  Without a map nothing is known (None), and the customer version
falls back on the words of the change itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from intervjufas.model.answers import INVOLVED
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.report.model import Report
from intervjufas.report.plan import PlannedItem, planned_items
from intervjufas.report.process_map.report_map import has_map, mapped_moments

CUSTOMER_WORDS = frozenset(
    {"kund", "kunden", "kunder", "kunderna", "arbetsgivare", "arbetsgivaren", "arbetsgivarna"}
)
CANDIDATE_WORDS = frozenset(
    {"kandidat", "kandidaten", "kandidater", "kandidaterna", "deltagare", "deltagaren", "deltagarna"}
)
COLLEAGUE = "en kollega"
COLLEAGUE_DETAIL = "kollega"  # the detail of the assignment that names the colleague
_NAME_PART = re.compile(r"\w{2,}")


def involves_customer(involves: Iterable[str]) -> bool:
    return any(word.casefold() in CUSTOMER_WORDS for word in involves)


def meets_customer(involves: Iterable[str]) -> bool:
    """Does a moment with these "Berör" words happen with the customer or the candidate?"""
    return any(word.casefold() in CUSTOMER_WORDS | CANDIDATE_WORDS for word in involves)


def plan_involves(report: Report, questionnaire: Questionnaire) -> dict[str, tuple[str, ...] | None]:
    """Whom each planned item (by its key) involves: from the map when the report has one, else None."""
    items = planned_items(report, questionnaire)
    phases = mapped_moments(report, questionnaire) if has_map(questionnaire) else {}
    if not any(phases.values()):
        return {item.key: None for item in items}
    by_id = {m.id: m.involves for moments in phases.values() for m in moments if m.id}
    by_name = {(phase, m.name.casefold()): m.involves for phase, moments in phases.items() for m in moments}
    anywhere = {m.name.casefold(): m.involves for moments in phases.values() for m in moments}
    return {item.key: _whom(item, by_id, by_name, anywhere) for item in items}


def _whom(
    planned: PlannedItem,
    by_id: dict[str, tuple[str, ...]],
    by_name: dict[tuple[str, str], tuple[str, ...]],
    anywhere: dict[str, tuple[str, ...]],
) -> tuple[str, ...]:
    item = planned.item
    if planned.question.plan == "lagga_till" or item.involves:
        return item.involves
    if item.moment_id and item.moment_id in by_id:
        return by_id[item.moment_id]
    name = item.moment.casefold()
    if planned.phase is not None:
        return by_name.get((planned.phase, name), ())
    return anywhere.get(name, ())


def colleague_names(report: Report) -> tuple[str, ...]:
    """The names of the consultant's side in a report: every "Berör" word of its map and plan that
    is neither the program's own nor the customer's or the candidate's, and the assignment's
    colleague (the whole name and each part of it)."""
    words: list[str] = []
    for answer in report.answers.values():
        if isinstance(answer.value, tuple):
            for entry in answer.value:
                words += getattr(entry, "involves", ())
    names = [w for w in words if w.casefold() not in {*INVOLVED, *CUSTOMER_WORDS, *CANDIDATE_WORDS}]
    colleague = report.answers.get(COLLEAGUE_DETAIL)
    if colleague is not None and isinstance(colleague.value, str):
        names += [colleague.value.strip(), *_NAME_PART.findall(colleague.value)]
    return tuple(dict.fromkeys(name for name in names if name.strip()))


def hide_names(text: str, names: Iterable[str]) -> str:
    """The text with every name (a whole word, in any case) replaced by "en kollega" ("En kollega"
    at the start of a sentence)."""
    wanted = sorted({name for name in names if name.strip()}, key=len, reverse=True)
    if not wanted or not text:
        return text
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(name) for name in wanted) + r")(?!\w)", re.IGNORECASE
    )

    def replace(found: re.Match[str]) -> str:
        before = text[: found.start()].rstrip(" \t")
        return COLLEAGUE.capitalize() if not before or before[-1] in ".!?\n:" else COLLEAGUE

    return pattern.sub(replace, text)
