"""personal_data: true and false positives for each kind, offsets and lines, masking, the warning
sentence, and properties over generated text and generated identity numbers."""

from __future__ import annotations

import ast
import datetime as dt
import itertools
import re
import sys
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from intervjufas.model import personal_data, personal_data_filter, personal_numbers
from intervjufas.model.personal_data import KINDS, Finding, describe, find_personal_data
from intervjufas.model.personal_numbers import identity_kind, is_phone_number, luhn_valid

TODAY = dt.date(2026, 11, 30)


def check_digit(first_nine: str) -> str:
    """The Luhn check digit, computed independently of the module (weights 2, 1, 2, ...)."""
    total = sum(sum(divmod(int(d) * (2 - i % 2), 10)) for i, d in enumerate(first_nine))
    return str((10 - total % 10) % 10)


def valid(date: str, serial: str = "123") -> str:
    """A valid 10-digit number for YYMMDD (day + 60 for a coordination number) and a serial."""
    return date + serial + check_digit(date + serial)


def dashed(date: str, serial: str = "123") -> str:
    number = valid(date, serial)
    return f"{number[:6]}-{number[6:]}"


def wrong_check(number: str) -> str:
    return number[:-1] + str((int(number[-1]) + 1) % 10)


def found(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in find_personal_data(text, today=TODAY)]


# -- the Luhn check, on the Tax Agency's example 121212-1212 and widely used test numbers -----------


@pytest.mark.parametrize("number", ["1212121212", "9001010017", "4607137454", "7010632391", "8112189876"])
def test_published_test_numbers_pass_luhn(number: str) -> None:
    assert check_digit(number[:9]) == number[9]
    assert luhn_valid(number)
    assert not luhn_valid(wrong_check(number))


# -- identity numbers ----------------------------------------------------------------------------

PNR = valid("851103")
SAMORDNING = valid("851163")  # 3 November 1985, day + 60

TRUE_IDENTITY = [
    ("19121212-1212", "personnummer"),
    ("121212-1212", "personnummer"),
    ("121212+1212", "personnummer"),  # 100 years or older
    ("191212121212", "personnummer"),
    ("1212121212", "personnummer"),
    ("19900101-0017", "personnummer"),
    ("199001010017", "personnummer"),
    ("9001010017", "personnummer"),
    ("811218-9876", "personnummer"),
    (f"{PNR[:6]}-{PNR[6:]}", "personnummer"),
    (f"19{PNR}", "personnummer"),
    ("701063-2391", "samordningsnummer"),
    ("19701063-2391", "samordningsnummer"),
    (f"{SAMORDNING[:6]}-{SAMORDNING[6:]}", "samordningsnummer"),
    (SAMORDNING, "samordningsnummer"),
    (valid("000229"), "personnummer"),  # 29 February 2000, a leap year
    ("20" + valid("240229", "987"), "personnummer"),  # a child (the last four are no time of day)
    ("18" + valid("991231"), "personnummer"),
    (valid("261130", "987"), "personnummer"),  # born today
    ("19850412-1230", "personnummer"),  # the last four read as a time, but the date is long ago
    ("198504121230", "personnummer"),
]

# The ways people write an identity number besides "850412-1230": a space, a spaced hyphen, the
# date in pairs, and the dashes word processors and mail programs put in place of a hyphen.
WRITTEN_FORMS = [
    ("850412 1230", "personnummer"),
    ("19850412 1230", "personnummer"),
    ("850412 - 1230", "personnummer"),
    ("850412 -1230", "personnummer"),
    ("850412- 1230", "personnummer"),
    ("85 04 12-1230", "personnummer"),
    ("85 04 12 - 1230", "personnummer"),
    ("85 04 12–1230", "personnummer"),
    ("850412–1230", "personnummer"),  # en dash (Word, Outlook)
    ("850412 – 1230", "personnummer"),
    ("19850412–1230", "personnummer"),
    ("850412—1230", "personnummer"),  # em dash
    ("850412\u20111230", "personnummer"),  # no-break hyphen
    ("850412\u20101230", "personnummer"),  # hyphen
    ("850412\u22121230", "personnummer"),  # minus sign
    ("850412\u00a01230", "personnummer"),  # no-break space
    ("850412\u202f1230", "personnummer"),  # narrow no-break space
    ("85\u00a004\u00a012-1230", "personnummer"),
    ("121212 1212", "personnummer"),
    ("19121212 1212", "personnummer"),
    ("121212–1212", "personnummer"),
    ("701063 2391", "samordningsnummer"),
    ("701063–2391", "samordningsnummer"),
    ("70 10 63-2391", "samordningsnummer"),
    (f"{PNR[:6]} {PNR[6:]}", "personnummer"),
    (f"19{PNR[:6]}\u2011{PNR[6:]}", "personnummer"),
]


