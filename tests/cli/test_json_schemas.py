"""Every ``--json`` output validates against the JSON Schema the program ships for it (printed by
``intervjufas schema KOMMANDO``), over folders with maps, plans, follow-ups and odd data; and the
schemas share one vocabulary: a key has the same definition in every command."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from helpers import FIXTURE_REPORTS, REPO, run_cli
from intervjufas.views.json_schema import COMMANDS, schema
from intervjufas.views.json_vocabulary import KEYS
from map_samples import ANNA, write_sample_reports

ODD = "2026-12-28-udda.md"


def shipped(command: str) -> dict[str, Any]:
    """The schema as ``intervjufas schema`` prints it."""
    result = run_cli("schema", command)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def validators() -> dict[str, Draft202012Validator]:
    found = {}
    for command in COMMANDS:
        document = schema(command)
        Draft202012Validator.check_schema(document)
        found[command] = Draft202012Validator(document)
    return found


def odd_report(folder: Path) -> None:
    """A hand-edited report: dated in the future, an empty customer, a control character, an
    e-mail address and a phone number in an answer, and a follow-up status nobody chose."""
    text = (FIXTURE_REPORTS / "2024-02-20-truckforare-till-nordlager.md").read_text(encoding="utf-8")
    text = text.replace("id: b2c3d4e5f6a1", "id: 99aa99aa99aa").replace("2024-02-20", "2026-12-28")
    text = text.replace("kund: Nordlager AB", "kund: ''")
    text = text.replace(
        "Vi går igenom kravprofilen", "Mejla anna@exempel.se eller ring 070-123 45 67 \x1b[31m innan"
    )
    (folder / ODD).write_text(text, encoding="utf-8")


def own_sets(tmp_path: Path) -> Path:
    sets = tmp_path / "egna-fragor"
    sets.mkdir(exist_ok=True)
    (sets / "telefon.yaml").write_bytes((REPO / "docs" / "exempel-telefonintervju.yaml").read_bytes())
    (sets / "trasig.yaml").write_text("id: trasig\nversion: x\n", encoding="utf-8")
    return sets


def runs(folder: Path, sets: Path) -> Iterator[tuple[str, list[str]]]:
    """Every ``--json`` output over ``folder``: the command whose schema it has, and its arguments."""
    names = sorted(path.name for path in folder.glob("*.md"))
    yield "lista", ["lista"]
    yield "lista", ["lista", "--av", ANNA]
    yield "plan", ["plan"]
    yield "trend", ["trend"]
    yield "trend", ["trend", "--per", "kvartal"]
    yield "karta", ["karta"]
    yield "karta", ["karta", "--historik"]
    yield "karta", ["karta", "--historik", "--alla"]
    yield "karta", ["karta", "--team"]
    yield "granska", ["granska"]
    yield "status", ["status"]
    yield "fragor", ["fragor"]
    for set_id in ("kartlaggning", "snabbformat", str(sets / "telefon.yaml")):
        yield "fragor", ["fragor", "--visa", set_id]
    good = [name for name in names if "trasig" not in name]
    for name in good:
        yield "karta", ["karta", name]
    for a, b in pairwise(good):
        yield "jamfor", ["jamfor", a, b]
    if good:
        yield "jamfor", ["jamfor", good[-1], good[0]]


def checked(validators: dict[str, Draft202012Validator], folder: Path, sets: Path) -> dict[str, int]:
    """Validate every output; how many outputs each command gave."""
    counts = dict.fromkeys(COMMANDS, 0)
    for command, args in runs(folder, sets):
        result = (
            run_cli(*args, "--katalog", str(folder), "--json")
            if command != "fragor"
            else run_cli(*args, "--json")
        )
        assert result.exit_code in (0, 1), f"{args}: {result.output}"
        data = json.loads(result.stdout)
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validators[command].iter_errors(data)]
        assert errors == [], f"{' '.join(args)} --json:\n" + "\n".join(errors[:10])
        assert data["format"] == 2
        counts[command] += 1
    return counts


@pytest.mark.parametrize("kind", ["fixtures", "maps", "odd", "empty"])
def test_every_output_validates_against_its_schema(
    kind: str, reports_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, validators: Any
) -> None:
    sets = own_sets(tmp_path)
    monkeypatch.setenv("INTERVJUFAS_FRAGOR", str(sets))
    reports_dir.mkdir(exist_ok=True)
    if kind in ("fixtures", "odd"):
        for path in FIXTURE_REPORTS.glob("*.md"):
            shutil.copy(path, reports_dir / path.name)
    if kind in ("maps", "odd"):
        monkeypatch.setenv("INTERVJUFAS_FORFATTARE", ANNA)
        write_sample_reports(reports_dir)
    if kind == "odd":
        odd_report(reports_dir)
    counts = checked(validators, reports_dir, sets)
    assert all(counts[command] for command in COMMANDS if command != "jamfor" or kind != "empty"), counts


def test_the_odd_folder_fills_the_optional_parts(reports_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The outputs validated above really hold follow-up statuses, marks, findings and maps."""
    reports_dir.mkdir(exist_ok=True)
    for path in FIXTURE_REPORTS.glob("*.md"):
        shutil.copy(path, reports_dir / path.name)
    monkeypatch.setenv("INTERVJUFAS_FORFATTARE", ANNA)
    write_sample_reports(reports_dir)
    odd_report(reports_dir)
    items = json.loads(run_cli("plan", "--json").stdout)["oppna_moment"]
    assert {item["senaste_status"] for item in items} >= {None, "delvis"}
    assert {item["typ"] for item in items} >= {"utveckla", "lagga_till"}
    found = json.loads(run_cli("granska", "--json").stdout)["fynd"]
    assert {f["personuppgift"] for f in found} >= {"e_post", "telefon"}
    shown = json.loads(run_cli("karta", "2024-01-15-lager", "--json").stdout)
    marks = {m["markering"] for phase in shown["faser"] for m in phase["moment"]}
    assert marks >= {None, "utveckla", "nytt", "ta_bort"}
    compared = json.loads(run_cli("jamfor", "2024-01-15-lager", "2024-02-20-truck", "--json").stdout)
    assert compared["processkarta"]["andringar"] and compared["rapport_a"]["uppsattning"] == "kartlaggning"


