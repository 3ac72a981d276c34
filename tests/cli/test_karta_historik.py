"""`intervjufas karta --historik`: each moment's timeline across the consultant's maps – when it
came, was renamed, planned to change, added, developed or removed through a follow-up marked
Genomfört, and left – as text, Markdown and JSON; the own maps by default, everyone's with --alla."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from helpers import run_cli
from map_samples import ANNA, ERIK, FIRST, SECOND, THIRD, write_sample_reports


def historik(*args: str, **options: object) -> object:
    return run_cli("karta", "--historik", *args, columns=100, **options)  # type: ignore[arg-type]


@pytest.fixture
def maps(reports_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("INTERVJUFAS_FORFATTARE", ANNA)
    return write_sample_reports(reports_dir)


def test_the_timeline_of_each_moment(maps: Path) -> None:
    result = historik("--detaljer")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith(
        "Processkartans historik\n1 rapport av andra författare är inte med; --alla tar med dem.\n\n"
        "Dina kartor (Anna Berg): 3 rapporter, 2024-01-15 – 2024-03-05\n\nFöre intervjun\n"
    )
    assert (
        "  Förberedande samtal (på kartan nu)\n"
        f"    2024-01-15  Planerat att läggas till (varför: Minska nervositeten) · {FIRST}\n"
        f"    2024-02-20  Tillagt – uppföljningen: Genomfört · {SECOND}\n"
    ) in out
    assert (
        "  Kallelse (inte längre på kartan)\n"
        f"    2024-01-15  På kartan för första gången · {FIRST}\n"
        f"    2024-01-15  Planerat att utvecklas (varför: Tydligare information) · {FIRST}\n"
        f"    2024-02-20  Utvecklat – uppföljningen: Genomfört · {SECOND}\n"
        f"    2024-03-05  Inte längre på kartan · {THIRD}\n"
    ) in out
    assert f"    2024-02-20  Nytt namn: Kravprofil → Genomgång av kravprofilen · {SECOND}\n" in out
    assert f"    2024-03-05  Borttaget – uppföljningen: Genomfört · {THIRD}\n" in out
    assert "Telefonscreening" not in out  # Erik's
    assert out.index("Före intervjun") < out.index("Under intervjun") < out.index("Efter intervjun")


def test_everyone_s_maps_author_by_author(maps: Path) -> None:
    out = historik("--alla", "--detaljer").stdout
    assert "\nAnna Berg: 3 rapporter, 2024-01-15 – 2024-03-05\n" in out
    assert "\nErik Ek: 1 rapport, 2024-03-10\n" in out
    assert out.index("Anna Berg:") < out.index("Erik Ek:")
    assert "  Telefonscreening (på kartan nu)\n    2024-03-10  På kartan för första gången" in out
    someone = historik("--detaljer", env={"INTERVJUFAS_FORFATTARE": "Okänd"}).stdout
    assert (
        "Ingen rapport av dig (Okänd) har en processkarta här, så historiken visar allas kartor"
        in " ".join(someone.split())
    )
    assert someone.index("Erik Ek:") < someone.index("Anna Berg:")  # the newest first


def test_markdown(maps: Path) -> None:
    result = historik("--detaljer", "--format", "markdown")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith(
        "# Processkartans historik\n\n*1 rapport av andra författare är inte med; --alla tar med dem.*\n"
    )
    assert "\n## Dina kartor (Anna Berg): 3 rapporter, 2024-01-15 – 2024-03-05\n" in text
    assert (
        "\n### Före intervjun\n\n#### Genomgång av kravprofilen (på kartan nu)\n\n| Datum | Händelse | Rapport |\n"
        in text
    )
    assert f"| 2024-03-05 | Borttaget – uppföljningen: Genomfört | `{THIRD}` |" in text
    tokens = MarkdownIt().enable("table").parse(text)
    assert sum(1 for token in tokens if token.type == "table_open") == 7  # one table per moment


def test_json(maps: Path) -> None:
    data = json.loads(historik("--json").stdout)
    assert data["forfattare"] == ANNA and data["alla_forfattare"] is False and data["antal_utelamnade"] == 1
    [line] = data["historik"]
    assert line["forfattare"] == ANNA
    assert [(r["fil"], r["forfattare"]) for r in line["rapporter"]] == [(FIRST, ANNA), (SECOND, ANNA), (THIRD, ANNA)]
    moment = next(m for m in line["moment"] if m["namn"] == "Intervju")
    assert {key: moment[key] for key in ("id", "fas", "pa_kartan")} == {
        "id": "m0intv",
        "fas": "under",
        "pa_kartan": True,
    }
    assert [(e["handelse"], e["datum"], e["fil"], e["uppfoljning"]) for e in moment["handelser"]] == [
        ("forsta_gangen", "2024-01-15", FIRST, False),
        ("planerat_utveckla", "2024-02-20", SECOND, False),
        ("utvecklat", "2024-03-05", THIRD, True),
    ]
    assert moment["handelser"][1]["varfor"] == "Mer struktur"
    renamed = next(m for m in line["moment"] if m["id"] == "m0krav")["handelser"][1]
    assert (renamed["handelse"], renamed["fore"], renamed["efter"]) == (
        "nytt_namn",
        "Kravprofil",
        "Genomgång av kravprofilen",
    )
    everyone = json.loads(historik("--alla", "--json").stdout)
    assert [line["forfattare"] for line in everyone["historik"]] == [ANNA, ERIK] and everyone["alla_forfattare"] is True


def test_an_empty_folder(reports_dir: Path) -> None:
    reports_dir.mkdir()
    result = historik()
    assert result.exit_code == 0
    assert (
        f"Det finns ingen processkarta i {reports_dir} ännu, så det finns ingen historik att visa."
        in " ".join(result.stdout.split())
    )
    assert json.loads(historik("--json").stdout)["historik"] == []


def _answers(folder: Path, name: str, answers: dict) -> Path:
    path = folder / name
    path.write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
    return path


def test_maps_made_by_the_program(reports_dir: Path, tmp_path: Path) -> None:
    """Two mappings made with answers files: the second renames a moment (same id), marks one
    developed, drops one and adds one by hand."""
    common = {"kund": "Nordlager AB", "fore_lagga_till": "Nej", "fore_utveckla": "Nej", "fore_ta_bort": "Nej"}
    first = {
        **common,
        "uppdrag": "Lager",
        "datum": "2024-01-15",
        "fore_karta": [
            {"namn": "Kravprofil", "beror": "kunden", "id": "krav01"},
            {"namn": "Kallelse", "beror": "kandidaten", "id": "kall01"},
            {"namn": "Telefonsamtal", "id": "tele01"},
        ],
    }
    second = {
        **common,
        "uppdrag": "Truck",
        "datum": "2024-02-20",
        "fore_karta": [
            {"namn": "Genomgång av kravprofilen", "beror": "kunden", "id": "krav01"},
            {"namn": "Kallelse", "beror": "kandidaten", "id": "kall01", "utvecklat": "2024-02-20"},
            {"namn": "Välkomstmejl", "beror": "kandidaten"},
        ],
    }
    for name, answers in (("ett.yaml", first), ("tva.yaml", second)):
        made = run_cli("kartlagg", "--svar", str(_answers(tmp_path, name, answers)), "--steg", "1")
        assert made.exit_code == 0, made.output
    result = historik("--detaljer", env={"INTERVJUFAS_FORFATTARE": "Anna"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "  Genomgång av kravprofilen (på kartan nu)\n    2024-01-15  På kartan för första gången" in out
    assert "    2024-02-20  Nytt namn: Kravprofil → Genomgång av kravprofilen · 2024-02-20-truck.md\n" in out
    assert "    2024-02-20  Markerat som utvecklat 2024-02-20 · 2024-02-20-truck.md\n" in out
    assert "  Telefonsamtal (inte längre på kartan)\n" in out
    assert "    2024-02-20  Inte längre på kartan · 2024-02-20-truck.md\n" in out
    assert "  Välkomstmejl (på kartan nu)\n    2024-02-20  På kartan för första gången" in out


# -- the default view: the map's changes ----------------------------------------------------------


def test_by_default_each_moment_s_changes_once(maps: Path) -> None:
    result = historik()
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith(
        "Processkartans historik\n1 rapport av andra författare är inte med; --alla tar med dem.\n"
        "Varje karta i detalj, med planerade ändringar: --detaljer.\n\n"
        "Dina kartor (Anna Berg): 3 rapporter, 2024-01-15 – 2024-03-05\n\nFöre intervjun\n"
    )
    assert (
        "  Genomgång av kravprofilen (på kartan nu)\n"
        f"    2024-01-15  Tillagt · {FIRST}\n"
        f"    2024-02-20  Nytt namn: Kravprofil → Genomgång av kravprofilen · {SECOND}\n"
        "  Förberedande samtal (på kartan nu)\n"
        f"    2024-02-20  Tillagt – uppföljningen: Genomfört · {SECOND}\n"
        "  Kallelse (inte längre på kartan)\n"
        f"    2024-01-15  Tillagt · {FIRST}\n"
        f"    2024-02-20  Utvecklat – uppföljningen: Genomfört · {SECOND}\n"
        f"    2024-03-05  Borttaget · {THIRD}\n"
    ) in out
    assert "Planerat" not in out and "Telefonscreening" not in out  # (plans; Erik's map)
    assert out.index("Före intervjun") < out.index("Under intervjun") < out.index("Efter intervjun")


def test_a_change_made_many_times_is_one_line(reports_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A moment that comes and goes on five maps: one line each for added and removed, the newest
    with its report and how often."""
    monkeypatch.setenv("INTERVJUFAS_FORFATTARE", "Anna")
    reports_dir.mkdir()
    for day in range(1, 6):
        moments = [{"namn": "Kravprofil", "id": "k1"}] + ([{"namn": "Samtal", "id": f"s{day}"}] if day % 2 else [])
        answers = {"uppdrag": f"Uppdrag {day}", "kund": "Nordlager AB", "datum": f"2024-01-0{day}", "fore_karta": moments}
        answers |= {"fore_lagga_till": "Nej", "fore_utveckla": "Nej", "fore_ta_bort": "Nej"}
        made = run_cli("kartlagg", "--svar", str(_answers(reports_dir.parent, f"{day}.yaml", answers)), "--steg", "1")
        assert made.exit_code == 0, made.output
    out = historik().stdout
    assert (
        "  Samtal (på kartan nu)\n"
        "    2024-01-04  Borttaget (2 gånger sedan 2024-01-02) · 2024-01-04-uppdrag-4.md\n"
        "    2024-01-05  Tillagt (3 gånger sedan 2024-01-01) · 2024-01-05-uppdrag-5.md\n"
    ) in out
    assert out.count("Kravprofil") == 1 and "    2024-01-01  Tillagt · 2024-01-01-uppdrag-1.md\n" in out


