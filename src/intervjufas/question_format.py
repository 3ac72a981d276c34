"""The question-file format: its keys as data, and the loader that checks a file and builds a set.

Every problem is collected with its line and column, so ``validera`` can show them all at once and
loading for a session fails with the same messages.  The key tables below also generate the JSON
Schema (see ``schema.py``), so the schema and the loader cannot drift apart.
"""

from __future__ import annotations

import difflib
import hashlib
import itertools
import json
import re
from dataclasses import dataclass, field, replace
from typing import Any

import yaml

from intervjufas.answers import AnswerError, coerce_value
from intervjufas.conditions import COMBINATORS, OPERATORS, AllOf, AnyOf, Comparison, Condition, Not
from intervjufas.questionnaire import (
    PLAN_KINDS,
    QUESTION_TYPES,
    Group,
    Question,
    Questionnaire,
    Step,
)
from intervjufas.yamlsource import (
    Diagnostic,
    YamlSourceError,
    compose,
    decode_utf8,
    forbidden_tags,
    is_null,
    plain_value,
    position,
    show_tag,
)

ID_PATTERN = r"^[a-z][a-z0-9_]{0,49}$"


@dataclass(frozen=True)
class Key:
    """One key of the format: its name, kind of value, whether required, and a Swedish description."""

    name: str
    kind: str
    required: bool = False
    description: str = ""


SET_KEYS = (
    Key("id", "ident", True, "Frågeuppsättningens id (små bokstäver, siffror, _)."),
    Key("version", "int", True, "Versionsnummer; höj det när du ändrar frågorna."),
    Key("titel", "text", True, "Titel som visas i rapporten."),
    Key("beskrivning", "text", False, "Kort beskrivning som visas i listor."),
    Key("avslutning", "text", False, "Text som visas när alla steg är klara."),
    Key("metadata", "questions", True, "Frågor om uppdraget; 'uppdrag' måste finnas."),
    Key("steg", "steps", True, "Stegen i ordning."),
)
STEP_KEYS = (
    Key("id", "ident", True, "Stegets id."),
    Key("etikett", "text", False, "Kort namn, t.ex. 'Steg 1' (standard: 'Steg N')."),
    Key("titel", "text", True, "Stegets titel, t.ex. 'Före intervjun'."),
    Key("ingress", "text", False, "Inledande text som visas när steget börjar."),
    Key("fragor", "items", True, "Stegets frågor och grupper av frågor."),
)
GROUP_KEYS = (
    Key("grupp", "ident", True, "Gruppens id."),
    Key("rubrik", "text", False, "Kort rubrik för gruppen."),
    Key("text", "text", False, "Gruppens inledande text eller fråga."),
    Key("fragor", "questions", True, "Frågorna i gruppen."),
)
QUESTION_KEYS = (
    Key("id", "ident", True, "Frågans id; stabilt, det knyter svaret till frågan i rapporten."),
    Key("text", "text", True, "Frågans text, ordagrant."),
    Key("typ", "type", True, "Frågetyp."),
    Key("hjalp", "text", False, "Hjälptext som visas vid frågan."),
    Key("kort", "text", False, "Kort etikett för tabeller och diagram."),
    Key("obligatorisk", "bool", False, "Måste frågan besvaras? (standard: false)"),
    Key("standard", "any", False, "Standardsvar; för datum kan 'idag' anges."),
    Key("val", "texts", False, "Valen för typerna val och flerval."),
    Key("kommentar", "bool", False, "Fråga efter en fri kommentar efter valet (val, janej)."),
    Key("min", "int", False, "Skalans lägsta värde (skala, standard 1)."),
    Key("max", "int", False, "Skalans högsta värde (skala, standard 5)."),
    Key("etiketter", "labels", False, "Text till skalans värden, t.ex. {1: Mycket dåligt}."),
    Key("villkor", "condition", False, "Ställ frågan bara när villkoret gäller."),
    Key("plan", "plan", False, "Svaret förs till utvecklingsplanen: lagga_till, utveckla eller ta_bort."),
)
CONDITION_KEYS = (
    Key("fraga", "ident", False, "Id för en tidigare fråga."),
    Key("ar", "any", False, "Svaret är exakt detta värde."),
    Key("ar_inte", "any", False, "Svaret är inte detta värde."),
    Key("en_av", "list", False, "Svaret är ett av värdena."),
    Key("innehaller", "any", False, "Flervalssvaret innehåller värdet."),
    Key("besvarad", "bool", False, "Frågan är (true) eller är inte (false) besvarad."),
    Key("minst", "int", False, "Skalsvaret är minst värdet."),
    Key("hogst", "int", False, "Skalsvaret är högst värdet."),
    Key("alla", "conditions", False, "Alla villkor i listan gäller."),
    Key("nagon", "conditions", False, "Något av villkoren i listan gäller."),
    Key("inte", "condition", False, "Villkoret gäller inte."),
)
TYPE_DESCRIPTIONS = {
    "text": "kort text på en rad",
    "langtext": "längre text på flera rader",
    "janej": "Ja eller Nej",
    "val": "ett val ur listan 'val'",
    "flerval": "ett eller flera val ur listan 'val'",
    "skala": "en siffra på en skala (min–max)",
    "datum": "ett datum (ÅÅÅÅ-MM-DD)",
    "atgarder": "en lista med moment och varför (till utvecklingsplanen)",
}


