"""Every option that names a customer or a report takes words as the finder does
(``folder.finding``): a part of the name, without regard to case or accents."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_cli

NORDLAGER = ("2024-01-15-lagerarbetare", "2024-02-20-truckforare", "2024-03-05-plockare")


@pytest.mark.parametrize("given", ["nordlager", "NORDLÄGER", "lager", "Nordlager AB", "ab nordlager"])
def test_trend_finds_the_customer_by_a_part_of_its_name(reports: Path, given: str) -> None:
    result = run_cli("trend", "--kund", given, columns=200)
    assert result.exit_code == 0, result.output
    assert "(2 rapporter, kund: " in result.stdout  # the full set: both Nordlager mappings
    assert "(1 rapport, kund: " in result.stdout  # the quick one ("nordlager ab")
    everyone = run_cli("trend", columns=200).stdout
    assert "(3 rapporter)" in everyone  # (Servicebolaget is one more: the filter does filter)


def test_trend_with_words_no_customer_has(reports: Path) -> None:
    result = run_cli("trend", "--kund", "nordlager logistik", columns=200)
    assert result.exit_code == 0
    assert result.stdout.startswith("Det finns inga betyg för kunden nordlager logistik att visa ännu.")


def test_plan_kund_keeps_the_items_of_that_customers_reports(reports: Path) -> None:
    every = run_cli("plan", columns=250).stdout
    assert "servicebolaget" in every
    nordlager = run_cli("plan", "--kund", "Nordläger", columns=250)
    assert nordlager.exit_code == 0, nordlager.output
    assert "servicebolaget" not in nordlager.stdout
    assert all(name in nordlager.stdout for name in NORDLAGER)
    service = run_cli("plan", "--kund", "SERVICE", columns=250).stdout
    assert "2024-02-28-kundtjanst-till-servicebolaget.md" in service
    assert not any(name in service for name in NORDLAGER)
    none = run_cli("plan", "--kund", "ingen sådan")
    assert none.exit_code == 0
    assert none.stdout.startswith("Inga öppna moment för kunden ingen sådan i utvecklingsplanerna")


def test_plan_help_says_how_the_customer_is_named() -> None:
    result = run_cli("plan", "--help", columns=100)
    words = " ".join(result.stdout.replace("│", " ").split())  # (the text as read, across the box's lines)
    assert "--kund" in result.stdout and "en del av namnet" in words


@pytest.mark.parametrize(
    "args",
    [
        ["visa", "servicebol", "--ingen-pager"],
        ["karta", "servicebol", "--json"],
        ["jamfor", "servicebol", "truckförare", "--json"],
        ["exportera", "servicebol", "--format", "html", "-o", "{tmp}/ut.html"],
        ["granska", "servicebol"],
    ],
    ids=lambda args: args[0],
)
def test_every_command_naming_a_report_takes_words(reports: Path, tmp_path: Path, args: list[str]) -> None:
    result = run_cli(*(arg.replace("{tmp}", str(tmp_path)) for arg in args), columns=200)
    assert result.exit_code == 0, result.output
    assert "Fel:" not in result.stderr


def test_granska_scans_every_report_the_words_name(reports: Path) -> None:
    assert run_cli("granska", "nordlager").stdout == "Inga personuppgifter hittades i 3 rapporter.\n"
    assert run_cli("granska", "2024-02").stdout == "Inga personuppgifter hittades i 2 rapporter.\n"
    missing = run_cli("granska", "nordlager logistik")
    assert missing.exit_code == 1 and missing.stderr.startswith("Fel: Hittar ingen rapport")
