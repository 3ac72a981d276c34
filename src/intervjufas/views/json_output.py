"""JSON for scripts (``--json``): indented, in the output's encoding when it has every character,
else with escapes (\u2192), so that the data is never changed by a narrow encoding."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any

from intervjufas.model.conditions import AllOf, Comparison, Condition, Not
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.model.questions import Question
from intervjufas.views.json_escape import _RAW_CONTROLS as _RAW_CONTROLS  # (their home; used from here too)
from intervjufas.views.json_escape import escaped_controls as escaped_controls
from intervjufas.views.json_vocabulary import FORMAT

if TYPE_CHECKING:
    from intervjufas.questionsets.catalog import SetEntry
    from intervjufas.reading.trend import SetTrend


def json_text(data: Any, encoding: str | None = "utf-8") -> str:
    """``data`` as indented JSON that ``encoding`` can hold exactly, with every control character
    escaped (``\\u009b``), so that the text is the same data and safe for any terminal."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    try:
        text.encode(encoding or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return json.dumps(data, ensure_ascii=True, indent=2)
    return escaped_controls(text)


def write_json(data: Any, stream: IO[str]) -> None:
    """Write ``data`` as JSON (and a newline) to ``stream``."""
    stream.write(json_text(data, getattr(stream, "encoding", None)) + "\n")


# -- the shapes of trend and fragor (lista, plan and jamfor have theirs beside their views) --------


def trend_data(trends: list[SetTrend]) -> dict[str, Any]:
    """``trend --json``: per question set, the mean of every rating per period."""
    return {
        "format": FORMAT,
        "trender": [
            {
                "uppsattning": trend.set_id,
                "titel": trend.title,
                "antal_rapporter": trend.reports,
                "perioder": list(trend.periods),
                "betyg": [
                    {
                        "fraga": series.question_id,
                        "etikett": series.label,
                        "min": series.scale_min,
                        "max": series.scale_max,
                        "punkter": [
                            {"period": p.period, "medel": round(p.mean, 3), "antal_rapporter": p.count}
                            | ({"antal_svar": p.respondents} if series.survey else {})
                            for p in series.points
                        ],
                    }
                    | ({"enkat": series.survey} if series.survey else {})
                    for series in trend.series
                ],
            }
            for trend in trends
        ],
    }


def set_list_data(entries: Sequence[SetEntry]) -> dict[str, Any]:
    """``fragor --json``: every set found, and every own file that cannot be used with its errors."""
    data = []
    for entry in entries:
        q = entry.questionnaire
        if q is None:
            errors = [f"{d.line}:{d.column}: {d.message}" for d in entry.problems]
            data.append({"kalla": entry.origin, "anvandbar": False, "fel": errors})
            continue
        count = sum(1 for _ in q.all_questions())
        data.append(
            {
                "id": q.id,
                "version": q.version,
                "titel": q.title,
                "beskrivning": q.description,
                "antal_steg": len(q.steps),
                "antal_fragor": count,
                "kalla": entry.origin,
                "anvandbar": True,
            }
        )
    return {"format": FORMAT, "uppsattningar": data}


def set_data(questionnaire: Questionnaire) -> dict[str, Any]:
    """``fragor --visa ID --json``: the set as it will be asked, with the keys of the YAML format
    (a question's ``typ`` as ``fragetyp``: ``typ`` is an action's kind in every output)."""
    q = questionnaire
    return {
        "format": FORMAT,
        "id": q.id,
        "version": q.version,
        "titel": q.title,
        "beskrivning": q.description,
        "avslutning": q.closing,
        "kontrollsumma": q.content_hash,
        "metadata": [question_data(question) for question in q.metadata],
        "stegen": [
            {
                "steg": step.number,
                "id": step.id,
                "steg_namn": step.label,
                "titel": step.title,
                "ingress": step.lead,
                "fragor": [question_data(question) for question in step.questions],
            }
            for step in q.steps
        ],
    }


def question_data(question: Question) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": question.id,
        "text": question.text,
        "fragetyp": question.kind.name,
        "obligatorisk": question.required,
        "hjalp": question.help,
        "kort": question.short,
    }
    if question.choices:
        data["val"] = list(question.choices)
    if question.comment:
        data["kommentar"] = True
    if question.kind.is_rating:
        data.update(min=question.scale_min, max=question.scale_max)
        data["etiketter"] = {str(n): text for n, text in question.scale_labels}
    if question.default is not None:
        data["standard"] = question.default
    if question.plan:
        data["plan"] = question.plan
    if question.group is not None:
        data["grupp"] = {"id": question.group.id, "rubrik": question.group.title, "text": question.group.text}
    data["villkor"] = condition_data(question.condition) if question.condition is not None else None
    return data


def condition_data(condition: Condition) -> dict[str, Any]:
    """A condition as in the question file: {fraga, jämförelse}, {alla}, {nagon} or {inte}."""
    if isinstance(condition, Comparison):
        return {"fraga": condition.question_id, condition.operator: condition.value}
    if isinstance(condition, Not):
        return {"inte": condition_data(condition.condition)}
    key = "alla" if isinstance(condition, AllOf) else "nagon"
    return {key: [condition_data(c) for c in condition.conditions]}