def test_the_schemas_reject_the_old_shapes(
    validators: dict[str, Draft202012Validator], reports: Path
) -> None:
    data = json.loads(run_cli("plan", "--json").stdout)
    assert validators["plan"].is_valid(data)
    item = data["oppna_moment"][0]
    for key, value in (
        ("typ", "Utveckla"),
        ("steg", "Steg 1"),
        ("senaste_status", "Delvis"),
        ("moment", "x"),
    ):
        wrong = {**data, "oppna_moment": [{**item, key: value}]}
        assert not validators["plan"].is_valid(wrong), key
    assert not validators["plan"].is_valid(data["oppna_moment"])  # the unversioned list
    assert not validators["lista"].is_valid({"format": 1, "rapporter": []})


def _resolved(node: Any, defs: dict[str, Any], seen: frozenset[str] = frozenset()) -> Any:
    """``node`` with every local reference replaced by what it names (a cycle stays a reference)."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            name = ref.rsplit("/", 1)[1]
            rest = {key: _resolved(value, defs, seen) for key, value in node.items() if key != "$ref"}
            if name in seen:
                return {"$ref": ref, **rest}
            return {**_resolved(defs[name], defs, seen | {name}), **rest}
        return {key: _resolved(value, defs, seen) for key, value in node.items()}
    if isinstance(node, list):
        return [_resolved(value, defs, seen) for value in node]
    return node


def _properties(node: Any) -> Iterator[tuple[str, Any]]:
    """Every (key, schema) of every object's ``properties`` in a schema document."""
    if isinstance(node, dict):
        for key, value in node.get("properties", {}).items():
            yield key, value
        for value in node.values():
            yield from _properties(value)
    elif isinstance(node, list):
        for value in node:
            yield from _properties(value)


def test_one_key_one_definition_across_every_command() -> None:
    """Collected from the printed schemas: a key is always a reference to its own definition, and
    that definition (with everything it refers to) is the same in every command."""
    meanings: dict[str, dict[str, Any]] = {}
    for command in COMMANDS:
        document = shipped(command)
        assert document == schema(command) and document["$schema"].endswith("/draft/2020-12/schema")
        defs = document["$defs"]
        for key, value in _properties(document):
            assert value == {"$ref": f"#/$defs/{key}"}, f"{command}: {key} has a schema of its own"
            meaning = _resolved(defs[key], defs, frozenset({key}))
            meanings.setdefault(key, {})[command] = meaning
    for key, by_command in meanings.items():
        first = next(iter(by_command.values()))
        differing = [command for command, meaning in by_command.items() if meaning != first]
        assert differing == [], f"'{key}' differs in {differing}"
    assert set(meanings) == set(KEYS)  # (and no key is defined without being used)
    assert all(KEYS[key].get("description") for key in KEYS)


