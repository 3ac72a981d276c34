"""The follow-up of earlier plans from the command line (plain prompts, answers piped in): the same
customer's open items, newest first, five at a time with the choice to see more, and
``--uppfoljning alla|kund|ingen``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from helpers import CliResult, run_cli
from intervjufas.report.front_matter import read_front_matter


def earlier(tmp_path: Path, name: str, uppdrag: str, kund: str, datum: str, moments: list[str]) -> None:
    answers = {
        "uppdrag": uppdrag,
        "kund": kund,
        "datum": datum,
        "fore_kunden": "Kravprofil",
        "fore_lagga_till": "Ja",
        "fore_lagga_till_vad": [{"moment": m, "varfor": f"för att {m}"} for m in moments],
        "fore_utveckla": "Nej",
        "fore_ta_bort": "Nej",
    }
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
    result = run_cli("kartlagg", "--steg", "1", "--svar", str(path))
    assert result.exit_code == 0, result.output


@pytest.fixture
def plans(reports_dir: Path, tmp_path: Path) -> Path:
    earlier(tmp_path, "a", "Lager", "Nordlager AB", "2024-01-10", ["A1", "A2", "A3", "A4"])
    earlier(tmp_path, "b", "Kontor", "Kontorab", "2024-02-10", ["B1", "B2"])
    earlier(tmp_path, "c", "Truck", "nordlager ab", "2024-03-10", ["C1", "C2", "C3"])
    return reports_dir


METADATA = "Nytt uppdrag\n{kund}\n\n\n1\n\n"  # uppdrag, kund, roll, intervjuformer, individuellt, datum


def new_mapping(*options: str, kund: str = "Nordlager AB", follow_ups: str = "") -> tuple[CliResult, dict]:
    """Start a mapping for ``kund`` with plain prompts and piped answers; they end at Steg 1."""
    folder = Path(os.environ["INTERVJUFAS_KATALOG"])
    before = set(folder.glob("*.md"))
    result = run_cli(
        "kartlagg", "--enkel", "--steg", "1", *options, input=METADATA.format(kund=kund) + follow_ups
    )
    assert result.exit_code == 130, result.output  # (the input ends at the first question of Steg 1)
    assert "Steg 1 · fråga 1 av 11" in result.stdout
    (path,) = set(folder.glob("*.md")) - before
    return result, read_front_matter(path, check=True)["uppfoljning"]


def test_the_customers_items_five_at_a_time_then_more(plans: Path) -> None:
    answers = "1\n\n" * 5 + "1\n" + "2\nsnart\n" * 2  # five Genomfört, Visa fler, two Delvis
    result, followed = new_mapping(follow_ups=answers)
    out = result.stdout
    assert "5 av 7 öppna moment för Nordlager AB (de nyaste först)." in out
    assert out.index("C1 (lägga till, 2024-03-10)") < out.index("A1 (lägga till, 2024-01-10)")
    assert "A3 (lägga till" not in out.split("Det finns 2 öppna moment till.")[0]
    assert "Uppföljning · moment 1 av 7" in out and "Uppföljning · moment 7 av 7" in out
    assert "Det finns 2 öppna moment till. Vill du följa upp fler?" in out
    assert "Moment 6–7 av 7 öppna moment för Nordlager AB." in out
    assert "B1" not in out  # another customer's plan
    assert sorted(followed.values()) == ["Delvis"] * 2 + ["Genomfört"] * 5


def test_skipping_the_rest_records_only_what_was_shown(plans: Path) -> None:
    result, followed = new_mapping(follow_ups="3\n\n" * 5 + "2\n")
    assert list(followed.values()) == ["Inte än"] * 5
    assert "Moment 6–7" not in result.stdout


def test_alla_and_a_customer_without_plans(plans: Path) -> None:
    result, _ = new_mapping("--uppfoljning", "alla", follow_ups="3\n\n" * 5 + "2\n")  # Inte än: still open
    assert "5 av 9 öppna moment från alla tidigare utvecklingsplaner (de nyaste först)." in result.stdout
    new, _ = new_mapping(kund="Ny kund AB", follow_ups="1\n\n" * 5 + "2\n")
    assert (
        "Det finns inga öppna moment för Ny kund AB. 5 av 9 öppna moment från tidigare rapporter med samma frågeuppsättning"
        in new.stdout
    )


@pytest.mark.parametrize(
    "options", [["--uppfoljning", "ingen"], ["--utan-uppfoljning"], ["--uppfoljning", "INGA"]]
)
def test_no_follow_up(plans: Path, options: list[str]) -> None:
    result, followed = new_mapping(*options)
    assert followed == {}
    assert "Uppföljning" not in result.stdout


def test_a_wrong_or_contradicting_choice_is_a_usage_error(plans: Path) -> None:
    wrong = run_cli("kartlagg", "--uppfoljning", "ibland")
    assert wrong.exit_code == 2
    assert wrong.stderr.startswith(
        "Fel: Okänt värde 'ibland' för --uppfoljning; välj kund, alla eller ingen."
    )
    both = run_cli("kartlagg", "--uppfoljning", "alla", "--utan-uppfoljning")
    assert both.exit_code == 2
    assert both.stderr == "Fel: --utan-uppfoljning och --uppfoljning alla säger emot varandra. Se 'intervjufas kartlagg --help'.\n"
