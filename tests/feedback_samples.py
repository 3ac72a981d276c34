"""A report's map and facts for the feedback tests, the forms built from them, and the hand-made
survey exports in ``tests/fixtures/feedback`` (shaped as Microsoft Forms and Google Forms write
them, and as Excel saves them again)."""

from __future__ import annotations

from pathlib import Path

from intervjufas.model.answers import Moment
from intervjufas.reading.feedback.forms import AUDIENCES, Form, build_form, builtin_form_set

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "feedback"

MAP = {
    "fore": (
        Moment("Information om intervjun", ("kandidaten",), id="inf0rm01"),
        Moment("Genomgång av kravprofilen med kunden", ("kunden",), id="krav0001"),
        Moment("Påminnelse dagen före", ("kandidaten",), id="pam00001"),
    ),
    "under": (
        Moment("Rundvisning på lagret", ("kandidaten", "kunden"), id="rund0001"),
        Moment("Presentation av kandidaten för kunden", ("kunden",), id="pres0001"),
        Moment("Fika med teamet", (), id="fika0001"),  # involves nobody named: asked of no one
    ),
    "efter": (
        Moment("Återkoppling till kandidaten", ("kandidaten",), id="ater0001"),
        Moment("Avstämning med kunden", ("kunden",), id="avst0001"),
    ),
}
FACTS = {"uppdrag": "Lagerarbetare till Nordlager", "roll": "Lagerarbetare", "kund": "Nordlager AB"}
CANDIDATE_ITEMS = [
    "fore_betyg",
    "fore_moment.inf0rm01",
    "fore_moment.pam00001",
    "under_betyg",
    "under_moment.rund0001",
    "efter_betyg",
    "efter_moment.ater0001",
    "helhet_betyg",
    "bemotande",
    "fritext",
]


def form_for(audience: str, moments: dict[str, tuple[Moment, ...]] | None = None) -> Form:
    chosen = AUDIENCES[audience]
    return build_form(builtin_form_set(chosen), chosen, MAP if moments is None else moments, FACTS)


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()
