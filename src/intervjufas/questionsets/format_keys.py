"""The keys of the question-file format as data: names, value kinds, required or not, descriptions.

The loader reads files by these tables and the JSON Schema is generated from them (together with
the question-type table), so the two cannot drift apart.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

ID_PATTERN = r"^[a-z][a-z0-9_]{0,49}$"


@dataclass(frozen=True)
class Key:
    """One key of the format: its name, kind of value, whether required, and a Swedish description.

    ``attr`` names the ``Question`` field a question key fills (empty for keys read separately).
    ``asked`` is False for a key that only changes how answers are presented, not how questions are
    asked: it is left out of the set's content hash, so reports made before it was added or changed
    can still be continued."""

    name: str
    kind: str
    required: bool = False
    description: str = ""
    attr: str = ""
    asked: bool = True


SET_KEYS = (
    Key("id", "ident", True, "Frågeuppsättningens id (små bokstäver, siffror, _)."),
    Key("version", "int", True, "Versionsnummer; höj det när du ändrar frågorna."),
    Key("titel", "text", True, "Titel som visas i rapporten."),
    Key("beskrivning", "text", False, "Kort beskrivning som visas i listor."),
    Key("avslutning", "text", False, "Text som visas när alla steg är klara."),
    Key("metadata", "questions", True, "Frågor om uppdraget; 'uppdrag' måste finnas."),
    Key("steg", "steps", True, "Stegen i ordning."),
)
STEP_KEYS = (
    Key("id", "ident", True, "Stegets id."),
    Key("etikett", "text", False, "Kort namn, t.ex. 'Steg 1' (standard: 'Steg N')."),
    Key("titel", "text", True, "Stegets titel, t.ex. 'Före intervjun'."),
    Key("ingress", "text", False, "Inledande text som visas när steget börjar."),
    Key("fragor", "items", True, "Stegets frågor och grupper av frågor."),
)
GROUP_KEYS = (
    Key("grupp", "ident", True, "Gruppens id."),
    Key("rubrik", "text", False, "Kort rubrik för gruppen."),
    Key("text", "text", False, "Gruppens inledande text eller fråga."),
    Key("fragor", "questions", True, "Frågorna i gruppen."),
)
QUESTION_KEYS = (
    Key("id", "ident", True, "Frågans id; stabilt, det knyter svaret till frågan i rapporten.", "id"),
    Key("text", "text", True, "Frågans text, ordagrant.", "text"),
    Key("typ", "type", True, "Frågetyp.", "kind"),
    Key("hjalp", "text", False, "Hjälptext som visas vid frågan.", "help"),
    Key("kort", "text", False, "Kort etikett för tabeller och diagram.", "short"),
    Key("obligatorisk", "bool", False, "Måste frågan besvaras? (standard: false)", "required"),
    Key("standard", "any", False, "Standardsvar; för datum kan 'idag' anges."),
    Key("val", "texts", False, "Valen för typerna val och flerval.", "choices"),
    Key("kommentar", "bool", False, "Fråga efter en fri kommentar efter valet (val, janej).", "comment"),
    Key("min", "int", False, "Skalans lägsta värde (skala, standard 1).", "scale_min"),
    Key("max", "int", False, "Skalans högsta värde (skala, standard 5).", "scale_max"),
    Key("etiketter", "labels", False, "Text till skalans värden, t.ex. {1: Mycket dåligt}."),
    Key("villkor", "condition", False, "Ställ frågan bara när villkoret gäller."),
    Key(
        "plan",
        "plan",
        False,
        "Svaret förs till utvecklingsplanen: lagga_till, utveckla eller ta_bort.",
        "plan",
    ),
    Key(
        "fas",
        "phase",
        False,
        "Fasen i processkartan: fore, under eller efter (typen moment, och atgarder med plan).",
        "phase",
    ),
    Key(
        "kundrubrik",
        "line",
        False,
        "Rubriken som svaret visas under i kundversionen av en export (för en fråga om uppdraget: "
        "etiketten). Frågor utan den lämnas utanför kundversionen. Inte för betygsfrågor.",
        "customer_heading",
        asked=False,
    ),
)
# Question keys that only change how answers are presented (see ``Key.asked``).
PRESENTATION_KEYS = frozenset(key.name for key in QUESTION_KEYS if not key.asked)
CONDITION_KEYS = (
    Key("fraga", "ident", False, "Id för en tidigare fråga."),
    Key("ar", "any", False, "Svaret är exakt detta värde."),
    Key("ar_inte", "any", False, "Svaret är inte detta värde."),
    Key("en_av", "list", False, "Svaret är ett av värdena."),
    Key("innehaller", "any", False, "Flervalssvaret innehåller värdet."),
    Key("besvarad", "bool", False, "Frågan är (true) eller är inte (false) besvarad."),
    Key("minst", "int", False, "Skalsvaret är minst värdet."),
    Key("hogst", "int", False, "Skalsvaret är högst värdet."),
    Key("alla", "conditions", False, "Alla villkor i listan gäller."),
    Key("nagon", "conditions", False, "Något av villkoren i listan gäller."),
    Key("inte", "condition", False, "Villkoret gäller inte."),
)


def suggest(word: str, options: list[str] | tuple[str, ...]) -> str:
    """' – menade du 'x'?' for the closest option, or ''."""
    match = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" – menade du '{match[0]}'?" if match else ""


def listed(names: tuple[str, ...] | list[str]) -> str:
    """'a', 'a och b', 'a, b och c'."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} och {names[-1]}"
