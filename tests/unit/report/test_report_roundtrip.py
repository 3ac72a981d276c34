"""THE round-trip property: a report rendered to Markdown and parsed back is the same report.

The reports are random: random subsets of the built-in sets' questions answered with random values
of every type, with extra weight on text that could be mistaken for the report's own structure."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from intervjufas.model.answers import INVOLVED, ActionItem, Answer, Moment, one_line
from intervjufas.model.markdown_text import DRAFT_MARKER, PLACEHOLDER
from intervjufas.model.questionnaire import Questionnaire, SetRef
from intervjufas.model.questions import Question, coerce_value
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.questionsets.loader import load_question_set
from intervjufas.report.front_matter import CANONICAL_KEYS, TOP_KEYS
from intervjufas.report.model import FOLLOW_UP_STATUSES, FollowUp, Report
from intervjufas.report.parse import parse
from intervjufas.report.render import render

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)

NASTY_LINES = [
    "# x",
    "## x",
    "### x <!-- fraga: fore_kunden -->",
    "#### x <!-- fraga: under_struktur -->",
    "## Steg 2: Under intervjun <!-- steg: under -->",
    "### Reflektion <!-- grupp: fore_reflektion -->",
    "## Utvecklingsplan <!-- avsnitt: utvecklingsplan -->",
    "### x <!-- uppfoljning: abc/fore_lagga_till_vad/1 -->",
    "---",
    "***",
    "___",
    "===",
    "...",
    "```",
    "```python",
    "<!-- x -->",
    PLACEHOLDER,
    "\\" + PLACEHOLDER,
    DRAFT_MARKER,
    "\\" + DRAFT_MARKER,
    "\\\\" + PLACEHOLDER,
    "\\# x",
    "\\---",
    "",
    "",
    "   ",
    "\t ",
    "**Ja**",
    "**3** av 5",
    "1. **moment**",
    "   - Varför: x",
    "| a | b |",
    # What GitHub's autolinking and pandoc's reader would change (format 3 escapes them).
    "Se https://x.se/a_b*c?q=1&r=2\\",
    "(https://x.se/wiki/A_(b)). www.x.se/a*b",
    "<https://x.se> https://x.se/&amp;x",
    "-- --- ... .... \"citat\" 'citat' it's",
    "\\ x \\",
    "^upphöjt^ ~nedsänkt~",
    "a) x",
    "(a) x",
    "iv. x",
    "(@) x",
    ": definition",
    "=",
]
# Lone surrogates cannot be stored in a UTF-8 file, so they are not part of any real answer.
characters = st.characters(codec="utf-8")
line_text = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\n\r"))
nasty_text = st.lists(st.one_of(st.sampled_from(NASTY_LINES), line_text), min_size=1, max_size=10).map(
    "\n".join
)
long_text = st.text(characters, min_size=1, max_size=30).map(lambda s: (s * (10_000 // len(s) + 1))[:10_000])
padded_text = st.tuples(
    st.sampled_from(["", "\n", "\n\n", "  \n", "\n \n"]),
    st.one_of(st.text(characters), nasty_text),
    st.sampled_from(["", "\n", "\n\n", "\n  ", " \n\n"]),
).map("".join)
any_text = st.one_of(st.text(characters), nasty_text, padded_text, long_text)
moment_text = st.one_of(line_text, st.sampled_from(["**", "*", "***x**", "**fet** text", "1. **x**"]))


ids = st.one_of(st.just(""), st.text(alphabet="0123456789abcdef", min_size=8, max_size=8))
whom = st.lists(st.sampled_from([*INVOLVED, "chefen", "HR"]), unique=True, max_size=3).map(tuple)


def action_items() -> st.SearchStrategy[tuple[ActionItem, ...]]:
    item = st.builds(
        ActionItem,
        moment_text,
        st.one_of(st.just(""), line_text, any_text),
        id=ids,
        moment_id=ids,
        involves=whom,
    ).filter(lambda i: bool(i.moment))
    return st.lists(item, min_size=1, max_size=4).map(tuple)


def moments() -> st.SearchStrategy[tuple[Moment, ...]]:
    moment = st.builds(
        Moment,
        moment_text,
        whom,
        st.one_of(st.just(""), line_text),
        id=ids,
        developed=st.one_of(st.just(""), st.dates().map(lambda d: d.isoformat())),
    ).filter(lambda m: bool(m.name))
    return st.lists(moment, min_size=1, max_size=5).map(tuple)


def yaml_values() -> st.SearchStrategy[object]:
    scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.text(characters))
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=3), st.dictionaries(st.text(characters), inner, max_size=3)
        ),
        max_leaves=8,
    )


def metadata_answer(question: Question) -> st.SearchStrategy[Answer]:
    """Metadata as the program stores it: raw input made valid by coerce_value."""
    kind = question.kind.name
    if kind in ("text", "langtext"):
        raw: st.SearchStrategy[object] = any_text
    elif kind == "datum":
        raw = st.dates().map(lambda d: d.isoformat())
    elif kind == "val":
        raw = st.sampled_from(question.choices)
    elif kind == "flerval":
        raw = st.lists(st.sampled_from(question.choices), unique=True)
    else:
        raise AssertionError(f"no metadata strategy for {kind}")
    return st.one_of(st.just(None), raw).map(lambda r: Answer(coerce_value(question, r)))


def body_answer(question: Question) -> st.SearchStrategy[Answer]:
    kind = question.kind.name
    empty = st.just(Answer(None))
    if kind in ("text", "langtext"):
        return st.one_of(empty, any_text.map(Answer))
    if kind in ("janej", "val"):
        comments = any_text if question.comment else st.just("")
        return st.one_of(
            empty, st.builds(Answer, st.sampled_from(question.choices or ("Ja", "Nej")), comments)
        )
    if kind == "flerval":
        subsets = st.lists(st.sampled_from(question.choices), unique=True)
        return subsets.map(lambda chosen: Answer(tuple(c for c in question.choices if c in chosen)))
    if kind == "skala":
        return st.one_of(empty, st.integers(question.scale_min, question.scale_max).map(Answer))
    if kind == "datum":
        return st.one_of(empty, st.dates().map(lambda d: Answer(d.isoformat())))
    if kind == "atgarder":
        return st.one_of(empty, action_items().map(Answer))
    if kind == "moment":
        return st.one_of(empty, moments().map(Answer))
    raise AssertionError(f"no strategy for {kind}")


follow_up_answers = st.one_of(
    st.just(Answer(None)),
    st.builds(Answer, st.sampled_from(FOLLOW_UP_STATUSES), st.one_of(st.just(""), any_text)),
)


@st.composite
def follow_ups(draw: st.DrawFn) -> list[FollowUp]:
    count = draw(st.integers(0, 4))
    result = []
    for number in range(1, count + 1):
        source = draw(st.text(alphabet="0123456789abcdef", min_size=12, max_size=12))
        question_id = draw(
            st.sampled_from(["fore_lagga_till_vad", "under_utveckla_vad", "snabb_utveckla_vad"])
        )
        key = f"{source}/{question_id}/{number}"
        label = one_line(
            draw(st.one_of(line_text, st.sampled_from(["Checklista (Steg 1 · lägga till · 2024-05-01)"])))
        )
        result.append(FollowUp(key, label, draw(follow_up_answers)))
    return result


@st.composite
def reports(draw: st.DrawFn, questionnaire: Questionnaire) -> Report:
    timestamps = st.datetimes().map(lambda d: d.replace(microsecond=0).isoformat())
    report = Report(
        report_id=draw(st.text(alphabet="0123456789abcdef", min_size=12, max_size=12)),
        question_set=SetRef(questionnaire.id, questionnaire.version, questionnaire.content_hash),
        created=draw(timestamps),
        updated=draw(timestamps),
    )
    # Each question is unanswered, answered, or holds an unfinished answer (a draft).
    states = st.sampled_from(["unanswered", "answered", "answered", "draft"])
    for question in questionnaire.metadata:
        state = draw(states)
        if state == "answered":
            report.answers[question.id] = draw(metadata_answer(question))
        elif state == "draft":
            draft = draw(metadata_answer(question))
            if draft.value is not None:
                report.drafts[question.id] = draft
    for step in questionnaire.steps:
        for question in step.questions:
            state = draw(states)
            if state != "unanswered":
                target = report.answers if state == "answered" else report.drafts
                target[question.id] = draw(body_answer(question))
    report.follow_ups = draw(follow_ups())
    metadata_ids = {q.id for q in questionnaire.metadata}
    report.extra_metadata = draw(
        st.dictionaries(
            st.text(characters).filter(lambda k: k not in metadata_ids and k not in TOP_KEYS),
            yaml_values(),
            max_size=3,
        )
    )
    report.extra_header = draw(
        st.dictionaries(
            st.one_of(st.text(string.ascii_lowercase + "_", min_size=1), st.text(characters)).filter(
                lambda k: k not in CANONICAL_KEYS
            ),
            yaml_values(),
            max_size=3,
        )
    )
    return report


kartlaggning_reports = reports(builtin_set("kartlaggning"))
snabbformat_reports = reports(builtin_set("snabbformat"))


def identities(report: Report) -> dict[str, list[tuple[str, ...]]]:
    """The ids of every item and moment (left out when answers are compared: they are identity)."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for source in (report.answers, report.drafts):
        for key, answer in source.items():
            if isinstance(answer.value, tuple):
                found[key] = [
                    (v.id, v.moment_id) if isinstance(v, ActionItem) else (v.id,)
                    for v in answer.value
                    if isinstance(v, ActionItem | Moment)
                ]
    return found