@pytest.mark.parametrize(("number", "kind"), TRUE_IDENTITY + WRITTEN_FORMS)
@pytest.mark.parametrize("around", ["{}", "Personnummer: {}.", "({}) och mer", "rad ett\nnr {}, klart"])
def test_identity_numbers_are_found(number: str, kind: str, around: str) -> None:
    text = around.format(number)
    assert found(text) == [(kind, number)]


FALSE_IDENTITY = [
    wrong_check("19121212-1212"),
    wrong_check("121212-1212"),
    wrong_check("9001010017"),
    wrong_check(f"{SAMORDNING[:6]}-{SAMORDNING[6:]}"),
    dashed("900230"),  # 30 February
    dashed("901301"),  # month 13
    dashed("900001"),  # month 0
    dashed("900100"),  # day 0
    dashed("900132"),  # day 32
    dashed("900192"),  # coordination day 92 (32 + 60)
    dashed("010229"),  # 29 February 2001, not a leap year
    "19" + valid("000229"),  # 1900 was no leap year
    "20" + valid("261201"),  # in the future
    "20" + valid("270101"),
    "17" + valid("991231"),  # century 17
    "21" + valid("000101"),  # century 21
    dashed("900101", "000"),  # serial 000 is never issued
    "556677-8899",  # organisation number (month 66)
    "5566778899",
    "212000-0142",  # organisation number (municipality)
    "2026-11-30",
    "20261130",
    "12345678901234567890",  # a long order number
    "9001010017" + "5",  # eleven digits
    "1" + "9001010017",
    "1990010100171",  # thirteen digits
    "ref 9001010017-4",  # part of a longer hyphenated number
    "x-12-9001010017",
    "3,9001010017",  # the decimals of a number
    "SE9001010017",  # glued to letters
    "9001010017abc",
    "SE45 5000 0000 0583 9825 7466",  # IBAN
    "OCR 1234 5678 9012 3456 7890",
    "12 500 kr",
    "1 250 000 kr",
    "45 %",
    "version 1.2.3",
    "123 45 Stockholm",
    "kl. 08-12",
    "2026-11-30 08:15",
    # dates and times of day: a date less than 13 years back and a time are a time stamp
    "20240305-1200",
    "20240305 1200",
    "20240305–1200",
    "202403051200",
    "240305-1200",
    "20" + valid("240229"),  # ...1237: a time of day after a date two years back
    valid("261130"),  # today, ...1239
    "2026-03-05 12:00",
    "2024-03-05T12:00",
    "20240305T1200",
    # the forms with a space, in a row of digit groups (a reference, an OCR number, a table)
    "4711 850412 1230 55",
    "OCR 850412 1230 0000",
    "12 850412 1230",
    "850412 1230 12",
    "1 850412 1230",
    # near misses of the written forms
    "85 04 12 1230",  # pairs without a dash
    "85 04 12+1230",
    "85 0412-1230",  # pairs only in part
    "8504 12-1230",
    "850412  1230",  # two spaces
    "850412 -- 1230",
    "850412/1230",
    "850412.1230",
    "850412_1230",
    wrong_check("850412 1230"),
    wrong_check("850412–1230"),
    "850412–12301",  # part of a longer number
    "1–850412–1230",
    "v850412-1230",
    "1.850412 1230",
    # versions, orders, times, amounts
    "version 8.5.4.12",
    "v. 19.850.412",
    "ordernr 850412-12304",
    "ordernummer 8504121230-7",
    "kl. 08.30–12.00",
    "08:30 – 12:00",
    "0830-1200",
    "0800–1700",
    "1 234 567 890 kr",
    "85 041 212 30 kr",
    "8 504 121 230",
    "45 000–50 000 kr",
    "2026–11–30",
    "2024-01-15–2024-03-05",
    "2024-01-15 – 2024-03-05",
]


