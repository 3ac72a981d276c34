"""The JSON Schema (draft 2020-12) of each command's ``--json`` output, built from the one
vocabulary (``json_vocabulary``): every object lists its keys, and every key of every object is a
reference to the key's one definition, so a key cannot mean two things.  ``intervjufas schema
KOMMANDO`` prints them."""

from __future__ import annotations

import json
from typing import Any

from intervjufas.views.json_vocabulary import KEYS

DIALECT = "https://json-schema.org/draft/2020-12/schema"

# Each object: its keys, and those of them every such object has.
_Shape = tuple[tuple[str, ...], tuple[str, ...]]
_REPORT = ("fil", "sokvag", "datum", "uppdrag")
_ITEM = ("steg", "steg_namn", "typ", "typ_text", "namn", "varfor")
OBJECTS: dict[str, _Shape] = {
    "Rapport": (
        (
            *_REPORT,
            "kund",
            "forfattare",
            "uppsattning",
            "version",
            "uppsattning_finns",
            "intervjuform",
            "stegen",
            "antal_oppna_moment",
        ),
        _REPORT,
    ),
    "Steg": (
        ("steg", "id", "steg_namn", "titel", "ingress", "fragor", "status", "status_text"),
        ("steg", "id"),
    ),
    "Atgard": (
        (
            "id",
            *_ITEM,
            "steg_titel",
            "senaste_status",
            "senaste_status_text",
            "senaste_status_datum",
            "senaste_kommentar",
            "fil",
            "sokvag",
            "datum",
        ),
        _ITEM,
    ),
    "Planandring": (
        (
            "id",
            "typ",
            "typ_text",
            "namn",
            "senaste_status",
            "senaste_status_text",
            "senaste_kommentar",
            "tidpunkt",
            "sammanslagen_med",
            "fil",
            "sokvag",
        ),
        ("id", "typ", "namn", "senaste_status", "tidpunkt", "fil", "sokvag"),
    ),
    "Kvar": (
        ("fil", "sokvag", "datum", "uppdrag", "kund", "steg_kvar", "kommando"),
        ("fil", "sokvag", "datum", "uppdrag", "kund", "steg_kvar", "kommando"),
    ),
    "Kundlage": (("kund", "antal_oppna_moment", "kommando"), ("kund", "antal_oppna_moment", "kommando")),
    "Fas": (("id", "titel", "moment"), ("id", "titel", "moment")),
    "Moment": (
        (
            "id",
            "namn",
            "fas",
            "beror",
            "notering",
            "markering",
            "markering_text",
            "varfor",
            "utvecklat",
            "pa_kartan",
            "handelser",
        ),
        ("id", "namn"),
    ),
    "Handelse": (
        ("handelse", "datum", "fil", "text", "fore", "efter", "varfor", "uppfoljning"),
        ("handelse", "datum", "fil", "text", "fore", "efter", "varfor", "uppfoljning"),
    ),
    "Linje": (("forfattare", "rapporter", "moment"), ("forfattare", "rapporter", "moment")),
    "Uppgift": (("nyckel", "etikett", "a", "b"), ("nyckel", "etikett", "a", "b")),
    "Kartjamforelse": (
        ("antal_moment_a", "antal_moment_b", "bara_karta_i", "andringar", "antal_oforandrade"),
        ("antal_moment_a", "antal_moment_b", "bara_karta_i", "andringar", "antal_oforandrade"),
    ),
    "Kartandring": (
        ("andring", "andring_text", "fas", "namn", "id", "a", "b"),
        ("andring", "andring_text", "fas", "namn", "id", "a", "b"),
    ),
    "Avsnitt": (("titel", "andrade", "bara_i_a", "bara_i_b"), ("titel", "andrade", "bara_i_a", "bara_i_b")),
    "Andrat": (
        ("fraga", "etikett", "a", "b", "ord", "okand_for"),
        ("fraga", "etikett", "a", "b", "ord", "okand_for"),
    ),
    "Ensidigt": (("fraga", "etikett", "text", "okand_for"), ("fraga", "etikett", "text", "okand_for")),
    "Betygsrad": (
        ("steg", "steg_namn", "etikett", "betyg_a", "betyg_b", "skillnad", "max"),
        ("steg", "steg_namn", "etikett", "betyg_a", "betyg_b", "skillnad", "max"),
    ),
    "Trend": (
        ("uppsattning", "titel", "antal_rapporter", "perioder", "betyg"),
        ("uppsattning", "titel", "antal_rapporter", "perioder", "betyg"),
    ),
    "Betygsserie": (
        ("fraga", "etikett", "min", "max", "punkter", "enkat"),
        ("fraga", "etikett", "min", "max", "punkter"),
    ),
    "Punkt": (("period", "medel", "antal_rapporter", "antal_svar"), ("period", "medel", "antal_rapporter")),
    "Fynd": (
        ("fil", "sokvag", "rad", "personuppgift", "personuppgift_text", "maskerat"),
        ("fil", "sokvag", "rad", "personuppgift", "personuppgift_text", "maskerat"),
    ),
    "Uppsattning": (
        ("id", "version", "titel", "beskrivning", "antal_steg", "antal_fragor", "kalla", "anvandbar", "fel"),
        ("kalla", "anvandbar"),
    ),
    "Fraga": (
        (
            "id",
            "text",
            "fragetyp",
            "obligatorisk",
            "hjalp",
            "kort",
            "villkor",
            "val",
            "kommentar",
            "min",
            "max",
            "etiketter",
            "standard",
            "plan",
            "grupp",
        ),
        ("id", "text", "fragetyp", "obligatorisk", "hjalp", "kort", "villkor"),
    ),
    "Grupp": (("id", "rubrik", "text"), ("id", "rubrik", "text")),
    "Teamfas": (("id", "titel", "teammoment"), ("id", "titel", "teammoment")),
    "Teammoment": (
        ("namn", "namn_i_gruppen", "antal_konsulter", "konsulter", "utan_namn", "beror", "upplevelse"),
        ("namn", "namn_i_gruppen", "antal_konsulter", "konsulter", "utan_namn", "beror", "upplevelse"),
    ),
    "Upplevelse": (("enkat", "for_fa_svar", "antal_svar", "median"), ("enkat", "for_fa_svar")),
    "Konsultfas": (
        ("id", "titel", "bara_hos_a", "bara_hos_b", "olika_beror", "hos_bada"),
        ("id", "titel", "bara_hos_a", "bara_hos_b", "olika_beror", "hos_bada"),
    ),
    "Olikaberor": (("namn_a", "namn_b", "beror_a", "beror_b"), ("namn_a", "namn_b", "beror_a", "beror_b")),
    "Teamtrend": (("titel", "teambetyg"), ("titel", "teambetyg")),
    "Teambetygsserie": (("fraga", "etikett", "max", "teampunkter"), ("fraga", "etikett", "max", "teampunkter")),
    "Teampunkt": (
        ("period", "eget_medel", "antal_egna_rapporter", "teamets_median", "antal_teamrapporter"),
        ("period", "eget_medel", "antal_egna_rapporter", "teamets_median", "antal_teamrapporter"),
    ),
    "Villkor": (
        (
            "fraga",
            "alla",
            "nagon",
            "inte",
            "ar",
            "ar_inte",
            "en_av",
            "innehaller",
            "besvarad",
            "minst",
            "hogst",
        ),
        (),
    ),
}

