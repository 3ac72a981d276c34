"""The JSON Schema of question files: the shipped file is the generated one, the built-in sets and the
example pass it, and the schema and the loader agree on every structural error.

What the schema cannot express, and only the loader (``intervjufas validera``) checks:
- YAML itself: syntax errors, duplicate keys, tags that construct objects, non-UTF-8 files;
- ids: an id used twice, a step or group id used twice;
- conditions: a reference to an unknown question, to a later question, or in a cycle; a comparison
  with a value the referenced question cannot take, or an operator that does not suit its type;
- scales: min not below max, more than 11 steps, labels outside min–max;
- defaults that do not fit their question (``standard`` accepts any value in the schema);
- the warning for a required question hidden behind a condition without a default.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from helpers import REPO
from intervjufas.files.safe_yaml import SafeDumper, SafeLoader, compose, plain_value
from intervjufas.questionsets.format_keys import SET_KEYS
from intervjufas.questionsets.loader import read_question_set
from intervjufas.questionsets.schema import question_set_schema, schema_json

ROOT = REPO
SHIPPED = ROOT / "questions" / "fragor.schema.json"
VALID_FILES = [
    ROOT / "questions" / "kartlaggning.yaml",
    ROOT / "questions" / "snabbformat.yaml",
    ROOT / "docs" / "exempel-telefonintervju.yaml",
]
VALIDATOR = jsonschema.Draft202012Validator(question_set_schema())


def schema_accepts(text: str) -> bool:
    root = compose(text, "fil.yaml")
    return VALIDATOR.is_valid(None if root is None else plain_value(root))


def loader_accepts(text: str) -> bool:
    questionnaire, _ = read_question_set(text.encode("utf-8"), "fil.yaml")
    return questionnaire is not None


def loader_errors(text: str) -> list[str]:
    _, diagnostics = read_question_set(text.encode("utf-8"), "fil.yaml")
    return [d.message for d in diagnostics if d.is_error]


def test_the_shipped_schema_is_the_generated_one() -> None:
    assert SHIPPED.read_text(encoding="utf-8") == schema_json(), (
        "regenerate it: python -m intervjufas.questionsets.schema > questions/fragor.schema.json"
    )


def test_the_schema_is_a_valid_2020_12_schema_that_draft_7_editors_can_read() -> None:
    schema = question_set_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft7Validator.check_schema(schema)
    text = SHIPPED.read_text(encoding="utf-8")
    for keyword in ("unevaluatedProperties", "prefixItems", "dependentRequired", "$dynamicRef"):
        assert keyword not in text


def test_the_schema_describes_every_key_in_swedish() -> None:
    schema = question_set_schema()
    assert set(schema["properties"]) == {k.name for k in SET_KEYS}
    assert schema["required"] == [k.name for k in SET_KEYS if k.required]
    assert schema["additionalProperties"] is False
    question = schema["$defs"]["fraga"]
    assert question["properties"]["hjalp"]["description"] == "Hjälptext som visas vid frågan."
    assert schema["$defs"]["typ"]["enum"] == [
        "text",
        "langtext",
        "janej",
        "val",
        "flerval",
        "skala",
        "datum",
        "atgarder",
        "moment",
    ]
    assert schema["$defs"]["plan"]["enum"] == ["lagga_till", "utveckla", "ta_bort"]
    assert schema["$defs"]["fas"]["enum"] == ["fore", "under", "efter"]


@pytest.mark.parametrize("path", VALID_FILES, ids=lambda p: p.name)
def test_the_built_in_sets_and_the_example_pass_the_schema(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    errors = list(VALIDATOR.iter_errors(plain_value(compose(text, path.name))))
    assert [e.message for e in errors] == []
    assert loader_accepts(text)


def test_the_schema_modeline_of_the_built_in_sets_points_at_the_shipped_file() -> None:
    for path in VALID_FILES[:2]:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=fragor.schema.json"
        assert (path.parent / "fragor.schema.json").is_file()


# -- agreement on structural errors: every single mutation of the valid files -------------------

Path_ = tuple[Any, ...]


def walk(node: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, (*path, index))


def at(data: Any, path: Path_) -> Any:
    for step in path:
        data = data[step]
    return data


def mutations(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Structural mutations, one at a time: a key removed, an unknown key added, a value of the wrong
    kind (a mapping or a list for a scalar, a scalar or an empty list for a list), a bad id or enum."""
    for path, node in list(walk(data)):
        where = "/".join(map(str, path)) or "(roten)"
        key = path[-1] if path else None
        if isinstance(node, dict):
            for name in node:
                changed = copy.deepcopy(data)
                del at(changed, path)[name]
                yield f"{where}: utan {name}", changed
            changed = copy.deepcopy(data)
            at(changed, path)["okand_nyckel"] = 1
            yield f"{where}: okänd nyckel", changed
        if not path or key == "standard":
            continue  # the schema accepts any default; the loader checks that it fits the question
        parent = at(data, path[:-1])
        if isinstance(node, list):
            for value, label in (("x", "text i stället för lista"), ([], "tom lista")):
                changed = copy.deepcopy(data)
                at(changed, path[:-1])[key] = value
                yield f"{where}: {label}", changed
        elif not isinstance(parent, dict) or key != "etiketter":
            for value, label in (
                ({"x": 1}, "mappning i stället för värde"),
                ([1], "lista i stället för värde"),
            ):
                if isinstance(node, dict):
                    continue
                changed = copy.deepcopy(data)
                at(changed, path[:-1])[key] = value
                yield f"{where}: {label}", changed
        if key in ("id", "grupp", "fraga"):
            changed = copy.deepcopy(data)
            at(changed, path[:-1])[key] = "Fel-Id"
            yield f"{where}: ogiltigt id", changed
        if key in ("typ", "plan"):
            changed = copy.deepcopy(data)
            at(changed, path[:-1])[key] = "okand"
            yield f"{where}: okänt värde", changed
        if key in ("version", "min", "max", "minst", "hogst"):
            changed = copy.deepcopy(data)
            at(changed, path[:-1])[key] = "tre"
            yield f"{where}: text i stället för heltal", changed
        if key in ("obligatorisk", "kommentar", "besvarad"):
            changed = copy.deepcopy(data)
            at(changed, path[:-1])[key] = "kanske"
            yield f"{where}: inte sant eller falskt", changed


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=SafeDumper, allow_unicode=True, sort_keys=False)


