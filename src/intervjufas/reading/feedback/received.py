"""What the customer and the candidates answered about one report, as every reader shows it: the
form made from the report, an import turned into what is kept beside the report, and the kept
answers summed up (with the minimum-count rule) beside the consultant's own ratings.

Why one place: ``enkat`` writes the answers, ``visa`` and the exports show them in "Kund- och
kandidatupplevelse", the Steg 3 reflection of a later mapping shows them before the consultant
rates, ``trend`` draws them over time, and the team's map pools the ratings per moment over the
team's reports (``ratings_per_moment``). Each reads the same kept file through the same rules.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from intervjufas.folder.loading import LoadedReport
from intervjufas.folder.survey_answers import (
    Added,
    StoredForm,
    StoredItem,
    StoredResponse,
    add_answers,
    read_answers,
)
from intervjufas.model.answers import display
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.model.questions import PHASES
from intervjufas.reading.feedback.aggregate import FeedbackResult, ItemResult, summarise
from intervjufas.reading.feedback.csv_import import FeedbackImport
from intervjufas.reading.feedback.forms import (
    AUDIENCES,
    SCALE,
    TEXT,
    Audience,
    Form,
    FormItem,
    FormQuestion,
    FormSection,
    Scale,
    build_form,
    builtin_form_set,
)
from intervjufas.reading.feedback.pairing import paired_ratings
from intervjufas.reading.feedback.values import Response
from intervjufas.report.process_map.report_map import has_map, mapped_moments


def report_form(loaded: LoadedReport, audience: str, form_set: Questionnaire | None = None) -> Form:
    """The form for ``audience`` ("kandidat" or "kund") drawn from the report's map and facts."""
    chosen = AUDIENCES[audience]
    questionnaire = loaded.questionnaire
    moments = (
        mapped_moments(loaded.report, questionnaire)
        if questionnaire is not None and has_map(questionnaire)
        else {}
    )
    facts = {key: display(answer.value) for key, answer in loaded.report.answers.items() if answer.value is not None}
    return build_form(form_set or builtin_form_set(chosen), chosen, moments, facts)


def stored_form(form: Form, responses: Sequence[Response]) -> StoredForm:
    """An import as it is kept beside the report: the questions asked and the answers (no names)."""
    items = []
    for section in form.sections:
        for question in section.questions:
            for item in question.items:
                scale = item.scale or Scale()
                items.append(
                    StoredItem(
                        item.id, item.text, item.kind, section.id, item.phase, item.moment_id, scale.low, scale.high
                    )
                )
    kept = tuple(StoredResponse(r.answers, r.key) for r in responses if r.answers)
    return StoredForm(form.audience.key, form.form_id, form.version, tuple(items), kept)


def kept_form(stored: StoredForm) -> Form:
    """The form as it was asked, rebuilt from what is kept (one section per step it had)."""
    audience = AUDIENCES.get(stored.audience) or Audience(stored.audience, stored.audience, stored.form_id, "", "ni")
    sections: dict[str, list[FormItem]] = {}
    for item in stored.items:
        scale = Scale(item.low, item.high) if item.kind == SCALE else None
        question_id = item.id.split(".", 1)[0] if item.moment_id else item.id
        sections.setdefault(item.section, []).append(
            FormItem(item.id, item.text, item.kind, question_id, item.phase, scale, item.moment_id)
        )
    built = tuple(
        FormSection(
            section,
            PHASES.get(section, ""),
            "",
            "",
            section if section in PHASES else None,
            tuple(FormQuestion(i.id, i.text, "", i.kind if i.kind == TEXT else SCALE, (i,), i.scale) for i in items),
        )
        for section, items in sections.items()
    )
    return Form(stored.form_id, stored.version, "", audience, "", "", "", (), built)


