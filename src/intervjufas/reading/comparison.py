"""Comparing two reports (``jamfor``) question by question, by question id, as data.

Answers are paired by id over the union of both reports' ids, so reports made with different
versions of a question set – or with hand-added answers – still line up.  Changed text answers
carry a word-level diff; ratings are compared side by side; the action plans are compared item by
item, each item with its current status from the one model of the plan's state.  Presentation
lives in ``views.comparison_text`` and ``views.comparison_markdown``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from intervjufas.errors import IntervjufasError
from intervjufas.folder.finding import same_customer
from intervjufas.folder.header_row import FolderHeader
from intervjufas.folder.loading import LoadedReport, load_report
from intervjufas.folder.scan import read_headers, sort_key
from intervjufas.model.answers import Answer, display
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.model.questions import Question
from intervjufas.reading.plan.folder_items import current_follow_ups
from intervjufas.reading.plan.state import FollowUpEntry
from intervjufas.reading.process_map.map_comparison import MapComparison, compare_maps
from intervjufas.reading.word_diff import DiffLine, word_diff
from intervjufas.report.model import OTHER_TITLE, RawAnswer, header_text
from intervjufas.report.plan import planned_items

Side = Literal["A", "B"]
METADATA_TITLE = "Uppgifter om uppdraget"


# -- the comparison as data ---------------------------------------------------------------------


@dataclass(frozen=True)
class ReportSide:
    """One side of the comparison."""

    name: Side
    path: Path
    uppdrag: str
    kund: str
    datum: str
    set_id: str
    set_version: int
    set_known: bool = True  # False when the question set is not installed
    author: str = ""  # who made the report, when it records it


@dataclass(frozen=True)
class MetadataDifference:
    key: str
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class ChangedAnswer:
    question_id: str
    label: str
    before: str
    after: str
    diff: list[DiffLine]
    unknown_to: tuple[Side, ...] = ()  # sides whose question set does not know the id


@dataclass(frozen=True)
class OneSidedAnswer:
    question_id: str
    label: str
    side: Side
    text: str
    unknown_to: tuple[Side, ...] = ()


@dataclass
class Section:
    """The answers of one step (or of the extra answers) that differ."""

    title: str
    changed: list[ChangedAnswer] = field(default_factory=list)
    only_a: list[OneSidedAnswer] = field(default_factory=list)
    only_b: list[OneSidedAnswer] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.changed or self.only_a or self.only_b)


@dataclass(frozen=True)
class Rating:
    step_label: str
    label: str
    a: int | None
    b: int | None
    scale_max: int
    step_number: int = 1

    @property
    def change(self) -> int | None:
        return None if self.a is None or self.b is None else self.b - self.a

    @property
    def differs(self) -> bool:
        return self.a != self.b


@dataclass(frozen=True)
class PlanItem:
    step_label: str
    kind: str
    moment: str
    why: str
    step_number: int = 1
    plan: str = ""  # lagga_till, utveckla or ta_bort
    key: str = ""  # the item's key in its report ('<report id>/<item id>')
    latest: FollowUpEntry | None = None  # its newest follow-up now (None: not followed up)


@dataclass
class Comparison:
    a: ReportSide
    b: ReportSide
    metadata: list[MetadataDifference]
    sections: list[Section]
    ratings: list[Rating]
    items_added: list[PlanItem]
    items_dropped: list[PlanItem]
    unchanged: int
    compared: int
    maps: MapComparison | None = None  # the process maps, moment by moment (None: neither has one)

    @property
    def same_set(self) -> bool:
        return (self.a.set_id, self.a.set_version) == (self.b.set_id, self.b.set_version)

    @property
    def differs(self) -> bool:
        return bool(
            self.metadata
            or any(not s.empty for s in self.sections)
            or any(r.differs for r in self.ratings)
            or self.items_added
            or self.items_dropped
            or (self.maps is not None and self.maps.differs)
        )


def _side(name: Side, loaded: LoadedReport) -> ReportSide:
    report = loaded.report
    return ReportSide(
        name=name,
        path=loaded.path,
        uppdrag=report.detail("uppdrag"),
        kund=report.detail("kund"),
        datum=report.detail("datum") or report.date,
        set_id=report.question_set.id,
        set_version=report.question_set.version,
        set_known=loaded.questionnaire is not None,
        author=report.recorded_author,
    )


def answer_text(question: Question | None, answer: Answer | RawAnswer | None) -> str:
    """The text an answer is compared by ("" for no answer)."""
    if answer is None:
        return ""
    if isinstance(answer, RawAnswer):
        return answer.body.strip()
    value = answer.value
    if question is not None and value is not None:
        text = question.kind.compare_text(question, value)
    else:
        text = display(value)
    if answer.comment:
        text = f"{text}\n{answer.comment}" if text else answer.comment
    return text.strip()


def _label(question: Question) -> str:
    if question.group is not None and question.group.title:
        return f"{question.group.title} · {question.text}"
    return question.text


def _normalized(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(".!;:, ")


class _Pair:
    """The two loaded reports and lookups over both question sets."""

    def __init__(self, a: LoadedReport, b: LoadedReport) -> None:
        self.a, self.b = a, b
        self.sets: list[Questionnaire] = [q for q in (a.questionnaire, b.questionnaire) if q is not None]

    def question(self, question_id: str) -> Question | None:
        for questionnaire in self.sets:
            question = questionnaire.question(question_id)
            if question is not None:
                return question
        return None

    def is_metadata(self, question_id: str) -> bool:
        return any(q.is_metadata(question_id) for q in self.sets if q.question(question_id))

    def unknown_to(self, question_id: str) -> tuple[Side, ...]:
        sides: list[Side] = []
        for name, loaded in (("A", self.a), ("B", self.b)):
            if loaded.questionnaire is not None and loaded.questionnaire.question(question_id) is None:
                sides.append(name)  # type: ignore[arg-type]
        return tuple(sides)

    def step_title(self, question_id: str) -> str:
        for questionnaire in self.sets:
            for step in questionnaire.steps:
                if any(q.id == question_id for q in step.questions):
                    return step.heading
        return OTHER_TITLE

    def answer_ids(self) -> list[str]:
        """Every answered id of both reports (metadata excluded), in question-set order."""
        ids: list[str] = []
        for questionnaire in self.sets:
            for step in questionnaire.steps:
                ids += [q.id for q in step.questions if q.id not in ids]
        present = set()
        for loaded in (self.a, self.b):
            present |= set(loaded.report.answers) | set(loaded.report.extra_answers)
        ordered = [i for i in ids if i in present]
        for loaded in (self.a, self.b):
            for key in [*loaded.report.answers, *loaded.report.extra_answers]:
                if key not in ordered and not self.is_metadata(key):
                    ordered.append(key)
        return [i for i in ordered if not self.is_metadata(i)]

    def entry(self, loaded: LoadedReport, question_id: str) -> Answer | RawAnswer | None:
        report = loaded.report
        return report.answers.get(question_id) or report.extra_answers.get(question_id)


def _metadata_differences(pair: _Pair) -> list[MetadataDifference]:
    keys: list[str] = []
    labels: dict[str, str] = {}
    for questionnaire in pair.sets:
        for question in questionnaire.metadata:
            if question.id not in keys:
                keys.append(question.id)
                labels[question.id] = question.label
    for loaded in (pair.a, pair.b):
        keys += [k for k in loaded.report.extra_metadata if k not in keys]
    differences = []
    for key in keys:
        values = []
        for loaded in (pair.a, pair.b):
            report = loaded.report
            if key in report.answers:
                values.append(answer_text(pair.question(key), report.answers[key]))
            else:
                values.append(header_text(report.extra_metadata.get(key)).strip())
        if values[0] != values[1]:
            differences.append(MetadataDifference(key, labels.get(key, key), values[0], values[1]))
    return differences


def _ratings(pair: _Pair) -> list[Rating]:
    rows: list[Rating] = []
    seen: set[str] = set()
    for questionnaire in pair.sets:
        for step, question in questionnaire.scale_questions():
            if question.id in seen:
                continue
            seen.add(question.id)
            values = []
            for loaded in (pair.a, pair.b):
                answer = loaded.report.answers.get(question.id)
                value = answer.value if answer is not None else None
                values.append(value if isinstance(value, int) and not isinstance(value, bool) else None)
            if values[0] is None and values[1] is None:
                continue
            rows.append(
                Rating(step.label, question.label, values[0], values[1], question.scale_max, step.number)
            )
    return rows


def _plan(loaded: LoadedReport, follow_ups: dict[str, FollowUpEntry]) -> dict[tuple[str, str, str], PlanItem]:
    if loaded.questionnaire is None:
        return {}
    items: dict[tuple[str, str, str], PlanItem] = {}
    for planned in planned_items(loaded.report, loaded.questionnaire):
        step, plan, item = planned.step, planned.question.plan or "", planned.item
        latest = follow_ups.get(planned.identity)
        item_key = (step.id, plan, _normalized(item.moment))
        items.setdefault(
            item_key,
            PlanItem(step.label, planned.kind_label, item.moment, item.why, step.number, plan, planned.key, latest),
        )
    return items


def compare(a: LoadedReport, b: LoadedReport, *, folder: Path | None = None) -> Comparison:
    """Compare report A (usually the earlier) with report B; each planned item carries its current
    status (``folder_items.current_follow_ups`` of the reports ``folder`` and A's and B's)."""
    pair = _Pair(a, b)
    sections: dict[str, Section] = {}
    unchanged = compared = 0
    for question_id in pair.answer_ids():
        question = pair.question(question_id)
        if question is not None and question.kind.is_rating:
            continue  # ratings are compared side by side
        texts = [answer_text(question, pair.entry(side, question_id)) for side in (a, b)]
        if not texts[0] and not texts[1]:
            continue
        compared += 1
        if texts[0] == texts[1]:
            unchanged += 1
            continue
        label = _label(question) if question is not None else _heading(pair, question_id)
        title = pair.step_title(question_id)
        section = sections.setdefault(title, Section(title))
        unknown = pair.unknown_to(question_id)
        if texts[0] and texts[1]:
            diff = word_diff(texts[0], texts[1])
            section.changed.append(ChangedAnswer(question_id, label, texts[0], texts[1], diff, unknown))
        elif texts[0]:
            section.only_a.append(OneSidedAnswer(question_id, label, "A", texts[0], unknown))
        else:
            section.only_b.append(OneSidedAnswer(question_id, label, "B", texts[1], unknown))
    ratings = _ratings(pair)
    compared += len(ratings)
    unchanged += sum(1 for r in ratings if not r.differs)
    follow_ups = current_follow_ups(folder, a.path, b.path)
    plan_a, plan_b = _plan(a, follow_ups), _plan(b, follow_ups)
    return Comparison(
        a=_side("A", a),
        b=_side("B", b),
        metadata=_metadata_differences(pair),
        sections=_ordered_sections(pair, sections),
        ratings=ratings,
        items_added=[item for key, item in plan_b.items() if key not in plan_a],
        items_dropped=[item for key, item in plan_a.items() if key not in plan_b],
        unchanged=unchanged,
        compared=compared,
        maps=compare_maps(a, b),
    )


def _heading(pair: _Pair, question_id: str) -> str:
    for loaded in (pair.a, pair.b):
        raw = loaded.report.extra_answers.get(question_id)
        if raw is not None and raw.heading:
            return raw.heading
    return question_id


def _customer(header: FolderHeader) -> str:
    return header_text(header.fact("kund"))


def _ordered_sections(pair: _Pair, sections: dict[str, Section]) -> list[Section]:
    order: list[str] = []
    for questionnaire in pair.sets:
        order += [s.heading for s in questionnaire.steps if s.heading not in order]
    order.append(OTHER_TITLE)
    return [sections[title] for title in order if title in sections]


def earlier_report(target: LoadedReport) -> LoadedReport:
    """The report to compare ``target`` with when only one is named: the newest report in the
    same folder that is earlier than it and made with the same question set (a quick mapping is
    never paired with a full one), for the same customer if there is one.  Candidates are found
    from the front matter (fast also with thousands of reports); only the chosen one is read in
    full, and one that cannot be read is passed over."""
    folder = target.path.parent
    set_id = target.report.question_set.id
    headers, _ = read_headers(folder)
    earlier = [
        (sort_key(path, header), path, header)
        for path, header in headers
        if header.set_id == set_id and path.name != target.path.name
    ]
    earlier = sorted((entry for entry in earlier if entry[0] < target.sort_key), reverse=True)
    customer = target.report.detail("kund")
    same = [entry for entry in earlier if same_customer(customer, _customer(entry[2]))]
    chosen = {id(entry) for entry in same}
    others = [entry for entry in earlier if id(entry) not in chosen]
    for _, path, _ in same + others:  # (each group newest first)
        try:
            return load_report(path)
        except IntervjufasError:
            continue
    raise IntervjufasError(
        f"Det finns ingen tidigare rapport med frågeuppsättningen {set_id} i {folder} att jämföra "
        f"{target.path.name} med. Ange två rapporter: jamfor A B."
    )
