"""The one vocabulary of every ``--json`` output: each key with its one meaning and JSON type (in
Swedish, as ``intervjufas schema`` prints it), the objects built from those keys, and the stable
ASCII codes that stand for Swedish words (statuses, kinds of action, marks).

A key means the same thing, with the same type, in every command; ``json_schema`` builds each
command's JSON Schema from these tables, so one word has one definition.  Counts are ``antal_…``;
``steg`` is always a step's number and ``fragor`` always a list of questions.
"""

from __future__ import annotations

from typing import Any

from intervjufas.model.conditions import OPERATORS
from intervjufas.model.personal_data import KINDS
from intervjufas.model.questionnaire import STATUS_DONE, STATUS_NOT_STARTED, STATUS_STARTED
from intervjufas.model.questions import PLAN_KINDS

FORMAT = 2  # the version of the JSON outputs; 1 was the unversioned format before it

# Swedish words and their codes: the code is what scripts compare, the text what people read.
STEP_STATUS_CODES = {STATUS_DONE: "klar", STATUS_STARTED: "paborjad", STATUS_NOT_STARTED: "ej_paborjad"}
FOLLOW_UP_CODES = {
    "Genomfört": "genomfort",
    "Delvis": "delvis",
    "Inte än": "inte_an",
    "Släpp": "slapp",
    "Sammanslagen": "sammanslagen",  # (an item merged into another row about the same moment)
}
PLAN_CODES = {label: code for code, label in PLAN_KINDS.items()}
PERSONAL_DATA_CODES = {kind: kind.replace("-", "_") for kind in KINDS}
MARK_CODES = ("nytt", "utveckla", "ta_bort", "utvecklat")
MAP_CHANGE_CODES = (
    "tillagt",
    "borttaget",
    "nytt_namn",
    "flyttat",
    "markering",
    "utvecklat",
    "beror",
    "notering",
)
HISTORY_EVENT_CODES = (
    "forsta_gangen",
    "tillbaka",
    "nytt_namn",
    "flyttat",
    "planerat_lagga_till",
    "planerat_utveckla",
    "planerat_ta_bort",
    "tillagt",
    "utvecklat",
    "borttaget",
    "lamnade_kartan",
)
ORIGIN_CODES = ("karta", "utvecklingsplan", "ingen")


def code(text: str | None, codes: dict[str, str]) -> str | None:
    """The code of a Swedish word (None for None; an unknown word as its lower-case ASCII form)."""
    if text is None:
        return None
    found = codes.get(text)
    if found is not None:
        return found
    plain = text.casefold().translate(str.maketrans("åäöé -", "aaoe__"))
    return "".join(char for char in plain if char.isascii() and (char.isalnum() or char == "_"))


def _string(text: str) -> dict[str, Any]:
    return {"type": "string", "description": text}


def _nullable(text: str) -> dict[str, Any]:
    return {"type": ["string", "null"], "description": text}


def _count(text: str) -> dict[str, Any]:
    return {"type": "integer", "minimum": 0, "description": text}


def _flag(text: str) -> dict[str, Any]:
    return {"type": "boolean", "description": text}


def _codes(values: tuple[str, ...] | list[str], text: str, *, null: bool = False) -> dict[str, Any]:
    options: list[Any] = [*values, None] if null else list(values)
    return {"enum": options, "description": text}


def _list(item: str, text: str) -> dict[str, Any]:
    """A list of one of the objects below (``item``) or of strings (``"text"``)."""
    items = {"type": "string"} if item == "text" else {"$ref": f"#/$defs/{item}"}
    return {"type": "array", "items": items, "description": text}


def _object(name: str, text: str, *, null: bool = False) -> dict[str, Any]:
    if null:
        return {"anyOf": [{"$ref": f"#/$defs/{name}"}, {"type": "null"}], "description": text}
    return {"$ref": f"#/$defs/{name}", "description": text}


_PLAN = list(PLAN_KINDS)
_FOLLOW_UPS = list(FOLLOW_UP_CODES.values())