@pytest.mark.parametrize("text", FALSE_IDENTITY)
def test_no_identity_number_where_there_is_none(text: str) -> None:
    assert found(f"Text {text} slut.") == []


def test_the_separator_and_age_decide_the_century() -> None:
    young, old = valid("261129", "987"), valid("261201")  # yesterday, and next week 100 years ago
    assert identity_kind(young[:6], young[6:], today=TODAY) == "personnummer"
    assert identity_kind(old[:6], old[6:], today=TODAY) == "personnummer"  # born 1926
    assert identity_kind(old[:6], old[6:], century="20", today=TODAY) is None  # born next week
    assert identity_kind(old[:6], old[6:], century="19", today=TODAY) == "personnummer"
    leap = valid("000229")
    assert identity_kind(leap[:6], leap[6:], plus=True, today=TODAY) is None  # 1900 is no leap year


@pytest.mark.parametrize("written", ["20240305-1200", "20240305 1200", "240305-1200", "202403051200"])
def test_a_date_and_time_passes_luhn_yet_is_no_identity_number(written: str) -> None:
    digits = re.sub("[^0-9]", "", written)[-10:]
    assert luhn_valid(digits)  # (so the rule about dates and times is what keeps it out)
    assert found(written) == []


def test_the_date_and_time_rule_is_only_for_recent_dates_and_times_of_day() -> None:
    thirteen = valid("131130", "123")  # 13 years old today
    assert identity_kind(thirteen[:6], thirteen[6:], century="20", today=TODAY) == "personnummer"
    twelve = valid("131201", "123")  # 13 years old tomorrow
    assert identity_kind(twelve[:6], twelve[6:], century="20", today=TODAY) is None
    assert identity_kind(twelve[:6], twelve[6:], today=TODAY) is None
    not_a_time = valid("131201", "246")  # 24:6x is no time of day
    assert identity_kind(not_a_time[:6], not_a_time[6:], century="20", today=TODAY) == "personnummer"
    coordination = valid("131261", "123")  # no date has day 61
    assert identity_kind(coordination[:6], coordination[6:], today=TODAY) == "samordningsnummer"


def test_default_today_is_the_real_date() -> None:
    assert [f.kind for f in find_personal_data("19121212-1212")] == ["personnummer"]
    next_year = dt.date.today().year + 1
    future = str(next_year) + valid(f"{next_year % 100:02d}0101")[2:]
    assert find_personal_data(future) == []


# -- phone numbers -------------------------------------------------------------------------------

TRUE_PHONES = [
    "070-123 45 67",
    "0701234567",
    "070 123 45 67",
    "070 - 123 45 67",
    "073-1234567",
    "0701-23 45 67",
    "+46 70 123 45 67",
    "+46701234567",
    "+46 (0)70 123 45 67",
    "+46 70-123 45 67",
    "+46 070-123 45 67",
    "0046 70-123 45 67",
    "+46 8 123 456 78",
    "08-123 456 78",
    "08-12 34 56",
    "08-5555 1234",
    "031-12 34 56",
    "040-123 45 67",
    "0123-456 78",
    "0470-123 45",
    "0771-123 456",
    "020-123 456",
    "(08) 123 456 78",
    "(031) 12 34 56",
    "08\u00a0123\u00a0456\u00a078",
    # dots, a slash after the area code, dashes of every kind
    "070.123.45.67",
    "070.1234567",
    "0701.23.45.67",
    "08.123.456.78",
    "08.5555.1234",
    "031.12.34.56",
    "0470.12.34.56",
    "+46 70.123.45.67",
    "+46.70.123.45.67",
    "070/1234567",
    "070/123 45 67",
    "070 / 123 45 67",
    "08/123 456 78",
    "08/5555 1234",
    "031/12 34 56",
    "0470/12 34 56",
    "070–123 45 67",
    "070 – 123 45 67",
    "070—123 45 67",
    "070\u2011123 45 67",
    "070\u2212123 45 67",
    "08–123 456 78",
    "+46 70–123 45 67",
    "070\u202f123\u202f45\u202f67",
]


