"""Loading a question file: decode, parse with positions, refuse non-plain YAML, build the set.

Every problem is collected with its line and column, so ``validera`` can show them all at once and
loading for a session fails with the same messages.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace

import yaml

from intervjufas.errors import Diagnostic, QuestionSetError, YamlSourceError
from intervjufas.files.safe_yaml import YamlValue, compose, decode_utf8, forbidden_tags, plain_value, show_tag
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.questionsets.builder import Builder
from intervjufas.questionsets.format_keys import PRESENTATION_KEYS
from intervjufas.questionsets.node_reader import NodeReader


def read_question_set(data: bytes, file: str) -> tuple[Questionnaire | None, list[Diagnostic]]:
    """Check a question file and build the set; the set is None when there are errors."""
    try:
        text = decode_utf8(data, file)
        root = compose(text, file)
    except YamlSourceError as error:
        return None, error.diagnostics
    reader = NodeReader(file)
    if root is None:
        reader.diagnostics.append(Diagnostic(1, 1, "filen är tom", file=file))
        return None, reader.diagnostics
    bad_tags = forbidden_tags(root)
    for node in bad_tags:
        reader.error(
            node, f"YAML-taggen '{show_tag(node.tag)}' är inte tillåten; bara vanliga värden får användas"
        )
    if bad_tags:
        return None, sorted(reader.diagnostics)
    questionnaire = Builder(reader).build(root, content_hash(root))
    diagnostics = sorted(reader.diagnostics)
    if any(d.is_error for d in diagnostics):
        return None, diagnostics
    assert questionnaire is not None
    return replace(questionnaire, source=file), diagnostics


def load_question_set(data: bytes, file: str) -> Questionnaire:
    """Build a set or raise QuestionSetError with all its errors."""
    questionnaire, diagnostics = read_question_set(data, file)
    if questionnaire is None:
        raise QuestionSetError([d for d in diagnostics if d.is_error])
    return questionnaire


def content_hash(root: yaml.Node) -> str:
    """A checksum of what the set asks: its plain data without the presentation-only keys of its
    questions (``format_keys.PRESENTATION_KEYS``), so that adding a customer heading, say, does not
    stop reports made with the set from being continued."""
    canonical = json.dumps(
        _without_presentation(plain_value(root)), sort_keys=True, ensure_ascii=False, default=str
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def _without_presentation(data: YamlValue) -> YamlValue:
    """The set's data with the presentation-only keys removed from every question (metadata,
    steps and groups); anything not shaped like a valid set is left as it is."""
    if not isinstance(data, dict):
        return data
    cleaned = dict(data)
    if "metadata" in data:
        cleaned["metadata"] = _questions(data["metadata"])
    steps = data.get("steg")
    if isinstance(steps, list):
        cleaned["steg"] = [
            {**step, "fragor": _questions(step["fragor"])}
            if isinstance(step, dict) and "fragor" in step
            else step
            for step in steps
        ]
    return cleaned


def _questions(items: YamlValue) -> YamlValue:
    if not isinstance(items, list):
        return items
    cleaned = []
    for item in items:
        if isinstance(item, dict) and "grupp" in item and "fragor" in item:
            item = {**item, "fragor": _questions(item["fragor"])}
        elif isinstance(item, dict):
            item = {key: value for key, value in item.items() if key not in PRESENTATION_KEYS}
        cleaned.append(item)
    return cleaned
