"""A folder of realistic reports for the listing benchmark, written the way the program writes them.

Each report is an ``intervjufas.report.Report`` filled in from the built-in question sets (mostly
the full mapping, some quick-format ones), with varied assignments, customers and dates, answers
in every step (some reports only part-way), action items, and follow-ups of earlier reports'
action items, and is written with ``intervjufas.report.render``.  Every answer goes through
``intervjufas.model.answer_codec.coerce``, so it is valid exactly as a typed answer would be.  The same seed
gives the same folder.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from intervjufas.model.answer_codec import coerce
from intervjufas.model.answers import ActionItem, Answer, Moment
from intervjufas.model.questionnaire import Questionnaire, SetRef
from intervjufas.model.questions import Question
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.report.model import CLOSED_STATUSES, FOLLOW_UP_STATUSES, FollowUp, Report, slugify
from intervjufas.report.plan import planned_items
from intervjufas.report.render import render

ROLES = (
    "Lagerarbetare",
    "Truckförare",
    "Undersköterska",
    "Kock",
    "Butikssäljare",
    "Lokalvårdare",
    "Bussförare",
    "Kundtjänstmedarbetare",
    "Elektriker",
    "Barnskötare",
    "Orderplockare",
    "Servitör",
    "IT-supporttekniker",
    "Montör",
    "Snickare",
    "Personlig assistent",
    "Ekonomiassistent",
    "Receptionist",
    "Bagare",
    "Fastighetsskötare",
)
CUSTOMERS = (
    "Nordlager AB",
    "Hemtjänsten Söder",
    "Hotell Strandkanten",
    "Matbutiken Centrum",
    "Bygg & Montage i Väst",
    "Regionens vårdcentral",
    "Stadsbussarna",
    "Kontaktcenter Norr",
    "Elinstallatörerna",
    "Förskolan Solrosen",
    "E-handelslagret i Jönköping",
    "Restaurang Åkanten",
    "Kommunens IT-avdelning",
    "Verkstaden i Borås",
    "Trähus i Dalarna",
    "Assistanskooperativet",
    "Redovisningsbyrån Ek",
    "Konferensgården Sjöudden",
    "Bageriet på hörnet",
    "Bostadsbolaget Hem",
)
COLLEAGUES = ("Amina", "Jonas", "Sara", "Mikael", "Leila", "Per", "Fatima", "Erik", "Noor", "Karin")
SENTENCES = (
    "Jag går igenom kravprofilen med kunden och vi bestämmer vilka frågor var och en ställer.",
    "Kandidaten får information om arbetsplatsen, vägbeskrivning och vem som möter upp.",
    "Vi övar på intervjun dagen innan och pratar om vad kandidaten vill lyfta fram.",
    "Kunden får en kort sammanfattning av varje kandidat inför mötet.",
    "Jag stämmer av med en kollega som känner branschen.",
    "Intervjun inleds med en presentation av företaget och tjänsten.",
    "Kandidaten får ställa frågor i slutet, och vi berättar när besked kommer.",
    "Vi har en gemensam mall för anteckningar så att bedömningen blir likvärdig.",
    "Efter intervjun ringer jag kandidaten samma dag och ger återkoppling.",
    "Kunden och jag stämmer av inom två dagar och bestämmer nästa steg.",
    "Referenser tas efter att kunden valt ut de två starkaste kandidaterna.",
    "Upplevelsen blir tryggare när alla vet vad som ska hända och när.",
    "Kunden uppskattar att slippa administrationen runt bokningarna.",
    "Kandidaten blev nervös av att intervjun drog ut på tiden.",
    "Det fungerade bra med en kortare telefonintervju först.",
    "Vi behöver bli tydligare med när kandidaten får besked.",
    "Tolken bokades i god tid, vilket gjorde samtalet lugnare.",
    "Kunden ville ha fler kandidater än vi hann ta fram.",
)
WHOM = ("kunden", "kandidaten", "kollegor")
PROCESS_MOMENTS = (
    "Kravprofil med kunden",
    "Urval av kandidater",
    "Förberedande samtal med kandidaten",
    "Intervjufrågor",
    "Intervju",
    "Bedömning tillsammans med kunden",
    "Återkoppling till kandidaterna",
    "Referenstagning",
)
MOMENTS = (
    ("Skicka en checklista till kunden inför intervjun", "så att alla vet sin roll"),
    ("Boka ett kort förberedande samtal med kandidaten", "för att minska nervositeten"),
    ("Ta fram gemensamma intervjufrågor med kunden", "för en mer likvärdig bedömning"),
    ("Återkoppla till alla kandidater inom två dagar", "kandidaterna ska inte behöva vänta"),
    ("Stryka det andra telefonsamtalet", "det gav inget nytt"),
    ("Låta kandidaten träffa en blivande kollega", "för att ge en bättre bild av arbetet"),
    ("Skriva en kort sammanfattning efter varje intervju", "så att kunden kan jämföra"),
    ("Fråga kunden om återkoppling på processen", "för att förbättra nästa uppdrag"),
    ("Erbjuda intervju på distans", "så att fler kan delta"),
    ("Korta ner presentationen av företaget", "mer tid till kandidatens frågor"),
    ("Förbereda praktiska detaljer skriftligt", "vägbeskrivning och kontaktperson"),
    ("Göra en gemensam genomgång efter intervjun", "så att bedömningen görs direkt"),
)
COMMENTS = (
    "",
    "",
    "Vi har en mall men följer den inte alltid.",
    "Fungerar bra med de flesta kunder.",
    "Behöver ses över.",
)


@dataclass(frozen=True)
class CorpusSummary:
    reports: int
    by_set: dict[str, int]
    action_items: int
    follow_ups: int


def generate(
    folder: Path,
    count: int,
    *,
    seed: int = 2026,
    authors: Sequence[str] = (),
    open_share: float | None = None,
) -> CorpusSummary:
    """Write ``count`` reports into ``folder`` (which must exist) and describe what was written;
    with ``authors``, the reports are made by them in turn (a shared folder).  With ``open_share``
    (0–1), about that share of the reports keep their action items open (followed up now and then
    as Delvis or Inte än), and the items of the others are closed by a later report's follow-up, a
    handful per report (see ``_bounded_follow_ups``)."""
    rng = random.Random(seed)
    sets = {set_id: builtin_set(set_id) for set_id in ("kartlaggning", "snabbformat")}
    start = dt.date(2024, 1, 8)
    span = (dt.date(2026, 6, 30) - start).days
    # Reports are made one after the other: by day, and within a day by the time they were created,
    # so that a report follows up only items of reports that come before it in the program's order
    # (date, then created) – as when a consultant works through the assignments.
    moments = sorted((rng.randrange(span), rng.randrange(8 * 3600, 17 * 3600)) for _ in range(count))
    open_items: dict[str, str] = {}  # action item key -> follow-up heading, oldest first
    kept_open: list[tuple[str, str]] = []  # (with open_share) items that are never closed
    names: set[str] = set()
    by_set = {set_id: 0 for set_id in sets}
    total_items = total_follow_ups = 0
    for number, (offset, second) in enumerate(moments):
        day = start + dt.timedelta(days=offset)
        questionnaire = sets["snabbformat" if rng.random() < 0.15 else "kartlaggning"]
        report = _report(rng, questionnaire, day, second)
        report.author = authors[number % len(authors)] if authors else ""
        if open_share is None:
            report.follow_ups = _follow_ups(rng, open_items)
        else:
            report.follow_ups = _bounded_follow_ups(rng, open_items, kept_open)
        for follow_up in report.follow_ups:
            if follow_up.status in CLOSED_STATUSES:
                del open_items[follow_up.key]
        keep = open_share is not None and rng.random() < open_share
        for planned in planned_items(report, questionnaire):
            label = f"{planned.item.moment} ({planned.step.label} · {planned.kind_label.lower()} · {day.isoformat()})"
            if keep:
                kept_open.append((planned.key, label))
            else:
                open_items[planned.key] = label
            total_items += 1
        total_follow_ups += len(report.follow_ups)
        name = _file_name(names, day, report.uppdrag)
        (folder / name).write_text(render(report, questionnaire), encoding="utf-8")
        by_set[questionnaire.id] += 1
    return CorpusSummary(count, by_set, total_items, total_follow_ups)


def _file_name(taken: set[str], day: dt.date, uppdrag: str) -> str:
    stem = f"{day.isoformat()}-{slugify(uppdrag)}"
    name, number = f"{stem}.md", 1
    while name in taken:
        number += 1
        name = f"{stem}-{number}.md"
    taken.add(name)
    return name


def _report(rng: random.Random, questionnaire: Questionnaire, day: dt.date, second: int) -> Report:
    offset = "+02:00" if 4 <= day.month <= 10 else "+01:00"
    hour, minute = divmod(second // 60, 60)
    created = f"{day.isoformat()}T{hour:02d}:{minute:02d}:{second % 60:02d}{offset}"
    finished = day + dt.timedelta(days=rng.choice((0, 0, 1, 3, 7, 14)))
    updated = f"{finished.isoformat()}T{rng.randrange(8, 18):02d}:{rng.randrange(60):02d}:00{offset}"
    report = Report(
        report_id=_hex(rng, 6),
        question_set=SetRef(questionnaire.id, questionnaire.version, questionnaire.content_hash),
        created=created,
        updated=updated,
    )
    role, customer = rng.choice(ROLES), rng.choice(CUSTOMERS)
    raw_metadata = {
        "uppdrag": f"{role} till {customer}",
        "kund": customer,
        "roll": role,
        "intervjuform": rng.sample(
            ("Telefonintervju", "Snabbintervju", "Konventionell intervju"), rng.randint(1, 2)
        ),
        "genomforande": "Tillsammans med en kollega" if rng.random() < 0.3 else "Individuellt",
        "kollega": rng.choice(COLLEAGUES),
        "datum": day.isoformat(),
    }
    for question in questionnaire.metadata:
        if question.id in raw_metadata and question.is_active(report.answers):
            report.answers[question.id] = coerce(question, raw_metadata[question.id])
    # Most reports are finished; some stopped after the first step or two, mid-step.
    steps = questionnaire.steps
    done = len(steps) if rng.random() < 0.8 else rng.randint(1, len(steps))
    for index, step in enumerate(steps[:done]):
        questions = list(step.questions)
        if index == done - 1 and done < len(steps):
            questions = questions[: rng.randint(1, len(questions))]
        for question in questions:
            if question.is_active(report.answers):
                report.answers[question.id] = _answer(rng, question)
    return report


def _answer(rng: random.Random, question: Question) -> Answer:
    kind = question.kind.name
    skip = not question.required and rng.random() < 0.05  # answered but left empty
    raw: object
    if kind == "text":
        raw = rng.choice(SENTENCES)
    elif kind == "langtext":
        raw = "" if skip else "\n\n".join(rng.sample(SENTENCES, rng.randint(1, 3)))
    elif kind == "janej":
        raw = "Ja" if rng.random() < 0.3 else "Nej"
    elif kind == "val":
        choice = rng.choice(question.choices)
        comment = rng.choice(COMMENTS) if question.comment else ""
        raw = {"svar": choice, "kommentar": comment} if comment else choice
    elif kind == "flerval":
        raw = rng.sample(question.choices, rng.randint(1, len(question.choices)))
    elif kind == "skala":
        raw = None if skip else rng.randint(question.scale_min, question.scale_max)
    elif kind == "datum":
        raw = "2026-01-15"
    elif kind == "atgarder":
        raw = [{"moment": m, "varfor": w} for m, w in rng.sample(MOMENTS, rng.randint(1, 2))]
    elif kind == "moment":
        raw = [
            {"namn": name, "beror": rng.sample(WHOM, rng.randint(0, 2))}
            for name in rng.sample(PROCESS_MOMENTS, rng.randint(2, 5))
        ]
    else:
        raise ValueError(f"unknown question type {kind!r}")
    return _identified(rng, question, coerce(question, raw))


def _hex(rng: random.Random, size: int) -> str:
    """An id as the program makes them (``size`` bytes in hex, never digits only), from the seed."""
    while (made := f"{rng.getrandbits(8 * size):0{2 * size}x}").isdigit():
        pass
    return made


def _identified(rng: random.Random, question: Question, answer: Answer) -> Answer:
    """The answer with ids on its moments and action items, as the program gives them (but
    reproducible from the seed)."""
    if not isinstance(answer.value, tuple):
        return answer

    def new() -> str:
        return _hex(rng, 4)

    value = tuple(
        replace(v, id=new(), moment_id=new() if question.plan == "lagga_till" else "")
        if isinstance(v, ActionItem)
        else replace(v, id=new())
        if isinstance(v, Moment)
        else v
        for v in answer.value
    )
    return Answer(value, answer.comment)  # type: ignore[arg-type]


def _follow_ups(rng: random.Random, open_items: dict[str, str]) -> list[FollowUp]:
    """Every still-open item of earlier reports, as the program records it, most with a status."""
    follow_ups = []
    for key, label in open_items.items():
        if rng.random() < 0.05:
            follow_ups.append(FollowUp(key, label))  # stopped before answering this one
            continue
        status = rng.choices(FOLLOW_UP_STATUSES, weights=(55, 15, 15, 15))[0]
        comment = "Vi har börjat, men kunden behöver mer tid." if status == "Delvis" else ""
        follow_ups.append(FollowUp(key, label, Answer(status, comment)))
    return follow_ups


def _bounded_follow_ups(
    rng: random.Random, closing: dict[str, str], kept_open: list[tuple[str, str]], most: int = 8
) -> list[FollowUp]:
    """A handful of follow-ups, as a session asks them: the oldest items due to be closed (done or
    dropped), and now and then an item that stays open (Delvis or Inte än), so that open items
    have a history too."""
    follow_ups = [
        FollowUp(key, label, Answer(rng.choices(("Genomfört", "Släpp"), weights=(80, 20))[0]))
        for key, label in itertools.islice(closing.items(), most)
    ]
    if kept_open and rng.random() < 0.3:
        key, label = kept_open[rng.randrange(len(kept_open))]
        status = rng.choice(("Delvis", "Inte än"))
        comment = "Vi har börjat, men kunden behöver mer tid." if status == "Delvis" else ""
        follow_ups.append(FollowUp(key, label, Answer(status, comment)))
    return follow_ups


HAND_EDITS = (
    ("\nlang: sv\n", "\nlang: sv  # ändrat för hand\n"),  # a comment
    ("\ntags:\n- intervjufas\n", "\ntags: [intervjufas,\n"),  # a list written the short way …
    ("\nlang: sv\n", '\nlang: "sv"\n'),  # a value in double quotes
)


def hand_edit(folder: Path, share: float, *, seed: int = 2026) -> int:
    """Edit the front matter of about ``share`` of the reports as a person would in an editor (a
    comment, a list in flow style, double quotes), keeping their modification times; how many."""
    rng = random.Random(seed)
    edited = 0
    for path in sorted(folder.glob("*.md")):
        if rng.random() >= share:
            continue
        text = path.read_text(encoding="utf-8")
        old, new = rng.choice(HAND_EDITS)
        if old not in text:
            continue
        if new.endswith(",\n"):  # (… the rest of the list joined to it)
            head, rest = text.split(old, 1)
            items = []
            while rest.startswith("- "):
                item, rest = rest[2:].split("\n", 1)
                items.append(item)
            text = head + f"\ntags: [intervjufas, {', '.join(items)}]\n" + rest if items else text
        else:
            text = text.replace(old, new, 1)
        status = path.stat()
        path.write_text(text, encoding="utf-8")
        os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
        edited += 1
    return edited