@pytest.mark.parametrize("number", TRUE_PHONES)
@pytest.mark.parametrize("around", ["{}", "Ring {}.", "tel: {}, eller", "(mobil {})", "**{}**"])
def test_phone_numbers_are_found(number: str, around: str) -> None:
    assert found(around.format(number)) == [("telefon", number)]
    assert is_phone_number(number)


FALSE_PHONES = [
    "2026-11-30",
    "2026-11-30 08:15",
    "kl. 08-12",
    "kl. 08.30-12.00",
    "08:00-17:00",
    "10-12",
    "07-08",
    "0-24 månader",
    "år 2024",
    "2025-2026",
    "1998-2003",
    "12 500 kr",
    "1 250 000 kr",
    "2 000 000",
    "45 000-50 000 kr",
    "30-40 000 kr",
    "0,5 mnkr",
    "123 45 Stockholm",
    "556677-8899",
    "12345678901234567890",
    "0701234567890",  # too long
    "070 123 45",  # mobile too short
    "070-123 45 678",  # mobile too long
    "08 12 34",  # too short
    "08-123 45",  # too short
    "010-2026",
    "ordernr 0012345678",
    "tel 000-123 45 67",
    "05-11-2026",
    "08-12-2026",
    "01-12 2026",  # no two-digit area code but 08
    "070-12-34-567",  # only one hyphen, after the area code
    "OCR 4711 0815 2026 11",  # part of a longer number
    "SE45 0500 0000 0583 9825 7466",
    "3,0701234567",
    "0701234567,5",
    "0701234567abc",
    "+47 912 34 567",  # not Swedish
    "+4670123",
    "v. 1.0.70123456",
    # dates, times and versions with dots, slashes and dashes
    "08.12.2026",
    "05.11.2026",
    "08.12.26",
    "2026.11.30",
    "v. 0.70.123.45",
    "version 0.12.345.6",
    "0.5.12345",
    "10.0.12.34",
    "08.30",
    "kl. 08.30–12.00",
    "kl. 08.30 – 12.00",
    "08.30-12.00 och 13.00-16.30",
    "08:30–17:00",
    "0800–1200",
    "08–12",
    "07–08",
    "1.250.000 kr",
    "0,5–1 mnkr",
    "08/12 2026",
    "05/11 2026",
    "07/08 2026",
    "08/12/2026",
    "08/12-2026",
    "2026/11/30",
    "070/12",
    "0701/2345",
    "1/2",
    "070/123/45/67",
    "070.123.45.678",  # too long
    "070.12.34",  # too short
    "08.12.34.56",  # eight digits with dots: read as a date and more
    "070.123-45 67",  # dots and other separators mixed
    "070-123.45.67",
    "+47 912.34.567",
    "45 000–50 000 kr",
    "30–40 000 kr",
    "2025–2026",
    "01–12 2026",
    "070–12–34–567",  # only one dash, after the area code
    "ordernr 0012.345.678",
]


@pytest.mark.parametrize("text", FALSE_PHONES)
def test_no_phone_number_where_there_is_none(text: str) -> None:
    assert found(f"Text {text} slut.") == []