def test_steg_and_fragor_and_counts_mean_one_thing() -> None:
    """The words scripts tripped over: steg a number, fragor questions, counts antal_…, kinds and
    statuses ASCII codes with a Swedish text beside them."""
    assert KEYS["steg"]["type"] == "integer"
    assert KEYS["fragor"]["items"] == {"$ref": "#/$defs/Fraga"}
    for key, definition in KEYS.items():
        if key.startswith("antal_"):
            assert definition["type"] == "integer", key
        if key.endswith("_text") and key != "text":
            code = key.removesuffix("_text")
            assert all(re.fullmatch(r"[a-z_]+", value) for value in KEYS[code]["enum"] if value), key


def test_the_readme_table_names_every_key() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### JSON för skript", 1)[1].split("\n### ", 1)[0]
    listed = set(re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE))
    assert listed == set(KEYS) - {"ar", "ar_inte", "en_av", "innehaller", "besvarad", "minst", "hogst"}


@pytest.mark.parametrize("wrong", ["visa", "lista --json", ""])
def test_an_unknown_command_lists_the_known_ones(wrong: str) -> None:
    result = run_cli("schema", wrong)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"Fel: Inget JSON-schema för '{wrong}'; välj något av: lista, plan, trend, jamfor, karta, granska, status, "
        "fragor. Se 'intervjufas schema --help'.\n"
    )


def test_schema_needs_a_command() -> None:
    result = run_cli("schema")
    assert result.exit_code == 2 and result.stderr.startswith("Fel: Argumentet KOMMANDO saknas.")


def test_tab_completes_the_commands_with_a_schema() -> None:
    from intervjufas.cli.schema_cmds import _complete

    assert _complete("ka") == ["karta"] and _complete("") == list(COMMANDS)


def test_the_team_comparisons_validate_against_their_schemas(
    validators: dict[str, Draft202012Validator], reports_dir: Path
) -> None:
    """``jamfor --av A --av B --json`` and ``trend --av NAMN --json`` over a team's folder: each is one
    of its command's outputs, with the comparison in it."""
    from team_samples import write_team_reports

    write_team_reports(reports_dir)
    compared = run_cli("jamfor", "--av", "anna", "--av", "Bo", "--json")
    assert compared.exit_code == 0, compared.output
    data = json.loads(compared.stdout)
    assert validators["jamfor"].is_valid(data), list(validators["jamfor"].iter_errors(data))[:3]
    assert (data["konsult_a"], data["konsult_b"], data["skiljer_sig"]) == ("Anna", "Bo", True)
    before = next(phase for phase in data["konsultfaser"] if phase["id"] == "fore")
    assert before["bara_hos_a"] == ["Referenstagning"] and before["bara_hos_b"] == ["Referenser"]
    assert before["hos_bada"] == ["Kravprofil"]
    assert before["olika_beror"] == [
        {"namn_a": "Kallelse", "namn_b": "Kallelse", "beror_a": ["kunden"], "beror_b": ["kandidaten"]}
    ]
    trend = run_cli("trend", "--av", "anna", "--per", "kvartal", "--json")
    assert trend.exit_code == 0, trend.output
    data = json.loads(trend.stdout)
    assert validators["trend"].is_valid(data), list(validators["trend"].iter_errors(data))[:3]
    assert (data["konsult"], data["per"]) == ("Anna", "kvartal")
    (series,) = [s for t in data["teamtrender"] for s in t["teambetyg"] if s["fraga"] == "fore_betyg_kund"]
    assert series["teampunkter"][0]["period"] == "2024 K1"
    first = series["teampunkter"][0]
    assert (first["eget_medel"], first["antal_egna_rapporter"]) == (3.0, 2)  # (Anna's 2 and 4)
    assert first["antal_teamrapporter"] >= 5 and isinstance(first["teamets_median"], (int, float))
    # The shapes are told apart: a report comparison is not a consultants' comparison.
    assert not validators["jamfor"].is_valid({**data, "format": 2})