def test_everyone_s_changes_and_markdown(maps: Path) -> None:
    out = historik("--alla").stdout
    assert "\nAnna Berg: 3 rapporter, 2024-01-15 – 2024-03-05\n" in out
    assert "\nErik Ek: 1 rapport, 2024-03-10\n" in out
    assert "  Telefonscreening (på kartan nu)\n    2024-03-10  Tillagt · " in out
    text = historik("--format", "markdown").stdout
    assert text.startswith("# Processkartans historik\n\n*1 rapport av andra författare är inte med; --alla tar med dem.*\n")
    assert "| Moment | Datum | Ändring | Rapport |" in text
    assert f"| Kallelse (inte längre på kartan) | 2024-01-15 | Tillagt | `{FIRST}` |\n|  | 2024-02-20 |" in text
    tokens = MarkdownIt().enable("table").parse(text)
    assert sum(1 for token in tokens if token.type == "table_open") == 3  # one table per phase


def test_no_author_set_shows_everyone_s_in_one_line(maps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INTERVJUFAS_FORFATTARE")
    out = run_cli("karta", "--historik", columns=300).stdout
    assert out.split("\n")[1] == (
        "Du har inte angett något författarnamn, så historiken visar allas kartor, författare för författare "
        '(ange ditt med intervjufas installningar forfattare "Ditt Namn").'
    )
    assert "\nErik Ek: 1 rapport" in out and "\nAnna Berg: 3 rapporter" in out


def test_details_only_with_the_history(maps: Path) -> None:
    result = run_cli("karta", "--detaljer")
    assert result.exit_code == 2
    assert "Fel: --detaljer hör till --historik" in result.stderr
    assert json.loads(historik("--json").stdout) == json.loads(historik("--json", "--detaljer").stdout)


@pytest.mark.parametrize("columns", [40, 80])
@pytest.mark.parametrize("flags", [[], ["--detaljer"], ["--alla", "--detaljer"]])
def test_a_pipe_gets_the_lines_a_terminal_shows(maps: Path, flags: list[str], columns: int) -> None:
    """Streamed line by line to a pipe, laid out as in the terminal (drawn whole for the pager)."""
    import re

    piped = run_cli("karta", "--historik", *flags, columns=columns).stdout
    shown = run_cli(
        "karta", "--historik", *flags, columns=columns, env={"TTY_COMPATIBLE": "1", "LINES": "500", "NO_COLOR": "1"}
    ).stdout
    drawn = "\n".join(line.rstrip() for line in re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown).split("\n"))
    assert piped.rstrip("\n") == drawn.rstrip("\n") and len(piped.split("\n")) > 10