def test_a_phone_number_after_a_code_glued_to_letters() -> None:
    assert found("Rum B3 070-123 45 67") == [("telefon", "070-123 45 67")]
    assert found("070-123 45 67 och 08-123 456 78") == [
        ("telefon", "070-123 45 67"),
        ("telefon", "08-123 456 78"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tel 08-123 456 78 070-123 45 67.", [("telefon", "08-123 456 78"), ("telefon", "070-123 45 67")]),
        ("0701234567 0812345678", [("telefon", "0701234567"), ("telefon", "0812345678")]),
        ("811218-9876 070-123 45 67", [("personnummer", "811218-9876"), ("telefon", "070-123 45 67")]),
        ("070-123 45 67 811218-9876", [("telefon", "070-123 45 67"), ("personnummer", "811218-9876")]),
        ("070 - 123 45 67 08-123 456 78", [("telefon", "070 - 123 45 67"), ("telefon", "08-123 456 78")]),
        ("OCR 4711 0815 2026 11", []),  # every group must belong to a whole number
        ("12 070-123 45 67 12", []),
        ("1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 08-123 456 78", []),
    ],
)
def test_numbers_side_by_side_are_told_apart(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_a_valid_identity_number_is_not_also_a_phone_number() -> None:
    number = valid("010101")  # born 1 January 2001: ten digits after a 0, a phone number's shape
    assert is_phone_number(number)
    assert found(f"nr {number}") == [("personnummer", number)]
    assert found(f"nr {wrong_check(number)}") == [("telefon", wrong_check(number))]


# -- e-mail addresses ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("mejla anna@ex.se.", "anna@ex.se"),
        ("namn.efternamn@foretag.se", "namn.efternamn@foretag.se"),
        ("Kontakt: åsa.öberg@företag.se, tack", "åsa.öberg@företag.se"),
        ("(anna+jobb@mail.example.com)", "anna+jobb@mail.example.com"),
        ("<per_s-1@sub-domän.ex.nu>!", "per_s-1@sub-domän.ex.nu"),
        ("mailto:anna@ex.se?", "anna@ex.se"),
        ("..anna@ex.se", "anna@ex.se"),
        ("Skicka till anna@exempel.se-adressen", "anna@exempel.se"),
        ("'anna@ex.se'", "anna@ex.se"),
        ("ANNA@EX.SE", "ANNA@EX.SE"),
        # written out so that harvesters miss it, or with spaces around the @
        ("mejla namn (at) firma.se.", "namn (at) firma.se"),
        ("namn(at)firma.se", "namn(at)firma.se"),
        ("namn [at] firma.se", "namn [at] firma.se"),
        ("namn [at] firma [dot] se", "namn [at] firma [dot] se"),
        ("namn[at]firma[dot]se", "namn[at]firma[dot]se"),
        ("NAMN (AT) FIRMA (DOT) SE", "NAMN (AT) FIRMA (DOT) SE"),
        ("namn {at} firma.se", "namn {at} firma.se"),
        ("namn <at> firma.se", "namn <at> firma.se"),
        ("namn ( at ) firma.se", "namn ( at ) firma.se"),
        ("namn (snabel-a) firma.se", "namn (snabel-a) firma.se"),
        ("namn [snabela] firma (punkt) se", "namn [snabela] firma (punkt) se"),
        ("per [dot] svensson [at] firma [dot] se", "per [dot] svensson [at] firma [dot] se"),
        ("Kontakt: namn @ firma.se, tack", "namn @ firma.se"),
        ("namn @firma.se", "namn @firma.se"),
        ("namn@ firma.se", "namn@ firma.se"),
        ("namn\u00a0@\u00a0firma.se", "namn\u00a0@\u00a0firma.se"),
        ("a @ ex.se", "a @ ex.se"),
        ("åsa (at) företag.se", "åsa (at) företag.se"),
        ("namn \\[at\\] firma \\[dot\\] se", "namn \\[at\\] firma \\[dot\\] se"),  # as a report keeps it
        ("namn \\<at\\> firma.se", "namn \\<at\\> firma.se"),
    ],
)
def test_e_mail_addresses_are_found(text: str, address: str) -> None:
    assert found(text) == [("e-post", address)]


