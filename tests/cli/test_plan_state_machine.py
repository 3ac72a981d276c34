"""Every command tells the same state of the plan, whatever the history: a model-based test.

A hypothesis state machine drives random histories of a reports folder – mappings (through the
program's own ``kartlagg --svar``) on random dates, the same day and in the future; follow-ups of
every status; planned changes; moments renamed; reports anonymised – writing real report files.
After every step it runs ``lista``, ``plan``, ``karta`` (the shown report's marks),
``karta --historik``, ``jamfor``, the export's document and the follow-up pool of a new mapping,
and checks what each says against a reference model written here, on its own, from the rules in
the README:

* reports are ordered by (report date, created, file name); the newest follow-up of an item in that
  order is its status; Genomfört and Släpp close it;
* the state "as of" a report counts only the follow-ups of reports ordered at or before it;
* an item planned about a moment that already has an open item of the same kind joins it (it gets
  that item's id), so there is one open row per moment and kind;
* a still-open earlier item keeps its mark on a later report's map;
* an export and ``jamfor`` show each item's current status (every report counts).

The JSON of each command is read by a small adapter below (its keys may change; only the adapters
then need to).  ``HYPOTHESIS_PROFILE=deep`` runs thousands of histories.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from helpers import run_cli
from intervjufas.questionsets.catalog import builtin_set

DEEP = os.environ.get("HYPOTHESIS_PROFILE") == "deep"
TODAY = dt.date.today()
DATES = [(TODAY + dt.timedelta(days=d)).isoformat() for d in (-20, -6, 0, 9, 30)]  # 9, 30: future
STATUSES = ("Genomfört", "Delvis", "Inte än", "Släpp")
CLOSED = {"Genomfört", "Släpp"}
NAMES = ("Kravprofil", "Kallelse med praktisk information", "Intervju", "Referenser", "Återkoppling")
KINDS = ("lagga_till", "utveckla", "ta_bort")
SET = "kartlaggning"


# -- adapters: each command's JSON, read into plain values ------------------------------------------
# The follow-up statuses as the JSON codes them (README, "JSON för skript").
STATUS_CODES = {"genomfort": "Genomfört", "delvis": "Delvis", "inte_an": "Inte än", "slapp": "Släpp"}


def lista_open_counts(text: str) -> dict[str, int]:
    """``lista --json``: file name -> open items of that report."""
    data = json.loads(text)
    assert data["format"] == 2
    return {row["fil"]: row["antal_oppna_moment"] for row in data["rapporter"]}


def plan_rows(text: str) -> list[dict[str, Any]]:
    """``plan --json``: the open rows."""
    data = json.loads(text)
    assert data["format"] == 2
    rows: list[dict[str, Any]] = data["oppna_moment"]
    return rows


def plan_statuses(text: str) -> dict[str, str | None]:
    """``plan --json``: item identity -> its newest status (None when never followed up)."""
    rows = plan_rows(text)
    found = {
        _identity(row["id"]): None if row["senaste_status"] is None else STATUS_CODES[row["senaste_status"]]
        for row in rows
    }
    assert len(found) == len(rows), "plan lists an item twice"
    return found


def plan_moments(text: str) -> list[tuple[str, str]]:
    """``plan --json``: (kind, moment) of every open row."""
    return [(row["typ"], norm(row["namn"])) for row in plan_rows(text)]


def karta_marks(text: str) -> tuple[dict[str, str | None], set[str]]:
    """``karta RAPPORT --json``: the mark of each moment on the map (by id), and the names of the
    moments shown as new."""
    data = json.loads(text)
    marks: dict[str, str | None] = {}
    new: set[str] = set()
    for phase in data["faser"]:
        for moment in phase["moment"]:
            if moment["markering"] == "nytt":
                new.add(norm(moment["namn"]))
            elif moment["id"]:
                marks[moment["id"]] = moment["markering"]
    return marks, new


def history_events(text: str) -> list[tuple[str, str, str]]:
    """``karta --historik --json``: (kind, report date, date the event names) of every event."""
    data = json.loads(text)
    return [
        (event["handelse"], event["datum"], event["efter"])
        for line in data["historik"]
        for moment in line["moment"]
        for event in moment["handelser"]
    ]


def jamfor_new_items(text: str) -> set[str]:
    """``jamfor A B --json``: the moments of the items planned in B and not in A."""
    return {norm(item["namn"]) for item in json.loads(text)["nya_moment"]}


def jamfor_statuses(text: str) -> dict[str, str | None]:
    """``jamfor A B --json``: item identity -> the status it shows, of every item that came or went."""
    data = json.loads(text)
    return {
        _identity(item["id"]): None if item["senaste_status"] is None else STATUS_CODES[item["senaste_status"]]
        for item in data["nya_moment"] + data["borttagna_moment"]
    }


def _identity(key: str) -> str:
    parts = key.split("/")
    return parts[1] if len(parts) == 2 else key


def norm(name: str) -> str:
    return " ".join(name.casefold().split())


MARK = {"utveckla": "utveckla", "ta_bort": "ta_bort"}


# -- the reference model ------------------------------------------------------------------------------
@dataclass
class Item:
    identity: str
    kind: str
    moment: str  # its name
    moment_id: str  # the map moment it is about ("" for one to add, or a name not on the map)


@dataclass
class RefReport:
    name: str
    report_id: str
    date: str
    created: str
    moments: dict[str, str]  # its map (fore): moment id -> name
    planned: list[Item]
    follow_ups: dict[str, str] = field(default_factory=dict)  # identity -> status, in order

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.date, self.created, self.name)


class Reference:
    def __init__(self) -> None:
        self.reports: list[RefReport] = []

    def status(self, identity: str, upto: tuple[str, str, str] | None = None) -> str | None:
        found = [r for r in self.reports if identity in r.follow_ups and (upto is None or r.key <= upto)]
        return max(found, key=lambda r: r.key).follow_ups[identity] if found else None

    def is_open(self, identity: str, upto: tuple[str, str, str] | None = None) -> bool:
        return self.status(identity, upto) not in CLOSED

    def items(self) -> dict[str, Item]:
        """Every item, by identity (as the newest report that plans it says)."""
        found: dict[str, Item] = {}
        for report in sorted(self.reports, key=lambda r: r.key):
            for item in report.planned:
                found[item.identity] = item
        return found

    def open_items(self) -> dict[str, Item]:
        return {key: item for key, item in self.items().items() if self.is_open(key)}

    def open_count(self, report: RefReport) -> int:
        return len({item.identity for item in report.planned if self.is_open(item.identity)})

    def joinable(self, kind: str, moment: str, moment_id: str) -> str | None:
        """The open item a new item of ``kind`` about this moment joins, if any."""
        for key, item in self.open_items().items():
            if item.kind != kind:
                continue
            if kind != "lagga_till" and item.moment_id and moment_id:
                if item.moment_id == moment_id:
                    return key
            elif norm(item.moment) == norm(moment):
                return key
        return None

    def expected_map(self, report: RefReport) -> tuple[dict[str, set[str | None]], set[str]]:
        """Each moment id of the report's map -> the marks it may carry; the names shown as new."""
        own = {item.identity for item in report.planned}
        earlier: list[Item] = []
        for other in sorted(self.reports, key=lambda r: r.key, reverse=True):
            if other.key >= report.key:
                continue
            for item in other.planned:
                fresh = all(item.identity != seen.identity for seen in earlier)
                if fresh and item.identity not in own and self.is_open(item.identity, report.key):
                    earlier.append(item)
        marks: dict[str, set[str | None]] = {}
        for moment_id, name in report.moments.items():
            mine = {MARK[i.kind] for i in report.planned if i.kind in MARK and _about(i, moment_id, name)}
            theirs = {MARK[i.kind] for i in earlier if i.kind in MARK and _about(i, moment_id, name)}
            marks[moment_id] = set(mine or theirs or {None})
        on_map = {norm(name) for name in report.moments.values()}
        new = {norm(i.moment) for i in report.planned if i.kind == "lagga_till"}
        new |= {norm(i.moment) for i in earlier if i.kind == "lagga_till" and norm(i.moment) not in on_map}
        return marks, new


