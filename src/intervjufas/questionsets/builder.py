"""Building a questionnaire from a question file's node tree: steps, groups and questions.

The builder walks the file once, reads every question into a draft, then resolves conditions
(which may refer to any earlier question) and finishes each question with its labels and default.
Every problem goes to the node reader's diagnostics; the result is None when there were errors.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import yaml

from intervjufas.files.safe_yaml import position
from intervjufas.model.conditions import Condition
from intervjufas.model.question_types.table import QUESTION_TYPES, TYPES
from intervjufas.model.questionnaire import Questionnaire, Step
from intervjufas.model.questions import PHASES, PLAN_KINDS, Group, Question
from intervjufas.questionsets.condition_reader import ConditionReader
from intervjufas.questionsets.drafts import QuestionDraft
from intervjufas.questionsets.format_keys import GROUP_KEYS, QUESTION_KEYS, SET_KEYS, STEP_KEYS
from intervjufas.questionsets.node_reader import NodeReader
from intervjufas.questionsets.question_checks import check_metadata, check_type_keys, finish_question


class Builder:
    def __init__(self, reader: NodeReader) -> None:
        self.r = reader
        self.drafts: list[QuestionDraft] = []
        self.step_meta: list[dict[str, Any]] = []
        self.group_ids: dict[str, yaml.Node] = {}

    def build(self, root: yaml.Node, content_hash: str) -> Questionnaire | None:
        r = self.r
        top = r.keyed(root, SET_KEYS, "frågeuppsättningen")
        if top is None:
            return None
        set_id = r.ident(top["id"], "id") if "id" in top else None
        version = r.integer(top["version"], "version") if "version" in top else None
        if version is not None and version < 1:
            r.error(top["version"], "'version' ska vara 1 eller högre")
        title = r.text(top["titel"], "titel") if "titel" in top else None
        description = r.text(top["beskrivning"], "beskrivning") if "beskrivning" in top else ""
        closing = r.text(top["avslutning"], "avslutning") if "avslutning" in top else ""
        if "metadata" in top:
            for node in r.sequence(top["metadata"], "metadata"):
                self._question(node, None, None)
            check_metadata(r, [d for d in self.drafts if d.step_index is None], top["metadata"])
        if "steg" in top:
            for index, node in enumerate(r.sequence(top["steg"], "steg")):
                self._step(node, index)
        self._check_ids()
        conditions = ConditionReader(r, self.drafts).read_all()
        questions = self._questions(conditions)
        if r.has_errors:
            return None
        return Questionnaire(
            id=set_id or "",
            version=version or 1,
            title=title or "",
            description=description or "",
            closing=closing or "",
            metadata=tuple(q for d, q in zip(self.drafts, questions, strict=True) if d.step_index is None),
            steps=tuple(self._steps(questions)),
            content_hash=content_hash,
        )

    def _steps(self, questions: list[Question]) -> list[Step]:
        steps = []
        for index, meta in enumerate(self.step_meta):
            steps.append(
                Step(
                    id=meta["id"],
                    number=index + 1,
                    label=meta.get("etikett") or f"Steg {index + 1}",
                    title=meta["titel"],
                    lead=meta.get("ingress") or "",
                    questions=tuple(
                        q for d, q in zip(self.drafts, questions, strict=True) if d.step_index == index
                    ),
                )
            )
        return steps

    # -- structure ----------------------------------------------------------------------------
    def _step(self, node: yaml.Node, index: int) -> None:
        r = self.r
        keys = r.keyed(node, STEP_KEYS, f"steg {index + 1}")
        if keys is None:
            return
        meta: dict[str, Any] = {"node": node}
        if "id" in keys:
            meta["id"] = r.ident(keys["id"], "id")
        for name in ("etikett", "titel", "ingress"):
            if name in keys:
                meta[name] = r.text(keys[name], name)
        self.step_meta.append(meta)
        if "fragor" in keys:
            for item in r.sequence(keys["fragor"], "fragor"):
                if _is_group(item):
                    self._group(item, index)
                else:
                    self._question(item, None, index)

    def _group(self, node: yaml.Node, step_index: int) -> None:
        r = self.r
        keys = r.keyed(node, GROUP_KEYS, "en grupp")
        if keys is None:
            return
        group_id = r.ident(keys["grupp"], "grupp") if "grupp" in keys else None
        if group_id is not None:
            if group_id in self.group_ids:
                r.error(
                    keys["grupp"],
                    f"gruppen '{group_id}' finns redan (rad {position(self.group_ids[group_id])[0]})",
                )
            self.group_ids[group_id] = keys["grupp"]
        title = r.text(keys["rubrik"], "rubrik") if "rubrik" in keys else None
        text = r.text(keys["text"], "text") if "text" in keys else None
        if not title and not text:
            r.error(node, "en grupp behöver 'rubrik' eller 'text'")
        group = Group(group_id or "", title or text or "", text or "")
        if "fragor" in keys:
            for item in r.sequence(keys["fragor"], "fragor"):
                if _is_group(item):
                    r.error(item, "grupper kan inte ligga i grupper")
                else:
                    self._question(item, group, step_index)

    def _question(self, node: yaml.Node, group: Group | None, step_index: int | None) -> None:
        r = self.r
        keys = r.keyed(node, QUESTION_KEYS, "en fråga")
        if keys is None:
            return
        draft = QuestionDraft(node, keys, group, step_index, order=len(self.drafts))
        for spec in QUESTION_KEYS:
            if spec.name in keys and spec.attr:
                draft.set(spec.attr, self._value(spec.kind, keys[spec.name], spec.name))
        self.drafts.append(draft)
        check_type_keys(r, draft)

    def _value(self, kind: str, node: yaml.Node, key: str) -> Any:
        r = self.r
        if kind == "type":  # (the one place a type is looked up by its name)
            name = r.one_of(node, key, QUESTION_TYPES, "typ")
            return None if name is None else TYPES[name]
        if kind == "plan":
            return r.one_of(node, key, list(PLAN_KINDS), "plan")
        if kind == "phase":
            return r.one_of(node, key, list(PHASES), "fas")
        if kind == "texts":
            values = r.texts(node, key)
            return None if values is None else tuple(values)
        readers = {"ident": r.ident, "text": r.text, "line": r.line, "bool": r.boolean, "int": r.integer}
        return readers[kind](node, key)

    def _check_ids(self) -> None:
        seen: dict[str, yaml.Node] = {}
        for draft in self.drafts:
            qid = draft.id
            if qid is None:
                continue
            if qid in seen:
                self.r.error(draft.nodes["id"], f"id '{qid}' används redan (rad {position(seen[qid])[0]})")
            else:
                seen[qid] = draft.nodes["id"]
        step_ids: dict[str, yaml.Node] = {}
        for meta in self.step_meta:
            sid = meta.get("id")
            if sid is None:
                continue
            if sid in step_ids:
                self.r.error(meta["node"], f"steget '{sid}' finns redan (rad {position(step_ids[sid])[0]})")
            step_ids[sid] = meta["node"]

    def _questions(self, conditions: dict[int, Condition | None]) -> list[Question]:
        questions = []
        for draft in self.drafts:
            step_id = None if draft.step_index is None else self.step_meta[draft.step_index].get("id")
            question = replace(draft.question(), condition=conditions.get(draft.order), step_id=step_id)
            questions.append(finish_question(self.r, draft, question))
        return questions


def _is_group(node: yaml.Node) -> bool:
    return isinstance(node, yaml.MappingNode) and any(k.value == "grupp" for k, _ in node.value)