@pytest.mark.parametrize(
    "text",
    [
        "följ @anna_s",
        "@handle",
        "anna@",
        "anna@ex",
        "anna@.se",
        "anna.@ex.se",
        "anna@ex.s",
        "@ex.se",
        # near misses of the written-out forms
        "namn (at)",
        "(at) firma.se",
        "namn (at) firma",
        "namn (at) .se",
        "namn (at) firma.s",
        "namn (atx) firma.se",
        "namn (a) firma.se",
        "namn at firma.se",
        "namn [dot] se",
        "namn [at] firma [dot]",
        "se punkt (a) ovan",
        "anna. @ ex.se",
        "namn  @  firma.se",
        "Möte @ 10.30",
        "5 st @ 20 kr",
        "pris @ 1.50 kr",
        "@ firma.se",
        "svara @ alla",
    ],
)
def test_no_e_mail_address_where_there_is_none(text: str) -> None:
    assert found(text) == []


def test_digits_in_an_address_are_not_a_phone_number() -> None:
    assert found("0701234567@sms.example.se") == [("e-post", "0701234567@sms.example.se")]


# -- offsets, lines, order -----------------------------------------------------------------------

TEXT = (
    "Kandidaten, Anna (19121212-1212), nås på\n"
    "070-123 45 67 eller anna.s@exempel.se.\n"
    "\n"
    "Referens: 08-123 456 78 och samordningsnummer 701063-2391."
)


def test_offsets_lines_and_order() -> None:
    findings = find_personal_data(TEXT, today=TODAY)
    assert [(f.kind, f.text, f.line_in(TEXT)) for f in findings] == [
        ("personnummer", "19121212-1212", 1),
        ("telefon", "070-123 45 67", 2),
        ("e-post", "anna.s@exempel.se", 2),
        ("telefon", "08-123 456 78", 4),
        ("samordningsnummer", "701063-2391", 4),
    ]
    assert all(TEXT[f.start : f.end] == f.text for f in findings)
    assert findings[0].start == TEXT.index("1912")
    assert findings[2].end == TEXT.index(".\n\n")
    assert all(a.end <= b.start for a, b in itertools.pairwise(findings))


def test_line_in_counts_from_one() -> None:
    finding = Finding("telefon", 0, 8, "08123456")
    assert finding.line_in("08123456") == 1
    assert Finding("telefon", 4, 12, "08123456").line_in("a\nb\n08123456") == 3


def test_nothing_in_plain_prose() -> None:
    assert find_personal_data("Intervjun gick bra. Lön: 45 000 kr från 2026-12-01.", today=TODAY) == []
    assert find_personal_data("") == []


# -- labels, masking, the warning sentence -------------------------------------------------------


def test_labels() -> None:
    assert [Finding(kind, 0, 1, "x").label for kind in KINDS] == [
        "ett personnummer",
        "ett samordningsnummer",
        "en e-postadress",
        "ett telefonnummer",
    ]


@pytest.mark.parametrize(
    ("kind", "text", "masked"),
    [
        ("personnummer", "121212-1234", "******-1234"),
        ("personnummer", "19121212-1212", "********-1212"),
        ("personnummer", "1212121212", "******1212"),
        ("samordningsnummer", "701063+2391", "******+2391"),
        ("telefon", "070-123 45 67", "***-*** 45 67"),
        ("telefon", "+46 70 123 45 67", "+** ** *** 45 67"),
        ("telefon", "(08) 123 456 78", "(**) *** *56 78"),
        ("e-post", "anna@exempel.se", "a***@exempel.se"),
        ("e-post", "namn.efternamn@foretag.se", "n***@foretag.se"),
        ("e-post", "namn (at) firma [dot] se", "n***@firma.se"),
        ("e-post", "namn @ firma.se", "n***@firma.se"),
        ("personnummer", "850412–1230", "******–1230"),
        ("personnummer", "85 04 12-1230", "** ** **-1230"),
        ("telefon", "070.123.45.67", "***.***.45.67"),
        ("telefon", "070/1234567", "***/***4567"),
    ],
)
def test_masked(kind: str, text: str, masked: str) -> None:
    assert Finding(kind, 0, len(text), text).masked == masked


def test_describe_one_finding_of_each_kind() -> None:
    findings = find_personal_data("pnr 121212-1212 och a@exempel.se", today=TODAY)
    assert describe(findings) == (
        "Svaret innehåller det som ser ut som ett personnummer (******-1212) och en e-postadress "
        "(a***@exempel.se)."
    )