# The loader's messages for the checks the schema cannot make (see the module docstring).
SEMANTIC_MESSAGES = (
    "används redan",
    "finns redan (rad",
    "villkoret hänvisar till",
    "villkoret ingår i en cykel",
    "villkoret jämför med",
    "kan bara jämföra med en skalfråga",
    "kan bara användas med flervalsfrågor",
    "är en flervalsfråga; jämför med",
    "har typen atgarder; jämför med",
    "måste vara mindre än max",
    "är för lång",
    "ligger utanför skalan",
    "standardvärdet passar inte",
)


def semantic(message: str) -> bool:
    return any(part in message for part in SEMANTIC_MESSAGES)


def mutation_sources() -> dict[str, str]:
    """Valid files that together use every key and condition form (the full set only repeats the
    quick format's structures three times, at three times the cost)."""
    return {
        "snabbformat": VALID_FILES[1].read_text(encoding="utf-8"),
        "exempel": VALID_FILES[2].read_text(encoding="utf-8"),
        "villkor": HEAD + VALID["all-conditions"],
    }


@pytest.mark.parametrize("name", ["snabbformat", "exempel", "villkor"])
def test_schema_and_loader_agree_on_every_structural_mutation(name: str) -> None:
    text = mutation_sources()[name]
    assert loader_accepts(text) and schema_accepts(text)
    data = yaml.load(text, Loader=SafeLoader)  # keeps the scale labels' numbers as numbers
    disagreements = []
    count = 0
    for label, changed in mutations(data):
        changed_text = dump(changed)
        count += 1
        schema_ok, loader_ok = schema_accepts(changed_text), loader_accepts(changed_text)
        if schema_ok and not loader_ok and all(semantic(m) for m in loader_errors(changed_text)):
            continue  # e.g. without 'min' a label falls outside the scale: a check the schema cannot make
        if schema_ok != loader_ok:
            disagreements.append(f"{label}: schema {schema_ok}, loader {loader_ok}")
    assert count > 100
    assert disagreements == []


# -- agreement on hand-written files ------------------------------------------------------------

HEAD = """\
id: prov
version: 1
titel: Prov
metadata:
  - {id: uppdrag, text: Uppdrag?, typ: text}
steg:
  - id: ett
    titel: Ett
    fragor:
"""

