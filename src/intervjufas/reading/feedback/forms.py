"""A feedback form for the customer or the candidates of one assignment, built from a form question
set and the report's process map: the questions to print, each answerable item with a stable id.

Why: the form asks the people the process is for how they experienced it, and the answers must
come back to exactly these items – by id, or by the text the survey tool was given – so the form
is plain data that every output (text, e-mail, Markdown, HTML) draws and the importer reads.

A form set is an ordinary question set (``questions/enkater/``) read with these rules:

- its metadata questions are not asked: each takes the report's answer to the question with the
  same id, and is shown on the form under its ``kundrubrik`` (a question without one is not shown);
- a ``skala`` question is one item on its own scale; a ``text`` or ``langtext`` question one free
  text item;
- a ``moment`` question with ``fas`` is one optional item per moment of that phase on the map that
  involves the respondent (``Moment.involves``), on the scale of the step's first ``skala``
  question (1–5 when it has none); the item's id is the question's id, a dot and the moment's id;
- a step whose id is a phase (``fore``, ``under``, ``efter``) is about that phase.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from intervjufas.errors import IntervjufasError
from intervjufas.model.answers import Moment
from intervjufas.model.question_types.scale import ScaleType
from intervjufas.model.question_types.text import LongTextType
from intervjufas.model.questionnaire import Questionnaire, Step
from intervjufas.model.questions import PHASES, Question

SCALE, TEXT, MOMENTS = "skala", "text", "moment"  # what a form item is; a row of moments
FORM_TYPES = ("skala", "text", "langtext", "moment")  # the question types a form may have
FOLDER = "enkater"  # the built-in forms, inside the package's question folder


@dataclass(frozen=True)
class Audience:
    """Whom a form is for: the command's word, whom a moment involves, and the built-in form."""

    key: str  # "kandidat" or "kund" (``--for``)
    involved: str  # "kandidaten" or "kunden" (``model.answers.INVOLVED``)
    form_id: str
    file: str  # the built-in form's file in ``questions/enkater``
    address: str  # how the form speaks to its respondents: "du" (one person) or "ni" (an organisation)


AUDIENCES = {
    "kandidat": Audience("kandidat", "kandidaten", "enkat_kandidat", "kandidat.yaml", "du"),
    "kund": Audience("kund", "kunden", "enkat_kund", "kund.yaml", "ni"),
}


@dataclass(frozen=True)
class Scale:
    low: int = 1
    high: int = 5
    labels: tuple[tuple[int, str], ...] = ()

    @property
    def steps(self) -> range:
        return range(self.low, self.high + 1)

    def label(self, number: int) -> str:
        return dict(self.labels).get(number, "")


@dataclass(frozen=True)
class FormItem:
    """One answer a respondent can give: a number on a scale or a free text."""

    id: str  # the question's id, or "<question id>.<moment id>" for a moment of the map
    text: str  # the question's text, or the moment's name
    kind: str  # SCALE or TEXT
    question_id: str
    phase: str | None = None  # the phase of the process it is about, if any
    scale: Scale | None = None
    moment_id: str = ""

    @cached_property
    def question(self) -> Question:
        """A question that checks an answer to the item exactly as an answers file is checked."""
        if self.kind == TEXT:
            return Question(self.id, self.text, LongTextType())
        scale = self.scale or Scale()
        return Question(
            self.id, self.text, ScaleType(), scale_min=scale.low, scale_max=scale.high, scale_labels=scale.labels
        )


@dataclass(frozen=True)
class FormQuestion:
    """A question as printed: one item, or (for the map's moments) a row per moment."""

    id: str
    text: str
    help: str
    kind: str  # SCALE, TEXT or "moment"
    items: tuple[FormItem, ...]
    scale: Scale | None = None


@dataclass(frozen=True)
class FormSection:
    id: str
    label: str
    title: str
    lead: str
    phase: str | None
    questions: tuple[FormQuestion, ...]


@dataclass(frozen=True)
class Form:
    form_id: str
    version: int
    content_hash: str
    audience: Audience
    title: str
    intro: str
    closing: str
    facts: tuple[tuple[str, str], ...]  # (heading, value) from the report, shown on the form
    sections: tuple[FormSection, ...]

    def items(self) -> Iterator[FormItem]:
        for section in self.sections:
            for question in section.questions:
                yield from question.items

    def item(self, item_id: str) -> FormItem | None:
        return next((item for item in self.items() if item.id == item_id), None)

    @property
    def moments_asked(self) -> tuple[FormItem, ...]:
        return tuple(item for item in self.items() if item.moment_id)


