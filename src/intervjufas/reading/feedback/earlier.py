"""What the customer and the candidates answered about the latest earlier assignment for the same
customer, as a few plain lines for a later mapping's reflection before the consultant rates.

Why: the consultant's rating of the experience is a guess; the last time's received answers are the
best check on it. Only reports that have answers kept beside them are read in full (the folder is
scanned through the header index, which a session has usually scanned already).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from intervjufas.errors import IntervjufasError
from intervjufas.folder.finding import same_customer
from intervjufas.folder.loading import load_report
from intervjufas.folder.scan import read_headers, sort_key
from intervjufas.folder.survey_answers import answer_files, answers_path
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.reading.feedback.aggregate import TOO_FEW
from intervjufas.reading.feedback.forms import SCALE
from intervjufas.reading.feedback.received import Received, received
from intervjufas.reading.feedback.summary_text import result_words, who
from intervjufas.report.model import Report


def latest_with_answers(folder: Path, report: Report) -> Path | None:
    """The newest other report for ``report``'s customer with survey answers kept beside it."""
    customer = report.text("kund")
    kept = {path.name for path in answer_files(folder)}
    if not customer or not kept:
        return None
    headers, _ = read_headers(folder)
    found = [
        (sort_key(path, header), path)
        for path, header in headers
        if answers_path(path).name in kept
        and header.report_id != report.report_id
        and same_customer(str(header.fact("kund") or ""), customer)
    ]
    return max(found)[1] if found else None


def earlier_feedback_lines(folder: Path, report: Report, minimum: int) -> list[str]:
    """Plain lines on the latest earlier answers for the same customer; none when there are none
    (or they cannot be read: a session goes on without them)."""
    path = latest_with_answers(folder, report)
    if path is None:
        return []
    try:
        loaded = load_report(path, in_folder=True)
        found = received(path, minimum, loaded.questionnaire)
    except IntervjufasError:
        return []
    own = {key: a.value for key, a in loaded.report.answers.items() if isinstance(a.value, int)}
    lines = [f"Så svarade kunden och kandidaterna på enkäterna efter {loaded.report.date} ({path.name}):"]
    for each in found:
        lines += reflection_lines(each, own, loaded.questionnaire)
    return lines


def reflection_lines(
    found: Received, own: Mapping[str, int | None], questionnaire: Questionnaire | None
) -> Sequence[str]:
    """One form's results in plain lines: each rating beside the consultant's own, then how many
    free texts there are (they are read with ``visa``)."""
    result = found.result
    if result.too_few:
        return [f"  {who(found.audience)}: {TOO_FEW} (färre än {result.minimum})."]
    lines = [f"  {who(found.audience)} ({result.respondents} svar):"]
    for item in result.items:
        if item.item.kind != SCALE or item.item.moment_id:
            continue
        rating_id = found.beside.get(item.item.id)
        question = questionnaire.question(rating_id) if questionnaire is not None and rating_id else None
        mine = own.get(rating_id) if rating_id else None
        yours = f" – ditt betyg då: {mine}" if mine is not None and question is not None else ""
        lines.append(f"    {item.item.text}: {result_words(item)}{yours}")
    texts = sum(len(item.texts) for item in result.items)
    if texts:
        lines.append(f"    {texts} fritextsvar (visa rapporten för att läsa dem).")
    return lines