class QuestionSetError(Exception):
    """A question file with errors; carries every diagnostic."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__(diagnostics[0].format() if diagnostics else "")
        self.diagnostics = diagnostics


def suggest(word: str, options: list[str] | tuple[str, ...]) -> str:
    match = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" – menade du '{match[0]}'?" if match else ""


@dataclass
class _Draft:
    """A question read from the file, before its condition can be resolved against the others."""

    fields: dict[str, Any]
    node: yaml.Node
    condition_node: yaml.Node | None
    group: Group | None
    step_index: int | None  # None for metadata
    order: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


class _Reader:
    def __init__(self, file: str) -> None:
        self.file = file
        self.diagnostics: list[Diagnostic] = []

    # -- reporting ----------------------------------------------------------------------------
    def error(self, node: yaml.Node, message: str) -> None:
        line, column = position(node)
        self.diagnostics.append(Diagnostic(line, column, message, file=self.file))

    def warn(self, node: yaml.Node, message: str) -> None:
        line, column = position(node)
        self.diagnostics.append(Diagnostic(line, column, message, "varning", self.file))

    # -- shapes -------------------------------------------------------------------------------
    def mapping(self, node: yaml.Node, keys: tuple[Key, ...], what: str) -> dict[str, yaml.Node] | None:
        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"{what} ska vara en mappning med nycklar (nyckel: värde)")
            return None
        allowed = [k.name for k in keys]
        found: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            if key in found:
                self.error(key_node, f"nyckeln '{key}' förekommer två gånger i {what}")
            elif key not in allowed:
                self.error(key_node, f"okänd nyckel '{key}' i {what}{suggest(key, allowed)}")
            else:
                found[key] = value_node
        for spec in keys:
            if spec.required and spec.name not in found:
                self.error(node, f"nyckeln '{spec.name}' saknas i {what}")
        return found

    def text(self, node: yaml.Node, key: str) -> str | None:
        if not isinstance(node, yaml.ScalarNode) or is_null(node):
            self.error(node, f"'{key}' ska vara en text")
            return None
        if not node.value.strip():
            self.error(node, f"'{key}' får inte vara tom")
            return None
        return node.value.strip()

    def ident(self, node: yaml.Node, key: str) -> str | None:
        value = self.text(node, key)
        if value is not None and not re.match(ID_PATTERN, value):
            self.error(
                node,
                f"id '{value}' får bara innehålla små bokstäver a–z, siffror och _ "
                "och måste börja med en bokstav",
            )
            return None
        return value

    def integer(self, node: yaml.Node, key: str) -> int | None:
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":int"):
            return int(plain_value(node))
        self.error(node, f"'{key}' ska vara ett heltal")
        return None

    def boolean(self, node: yaml.Node, key: str) -> bool | None:
        if isinstance(node, yaml.ScalarNode):
            if node.tag.endswith(":bool"):
                return bool(plain_value(node))
            if node.value.strip().casefold() in ("ja", "nej"):
                return node.value.strip().casefold() == "ja"
        self.error(node, f"'{key}' ska vara true eller false")
        return None

    def texts(self, node: yaml.Node, key: str) -> list[str] | None:
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, f"'{key}' ska vara en lista")
            return None
        values = []
        for item in node.value:
            value = self.text(item, key)
            if value is None:
                continue
            if "\n" in value:
                self.error(item, f"ett värde i '{key}' får inte innehålla radbrytningar")
            elif value in values:
                self.error(item, f"värdet '{value}' finns redan i '{key}'")
            else:
                values.append(value)
        return values

    def sequence(self, node: yaml.Node, key: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, f"'{key}' ska vara en lista")
            return []
        if not node.value:
            self.error(node, f"listan '{key}' är tom")
        return list(node.value)


def read_question_set(data: bytes, file: str) -> tuple[Questionnaire | None, list[Diagnostic]]:
    """Check a question file and build the set; the set is None when there are errors."""
    try:
        text = decode_utf8(data, file)
        root = compose(text, file)
    except YamlSourceError as error:
        return None, error.diagnostics
    reader = _Reader(file)
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
    questionnaire = _Builder(reader).build(root)
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
    canonical = json.dumps(plain_value(root), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


class _Builder:
    def __init__(self, reader: _Reader) -> None:
        self.r = reader
        self.drafts: list[_Draft] = []
        self.step_meta: list[dict[str, Any]] = []
        self.group_ids: dict[str, yaml.Node] = {}

    def build(self, root: yaml.Node) -> Questionnaire | None:
        r = self.r
        top = r.mapping(root, SET_KEYS, "frågeuppsättningen")
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
            self._check_metadata(top["metadata"])
        if "steg" in top:
            for index, node in enumerate(r.sequence(top["steg"], "steg")):
                self._step(node, index)
        self._check_ids()
        conditions = self._conditions()
        questions = self._questions(conditions)
        if any(d.is_error for d in r.diagnostics):
            return None
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
        metadata = tuple(q for d, q in zip(self.drafts, questions, strict=True) if d.step_index is None)
        return Questionnaire(
            id=set_id or "",
            version=version or 1,
            title=title or "",
            description=description or "",
            closing=closing or "",
            metadata=metadata,
            steps=tuple(steps),
            content_hash=content_hash(root),
        )

    # -- structure ----------------------------------------------------------------------------
    def _step(self, node: yaml.Node, index: int) -> None:
        r = self.r
        keys = r.mapping(node, STEP_KEYS, f"steg {index + 1}")
        if keys is None:
            return
        meta: dict[str, Any] = {"node": node}
        for name in ("id",):
            if name in keys:
                meta[name] = r.ident(keys[name], name)
        for name in ("etikett", "titel", "ingress"):
            if name in keys:
                meta[name] = r.text(keys[name], name)
        self.step_meta.append(meta)
        if "fragor" in keys:
            for item in r.sequence(keys["fragor"], "fragor"):
                if isinstance(item, yaml.MappingNode) and any(k.value == "grupp" for k, _ in item.value):
                    self._group(item, index)
                else:
                    self._question(item, None, index)

    def _group(self, node: yaml.Node, step_index: int) -> None:
        r = self.r
        keys = r.mapping(node, GROUP_KEYS, "en grupp")
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
                if isinstance(item, yaml.MappingNode) and any(k.value == "grupp" for k, _ in item.value):
                    r.error(item, "grupper kan inte ligga i grupper")
                else:
                    self._question(item, group, step_index)

    def _question(self, node: yaml.Node, group: Group | None, step_index: int | None) -> None:
        r = self.r
        keys = r.mapping(node, QUESTION_KEYS, "en fråga")
        if keys is None:
            return
        fields: dict[str, Any] = {"_nodes": keys}
        for spec in QUESTION_KEYS:
            if spec.name not in keys or spec.kind in ("condition", "any", "labels"):
                continue
            value_node = keys[spec.name]
            reader = {
                "ident": r.ident,
                "text": r.text,
                "bool": r.boolean,
                "int": r.integer,
                "texts": r.texts,
            }.get(spec.kind)
            if spec.kind == "type":
                value = r.text(value_node, "typ")
                if value is not None and value not in QUESTION_TYPES:
                    r.error(
                        value_node,
                        f"okänd typ '{value}'{suggest(value, QUESTION_TYPES)} (typer: {', '.join(QUESTION_TYPES)})",
                    )
                    value = None
            elif spec.kind == "plan":
                value = r.text(value_node, "plan")
                if value is not None and value not in PLAN_KINDS:
                    r.error(
                        value_node,
                        f"okänd plan '{value}'{suggest(value, list(PLAN_KINDS))} (tillåtna: {', '.join(PLAN_KINDS)})",
                    )
                    value = None
            else:
                assert reader is not None
                value = reader(value_node, spec.name)
            fields[spec.name] = value
        draft = _Draft(fields, node, keys.get("villkor"), group, step_index, order=len(self.drafts))
        if "etiketter" in keys:
            draft.extra["etiketter"] = keys["etiketter"]
        if "standard" in keys:
            draft.extra["standard"] = keys["standard"]
        self.drafts.append(draft)
        self._check_type_keys(draft)

    # -- checks -------------------------------------------------------------------------------
    def _check_type_keys(self, draft: _Draft) -> None:
        r, f, nodes = self.r, draft.fields, draft.fields["_nodes"]
        kind = f.get("typ")
        if kind is None:
            return
        if kind in ("val", "flerval"):
            if "val" not in nodes:
                r.error(draft.node, f"frågor av typen '{kind}' behöver en lista 'val'")
            elif f.get("val") == []:
                r.error(nodes["val"], "listan 'val' är tom")
        elif "val" in nodes:
            r.error(nodes["val"], "'val' används bara av typerna val och flerval")
        if kind != "skala":
            for name in ("min", "max", "etiketter"):
                if name in nodes:
                    r.error(nodes[name], f"'{name}' används bara av typen skala")
        else:
            low, high = f.get("min", 1), f.get("max", 5)
            if low is not None and high is not None:
                if low >= high:
                    r.error(
                        nodes.get("min") or nodes.get("max") or draft.node,
                        f"skalans min ({low}) måste vara mindre än max ({high})",
                    )
                elif high - low > 10:
                    r.error(nodes.get("max") or draft.node, f"skalan {low}–{high} är för lång; högst 11 steg")
        if "kommentar" in nodes and kind not in ("val", "janej"):
            r.error(nodes["kommentar"], "'kommentar' används bara av typerna val och janej")
        if "plan" in nodes and kind not in ("text", "langtext", "atgarder"):
            r.error(nodes["plan"], "'plan' används bara av typerna atgarder, text och langtext")
        if draft.step_index is None and (kind == "atgarder" or f.get("kommentar") or "plan" in nodes):
            r.error(draft.node, "metadatafrågor kan inte ha typen atgarder, kommentar eller plan")

    def _check_metadata(self, node: yaml.Node) -> None:
        meta = [d for d in self.drafts if d.step_index is None]
        uppdrag = next((d for d in meta if d.fields.get("id") == "uppdrag"), None)
        if uppdrag is None:
            self.r.error(node, "metadata måste innehålla frågan 'uppdrag' (den ger rapportens namn)")
        elif uppdrag.fields.get("typ") not in (None, "text"):
            self.r.error(uppdrag.node, "frågan 'uppdrag' ska ha typen text")

    def _check_ids(self) -> None:
        seen: dict[str, yaml.Node] = {}
        for draft in self.drafts:
            qid = draft.fields.get("id")
            if qid is None:
                continue
            if qid in seen:
                self.r.error(
                    draft.fields["_nodes"]["id"], f"id '{qid}' används redan (rad {position(seen[qid])[0]})"
                )
            else:
                seen[qid] = draft.fields["_nodes"]["id"]
        step_ids: dict[str, yaml.Node] = {}
        for meta in self.step_meta:
            sid = meta.get("id")
            if sid is None:
                continue
            if sid in step_ids:
                self.r.error(meta["node"], f"steget '{sid}' finns redan (rad {position(step_ids[sid])[0]})")
            step_ids[sid] = meta["node"]

    def _index(self) -> dict[str, _Draft]:
        index: dict[str, _Draft] = {}
        for draft in self.drafts:
            qid = draft.fields.get("id")
            if qid is not None and qid not in index:
                index[qid] = draft
        return index

    def _conditions(self) -> dict[int, Condition | None]:
        index = self._index()
        result: dict[int, Condition | None] = {}
        edges: dict[str, list[tuple[str, yaml.Node]]] = {}
        for draft in self.drafts:
            if draft.condition_node is None:
                continue
            refs: list[tuple[str, yaml.Node]] = []
            result[draft.order] = self._condition(draft.condition_node, index, refs)
            if draft.fields.get("id"):
                edges[draft.fields["id"]] = refs
        self._check_order_and_cycles(index, edges)
        return result

    def _condition(self, node: yaml.Node, index: dict[str, _Draft], refs: list) -> Condition | None:
        r = self.r
        keys = r.mapping(node, CONDITION_KEYS, "ett villkor")
        if keys is None:
            return None
        combinators = [k for k in COMBINATORS if k in keys]
        operators = [k for k in OPERATORS if k in keys]
        if combinators:
            if len(keys) != 1:
                r.error(node, f"'{combinators[0]}' kan inte kombineras med andra nycklar i samma villkor")
                return None
            name = combinators[0]
            if name == "inte":
                inner = self._condition(keys["inte"], index, refs)
                return None if inner is None else Not(inner)
            items = [self._condition(n, index, refs) for n in r.sequence(keys[name], name)]
            if any(i is None for i in items):
                return None
            return (AllOf if name == "alla" else AnyOf)(tuple(items))  # type: ignore[arg-type]
        if "fraga" not in keys or len(operators) != 1:
            r.error(
                node,
                "ett villkor behöver 'fraga' och exakt en jämförelse "
                f"({', '.join(OPERATORS)}), eller något av {', '.join(COMBINATORS)}",
            )
            return None
        ref = r.ident(keys["fraga"], "fraga")
        if ref is None:
            return None
        op = operators[0]
        line, column = position(keys["fraga"])
        refs.append((ref, keys["fraga"]))
        target = index.get(ref)
        if target is None:
            r.error(
                keys["fraga"], f"villkoret hänvisar till en okänd fråga '{ref}'{suggest(ref, list(index))}"
            )
            return None
        value = self._comparison_value(op, keys[op], target)
        if value is _INVALID:
            return None
        return Comparison(ref, op, value, line, column)

    def _comparison_value(self, op: str, node: yaml.Node, target: _Draft) -> Any:
        r = self.r
        kind = target.fields.get("typ")
        ref = target.fields.get("id")
        if op == "besvarad":
            value = r.boolean(node, op)
            return _INVALID if value is None else value
        if op in ("minst", "hogst"):
            if kind != "skala":
                r.error(node, f"'{op}' kan bara jämföra med en skalfråga, och '{ref}' har typen {kind}")
                return _INVALID
            value = r.integer(node, op)
            return _INVALID if value is None else self._one_value(node, value, target)
        if op == "innehaller":
            if kind != "flerval":
                r.error(
                    node, f"'innehaller' kan bara användas med flervalsfrågor, och '{ref}' har typen {kind}"
                )
                return _INVALID
            return self._one_value(node, plain_value(node), target)
        if kind == "flerval":
            r.error(node, f"'{ref}' är en flervalsfråga; jämför med 'innehaller'")
            return _INVALID
        if kind == "atgarder":
            r.error(node, f"'{ref}' har typen atgarder; jämför med 'besvarad'")
            return _INVALID
        if op == "en_av":
            if not isinstance(node, yaml.SequenceNode) or not node.value:
                r.error(node, "'en_av' ska vara en lista med minst ett värde")
                return _INVALID
            values = tuple(self._one_value(item, plain_value(item), target) for item in node.value)
            return _INVALID if _INVALID in values else values
        return self._one_value(node, plain_value(node), target)

    def _one_value(self, node: yaml.Node, raw: Any, target: _Draft) -> Any:
        kind = target.fields.get("typ")
        if kind is None:
            return _INVALID
        probe = _probe_question(target)
        if isinstance(raw, bool) and kind in ("val", "flerval", "text", "langtext"):
            raw = node.value  # e.g. 'ar: no' means the text "no", not false
        try:
            if kind == "flerval":
                return coerce_value(replace(probe, type="val"), raw)
            value = coerce_value(probe, raw)
        except AnswerError as error:
            self.r.error(
                node, f"villkoret jämför med ett värde som '{target.fields.get('id')}' inte kan få: {error}"
            )
            return _INVALID
        if value is None:
            self.r.error(node, "villkoret jämför med ett tomt värde; använd 'besvarad: false'")
            return _INVALID
        return value

    def _check_order_and_cycles(self, index: dict[str, _Draft], edges: dict[str, list]) -> None:
        cycles = _find_cycles({k: [ref for ref, _ in v] for k, v in edges.items()})
        in_cycle = {(a, b) for cycle in cycles for a, b in itertools.pairwise(cycle)}
        for qid, refs in edges.items():
            for ref, node in refs:
                target = index.get(ref)
                if target is None:
                    continue
                if (qid, ref) in in_cycle:
                    cycle = next(c for c in cycles if (qid, ref) in itertools.pairwise(c))
                    start = cycle.index(qid)
                    path = cycle[start:-1] + cycle[:start] + [qid]
                    self.r.error(node, f"villkoret ingår i en cykel: {' → '.join(path)}")
                elif target.order >= index[qid].order:
                    self.r.error(
                        node,
                        f"villkoret hänvisar till '{ref}', som ställs senare (rad {position(target.node)[0]}); "
                        "ett villkor kan bara bero på tidigare frågor",
                    )

    def _questions(self, conditions: dict[int, Condition | None]) -> list[Question]:
        questions = []
        for draft in self.drafts:
            question = _probe_question(draft)
            step_id = None if draft.step_index is None else self.step_meta[draft.step_index].get("id")
            question = replace(question, condition=conditions.get(draft.order), step_id=step_id)
            question = self._with_labels_and_default(draft, question)
            if question.required and question.condition is not None and question.default is None:
                self.r.warn(
                    draft.node,
                    f"den obligatoriska frågan '{question.id}' döljs av ett villkor utan standardvärde",
                )
            questions.append(question)
        return questions

    def _with_labels_and_default(self, draft: _Draft, question: Question) -> Question:
        r = self.r
        labels_node = draft.extra.get("etiketter")
        if labels_node is not None:
            labels = []
            if not isinstance(labels_node, yaml.MappingNode):
                r.error(
                    labels_node, "'etiketter' ska vara en mappning, t.ex. {1: Mycket dåligt, 5: Mycket bra}"
                )
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
            question = replace(question, scale_labels=tuple(sorted(labels)))
        default_node = draft.extra.get("standard")
        if default_node is not None and not is_null(default_node):
            raw = plain_value(default_node)
            if isinstance(raw, bool) and question.type in ("val", "flerval", "text", "langtext"):
                raw = default_node.value
            if question.type == "datum" and str(raw).strip().lower() in ("idag", "i dag"):
                return replace(question, default="idag")
            try:
                value = coerce_value(question, raw)
            except AnswerError as error:
                r.error(default_node, f"standardvärdet passar inte frågan: {error}")
                return question
            question = replace(question, default=list(value) if isinstance(value, tuple) else value)
        return question


_INVALID = object()


def _probe_question(draft: _Draft) -> Question:
    f = draft.fields
    kind = f.get("typ") or "text"
    choices = tuple(f.get("val") or ())
    if kind == "janej":
        choices = ("Ja", "Nej")
    return Question(
        id=f.get("id") or "",
        text=f.get("text") or "",
        type=kind,
        help=f.get("hjalp") or "",
        required=bool(f.get("obligatorisk")),
        choices=choices,
        comment=bool(f.get("kommentar")),
        scale_min=f.get("min") if f.get("min") is not None else 1,
        scale_max=f.get("max") if f.get("max") is not None else 5,
        plan=f.get("plan"),
        short=f.get("kort") or "",
        group=draft.group,
        step_id=None,
        line=position(draft.node)[0],
    )


def _find_cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Elementary cycles reachable in a small dependency graph, each as [a, b, ..., a]."""
    cycles: list[list[str]] = []
    seen_sets: set[frozenset[str]] = set()

    def visit(node: str, path: list[str]) -> None:
        for nxt in graph.get(node, []):
            if nxt in path:
                cycle = [*path[path.index(nxt) :], nxt]
                key = frozenset(cycle)
                if key not in seen_sets:
                    seen_sets.add(key)
                    cycles.append(cycle)
            elif len(path) < 50:
                visit(nxt, [*path, nxt])

    for start in graph:
        visit(start, [start])
    return cycles