def test_describe_groups_kinds_in_order_of_appearance() -> None:
    text = "08-123 456 78, anna@ex.se, 070-123 45 67, per@ex.se, 701063-2391"
    assert describe(find_personal_data(text, today=TODAY)) == (
        "Svaret innehåller det som ser ut som två telefonnummer (**-*** *56 78, ***-*** 45 67), "
        "två e-postadresser (a***@ex.se, p***@ex.se) och ett samordningsnummer (******-2391)."
    )


def test_describe_counts_one_value_written_twice_once() -> None:
    text = "070-123 45 67 eller +46 70 123 45 67; 19121212-1212 = 121212-1212; A@ex.se a@EX.se"
    assert describe(find_personal_data(text, today=TODAY)) == (
        "Svaret innehåller det som ser ut som ett telefonnummer (***-*** 45 67), ett personnummer "
        "(********-1212) och en e-postadress (A***@ex.se)."
    )


def test_describe_counts_one_value_written_in_new_forms_once() -> None:
    text = "850412-1230, 850412 1230, 19850412–1230; namn@firma.se, namn (at) firma [dot] se; 070/1234567"
    assert describe(find_personal_data(text, today=TODAY)) == (
        "Svaret innehåller det som ser ut som ett personnummer (******-1230), en e-postadress "
        "(n***@firma.se) och ett telefonnummer (***/***4567)."
    )


def test_describe_many_shows_three_and_counts_the_rest() -> None:
    text = ", ".join(f"08-123 456 {n}" for n in range(10, 22))
    assert describe(find_personal_data(text, today=TODAY)) == (
        "Svaret innehåller det som ser ut som 12 telefonnummer (**-*** *56 10, **-*** *56 11, "
        "**-*** *56 12 m.fl.)."
    )
    five = find_personal_data(", ".join(f"n{n}@ex.se" for n in range(5)))
    assert describe(five).startswith("Svaret innehåller det som ser ut som fem e-postadresser (n***@ex.se, ")


def test_describe_nothing_is_empty() -> None:
    assert describe([]) == ""


