"""Checks of single questions against the question-type table, and finishing a question with its
scale labels and default value."""

from __future__ import annotations

from dataclasses import replace

import yaml

from intervjufas.errors import AnswerError
from intervjufas.files.safe_yaml import is_null, plain_value
from intervjufas.model.question_types.table import TEXT, TYPE_KEYS
from intervjufas.model.questions import PHASES, Question
from intervjufas.questionsets.drafts import QuestionDraft
from intervjufas.questionsets.format_keys import listed
from intervjufas.questionsets.node_reader import NodeReader


def check_type_keys(r: NodeReader, draft: QuestionDraft) -> None:
    """Keys a question's type may not use, keys it must have, and the scale's bounds."""
    entry, nodes = draft.kind, draft.nodes
    if entry is None:
        return
    kind = entry.name
    for key in entry.required_keys:
        if key not in nodes:
            *first, last = PHASES
            needed = (
                f"nyckeln 'fas' ({', '.join(first)} eller {last})" if key == "fas" else f"en lista '{key}'"
            )
            r.error(draft.node, f"frågor av typen '{kind}' behöver {needed}")
    if "val" in nodes and "val" in entry.keys and "choices" not in draft.missing and not draft.values.choices:
        r.error(nodes["val"], "listan 'val' är tom")
    for key, types in TYPE_KEYS.items():
        if key in nodes and kind not in types:
            word = "typen" if len(types) == 1 else "typerna"
            r.error(nodes[key], f"'{key}' används bara av {word} {listed(types)}")
    if "min" in entry.keys and not {"scale_min", "scale_max"} & draft.missing:
        low, high = draft.values.scale_min, draft.values.scale_max
        if low >= high:
            r.error(
                nodes.get("min") or nodes.get("max") or draft.node,
                f"skalans min ({low}) måste vara mindre än max ({high})",
            )
        elif high - low > 10:
            r.error(nodes.get("max") or draft.node, f"skalan {low}–{high} är för lång; högst 11 steg")
    if "kundrubrik" in nodes and entry.is_rating:
        r.error(
            nodes["kundrubrik"],
            f"'kundrubrik' kan inte användas på betygsfrågor (typen {kind}): kundversionen visar inga betyg",
        )
    if draft.step_index is None and (not entry.in_metadata or draft.values.comment or "plan" in nodes):
        r.error(draft.node, "metadatafrågor kan inte ha typen atgarder, kommentar eller plan")


def check_metadata(r: NodeReader, drafts: list[QuestionDraft], node: yaml.Node) -> None:
    uppdrag = next((d for d in drafts if d.id == "uppdrag"), None)
    if uppdrag is None:
        r.error(node, "metadata måste innehålla frågan 'uppdrag' (den ger rapportens namn)")
    elif "typ" in uppdrag.nodes and uppdrag.kind not in (None, TEXT):
        r.error(uppdrag.node, "frågan 'uppdrag' ska ha typen text")


def finish_question(r: NodeReader, draft: QuestionDraft, question: Question) -> Question:
    """The question with its scale labels and default, and a warning for a hidden required one."""
    question = _with_labels(r, draft, question)
    question = _with_default(r, draft, question)
    if question.required and question.condition is not None and question.default is None:
        r.warn(
            draft.node,
            f"den obligatoriska frågan '{question.id}' döljs av ett villkor utan standardvärde",
        )
    return question


def _with_labels(r: NodeReader, draft: QuestionDraft, question: Question) -> Question:
    labels_node = draft.nodes.get("etiketter")
    if labels_node is None:
        return question
    labels = []
    if not isinstance(labels_node, yaml.MappingNode):
        r.error(labels_node, "'etiketter' ska vara en mappning, t.ex. {1: Mycket dåligt, 5: Mycket bra}")
    else:
        for key_node, value_node in labels_node.value:
            number = r.integer(key_node, "etiketter")
            text = r.text(value_node, "etiketter")
            if number is None or text is None:
                continue
            if not question.scale_min <= number <= question.scale_max:
                r.error(
                    key_node,
                    f"etiketten {number} ligger utanför skalan {question.scale_min}–{question.scale_max}",
                )
            labels.append((number, text))
    return replace(question, scale_labels=tuple(sorted(labels)))


def _with_default(r: NodeReader, draft: QuestionDraft, question: Question) -> Question:
    default_node = draft.nodes.get("standard")
    if default_node is None or is_null(default_node):
        return question
    entry = question.kind
    raw = plain_value(default_node)
    if isinstance(raw, bool) and entry.text_valued:
        raw = default_node.value
    try:
        return replace(question, default=entry.stored_default(question, raw))
    except AnswerError as error:
        r.error(default_node, f"standardvärdet passar inte frågan: {error}")
        return question
