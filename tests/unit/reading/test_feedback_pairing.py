"""A form's ratings stand beside the consultant's own ratings of the same party's experience: per
phase in the full mapping, for the whole process in the quick one."""

from __future__ import annotations

import pytest

from feedback_samples import form_for
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.reading.feedback.pairing import paired_ratings


@pytest.mark.parametrize(
    ("audience", "party"),
    [("kandidat", "kandidat"), ("kund", "kund")],
)
def test_each_phase_beside_the_consultants_rating_of_that_phase(
    kartlaggning: Questionnaire, audience: str, party: str
) -> None:
    assert paired_ratings(form_for(audience), kartlaggning) == {
        "fore_betyg": f"fore_betyg_{party}",
        "under_betyg": f"under_betyg_{party}",
        "efter_betyg": f"efter_betyg_{party}",
    }


@pytest.mark.parametrize(("audience", "party"), [("kandidat", "kandidat"), ("kund", "kund")])
def test_the_whole_process_beside_the_quick_mappings_rating(
    snabbformat: Questionnaire, audience: str, party: str
) -> None:
    assert paired_ratings(form_for(audience), snabbformat) == {"helhet_betyg": f"snabb_betyg_{party}"}