# Valid files written in ways the schema must not flag (YAML 1.1 booleans, ja/nej, numbers as text,
# every condition form).
VALID = {
    "ja-nej-booleans": "      - {id: a, text: A, typ: janej, obligatorisk: ja, kommentar: Nej}\n",
    "yaml-booleans": "      - {id: a, text: A, typ: janej, obligatorisk: yes, kommentar: off}\n",
    "number-as-text": "      - {id: a, text: 2024, typ: text, kort: 1}\n",
    "choices-as-numbers": "      - {id: a, text: A, typ: val, val: [1, 2, 3]}\n",
    "all-conditions": (
        "      - {id: a, text: A, typ: val, val: [X, Y, Z]}\n"
        "      - {id: b, text: B, typ: flerval, val: [P, Q]}\n"
        "      - {id: c, text: C, typ: skala, min: 0, max: 10, etiketter: {0: Noll, 10: Tio}}\n"
        "      - id: d\n        text: D\n        typ: text\n        villkor:\n"
        "          alla:\n"
        "            - {fraga: a, en_av: [X, Y]}\n"
        "            - nagon: [{fraga: b, innehaller: P}, {fraga: c, minst: 3}, {fraga: c, hogst: 8}]\n"
        "            - inte: {fraga: a, ar_inte: Z}\n"
        "            - {fraga: b, besvarad: true}\n"
    ),
    "group-with-text-only": (
        "      - grupp: g\n        text: Inledning\n        fragor:\n          - {id: a, text: A, typ: langtext}\n"
    ),
    "action-items-with-plan": "      - {id: a, text: A, typ: atgarder, plan: ta_bort, obligatorisk: true}\n",
    "date-default-today": "      - {id: a, text: A, typ: datum, standard: idag}\n",
}

# Structural errors: both must reject, and the loader names the problem.
STRUCTURAL = {
    "unknown-question-key": ("      - {id: a, text: A, typ: text, hjalpp: x}\n", "okänd nyckel 'hjalpp'"),
    "missing-type": ("      - {id: a, text: A}\n", "nyckeln 'typ' saknas"),
    "bad-type": ("      - {id: a, text: A, typ: flervall, val: [X]}\n", "okänd typ 'flervall'"),
    "bad-plan": ("      - {id: a, text: A, typ: atgarder, plan: bort}\n", "okänd plan 'bort'"),
    "empty-text": ("      - {id: a, text: '  ', typ: text}\n", "'text' får inte vara tom"),
    "null-text": ("      - {id: a, text: null, typ: text}\n", "'text' ska vara en text"),
    "version-as-text": ("      - {id: a, text: A, typ: text}\n", None),
    "required-as-word": ("      - {id: a, text: A, typ: text, obligatorisk: kanske}\n", "true eller false"),
    "choices-on-text": ("      - {id: a, text: A, typ: text, val: [X]}\n", "'val' används bara"),
    "choice-without-choices": ("      - {id: a, text: A, typ: val}\n", "behöver en lista 'val'"),
    "duplicate-choice": ("      - {id: a, text: A, typ: val, val: [X, X]}\n", "finns redan i 'val'"),
    "multi-line-choice": ('      - {id: a, text: A, typ: val, val: ["X\\nY"]}\n', "radbrytningar"),
    "scale-keys-on-text": (
        "      - {id: a, text: A, typ: text, min: 1}\n",
        "'min' används bara av typen skala",
    ),
    "comment-on-scale": (
        "      - {id: a, text: A, typ: skala, kommentar: true}\n",
        "'kommentar' används bara",
    ),
    "plan-on-choice": (
        "      - {id: a, text: A, typ: val, val: [X], plan: utveckla}\n",
        "'plan' används bara",
    ),
    "labels-as-list": (
        "      - {id: a, text: A, typ: skala, etiketter: [a, b]}\n",
        "'etiketter' ska vara en mappning",
    ),
    "condition-two-operators": (
        "      - {id: a, text: A, typ: janej}\n      - {id: b, text: B, typ: text, villkor: {fraga: a, ar: Ja, ar_inte: Nej}}\n",
        "exakt en jämförelse",
    ),
    "condition-combinator-and-comparison": (
        "      - {id: a, text: A, typ: janej}\n"
        "      - {id: b, text: B, typ: text, villkor: {fraga: a, ar: Ja, inte: {fraga: a, ar: Nej}}}\n",
        "kan inte kombineras",
    ),
    "condition-empty-list": (
        "      - {id: a, text: A, typ: janej}\n      - {id: b, text: B, typ: text, villkor: {alla: []}}\n",
        "listan 'alla' är tom",
    ),
    "condition-en-av-scalar": (
        "      - {id: a, text: A, typ: janej}\n      - {id: b, text: B, typ: text, villkor: {fraga: a, en_av: Ja}}\n",
        "'en_av' ska vara en lista",
    ),
    "condition-unknown-key": (
        "      - {id: a, text: A, typ: janej}\n      - {id: b, text: B, typ: text, villkor: {fraga: a, lika: Ja}}\n",
        "okänd nyckel 'lika' i ett villkor",
    ),
    "group-without-title": (
        "      - grupp: g\n        fragor:\n          - {id: a, text: A, typ: text}\n",
        "'rubrik' eller 'text'",
    ),
    "group-in-group": (
        "      - grupp: g\n        rubrik: G\n        fragor:\n"
        "          - {grupp: h, rubrik: H, fragor: [{id: a, text: A, typ: text}]}\n",
        "grupper kan inte ligga i grupper",
    ),
    "empty-step": ("      []\n", "listan 'fragor' är tom"),
    "step-as-text": (None, "'steg' ska vara en lista"),
    "metadata-action-items": (None, "metadatafrågor kan inte ha typen atgarder"),
    "uppdrag-not-text": (None, "frågan 'uppdrag' ska ha typen text"),
    "root-is-a-list": (None, "ska vara en mappning"),
    "empty-file": (None, "filen är tom"),
}
WHOLE_FILES = {
    "version-as-text": HEAD.replace("version: 1", "version: ett") + "      - {id: a, text: A, typ: text}\n",
    "step-as-text": HEAD.split("steg:")[0] + "steg: Ett\n",
    "metadata-action-items": HEAD.replace("typ: text}", "typ: text}\n  - {id: m, text: M, typ: atgarder}")
    + "      - {id: a, text: A, typ: text}\n",
    "uppdrag-not-text": HEAD.replace("typ: text}", "typ: langtext}")
    + "      - {id: a, text: A, typ: text}\n",
    "root-is-a-list": "- id: prov\n",
    "empty-file": "",
}