def _about(item: Item, moment_id: str, name: str) -> bool:
    return item.moment_id == moment_id if item.moment_id else norm(item.moment) == norm(name)


# -- the machine --------------------------------------------------------------------------------------
planned_items = st.lists(
    st.tuples(st.sampled_from(KINDS), st.sampled_from(NAMES)), max_size=3, unique_by=lambda p: p
)


class PlanHistory(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="plan-history-"))
        self.folder = self.root / "rapporter"
        self.folder.mkdir()
        self.ref = Reference()
        self.map: dict[str, str] = {}  # the consultant's current map (fore): moment id -> name
        self.mapped = 0
        self.questionnaire = builtin_set(SET)

    def teardown(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def cli(self, *args: str) -> str:
        result = run_cli(*args, "--katalog", str(self.folder))
        assert result.exit_code == 0, (args, result.output)
        return result.stdout

    # -- steps -----------------------------------------------------------------------------------
    @initialize(
        names=st.lists(st.sampled_from(NAMES), min_size=1, max_size=4, unique=True),
        date=st.sampled_from(DATES),
        plan=planned_items,
    )
    def first_mapping(self, names: list[str], date: str, plan: list[tuple[str, str]]) -> None:
        self.map = {f"mom{index}a": name for index, name in enumerate(names)}
        self.mapping(date, plan, names[0])

    @precondition(lambda self: self.mapped < (12 if DEEP else 6))
    @rule(date=st.sampled_from(DATES), plan=planned_items, added=st.sampled_from(NAMES))
    def mapping(self, date: str, plan: list[tuple[str, str]], added: str) -> None:
        """A new mapping through ``kartlagg --svar``; sometimes the map gains a moment by hand."""
        if norm(added) not in {norm(n) for n in self.map.values()} and self.mapped % 2:
            self.map[f"m{self.mapped}h{len(self.map)}"] = added
        self.mapped += 1
        answers: dict[str, Any] = {
            "uppdrag": f"Uppdrag {self.mapped}",
            "kund": "Nordlager AB",
            "datum": date,
            "fore_kunden": "Kravprofil",
            "fore_karta": [{"namn": name, "id": key} for key, name in self.map.items()],
        }
        expected: list[tuple[str, str, str, str | None]] = []  # kind, moment, moment id, joins
        for kind in KINDS:
            chosen = [name for k, name in plan if k == kind]
            answers[f"fore_{kind}"] = "ja" if chosen else "nej"
            if chosen:
                answers[f"fore_{kind}_vad"] = [{"moment": name, "varfor": "för att"} for name in chosen]
            for name in chosen:
                linked = "" if kind == "lagga_till" else self._linked(name)
                expected.append((kind, name, linked, self.ref.joinable(kind, name, linked)))
        answers_file = self.root / "svar.yaml"
        answers_file.write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
        before = set(self.folder.glob("*.md"))
        result = run_cli(
            "kartlagg", "--steg", "1", "--svar", str(answers_file), "--katalog", str(self.folder)
        )
        assert result.exit_code == 0, result.output
        warned = f"Varning: Datumet {date} ligger i framtiden" in result.stderr
        assert warned == (date > TODAY.isoformat()), result.stderr
        (path,) = set(self.folder.glob("*.md")) - before
        # When it was made, by the history's clock (two mappings a second: ties go by file name),
        # so that a history replays the same whatever the wall clock says.
        created = f"{TODAY.isoformat()}T09:00:{self.mapped // 2:02d}+00:00"
        self._edit_file(path, lambda report: setattr(report, "created", created))
        header = front_matter(path)
        identities = [str(key) for key in header.get("atgarder") or []]
        known = set(self.ref.items())
        items = []
        for identity, (kind, name, linked, joins) in zip(identities, expected, strict=True):
            if joins is not None:
                assert identity == joins, f"{kind} {name} did not join the open item {joins}"
                linked = self.ref.items()[joins].moment_id or linked  # (it is about that item's moment)
            else:
                assert identity not in known, f"{kind} {name} joined {identity}, which is not open"
            items.append(Item(identity, kind, name, linked))
        self.ref.reports.append(
            RefReport(path.name, str(header["id"]), date, str(header["skapad"]), dict(self.map), items)
        )

    @precondition(lambda self: len(self.ref.reports) >= 2 and self.ref.open_items())
    @rule(data=st.data(), status=st.sampled_from(STATUSES))
    def follow_up(self, data: st.DataObject, status: str) -> None:
        """A report follows an open item up (as a session records it in the report file)."""
        identity = data.draw(st.sampled_from(self.open_in_order()))
        owners = [r for r in self.ref.reports if any(i.identity == identity for i in r.planned)]
        targets = [r for r in self.ref.reports if r not in owners and identity not in r.follow_ups]
        if not targets:
            return
        target = data.draw(st.sampled_from(targets))
        source = max(owners, key=lambda r: r.key)
        item = self.ref.items()[identity]
        self._edit(
            target, lambda report: _add_follow_up(report, f"{source.report_id}/{identity}", item, status)
        )
        target.follow_ups[identity] = status

    @precondition(lambda self: self.ref.reports)
    @rule(data=st.data(), name=st.sampled_from(("Kallelse", "Genomgång", "Avslut")))
    def rename(self, data: st.DataObject, name: str) -> None:
        """A moment of a report's map is renamed by hand (its id stays), and so on the current map."""
        target = data.draw(st.sampled_from(self.ref.reports))
        if not target.moments:
            return
        moment_id = data.draw(st.sampled_from(sorted(target.moments)))
        if norm(name) in {norm(n) for n in target.moments.values()}:
            return
        self._edit(target, lambda report: _rename(report, moment_id, name))
        target.moments[moment_id] = name
        if moment_id in self.map:
            self.map[moment_id] = name

    @precondition(lambda self: self.ref.reports)
    @rule(data=st.data())
    def anonymise(self, data: st.DataObject) -> None:
        """A report is anonymised (as ``rensa --anonymisera`` does): the plan's state is kept."""
        from intervjufas.report.anonymise import anonymised

        target = data.draw(st.sampled_from(self.ref.reports))
        self._edit(target, lambda report: anonymised(report, self.questionnaire))

    def open_in_order(self) -> list[str]:
        """The open items in the order they were planned (ids are random: never sort by them)."""
        still_open = self.ref.open_items()
        planned = [item.identity for report in self.ref.reports for item in report.planned]
        return [key for key in dict.fromkeys(planned) if key in still_open]

    def _linked(self, name: str) -> str:
        named = [key for key, moment in self.map.items() if norm(moment) == norm(name)]
        return named[0] if len(named) == 1 else ""

    def _edit(self, target: RefReport, change: Any) -> None:
        self._edit_file(self.folder / target.name, change)

    def _edit_file(self, path: Path, change: Any) -> None:
        from intervjufas.report.parse import parse
        from intervjufas.report.render import render

        report = parse(path.read_text(encoding="utf-8"), self.questionnaire)
        path.write_text(render(change(report) or report, self.questionnaire), encoding="utf-8")

    # -- what every command says ------------------------------------------------------------------
    @invariant()
    def lista_counts_what_is_open(self) -> None:
        expected = {r.name: self.ref.open_count(r) for r in self.ref.reports}
        assert lista_open_counts(self.cli("lista", "--json")) == expected

    @invariant()
    def plan_lists_each_open_item_once_with_its_status(self) -> None:
        text = self.cli("plan", "--json")
        expected = {key: self.ref.status(key) for key in self.ref.open_items()}
        assert plan_statuses(text) == expected
        # One open row per moment and kind (a moment is known by its id: after a rename, two
        # moments may carry the same name).
        items = self.ref.items()
        rows = [
            (items[key].kind, items[key].moment_id or norm(items[key].moment)) for key in plan_statuses(text)
        ]
        assert len(rows) == len(set(rows)), f"one moment and kind open twice: {plan_moments(text)}"

    @invariant()
    def the_follow_up_pool_offers_every_open_item(self) -> None:
        from intervjufas.reading.plan.folder_items import follow_up_pool

        if not self.ref.reports:
            return
        pool = follow_up_pool(self.folder, self.questionnaire, exclude_id="ny", scope="alla")
        offered = {_identity(item.key): item.last_status for item in pool.take(1000)}
        assert offered == {key: self.ref.status(key) for key in self.ref.open_items()}

    @invariant()
    def karta_marks_what_is_open_as_of_the_report(self) -> None:
        # The newest report and the one dated earliest (the future and the past of the folder).
        if not self.ref.reports:
            return
        chosen = {
            max(self.ref.reports, key=lambda r: r.key).name,
            min(self.ref.reports, key=lambda r: r.key).name,
        }
        for report in (r for r in self.ref.reports if r.name in chosen):
            marks, new = karta_marks(self.cli("karta", report.name, "--json"))
            allowed, expected_new = self.ref.expected_map(report)
            assert set(marks) == set(allowed), (report.name, marks, allowed)
            for moment_id, mark in marks.items():
                assert mark in allowed[moment_id], (report.name, moment_id, mark, allowed[moment_id])
            assert new == expected_new, (report.name, new, expected_new)

    @invariant()
    def karta_historik_never_tells_a_later_date(self) -> None:
        if not self.ref.reports:
            return
        for kind, date, named in history_events(self.cli("karta", "--historik", "--json", "--alla")):
            if kind == "utvecklat" and named:
                assert named <= date, (kind, date, named)

    @invariant()
    def jamfor_compares_the_plans_of_two_reports(self) -> None:
        if len(self.ref.reports) < 2:
            return
        a, b = sorted(self.ref.reports, key=lambda r: r.key)[-2:]
        expected = {(i.kind, norm(i.moment)) for i in b.planned} - {
            (i.kind, norm(i.moment)) for i in a.planned
        }
        text = self.cli("jamfor", a.name, b.name, "--json")
        assert jamfor_new_items(text) == {m for _, m in expected}
        assert jamfor_statuses(text) == {key: self.ref.status(key) for key in jamfor_statuses(text)}

    @invariant()
    def an_export_shows_each_item_s_current_status(self) -> None:
        from intervjufas.reading.export.versions import export_document

        if not self.ref.reports:
            return
        earliest = min(self.ref.reports, key=lambda r: r.key)
        document, _ = export_document(self.folder / earliest.name, customer=False, folder=self.folder)
        shown = {row.identity: row.status for row in document.plan}
        assert shown == {item.identity: self.ref.status(item.identity) for item in earliest.planned}


def front_matter(path: Path) -> dict[str, Any]:
    """The program's part of a report's front matter (id, skapad, atgarder …)."""
    text = path.read_text(encoding="utf-8")
    return dict(yaml.safe_load(text.split("---\n", 2)[1])["intervjufas"])


def _add_follow_up(report: Any, key: str, item: Item, status: str) -> None:
    from intervjufas.model.answers import Answer
    from intervjufas.report.model import FollowUp

    report.follow_ups.append(FollowUp(key, f"{item.moment} (Steg 1 · {item.kind})", Answer(status, "")))


def _rename(report: Any, moment_id: str, name: str) -> None:
    from dataclasses import replace

    from intervjufas.model.answers import Answer

    answer = report.answers["fore_karta"]
    moments = tuple(replace(m, name=name) if m.id == moment_id else m for m in answer.value)
    report.answers["fore_karta"] = Answer(moments, answer.comment)


PlanHistory.TestCase.settings = settings(
    max_examples=2000 if DEEP else 12,
    stateful_step_count=25 if DEEP else 12,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],  # (no slow "explain" phase)
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_plan_history = PlanHistory.TestCase
