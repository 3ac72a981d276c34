"""Reading one report of a folder for its plan and map facts only: the header checked as
``loading.load_report`` checks it, then only the parts those facts need
(``report.partial_parse``), or the whole report when it is in any way unusual.

The ``Report`` of the ``LoadedReport`` it gives holds the header's facts, the follow-ups, the marks
made from ``plan`` and the answers of the questions that plan (and map the process, with
``maps``; without ``plans``, none: the follow-ups and marks alone) – enough for ``reading.plan.plan_facts.report_plan`` and
``reading.process_map.facts.facts_of``, which give exactly what they give for the whole report.
Anything else of it is not there: it is for those two alone.
"""

from __future__ import annotations

from pathlib import Path

from intervjufas.folder.loading import LoadedReport, read_checked
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.report.parse import parse
from intervjufas.report.partial_parse import parse_parts


def load_parts(
    path: Path,
    extra: Questionnaire | None = None,
    *,
    in_folder: bool = False,
    maps: bool = False,
    plans: bool = True,
) -> LoadedReport:
    """``loading.load_report`` for the plan's facts (with ``maps``, the map's too; without
    ``plans``, the follow-ups and marks alone)."""
    text, header_read, questionnaire = read_checked(path, extra, in_folder=in_folder)
    report = parse_parts(text, questionnaire, header_read, maps=maps, plans=plans, file=str(path))
    if report is None:
        report = parse(text, questionnaire, file=str(path), strict=False, header_read=header_read)
    return LoadedReport(path, report, questionnaire)
