"""Personal-data benchmark: ``find_personal_data`` over 20,000 report-sized answers (about 4 KB of
Swedish prose each, full of dates, times, time stamps, amounts and other numbers that must not
match, with a few identity numbers, phone numbers and e-mail addresses sprinkled in, written in
every way the detector knows: dashes and spaces, dots and slashes, "(at)" and "[dot]").

It is compared, interleaved in the same run, with two baselines over the same texts: ``str.lower``
and a regular expression that only finds runs of digits. The way ``granska`` searches a file – the
byte pre-filter (``personal_data_filter``) on the text's UTF-8 bytes, then decoding and the search
for the texts it lets through – is measured alongside; these texts are full of numbers, so it lets
most of them through (a report written by the program it mostly does not). It also prints whether
every sprinkled finding was found and how many other findings there were (there should be none).

Run by hand:  .venv/bin/python benchmarks/bench_personal_data.py   (--help for the options)
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from benchlib import (
    Comparison,
    Sample,
    check_positive,
    common_arguments,
    interleaved,
    machine_line,
    number,
    table,
)
from intervjufas.model.personal_data import Finding, find_personal_data
from intervjufas.model.personal_data_filter import may_hold_personal_data

TEXT_SIZE = 4000
DIGITS = re.compile(r"[0-9]+")

PROSE = [
    "Kandidaten gav ett lugnt och genomtänkt intryck under hela samtalet.",
    "Vi gick igenom kravprofilen punkt för punkt och stämde av förväntningarna.",
    "Hon beskrev sitt ledarskap som coachande men tydligt när beslut måste fattas.",
    "Frågorna om förändringsarbete besvarades med konkreta exempel från tidigare uppdrag.",
    "Kunden vill gärna träffa kandidaten en gång till innan beslutet tas.",
    "Referenserna ska tas efter nästa intervju, inte tidigare.",
    "Inför mötet skickade vi case-uppgiften och en kort beskrivning av teamet.",
    "Han var öppen med att han saknar erfarenhet av offentlig upphandling.",
    "Motivationen för bytet är främst utvecklingsmöjligheterna, inte lönen.",
    "Det som återstår är att stämma av tillträdet och eventuell uppsägningstid.",
]
NUMBERS = [
    "Intervjun hölls den {iso} kl. {hh}.{mm}–{hh2}.{mm}.",
    "Vi föreslog en uppföljning mellan kl. 08-12 eller 13-16 vecka {week}.",
    "Löneanspråket är {salary} kr i månaden och budgeten {budget} kr för året.",
    "Teamet består av {small} personer och {pct} % arbetar på distans.",
    "Kontoret ligger på Storgatan {small}, {postal} Stockholm.",
    "Kundens organisationsnummer är {org} och avtalet gäller från {iso}.",
    "Version {small}.{small2}.{week} av kravprofilen skickades {iso}.",
    "Fakturan har OCR-nummer {ocr} och ordernummer {order}.",
    "Uppsägningstiden är {small} månader, tillträde tidigast {iso}.",
    "Processen har pågått i {small2} veckor och {small} av {small2} kandidater är kvar.",
    "Betyget blev {small},{small2} av 5 och provet tog 0-24 timmar att rätta.",
    "Bokningen har nummer {stamp} i systemet och bekräftades {dotted}.",
    "Nästa möte är {slashed} kl. {hh}.{mm}–{hh2}.{mm} i rum {small}.{small2}.",
    "Ärendet loggades {stamp_spaced}, version {small}.{small2}.{week}.",
]


@dataclass(frozen=True)
class Corpus:
    texts: list[str]
    sprinkled: set[tuple[int, str, str]]  # (text number, kind, text)

    @property
    def size(self) -> int:
        return sum(len(t) for t in self.texts)


def _luhn_completed(nine: str) -> str:
    total = sum(sum(divmod(int(d) * (2 - i % 2), 10)) for i, d in enumerate(nine))
    return nine + str((10 - total % 10) % 10)


def _personal(rng: random.Random) -> tuple[str, str]:
    """One sprinkled finding: (kind, text as written)."""
    choice = rng.randrange(5)
    if choice < 2:
        coordination = choice == 1
        day = rng.randint(1, 28) + (60 if coordination else 0)
        ten = _luhn_completed(
            f"{rng.randint(50, 99)}{rng.randint(1, 12):02d}{day:02d}{rng.randint(1, 999):03d}"
        )
        text = rng.choice(
            [
                f"{ten[:6]}-{ten[6:]}",
                f"19{ten[:6]}-{ten[6:]}",
                f"19{ten}",
                f"{ten[:6]} {ten[6:]}",
                f"{ten[:6]}\u2013{ten[6:]}",
                f"{ten[:2]} {ten[2:4]} {ten[4:6]}-{ten[6:]}",
            ]
        )
        return ("samordningsnummer" if coordination else "personnummer"), text
    if choice < 4:
        n = [rng.randint(0, 9) for _ in range(7)]
        area = rng.choice(["70", "72", "73", "76"])
        return "telefon", rng.choice(
            [
                f"0{area}-{n[0]}{n[1]}{n[2]} {n[3]}{n[4]} {n[5]}{n[6]}",
                f"+46 {area} {n[0]}{n[1]}{n[2]} {n[3]}{n[4]} {n[5]}{n[6]}",
                f"08-{rng.randint(1, 9)}{n[0]}{n[1]} {n[2]}{n[3]}{n[4]} {n[5]}{n[6]}",
                f"0{area}.{n[0]}{n[1]}{n[2]}.{n[3]}{n[4]}.{n[5]}{n[6]}",
                f"0{area}/{n[0]}{n[1]}{n[2]}{n[3]}{n[4]}{n[5]}{n[6]}",
            ]
        )
    name = rng.choice(["anna", "per.svensson", "åsa.öberg", "kontakt", "m.lind"])
    domain = rng.choice(["exempel.se", "foretag.se", "mail.example.com"])
    at = rng.choice(["@", "@", " @ ", " (at) ", " [at] "])
    return "e-post", f"{name}{at}{domain}"


def _number_sentence(rng: random.Random) -> str:
    return rng.choice(NUMBERS).format(
        iso=f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        hh=f"{rng.randint(8, 11):02d}",
        hh2=f"{rng.randint(12, 17)}",
        mm=rng.choice(["00", "15", "30", "45"]),
        week=rng.randint(1, 52),
        salary=f"{rng.randint(35, 95)} {rng.choice(['000', '500'])}",
        budget=f"{rng.randint(1, 9)} {rng.randint(100, 999)} 000",
        small=rng.randint(2, 12),
        small2=rng.randint(1, 9),
        pct=rng.randint(5, 95),
        postal=f"{rng.randint(100, 989)} {rng.randint(10, 99)}",
        org=f"55{rng.randint(6000, 9999)}-{rng.randint(1000, 9999)}",
        ocr=" ".join(str(rng.randint(1000, 9999)) for _ in range(4)),
        order=f"{rng.randint(10**15, 10**16 - 1)}",
        stamp=f"2025{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}-{rng.randint(8, 17):02d}{rng.choice(['00', '30'])}",
        stamp_spaced=f"2026{rng.randint(1, 10):02d}{rng.randint(1, 28):02d} {rng.randint(8, 17):02d}{rng.randint(0, 59):02d}",
        dotted=f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.2026",
        slashed=f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d} 2026",
    )


def make_corpus(count: int, seed: int = 20261130) -> Corpus:
    """``count`` texts of about TEXT_SIZE characters; about one in five has a personal datum."""
    rng = random.Random(seed)
    texts: list[str] = []
    sprinkled: set[tuple[int, str, str]] = set()
    for index in range(count):
        parts: list[str] = []
        length = 0
        planted = rng.random() < 0.2
        while length < TEXT_SIZE:
            if planted and length > TEXT_SIZE // 2:
                kind, value = _personal(rng)
                parts.append(f"Kandidaten kan nås via {value}, enligt underlaget.")
                sprinkled.add((index, kind, value))
                planted = False
            else:
                parts.append(_number_sentence(rng) if rng.random() < 0.3 else rng.choice(PROSE))
            length += len(parts[-1]) + 1
        texts.append(" ".join(parts))
    return Corpus(texts, sprinkled)


def timed(work: Callable[[], object]) -> Callable[[], Sample]:
    def run() -> Sample:
        cpu, wall = time.process_time(), time.perf_counter()
        work()
        return Sample(time.perf_counter() - wall, time.process_time() - cpu)

    return run


def _filtered_search(data: bytes) -> list[Finding]:
    """As ``granska`` searches a file: the pre-filter, then (if it lets the text through) decoding
    and the search."""
    return find_personal_data(data.decode()) if may_hold_personal_data(data) else []


def accuracy(corpus: Corpus) -> tuple[int, list[tuple[int, Finding]]]:
    """How many sprinkled findings were found, and the findings that were not sprinkled."""
    hits, others = 0, []
    for index, text in enumerate(corpus.texts):
        for finding in find_personal_data(text):
            if (index, finding.kind, finding.text) in corpus.sprinkled:
                hits += 1
            else:
                others.append((index, finding))
    return hits, others


def main(argv: Sequence[str] | None = None) -> int:
    parser = common_arguments(__doc__.split("\n\n")[0], repetitions=7, warmup=1)
    parser.add_argument(
        "--texter", type=int, default=20_000, metavar="N", help="antal texter (standard 20 000)"
    )
    args = parser.parse_args(argv)
    if args.snabb:
        args.repetitioner, args.uppvarmning, args.texter = 2, 1, 200
    check_positive(parser, repetitioner=args.repetitioner, texter=args.texter)

    corpus = make_corpus(args.texter)
    texts = corpus.texts
    print(machine_line())
    print(
        f"{args.texter:,} texter".replace(",", " ")
        + f", {number(corpus.size / len(texts) / 1000)} kB i snitt, {number(corpus.size / 1e6)} MB i allt, "
        f"{len(corpus.sprinkled)} inströdda personuppgifter.\n"
    )
    encoded = [text.encode() for text in texts]
    series = interleaved(
        {
            "find_personal_data": timed(lambda: [find_personal_data(t) for t in texts]),
            "filter": timed(lambda: [_filtered_search(data) for data in encoded]),
            "str.lower": timed(lambda: [t.lower() for t in texts]),
            "[0-9]+ findall": timed(lambda: [DIGITS.findall(t) for t in texts]),
        },
        args.repetitioner,
        args.uppvarmning,
    )
    measured = series["find_personal_data"]
    print(
        table(
            [
                Comparison("find_personal_data", measured, "str.lower()", series["str.lower"], None),
                Comparison("find_personal_data", measured, "re [0-9]+", series["[0-9]+ findall"], None),
                Comparison("byte-filter + sökning", series["filter"], "find_personal_data", measured, None),
            ]
        )
    )
    print(
        f"\nPer text: {number(measured.wall_ms * 1000 / len(texts))} µs; "
        f"{number(measured.wall_ms / 1000, 2)} s för {len(texts)} texter "
        f"(median av {args.repetitioner} rundor)."
    )
    passed = sum(may_hold_personal_data(data) for data in encoded)
    print(f"Byte-filtret släppte igenom {passed} av {len(texts)} texter (de söks som förut).")
    hits, others = accuracy(corpus)
    print(f"Träffar: {hits} av {len(corpus.sprinkled)} inströdda hittades, {len(others)} övriga.")
    for index, finding in others[:10]:
        print(f"  text {index}: {finding.kind} {finding.text!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