def assert_round_trip(report: Report, questionnaire: Questionnaire) -> None:
    text = render(report, questionnaire)
    assert parse(text, questionnaire) == report
    assert identities(parse(text, questionnaire)) == identities(report)
    assert parse(text, questionnaire, strict=False) == report
    # Rendering is stable: the parsed report renders to the same file.
    assert render(parse(text, questionnaire), questionnaire) == text


def _example(**answers: Answer) -> Report:
    set_ = builtin_set("kartlaggning")
    report = Report(
        "0123456789ab", SetRef(set_.id, set_.version, set_.content_hash), created="2024-05-01T10:00:00"
    )
    report.answers.update(answers)
    return report


@SETTINGS
@given(kartlaggning_reports)
@example(_example(uppdrag=Answer("x <!-- fraga: fore_kunden -->")))
@example(_example(uppdrag=Answer("x"), kund=Answer("a\n### y <!-- fraga: fore_kollegor -->\nb")))
@example(_example(fore_kunden=Answer("### x <!-- fraga: fore_kandidaten -->\n\\*Inget svar.*")))
@example(_example(fore_kunden=Answer(PLACEHOLDER), fore_kandidaten=Answer("\\" + PLACEHOLDER)))
@example(_example(fore_kunden=Answer("\n\n  \ntext\n\n"), fore_kollegor=Answer("\n")))
@example(_example(under_struktur=Answer("Delvis", "\n---\n# x\n")))
@example(_example(fore_lagga_till_vad=Answer((ActionItem("**", "**"), ActionItem("a**b", "1. **x**")))))
def test_kartlaggning_reports_round_trip(report: Report) -> None:
    assert_round_trip(report, builtin_set("kartlaggning"))