# Every key of every output: its JSON Schema, with its meaning in Swedish.
KEYS: dict[str, dict[str, Any]] = {
    "format": {"const": FORMAT, "description": "Formatets version (heltal); ändras när formen ändras."},
    # the report
    "fil": _string("Rapportens filnamn."),
    "sokvag": _string("Rapportens fullständiga sökväg."),
    "datum": _string("Rapportens datum, ÅÅÅÅ-MM-DD (för en händelse: datumet för rapporten den står i)."),
    "uppdrag": _string("Uppdragets namn."),
    "kund": _string("Kundens namn."),
    "forfattare": _string('Vem som gjorde rapporten ("" när det inte står); i historiken: vems kartor.'),
    "intervjuform": _list("text", "Intervjuformerna."),
    "uppsattning": _string("Id för frågeuppsättningen rapporten gjordes med (eller trenden gäller)."),
    "uppsattning_finns": _flag("Om frågeuppsättningen finns här (annars jämförs bara svaren)."),
    "version": {"type": "integer", "description": "Frågeuppsättningens version."},
    "rapport": _object("Rapport", "Rapporten som visas (null när ingen finns).", null=True),
    "rapport_a": _object("Rapport", "Rapport A i en jämförelse."),
    "rapport_b": _object("Rapport", "Rapport B i en jämförelse."),
    "rapporter": _list("Rapport", "Rapporterna, som objekt."),
    # steps and statuses
    "steg": {"type": "integer", "minimum": 1, "description": "Stegets nummer (1 för det första)."},
    "steg_namn": _string('Stegets namn som det visas, t.ex. "Steg 1" eller "Del 2".'),
    "steg_titel": _string('Stegets titel, t.ex. "Före intervjun".'),
    "stegen": _list("Steg", "Stegen, i ordning."),
    "status": _codes(list(STEP_STATUS_CODES.values()), "Stegets status: klar, paborjad eller ej_paborjad."),
    "status_text": _string('Statusen i ord, t.ex. "påbörjad".'),
    # the action plan
    "oppna_moment": _list("Atgard", "De öppna momenten i utvecklingsplanerna."),
    "nya_moment": _list("Atgard", "Moment i B:s utvecklingsplan som inte fanns i A:s."),
    "borttagna_moment": _list("Atgard", "Moment i A:s utvecklingsplan som inte finns i B:s."),
    "typ": _codes(_PLAN, "Vad som planeras: lagga_till, utveckla eller ta_bort."),
    "typ_text": _string('Typen i ord: "Lägga till", "Utveckla" eller "Ta bort".'),
    "namn": _string("Momentets namn."),
    "varfor": _string('Varför ("" när det inte står).'),
    "senaste_status": _codes(
        _FOLLOW_UPS,
        "Senaste uppföljningens status: genomfort, delvis, inte_an, slapp, sammanslagen (null: ingen än).",
        null=True,
    ),
    "senaste_status_text": _nullable('Senaste statusen i ord, t.ex. "Inte än" (null: ingen uppföljning än).'),
    "senaste_status_datum": _nullable(
        "Datum för senaste uppföljningen, ÅÅÅÅ-MM-DD: den uppföljande rapportens (null: ingen än)."
    ),
    "senaste_kommentar": _string('Kommentaren till senaste uppföljningen ("" när ingen finns).'),
    "planandring": _object("Planandring", "Ändringen som plan --markera skrev in i rapporten."),
    # status
    "katalog": _string("Rapportmappen (hela sökvägen)."),
    "kartlaggningar_kvar": _list("Kvar", "Kartläggningarna med steg kvar, nyast först (högst 10)."),
    "steg_kvar": {
        "type": "array",
        "items": {"type": "integer"},
        "description": "Numren på stegen som är kvar.",
    },
    "kommando": _string("Kommandot som fortsätter (eller visar) det, att köra som det står."),
    "oppna_per_kund": _list("Kundlage", "Öppna moment i utvecklingsplanerna per kund, flest först."),
    "senaste_karta": _nullable("Rapporten med den senaste kartan (hela sökvägen; null: ingen karta än)."),
    "tidpunkt": _string("När ändringen gjordes (ÅÅÅÅ-MM-DDTtt:mm:ss+hh:mm)."),
    "sammanslagen_med": _nullable("Id för raden momentet slogs ihop med (null: ingen sammanslagning)."),
    "id": _nullable("Objektets id (null när det saknas, t.ex. för ett moment utan id)."),
    # the process map
    "ursprung": _codes(list(ORIGIN_CODES), "Var kartan kommer ifrån: karta, utvecklingsplan eller ingen."),
    "senaste": _flag("Om rapporten är den senaste."),
    "faser": _list("Fas", "Processkartans faser, i ordning."),
    "fas": _string("Fasens id: fore, under eller efter."),
    "moment": _list("Moment", "Momenten, i kartans ordning."),
    "beror": _list("text", "Vilka momentet berör, t.ex. kunden, kandidaten."),
    "notering": _string('Noteringen till momentet ("" när ingen finns).'),
    "markering": _codes(
        list(MARK_CODES), "Momentets markering: nytt, utveckla, ta_bort, utvecklat (null: ingen).", null=True
    ),
    "markering_text": _nullable("Markeringen i ord (null: ingen)."),
    "utvecklat": _nullable("Datum då momentet utvecklades (null: inte utvecklat)."),
    "pa_kartan": _flag("Om momentet finns på den senaste kartan."),
    "handelser": _list("Handelse", "Vad som hänt momentet, äldst först."),
    "handelse": _codes(list(HISTORY_EVENT_CODES), "Vad som hände, som kod (t.ex. tillagt, nytt_namn)."),
    "text": _string("Texten (ett svar, en fråga eller en händelse i ord)."),
    "fore": _string('Före: det gamla namnet eller fasens id ("" när det inte gäller).'),
    "efter": _string('Efter: det nya namnet, fasens id eller datumet ("" när det inte gäller).'),
    "uppfoljning": _flag("Om det berättades av en uppföljning (Genomfört)."),
    "alla_forfattare": _flag("Om historiken gäller alla författare."),
    "historik": _list("Linje", "En historik per författare."),
    # comparison
    "skiljer_sig": _flag("Om rapporterna skiljer sig (med --av: konsulternas kartor)."),
    "uppgifter": _list("Uppgift", "Uppgifterna om rapporterna som skiljer sig."),
    "nyckel": _string("Uppgiftens nyckel i rapportens huvud, t.ex. roll."),
    "etikett": _string("Etiketten som visas, t.ex. frågans."),
    "a": _nullable("Värdet i A, som text (null när A saknar det)."),
    "b": _nullable("Värdet i B, som text (null när B saknar det)."),
    "processkarta": _object(
        "Kartjamforelse", "Kartornas jämförelse (null när ingen rapport har en karta).", null=True
    ),
    "andringar": _list("Kartandring", "Ändringarna på kartan."),
    "andring": _codes(list(MAP_CHANGE_CODES), "Vilken ändring, som kod (t.ex. tillagt, flyttat)."),
    "andring_text": _string('Ändringen i ord, t.ex. "Nytt i B".'),
    "bara_karta_i": _codes(["A", "B"], "Vilken rapport som ensam har en karta (null: båda).", null=True),
    "avsnitt": _list("Avsnitt", "Svaren som skiljer sig, per steg."),
    "titel": _string("Titeln."),
    "andrade": _list("Andrat", "Svar som ändrats."),
    "bara_i_a": _list("Ensidigt", "Svar som bara finns i A."),
    "bara_i_b": _list("Ensidigt", "Svar som bara finns i B."),
    "fraga": _string("Frågans id."),
    "ord": {
        "type": "array",
        "description": "Ordjämförelsen rad för rad: par [equal|delete|insert, text].",
        "items": {
            "type": "array",
            "items": {
                "type": "array",
                "prefixItems": [{"enum": ["equal", "delete", "insert"]}, {"type": "string"}],
                "items": False,
                "minItems": 2,
            },
        },
    },
    "okand_for": _list("text", "Rapporterna (A, B) vars frågeuppsättning inte känner frågan."),
    "betygsjamforelse": _list("Betygsrad", "Betygen i A och B sida vid sida."),
    "betyg_a": {"type": ["integer", "null"], "description": "Betyget i A (null när det saknas)."},
    "betyg_b": {"type": ["integer", "null"], "description": "Betyget i B (null när det saknas)."},
    "skillnad": {"type": ["integer", "null"], "description": "B minus A (null när ett betyg saknas)."},
    "min": {"type": "integer", "description": "Skalans lägsta värde."},
    "max": {"type": "integer", "description": "Skalans högsta värde."},
    # trend
    "trender": _list("Trend", "En trend per frågeuppsättning."),
    "perioder": _list("text", "Perioderna, äldst först."),
    "betyg": _list("Betygsserie", "En serie per betygsfråga."),
    "punkter": _list("Punkt", "Medelvärdet per period."),
    "period": _string("Perioden, t.ex. 2024-03 eller 2024 K1."),
    "medel": {"type": "number", "description": "Medelvärdet."},
    "enkat": _codes(
        ["kandidat", "kund"],
        "Enkäten till kandidaterna eller kunden (intervjufas enkat). I trend: serien är svaren på den, bredvid "
        "ditt eget betyg på samma fråga; utan nyckeln är serien ditt eget betyg.",
    ),
    "antal_svar": _count(
        "Antal svar från enkäten bakom punkten eller momentet (en period med för få svar tas inte med; "
        "för ett moment med för få svar finns inget antal)."
    ),
    # privacy scan
    "fynd": _list("Fynd", "Personuppgifterna som hittades."),
    "rad": {"type": "integer", "minimum": 1, "description": "Raden i filen."},
    "personuppgift": _codes(list(PERSONAL_DATA_CODES.values()), "Slag av personuppgift, som kod."),
    "personuppgift_text": _string('Slaget i ord, t.ex. "e-postadress".'),
    "maskerat": _string("Uppgiften maskerad (aldrig i klartext)."),
    # question sets
    "uppsattningar": _list("Uppsattning", "Frågeuppsättningarna."),
    "kalla": _string("Var uppsättningen kommer ifrån: inbyggd eller filens sökväg."),
    "anvandbar": _flag("Om filen går att använda."),
    "fel": _list("text", "Felen, som rad:kolumn: meddelande."),
    "beskrivning": _string("Beskrivningen."),
    "avslutning": _string("Texten efter sista steget."),
    "kontrollsumma": _string("Uppsättningens kontrollsumma."),
    "metadata": _list("Fraga", "Frågorna om uppdraget (före stegen)."),
    "ingress": _string("Stegets ingress."),
    "fragor": _list("Fraga", "Frågorna, i ordning."),
    "antal_fragor": _count("Antal frågor."),
    "antal_steg": _count("Antal steg."),
    "fragetyp": _string("Frågans typ som i frågefilen, t.ex. skala, text, val."),
    "obligatorisk": _flag("Om frågan måste besvaras."),
    "hjalp": _string("Hjälptexten."),
    "kort": _string("Den korta etiketten."),
    "val": _list("text", "Svarsalternativen."),
    "kommentar": _flag("Om frågan tar en kommentar."),
    "etiketter": {
        "type": "object",
        "additionalProperties": {"type": "string"},
        "description": "Skalans etiketter: värde → text.",
    },
    "standard": {"description": "Standardsvaret, som i frågefilen."},
    "plan": _codes(_PLAN, "Vad frågans svar planerar: lagga_till, utveckla eller ta_bort."),
    "grupp": _object("Grupp", "Gruppen frågan hör till."),
    "rubrik": _string("Gruppens rubrik."),
    "villkor": _object("Villkor", "När frågan ställs, som i frågefilen (null: alltid).", null=True),
    "alla": _list("Villkor", "Alla villkoren ska gälla."),
    "nagon": _list("Villkor", "Något av villkoren ska gälla."),
    "inte": _object("Villkor", "Villkoret ska inte gälla."),
    **{operator: {"description": f"Jämförelsen {operator}, som i frågefilen."} for operator in OPERATORS},
    # counts
    "antal_rapporter": _count("Antal rapporter."),
    "antal_oppna_moment": _count("Antal öppna moment i rapportens utvecklingsplan."),
    "antal_moment_a": _count("Antal moment på A:s karta."),
    "antal_moment_b": _count("Antal moment på B:s karta."),
    "antal_oforandrade": _count("Antal oförändrade (svar, eller moment på kartan)."),
    "antal_jamforda": _count("Antal jämförda svar."),
    "antal_genomsokta": _count("Antal genomsökta rapporter."),
    "antal_rapporter_med_fynd": _count("Antal rapporter med fynd."),
    "antal_utelamnade": _count("Antal rapporter som inte kom med."),
    "antal_konsulter": _count("Antal konsulter: i teamets karta, eller som har momentet."),
    "konsulter": _list("text", "Konsulterna, med namn (de utan namn räknas i utan_namn)."),
    "utan_namn": _flag("Rapporter utan författare eller anonymiserade räknas (som en konsult utan namn)."),
    "namn_i_gruppen": _list("text", "Alla stavningar som räknas som samma moment."),
    "teamfaser": _list("Teamfas", "Teamets karta fas för fas, i ordning."),
    "teammoment": _list("Teammoment", "Teamets moment i fasen, vanligast först."),
    "upplevelse": _list(
        "Upplevelse",
        "Den upplevelse enkäterna fått in om momentet, per enkät (kandidaterna först), sammanslaget över "
        "rapporterna bakom teamets karta; tom när ingen enkät frågade om momentet.",
    ),
    "median": {"type": "number", "description": "Medianen av svaren på skalan (1–5)."},
    # two consultants side by side (jamfor --av A --av B)
    "konsult_a": _string("Konsult A, som namnet står i rapporterna."),
    "konsult_b": _string("Konsult B, som namnet står i rapporterna."),
    "konsultfaser": _list("Konsultfas", "De två senaste kartorna jämförda fas för fas, i ordning."),
    "bara_hos_a": _list("text", "Moment som bara finns på A:s karta (A:s namn)."),
    "bara_hos_b": _list("text", "Moment som bara finns på B:s karta (B:s namn)."),
    "olika_beror": _list("Olikaberor", "Moment som båda har men som berör olika."),
    "hos_bada": _list("text", "Moment som båda har och som berör samma (A:s namn)."),
    "namn_a": _string("Momentets namn hos A."),
    "namn_b": _string("Momentets namn hos B."),
    "beror_a": _list("text", "Vilka momentet berör hos A."),
    "beror_b": _list("text", "Vilka momentet berör hos B."),
    # one consultant's ratings against the team's (trend --av NAMN)
    "konsult": _string("Konsulten vars betyg jämförs med teamets, som namnet står i rapporterna."),
    "per": _codes(["manad", "kvartal"], "Perioderna: manad eller kvartal."),
    "teamtrender": _list("Teamtrend", "En jämförelse per frågeuppsättning."),
    "teambetyg": _list("Teambetygsserie", "En serie per betygsfråga som konsulten har betyg på."),
    "teampunkter": _list("Teampunkt", "Per period, äldst först: konsultens medel bredvid teamets median."),
    "eget_medel": {
        "type": ["number", "null"],
        "description": "Konsultens medelbetyg under perioden (null: inget betyg av konsulten då).",
    },
    "antal_egna_rapporter": _count("Antal av konsultens rapporter bakom medlet."),
    "teamets_median": {"type": "number", "description": "Medianen av alla betyg i teamet under perioden."},
    "antal_teamrapporter": _count("Antal rapporter i teamet bakom medianen (konsultens egna medräknade)."),
    "for_fa_svar": _flag("Färre svar än minsta antal: varken antal eller median visas."),
}
