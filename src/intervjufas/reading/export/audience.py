"""Whom the customer version speaks about: which of a process map's "Berör" words mean the customer
or the candidate, whom each planned change of a report involves, and which names are the
consultant's colleagues (never shown to the customer).

A moment involves the customer when one of its words is the customer's: ``kunden``,
``arbetsgivaren`` and their forms, or a role on the customer's side – ``lagerchefen``, ``rekryterande
chef``, ``HR``, ``HR-ansvarig``, ``ledningen``, ``teamledare``, ``handledare`` … (``CUSTOMER_ROLES``,
matched on the stems of each part of the word, in any case). It involves the candidate when one is
the candidate's (``kandidaten``, ``deltagaren`` …). Every other word typed under "Berör" – a
colleague's name, "teamet" – is the consultant's own side. Of those, the ones that look like a
person's name (each part capitalised, ``Ahmed``, ``Anna Berg``; or, as older reports wrote every
word in lower case, one the report's own text writes capitalised) are colleagues' names, as are the
assignment's ``kollega`` and each part of it; they are replaced by "en kollega" wherever the
customer version would show them.

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
# Roles on the customer's side, as stems: a part of a word that starts with one of these …
CUSTOMER_ROLES = (
    "arbetsgivar", "kundens", "hr", "vd", "rekryterande", "anställande", "beställar", "uppdragsgivar",
    "personalavdelning", "personalansvarig",
)  # fmt: skip
# … or holds one of these (compounds too: "lagerchefen", "teamledare", "företagsledningen").
CUSTOMER_ROLES_WITHIN = ("chef", "ledare", "ledning")
COLLEAGUE = "en kollega"
COLLEAGUE_DETAIL = "kollega"  # the detail of the assignment that names the colleague
_NAME_PART = re.compile(r"\w{2,}")
_WORD_PART = re.compile(r"[^\W\d_]+")


def is_customer_role(word: str) -> bool:
    """Does a "Berör" word name the customer or a role on the customer's side?"""
    if word.strip().casefold() in CUSTOMER_WORDS:
        return True
    return any(
        part.startswith(CUSTOMER_ROLES) or any(stem in part for stem in CUSTOMER_ROLES_WITHIN)
        for part in _WORD_PART.findall(word.casefold())
    )


def looks_like_name(word: str) -> bool:
    """Is a "Berör" word written as a person's name: each part capitalised ("Ahmed", "Anna-Karin
    Berg"), and no role of the customer's?"""
    parts = _WORD_PART.findall(word)
    return (
        bool(parts)
        and all(part[0].isupper() and (len(part) == 1 or part[1:].islower()) for part in parts)
        and not is_customer_role(word)
    )


def involves_customer(involves: Iterable[str]) -> bool:
    return any(is_customer_role(word) for word in involves)


def meets_customer(involves: Iterable[str]) -> bool:
    """Does a moment with these "Berör" words happen with the customer or the candidate?"""
    return any(is_customer_role(word) or word.casefold() in CANDIDATE_WORDS for word in involves)


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
    """The names of the consultant's colleagues in a report: the "Berör" words of its map and plan
    that look like a person's name (or, written in lower case, that its own text writes
    capitalised), and the assignment's colleague (the whole name and each part of it). Roles on the
    customer's side and the program's own words are never names."""
    words: list[str] = []
    texts: list[str] = []
    for answer in report.answers.values():
        if isinstance(answer.value, str):
            texts.append(answer.value)
        elif isinstance(answer.value, tuple):
            for entry in answer.value:
                words += getattr(entry, "involves", ())
                texts += [str(getattr(entry, field, "")) for field in ("name", "moment", "note", "why")]
    written = " ".join(texts)
    names = [
        w
        for w in words
        if w.casefold() not in {*INVOLVED, *CANDIDATE_WORDS}
        and not is_customer_role(w)
        and (looks_like_name(w) or (w.islower() and _written_capitalised(w, written)))
    ]
    colleague = report.answers.get(COLLEAGUE_DETAIL)
    if colleague is not None and isinstance(colleague.value, str):
        names += [colleague.value.strip(), *_NAME_PART.findall(colleague.value)]
    return tuple(dict.fromkeys(name for name in names if name.strip()))


def _written_capitalised(word: str, text: str) -> bool:
    """Does the text write this lower-case word as a name somewhere (each part capitalised)?"""
    spelled = " ".join(part.capitalize() for part in word.split(" "))
    return bool(re.search(r"(?<!\w)" + re.escape(spelled) + r"(?!\w)", text))


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
