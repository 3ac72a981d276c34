"""The JSON Schema (draft 2020-12) of question files, generated from the loader's key tables.

The properties, required keys and descriptions come from ``format_keys`` (``SET_KEYS``,
``STEP_KEYS``, ``GROUP_KEYS``, ``QUESTION_KEYS``, ``CONDITION_KEYS``); the types, which keys each may
use and their descriptions from the question-type table; so the schema cannot drift from the loader.  It describes the *structure* of a file (keys, value
types, enums, the condition grammar, which keys a question type may use).  Checks that depend on
other parts of the file (duplicate ids, conditions referring to unknown or later questions, cycles,
values a question cannot take, scale bounds and labels, defaults) are made only by the loader, i.e.
by ``intervjufas validera``.

Only keywords that editors built on JSON Schema draft 7 also understand are used (no
``unevaluatedProperties``, no ``$ref`` next to other assertions), so editor extensions that have not
caught up with 2020-12 still give completion and the same red squiggles.

Regenerate the shipped file with
``python -m intervjufas.questionsets.schema > questions/fragor.schema.json``.
"""

from __future__ import annotations

import json

from intervjufas.model.conditions import COMBINATORS, OPERATORS
from intervjufas.model.question_types.table import QUESTION_TYPES, TYPE_KEYS, TYPES
from intervjufas.model.questions import PHASES, PLAN_KINDS
from intervjufas.questionsets.format_keys import (
    CONDITION_KEYS,
    GROUP_KEYS,
    ID_PATTERN,
    QUESTION_KEYS,
    SET_KEYS,
    STEP_KEYS,
    Key,
)

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_FILE = "fragor.schema.json"

# Which question types may use a key, and which keys a type must have (from the type table).
TYPE_ONLY_KEYS: dict[str, tuple[str, ...]] = TYPE_KEYS
TYPE_REQUIRES: dict[str, tuple[str, ...]] = {
    key: tuple(kind.name for kind in TYPES.values() if key in kind.required_keys)
    for key in sorted({key for kind in TYPES.values() for key in kind.required_keys})
}

# YAML 1.1 (the loader) reads yes/no/on/off as booleans; YAML 1.2 editors see them as text, so the
# schema accepts those words as text too, like the loader's own ja/nej.
_TRUE_WORDS = "[jJ][aA]|yes|Yes|YES|on|On|ON"
_FALSE_WORDS = "[nN][eE][jJ]|no|No|NO|off|Off|OFF"

# JSON as the schema is written (the standard library's json writes it).
JsonValue = str | int | float | bool | list["JsonValue"] | dict[str, "JsonValue"] | None
Schema = dict[str, JsonValue]

_SCALAR: list[JsonValue] = ["string", "number", "boolean"]


def _ref(name: str, description: str = "") -> Schema:
    schema: Schema = {"$ref": f"#/$defs/{name}"}
    if description:
        schema["description"] = description
    return schema


def _defs() -> Schema:
    """Building blocks, one per value kind in the key tables."""
    return {
        "ident": {
            "type": "string",
            "pattern": ID_PATTERN,
            "description": "Ett id: små bokstäver a–z, siffror och _, börjar med en bokstav (högst 50 tecken).",
        },
        "text": {
            # The loader takes any non-empty scalar as text (e.g. a number as a title).
            "type": _SCALAR,
            "pattern": r"\S",
        },
        "ett_val": {
            "type": _SCALAR,
            "pattern": r"^\s*[^\n]*\S[^\n]*\s*$",
            "description": "Ett val på en rad.",
        },
        "rad": {
            "type": _SCALAR,
            "pattern": r"^\s*[^\n]*\S[^\n]*\s*$",
            "description": "En text på en rad.",
        },
        "heltal": {"type": "integer"},
        "sant_falskt": {
            "anyOf": [
                {"type": "boolean"},
                {"type": "string", "pattern": rf"^\s*({_TRUE_WORDS}|{_FALSE_WORDS})\s*$"},
            ],
            "description": "true eller false (ja/nej går också).",
        },
        "sant": {
            "anyOf": [{"const": True}, {"type": "string", "pattern": rf"^\s*({_TRUE_WORDS})\s*$"}],
        },
        "enkelt_varde": {"type": _SCALAR, "pattern": r"\S"},
        **_enum_defs(),
        "etiketter": {
            "type": "object",
            "propertyNames": {"pattern": r"^-?[0-9]+$"},
            "additionalProperties": _ref("text"),
            "description": "Skalvärde: text, t.ex. {1: Mycket dålig, 5: Mycket bra}.",
        },
        "fraga": _question(),
        "metadatafraga": _metadata_question(),
        "grupp": _object(GROUP_KEYS, anyOf=[{"required": ["rubrik"]}, {"required": ["text"]}]),
        "steg": _object(STEP_KEYS),
        "villkor": _condition(),
    }


def _enum_defs() -> Schema:
    """The values a question's type, plan and phase can have, each described."""
    return {
        "typ": {
            "type": "string",
            "enum": list(QUESTION_TYPES),
            "enumDescriptions": [TYPES[t].description for t in QUESTION_TYPES],
        },
        "plan": {
            "type": "string",
            "enum": list(PLAN_KINDS),
            "enumDescriptions": [f"förs till utvecklingsplanen som '{v}'" for v in PLAN_KINDS.values()],
        },
        "fas": {
            "type": "string",
            "enum": list(PHASES),
            "enumDescriptions": [f"fasen '{title}' i processkartan" for title in PHASES.values()],
        },
    }