def builtin_form_set(audience: Audience) -> Questionnaire:
    """The built-in form set for the audience (``questions/enkater``)."""
    from importlib import resources

    from intervjufas.questionsets.loader import load_question_set

    data = resources.files("intervjufas.questions").joinpath(FOLDER, audience.file).read_bytes()
    return load_question_set(data, f"{FOLDER}/{audience.file} (inbyggd)")


def build_form(
    form_set: Questionnaire,
    audience: Audience,
    moments: Mapping[str, Sequence[Moment]],
    facts: Mapping[str, str],
) -> Form:
    """The form for one report: ``moments`` is its map (phase → moments, as
    ``reports.process_map.map_of`` gives it), ``facts`` its metadata answers as text by id."""
    check_form_set(form_set)
    shown = tuple(
        (q.customer_heading, facts[q.id].strip())
        for q in form_set.metadata
        if q.customer_heading and facts.get(q.id, "").strip()
    )
    sections = []
    for step in form_set.steps:
        phase = step.id if step.id in PHASES else None
        questions = tuple(
            question
            for question in (_form_question(q, step, phase, audience, moments) for q in step.questions)
            if question.items
        )
        if questions:
            sections.append(FormSection(step.id, step.label, step.title, step.lead, phase, questions))
    return Form(
        form_set.id,
        form_set.version,
        form_set.content_hash,
        audience,
        form_set.title,
        form_set.description,
        form_set.closing,
        shown,
        tuple(sections),
    )


def check_form_set(form_set: Questionnaire) -> None:
    """Refuse what a printed form cannot ask: other question types, conditions, plan keys."""
    for step in form_set.steps:
        for question in step.questions:
            if form_kind(question) is None:
                allowed = ", ".join(FORM_TYPES[:-1]) + f" och {FORM_TYPES[-1]}"
                raise IntervjufasError(
                    f"Enkäten '{form_set.id}' har frågan '{question.id}' av typen '{question.kind.name}'; "
                    f"en enkät kan bara ha typerna {allowed}."
                )
            if question.condition is not None or question.plan:
                key = "villkor" if question.condition is not None else "plan"
                raise IntervjufasError(
                    f"Enkäten '{form_set.id}': frågan '{question.id}' har '{key}', som en utskriven "
                    "enkät inte kan följa."
                )


def _form_question(
    question: Question,
    step: Step,
    phase: str | None,
    audience: Audience,
    moments: Mapping[str, Sequence[Moment]],
) -> FormQuestion:
    kind = form_kind(question)
    if kind == MOMENTS:
        scale = step_scale(step)
        about = question.phase or phase
        rows = tuple(
            FormItem(f"{question.id}.{key}", moment.name, SCALE, question.id, about, scale, key)
            for key, moment in involving(moments.get(about or "", ()), audience.involved)
        )
        return FormQuestion(question.id, question.text, question.help, MOMENTS, rows, scale)
    if kind == TEXT:
        item = FormItem(question.id, question.text, TEXT, question.id, phase)
        return FormQuestion(question.id, question.text, question.help, TEXT, (item,))
    scale = scale_of(question)
    item = FormItem(question.id, question.text, SCALE, question.id, phase, scale)
    return FormQuestion(question.id, question.text, question.help, SCALE, (item,), scale)


def form_kind(question: Question) -> str | None:
    """What a question of a form set asks: MOMENTS (a row per moment of the map), SCALE, TEXT, or
    None for a question type a printed form cannot ask."""
    if question.kind.maps_process:
        return MOMENTS
    if question.kind.is_rating:
        return SCALE
    return TEXT if question.kind.free_text else None


def scale_of(question: Question) -> Scale:
    return Scale(question.scale_min, question.scale_max, question.scale_labels)


def step_scale(step: Step) -> Scale:
    """The scale of the step's first ``skala`` question, or 1–5 without labels."""
    first = next((q for q in step.questions if q.kind.is_rating), None)
    return scale_of(first) if first is not None else Scale()


def involving(moments: Sequence[Moment], involved: str) -> list[tuple[str, Moment]]:
    """The moments that involve ``involved``, each with its key (its id; for a moment written
    without one, a digest of its name), once each, in map order."""
    chosen: dict[str, Moment] = {}
    for moment in moments:
        if involved in moment.involves:
            chosen.setdefault(moment_key(moment), moment)
    return list(chosen.items())


def moment_key(moment: Moment) -> str:
    if moment.id:
        return moment.id
    digest = hashlib.sha256(" ".join(moment.name.split()).casefold().encode("utf-8")).hexdigest()
    return f"n{digest[:8]}"