@pytest.mark.parametrize("module", [personal_data, personal_numbers, personal_data_filter])
def test_the_detector_uses_the_standard_library_only(module: object) -> None:
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))  # type: ignore[attr-defined]
    imported = {
        (node.module or "") if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    ours = {"intervjufas.model.personal_numbers"}
    assert {name.split(".")[0] for name in imported - ours} <= set(sys.stdlib_module_names) | {"__future__"}


# -- properties ----------------------------------------------------------------------------------

NO_DIGITS_OR_AT = st.text(st.characters(blacklist_characters="0123456789@", blacklist_categories=("Cs",)))
WORD = st.text("abcdefghijklmnopqrstuvwxyzåäöABCÅÄÖé", min_size=1, max_size=12)
WORDS = st.lists(WORD, max_size=8).map(" ".join)


@given(NO_DIGITS_OR_AT)
def test_text_without_digits_or_at_has_no_findings(text: str) -> None:
    assert find_personal_data(text) == []


@st.composite
def identity_numbers(draw: st.DrawFn) -> tuple[str, str]:
    """A valid identity number in one of the ways people write it, and its kind.  (A child under 13
    gets a serial whose last four are no time of day: see the rule about dates and times.)"""
    born = draw(st.dates(min_value=dt.date(1880, 1, 1), max_value=TODAY))
    coordination = draw(st.booleans())
    day = born.day + 60 if coordination else born.day
    date = f"{born.year % 100:02d}{born.month:02d}{day:02d}"
    child = born > TODAY.replace(year=TODAY.year - 13)
    ten = valid(date, f"{draw(st.integers(240 if child else 1, 999)):03d}")
    century_old = born <= TODAY.replace(year=TODAY.year - 100)
    # (Pairs have no place for the '+' of a century-old birth: "26 01 01-0016" is read as 2026.)
    form = draw(st.sampled_from(["short", "long"] if century_old else ["short", "long", "pairs"]))
    sep = draw(st.sampled_from(SEPARATORS))
    if form == "long":
        number = f"{born.year // 100}{ten[:6]}{sep}{ten[6:]}"
    elif form == "pairs":
        pair = draw(st.sampled_from([" ", "\u00a0"]))
        number = pair.join((ten[:2], ten[2:4], ten[4:6])) + draw(st.sampled_from(DASHED)) + ten[6:]
    else:
        number = f"{ten[:6]}{'+' if century_old else sep}{ten[6:]}"
    return number, "samordningsnummer" if coordination else "personnummer"


DASHED = ["-", " - ", "–", " – ", "—", "\u2011", "\u2212"]
SEPARATORS = ["", " ", "\u00a0", *DASHED]


@given(
    st.dates(min_value=TODAY.replace(year=TODAY.year - 12), max_value=TODAY),
    st.integers(0, 23),
    st.integers(0, 59),
    st.sampled_from(SEPARATORS),
    st.booleans(),
    WORDS,
)
def test_a_recent_date_and_a_time_of_day_is_never_an_identity_number(
    day: dt.date, hour: int, minute: int, sep: str, long: bool, before: str
) -> None:
    date = day.strftime("%Y%m%d" if long else "%y%m%d")
    assert found(f"{before} {date}{sep}{hour:02d}{minute:02d}.") == []


@given(
    identity_numbers(),
    WORDS,
    WORDS,
    st.sampled_from([" ", "\n", " (", ": "]),
    st.sampled_from([" ", ".", ",", ")", "\n", ":s "]),
)
def test_every_valid_identity_number_is_found_once(
    number_kind: tuple[str, str], before: str, after: str, left: str, right: str
) -> None:
    number, kind = number_kind
    text = before + left + number + right + after
    findings = find_personal_data(text, today=TODAY)
    start = len(before) + len(left)
    assert [(f.kind, f.start, f.end, f.text) for f in findings] == [
        (kind, start, start + len(number), number)
    ]


def digit_runs(text: str) -> set[str]:
    digits = re.sub("[^0-9]", "", text)
    return {digits[i : i + 5] for i in range(len(digits) - 4)}


@given(identity_numbers())
def test_masked_identity_number_hides_all_but_four_digits(number_kind: tuple[str, str]) -> None:
    number, kind = number_kind
    masked = Finding(kind, 0, len(number), number).masked
    shown = re.sub("[^0-9]", "", masked)
    assert shown == re.sub("[^0-9]", "", number)[-4:]
    assert not digit_runs(number) & {shown[i : i + 5] for i in range(len(shown) - 4)}
    assert len(masked) == len(number)


PHONE_FORMATS = [
    "0{a}.{b}.{c}.{d}",
    "0{a}/{b}{c}{d}",
    "0{a}/{b} {c} {d}",
    "0{a}–{b} {c} {d}",
    "0{a}\u2011{b}{c}{d}",
    "+46 {a}.{b}.{c}.{d}",
    "0{a}-{b} {c} {d}",
    "0{a}{b}{c}{d}",
    "0{a} {b} {c} {d}",
    "+46 {a} {b} {c} {d}",
    "0046 {a}-{b} {c} {d}",
]


@given(
    st.sampled_from(["70", "72", "73", "76", "79"]),
    st.from_regex(r"\A[0-9]{3}\Z"),
    st.from_regex(r"\A[0-9]{2}\Z"),
    st.from_regex(r"\A[0-9]{2}\Z"),
    st.sampled_from(PHONE_FORMATS),
    WORDS,
)
def test_mobile_numbers_are_found_and_masked(
    a: str, b: str, c: str, d: str, layout: str, before: str
) -> None:
    number = layout.format(a=a, b=b, c=c, d=d)
    national = f"0{a}{b}{c}{d}"
    assume(identity_kind(national[:6], national[6:], today=TODAY) is None)  # else a personnummer
    text = f"{before} ring {number}."
    assert found(text) == [("telefon", number)]
    masked = find_personal_data(text, today=TODAY)[0].masked
    assert re.sub("[^0-9]", "", masked) == national[-4:]
    assert not digit_runs(number) & digit_runs(masked)