@dataclass(frozen=True)
class Received:
    """One form's answers summed up, and which consultant's rating each result stands beside."""

    audience: str  # "kandidat" or "kund"
    result: FeedbackResult
    beside: Mapping[str, str]  # form item id -> the consultant's rating question id

    def paired(self) -> list[tuple[str, ItemResult]]:
        """(the consultant's rating question id, the form's result) for each pair."""
        return [(rating, found) for item, rating in self.beside.items() if (found := self.result.item(item))]


def received(
    report: Path, minimum: int, mapping_set: Questionnaire | None = None, stored: Mapping[str, StoredForm] | None = None
) -> list[Received]:
    """The answers kept beside ``report``, per form (candidates first), summed up with the
    minimum-count rule. IntervjufasError when the kept file cannot be read."""
    forms = read_answers(report) if stored is None else stored
    found = []
    for audience in sorted(forms, key=lambda key: (key != "kandidat", key)):
        form = kept_form(forms[audience])
        responses = [Response(r.answers, r.key) for r in forms[audience].responses]
        beside = paired_ratings(form, mapping_set) if mapping_set is not None else {}
        found.append(Received(audience, summarise(form, responses, minimum), beside))
    return found


def received_per_moment(report: Path, minimum: int) -> dict[str, dict[str, ItemResult]]:
    """The received experience per moment of the map: audience -> moment id -> the result of the
    form's item about it ("för få svar" below the minimum). For the team's map and the exports."""
    return {found.audience: found.result.by_moment() for found in received(report, minimum)}


@dataclass(frozen=True)
class ImportOutcome:
    """What an import read, and what was kept (None: nothing, as the file had errors)."""

    imported: FeedbackImport
    added: Added | None


def import_answers(report: Path, answers_file: Path, audience: str) -> ImportOutcome:
    """Read a survey export for the report's ``audience`` form and, when it has no errors, keep its
    answers beside the report under the report's lock (``folder.survey_answers.add_answers``)."""
    from intervjufas.folder.loading import load_report
    from intervjufas.reading.feedback.csv_import import read_feedback_file

    form = report_form(load_report(report), audience)
    imported = read_feedback_file(answers_file, form)
    if imported.errors or not imported.responses:
        return ImportOutcome(imported, None)
    return ImportOutcome(imported, add_answers(report, stored_form(form, imported.responses)))


def keep_responses(report: Path, form: Form, responses: Sequence[Response]) -> Added | None:
    """Keep answers typed in (``enkat --skriv-in``) beside the report; None when there are none."""
    if not any(response.answers for response in responses):
        return None
    return add_answers(report, stored_form(form, responses))


def paired_values(report: Path, mapping_set: Questionnaire) -> dict[str, dict[str, list[int]]]:
    """Every rating received for ``report`` that stands beside one of the consultant's: the
    consultant's rating question id -> audience -> the respondents' ratings (for ``trend``, which
    pools them per period before the minimum-count rule)."""
    found: dict[str, dict[str, list[int]]] = {}
    for audience, stored in read_answers(report).items():
        for item_id, rating_id in paired_ratings(kept_form(stored), mapping_set).items():
            values = [v for r in stored.responses for i, v in r.answers if i == item_id and isinstance(v, int)]
            if values:
                found.setdefault(rating_id, {})[audience] = values
    return found


def ratings_per_moment(report: Path) -> dict[str, dict[str, list[int]]]:
    """Every rating received for ``report`` about a moment of its map: audience -> moment id -> the
    respondents' ratings (for the team's map, which pools them over reports before the
    minimum-count rule). Free texts are never read out. IntervjufasError when the kept file cannot
    be read; empty when there is none."""
    found: dict[str, dict[str, list[int]]] = {}
    for audience, stored in read_answers(report).items():
        for item in stored.items:
            if item.kind != SCALE or not item.moment_id:
                continue
            values = [v for r in stored.responses for i, v in r.answers if i == item.id and isinstance(v, int)]
            if values:
                found.setdefault(audience, {}).setdefault(item.moment_id, []).extend(values)
    return found