# Semantic errors: the loader rejects them; the schema cannot see them (see the module docstring).
SEMANTIC = {
    "duplicate-id": "      - {id: a, text: A, typ: text}\n      - {id: a, text: B, typ: text}\n",
    "condition-unknown-question": "      - {id: a, text: A, typ: text, villkor: {fraga: x, besvarad: true}}\n",
    "condition-later-question": (
        "      - {id: a, text: A, typ: text, villkor: {fraga: b, besvarad: true}}\n"
        "      - {id: b, text: B, typ: text}\n"
    ),
    "condition-cycle": "      - {id: a, text: A, typ: text, villkor: {fraga: a, besvarad: true}}\n",
    "condition-value-not-a-choice": (
        "      - {id: a, text: A, typ: val, val: [X]}\n      - {id: b, text: B, typ: text, villkor: {fraga: a, ar: Y}}\n"
    ),
    "condition-operator-for-another-type": (
        "      - {id: a, text: A, typ: text}\n      - {id: b, text: B, typ: text, villkor: {fraga: a, minst: 2}}\n"
    ),
    "scale-bounds-reversed": "      - {id: a, text: A, typ: skala, min: 5, max: 1}\n",
    "scale-too-long": "      - {id: a, text: A, typ: skala, min: 0, max: 20}\n",
    "label-outside-scale": "      - {id: a, text: A, typ: skala, etiketter: {9: Nio}}\n",
    "default-not-a-choice": "      - {id: a, text: A, typ: val, val: [X], standard: Y}\n",
}


@pytest.mark.parametrize("name", VALID)
def test_both_accept_valid_files_in_every_form(name: str) -> None:
    text = HEAD + VALID[name]
    assert loader_errors(text) == []
    assert schema_accepts(text)


@pytest.mark.parametrize("name", STRUCTURAL)
def test_both_reject_structural_errors(name: str) -> None:
    body, message = STRUCTURAL[name]
    text = WHOLE_FILES[name] if body is None or name in WHOLE_FILES else HEAD + body
    assert not schema_accepts(text)
    assert not loader_accepts(text)
    if message is not None:
        assert any(message in m for m in loader_errors(text)), loader_errors(text)


@pytest.mark.parametrize("name", SEMANTIC)
def test_semantic_errors_are_found_by_the_loader_only(name: str) -> None:
    text = HEAD + SEMANTIC[name]
    errors = loader_errors(text)
    assert errors != []
    assert all(semantic(m) for m in errors), errors
    assert schema_accepts(text), "the schema now expresses this check: move the case to STRUCTURAL"