@SETTINGS
@given(snabbformat_reports)
def test_snabbformat_reports_round_trip(report: Report) -> None:
    assert_round_trip(report, builtin_set("snabbformat"))


def test_the_property_notices_a_lost_answer() -> None:
    """The comparison is not vacuous: a report missing one answer differs from the original."""
    questionnaire = builtin_set("kartlaggning")
    report = _example(uppdrag=Answer("Uppdrag"), fore_kunden=Answer("Kravprofil"))
    parsed = parse(render(report, questionnaire), questionnaire)
    assert parsed == report
    parsed.answers.pop("fore_kunden")
    assert parsed != report


EVERY_TYPE = """\
id: allatyper
version: 2
titel: Alla typer
metadata:
  - {id: uppdrag, text: Uppdrag?, typ: text, obligatorisk: true}
  - {id: former, text: Former?, typ: flerval, val: [A, B, C]}
steg:
  - id: ett
    etikett: Del 1
    titel: Alla typer i brödtexten
    fragor:
      - {id: rad, text: En rad, typ: text}
      - {id: lang, text: Lång text, typ: langtext}
      - {id: jn, text: Ja eller nej?, typ: janej, kommentar: true}
      - {id: val, text: Välj, typ: val, val: [Ett, Två, "Tre, fyra"], kommentar: true}
      - {id: fler, text: Flera, typ: flerval, val: [Röd, Grön, "Blå, mörk"]}
      - {id: skala, text: Skala, typ: skala, min: 0, max: 10, etiketter: {0: Inget, 10: Allt}}
      - {id: datum, text: När?, typ: datum}
      - {id: plan, text: Vad vill du lägga till?, typ: atgarder, plan: lagga_till}
      - {id: karta, text: Vilka moment ingår?, typ: moment, fas: fore}
"""


@SETTINGS
@given(reports(load_question_set(EVERY_TYPE.encode(), "allatyper.yaml")))
def test_every_question_type_in_the_body_round_trips(report: Report) -> None:
    assert_round_trip(report, load_question_set(EVERY_TYPE.encode(), "allatyper.yaml"))
