"""The received answers as Markdown, for the places the report's own text is shown: a line beside
each of the consultant's ratings, and a section with every result of the forms.

Why here and not in a view: ``visa`` shows the report as Markdown parts made in ``reading``
(``shown_report``), and the same words go into the exports' document and the later mapping's
reflection, so they are made once. The minimum-count rule is already applied (``aggregate``): a
hidden result is only "för få svar", and a free text is shown without what the detector finds.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from intervjufas.model.markdown_text import CURRENT
from intervjufas.model.questions import PHASES
from intervjufas.reading.feedback.aggregate import SPREAD_NAME, TOO_FEW, ItemResult
from intervjufas.reading.feedback.forms import SCALE
from intervjufas.reading.feedback.received import Received

WHO = {"kandidat": "Kandidaterna", "kund": "Kunden"}
HEADING = "Kund- och kandidatupplevelse enligt enkäterna"


def number(value: float) -> str:
    """A number as Swedish text: 4, 3,5."""
    return f"{value:g}".replace(".", ",")


def who(audience: str) -> str:
    return WHO.get(audience, audience.capitalize())


def result_words(found: ItemResult) -> str:
    """'median 4 av 5 (5 svar, kvartilavstånd 1)', 'för få svar', or the count of free texts."""
    if found.too_few:
        return TOO_FEW
    rating = found.rating
    if rating is None:
        return f"{len(found.texts)} svar"
    high = found.item.scale.high if found.item.scale is not None else rating.highest
    return (
        f"median {number(rating.median)} av {high} "
        f"({rating.count} svar, {SPREAD_NAME} {number(rating.spread)})"
    )


def beside_rating(received: Sequence[Received]) -> dict[str, list[str]]:
    """The consultant's rating question id -> Markdown lines with what the forms' respondents
    answered to the same question (one per form that asked it)."""
    lines: dict[str, list[str]] = {}
    for found in received:
        for rating_id, result in found.paired():
            lines.setdefault(rating_id, []).append(f"**{who(found.audience)} svarade (enkät):** {result_words(result)}")
    return lines


def summary_lines(received: Sequence[Received], own: Mapping[str, int | None] | None = None) -> list[str]:
    """A section with every form's results: the consultant's own rating beside theirs, the
    moments of the map and the free texts. ``own``: the consultant's ratings by question id."""
    if not received:
        return []
    lines = [f"## {HEADING}", ""]
    for found in received:
        result = found.result
        heading = f"### {who(found.audience)}"
        if result.too_few:
            lines += [heading, "", f"{TOO_FEW.capitalize()} (färre än {result.minimum}); inget visas.", ""]
            continue
        lines += [f"{heading} ({result.respondents} svar)", ""]
        rated = found.beside  # (form item id -> the consultant's rating question id)
        for item in result.items:
            if item.item.kind != SCALE:
                continue
            about = PHASES.get(item.item.phase or "", "")
            where = f" ({about.lower()})" if about and item.item.moment_id else ""
            line = f"- {CURRENT.inline(item.item.text)}{where}: {result_words(item)}"
            value = (own or {}).get(rated.get(item.item.id, ""))
            if item.item.id in rated and value is not None:
                line += f" – ditt eget betyg: {value}"
            lines.append(line)
        texts = [text for item in result.items if item.item.kind != SCALE and not item.too_few for text in item.texts]
        if texts:
            lines += ["", "Fritext:", ""] + [f"- {CURRENT.inline(' '.join(text.split()))}" for text in texts]
        lines.append("")
    return lines


_QUESTION_ID = re.compile(r"<!--\s*fraga:\s*([^\s>]+)\s*-->")


def insert_beside(lines: Sequence[str], beside: Mapping[str, list[str]]) -> list[str]:
    """A report's Markdown lines with ``beside``'s lines after the answer of each rating they are
    about (the answer ends where the next heading begins)."""
    if not beside:
        return list(lines)
    result: list[str] = []
    waiting: list[str] = []
    for line in lines:
        if line.startswith("#") and waiting:
            result += [*waiting, ""]
            waiting = []
        result.append(line)
        found = _QUESTION_ID.search(line) if line.startswith("#") else None
        if found and found.group(1) in beside:
            waiting = [part for text in beside[found.group(1)] for part in (text, "")][:-1]
    if waiting:
        result += ["", *waiting]
    return result
