"""A folder of reports in which a chosen share still has open action items, as in a real team folder
(``plan`` reads every report with open items in full, so their share decides its cost).

The reports are made as ``report_corpus`` makes them (three authors, maps, plans, distinct ids),
but each consultant follows up only the open items of the same customer's earlier reports – the
items that will be closed (done or dropped) at their first follow-up, and up to two of those that
stay open ("Delvis", "Inte än"), so that open items gather a history of follow-ups.  A report's
items stay open with probability ``open_share``; the same seed gives the same folder.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path

from intervjufas.model.answers import Answer
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.report.model import FollowUp
from intervjufas.report.plan import planned_items
from intervjufas.report.render import render
from report_corpus import CorpusSummary, _file_name, _report


def generate(
    folder: Path, count: int, *, open_share: float, seed: int = 2026, authors: Sequence[str] = ()
) -> CorpusSummary:
    """Write ``count`` reports into ``folder``; about ``open_share`` of them keep open items."""
    rng = random.Random(seed)
    sets = {set_id: builtin_set(set_id) for set_id in ("kartlaggning", "snabbformat")}
    start = dt.date(2024, 1, 8)
    span = (dt.date(2026, 6, 30) - start).days
    moments = sorted((rng.randrange(span), rng.randrange(8 * 3600, 17 * 3600)) for _ in range(count))
    closing: dict[str, dict[str, str]] = {}  # customer -> item key -> label (closed when followed up)
    staying: dict[str, dict[str, str]] = {}  # customer -> item key -> label (never closed)
    names: set[str] = set()
    by_set = {set_id: 0 for set_id in sets}
    total_items = total_follow_ups = 0
    for number, (offset, second) in enumerate(moments):
        day = start + dt.timedelta(days=offset)
        questionnaire = sets["snabbformat" if rng.random() < 0.15 else "kartlaggning"]
        report = _report(rng, questionnaire, day, second)
        report.author = authors[number % len(authors)] if authors else ""
        customer = str(report.answers["kund"].value) if "kund" in report.answers else ""
        to_close, to_keep = closing.setdefault(customer, {}), staying.setdefault(customer, {})
        follow_ups = [
            FollowUp(key, label, Answer(rng.choice(("Genomfört", "Släpp"))))
            for key, label in to_close.items()
        ]
        for key in rng.sample(sorted(to_keep), min(2, len(to_keep))):
            follow_ups.append(FollowUp(key, to_keep[key], Answer(rng.choice(("Delvis", "Inte än")))))
        to_close.clear()
        report.follow_ups = follow_ups
        keeps = rng.random() < open_share
        for planned in planned_items(report, questionnaire):
            label = f"{planned.item.moment} ({planned.step.label} · {planned.kind_label.lower()} · {day})"
            (to_keep if keeps else to_close)[planned.key] = label
            total_items += 1
        total_follow_ups += len(follow_ups)
        (folder / _file_name(names, day, report.uppdrag)).write_text(render(report, questionnaire), "utf-8")
        by_set[questionnaire.id] += 1
    return CorpusSummary(count, by_set, total_items, total_follow_ups)


if __name__ == "__main__":  # folder, count, open share, authors (JSON)
    made = generate(
        Path(sys.argv[1]), int(sys.argv[2]), open_share=float(sys.argv[3]), authors=json.loads(sys.argv[4])
    )
    print(json.dumps(dataclasses.asdict(made)))