_KIND_SCHEMAS: dict[str, Schema] = {
    "ident": _ref("ident"),
    "text": _ref("text"),
    "line": _ref("rad"),
    "int": _ref("heltal"),
    "bool": _ref("sant_falskt"),
    "any": {},
    "type": _ref("typ"),
    "plan": _ref("plan"),
    "phase": _ref("fas"),
    "labels": _ref("etiketter"),
    "condition": _ref("villkor"),
    "texts": {"type": "array", "minItems": 1, "uniqueItems": True, "items": _ref("ett_val")},
    "list": {"type": "array", "minItems": 1, "items": _ref("enkelt_varde")},
    "conditions": {"type": "array", "minItems": 1, "items": _ref("villkor")},
    "questions": {"type": "array", "minItems": 1, "items": _ref("fraga")},
    "steps": {"type": "array", "minItems": 1, "items": _ref("steg")},
    "items": {
        "type": "array",
        "minItems": 1,
        "items": {
            "if": {"type": "object", "required": ["grupp"]},
            "then": _ref("grupp"),
            "else": _ref("fraga"),
        },
    },
}
# Values compared in a condition are scalars; a comparison with nothing is an error.
_OPERATOR_SCHEMAS = {"ar": "enkelt_varde", "ar_inte": "enkelt_varde", "innehaller": "enkelt_varde"}


def _property(key: Key) -> Schema:
    schema = dict(_KIND_SCHEMAS[key.kind])
    if key.name in _OPERATOR_SCHEMAS:
        schema = _ref(_OPERATOR_SCHEMAS[key.name])
    if key.name == "version":
        schema = {"type": "integer", "minimum": 1}
    if key.description:
        schema["description"] = key.description
    return schema


def _object(keys: tuple[Key, ...], **extra: JsonValue) -> Schema:
    schema: Schema = {
        "type": "object",
        "properties": {key.name: _property(key) for key in keys},
        "required": [key.name for key in keys if key.required],
        "additionalProperties": False,
    }
    schema.update(extra)
    return schema


def _has_type(types: tuple[str, ...] | list[str]) -> Schema:
    return {"required": ["typ"], "properties": {"typ": {"enum": list(types)}}}


def _question() -> Schema:
    rules: list[JsonValue] = []
    for name, types in TYPE_ONLY_KEYS.items():
        others = [t for t in QUESTION_TYPES if t not in types]
        rules.append({"if": _has_type(others), "then": {"properties": {name: False}}})
    for name, types in TYPE_REQUIRES.items():
        rules.append({"if": _has_type(types), "then": {"required": [name]}})
    ratings = [name for name in QUESTION_TYPES if TYPES[name].is_rating]
    rules.append({"if": _has_type(ratings), "then": {"properties": {"kundrubrik": False}}})
    return _object(QUESTION_KEYS, allOf=rules)


def _metadata_question() -> Schema:
    return {
        "description": "En fråga om uppdraget (metadata).",
        "allOf": [
            _ref("fraga"),
            {
                "properties": {
                    "typ": {"not": {"enum": [t for t in QUESTION_TYPES if not TYPES[t].in_metadata]}},
                    "plan": False,
                },
                "not": {"required": ["kommentar"], "properties": {"kommentar": _ref("sant")}},
            },
            {
                "if": {"required": ["id"], "properties": {"id": {"const": "uppdrag"}}},
                "then": {"properties": {"typ": {"const": "text"}}},
            },
        ],
    }


def _condition() -> Schema:
    return _object(
        CONDITION_KEYS,
        description=(
            "Ett villkor: 'fraga' och exakt en jämförelse "
            f"({', '.join(OPERATORS)}), eller precis en av {', '.join(COMBINATORS)}."
        ),
        anyOf=[
            {
                "required": ["fraga"],
                "oneOf": [{"required": [op]} for op in OPERATORS],
                "not": {"anyOf": [{"required": [c]} for c in COMBINATORS]},
            },
            {"maxProperties": 1, "oneOf": [{"required": [c]} for c in COMBINATORS]},
        ],
    )


def question_set_schema() -> Schema:
    """The JSON Schema of a question file, as data."""
    top = _object(SET_KEYS)
    properties = top["properties"]
    assert isinstance(properties, dict)  # (as _object makes it)
    properties["metadata"] = {
        "type": "array",
        "minItems": 1,
        "items": _ref("metadatafraga"),
        "contains": {"type": "object", "required": ["id"], "properties": {"id": {"const": "uppdrag"}}},
        "description": next(k.description for k in SET_KEYS if k.name == "metadata"),
    }
    return {
        "$schema": DIALECT,
        "title": "Frågefil för intervjufas",
        "description": (
            "En frågeuppsättning för intervjufas. Kontrollera hela filen med 'intervjufas validera FIL': "
            "den hittar också fel som schemat inte kan uttrycka (t.ex. id som används två gånger och "
            "villkor som hänvisar till okända eller senare frågor)."
        ),
        **top,
        "$defs": _defs(),
    }


def schema_json() -> str:
    """The schema as the text of the shipped file (stable key order, UTF-8, final newline)."""
    return json.dumps(question_set_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    print(schema_json(), end="")