# The top level of each output: an object with "format" and these keys (all of them always there).
_TOP: dict[str, tuple[str, ...]] = {
    "lista": ("rapporter",),
    "plan": ("oppna_moment",),
    "plan --markera": ("oppna_moment", "planandring"),
    "trend": ("trender",),
    "trend --av": ("konsult", "per", "teamtrender"),
    "jamfor --av": ("konsult_a", "konsult_b", "skiljer_sig", "konsultfaser"),
    "jamfor": (
        "rapport_a",
        "rapport_b",
        "skiljer_sig",
        "uppgifter",
        "processkarta",
        "avsnitt",
        "betygsjamforelse",
        "nya_moment",
        "borttagna_moment",
        "antal_oforandrade",
        "antal_jamforda",
    ),
    "karta": ("rapport", "senaste", "ursprung", "faser"),
    "karta --historik": ("forfattare", "alla_forfattare", "antal_utelamnade", "historik"),
    "karta --team": ("antal_konsulter", "konsulter", "utan_namn", "teamfaser"),
    "granska": ("antal_genomsokta", "antal_rapporter_med_fynd", "fynd"),
    "status": (
        "katalog",
        "antal_rapporter",
        "kartlaggningar_kvar",
        "antal_utelamnade",
        "oppna_per_kund",
        "senaste_karta",
    ),
    "fragor": ("uppsattningar",),
    "fragor --visa": (
        "id",
        "version",
        "titel",
        "beskrivning",
        "avslutning",
        "kontrollsumma",
        "metadata",
        "stegen",
    ),
}

# Each command and its outputs (several for some: the schema accepts exactly one of them).
COMMANDS: dict[str, tuple[str, ...]] = {
    "lista": ("lista",),
    "plan": ("plan", "plan --markera"),
    "trend": ("trend", "trend --av"),
    "jamfor": ("jamfor", "jamfor --av"),
    "karta": ("karta", "karta --historik", "karta --team"),
    "granska": ("granska",),
    "status": ("status",),
    "fragor": ("fragor", "fragor --visa"),
}


def _object_schema(keys: tuple[str, ...], required: tuple[str, ...]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {key: {"$ref": f"#/$defs/{key}"} for key in keys},
        "required": list(required),
        "additionalProperties": False,
    }


def _used(names: list[str]) -> tuple[set[str], set[str]]:
    """The objects and keys reachable from the keys ``names`` (following the key definitions)."""
    objects: set[str] = set()
    keys: set[str] = set()
    waiting = list(names)
    while waiting:
        key = waiting.pop()
        if key in keys:
            continue
        keys.add(key)
        for name in _refs(KEYS[key]):
            if name not in objects:
                objects.add(name)
                waiting.extend(OBJECTS[name][0])
    return objects, keys


def _refs(schema: Any) -> list[str]:
    if isinstance(schema, dict):
        found = [schema["$ref"].rsplit("/", 1)[1]] if "$ref" in schema else []
        return found + [name for value in schema.values() for name in _refs(value)]
    if isinstance(schema, list):
        return [name for value in schema for name in _refs(value)]
    return []


def schema(command: str) -> dict[str, Any]:
    """The JSON Schema of ``command --json`` (a key of ``COMMANDS``)."""
    outputs = COMMANDS[command]
    tops = {output: ("format", *_TOP[output]) for output in outputs}
    objects, keys = _used([key for top in tops.values() for key in top])
    roots = [
        {"title": f"intervjufas {output} --json", **_object_schema(top, top)} for output, top in tops.items()
    ]
    document: dict[str, Any] = {"$schema": DIALECT, "title": f"intervjufas {command} --json"}
    document.update(roots[0] if len(roots) == 1 else {"oneOf": roots})
    document["$defs"] = {
        **{key: KEYS[key] for key in sorted(keys)},
        **{name: _object_schema(*OBJECTS[name]) for name in sorted(objects)},
    }
    return document


def schema_text(command: str) -> str:
    return json.dumps(schema(command), ensure_ascii=False, indent=2) + "\n"
